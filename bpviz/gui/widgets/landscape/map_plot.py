"""The loss landscape as a map: the loss as a heat map with contour lines, a colour bar, the path of training over
it, the current point and (the worked example) the way gradient descent goes from there as an arrow.

It draws a ``LossMap`` (bpviz.gui.workers.landscape) and nothing else: ``show_map(loss_map)``. The heat map is one
native pixmap item (as the decision region: its painting runs no Python), each pixel one grid point, centred on
it; contours are one curve of segment pairs; the colour bar and a one-line legend sit inside the plot item, so
that a picture of the plot (File > Export, ``--export``) has them too. A left click on the map emits
``pointClicked(x, y)`` when ``clickable`` (the worked example: the page sets its two weights there).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsPolygonItem, QVBoxLayout, QWidget

import pyqtgraph as pg

from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, localise
from bpviz.gui.widgets.landscape.colors import COLOR_MAP, ColorScale
from bpviz.gui.widgets.plots.fast_plot import FastPlotWidget

MAX_PATH_POINTS = 5000  # a longer path is drawn through every k-th point (and its last)
ARROW_LENGTH = 0.3  # of the span: the arrow's length on the map (its direction is what counts)
PATH_COLOR = "#ffffff"
PATH_RIM = "#1e1e1e"
ARROW_COLOR = "#ff3860"  # no red in viridis: it stands out anywhere on the map
# the name of the playground's value (bpviz.gui.workers.landscape: "training loss (LOSS)"), for the status bar
VALUE_NAMES = (QT_TRANSLATE_NOOP("LandscapeMap", "training loss"),)
CONTOUR_COLOR = (255, 255, 255, 150)


def thinned(path: np.ndarray, limit: int = MAX_PATH_POINTS) -> np.ndarray:
    """At most ``limit`` points of ``path`` (every k-th, and the last)."""
    if len(path) <= limit:
        return path
    k = math.ceil(len(path) / (limit - 1))
    return np.vstack([path[::k], path[-1:]])


class _Clicks(QObject):
    """Left presses on the plot's viewport, as positions on the map."""

    def __init__(self, owner: LandscapeMap):
        super().__init__(owner)
        self.owner = owner

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.MouseButtonPress and event.button() == Qt.LeftButton:
            return self.owner._pressed(event.position())
        return False


class LandscapeMap(QWidget):
    pointClicked = Signal(float, float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.loss_map = None
        self.scale: ColorScale | None = None
        self.clickable = False
        self._grid_rect = None  # (xmin, xmax, ymin, ymax) of the pixels' outer edges
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = FastPlotWidget(background=palette.BACKGROUND)
        self.plot.setObjectName("landscape_map")
        self.plot.setAccessibleName(self.tr("Loss landscape"))
        layout.addWidget(self.plot)
        item = self.plot.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        vb = item.getViewBox()
        vb.setMouseEnabled(x=False, y=False)
        vb.setAspectLocked(True, 1.0)
        vb.enableAutoRange(enable=False)
        self._build_items(item)
        self.bar = pg.ColorBarItem(values=(0.0, 1.0), width=16, colorMap=COLOR_MAP, interactive=False,
                                   colorMapMenu=False)
        item.layout.addItem(self.bar, 2, 5)
        self.legend = pg.LabelItem("", color=palette.TEXT, size="9pt", justify="left")
        item.layout.addItem(self.legend, 4, 1)
        self.restyle()
        self._clicks = _Clicks(self)
        self.plot.viewport().installEventFilter(self._clicks)
        self.plot.setMinimumSize(240, 220)

    def _build_items(self, item) -> None:
        self.image = QGraphicsPixmapItem()
        self.image.setTransformationMode(Qt.SmoothTransformation)  # bilinear between the grid points
        self.image.setZValue(-10)
        self.image.hide()
        item.addItem(self.image)
        self.contours = pg.PlotCurveItem(pen=pg.mkPen(CONTOUR_COLOR, width=1), connect="pairs", antialias=True)
        self.contours.setZValue(-5)
        item.addItem(self.contours)
        self.path_rim = pg.PlotCurveItem(pen=pg.mkPen(PATH_RIM, width=4), antialias=True)
        self.path = pg.PlotCurveItem(pen=pg.mkPen(PATH_COLOR, width=2), antialias=True)
        self.path_end = pg.ScatterPlotItem(size=9, symbol="o", pen=pg.mkPen(PATH_RIM, width=1.5),
                                           brush=pg.mkBrush(PATH_COLOR))
        self.centre = pg.ScatterPlotItem(size=14, symbol="o", pen=pg.mkPen(PATH_RIM, width=2.5),
                                         brush=pg.mkBrush(PATH_COLOR))
        self.arrow = pg.PlotCurveItem(pen=pg.mkPen(ARROW_COLOR, width=3), antialias=True)
        self.arrow_head = QGraphicsPolygonItem()
        self.arrow_head.setPen(pg.mkPen(ARROW_COLOR, width=1))
        self.arrow_head.setBrush(pg.mkBrush(ARROW_COLOR))
        for z, part in enumerate((self.path_rim, self.path, self.path_end, self.arrow, self.arrow_head,
                                  self.centre)):
            part.setZValue(z + 1)
            item.addItem(part)

    def restyle(self) -> None:
        """Take the palette's colours (bpviz.gui.theme: an export from a dark window is drawn light). The map, its
        contours, path and arrow keep theirs: they are drawn on viridis in either scheme."""
        self.plot.setBackground(palette.BACKGROUND)
        item = self.plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(palette.NEUTRAL))
            axis.setTextPen(pg.mkPen(palette.MUTED))
        self.bar.getAxis("left").setTextPen(pg.mkPen(palette.TEXT))
        self.bar.axis.setTextPen(pg.mkPen(palette.TEXT))
        self.bar.axis.setPen(pg.mkPen(palette.NEUTRAL))
        if self.loss_map is not None:
            self._show_words(self.loss_map)
        else:
            self.legend.setText("", color=palette.TEXT)

    # ------------------------------------------------------------------ public API
    def show_map(self, loss_map) -> None:
        """Draw ``loss_map`` (a LossMap): heat map, contours, colour bar, path, point and arrow."""
        self.loss_map = loss_map
        land = loss_map.landscape
        x, y = land.x, land.y
        self.scale = ColorScale.for_values(land.loss, loss_map.log)
        argb = np.ascontiguousarray(self.scale.argb32(land.loss))
        h, w = argb.shape
        self._image = QImage(argb.data, w, h, 4 * w, QImage.Format_RGB32).copy()
        self.image.setPixmap(QPixmap.fromImage(self._image))
        dx = (x[-1] - x[0]) / max(len(x) - 1, 1)
        dy = (y[-1] - y[0]) / max(len(y) - 1, 1)
        xmin, ymin = x[0] - dx / 2, y[0] - dy / 2
        self._grid_rect = (xmin, x[-1] + dx / 2, ymin, y[-1] + dy / 2)
        # row 0 (the lowest y) at local y = 0: the view's y axis points up, so it is drawn at the bottom
        self.image.setTransform(QTransform(dx, 0, 0, dy, xmin, ymin))
        self.image.show()
        segments = loss_map.contours.reshape(-1, 2)
        if len(segments):
            self.contours.setData(x=segments[:, 0], y=segments[:, 1])
        else:
            self.contours.setData([], [])
        self._show_marks(loss_map, max(x[-1] - x[0], y[-1] - y[0]) / 2)
        self._show_bar(loss_map)
        self._show_words(loss_map)
        item = self.plot.getPlotItem()
        xmin, xmax, ymin, ymax = self._grid_rect
        item.getViewBox().setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)
        self.plot.scene().prepareForPaint()

    def clear_map(self) -> None:
        self.loss_map = self.scale = self._grid_rect = None
        self.image.hide()
        for curve in (self.contours, self.path, self.path_rim, self.arrow):
            curve.setData([], [])
        for spots in (self.path_end, self.centre):
            spots.setData([], [])
        self.arrow_head.setPolygon(QPolygonF())
        self.legend.setText("")

    def pixel_colors(self) -> np.ndarray:
        """The heat map as drawn: (rows, columns, 3) uint8 RGB, row 0 at the lowest y (the landscape's loss[i, j]
        is pixel [i, j])."""
        if self.loss_map is None:
            return np.zeros((0, 0, 3), np.uint8)
        image = self.image.pixmap().toImage().convertToFormat(QImage.Format_RGB32)
        h, w = image.height(), image.width()
        raw = np.frombuffer(image.constBits(), dtype=np.uint32, count=h * image.bytesPerLine() // 4)
        argb = raw.reshape(h, image.bytesPerLine() // 4)[:, :w]
        return np.stack([(argb >> 16) & 255, (argb >> 8) & 255, argb & 255], axis=-1).astype(np.uint8)

    def path_points(self) -> np.ndarray:
        """The path as drawn, (k, 2)."""
        x, y = self.path.getData()
        return np.zeros((0, 2)) if x is None else np.column_stack([x, y])

    def arrow_vector(self) -> tuple[float, float] | None:
        """The arrow's (dx, dy) on the map, tail to tip; None when there is none."""
        x, y = self.arrow.getData()
        if x is None or len(x) < 2:
            return None
        return float(x[-1] - x[0]), float(y[-1] - y[0])

    def contains(self, x: float, y: float) -> bool:
        if self._grid_rect is None:
            return False
        xmin, xmax, ymin, ymax = self._grid_rect
        return xmin <= x <= xmax and ymin <= y <= ymax

    def map_position(self, viewport_pos) -> tuple[float, float]:
        """The map's (x, y) under a position of the plot's viewport."""
        p = self.plot.getPlotItem().getViewBox().mapSceneToView(self.plot.mapToScene(viewport_pos.toPoint()))
        return float(p.x()), float(p.y())

    def viewport_position(self, x: float, y: float):
        """Where the map's (x, y) is on the plot's viewport (the inverse of ``map_position``)."""
        scene = self.plot.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
        return self.plot.mapFromScene(scene)

    # ------------------------------------------------------------------ internals
    def _pressed(self, viewport_pos) -> bool:
        if not self.clickable or self._grid_rect is None:
            return False
        x, y = self.map_position(viewport_pos)
        if not self.contains(x, y):
            return False
        self.pointClicked.emit(x, y)
        return True

    def _show_marks(self, loss_map, half_span: float) -> None:
        path = thinned(np.asarray(loss_map.path, dtype=np.float64).reshape(-1, 2))
        if len(path) >= 2:
            for curve in (self.path_rim, self.path):
                curve.setData(x=path[:, 0], y=path[:, 1])
            first = 0 if loss_map.arrow is None else -1  # the playground's path ends at the centre: mark its start
            self.path_end.setData(x=[path[first, 0]], y=[path[first, 1]])
        else:
            for curve in (self.path_rim, self.path):
                curve.setData([], [])
            self.path_end.setData([], [])
        cx, cy = loss_map.centre
        self.centre.setData(x=[cx], y=[cy])
        arrow = loss_map.arrow
        norm = math.hypot(*arrow) if arrow is not None else 0.0
        if arrow is None or not math.isfinite(norm) or norm == 0.0:
            self.arrow.setData([], [])
            self.arrow_head.setPolygon(QPolygonF())
        else:
            ux, uy = arrow[0] / norm, arrow[1] / norm
            length = ARROW_LENGTH * half_span
            head = 0.22 * length
            tip = (cx + ux * length, cy + uy * length)
            base = (tip[0] - ux * head, tip[1] - uy * head)
            self.arrow.setData(x=[cx, tip[0]], y=[cy, tip[1]])
            side = (-uy * head * 0.45, ux * head * 0.45)
            self.arrow_head.setPolygon(QPolygonF([QPointF(*tip), QPointF(base[0] + side[0], base[1] + side[1]),
                                                  QPointF(base[0] - side[0], base[1] - side[1])]))

    def _show_words(self, loss_map) -> None:
        """The title, the axes' and the colour bar's names and the legend, in the palette's colours (the worker
        composed the words in English: here they take the window's language)."""
        item = self.plot.getPlotItem()
        item.setTitle(f"<span style='color:{palette.TEXT}'>{localise(loss_map.title)}</span>", size="10pt")
        item.setLabel("bottom", localise(loss_map.axis_names[0]), color=palette.TEXT)
        item.setLabel("left", localise(loss_map.axis_names[1]), color=palette.TEXT)
        self.bar.getAxis("left").setLabel(self._bar_label(loss_map), color=palette.TEXT)
        self.legend.setText(self._legend_html(loss_map), color=palette.TEXT)

    def _legend_html(self, loss_map) -> str:
        parts = []
        if loss_map.path_label:
            end = self.tr("its end") if loss_map.arrow is not None else self.tr("its start")
            mark = PATH_COLOR if palette.is_dark() else PATH_RIM  # the path's line as it shows beside the text
            dot = self.tr("(dot: {end})").format(end=end)
            parts.append(f"<span style='color:{mark}'>━</span> {localise(loss_map.path_label)} {dot}")
        where = self.tr("the numbers now") if loss_map.arrow is not None else self.tr("the weights now (the centre)")
        parts.append(f"◯ {where}")
        if loss_map.arrow is not None:
            g = loss_map.gradient
            size = math.hypot(*g)
            parts.append(self.tr("<span style='color:{color}'>➔</span> −∇E, the way descent goes (direction only; "
                                 "|∇E| = {size:.3g})").format(color=ARROW_COLOR, size=size) if size > 0
                         else self.tr("∇E = 0: no arrow"))
        parts.append(self.tr("thin lines: contours (equal loss)"))
        lines = [" &nbsp;·&nbsp; ".join(parts[:2]), " &nbsp;·&nbsp; ".join(parts[2:])]
        return "<br>".join(line for line in lines if line)

    def _bar_label(self, loss_map) -> str:
        if self.scale.log:
            return self.tr("{name}, log colour scale").format(name=localise(loss_map.value_name))
        return localise(loss_map.value_name)

    def _show_bar(self, loss_map) -> None:
        scale = self.scale
        low, high = scale.bar_range()
        self.bar.setLevels((low, high))
        self.bar.axis.setTicks([scale.ticks()] if scale.log else None)
