"""Pictures of what the window shows: a plot, the network diagram, a panel or the whole window as PNG or SVG.

``export_picture(target, path, size)`` chooses the format by the file's extension and the way to draw by the
kind of target:

- a pyqtgraph plot (``PlotWidget`` or ``PlotItem``): laid out again at the picture's size (axes, ticks and
  labels placed for it, not stretched), PNG through pyqtgraph's ``ImageExporter``, SVG through its
  ``SVGExporter`` (with the work-around for Qt >= 6.11 in ``bpviz.gui.export.svg``);
- a ``QGraphicsView`` (the network diagram): the drawing of its scene as the user sees it (no larger than on
  screen), without the scroll area around it, centred on white, with the view's ``legend`` strip under it;
- any other ``QWidget`` (the stepper panel, the whole window): the widget as shown.

PNG ``size`` is the picture in pixels (default: the target's size on screen times its device pixel ratio, so
crisp on HiDPI). A plot or a diagram is laid out for the requested proportions; a widget cannot be laid out again
without moving it on screen, so it is scaled to fit and centred on its window background. SVG is vector with text
kept as text (``<text>``); pixel pictures inside (the decision region, the neuron maps) are embedded as PNG
images. For an SVG ``size`` sets its width and height (default: the size on screen), the drawing laid out as for
a PNG of that size.

Every file is written through ``bpviz.files.atomic_write``: failures raise ``FileError`` naming the file and
leave neither the file nor a temporary file behind. Call from the GUI thread. No menus or dialogs here.
"""

from __future__ import annotations

import contextlib
import xml.dom.minidom
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QSize, QSizeF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from bpviz import __version__
from bpviz.files import FileError, atomic_write
from bpviz.gui.export.sources import _HINTS, _PlotSource, _rounded, _Source, _source

# re-exported: the app (install_svg_workaround) and the tests import the SVG repairs from here
from bpviz.gui.export.svg import (
    bake_cosmetic_strokes,
    fix_closed_paths,
    install_svg_workaround,
    rects_to_paths,
    strip_close_path,
    svg_workaround,
)

FORMATS = {".png": "PNG", ".svg": "SVG"}
MAX_PIXELS = 100_000_000  # 10^8 pixels (400 MB of ARGB): a slip such as 160000 x 100000 is refused


# ---------------------------------------------------------------------------------------------- public API
def export_picture(target, path, size: tuple[int, int] | None = None, *, title: str | None = None) -> Path:
    """Write a picture of ``target`` to ``path`` (.png or .svg, by its extension); return the path written.

    ``target``: a pyqtgraph PlotWidget or PlotItem, a QGraphicsView (drawn as its scene) or any QWidget.
    ``size``: (width, height) in pixels of a PNG (default ``picture_size(target)``); for an SVG its nominal
    width and height (default: the target's size on screen). ``title``: the SVG's title (default: said from the
    target). Raises FileError (one sentence naming the file) when the file cannot be written.
    """
    out = Path(path).expanduser()
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise FileError(f"Cannot write {out}: choose a .png or .svg file name")
    source = _source(target)
    if size is None:
        size = picture_size(target) if fmt == "PNG" else _rounded(source.logical_size())
    width, height = _checked_size(out, size)
    with _no_item_caches(source.widget):
        if fmt == "PNG":
            data = _png_bytes(source, width, height)
        else:
            data = _svg_bytes(source, width, height, title if title is not None else source.title())
    return _write_bytes(out, data)


def picture_size(target) -> tuple[int, int]:
    """The default PNG size of ``target``: its size on screen times the screen's device pixel ratio."""
    source = _source(target)
    size, dpr = source.logical_size(), source.device_pixel_ratio()
    return max(1, round(size.width() * dpr)), max(1, round(size.height() * dpr))


# ---------------------------------------------------------------------------------------------- writing
def _checked_size(path: Path, size) -> tuple[int, int]:
    try:
        width, height = size
        ok = all(isinstance(v, int) or (isinstance(v, float) and v.is_integer()) for v in (width, height))
    except (TypeError, ValueError):
        ok = False
    if not ok or isinstance(width, bool) or isinstance(height, bool) or width < 1 or height < 1:
        raise ValueError(f"size must be (width, height), two whole numbers of pixels >= 1, got {size!r}")
    width, height = int(width), int(height)
    if width * height > MAX_PIXELS:
        raise FileError(f"Cannot write {path}: {width} x {height} pixels is too large a picture")
    return width, height


@contextlib.contextmanager
def _no_item_caches(widget: QWidget):
    """Graphics items drawn from their own pixmap caches while in the block (pyqtgraph axes, points): drawn
    afresh instead, so that a bigger picture is crisp and an SVG gets vectors and text, not bitmaps."""
    views = [widget] if isinstance(widget, QGraphicsView) else []
    views += widget.findChildren(QGraphicsView)
    cached = []
    for scene in {id(v.scene()): v.scene() for v in views if v.scene() is not None}.values():
        for item in scene.items():
            mode = item.cacheMode()
            if mode != QGraphicsItem.NoCache:
                cached.append((item, mode))
                item.setCacheMode(QGraphicsItem.NoCache)
    try:
        yield
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)


def _png_bytes(source: _Source, width: int, height: int) -> bytes:
    scale = source.scale_for(width, height)
    if isinstance(source, _PlotSource):
        image = source.png(width, height, scale)
    else:
        image = QImage(width, height, QImage.Format_ARGB32_Premultiplied)
        image.fill(source.background())
        painter = QPainter(image)
        try:
            painter.setRenderHints(_HINTS)
            painter.scale(scale, scale)
            source.paint(painter, QSizeF(width / scale, height / scale))
        finally:
            painter.end()
    if image is None or image.isNull() or image.size() != QSize(width, height):
        raise RuntimeError(f"the picture came out {None if image is None else image.size()}, not {width}x{height}")
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode the picture as PNG")
    return bytes(buffer.data())


def _svg_bytes(source: _Source, width: int, height: int, title: str) -> bytes:
    scale = source.scale_for(width, height)
    canvas = QSizeF(width / scale, height / scale)
    description = f"Drawn by bpviz {__version__}"
    text = source.svg(canvas, title, description)
    return _finish_svg(text, width, height, canvas, title, description).encode("utf-8")


def _finish_svg(text: str, width: int, height: int, canvas: QSizeF, title: str, description: str) -> str:
    """The root element with width/height in px, a viewBox, our title and description; clip shapes unpainted
    (renderers without clipping, such as QtSvg's, would draw them)."""
    doc = xml.dom.minidom.parseString(text.encode("utf-8"))
    root = doc.documentElement
    root.setAttribute("width", f"{width}px")
    root.setAttribute("height", f"{height}px")
    root.setAttribute("viewBox", f"0 0 {canvas.width():.6g} {canvas.height():.6g}")
    rects_to_paths(root)
    bake_cosmetic_strokes(root)
    for clip in root.getElementsByTagName("clipPath"):
        for shape in clip.childNodes:
            if shape.nodeType == shape.ELEMENT_NODE:
                shape.setAttribute("stroke", "none")
                shape.setAttribute("fill", "none")
    for tag, value in (("title", title), ("desc", description)):
        nodes = [n for n in root.childNodes if n.nodeType == n.ELEMENT_NODE and n.tagName == tag]
        node = nodes[0] if nodes else root.insertBefore(doc.createElement(tag), root.firstChild)
        while node.firstChild is not None:
            node.removeChild(node.firstChild)
        node.appendChild(doc.createTextNode(value))
    return doc.toxml(encoding="utf-8").decode("utf-8")


def _write_bytes(path: Path, data: bytes) -> Path:
    def write(tmp: str) -> None:
        with open(tmp, "wb") as f:
            f.write(data)

    return atomic_write(path, write, suffix=path.suffix)


__all__ = ["FORMATS", "bake_cosmetic_strokes", "export_picture", "fix_closed_paths", "install_svg_workaround",
           "picture_size", "rects_to_paths", "strip_close_path", "svg_workaround"]
