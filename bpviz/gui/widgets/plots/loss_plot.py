"""The live loss curve of the training playground: train and test loss against steps or epochs.

The worker sends the history entries the view does not have yet (entry k: the losses at the end of epoch k,
entry 0: before training) about 30 times a second, and a run can reach 10^6 entries. So the entries live in
growing NumPy buffers (amortised doubling), and beside them a min/max envelope of at most ``2 * _BINS`` bins is
kept up to date incrementally (only the bins a new entry touches are recomputed). While the view follows the
data (pyqtgraph's auto-range) the curves draw that envelope: a few thousand points whatever the length of the
run, and pixel-for-pixel the same picture as the raw data. Once the user zooms or pans the x axis, the curves
get the raw entries and pyqtgraph clips them to the view and peak-downsamples them.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg

from bpviz.gui import palette
from bpviz.gui.widgets.plots.fast_plot import FastPlotWidget
from bpviz.gui.widgets.text_line import TextLine

UNITS = ("steps", "epochs")
_AXIS_LABEL = {"steps": "step", "epochs": "epoch"}
TRAIN_COLOR = palette.TEXT
TEST_COLOR = palette.POSITIVE
_RAW_LIMIT = 8192  # up to this many entries pyqtgraph always gets the raw data
_BINS = 2048  # the envelope holds between _BINS and 2 * _BINS bins once it is coarsened


def format_loss(value: float) -> str:
    if not math.isfinite(value):
        return "—"
    if value == 0 or 1e-3 <= abs(value) < 1e4:
        return f"{value:.4f}"
    return f"{value:.3e}"


class _Envelope:
    """Per-bin maxima and minima of the two loss series, for bins of ``size`` consecutive entries."""

    def __init__(self):
        self.reset()

    def reset(self) -> None:
        self.size = 1
        self.n_bins = 0
        self.hi = np.empty((2, 2 * _BINS + 2))
        self.lo = np.empty((2, 2 * _BINS + 2))

    def update(self, ys: np.ndarray, first: int) -> None:
        """``ys``: (2, n) train and test of all entries held; entries from ``first`` on are new or changed."""
        n = ys.shape[1]
        while -(-n // self.size) > 2 * _BINS:  # too many bins: merge neighbours (exact: max of maxima)
            k = self.n_bins // 2
            odd = self.n_bins % 2
            np.fmax(self.hi[:, 0:2 * k:2], self.hi[:, 1:2 * k:2], out=self.hi[:, :k])
            np.fmin(self.lo[:, 0:2 * k:2], self.lo[:, 1:2 * k:2], out=self.lo[:, :k])
            if odd:
                self.hi[:, k] = self.hi[:, 2 * k]
                self.lo[:, k] = self.lo[:, 2 * k]
            self.n_bins = k + odd
            self.size *= 2
        b0 = min(first // self.size, self.n_bins)
        b1 = -(-n // self.size)
        if b1 > b0:
            seg = ys[:, b0 * self.size : n]
            pad = (b1 - b0) * self.size - seg.shape[1]
            if pad:
                seg = np.concatenate([seg, np.full((2, pad), np.nan)], axis=1)
            seg = seg.reshape(2, b1 - b0, self.size)
            np.fmax.reduce(seg, axis=2, out=self.hi[:, b0:b1])  # fmax/fmin skip NaN (no test set)
            np.fmin.reduce(seg, axis=2, out=self.lo[:, b0:b1])
        self.n_bins = b1

    def curves(self, x: np.ndarray, n: int, b0: int, b1: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Bins b0..b1-1 as interleaved points: each bin's maximum at its first entry's x, its minimum at its
        last entry's x (x: the entries' x values, n: how many entries are held)."""
        b1 = min(b1, self.n_bins)
        nb = max(b1 - b0, 0)
        first = np.arange(b0, b0 + nb) * self.size
        last = np.minimum(first + self.size, n) - 1
        xs = np.empty(2 * nb, np.int64)
        xs[0::2] = x[first]
        xs[1::2] = x[last]
        ys = np.empty((2, 2 * nb))
        ys[:, 0::2] = self.hi[:, b0:b1]
        ys[:, 1::2] = self.lo[:, b0:b1]
        return xs, ys[0], ys[1]


class _LossAxis(pg.AxisItem):
    """pyqtgraph's axis, but a log axis spanning less than a decade gets evenly spaced plain values (0.64, 0.66,
    ...) instead of a lone "7·10⁻¹", and log labels read as numbers (0.01, not 10⁻²) where short."""

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        self._linear_ticks = False
        if maxVal - minVal >= 1.0 or not (math.isfinite(minVal) and math.isfinite(maxVal)):
            return super().logTickValues(minVal, maxVal, size, stdTicks)
        self._linear_ticks = True
        lo, hi = 10.0 ** minVal, 10.0 ** maxVal
        levels = []
        for spacing, offset in self.tickSpacing(lo, hi, size)[:2]:
            first = math.ceil((lo - offset) / spacing) * spacing + offset
            values = first + spacing * np.arange(int((hi - first) / spacing) + 1)
            values = values[values > 0]
            levels.append((None, np.log10(values).tolist()))
        return levels

    def logTickStrings(self, values, scale, spacing):
        out = []
        for v in values:
            x = 10.0 ** float(v) * scale
            mantissa = round(10.0 ** (float(v) - math.floor(float(v) + 1e-9)))
            if not getattr(self, "_linear_ticks", False) and mantissa not in (1, 2, 5):
                out.append("")  # 3·10^k, 4·10^k, ... crowd the top of each decade: tick marks only
            else:
                out.append(f"{x:.3g}" if 1e-4 <= x < 1e4 else super().logTickStrings([v], scale, spacing)[0])
        return out


class CountAxis(pg.AxisItem):
    """Step and epoch counts as 20k, 1.5M instead of pyqtgraph's 2e+04, 1.5e+06 (also the trajectory plots')."""

    def tickStrings(self, values, scale, spacing):
        big = max((abs(v * scale) for v in values), default=0.0)
        if big < 1e4 or self.logMode:
            return super().tickStrings(values, scale, spacing)
        div, suffix = (1e6, "M") if big >= 1e6 else (1e3, "k")
        return [f"{v * scale / div:.4g}{suffix}" if v else "0" for v in values]


def _nice_ceil(v: float) -> float:
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) that is >= v: the x range grows
    in steps of at most 25 %, and stays put in between."""
    k = 10.0 ** math.floor(math.log10(v))
    return next(m * k for m in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0) if m * k >= v)


class LossPlot(QWidget):
    """Train loss (dark, solid) and test loss (blue) with the latest values above the plot."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._unit = "steps"
        self._log = False
        self._n = 0
        self._dirty = False  # entries stored but not drawn yet (append(draw=False))
        self._offset = 0  # the entry number of the first entry held (0 unless a history arrived mid-way)
        self._cap = 0
        self._x = {u: np.empty(0, np.int64) for u in UNITS}
        self._y = np.empty((2, 0))  # train, test
        self._any_test = False  # at least one finite test loss held
        self._envelope = _Envelope()
        self._mode = "raw"  # what the curves show: "raw" entries or the "envelope"
        self._shown_following = True
        self._reserve(1024)
        self._build()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.setContentsMargins(4, 0, 4, 0)
        self.values = TextLine()  # changes with every redraw: a QLabel would re-lay out the whole window
        self.values.setObjectName("loss_values")
        self.values.setToolTip("The loss over the whole training set and the whole test set at the latest epoch")
        top.addWidget(self.values, 1)
        top.addWidget(QLabel("x:"))
        self.x_unit = QComboBox()
        self.x_unit.addItems(UNITS)
        self.x_unit.setToolTip("Plot the loss against gradient steps or against epochs (passes over the training set)")
        self.x_unit.currentTextChanged.connect(self.set_x_axis)
        top.addWidget(self.x_unit)
        self.log_y = QCheckBox("log scale")
        self.log_y.setToolTip("Logarithmic loss axis: the slow fall late in training stays visible")
        self.log_y.toggled.connect(self.set_log_y)
        top.addWidget(self.log_y)
        layout.addLayout(top)

        self.plot = FastPlotWidget(background=palette.BACKGROUND,
                                   axisItems={"left": _LossAxis("left"), "bottom": CountAxis("bottom")})
        self.plot.setObjectName("loss_curve")
        self.plot.setToolTip("Wheel or drag to zoom and pan the x axis; the small 'A' button (bottom left) "
                             "follows the data again")
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)  # the right-click menu is the app's own (export the curve or its history)
        item.setLabel("left", "loss", color=palette.MUTED)
        item.setLabel("bottom", _AXIS_LABEL[self._unit], color=palette.MUTED)
        # No grid: pyqtgraph draws it with the axes, which then cover the plot and repaint (tick text and all)
        # with every curve update.
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(palette.NEUTRAL))
            axis.setTextPen(pg.mkPen(palette.MUTED))
            axis.enableAutoSIPrefix(False)  # "loss (x0.001)" with ticks 650..710 reads worse than 0.65..0.71
            # The axes also draw the grid, so every curve update exposes them: from a cache they are a blit
            # (their range changes rarely, see the anchor below) instead of a Python repaint of all tick text.
            axis.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        vb = item.getViewBox()
        vb.setMouseEnabled(x=True, y=False)  # the y axis always fits the data in view
        vb.setAutoVisible(y=True)
        # A key inside the plot, so that an exported picture says which curve is which.
        legend = item.addLegend(offset=(-8, 8), labelTextColor=palette.TEXT, brush=pg.mkBrush(255, 255, 255, 220))
        legend.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.test_curve = item.plot(pen=pg.mkPen(TEST_COLOR, width=2), name="test", autoDownsampleFactor=1.0)
        self.train_curve = item.plot(pen=pg.mkPen(TRAIN_COLOR, width=1.5), name="train", autoDownsampleFactor=1.0)
        # Two invisible points at round bounds (x up to the next round number; y to decades or tenths): while
        # the plot follows the data, the auto range then changes only when the data pass those bounds, so most
        # redraws leave the axes as they are, and Qt shows them from cache instead of re-rendering their text.
        self.anchor = item.plot(pen=pg.mkPen((0, 0, 0, 0)))
        for curve in (self.train_curve, self.test_curve):
            curve.setDownsampling(auto=True, method="peak")  # with factor 1: max and min of each pixel column
            curve.setClipToView(True)
        vb.sigStateChanged.connect(self._view_state_changed)
        vb.sigXRangeChanged.connect(self._x_range_changed)
        self.plot.setMinimumHeight(120)
        layout.addWidget(self.plot, 1)
        self._show_values()

    # ------------------------------------------------------------------ public API
    def clear(self) -> None:
        self._dirty = False
        self._n = 0
        self._offset = 0
        self._any_test = False
        self._envelope.reset()
        self._refresh()
        self.plot.getPlotItem().enableAutoRange()
        self._show_values()

    def append(self, start: int, steps: np.ndarray, train: np.ndarray, test: np.ndarray, draw: bool = True) -> None:
        """History entries number ``start``, ``start + 1``, ...; ``steps`` the step count of each.

        Entries continue the curve when ``start`` is the number of the next entry. A ``start`` inside the
        entries held replaces the entries from there on (0: a new run); any other ``start`` replaces them all.
        ``draw=False`` stores the entries without redrawing (a live view redraws a few times a second and
        calls ``draw()``; the curve's axes are costly to repaint 30 times a second).
        """
        start = int(start)
        m = len(steps)
        if not len(train) == len(test) == m:
            raise ValueError(f"steps, train and test must have the same length, got {m}, {len(train)}, {len(test)}")
        end = self._offset + self._n
        if start == end:
            if m == 0:
                return
            first = self._n
        elif self._offset <= start < end:  # the sender went back: drop what follows, keep what precedes
            first = start - self._offset
            self._n = first
            self._envelope.reset()  # rare: rebuilt from scratch below
            self._any_test = bool(np.isfinite(self._y[1, :first]).any())
        else:  # a new run, or a gap we cannot fill
            self._envelope.reset()
            self._n = first = 0
            self._offset = start
            self._any_test = False
            self.plot.getPlotItem().enableAutoRange()
        n = first + m
        self._reserve(n)
        self._x["steps"][first:n] = steps
        self._x["epochs"][first:n] = np.arange(self._offset + first, self._offset + n)
        self._y[0, first:n] = train
        self._y[1, first:n] = test
        if not self._any_test:
            self._any_test = bool(np.isfinite(self._y[1, first:n]).any())
        self._envelope.update(self._y[:, :n], first)  # after a reset it rebuilds every bin
        self._n = n
        self._dirty = True
        if draw:
            self.draw()

    def draw(self) -> None:
        """Redraw the curves if entries arrived since the last drawing."""
        if self._dirty:
            self._dirty = False
            self._refresh()
            self._show_values()

    @Slot(str)
    def set_x_axis(self, unit: str) -> None:
        if unit not in UNITS:
            raise ValueError(f"unknown x unit {unit!r} (choose from {', '.join(UNITS)})")
        if self.x_unit.currentText() != unit:
            self.x_unit.setCurrentText(unit)  # comes back here through currentTextChanged
            return
        if unit == self._unit:
            return
        self._unit = unit
        item = self.plot.getPlotItem()
        item.setLabel("bottom", _AXIS_LABEL[unit], color=palette.MUTED)
        item.enableAutoRange()  # a zoom in steps means nothing in epochs
        self._refresh()

    def x_axis(self) -> str:
        return self._unit

    @Slot(bool)
    def set_log_y(self, on: bool) -> None:
        on = bool(on)
        if self.log_y.isChecked() != on:
            self.log_y.setChecked(on)  # comes back here through toggled
            return
        if on == self._log:
            return
        self._log = on
        self.plot.getPlotItem().setLogMode(False, on)

    def log_y_enabled(self) -> bool:
        return self._log

    def n_entries(self) -> int:
        return self._n

    def history(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Copies of every entry held: (steps, train, test), whatever the axis shows (to save a session)."""
        n = self._n
        return self._x["steps"][:n].copy(), self._y[0, :n].copy(), self._y[1, :n].copy()

    def curve_data(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Copies of (x in the chosen unit, train loss, test loss) of every entry held, as sent (not logged)."""
        n = self._n
        return self._x[self._unit][:n].copy(), self._y[0, :n].copy(), self._y[1, :n].copy()

    def latest(self) -> tuple[float, float]:
        if self._n == 0:
            return math.nan, math.nan
        return float(self._y[0, self._n - 1]), float(self._y[1, self._n - 1])

    # ------------------------------------------------------------------ internals
    def _reserve(self, n: int) -> None:
        if n <= self._cap:
            return
        cap = max(n, 2 * self._cap, 1024)
        for u in UNITS:
            grown = np.empty(cap, np.int64)  # integer x: pyqtgraph knows it is finite without looking
            grown[: self._n] = self._x[u][: self._n]
            self._x[u] = grown
        grown = np.empty((2, cap))
        grown[:, : self._n] = self._y[:, : self._n]
        self._y = grown
        self._cap = cap

    def _following(self) -> bool:
        return bool(self.plot.getPlotItem().getViewBox().autoRangeEnabled()[0])

    @Slot(object)
    def _view_state_changed(self, _vb=None) -> None:
        # the user zoomed (auto-range off) or pressed 'A' (auto-range on again)
        if self._following() != self._shown_following:
            self._refresh()

    @Slot(object, object)
    def _x_range_changed(self, _vb=None, _range=None) -> None:
        if not self._following():  # zoomed or panned: hand over the entries now in view
            self._refresh()

    def _visible(self) -> tuple[int, int]:
        """The entries in the x range shown, one more on each side so the lines reach the edges."""
        n = self._n
        if self._following():
            return 0, n
        x = self._x[self._unit][:n]
        lo, hi = self.plot.getPlotItem().getViewBox().viewRange()[0]
        limit = float(2 ** 62)
        lo = np.int64(math.floor(min(max(lo, -limit), limit)))  # same dtype: searchsorted stays O(log n)
        hi = np.int64(math.ceil(min(max(hi, -limit), limit)))
        return max(int(np.searchsorted(x, lo, "left")) - 1, 0), min(int(np.searchsorted(x, hi, "right")) + 1, n)

    def _refresh(self) -> None:
        n = self._n
        self._shown_following = self._following()
        if n == 0:
            self._mode = "raw"
            self.train_curve.setData([], [])
            self.test_curve.setData([], [])
            return
        x = self._x[self._unit]
        i0, i1 = self._visible()
        env = self._envelope
        pixels = max(self.plot.getPlotItem().getViewBox().width(), 100.0)
        if i1 - i0 > _RAW_LIMIT and (i1 - i0) / env.size >= 1.5 * pixels:
            self._mode = "envelope"  # still several bins per pixel: draws the same as the raw entries
            xs, train, test = env.curves(x, n, i0 // env.size, -(-i1 // env.size))
        else:
            self._mode = "raw"
            xs, train, test = x[i0:i1], self._y[0, i0:i1], self._y[1, i0:i1]
        self.train_curve.setData(xs, train)
        if self._any_test:
            self.test_curve.setData(xs, test)
        else:
            self.test_curve.setData([], [])
        self._set_anchor(x[n - 1] if n else 0, train, test)

    def _set_anchor(self, x_last: float, train: np.ndarray, test: np.ndarray) -> None:
        values = np.concatenate([train, test]) if self._any_test else np.asarray(train)
        values = values[np.isfinite(values) & ((values > 0) if self._log else True)]
        if not self._following() or len(values) == 0:
            self.anchor.setData([], [])
            return
        lo, hi = float(values.min()), float(values.max())
        if self._log:
            lo, hi = 10.0 ** math.floor(math.log10(lo)), 10.0 ** math.ceil(math.log10(hi))
        else:
            step = 10.0 ** math.floor(math.log10(hi)) / 10 if hi > 0 else 1.0
            lo, hi = min(0.0, math.floor(lo / step) * step), math.ceil(hi / step) * step
        self.anchor.setData([0.0, _nice_ceil(max(float(x_last), 1.0))], [lo, hi])

    def _show_values(self) -> None:
        train, test = self.latest()
        parts = [f'<span style="color:{TRAIN_COLOR}">train <b>{format_loss(train)}</b></span>']
        if self._any_test or self._n == 0:
            parts.append(f'<span style="color:{TEST_COLOR}">test <b>{format_loss(test)}</b></span>')
        text = " · ".join(parts)
        if text != self.values.text():
            self.values.setText(text)
