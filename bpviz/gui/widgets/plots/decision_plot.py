"""The decision region over the input plane with the data points on top (TensorFlow Playground's output panel).

The worker evaluates the network on a grid (``bpviz.engine.grid``) and sends P(blue) ~30 times a second; this
view only hands that array to one ``ImageItem`` with a fixed diverging look-up table (orange, white, blue, all
light so the points stay visible) and moves nothing else. Points change only with the dataset: four scatter
items (train/test × class), each with one pen and brush, so even 10^5 points draw from cached symbols.

Regression (``set_data(..., regression=True)``): the region is the network's output value, −1 orange … +1 blue,
clipped; the points are coloured by their target on the same scale (``value_colors``: 41 steps, so few brushes),
in two more scatter items (train, test) with the same rims as the classes'. "Discretize output" shows the sign.

K ≥ 3 classes (``set_data(..., class_names=...)``, ``set_region(..., classes=...)``): each place takes the colour of
its most probable class, paler where the network is less sure (``class_colors``); the points are drawn in their
classes' colours, one scatter item per (kind, class); the key lists the classes instead of the P(blue) ramp.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt, Slot
from PySide6.QtGui import QColor, QImage, QPixmap, QTransform
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg

from bpviz.engine.datasets import DOMAIN
from bpviz.engine.points import MAX_CLASSES
from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.widgets.plots.class_colors import (
    REGION_STRENGTH,
    class_indices,
    class_tables,
    clean_classes,
    point_styles,
    region_tables,
)
from bpviz.gui.widgets.plots.decision_key import KEY_TIPS, DecisionKey
from bpviz.gui.widgets.plots.fast_plot import FastPlotWidget
from bpviz.gui.widgets.value_colors import level_colors, value_levels

EXTENT = (DOMAIN[0], DOMAIN[1], DOMAIN[0], DOMAIN[1])  # xmin, xmax, ymin, ymax
TICKS = (-1, 0, 1)
VALUE = "value"  # the label of the regression points' items: ("train", VALUE), ("test", VALUE)
DISCRETIZE_TIPS = {
    False: QT_TRANSLATE_NOOP("DecisionPlot", "Two flat colours: the class the network predicts (P(blue) > 0.5) at "
                                             "each place"),
    True: QT_TRANSLATE_NOOP("DecisionPlot", "Two flat colours: the sign of the network's output at each place "
                                            "(blue > 0, orange ≤ 0)"),
    "classes": QT_TRANSLATE_NOOP("DecisionPlot", "Flat colours: the class the network finds most probable at each "
                                                 "place"),
}
__all__ = ["EXTENT", "KEY_TIPS", "REGION_STRENGTH", "VALUE", "DecisionPlot"]


class DecisionPlot(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._extent = EXTENT
        self._probabilities: np.ndarray | None = None  # what the region shows on the 0..1 scale of the LUT
        self._classes: np.ndarray | None = None  # K ≥ 3: each class's probability (K, res, res), instead
        self._values: np.ndarray | None = None  # regression: the output values as given
        self._regression = False
        self._class_names: tuple[str, ...] = ("0", "1")
        self._rect_key = None  # (image shape, extent) the image rect was set for
        self._counts = {("train", 0): 0, ("train", 1): 0, ("test", 0): 0, ("test", 1): 0}
        self._value_levels = {"train": np.zeros(0, np.intp), "test": np.zeros(0, np.intp)}  # regression points
        self._build()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.plot = FastPlotWidget(background=palette.BACKGROUND, prepare_on_paint=False)
        self.plot.setObjectName("decision_region")
        item = self.plot.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        vb = item.getViewBox()
        vb.setMouseEnabled(x=False, y=False)  # a fixed map of the plane: nothing to pan
        vb.setAspectLocked(True, 1.0)
        vb.enableAutoRange(enable=False)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(palette.NEUTRAL))
            axis.setTextPen(pg.mkPen(palette.MUTED))
            axis.setTicks([[(t, f"{t:g}".replace("-", "−")) for t in TICKS], []])
            # Outward ticks keep each axis's bounding rect off the plane: otherwise every new region (30 a
            # second) repaints both axes too (~2 ms each).
            axis.setStyle(tickLength=4)
            axis.setCacheMode(QGraphicsItem.DeviceCoordinateCache)  # exposed but unchanged: a blit, no Python paint
        item.getAxis("left").setWidth(30)  # room for "−1" beside the outward ticks
        item.getAxis("bottom").setHeight(20)

        # A native pixmap item, not pyqtgraph's ImageItem: its painting (30 times a second) runs no Python,
        # so it does not compete for the GIL with the training thread. Bilinear scaling: no staircase edges.
        self.image = QGraphicsPixmapItem()
        self.image.setTransformationMode(Qt.SmoothTransformation)
        self.image.setZValue(-10)
        self.image.hide()
        item.addItem(self.image)
        self.frame = QGraphicsRectItem()  # outlines the plane when the locked aspect leaves a margin beside it
        self.frame.setPen(pg.mkPen(palette.NEUTRAL, width=1))
        self.frame.setZValue(0)  # over the region, under the points
        item.addItem(self.frame)

        self.points: dict[tuple[str, int], pg.ScatterPlotItem] = {}
        styles = point_styles()
        for z, (kind, (size, rim, width)) in enumerate(styles.items(), start=1):
            for label in range(MAX_CLASSES):  # one item per class, each with one brush: cached symbols
                spots = pg.ScatterPlotItem(size=size, symbol="o", pxMode=True,
                                           pen=pg.mkPen(rim, width=width),
                                           brush=pg.mkBrush(palette.class_color(label)))
                spots.setZValue(z)
                # The points lie over the region that changes 30 times a second: Qt blits them from a cache
                # instead of calling their (Python) paint each time.
                spots.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
                item.addItem(spots)
                self.points[(kind, label)] = spots
            # regression: one item per kind, one brush per point (from few distinct colours)
            values = pg.ScatterPlotItem(size=size, symbol="o", pxMode=True, pen=pg.mkPen(rim, width=width))
            values.setZValue(z)
            values.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
            item.addItem(values)
            self.points[(kind, VALUE)] = values
        self._value_brushes = [pg.mkBrush(c) for c in level_colors()]
        # The point a stepped pass is of: a dark ring round it, over every other point
        self.marker = pg.ScatterPlotItem(size=20, symbol="o", pxMode=True, pen=pg.mkPen(palette.TEXT, width=2.5),
                                         brush=pg.mkBrush(0, 0, 0, 0))
        self.marker.setZValue(len(styles) + 2)
        item.addItem(self.marker)
        self.batch_marker = pg.ScatterPlotItem(size=15, symbol="o", pxMode=True,  # the rest of its mini-batch
                                               pen=pg.mkPen(palette.TEXT, width=1.5), brush=pg.mkBrush(0, 0, 0, 0))
        self.batch_marker.setZValue(len(styles) + 1)
        item.addItem(self.batch_marker)
        self._set_view(self._extent)
        self.plot.setMinimumSize(160, 160)
        self.plot.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        layout.addWidget(self.plot, 1)

        self.key = DecisionKey()
        layout.addWidget(self.key)
        options = QHBoxLayout()
        options.setContentsMargins(4, 0, 4, 0)
        self.show_test = QCheckBox(self.tr("Show test data"))
        self.show_test.setChecked(True)
        self.show_test.setToolTip(self.tr("Draw the held-out test points (dark rim) over the region"))
        self.show_test.toggled.connect(self._show_test_changed)
        options.addWidget(self.show_test)
        self.discretize = QCheckBox(self.tr("Discretize output"))
        self.discretize.setToolTip(translate("DecisionPlot", DISCRETIZE_TIPS[False]))
        self.discretize.toggled.connect(self._redraw_region)
        options.addWidget(self.discretize)
        options.addStretch(1)
        layout.addLayout(options)

    def _set_view(self, extent) -> None:
        xmin, xmax, ymin, ymax = extent
        self.plot.getPlotItem().getViewBox().setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)
        self.frame.setRect(QRectF(xmin, ymin, xmax - xmin, ymax - ymin))
        self.plot.scene().prepareForPaint()  # apply the new range now: this plot's paints do not

    def restyle(self) -> None:
        """Take the palette's colours again (bpviz.gui.theme: an export from a dark window is drawn light)."""
        self.plot.setBackground(palette.BACKGROUND)
        item = self.plot.getPlotItem()
        for name in ("left", "bottom"):
            item.getAxis(name).setPen(pg.mkPen(palette.NEUTRAL))
            item.getAxis(name).setTextPen(pg.mkPen(palette.MUTED))
        self.frame.setPen(pg.mkPen(palette.NEUTRAL, width=1))
        styles = point_styles()
        self._value_brushes = [pg.mkBrush(c) for c in level_colors()]
        for (kind, label), spots in self.points.items():
            size, rim, width = styles[kind]
            spots.setPen(pg.mkPen(rim, width=width))
            if label == VALUE:
                if len(self._value_levels[kind]) == len(spots.data):
                    spots.setBrush([self._value_brushes[i] for i in self._value_levels[kind]])
            else:
                spots.setBrush(pg.mkBrush(palette.class_color(label)))
        self.marker.setPen(pg.mkPen(palette.TEXT, width=2.5))
        self.batch_marker.setPen(pg.mkPen(palette.TEXT, width=1.5))
        self._redraw_region()
        self.key.restyle()

    # ------------------------------------------------------------------ public API
    def set_data(self, X_train, y_train, X_test, y_test, regression: bool = False, class_names=None) -> None:
        """The points of a dataset: (n, 2) coordinates and labels 0.0 (orange) / 1.0 (blue), or 0 … K−1 for K
        classes (``class_names``: their K names, which the key lists when K ≥ 3; without them K is the largest
        label + 1, at least 2); with ``regression``, target values coloured on the scale −1 orange … +1 blue (and
        the region's values too)."""
        self._set_regression(regression)
        ys = [np.asarray(y, float).reshape(-1) for y in (y_train, y_test)]
        if not regression:
            self._set_classes(class_names, ys)
        k = len(self._class_names)
        counts = {}
        for (kind, X), y in zip((("train", X_train), ("test", X_test)), ys):
            X = np.asarray(X, float).reshape(-1, 2)
            if regression:
                self._value_levels[kind] = value_levels(y)
                brushes = [self._value_brushes[i] for i in self._value_levels[kind]]
                self.points[(kind, VALUE)].setData(x=X[:, 0], y=X[:, 1], brush=brushes)
                counts[(kind, VALUE)] = len(X)
                labels = np.full(len(X), -1)
            else:
                self.points[(kind, VALUE)].setData(x=[], y=[])
                labels = (y > 0.5).astype(np.intp) if k == 2 else np.clip(np.rint(y), 0, k - 1).astype(np.intp)
            for label in range(MAX_CLASSES):
                pts = X[labels == label]
                self.points[(kind, label)].setData(x=pts[:, 0], y=pts[:, 1])
                if not regression and label < k:
                    counts[(kind, label)] = len(pts)
        self._counts = counts
        self._show_test_changed(self.show_test.isChecked())

    def _set_classes(self, names, ys) -> None:
        """The classes of the points (their names, or "0" … as many as the labels need); a new number of
        classes changes the key and clears the region (its colours meant other classes)."""
        if names is None or len(names) == 0:
            top = max((int(np.nanmax(y)) for y in ys if len(y) and np.isfinite(y).any()), default=1)
            names = tuple(str(i) for i in range(min(max(top + 1, 2), MAX_CLASSES)))
        names = tuple(str(n) for n in names)
        if len(names) > MAX_CLASSES:
            raise ValueError(f"at most {MAX_CLASSES} classes can be drawn, got {len(names)}")
        if len(names) != len(self._class_names):
            self.clear_region()
        self._class_names = names
        self.key.set_classes(names)
        self._discretize_tip()

    def _discretize_tip(self) -> None:
        """What "Discretize output" does to what is shown: the sign, two classes, or the K classes' winners."""
        k = len(self._classes) if self._classes is not None else len(self._class_names)
        tip = translate("DecisionPlot", DISCRETIZE_TIPS[True if self._regression else "classes" if k > 2 else False])
        if tip != self.discretize.toolTip():
            self.discretize.setToolTip(tip)

    @property
    def class_names(self) -> tuple[str, ...]:
        """The names of the classes of the points shown (K of them; "0", "1" for two unnamed classes)."""
        return self._class_names

    def mark_points(self, points) -> None:
        """Ring the points a stepped pass is of, (x1, x2) each: the first (whose pass is shown step by step) with a
        bold ring, the rest of its mini-batch with thin ones. An empty list removes the rings."""
        points = list(points)
        first, rest = points[:1], points[1:]
        self.marker.setData(x=[p[0] for p in first], y=[p[1] for p in first])
        self.batch_marker.setData(x=[p[0] for p in rest], y=[p[1] for p in rest])

    def marked_points(self) -> list[tuple[float, float]]:
        """The ringed points, the first first."""
        return [(float(x), float(y)) for item in (self.marker, self.batch_marker) for x, y in zip(*item.getData())]

    def data_position(self, view_pos) -> tuple[float, float]:
        """The plane's (x1, x2) under a position of the plot's viewport (e.g. a right-click's)."""
        scene = self.plot.mapToScene(view_pos)
        p = self.plot.getPlotItem().getViewBox().mapSceneToView(scene)
        return float(p.x()), float(p.y())

    @property
    def regression(self) -> bool:
        """The region shows an output value on −1 … +1 (True) or P(blue) (False); set with the data."""
        return self._regression

    def _set_regression(self, on: bool) -> None:
        on = bool(on)
        if on == self._regression:
            return
        self._regression = on
        self.key.set_regression(on)
        self._counts = ({(k, VALUE): 0 for k in ("train", "test")} if on else
                        {(k, label): 0 for k in ("train", "test") for label in range(len(self._class_names))})
        self.clear_region()
        self._discretize_tip()  # a region of the other kind means nothing on the new scale

    def set_region(self, probabilities: np.ndarray, extent: tuple[float, float, float, float],
                   classes: np.ndarray | None = None) -> None:
        """P(blue) over the plane, (res, res), row 0 at ymin and column 0 at xmin; extent (xmin, xmax, ymin, ymax).
        In regression mode: the network's output values (unbounded; coloured as if clipped to [-1, 1]).
        ``classes``: K ≥ 3 classes (``GridMaps.classes``), each class's probability (K, res, res); the region then
        shows the most probable class at each place and ``probabilities`` (the winner's, ``GridMaps.region``) is
        not needed. Two classes given this way are drawn as P(blue) = their second row."""
        if classes is not None:
            c = clean_classes(classes)
            if len(c) == 2:
                probabilities, c = c[1], None
        else:
            c = None
        if c is not None:
            self._classes, self._probabilities, self._values = c, None, None
            self._discretize_tip()
        else:
            p = np.asarray(probabilities, dtype=np.float32)
            if p.ndim != 2:
                raise ValueError(f"probabilities must be a 2-D array, got shape {p.shape}")
            if self._regression:
                self._values = p
                with np.errstate(invalid="ignore"):
                    p = (np.clip(p, -1.0, 1.0) + 1.0) / 2.0  # the LUT's scale: −1 → 0, 0 → 0.5, +1 → 1
            if not np.isfinite(p).all():  # a diverged network: undecided (white) rather than garbage
                p = np.nan_to_num(p, nan=0.5, posinf=1.0, neginf=0.0)
            had_classes = self._classes is not None
            self._probabilities, self._classes = p, None
            if had_classes:
                self._discretize_tip()
        extent = tuple(float(v) for v in extent)
        if extent != self._extent:
            self._extent = extent
            self._set_view(extent)
        self._redraw_region()

    def clear_region(self) -> None:
        self._probabilities = self._values = self._classes = None
        self._rect_key = None
        self.image.hide()

    def test_points_visible(self) -> bool:
        return all(item.isVisible() for (kind, _), item in self.points.items() if kind == "test")

    def point_counts(self) -> dict[tuple[str, int | str], int]:
        """(kind, label) → number of points drawn, kind "train" or "test", label 0 (orange), 1 (blue), … K−1 for
        each of the K classes; in regression mode the label is ``VALUE`` (one item per kind, each point coloured
        by its value)."""
        return dict(self._counts)

    def point_colors(self, kind: str) -> list[str]:
        """Regression mode: the fill colour ("#rrggbb") of each point of ``kind``, in the order given."""
        item = self.points[(kind, VALUE)]
        return [QColor(b.color()).name() for b in item.data["brush"]] if len(item.data) else []

    def region_classes(self) -> np.ndarray | None:
        """K ≥ 3 classes: the probabilities last given to ``set_region`` (K, res, res); else None."""
        return self._classes

    def region_values(self) -> np.ndarray | None:
        """Regression mode: the output values last given to ``set_region`` (before clipping); else None."""
        return self._values

    def extent(self) -> tuple[float, float, float, float]:
        return self._extent

    def region_image(self) -> np.ndarray:
        """The region as drawn: (res, res, 4) uint8 RGBA, row 0 at the bottom (ymin); (0, 0, 4) when cleared."""
        if self._classes is not None:
            return class_tables(len(self._classes))[0][self._class_indices()]
        if self._probabilities is None:
            return np.zeros((0, 0, 4), np.uint8)
        return region_tables()[0][self._levels(self._shown())]

    # ------------------------------------------------------------------ internals
    @Slot(bool)
    def _show_test_changed(self, on: bool) -> None:
        for (kind, _), item in self.points.items():
            if kind == "test":
                item.setVisible(bool(on))

    def _shown(self) -> np.ndarray:
        p = self._probabilities  # regression: (v + 1) / 2, so > 0.5 is the sign of the output v
        return (p > 0.5).astype(np.float32) if self.discretize.isChecked() else p

    @staticmethod
    def _levels(p: np.ndarray) -> np.ndarray:
        return np.clip(p * 255.0 + 0.5, 0.0, 255.0).astype(np.uint8)

    def _class_indices(self) -> np.ndarray:
        return class_indices(self._classes, self.discretize.isChecked())

    @Slot()
    def _redraw_region(self, *_args) -> None:
        if self._classes is not None:
            argb = np.ascontiguousarray(class_tables(len(self._classes))[1][self._class_indices()])
        elif self._probabilities is not None:
            argb = np.ascontiguousarray(region_tables()[1][self._levels(self._shown())])
        else:
            return
        h, w = argb.shape
        # Row 0 at local y = 0: the view box's y axis points up, so row 0 (ymin) is drawn at the bottom.
        self.image.setPixmap(QPixmap.fromImage(QImage(argb.data, w, h, 4 * w, QImage.Format_RGB32)))
        key = (argb.shape, self._extent)
        if key != self._rect_key:  # a new resolution or extent: the image's scale changes
            xmin, xmax, ymin, ymax = self._extent
            self.image.setTransform(QTransform((xmax - xmin) / w, 0, 0, (ymax - ymin) / h, xmin, ymin))
            self._rect_key = key
        self.image.show()

    def image_rect(self) -> QRectF:
        """Where the region image lies in plot coordinates."""
        return self.image.mapRectToParent(self.image.boundingRect())
