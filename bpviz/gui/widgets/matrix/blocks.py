"""The warm-up net drawn as matrix blocks: x·w1 → h → ReLU → h_relu·w2 → y_pred vs y → loss, gradients below.

Each block is a rectangle whose sides grow with the logarithm of its shape (``matrix_layout``), labelled with
its name and shape, and painted as a small picture of its values (blue > 0, orange < 0, white ≈ 0, each block
scaled to its own largest |entry|): the ReLU's zeros in h_relu and the mask's zeros in grad_h show as white.
The blocks a code line reads glow amber and the ones it writes are outlined green (the stepper's colours).
The widget draws what it is given (a LessonPass's blocks and arrays); it computes nothing of the lesson.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from bpviz.gui import palette
from bpviz.gui.formula import to_html
from bpviz.gui.i18n import localise, translate
from bpviz.gui.widgets.matrix.layout import MatrixLayout, layout
from bpviz.gui.widgets.matrix.lines import shape_words

# the blocks' fills by kind: palette.BLOCK_FILLS (activation blocks: palette.NODE_FILL), read when painted
LEGEND_H = 22.0


def _rgb(hex_colour: str) -> np.ndarray:
    c = QColor(hex_colour)
    return np.array([c.red(), c.green(), c.blue()], dtype=np.float64)




def heat_image(values: np.ndarray, width: int, height: int) -> QImage:
    """``values`` (rows, cols) sampled to width × height pixels: blue > 0, orange < 0, white at 0, scaled to
    the largest |entry|."""
    a = np.asarray(values, dtype=np.float64)
    rows = (np.arange(height) * a.shape[0] // max(height, 1)).clip(0, a.shape[0] - 1)
    cols = (np.arange(width) * a.shape[1] // max(width, 1)).clip(0, a.shape[1] - 1)
    v = a[np.ix_(rows, cols)]
    v = np.where(np.isfinite(v), v, 0.0)
    top = float(np.abs(a[np.isfinite(a)]).max()) if np.isfinite(a).any() else 0.0
    t = np.abs(v) / top if top > 0 else np.zeros_like(v)
    colour = np.where((v >= 0)[..., None], _rgb(palette.POSITIVE), _rgb(palette.NEGATIVE))
    rgb = (_rgb(palette.BACKGROUND) * (1.0 - t[..., None]) + colour * t[..., None]).round().astype(np.uint8)
    rgb = np.ascontiguousarray(rgb)
    image = QImage(rgb.data, width, height, 3 * width, QImage.Format_RGB888)
    return image.copy()  # own the pixels: the array goes away


class MatrixBlocksView(QWidget):
    """Draws the blocks; ``set_pass`` gives it shapes and values, ``set_highlight`` what a line reads/writes."""

    blockClicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("matrix_blocks")
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMouseTracking(True)
        self._blocks: dict = {}
        self._values: dict = {}
        self._reads: tuple = ()
        self._writes: tuple = ()
        self._layout: MatrixLayout | None = None
        self._layout_for = None  # the widget size the layout was made for
        self._images: dict = {}
        self._label_font = QFont(self.font())
        self._name_font = QFont(self.font())
        self._name_font.setBold(True)
        self._op_font = QFont(self.font())
        self._op_font.setPointSizeF(self.font().pointSizeF() * 1.15)

    def sizeHint(self) -> QSize:
        return QSize(1200, 300)

    def minimumSizeHint(self) -> QSize:
        return QSize(600, 220)

    # ------------------------------------------------------------------ data
    def set_pass(self, blocks: dict, values: dict) -> None:
        """``blocks``: name -> Block (name, dims, shape, kind, meaning); ``values``: name -> array."""
        shapes_changed = {n: b.shape for n, b in blocks.items()} != {n: b.shape for n, b in self._blocks.items()}
        self._blocks, self._values = dict(blocks), dict(values)
        self._images.clear()
        if shapes_changed:
            self._layout = None
        self.update()

    def set_highlight(self, reads, writes) -> None:
        self._reads, self._writes = tuple(reads), tuple(writes)
        self.update()

    def restyle(self) -> None:
        """Paint in the palette's colours again (bpviz.gui.theme: an export from a dark window is drawn light):
        the pictures of the values mix into the background, so they are made again."""
        self._images.clear()
        self.update()

    def highlight_of(self, name: str) -> str | None:
        """'read', 'write', 'read+write' or None: how the selected line uses block ``name``."""
        parts = [p for p, names in (("read", self._reads), ("write", self._writes)) if name in names]
        return "+".join(parts) or None

    def label_text(self, name: str) -> str:
        return self._blocks[name].label

    def block_rect(self, name: str) -> QRectF:
        return self._current_layout().blocks[name].rect

    def block_names(self) -> list[str]:
        return list(self._blocks)

    def image_of(self, name: str) -> QImage | None:
        return self._image(name, self._current_layout().blocks[name].rect)

    # ------------------------------------------------------------------ geometry
    def _current_layout(self) -> MatrixLayout:
        if self._layout is None or self._layout_for != (self.width(), self.height()):
            name_fm, label_fm = QFontMetricsF(self._name_font), QFontMetricsF(self._label_font)
            op_fm = QFontMetricsF(self._op_font)

            def text_width(text, shape):
                if shape is None:  # an operator
                    return op_fm.horizontalAdvance(text)
                return max(name_fm.horizontalAdvance(text), label_fm.horizontalAdvance(self._shape_text(shape))) + 8

            shapes = {n: b.shape for n, b in self._blocks.items()}
            self._layout = layout(shapes, self.width(), self.height() - LEGEND_H, text_width,
                                  label_fm.height())
            self._layout_for = (self.width(), self.height())
            self._images.clear()
        return self._layout

    @staticmethod
    def _shape_text(shape) -> str:
        return "×".join(str(d) for d in shape) if len(shape) else translate("MatrixBlocksView", "scalar")

    def resizeEvent(self, event) -> None:
        self._layout = None
        super().resizeEvent(event)

    def _image(self, name: str, rect: QRectF) -> QImage | None:
        value = self._values.get(name)
        if value is None or np.ndim(value) != 2:
            return None
        w, h = max(int(rect.width()), 1), max(int(rect.height()), 1)
        key = (name, w, h)
        if key not in self._images:
            self._images[key] = heat_image(value, w, h)
        return self._images[key]

    # ------------------------------------------------------------------ painting
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor(palette.BACKGROUND))
        if not self._blocks:
            p.end()
            return
        lay = self._current_layout()
        p.setFont(self._label_font)
        p.setPen(QColor(palette.MUTED))
        for text, rect in lay.captions:
            p.drawText(rect, Qt.AlignLeft | Qt.AlignVCenter, translate("MatrixBlocksView", text))
        p.setFont(self._op_font)
        p.setPen(QColor(palette.TEXT))
        for text, rect in lay.operators:
            p.drawText(rect, Qt.AlignCenter, text)
        for name, place in lay.blocks.items():
            self._paint_block(p, name, place)
        self._paint_legend(p)
        p.end()

    def _paint_block(self, p: QPainter, name: str, place) -> None:
        block, rect = self._blocks[name], place.rect
        use = self.highlight_of(name) or ""
        if "read" in use:
            p.setPen(Qt.NoPen)
            glow = QColor(palette.READ)
            glow.setAlpha(150)
            p.setBrush(glow)
            p.drawRoundedRect(rect.adjusted(-6, -6, 6, 6), 5, 5)
        image = self._image(name, rect)
        if image is not None:
            p.drawImage(rect, image)
        else:
            p.fillRect(rect, QColor(palette.BLOCK_FILLS.get(block.kind, palette.NODE_FILL)))
        p.setBrush(Qt.NoBrush)
        border = palette.GRADIENT if block.kind == "gradient" else palette.NODE_BORDER
        p.setPen(QPen(QColor(border), 1.2))
        p.drawRect(rect)
        if "write" in use:
            p.setPen(QPen(QColor(palette.WRITE), 3.0))
            p.drawRect(rect.adjusted(-2.5, -2.5, 2.5, 2.5))
        label = place.label
        half = label.height() / 2
        p.setFont(self._name_font)
        p.setPen(QColor(palette.GRADIENT if block.kind == "gradient" else palette.TEXT))
        p.drawText(QRectF(label.x(), label.y(), label.width(), half), Qt.AlignHCenter | Qt.AlignVCenter, name)
        p.setFont(self._label_font)
        p.setPen(QColor(palette.MUTED))
        p.drawText(QRectF(label.x(), label.y() + half, label.width(), half), Qt.AlignHCenter | Qt.AlignVCenter,
                   self._shape_text(block.shape))

    def _paint_legend(self, p: QPainter) -> None:
        fm = QFontMetricsF(self._label_font)
        y = self.height() - LEGEND_H + 3
        x = 10.0
        p.setFont(self._label_font)
        items = (("swatch", palette.POSITIVE, self.tr("entry > 0")), ("swatch", palette.NEGATIVE, self.tr("entry < 0")),
                 ("swatch", palette.BACKGROUND,
                  self.tr("≈ 0 (each block scaled to its largest |entry|; sides log-scaled)")),
                 ("glow", palette.READ, self.tr("read by the selected line")),
                 ("outline", palette.WRITE, self.tr("written")))
        for kind, colour, text in items:
            box = QRectF(x, y + 3, 12, 12)
            if kind == "glow":
                glow = QColor(colour)
                glow.setAlpha(150)
                p.setPen(Qt.NoPen)
                p.setBrush(glow)
                p.drawRoundedRect(box.adjusted(-2, -2, 2, 2), 3, 3)
                p.setBrush(Qt.NoBrush)
            elif kind == "outline":
                p.setBrush(Qt.NoBrush)
                p.setPen(QPen(QColor(colour), 2.5))
                p.drawRect(box)
            else:
                p.setBrush(QColor(colour))
                p.setPen(QPen(QColor(palette.NODE_BORDER), 0.8))
                p.drawRect(box)
            p.setPen(QColor(palette.MUTED))
            width = fm.horizontalAdvance(text)
            p.drawText(QPointF(x + 17, y + 3 + fm.ascent() - 1), text)
            x += 17 + width + 18

    # ------------------------------------------------------------------ interaction
    def block_at(self, pos) -> str | None:
        if not self._blocks:
            return None
        return self._current_layout().block_at(pos.x(), pos.y())

    def mousePressEvent(self, event) -> None:
        name = self.block_at(event.position())
        if name is not None and event.button() == Qt.LeftButton:
            self.blockClicked.emit(name)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        name = self.block_at(event.position())
        self.setCursor(Qt.PointingHandCursor if name else Qt.ArrowCursor)
        super().mouseMoveEvent(event)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            name = self.block_at(event.pos())
            if name is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_for(name), self)
            return True
        return super().event(event)

    def tooltip_for(self, name: str) -> str:
        b = self._blocks[name]
        lines = [f"<b>{name}</b>: {to_html(localise(b.meaning))}",  # the meaning: the engine's Phrase
                 self.tr("shape {symbolic} = {numbers}").format(symbolic=to_html(shape_words(b.symbolic)),
                                                                numbers=shape_words(b.shape_text))]
        value = self._values.get(name)
        if value is not None and np.ndim(value) == 2:
            a = np.asarray(value)
            lines.append(self.tr("norm {norm:.4g}; entries from {low:.4g} to {high:.4g}").format(
                norm=np.linalg.norm(a), low=a.min(), high=a.max()))
        elif value is not None:
            lines.append(self.tr("value {value:.10g}").format(value=float(value)))
        lines.append(self.tr("<i>Click: select the line that writes it</i>"))
        return "<br>".join(lines)
