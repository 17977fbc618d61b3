"""The one-line key under the decision region: how the points are drawn and what the colours mean.

Two classes: the train and test markers of both classes and the colour ramp of P(blue) (regression: of the
output value). K ≥ 3 classes: the train and test markers (rims) in grey, then one dot per class in its colour with
its name (names too long for the line are shortened; the tooltip has them whole).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy

from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.widgets.pixmap_label import PixmapLabel
from bpviz.gui.widgets.plots.class_colors import point_styles, region_tables

KEY_TIPS = {
    False: QT_TRANSLATE_NOOP("DecisionKey", "Filled dots with a rim of the background's colour: training points; "
                                            "dots with a rim of the text's colour: test points.\nBackground: the "
                                            "network's P(blue) at each place, orange < 0.5 < blue."),
    True: QT_TRANSLATE_NOOP("DecisionKey", "Filled dots with a rim of the background's colour: training points; dots "
                                           "with a rim of the text's colour: test points. A dot's colour is\nits "
                                           "target value, −1 orange … 0 grey … +1 blue. Background: the network's "
                                           "output at each place on\nthe same scale (values beyond ±1 show as ±1)."),
}
CLASSES_TIP = QT_TRANSLATE_NOOP("DecisionKey", "Filled dots with a rim of the background's colour: training points; "
                                               "dots with a rim of the text's colour: test points; a dot's colour is "
                                               "its class.\nBackground: the class the network finds most probable at "
                                               "each place, paler where it is less sure\n(the background's colour: "
                                               "all {k} classes equally likely; the full colour: certain).\nClasses: "
                                               "{names}")
_WORDS = (QT_TRANSLATE_NOOP("DecisionKey", "train"), QT_TRANSLATE_NOOP("DecisionKey", "test"),  # drawn in the key
          QT_TRANSLATE_NOOP("DecisionKey", "output"))
MIN_NAME_PX = 14  # a class name is never shortened below this (with its ellipsis)
CLASS_DOT = 11.0  # a class's dot in the key: a little larger than the points, so its colour reads at once


class DecisionKey(PixmapLabel):
    """Drawn into a pixmap when it changes (see PixmapLabel): repainting it next to a region that changes 30 times
    a second runs no Python."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.regression = False
        self._classes: tuple[str, ...] = ()  # K ≥ 3: the classes' names; () for two classes or regression
        self.setToolTip(translate("DecisionKey", KEY_TIPS[False]))

    def set_regression(self, on: bool) -> None:
        """The ramp of P(blue) 0 … 1, or of the output value −1 … +1."""
        if bool(on) != self.regression:
            self.regression = bool(on)
            self._retip()
            self._render()

    def set_classes(self, names) -> None:
        """The names of K ≥ 3 classes, shown with their colours; None or two names: the two-class key."""
        names = tuple(str(n) for n in names) if names is not None and len(names) > 2 else ()
        if names != self._classes:
            self._classes = names
            self._retip()
            self._render()

    def restyle(self) -> None:
        """Draw again in the palette's colours (bpviz.gui.theme)."""
        self._render()

    def class_names(self) -> tuple[str, ...]:
        """The classes the key lists (K ≥ 3), else ()."""
        return self._classes

    def _retip(self) -> None:
        if self._classes and not self.regression:
            self.setToolTip(translate("DecisionKey", CLASSES_TIP).format(k=len(self._classes),
                                                                         names=", ".join(self._classes)))
        else:
            self.setToolTip(translate("DecisionKey", KEY_TIPS[self.regression]))

    def sizeHint(self) -> QSize:
        return QSize(300, self.fontMetrics().height() + 6)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 6)

    def _draw(self, p: QPainter, width: int, h: int) -> None:
        p.setRenderHint(QPainter.Antialiasing)
        if self._classes and not self.regression:
            self._draw_classes(p, width, h)
            return
        fm = self.fontMetrics()
        cy = h / 2
        x = 2.0
        text_pen = QPen(QColor(palette.MUTED))
        for kind, (size, rim, rim_width) in point_styles().items():
            label = translate("DecisionKey", kind)
            for color in (palette.NEGATIVE, palette.POSITIVE):
                x = self._dot(p, x, cy, size, rim, rim_width, color)
            p.setPen(text_pen)
            p.drawText(QPointF(x + 2, cy + fm.ascent() / 2 - 1), label)
            x += fm.horizontalAdvance(label) + 14
        label, low, high = (translate("DecisionKey", "output"), "−1", "+1") if self.regression else ("P(blue)", "0",
                                                                                                     "1")
        p.drawText(QPointF(x, cy + fm.ascent() / 2 - 1), label)
        x += fm.horizontalAdvance(label) + 6
        p.drawText(QPointF(x, cy + fm.ascent() / 2 - 1), low)
        x += fm.horizontalAdvance(low) + 3
        bar_w = max(40.0, min(90.0, width - x - fm.horizontalAdvance(high) - 8))
        grad = QLinearGradient(x, 0, x + bar_w, 0)
        lut = region_tables()[0]
        for i in (0, 64, 128, 192, 255):
            r_, g_, b_, _ = lut[i]
            grad.setColorAt(i / 255, QColor(int(r_), int(g_), int(b_)))
        bar = QRectF(x, cy - 5, bar_w, 10)
        p.setPen(QPen(QColor(palette.NEUTRAL), 0.8))
        p.setBrush(grad)
        p.drawRect(bar)
        p.setPen(text_pen)
        p.drawText(QPointF(x + bar_w + 3, cy + fm.ascent() / 2 - 1), high)

    @staticmethod
    def _dot(p: QPainter, x: float, cy: float, size: float, rim: str, rim_width: float, color: str) -> float:
        """A point marker at x (its left edge); returns the x after it."""
        r = size / 2
        p.setPen(QPen(QColor(rim), rim_width))
        p.setBrush(QColor(color))
        p.drawEllipse(QPointF(x + r, cy), r, r)
        return x + 2 * r + 2

    def _draw_classes(self, p: QPainter, width: int, h: int) -> None:
        fm = self.fontMetrics()
        cy = h / 2
        base = cy + fm.ascent() / 2 - 1
        x = 2.0
        p.setPen(QPen(QColor(palette.MUTED)))
        for kind, (size, rim, rim_width) in point_styles().items():  # the rims: grey dots
            label = translate("DecisionKey", kind)
            x = self._dot(p, x, cy, size, rim, rim_width, palette.NEUTRAL)
            p.setPen(QPen(QColor(palette.MUTED)))
            p.drawText(QPointF(x + 1, base), label)
            x += fm.horizontalAdvance(label) + 10
        x += 4
        dot, gap = CLASS_DOT, 9.0
        room = (width - x - 2) / len(self._classes) - dot - 2 - gap  # for each name
        for k, name in enumerate(self._classes):
            x = self._dot(p, x, cy, dot, palette.TEXT, 0.8, palette.class_color(k))
            text = fm.elidedText(name, Qt.ElideRight, int(max(room, MIN_NAME_PX)))
            p.setPen(QPen(QColor(palette.TEXT)))
            p.drawText(QPointF(x + 1, base), text)
            x += fm.horizontalAdvance(text) + gap + 1


__all__ = ["DecisionKey", "KEY_TIPS"]
