"""A small key for the network diagram: what the colours, widths, halos and highlights mean.

It lays its entries out left to right and wraps to more rows when narrow (``heightForWidth``); the network view
places it in a strip under the drawing. Entries about the stepper's highlights can be hidden (the training
playground has no steps); the entry about the neuron maps is shown only with them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy

from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.widgets.pixmap_label import PixmapLabel

#: (kind of swatch, colour (a name in bpviz.gui.palette: read when drawn), text: translated where shown)
ENTRIES = (
    ("line", "POSITIVE", "w > 0"),
    ("line", "NEGATIVE", "w < 0"),
    ("widths", "NEUTRAL", QT_TRANSLATE_NOOP("DiagramLegend", "width = |w|")),
    ("halo", "GRADIENT", QT_TRANSLATE_NOOP("DiagramLegend", "halo = |∂E/∂w|")),
    ("glow", "READ", QT_TRANSLATE_NOOP("DiagramLegend", "read by this step")),
    ("ring", "WRITE", QT_TRANSLATE_NOOP("DiagramLegend", "written by this step")),
    ("map", "POSITIVE", QT_TRANSLATE_NOOP("DiagramLegend", "map = output: + blue, − orange")),
)
_STEP_KINDS = ("glow", "ring")
_SWATCH, _GAP, _SPACING, _PAD = 26.0, 6.0, 18.0, 6.0


def _color(hex_: str, alpha: int = 255) -> QColor:
    c = QColor(hex_)
    c.setAlpha(alpha)
    return c


class DiagramLegend(PixmapLabel):
    """Drawn into a pixmap when its entries or size change (see PixmapLabel): its repaints, with every frame of
    the diagram above it, run no Python."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.background = QColor(palette.BACKGROUND)
        self.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self._show_steps, self._show_maps = True, False
        font = self.font()
        font.setPointSizeF(max(9.0, font.pointSizeF() * 0.95))
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setToolTip("")

    def entries(self) -> list[tuple[str, str, str]]:
        return [(kind, getattr(palette, color), translate("DiagramLegend", text)) for kind, color, text in ENTRIES
                if (self._show_steps or kind not in _STEP_KINDS) and (self._show_maps or kind != "map")]

    def set_show_steps(self, show: bool) -> bool:
        """Show the entries about the stepper's highlights or not; True when that changed."""
        if show == self._show_steps:
            return False
        self._show_steps = show
        self.updateGeometry()
        self._render()
        return True

    def set_show_maps(self, show: bool) -> bool:
        """Show the entry about the neuron maps or not; True when that changed."""
        if show == self._show_maps:
            return False
        self._show_maps = show
        self.updateGeometry()
        self._render()
        return True

    def restyle(self) -> None:
        """Draw again in the palette's colours (bpviz.gui.theme)."""
        self.background = QColor(palette.BACKGROUND)
        self._render()

    def texts(self) -> list[str]:
        return [text for _, _, text in self.entries()]

    # layout -------------------------------------------------------------------------------
    def _rows(self, width: float) -> list[list[tuple[tuple, float]]]:
        fm = QFontMetricsF(self.font())
        rows: list[list] = [[]]
        x = _PAD
        for entry in self.entries():
            w = _SWATCH + _GAP + fm.horizontalAdvance(entry[2])
            if rows[-1] and x + w > width - _PAD:
                rows.append([])
                x = _PAD
            rows[-1].append((entry, w))
            x += w + _SPACING
        return rows

    def _line_height(self) -> float:
        return QFontMetricsF(self.font()).height() + 6

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(len(self._rows(width)) * self._line_height() + 2 * _PAD / 2 + 0.999)

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        w = sum(_SWATCH + _GAP + fm.horizontalAdvance(e[2]) + _SPACING for e in self.entries()) + 2 * _PAD
        return QSize(int(w), self.heightForWidth(int(w)))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)  # not the pixmap's size: the view gives the legend its width

    # painting -----------------------------------------------------------------------------
    def _draw(self, p: QPainter, width: int, height: int) -> None:
        p.setRenderHint(QPainter.Antialiasing)
        p.setPen(QPen(_color(palette.NODE_BORDER, 50), 1))
        p.drawLine(QPointF(0, 0.5), QPointF(width, 0.5))
        lh = self._line_height()
        y = _PAD / 2
        for row in self._rows(width):
            x = _PAD
            for (kind, color, text), w in row:
                self._swatch(p, kind, color, QRectF(x, y, _SWATCH, lh))
                p.setPen(QColor(palette.TEXT))
                p.drawText(QRectF(x + _SWATCH + _GAP, y, w, lh), Qt.AlignVCenter | Qt.AlignLeft, text)
                x += w + _SPACING
            y += lh

    @staticmethod
    def _swatch(p: QPainter, kind: str, color: str, r: QRectF) -> None:
        cy = r.center().y()
        left, right = QPointF(r.left() + 2, cy), QPointF(r.right() - 2, cy)
        p.setBrush(Qt.NoBrush)
        if kind == "line":
            p.setPen(QPen(QColor(color), 3.5, Qt.SolidLine, Qt.FlatCap))
            p.drawLine(left, right)
        elif kind == "widths":
            for i, w in enumerate((1.0, 2.5, 4.5)):
                x = r.left() + 4 + i * 8
                p.setPen(QPen(QColor(color), w, Qt.SolidLine, Qt.FlatCap))
                p.drawLine(QPointF(x, cy - 6), QPointF(x, cy + 6))
        elif kind == "halo":
            p.setPen(QPen(_color(color, 90), 10, Qt.SolidLine, Qt.RoundCap))
            p.drawLine(QPointF(left.x() + 4, cy), QPointF(right.x() - 4, cy))
            p.setPen(QPen(QColor(palette.POSITIVE), 2, Qt.SolidLine, Qt.FlatCap))
            p.drawLine(left, right)
        elif kind == "glow":
            p.setPen(Qt.NoPen)
            p.setBrush(_color(color, 120))
            p.drawEllipse(r.center(), 10, 8)
            p.setBrush(QColor(palette.NODE_FILL))
            p.setPen(QPen(QColor(palette.NODE_BORDER), 1))
            p.drawEllipse(r.center(), 5.5, 5.5)
        elif kind == "map":  # a little map: orange on the left, white, blue on the right
            p.setPen(QPen(QColor(palette.NODE_BORDER), 1))
            grad = QLinearGradient(r.center().x() - 8, 0, r.center().x() + 8, 0)
            for t, c in ((0.0, palette.NEGATIVE), (0.5, palette.BACKGROUND), (1.0, palette.POSITIVE)):
                grad.setColorAt(t, QColor(c))
            p.setBrush(QBrush(grad))
            p.drawRoundedRect(QRectF(r.center().x() - 8, cy - 8, 16, 16), 2.5, 2.5)
        elif kind == "ring":
            p.setBrush(QColor(palette.NODE_FILL))
            p.setPen(QPen(QColor(color), 2.5))
            p.drawEllipse(r.center(), 6.5, 6.5)


__all__ = ["DiagramLegend", "ENTRIES"]
