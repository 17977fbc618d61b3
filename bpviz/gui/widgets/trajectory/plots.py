"""Plots of parameter trajectories: the three-mode grid of seed 001's neuron, and the live value/gradient plots
of the playground's parameters.

``ModeGrid``: one column per mode (Batch | Mini-batch | Stochastic) and one row per quantity (w1, w2, w3, b;
their gradients; the loss on the whole training set), against epochs. A row shares one y range and every plot
shares the x range, so the modes compare at a glance; the column headers say how many samples each step takes
and show the values at the end, or at the epoch under the mouse.

``LivePlots``: values and gradients against the step, redrawn while the playground's thread trains. All plots
are FastPlotWidgets, whose painting holds no GIL (see fast_plot), so a repaint here does not slow training.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

import pyqtgraph as pg

from bpviz.engine.trajectories import MODE_TITLES, MODES, NEURON_PARAMS
from bpviz.gui import palette
from bpviz.gui.widgets.plots.envelope import envelope
from bpviz.gui.widgets.plots.fast_plot import FastPlotWidget
from bpviz.gui.widgets.plots.loss_plot import CountAxis
from bpviz.gui.widgets.text_line import RichTextBlock

#: the neuron's parameters, in the app's colours (blue, orange, green; the bias dark and dashed)
NEURON_COLORS = {"w1": palette.POSITIVE, "w2": palette.NEGATIVE, "w3": palette.NEW_VALUE, "b": palette.TEXT}
NEURON_LABELS = {"w1": "w<sub>1</sub>", "w2": "w<sub>2</sub>", "w3": "w<sub>3</sub>", "b": "b"}
LOSS_COLOR = palette.GRADIENT
#: curves of the playground's parameters take these in turn (distinct on white, the app's colours first)
SERIES_COLORS = (palette.POSITIVE, palette.NEGATIVE, palette.NEW_VALUE, palette.GRADIENT, "#c62828", "#00838f",
                 "#8d6e63", "#ad1457", "#5d6d7e", "#b8860b", palette.TEXT, "#2e7dd7")
ZOOM_OUT = 20  # how far the grid's plots zoom out: 20 times the run's ranges
ROWS = (("params", "w, b"), ("grads", "gradient ∂L/∂·"), ("loss", "loss (all samples)"))
MODE_TIPS = {
    "batch": "Batch gradient descent: every step uses all the training samples (one step per epoch)",
    "mini-batch": "Mini-batch gradient descent: every step uses a few samples, reshuffled every epoch",
    "stochastic": "Stochastic gradient descent: every step uses one sample, reshuffled every epoch",
}


def pen_for(name: str, color: str, width: float = 1.6):
    """The bias is dashed, so that b reads apart from the weights in print as well."""
    style = Qt.DashLine if name.startswith("b") else Qt.SolidLine
    return pg.mkPen(color, width=width, style=style)


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
    """The app's quiet look: grey axes, muted labels, no menu or 'A' button (views are fitted by the page)."""
    item.setMenuEnabled(False)
    item.hideButtons()
    for name, label in (("left", left), ("bottom", bottom)):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(palette.NEUTRAL))
        axis.setTextPen(pg.mkPen(palette.MUTED))
        axis.enableAutoSIPrefix(False)
        if label:
            item.setLabel(name, label, color=palette.MUTED)
    item.showGrid(x=True, y=True, alpha=0.12)


def fmt(value: float) -> str:
    """Compact, with a typographic minus: 0.4594, −0.0061, 3.2e−05 (tiny values keep the header short)."""
    if not math.isfinite(value):
        return "—"
    text = f"{value:.4f}" if value == 0 or 1e-3 <= abs(value) < 1e4 else f"{value:.1e}"
    return text.replace("-", "−")


def finite_range(arrays, log: bool = False) -> tuple[float, float] | None:
    """(low, high) of every finite value (positive ones on a log axis, as log10), or None."""
    lows, highs = [], []
    for a in arrays:
        a = np.asarray(a, dtype=np.float64)
        a = a[np.isfinite(a) & (a > 0)] if log else a[np.isfinite(a)]
        if a.size:
            lows.append(a.min())
            highs.append(a.max())
    if not lows:
        return None
    lo, hi = min(lows), max(highs)
    if log:
        lo, hi = math.log10(lo), math.log10(hi)
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    return lo, hi


def zoom_limits(span: tuple[float, float] | None, axis: str) -> dict:
    """ViewBox.setLimits arguments for ``axis`` ("X" or "Y") that let the view pan and zoom out to ``ZOOM_OUT``
    times ``span`` around it, no further (None: no limits)."""
    if span is None:
        return {f"{axis.lower()}Min": None, f"{axis.lower()}Max": None, f"max{axis}Range": None}
    low, high = span
    room = ZOOM_OUT * (high - low)
    middle = (low + high) / 2
    return {f"{axis.lower()}Min": middle - room / 2, f"{axis.lower()}Max": middle + room / 2, f"max{axis}Range": room}


def make_plot(name: str, left: str | None = None, bottom: str | None = None,
              count_axis: bool = False) -> FastPlotWidget:
    axes = {"left": ValueAxis("left")}
    if count_axis:
        axes["bottom"] = CountAxis("bottom")
    widget = FastPlotWidget(background=palette.BACKGROUND, axisItems=axes)
    widget.setObjectName(name)
    style_plot(widget.getPlotItem(), left, bottom)
    widget.setMinimumSize(120, 90)
    return widget


class ModeGrid(QWidget):
    """3 x 3 plots of a NeuronRuns result under three column headers."""

    hovered = Signal(float)  # the epoch under the mouse (NaN when it leaves the plots)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("trajectory_grid")
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"#trajectory_grid {{ background: {palette.BACKGROUND}; }}")
        self.result = None
        self._log_loss = False
        self.headers: dict[str, RichTextBlock] = {}
        # The nine plots cost a quarter of a second: they are built when first needed (shown or drawn into),
        # not while the window starts.
        self._plots: dict[tuple[str, str], pg.PlotItem] = {}
        self._widgets: dict[tuple[str, str], FastPlotWidget] = {}
        self._curves: dict[str, dict[str, pg.PlotDataItem]] = {m: {} for m in MODES}
        self._cursors = []
        self._built = False
        grid = self._grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        for col, mode in enumerate(MODES):
            header = RichTextBlock(3)
            header.setObjectName(f"header_{mode}")
            header.setToolTip(MODE_TIPS[mode])
            grid.addWidget(header, 0, col)
            self.headers[mode] = header
            grid.setColumnStretch(col, 1)
        for row in range(1, len(ROWS) + 1):
            grid.setRowStretch(row, 1)
        self._show_headers(None)

    @property
    def plots(self) -> dict:
        return self._build()._plots

    @property
    def widgets(self) -> dict:
        return self._build()._widgets

    @property
    def curves(self) -> dict:
        return self._build()._curves

    @property
    def cursors(self) -> list:
        return self._build()._cursors

    def showEvent(self, event) -> None:
        self._build()
        super().showEvent(event)

    def _build(self) -> ModeGrid:
        if self._built:
            return self
        self._built = True
        grid = self._grid
        first = None
        for row, (key, label) in enumerate(ROWS, start=1):
            for col, mode in enumerate(MODES):
                widget = make_plot(f"plot_{key}_{mode}", left=label if col == 0 else None,
                                   bottom="epoch" if key == "loss" else None)
                item = widget.getPlotItem()
                item.getAxis("left").setWidth(56)  # the same in every column: the view boxes line up
                if key != "loss":
                    item.getAxis("bottom").setStyle(showValues=False)
                    item.getAxis("bottom").setHeight(6)
                if first is None:
                    first = item
                else:
                    item.setXLink(first)
                if col:
                    item.setYLink(self._plots[(key, MODES[0])])
                cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(palette.NEUTRAL, style=Qt.DotLine))
                cursor.hide()
                item.addItem(cursor, ignoreBounds=True)
                self._cursors.append(cursor)
                for z, name in enumerate(NEURON_PARAMS if key != "loss" else ("loss",)):
                    # gradients are noisy: thinner lines keep the four of them apart
                    pen = (pg.mkPen(LOSS_COLOR, width=1.8) if key == "loss" else
                           pen_for(name, NEURON_COLORS[name], 1.6 if key == "params" else 1.1))
                    curve = item.plot(pen=pen, connect="finite")
                    curve.setZValue(len(NEURON_PARAMS) - z)  # w1, the one that matters, on top
                    self._curves[mode][name if key == "params" else f"grad_{name}" if key == "grads" else name] = curve
                widget.scene().sigMouseMoved.connect(lambda pos, item=item: self._mouse_moved(item, pos))
                widget.viewport().installEventFilter(self)
                self._plots[(key, mode)] = item
                self._widgets[(key, mode)] = widget
                grid.addWidget(widget, row, col)
        if self._log_loss:
            for mode in MODES:
                self._plots[("loss", mode)].setLogMode(False, True)
        return self

    # ------------------------------------------------------------------ data
    def show_result(self, result) -> None:
        """Draw a NeuronRuns: every curve, fitted views, headers with the final values."""
        self.result = result
        for mode in MODES:
            traj = result[mode]
            x = traj.epoch
            curves = self.curves[mode]
            for j, name in enumerate(NEURON_PARAMS):  # up to 10^6 steps each: drawn as their envelope
                curves[name].setData(*envelope(x, traj.params[:, j]))
                curves[f"grad_{name}"].setData(*envelope(x[1:], traj.grads[1:, j]))  # entry 0: no step yet
            curves["loss"].setData(*envelope(x, traj.loss))
        self.fit()
        self._show_headers(None)

    def clear(self) -> None:
        self.result = None
        for curves in self.curves.values():
            for curve in curves.values():
                curve.setData([], [])
        self._show_headers(None)

    def set_log_loss(self, on: bool) -> None:
        self._log_loss = bool(on)
        for mode in MODES:
            self.plots[("loss", mode)].setLogMode(False, self._log_loss)
        self.fit()

    @Slot()
    def fit(self) -> None:
        """x: the whole run; y: per row, everything the three modes reach (the same range in each column).
        Zooming out (right-drag, wheel) stops at ``ZOOM_OUT`` times these ranges: beyond, the curves are a dot."""
        if self.result is None:
            return
        epochs = float(self.result.config.epochs)
        runs = [self.result[m] for m in MODES]
        ranges = {
            "params": finite_range([t.params for t in runs]),
            "grads": finite_range([t.grads[1:] for t in runs]),
            "loss": finite_range([t.loss for t in runs], log=self._log_loss),
        }
        for (key, _mode), item in self.plots.items():
            item.vb.setLimits(**zoom_limits((0.0, epochs), "X"), **zoom_limits(ranges[key], "Y"))
        self.plots[("params", MODES[0])].setXRange(0.0, epochs, padding=0.02)
        for key, span in ranges.items():
            if span is not None:
                self.plots[(key, MODES[0])].setYRange(*span, padding=0.06)

    # ------------------------------------------------------------------ headers and the hover read-out
    def _show_headers(self, epoch: float | None) -> None:
        for mode in MODES:
            self.headers[mode].setText(self.header_html(mode, epoch))

    def header_html(self, mode: str, epoch: float | None = None) -> str:
        title = f'<b style="color:{palette.TEXT}">{MODE_TITLES[mode]}</b>'
        if self.result is None:
            return f'{title}<br><span style="color:{palette.MUTED}">press Run</span>'
        traj = self.result[mode]
        per = traj.samples_per_step
        what = f"{per} sample{'s' if per != 1 else ''} per step · {int(traj.steps[-1]):,} steps"
        if epoch is None or not math.isfinite(epoch):
            k, where = len(traj.steps) - 1, "at the end"
            if traj.diverged_at is not None:
                where = f'<span style="color:{palette.ERROR_COLOR}">diverged at step {traj.diverged_at:,}</span>'
        else:
            k = max(min(int(np.searchsorted(traj.epoch, epoch, "right")) - 1, len(traj.steps) - 1), 0)
            where = f"at epoch {traj.epoch[k]:.4g} (step {int(traj.steps[k]):,})"
        values = "&nbsp;&nbsp;".join(
            f'<span style="color:{NEURON_COLORS[n]}">{NEURON_LABELS[n]}&nbsp;{fmt(traj.params[k, j])}</span>'
            for j, n in enumerate(NEURON_PARAMS))
        loss = f'<span style="color:{LOSS_COLOR}">loss&nbsp;{fmt(traj.loss[k])}</span>'
        return (f'{title} <span style="color:{palette.MUTED}">· {what}</span><br>{values}<br>'
                f'{loss} <span style="color:{palette.MUTED}">{where}</span>')

    def _mouse_moved(self, item: pg.PlotItem, pos) -> None:
        if self.result is not None and item.vb.sceneBoundingRect().contains(pos):
            self.show_cursor(float(item.vb.mapSceneToView(pos).x()))
        else:
            self.show_cursor(None)

    def show_cursor(self, epoch: float | None) -> None:
        """A dotted line at ``epoch`` in every plot and the values there in the headers (None: the end)."""
        for cursor in self.cursors:
            if epoch is None:
                cursor.hide()
            else:
                cursor.setPos(epoch)
                cursor.show()
        self._show_headers(epoch)
        self.hovered.emit(math.nan if epoch is None else epoch)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Leave:
            self.show_cursor(None)
        elif event.type() == QEvent.MouseButtonDblClick and event.button() == Qt.LeftButton:
            self.fit()  # back to the whole run after a zoom (the plots have no menu or 'A' button)
        return False


class LivePlots(QWidget):
    """Values (top) and gradients (bottom) of the chosen playground parameters against the training step."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values_widget = make_plot("trajectory_values", left="value", count_axis=True)
        self.grads_widget = make_plot("trajectory_gradients", left="gradient ∂E/∂·", bottom="step", count_axis=True)
        self.values_plot = self.values_widget.getPlotItem()
        self.grads_plot = self.grads_widget.getPlotItem()
        self.values_plot.getAxis("bottom").setStyle(showValues=False)
        self.values_plot.getAxis("bottom").setHeight(6)
        for item in (self.values_plot, self.grads_plot):
            item.getAxis("left").setWidth(64)
            item.enableAutoRange()
        self.grads_plot.setXLink(self.values_plot)
        self.legend = self.values_plot.addLegend(offset=(-8, 8), labelTextColor=palette.TEXT,
                                                 brush=pg.mkBrush(255, 255, 255, 220))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.values_widget, 1)
        layout.addWidget(self.grads_widget, 1)
        self.value_curves: dict[str, pg.PlotDataItem] = {}
        self.grad_curves: dict[str, pg.PlotDataItem] = {}
        for widget in (self.values_widget, self.grads_widget):
            widget.viewport().installEventFilter(self)

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
        self.value_curves[name].setData(steps, values)
        self.grad_curves[name].setData(steps, grads)

    def clear_data(self) -> None:
        for curve in (*self.value_curves.values(), *self.grad_curves.values()):
            curve.setData([], [])
        for item in (self.values_plot, self.grads_plot):
            item.enableAutoRange()
