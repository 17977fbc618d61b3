"""How ``export_picture`` (``bpviz.gui.export.pictures``) draws each kind of target, one ``Source`` per kind.

A source knows its target's size on screen and draws it on a canvas of any size, to a QPainter (for a PNG) or as
SVG text: ``PlotSource`` a pyqtgraph plot laid out again at the canvas size, ``SceneSource`` a QGraphicsView's
scene with its legend, ``WidgetSource`` any other widget as shown. ``source_for(target)`` picks one. The picture's
size, format and file are ``bpviz.gui.export.pictures``'s.
"""

from __future__ import annotations

import contextlib
import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsView, QWidget

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter

from bpviz.engine.phrases import QT_TRANSLATE_NOOP
from bpviz.gui.export.svg_document import DRAWN_TAGS, parse_svg, svg_tag, svg_text

WHITE = QColor(255, 255, 255)
RENDER_HINTS = QPainter.Antialiasing | QPainter.TextAntialiasing | QPainter.SmoothPixmapTransform


# ---------------------------------------------------------------------------------------------- sources
class Source:
    """What to draw: its size on screen (``logical_size``) and how to draw it on a canvas of a given size."""

    def __init__(self, widget: QWidget):
        self.widget = widget

    def device_pixel_ratio(self) -> float:
        return float(self.widget.devicePixelRatioF())

    def logical_size(self) -> QSizeF:
        return QSizeF(self.widget.size())

    def title(self) -> str:
        w = self.widget
        if w.isWindow() and w.windowTitle():
            return w.windowTitle()
        return f"bpviz — {_name_of(w)}"

    def background(self) -> QColor:
        return _solid(self.widget.backgroundBrush()) if isinstance(self.widget, QGraphicsView) else WHITE

    def scale_for(self, width: int, height: int) -> float:
        """Picture pixels per pixel on screen for a picture of that size, the canvas being (width, height) / scale:
        a picture bigger than on screen draws the same layout bigger (crisp); a smaller one is laid out smaller
        (scale 1) rather than drawn with tiny text."""
        size = self.logical_size()
        return max(1.0, min(width / max(size.width(), 1.0), height / max(size.height(), 1.0)))

    def paint(self, painter: QPainter, canvas: QSizeF) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def svg(self, canvas: QSizeF, title: str, description: str) -> str:
        """The SVG text of the drawing on ``canvas``: one QSvgGenerator painting through ``paint``."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        generator = _generator(buffer, canvas, self.widget)
        generator.setTitle(title)
        generator.setDescription(description)
        painter = QPainter()
        if not painter.begin(generator):
            raise RuntimeError("Qt could not start drawing the SVG")
        try:
            painter.setRenderHints(RENDER_HINTS)
            self.paint(painter, canvas)
        finally:
            painter.end()
        return bytes(data).decode("utf-8")


class PlotSource(Source):
    """A pyqtgraph PlotItem, laid out again at the canvas size while it is drawn."""

    def __init__(self, item: pg.PlotItem):
        views = item.scene().views() if item.scene() is not None else []
        if not views:
            raise ValueError(QT_TRANSLATE_NOOP("Export", "the plot is not shown in any view: nothing to export"))
        super().__init__(views[0])
        self.item = item

    def logical_size(self) -> QSizeF:
        view = self.widget
        if getattr(view, "centralWidget", None) is self.item:  # fills its PlotWidget (640 x 480 if never shown)
            return QSizeF(view.size())
        return self.item.size()

    def title(self) -> str:
        left = self.item.getAxis("left").labelText
        bottom = self.item.getAxis("bottom").labelText
        what = f"{left} against {bottom}" if left and bottom else (self.item.titleLabel.text or _name_of(self.widget))
        return f"bpviz — {what}"

    @contextlib.contextmanager
    def laid_out(self, canvas: QSizeF):
        """The plot resized to ``canvas`` (axes, ticks and view range updated) while in the block. Put back as it
        was afterwards."""
        item, scene = self.item, self.item.scene()
        old = item.size()
        changed = abs(old.width() - canvas.width()) > 1e-6 or abs(old.height() - canvas.height()) > 1e-6
        # the room the axes keep for their tick labels grows with the labels drawn (pyqtgraph): put it back too
        axes = [a["item"] for a in item.axes.values()]
        text_room = [(a, getattr(a, "textWidth", None), getattr(a, "textHeight", None)) for a in axes]
        if changed:
            item.resize(canvas)
        scene.prepareForPaint()  # pyqtgraph's deferred view updates (range, ticks) now, for this size
        try:
            yield
        finally:
            for axis, width, height in text_room:
                if width is not None and height is not None and (axis.textWidth, axis.textHeight) != (width, height):
                    axis.textWidth, axis.textHeight = width, height
                    axis._updateWidth() if axis.orientation in ("left", "right") else axis._updateHeight()
            if changed:
                item.resize(old)
            scene.prepareForPaint()

    def png(self, width: int, height: int, scale: float) -> QImage:
        with self.laid_out(QSizeF(width / scale, height / scale)):
            exporter = ImageExporter(self.item)
            params = exporter.parameters()
            params.param("width").setValue(width, blockSignal=exporter.widthChanged)
            params.param("height").setValue(height, blockSignal=exporter.heightChanged)
            params["antialias"] = True
            params["background"] = self.background()
            return exporter.export(toBytes=True)

    def paint(self, painter: QPainter, canvas: QSizeF) -> None:
        """The plot as laid out for ``canvas`` (call within ``laid_out``), on its background."""
        painter.fillRect(QRectF(0, 0, canvas.width(), canvas.height()), self.background())
        self.item.scene().render(painter, QRectF(0, 0, canvas.width(), canvas.height()),
                                 self.item.sceneBoundingRect(), Qt.IgnoreAspectRatio)

    def svg(self, canvas: QSizeF, title: str, description: str) -> str:
        """Drawn by QSvgGenerator like every other source. (pyqtgraph's SVGExporter maps each point through minidom
        in Python: a tenth to a half of a second for a plot of a few hundred points.)"""
        with self.laid_out(canvas):
            return super().svg(canvas, title, description)


class SceneSource(Source):
    """A QGraphicsView: its scene's drawing as the view shows it, and the view's ``legend`` strip if it has one."""

    def __init__(self, view: QGraphicsView):
        super().__init__(view)
        self.view = view
        legend = getattr(view, "legend", None)
        self.legend = legend if isinstance(legend, QWidget) and not legend.isHidden() else None

    def title(self) -> str:
        return "bpviz — network diagram" if self.legend is not None else super().title()

    def paint(self, painter: QPainter, canvas: QSizeF) -> None:
        w, h = canvas.width(), canvas.height()
        painter.fillRect(QRectF(0, 0, w, h), self.background())
        legend_h = 0.0
        if self.legend is not None:
            legend_h = float(self.legend.heightForWidth(int(w)) if self.legend.hasHeightForWidth()
                             else self.legend.height())
            legend_h = max(0.0, min(legend_h, h / 2))
        area = QRectF(0, 0, w, h - legend_h)
        source = self.view.sceneRect()
        if not source.isEmpty() and not area.isEmpty():
            fit = min(area.width() / source.width(), area.height() / source.height())
            shown = self.view.transform().m11()
            scale = min(fit, shown) if self.view.isVisible() and shown > 0 else fit  # no bigger than on screen
            target = QRectF(0, 0, source.width() * scale, source.height() * scale)
            target.moveCenter(area.center())
            painter.save()
            painter.setRenderHints(RENDER_HINTS)
            self.view.scene().render(painter, target, source, Qt.KeepAspectRatio)
            painter.restore()
        if legend_h > 0:
            painter.save()
            painter.translate(0, h - legend_h)
            painter.setClipRect(QRectF(0, 0, w, legend_h))
            draw = getattr(self.legend, "_draw", None)
            if callable(draw):  # the diagram's legend draws onto any painter: text stays text in an SVG
                painter.setFont(self.legend.font())
                draw(painter, int(w), int(legend_h))
            else:
                QWidget.render(self.legend, painter, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
            painter.restore()


class WidgetSource(Source):
    """Any widget as shown, scaled to fit the canvas and centred on its window background."""

    def background(self) -> QColor:
        return self.widget.palette().window().color()

    def scale_for(self, width: int, height: int) -> float:
        size = self.logical_size()
        return min(width / max(size.width(), 1.0), height / max(size.height(), 1.0))

    def _placement(self, canvas: QSizeF) -> tuple[float, float, float]:
        size = self.logical_size()
        fit = min(canvas.width() / max(size.width(), 1.0), canvas.height() / max(size.height(), 1.0))
        return fit, (canvas.width() - size.width() * fit) / 2, (canvas.height() - size.height() * fit) / 2

    def paint(self, painter: QPainter, canvas: QSizeF) -> None:
        fit, dx, dy = self._placement(canvas)
        painter.fillRect(QRectF(0, 0, canvas.width(), canvas.height()), self.background())
        painter.save()
        painter.translate(dx, dy)
        painter.scale(fit, fit)
        painter.setRenderHints(RENDER_HINTS)
        QWidget.render(self.widget, painter, QPoint(), QRegion(),
                           QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren)
        painter.restore()

    def svg(self, canvas: QSizeF, title: str, description: str) -> str:
        """Each visible widget drawn on its own and clipped to where it shows. (Drawn in one go, QSvgGenerator
        leaves out the clip of every widget to its own rectangle, and writes the clips inside a child widget
        shifted by the child's position: a tab's fill covers the page, labels vanish.)"""
        fit, dx, dy = self._placement(canvas)
        root = ET.Element(svg_tag("svg"), {"version": "1.1"})
        ET.SubElement(root, svg_tag("title")).text = title
        ET.SubElement(root, svg_tag("desc")).text = description
        defs = ET.SubElement(root, svg_tag("defs"))
        ET.SubElement(root, svg_tag("rect"), {"x": "0", "y": "0", "width": f"{canvas.width():.6g}",
                                               "height": f"{canvas.height():.6g}", "fill": self.background().name()})
        top = ET.SubElement(root, svg_tag("g"), {"transform": f"matrix({fit!r},0,0,{fit!r},{dx!r},{dy!r})"})
        metadata = {svg_tag("title"), svg_tag("desc"), svg_tag("defs")}
        drawn = {svg_tag(name) for name in DRAWN_TAGS}
        for k, (widget, offset, clip) in enumerate(_shown_widgets(self.widget)):
            flags = (QWidget.RenderFlag.DrawWindowBackground if widget is self.widget
                     else QWidget.RenderFlag(0))
            fragment = parse_svg(_widget_svg(widget, flags, self.widget))
            body = [n for n in fragment if n.tag not in metadata]
            if not any(e.tag in drawn for n in body for e in n.iter()):
                continue  # draws nothing of its own (a layout container)
            prefix = f"w{k}_"
            _prefix_ids(fragment, prefix)
            for fragment_defs in list(fragment.iter(svg_tag("defs"))):
                for definition in list(fragment_defs):
                    fragment_defs.remove(definition)
                    defs.append(definition)
            clip_path = ET.SubElement(defs, svg_tag("clipPath"), {"id": f"{prefix}bounds"})
            ET.SubElement(clip_path, svg_tag("rect"), {
                "x": str(clip.x() - offset.x()), "y": str(clip.y() - offset.y()),
                "width": str(clip.width()), "height": str(clip.height())})
            placed = ET.SubElement(top, svg_tag("g"), {"transform": f"translate({offset.x()},{offset.y()})"})
            clipped = ET.SubElement(placed, svg_tag("g"), {"clip-path": f"url(#{prefix}bounds)"})
            clipped.extend(body)
        return svg_text(root)


def source_for(target) -> Source:
    if isinstance(target, pg.PlotWidget):
        return PlotSource(target.getPlotItem())
    if isinstance(target, pg.PlotItem):
        return PlotSource(target)
    if isinstance(target, QGraphicsView):
        return SceneSource(target)
    if isinstance(target, QWidget):
        return WidgetSource(target)
    raise TypeError(f"cannot draw a picture of a {type(target).__name__}: give a plot, a graphics view or a widget")


# ---------------------------------------------------------------------------------------------- rendering
def _name_of(widget: QWidget) -> str:
    """A widget in words: its accessible name, else its object name or class (``decision_region``,
    ``PlaygroundPage``) as words."""
    name = widget.accessibleName() or widget.objectName() or type(widget).__name__
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name.replace("_", " ")).split()
    return " ".join([words[0][:1].upper() + words[0][1:], *(w.lower() for w in words[1:])]) if words else "picture"


def _solid(brush) -> QColor:
    c = brush.color()
    return c if brush.style() == Qt.SolidPattern and c.alpha() == 255 else WHITE


def rounded_size(size: QSizeF) -> tuple[int, int]:
    return max(1, round(size.width())), max(1, round(size.height()))


def _generator(device, canvas: QSizeF, widget: QWidget) -> QSvgGenerator:
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)  # SVG 1.1 has clip paths; Tiny 1.2 has none
    generator.setOutputDevice(device)
    generator.setSize(QSize(*rounded_size(canvas)))
    generator.setViewBox(QRectF(0, 0, canvas.width(), canvas.height()))
    generator.setResolution(max(1, round(widget.logicalDpiX())))  # fonts in points: the same size as on screen
    return generator


def _widget_svg(widget: QWidget, flags, root: QWidget) -> bytes:
    """One widget (not its children) drawn alone by QSvgGenerator, in its own coordinates."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    generator = _generator(buffer, QSizeF(widget.size()), root)
    painter = QPainter()
    if not painter.begin(generator):
        raise RuntimeError("Qt could not start drawing the SVG")
    try:
        painter.setRenderHints(RENDER_HINTS)
        QWidget.render(widget, painter, QPoint(), QRegion(), flags)  # not QGraphicsView.render (the scene)
    finally:
        painter.end()
    return bytes(data)


def _shown_widgets(root: QWidget):
    """(widget, offset in root, visible rect in root) of root and every shown descendant, in painting order."""
    def walk(widget: QWidget, bounds: QRect):
        offset = widget.mapTo(root, QPoint(0, 0)) if widget is not root else QPoint(0, 0)
        rect = QRect(offset, widget.size()).intersected(bounds)
        if rect.isEmpty():
            return
        yield widget, offset, rect
        for child in widget.children():
            if (isinstance(child, QWidget) and not child.isWindow() and not child.isHidden()
                    and not child.testAttribute(Qt.WA_DontShowOnScreen)):
                yield from walk(child, rect)

    yield from walk(root, QRect(QPoint(0, 0), root.size()))


def _prefix_ids(element: ET.Element, prefix: str) -> None:
    """Make the ids of one fragment unique in the whole document: ``id``, ``url(#id)`` and ``href="#id"``."""
    for e in element.iter():
        for name, value in list(e.attrib.items()):
            if name == "id":
                e.set(name, prefix + value)
            elif "url(#" in value:
                e.set(name, value.replace("url(#", "url(#" + prefix))
            elif name.endswith("href") and value.startswith("#"):
                e.set(name, "#" + prefix + value[1:])
