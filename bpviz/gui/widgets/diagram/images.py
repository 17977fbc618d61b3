"""Per-neuron heat maps on the network diagram (the training playground, as TensorFlow Playground draws them).

Each neuron's output over the input plane is a small square image in place of its circle: values in [-1, 1]
through a 256-entry colour table, −1 orange (``palette.NEGATIVE``), 0 white, +1 blue (``palette.POSITIVE``).
``to_images`` converts every map of a state at once (one stacked NumPy lookup, flipped so that row 0, the
bottom of the plane, ends up at the bottom of the picture); a ``MapNode`` paints one image in a rounded square
and only swaps it for the next state (the playground sends ~30 states a second). ``Caption`` is the small name
beside a map. A softmax of K ≥ 3 outputs gets a ``ClassMark`` right of each output map: the dot of its class's
colour (as on the decision region) and the class's name, so that o1 … oK read as P(class 0) … P(class K−1).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QImage, QPen, QPixmap, QTransform
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from bpviz.gui import palette
from bpviz.gui.i18n import translate

CORNER = 3.0  # radius of the rounded square, scene px
CLASS_NAME_PX = 90.0  # a class's name beside its output map is shortened to this width (scene px)
Z_CAPTION = 7  # over the edges, as the diagram's labels


def _lut() -> np.ndarray:
    """256 opaque 0xAARRGGBB colours: entry k shows the value (k − 127.5) / 127.5."""
    t = (np.arange(256) - 127.5) / 127.5
    neg, pos = (np.array(QColor(c).getRgb()[:3], float) for c in (palette.NEGATIVE, palette.POSITIVE))
    ends = np.where(t[:, None] < 0, neg, pos)
    base = np.array(QColor(palette.BACKGROUND).getRgb()[:3], float)  # 0: white (light), the background (dark)
    rgb = np.rint(base - np.abs(t)[:, None] * (base - ends)).astype(np.uint32)
    return (0xFF000000 | (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]).astype(np.uint32)


LUT = _lut()
_LUTS = {}


def lut() -> np.ndarray:
    """``LUT`` in the colours of the palette in use."""
    key = (palette.NEGATIVE, palette.POSITIVE, palette.BACKGROUND)
    if key not in _LUTS:
        _LUTS[key] = _lut()
    return _LUTS[key]


def to_images(maps: dict) -> dict:
    """neuron id → (QImage (RGB32) of its map, the pixel array the image shows: keep it with the image).
    Maps of one size are converted together, in one lookup.

    A map is an (h, w) array in [-1, 1], row 0 the bottom of the plane; NaN shows as 0 (white), values
    beyond ±1 as ±1."""
    by_shape: dict[tuple, list] = {}
    for name, m in maps.items():
        if m is not None:
            m = np.asarray(m)
            if m.ndim == 2 and m.size:
                by_shape.setdefault(m.shape, []).append((name, m))
    out = {}
    for (h, w), items in by_shape.items():
        stack = np.stack([m for _, m in items]).astype(np.float32, copy=False)
        idx = np.nan_to_num(stack, nan=0.0, posinf=1.0, neginf=-1.0)
        idx = np.clip(idx * 127.5 + 128.0, 0.0, 255.0).astype(np.uint8)  # the nearest entry: floor(k + 0.5)
        argb = lut()[idx[:, ::-1, :]]  # flipped: row 0 (bottom of the plane) is drawn at the bottom
        for k, (name, _) in enumerate(items):
            pixels = argb[k]
            image = QImage(pixels, w, h, 4 * w, QImage.Format_RGB32)
            out[name] = (image, pixels)
    return out


class MapNode(QGraphicsRectItem):
    """A neuron drawn as a square showing its map (or filled, until it has one). Only native Qt items, so
    painting runs no Python: the frame is this rectangle's pen; the map a pixmap item stacked behind it."""

    def __init__(self, r: float):
        super().__init__(-r, -r, 2 * r, 2 * r)
        self._image, self._pixels, self._fill, self._map_size = None, None, QBrush(), None
        self._map = QGraphicsPixmapItem(self)
        self._map.setFlag(QGraphicsItem.ItemStacksBehindParent)
        self._map.setTransformationMode(Qt.SmoothTransformation)
        self._map.hide()

    def image(self) -> QImage | None:
        return self._image

    def setBrush(self, brush) -> None:  # the fill shows only while there is no map
        self._fill = QBrush(brush)
        super().setBrush(self._fill if self._image is None else QBrush(Qt.NoBrush))

    def set_image(self, image: QImage | None, pixels=None) -> None:
        had_image = self._image is not None
        self._image, self._pixels = image, pixels
        if image is None:
            if had_image:
                self._map.hide()
                super().setBrush(self._fill)
            return
        self._map.setPixmap(QPixmap.fromImage(image))
        size = (image.width(), image.height())
        if size != self._map_size:  # the map's scale onto the square: set once per image size
            self._map_size = size
            rect = self.rect()
            self._map.setTransform(QTransform(rect.width() / size[0], 0, 0, rect.height() / size[1],
                                              rect.left(), rect.top()))
        if not had_image:
            self._map.show()
            super().setBrush(QBrush(Qt.NoBrush))


class Caption(QGraphicsRectItem):
    """A neuron's name beside its map, on a faint white backing so edges passing behind stay out of the way
    (native items: nothing to paint in Python)."""

    def __init__(self, text: str, font, color: str | None = None):
        super().__init__()
        self._text = QGraphicsSimpleTextItem(text, self)
        self._text.setFont(font)
        self._text.setBrush(QColor(color or palette.TEXT))
        back = QColor(palette.BACKGROUND)
        back.setAlpha(215)
        self.setBrush(back)
        self.setPen(QPen(Qt.NoPen))
        br = self._text.boundingRect()
        self.setRect(br.adjusted(-1.5, 0, 1.5, 0))

    def text(self) -> str:
        return self._text.text()

    def place(self, x: float, y: float, align: tuple[float, float]) -> None:
        """Put the point ``align`` (fractions of the text box) of the caption at (x, y)."""
        br = self._text.boundingRect()
        self.setPos(x - align[0] * br.width(), y - align[1] * br.height())


def show_maps(nodes: dict, maps: dict | None) -> None:
    """Put each neuron's map (``DiagramState.neuron_images``) in its node; a neuron without one is plain."""
    images = to_images(maps or {})
    for name, node in nodes.items():
        node.circle.set_image(*images.get(name, (None, None)))


def add_captions(scene, nodes: dict, names, shown: dict, input_font, font) -> None:
    """Names beside the maps: an input's (its feature) left of it, vertically centred, in ``input_font``; a
    neuron's id in small ``font`` left of its top corner, clear of the row above."""
    for l in range(len(names.sizes)):
        for name in names.layer_neurons(l):
            node = nodes[name]
            cap = node.caption = Caption(shown[name], input_font if l == 0 else font,
                                         palette.TEXT if l == 0 else palette.MUTED)
            cap.setZValue(Z_CAPTION)
            c, r = node.center, node.r
            if l == 0:
                cap.place(c.x() - r - 6, c.y(), (1.0, 0.5))
            else:
                cap.place(c.x() - r - 3, c.y() - r - 1, (1.0, 0.0))
            scene.addItem(cap)


class ClassMark(QGraphicsRectItem):
    """Right of a softmax output's map: a dot of its class's colour and the class's name (native items only)."""

    def __init__(self, k: int, name: str, font, r: float):
        super().__init__()
        self.name = name
        d = max(7.0, min(12.0, 0.45 * r))
        self._dot = QGraphicsEllipseItem(0, -d / 2, d, d, self)
        self._dot.setBrush(QColor(palette.class_color(k)))
        self._dot.setPen(QPen(QColor(palette.TEXT), 0.8))
        fm = QFontMetricsF(font)
        self._text = QGraphicsSimpleTextItem(fm.elidedText(name, Qt.ElideRight, CLASS_NAME_PX), self)
        self._text.setFont(font)
        self._text.setBrush(QColor(palette.TEXT))
        br = self._text.boundingRect()
        self._text.setPos(d + 3, -br.height() / 2)
        self.setPen(QPen(Qt.NoPen))
        self.setRect(QRectF(-1, -max(d, br.height()) / 2, d + 4 + br.width(), max(d, br.height())))

    def text(self) -> str:
        return self._text.text()


def add_class_marks(scene, nodes: dict, outputs: list[str], classes: tuple[str, ...], font) -> list[ClassMark]:
    """A ``ClassMark`` right of each output neuron's map (a softmax of K ≥ 3 classes: output k is class k)."""
    marks = []
    for k, (name, cls) in enumerate(zip(outputs, classes)):
        node = nodes[name]
        mark = ClassMark(k, cls, font, node.r)
        mark.setZValue(Z_CAPTION)
        mark.setPos(node.center.x() + node.r + 5, node.center.y())
        scene.addItem(mark)
        marks.append(mark)
    return marks


def map_tooltip(name: str, caption: str | None, is_input: bool, class_name: str | None = None) -> str:
    """What a neuron's map shows, for its tooltip (``class_name``: a softmax output's class, K ≥ 3)."""
    if is_input:
        what = caption or name
        return translate("NeuronMap", "map: {what} over the input plane (scaled to −1…1): blue > 0, orange < 0"
                         ).format(what=what)
    if class_name is not None:
        return translate("NeuronMap", "map: the probability P of class {cls} over the input plane (softmax output "
                                      "{name}), drawn as 2·P − 1: blue where P > ½, orange where P < ½"
                         ).format(cls=class_name, name=name)
    return translate("NeuronMap", "map: output of {name} over the input plane: blue > 0, orange < 0").format(name=name)


__all__ = ["LUT", "Caption", "ClassMark", "MapNode", "add_captions", "add_class_marks", "map_tooltip", "show_maps",
           "to_images"]
