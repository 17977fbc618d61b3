"""Plots of parameter trajectories: their look (colours, pens, axes, zoom limits) and ``LivePlots``, the value
and gradient plots of the playground's parameters against the step, redrawn while the playground's thread
trains. (The three-mode grid of seed 001's neuron is ``mode_grid.ModeGrid``.) All plots are FastPlotWidgets,
whose painting holds no GIL (see fast_plot), so a repaint here does not slow training.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

import pyqtgraph as pg

from bpviz.engine.thinning import NOISY_SWINGS, swings
from bpviz.gui import palette
from bpviz.gui.widgets.plots.axes import CountAxis
from bpviz.gui.widgets.plots.fast_plot import FastPlotWidget

#: the neuron's parameters, in the app's colours (blue, orange, green; the bias in the text colour and dashed):
#: the palette's names, read when drawn (``neuron_colors()``), so that the scheme in use applies
NEURON_PALETTE = {"w1": "POSITIVE", "w2": "NEGATIVE", "w3": "NEW_VALUE", "b": "TEXT"}
NEURON_LABELS = {"w1": "w<sub>1</sub>", "w2": "w<sub>2</sub>", "w3": "w<sub>3</sub>", "b": "b"}
PLOT_MINIMUM_SIZE = (120, 90)  # px: a plot smaller than this shows no curve worth reading
#: curves of the playground's parameters take palette.series_colors() in turn (distinct on the background, the
#: app's colours first), as many at once as there are colours
SERIES_COUNT = len(palette.series_colors())


def neuron_colors() -> dict[str, str]:
    """The neuron's parameters' colours in the scheme in use, by name (w1, w2, w3, b)."""
    return {name: getattr(palette, key) for name, key in NEURON_PALETTE.items()}


def loss_color() -> str:
    return palette.GRADIENT


def same_series_color(color: str) -> str:
    """``color`` (a series colour of either scheme) as the same series' colour in the scheme in use."""
    for scheme in palette.SCHEMES:
        table = palette.colors(scheme)
        series = (table["POSITIVE"], table["NEGATIVE"], table["NEW_VALUE"], table["GRADIENT"], *table["SERIES_EXTRA"],
                  table["TEXT"], table["SERIES_LAST"])
        if color in series:
            return palette.series_colors()[series.index(color)]
    return color


def pen_for(name: str, color: str, width: float = 1.6):
    """The bias is dashed, so that b reads apart from the weights in print as well."""
    style = Qt.DashLine if name.startswith("b") else Qt.SolidLine
    return pg.mkPen(color, width=width, style=style)


def set_curve(curve, x, y) -> None:
    """``curve.setData(x, y)``; a dashed curve (a bias) that swings up and down many times is drawn solid, in its
    colour: Qt lays its dash pattern along the whole length of the path, and a noisy curve's path is long (dashed,
    the nine plots of a noisy run took ~1 s to paint at 3582x2068, solid ~0.1 s)."""
    dashed = getattr(curve, "dashed_pen", None)
    if dashed is None:
        dashed = curve.dashed_pen = pg.mkPen(curve.opts["pen"]) if curve.opts["pen"].style() != Qt.SolidLine else False
    if dashed:
        wanted = dashed if swings(y) <= NOISY_SWINGS else pg.mkPen(dashed.color(), width=dashed.widthF())
        if wanted.style() != curve.opts["pen"].style():
            curve.setPen(wanted)
    curve.setData(x, y)


class ValueAxis(pg.AxisItem):
    """On a log axis, numbers only at 1, 2 and 5 times a power of ten (pyqtgraph labels every minor tick,
    which crowd the top of each decade into an unreadable stack); plain numbers where short."""

    def logTickStrings(self, values, scale, spacing):
        out = []
        for v in values:
            x = 10.0 ** float(v) * scale
            mantissa = round(x / 10.0 ** math.floor(math.log10(x) + 1e-9)) if x > 0 else 0
            if mantissa not in (1, 2, 5):
                out.append("")
            elif 1e-4 <= x < 1e4:
                out.append(f"{x:.4g}")
            else:
                out.append(f"{mantissa}e{math.floor(math.log10(x) + 1e-9)}".replace("-", "−"))
        return out


def style_plot(item: pg.PlotItem, left: str | None = None, bottom: str | None = None) -> None:
    """The app's quiet look: grey axes, muted labels, no menu or 'A' button (views are fitted by the page), and
    no grid: pyqtgraph draws a grid with the axes, which then cover the whole plot, so nine plots on a 4K-sized
    window repainted their axes for ~0.6 s at every page switch (their pixmap caches, as big as the plots,
    outgrew Qt's pixmap cache). The hover readout gives the values."""
    item.setMenuEnabled(False)
    item.hideButtons()
    for name, label in (("left", left), ("bottom", bottom)):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(palette.NEUTRAL))
        axis.setTextPen(pg.mkPen(palette.MUTED))
        axis.enableAutoSIPrefix(False)
        if label:
            item.setLabel(name, label, color=palette.MUTED)


def restyle_plot(widget) -> None:
    """A plot made by ``make_plot`` in the palette's colours again (its background, axes and their titles)."""
    widget.setBackground(palette.BACKGROUND)
    item = widget.getPlotItem()
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(palette.NEUTRAL))
        axis.setTextPen(pg.mkPen(palette.MUTED))
        if axis.labelText:
            axis.setLabel(axis.labelText, color=palette.MUTED)


def legend_brush():
    """A legend's backing: the plot's background, slightly see-through."""
    color = pg.mkColor(palette.BACKGROUND)
    color.setAlpha(220)
    return pg.mkBrush(color)


def make_plot(name: str, left: str | None = None, bottom: str | None = None,
              count_axis: bool = False) -> FastPlotWidget:
    axes = {"left": ValueAxis("left")}
    if count_axis:
        axes["bottom"] = CountAxis("bottom")
    widget = FastPlotWidget(background=palette.BACKGROUND, axisItems=axes)
    widget.setObjectName(name)
    style_plot(widget.getPlotItem(), left, bottom)
    widget.setMinimumSize(*PLOT_MINIMUM_SIZE)
    return widget


class LivePlots(QWidget):
    """Values (top) and gradients (bottom) of the chosen playground parameters against the training step."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values_widget = make_plot("trajectory_values", left=self.tr("value"), count_axis=True)
        self.grads_widget = make_plot("trajectory_gradients", left=self.tr("gradient ∂E/∂·"), bottom=self.tr("step"),
                                      count_axis=True)
        self.values_plot = self.values_widget.getPlotItem()
        self.grads_plot = self.grads_widget.getPlotItem()
        self.values_plot.getAxis("bottom").setStyle(showValues=False)
        self.values_plot.getAxis("bottom").setHeight(6)
        for item in (self.values_plot, self.grads_plot):
            item.getAxis("left").setWidth(64)
            item.enableAutoRange()
        self.grads_plot.setXLink(self.values_plot)
        self.legend = self.values_plot.addLegend(offset=(-8, 8), labelTextColor=palette.TEXT, brush=legend_brush())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.values_widget, 1)
        layout.addWidget(self.grads_widget, 1)
        self.value_curves: dict[str, pg.PlotDataItem] = {}
        self.grad_curves: dict[str, pg.PlotDataItem] = {}
        for widget in (self.values_widget, self.grads_widget):
            widget.viewport().installEventFilter(self)

    def restyle(self) -> None:
        """Take the palette's colours again (bpviz.gui.theme: an export from a dark window is drawn light)."""
        for widget in (self.values_widget, self.grads_widget):
            restyle_plot(widget)
        self.legend.setBrush(legend_brush())
        self.legend.setLabelTextColor(palette.TEXT)
        for name, curve in (*self.value_curves.items(), *self.grad_curves.items()):
            pen = curve.opts["pen"]
            color = same_series_color(pg.mkColor(pen.color()).name())
            if getattr(curve, "dashed_pen", None):  # set_curve's dashed pen (a bias), in the new colour
                curve.dashed_pen = pen_for(name, color, curve.dashed_pen.widthF())
            curve.setPen(pg.mkPen(color, width=pen.widthF(), style=pen.style()))
        for _sample, label in self.legend.items:  # pyqtgraph keeps the new colour for the next text only
            label.setText(label.text)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.MouseButtonDblClick and event.button() == Qt.LeftButton:
            for item in (self.values_plot, self.grads_plot):
                item.enableAutoRange()  # follow the data again after a zoom (no menu or 'A' button here)
        return False

    def set_series(self, names_colors: dict[str, str], labels: dict[str, str] | None = None) -> None:
        """Show exactly these parameters (name → colour); curves of the others are removed."""
        labels = labels or {}
        for name in [n for n in self.value_curves if n not in names_colors]:
            self.values_plot.removeItem(self.value_curves.pop(name))  # also leaves the legend
            self.grads_plot.removeItem(self.grad_curves.pop(name))
        for name, color in names_colors.items():
            if name in self.value_curves:
                continue
            for plot, store, label in ((self.values_plot, self.value_curves, labels.get(name, name)),
                                       (self.grads_plot, self.grad_curves, None)):
                curve = plot.plot(pen=pen_for(name, color), name=label, connect="finite")
                store[name] = curve  # the recorder keeps at most a few thousand entries: no downsampling

    def set_data(self, name: str, steps: np.ndarray, values: np.ndarray, grads: np.ndarray) -> None:
        set_curve(self.value_curves[name], steps, values)
        set_curve(self.grad_curves[name], steps, grads)

    def clear_data(self) -> None:
        for curve in (*self.value_curves.values(), *self.grad_curves.values()):
            curve.setData([], [])
        for item in (self.values_plot, self.grads_plot):
            item.enableAutoRange()
