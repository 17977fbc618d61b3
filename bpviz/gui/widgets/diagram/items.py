"""The graphics items the network diagram is drawn with, and the colours and fonts they share.

A ``Label`` is lines of text on a rounded box; a ``Node`` a neuron or bias circle (or a neuron's map, a rounded
square) with its read glow; an ``Edge`` one weight or bias line with its highlight line and label; a ``LineLayer``
draws many lines as a few native path items (all the edges, or all the gradient halos). Each is told where it goes
and what to show, and knows how to look read, written or not highlighted.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsLineItem, QGraphicsPathItem, QGraphicsSimpleTextItem

from bpviz.gui import palette
from bpviz.gui.widgets.diagram.images import MapNode

Z_HALO, Z_GLOW, Z_OUTLINE, Z_EDGE, Z_NODE_GLOW, Z_NODE, Z_LABEL = 0, 1, 2, 3, 4, 5, 7


def _color(hex_: str, alpha: int = 255) -> QColor:
    c = QColor(hex_)
    c.setAlpha(alpha)
    return c


def tint(hex_: str, amount: float) -> QColor:
    """``hex_`` mixed with the background, white or dark (opaque, so a label still hides the lines under it)."""
    c, b = QColor(hex_), QColor(palette.BACKGROUND)
    return QColor.fromRgbF(b.redF() - amount * (b.redF() - c.redF()), b.greenF() - amount * (b.greenF() - c.greenF()),
                           b.blueF() - amount * (b.blueF() - c.blueF()))


def pixel_font(px: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(max(6, int(round(px))))
    f.setBold(bold)
    return f


class Label(QGraphicsPathItem):
    """Lines of text on a white rounded box, anchored at a point (align: which point of the box sits there)."""

    def __init__(self, scene, eid, font, anchor, align=(0.5, 0.5), capacity=1):
        super().__init__()
        self.eid, self.anchor, self.align = eid, QPointF(anchor), align
        self._font, self._bold = font, QFont(font)
        self._bold.setBold(True)
        self._fm, self._fmb = QFontMetricsF(font), QFontMetricsF(self._bold)
        self._texts = [QGraphicsSimpleTextItem(self) for _ in range(capacity)]  # made up front: no new items later
        for item in self._texts:
            item.hide()
        self._key, self.hl = None, "unset"
        self.setZValue(Z_LABEL)
        self.set_highlight(None)
        scene.addItem(self)
        self.hide()

    def size_for(self, lines: list[str], bold_last: bool = False) -> tuple[float, float]:
        w = max((self._fm.horizontalAdvance(t) for t in lines), default=0.0)
        if bold_last and lines:
            w = max(w, self._fmb.horizontalAdvance(lines[-1]))
        return w + 12, len(lines) * self._fm.height() + 6

    def set_lines(self, lines: list[tuple[str, str, bool]]) -> None:
        """lines: (text, colour, bold); an empty list hides the label."""
        if lines == self._key:
            return
        self._key = lines
        if not lines:
            self.hide()
            return
        while len(self._texts) < len(lines):
            self._texts.append(QGraphicsSimpleTextItem(self))
        lh, w = self._fm.height(), 0.0
        for i, (text, color, bold) in enumerate(lines):
            item = self._texts[i]
            item.setFont(self._bold if bold else self._font)
            item.setText(text)
            item.setBrush(QColor(color))
            item.setPos(6, 3 + i * lh)
            item.show()
            w = max(w, (self._fmb if bold else self._fm).horizontalAdvance(text))
        for item in self._texts[len(lines):]:
            item.hide()
        width, height = w + 12, len(lines) * lh + 6
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, width, height), 5, 5)
        self.setPath(path)
        self.setPos(self.anchor.x() - self.align[0] * width, self.anchor.y() - self.align[1] * height)
        self.show()

    def text(self) -> str:
        return "\n".join(k[0] for k in self._key or ())

    def set_highlight(self, mode) -> None:
        if mode == self.hl:
            return
        self.hl = mode
        if mode == "read":
            self.setPen(QPen(QColor(palette.READ), 3))
            self.setBrush(tint(palette.READ, 0.22))
        elif mode == "write":
            self.setPen(QPen(QColor(palette.WRITE), 3))
            self.setBrush(tint(palette.WRITE, 0.08))
        else:
            self.setPen(QPen(_color(palette.NODE_BORDER, 70), 1))
            self.setBrush(_color(palette.BACKGROUND, 240))


class Node:
    """A circle with its name inside, and a soft glow behind it when read. With ``square`` (the playground's
    neuron maps) a rounded square showing the map instead, its name in ``caption`` beside it (if any)."""

    def __init__(self, scene, eid, center, r, font, small=False, square=False, text=None):
        self.eid, self.center, self.r, self.hl, self.square = eid, QPointF(center), r, None, square
        self.caption = None
        self.circle = MapNode(r) if square else QGraphicsEllipseItem(-r, -r, 2 * r, 2 * r)
        self.circle.setPos(center)
        self.circle.setZValue(Z_NODE)
        self.circle.setBrush(QColor(palette.NODE_FILL))
        self._pen = QPen(QColor(palette.NODE_BORDER), 1.6 if not small else 1.2)
        self.circle.setPen(self._pen)
        scene.addItem(self.circle)
        self.glow = None
        self.text = None
        if font is not None:
            self.text = QGraphicsSimpleTextItem(eid if text is None else text, self.circle)
            self.text.setFont(font)
            self.text.setBrush(QColor(palette.TEXT))
            br = self.text.boundingRect()
            self.text.setPos(-br.width() / 2, -br.height() / 2)

    def contains(self, p: QPointF, margin: float = 2.0) -> bool:
        dx, dy = p.x() - self.center.x(), p.y() - self.center.y()
        if self.square:
            return max(abs(dx), abs(dy)) <= self.r + margin
        return math.hypot(dx, dy) <= self.r + margin

    def set_highlight(self, mode) -> None:
        if mode == self.hl:
            return
        self.hl = mode
        self.circle.setPen(QPen(QColor(palette.WRITE), max(3.0, self.r * 0.16)) if mode == "write" else self._pen)
        if mode == "read":
            self.ensure_glow()
        if self.glow is not None:
            self.glow.setVisible(mode == "read")

    def ensure_glow(self) -> None:
        if self.glow is None:
            g = self.r * 0.55 + 4
            self.glow = QGraphicsEllipseItem(-self.r - g, -self.r - g, 2 * (self.r + g), 2 * (self.r + g))
            self.glow.setPos(self.center)
            self.glow.setZValue(Z_NODE_GLOW)
            self.glow.setPen(QPen(_color(palette.READ, 110), 3))
            self.glow.setBrush(_color(palette.READ, 120))
            self.glow.hide()
            self.circle.scene().addItem(self.glow)


class Edge:
    """One weight or bias edge (drawn by the line layers) with its highlight line and label, if any."""

    __slots__ = ("eid", "index", "p1", "p2", "mark", "hl", "label", "label_rect")

    def __init__(self, eid, index, p1, p2):
        self.eid, self.index, self.p1, self.p2 = eid, index, QPointF(p1), QPointF(p2)
        self.mark, self.hl, self.label, self.label_rect = None, None, None, None

    def ensure_mark(self, scene) -> None:
        if self.mark is None:
            self.mark = QGraphicsLineItem(self.p1.x(), self.p1.y(), self.p2.x(), self.p2.y())
            self.mark.hide()
            scene.addItem(self.mark)

    def set_highlight(self, mode, scene, width: float) -> None:
        self.hl = mode
        if mode is None:
            if self.mark is not None:
                self.mark.hide()
            return
        self.ensure_mark(scene)
        if mode == "read":
            self.mark.setPen(QPen(_color(palette.READ, 150), width + 14, Qt.SolidLine, Qt.RoundCap))
            self.mark.setZValue(Z_GLOW)
        else:
            self.mark.setPen(QPen(QColor(palette.WRITE), width + 6, Qt.SolidLine, Qt.FlatCap))
            self.mark.setZValue(Z_OUTLINE)
        self.mark.show()


class LineLayer:
    """Many lines drawn as a few native path items, one per pen (all the edges, or all the gradient halos):
    far cheaper than one line item each, and painted by Qt without running Python (the playground redraws
    hundreds of edges ~30 times a second while training runs in another Python thread). The items, one per
    colour and half-pixel width, are made once and reused: a new state only changes their paths."""

    STEPS_PER_PX, MAX_PX = 2, 30

    def __init__(self, scene, seg: np.ndarray, z: float, colors: list[QColor]):
        self._seg = np.asarray(seg, dtype=float)
        levels = self.MAX_PX * self.STEPS_PER_PX + 1
        self._items = []  # index: color * levels + width level
        for c in colors:
            for level in range(levels):
                item = QGraphicsPathItem()
                item.setPen(QPen(c, level / self.STEPS_PER_PX, Qt.SolidLine, Qt.FlatCap))
                item.setZValue(z)
                item.hide()
                scene.addItem(item)
                self._items.append(item)
        self._levels = levels
        self._groups: dict[int, np.ndarray] = {}

    def set_lines(self, color_index: np.ndarray, width: np.ndarray) -> None:
        """Line k gets colour number color_index[k] and width[k] (to half a pixel); NaN width: not drawn."""
        level = np.clip(np.round(np.nan_to_num(width, nan=-1.0) * self.STEPS_PER_PX), -1, self._levels - 1)
        keys = (np.asarray(color_index) * self._levels + level).astype(int)
        drawn = np.flatnonzero(level > 0)
        order = drawn[np.argsort(keys[drawn], kind="stable")]
        uniq, starts = np.unique(keys[order], return_index=True)
        groups = {int(k): order[a:b] for k, a, b in zip(uniq, starts, np.append(starts[1:], len(order)))}
        for key in self._groups.keys() - groups.keys():
            self._items[key].hide()
        for key, members in groups.items():
            old = self._groups.get(key)
            if old is None or not np.array_equal(old, members):
                path = QPainterPath()  # (pyqtgraph's arrayToQPath costs more for these few lines)
                for x1, y1, x2, y2 in self._seg[members].tolist():
                    path.moveTo(x1, y1)
                    path.lineTo(x2, y2)
                self._items[key].setPath(path)
            self._items[key].show()
        self._groups = groups


__all__ = ["Edge", "Label", "LineLayer", "Node", "Z_EDGE", "Z_HALO", "pixel_font", "tint"]
