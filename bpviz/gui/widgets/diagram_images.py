"""Per-neuron heat maps on the network diagram (the training playground, as TensorFlow Playground draws them).

Each neuron's output over the input plane is a small square image in place of its circle: values in [-1, 1]
through a 256-entry colour table, −1 orange (``palette.NEGATIVE``), 0 white, +1 blue (``palette.POSITIVE``).
``to_images`` converts every map of a state at once (one stacked NumPy lookup, flipped so that row 0, the
bottom of the plane, ends up at the bottom of the picture); a ``MapNode`` paints one image in a rounded square
and only swaps it for the next state (the playground sends ~30 states a second). ``Caption`` is the small name
beside a map.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

from bpviz.gui import palette

CORNER = 3.0  # radius of the rounded square, scene px
Z_CAPTION = 7  # over the edges, as the diagram's labels


def _lut() -> np.ndarray:
    """256 opaque 0xAARRGGBB colours: entry k shows the value (k − 127.5) / 127.5."""
    t = (np.arange(256) - 127.5) / 127.5
    neg, pos = (np.array(QColor(c).getRgb()[:3], float) for c in (palette.NEGATIVE, palette.POSITIVE))
    ends = np.where(t[:, None] < 0, neg, pos)
    rgb = np.rint(255 - np.abs(t)[:, None] * (255 - ends)).astype(np.uint32)
    return (0xFF000000 | (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]).astype(np.uint32)


LUT = _lut()


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
        argb = LUT[idx[:, ::-1, :]]  # flipped: row 0 (bottom of the plane) is drawn at the bottom
        for k, (name, _) in enumerate(items):
            pixels = argb[k]
            image = QImage(pixels, w, h, 4 * w, QImage.Format_RGB32)
            out[name] = (image, pixels)
    return out


class MapNode(QGraphicsRectItem):
    """A neuron drawn as a rounded square showing its map (or plain, until it has one). Pen and brush as
    a circle's: the pen outlines it, the brush fills it when there is no image."""

    def __init__(self, r: float):
        super().__init__(-r, -r, 2 * r, 2 * r)
        self._image, self._pixels, self._brush = None, None, None

    def image(self) -> QImage | None:
        return self._image

    def set_image(self, image: QImage | None, pixels=None) -> None:
        self._image, self._pixels = image, pixels
        if image is None:
            self._brush = None
        else:  # a texture brush scaled onto the square: the rounded corners clip it for free
            rect = self.rect()
            self._brush = QBrush(image)
            self._brush.setTransform(QTransform(rect.width() / image.width(), 0, 0,
                                                rect.height() / image.height(), rect.left(), rect.top()))
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(self.pen())
        painter.setBrush(self._brush if self._brush is not None else self.brush())
        painter.drawRoundedRect(self.rect(), CORNER, CORNER)


class Caption(QGraphicsSimpleTextItem):
    """A neuron's name beside its map, on a faint white backing so edges passing behind stay out of the way."""

    def __init__(self, text: str, font, color: str = palette.TEXT):
        super().__init__(text)
        self.setFont(font)
        self.setBrush(QColor(color))
        self._back = QColor(palette.BACKGROUND)
        self._back.setAlpha(215)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.fillRect(self.boundingRect().adjusted(-1.5, 0, 1.5, 0), self._back)
        super().paint(painter, option, widget)

    def place(self, x: float, y: float, align: tuple[float, float]) -> None:
        """Put the point ``align`` (fractions of the text box) of the caption at (x, y)."""
        br = self.boundingRect()
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


def map_tooltip(name: str, caption: str | None, is_input: bool) -> str:
    """What a neuron's map shows, for its tooltip."""
    if is_input:
        what = caption or name
        return f"map: {what} over the input plane (scaled to −1…1): blue > 0, orange < 0"
    return f"map: output of {name} over the input plane: blue > 0, orange < 0"


__all__ = ["LUT", "Caption", "MapNode", "add_captions", "map_tooltip", "show_maps", "to_images"]
