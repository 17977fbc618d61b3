"""Pictures of what the window shows: a plot, the network diagram, a panel or the whole window as PNG or SVG.

``export_picture(target, path, size)`` chooses the format by the file's extension and the way to draw by the
kind of target:

- a pyqtgraph plot (``PlotWidget`` or ``PlotItem``): laid out again at the picture's size (axes, ticks and
  labels placed for it, not stretched), PNG through pyqtgraph's ``ImageExporter``, SVG drawn by Qt's
  QSvgGenerator as every other source (pyqtgraph's ``SVGExporter`` maps every point in Python through minidom:
  up to half a second for a plot; it stays usable from a plot's own menu with ``install_svg_workaround``);
- a ``QGraphicsView`` (the network diagram): the drawing of its scene as the user sees it (no larger than on
  screen), without the scroll area around it, centred on white, with the view's ``legend`` strip under it;
- any other ``QWidget`` (the stepper panel, the whole window): the widget as shown.

PNG ``size`` is the picture in pixels (default: the target's size on screen times its device pixel ratio, so
crisp on HiDPI). A plot or a diagram is laid out for the requested proportions; a widget cannot be laid out again
without moving it on screen, so it is scaled to fit and centred on its window background. SVG is vector with text
kept as text (``<text>``); pixel pictures inside (the decision region, the neuron maps) are embedded as PNG
images. For an SVG ``size`` sets its width and height (default: the size on screen), the drawing laid out as for
a PNG of that size.

From a dark window (``bpviz.gui.theme``) the views that can take the palette's colours again (``restyle()``: the
loss curve, the decision region, the network diagram) are drawn in the light colours, on white.

Every file is written through ``bpviz.files.atomic_write``: failures raise ``FileError`` naming the file and
leave neither the file nor a temporary file behind. No menus or dialogs here.

Drawing needs the GUI thread; encoding the drawing (PNG compression: three quarters of a big picture's time, with
the GIL released; the SVG's repairs) and writing it do not. ``draw_picture`` draws and returns the rest as a
``Drawn`` that any thread may finish with ``write()``: the File menu writes in a worker thread, so a big picture
holds the GUI thread only while it is drawn. ``export_picture`` does both at once (the command line, the tests).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QSize, QSizeF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

import pyqtgraph as pg

from bpviz import __version__
from bpviz.engine.phrases import QT_TRANSLATE_NOOP, phrase_of
from bpviz.engine.thinning import NOISY_SWINGS, swings
from bpviz.files import FileError, atomic_write, cannot, writable_target
from bpviz.gui.export.sources import RENDER_HINTS, PlotSource, Source, rounded_size, source_for

# re-exported: the app (install_svg_workaround) and the tests import the pyqtgraph work-around from here
from bpviz.gui.export.svg import install_svg_workaround, svg_workaround
from bpviz.gui.export.svg_document import finished_svg
from bpviz.gui.theme import drawn_light

FORMATS = {".png": "PNG", ".svg": "SVG"}
# The biggest picture: 8,000 px a side (67 cm at 300 dpi) and 16 million pixels (three times a 1280x800 window is
# 9.2 million). Drawing, in the GUI thread, takes about 0.035 s per million pixels here (a random-action run saw
# 1.4 s for 40 million); encoding a PNG about as much again, which File > Export does in a worker thread.
MAX_SIDE = 8000
MAX_PIXELS = 16_000_000


# ---------------------------------------------------------------------------------------------- public API
class Drawn:
    """A picture drawn for ``path`` and not yet encoded; ``write()`` (from any thread) encodes it and writes the
    file, returning its path or raising FileError."""

    def __init__(self, path: Path, encode):
        self.path = path
        self._encode = encode

    def write(self) -> Path:
        try:
            data = self._encode()
        except RuntimeError as exc:  # Qt could not encode it: said as a file that could not be written
            raise FileError(cannot("write", self.path, phrase_of(exc))) from None
        return _write_bytes(self.path, data)


def draw_picture(target, path, size: tuple[int, int] | None = None, *, title: str | None = None) -> Drawn:
    """Check the name and the size and draw ``target`` for ``path`` (in the GUI thread); the arguments are
    ``export_picture``'s. Raises FileError for a name that is not .png or .svg or a picture too large."""
    out = Path(path).expanduser()
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise FileError(cannot("write", out, QT_TRANSLATE_NOOP("Export", "choose a .png or .svg file name")))
    out = writable_target(out)  # a folder, a missing folder...: said before a second is spent drawing
    source = source_for(target)
    if size is None:
        size = picture_size(target) if fmt == "PNG" else rounded_size(source.logical_size())
    width, height = _checked_size(out, size)
    # a dark window's pictures are drawn in the light colours (bpviz.gui.theme), as on paper
    with drawn_light(source.widget), _drawn_for_export(source.widget, vector=fmt != "PNG"):
        if fmt == "PNG":
            image = _png_image(source, width, height)
            return Drawn(out, lambda: _png_bytes(image))
        scale = source.scale_for(width, height)
        canvas = QSizeF(width / scale, height / scale)
        title = title if title is not None else source.title()
        description = f"Drawn by bpviz {__version__}"
        text = source.svg(canvas, title, description)
    return Drawn(out, lambda: finished_svg(text, width, height, canvas.width(), canvas.height(), title,
                                           description).encode("utf-8"))


def export_picture(target, path, size: tuple[int, int] | None = None, *, title: str | None = None) -> Path:
    """Write a picture of ``target`` to ``path`` (.png or .svg, by its extension); return the path written.

    ``target``: a pyqtgraph PlotWidget or PlotItem, a QGraphicsView (drawn as its scene) or any QWidget.
    ``size``: (width, height) in pixels of a PNG (default ``picture_size(target)``); for an SVG its nominal
    width and height (default: the target's size on screen). ``title``: the SVG's title (default: said from the
    target). Raises FileError (one sentence naming the file) when the file cannot be written.
    """
    return draw_picture(target, path, size, title=title).write()


def picture_size(target) -> tuple[int, int]:
    """The default PNG size of ``target``: its size on screen times the screen's device pixel ratio."""
    source = source_for(target)
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
        raise ValueError(QT_TRANSLATE_NOOP("Export", "size must be (width, height), two whole numbers of pixels >= 1, "
                                                     "got {size!r}").format(size=size))
    width, height = int(width), int(height)
    if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
        raise FileError(cannot("write", path, QT_TRANSLATE_NOOP(
            "Export", "{width:,} x {height:,} pixels is too large a picture (at most {side:,} pixels a side and "
                      "{millions} million in all)").format(width=width, height=height, side=MAX_SIDE,
                                                          millions=MAX_PIXELS // 1_000_000)))
    return width, height


@contextlib.contextmanager
def _drawn_for_export(widget: QWidget, vector: bool):
    """While in the block, ``widget`` and the graphics items under it drawn as a picture wants them:

    - complete: a widget that draws in steps over several turns of the event loop finishes them first (it has a
      ``finish_drawing()`` method);

    - afresh, not from their own pixmap caches (pyqtgraph axes, points), so that a bigger picture is crisp and an
      SVG gets vectors and text, not bitmaps;
    - pyqtgraph curves as one line each: on screen pyqtgraph draws thick lines as separate segments, whose
      antialiased joints show as dots in a picture and which an SVG would get as one element each (the
      trajectory grid had 61,000 polylines, 6.6 MB); but in a PNG (``vector`` False) a noisy curve stays in
      segments: one antialiased stroke that crosses itself thousands of times took Qt 14 s for the grid of a
      noisy run at 2634x2109, and its joints do not show in the noise;
    - pyqtgraph items in their export mode (as pyqtgraph's own exporters set it): scatter points as shapes, not
      stamped from a pixmap atlas (in an SVG, one vector symbol per point), antialiased.
    """
    for part in (widget, *widget.findChildren(QWidget)):
        finish = getattr(part, "finish_drawing", None)
        if callable(finish):
            finish()  # a widget that draws in steps across event-loop turns (the trajectory grid): done now
    views = [widget] if isinstance(widget, QGraphicsView) else []
    views += widget.findChildren(QGraphicsView)
    cached, segmented, exporting = [], [], []
    for scene in {id(v.scene()): v.scene() for v in views if v.scene() is not None}.values():
        for item in scene.items():
            mode = item.cacheMode()
            if mode != QGraphicsItem.NoCache:
                cached.append((item, mode))
                item.setCacheMode(QGraphicsItem.NoCache)
            if (isinstance(item, pg.PlotCurveItem) and item.opts.get("segmentedLineMode", "off") != "off"
                    and (vector or _calm(item))):
                segmented.append((item, item.opts["segmentedLineMode"]))
                item.opts["segmentedLineMode"] = "off"
            if isinstance(item, pg.GraphicsItem) and getattr(item, "_exportOpts", None) is False:
                # a noisy curve in a PNG as on screen, aliased: antialiasing its thousands of crossings costs
                # seconds and shows nothing in the noise
                smooth = vector or not isinstance(item, pg.PlotCurveItem) or _calm(item)
                item.setExportMode(True, {"antialias": smooth})
                exporting.append(item)
    try:
        yield
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)
        for item, mode in segmented:
            item.opts["segmentedLineMode"] = mode
        for item in exporting:
            item.setExportMode(False)


def _calm(curve) -> bool:
    y = curve.getData()[1]
    return y is None or swings(y) <= NOISY_SWINGS


def _png_image(source: Source, width: int, height: int) -> QImage:
    scale = source.scale_for(width, height)
    if isinstance(source, PlotSource):
        image = source.png(width, height, scale)
    else:
        image = QImage(width, height, QImage.Format_ARGB32_Premultiplied)
        image.fill(source.background())
        painter = QPainter(image)
        try:
            painter.setRenderHints(RENDER_HINTS)
            painter.scale(scale, scale)
            source.paint(painter, QSizeF(width / scale, height / scale))
        finally:
            painter.end()
    if image is None or image.isNull() or image.size() != QSize(width, height):
        raise RuntimeError(f"the picture came out {None if image is None else image.size()}, not {width}x{height}")
    return image


def _png_bytes(image: QImage) -> bytes:
    """The picture as PNG; thread-safe (Qt releases the GIL while it compresses)."""
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(QT_TRANSLATE_NOOP("Export", "Qt could not encode the picture as PNG"))
    return bytes(buffer.data())


def _write_bytes(path: Path, data: bytes) -> Path:
    def write(tmp: str) -> None:
        with open(tmp, "wb") as f:
            f.write(data)

    return atomic_write(path, write, suffix=path.suffix)


__all__ = ["FORMATS", "MAX_PIXELS", "MAX_SIDE", "Drawn", "draw_picture", "export_picture", "install_svg_workaround",
           "picture_size", "svg_workaround"]
