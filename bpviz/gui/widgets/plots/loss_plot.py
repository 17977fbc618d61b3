"""The live loss curve of the training playground: train and test loss against steps or epochs.

It draws the history it is given (a HistoryArrays: entry k is the end of epoch k, entry 0 the start) and keeps
none of its own: the playground's model owns the history, bounded to a few thousand entries however long the run
(bpviz.training.history), so the curves get every entry as it is, in one ``setData`` each. While training runs
the page redraws the curve a few times a second (``set_history(history, draw=False)`` then ``draw()`` from a timer):
its axes are costly to repaint 30 times a second.

Earlier runs (bpviz.models.runs) are drawn under the current run's curves as faded lines, one hue per run (its
train loss solid, its test loss dashed), each with a legend entry of its name: ``set_earlier_runs``, called only
when runs are kept, removed, renamed or pinned, never per frame. ``set_marker`` draws a thin vertical line at a step
(mapped through the current history when the x axis shows epochs). A "Compare runs" button on the header row shows
a panel (the runs table) under the curve, once the page gives it one (``set_compare_panel``).
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGraphicsItem,
    QHBoxLayout,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg

from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.widgets.plots.earlier_runs import EarlierCurves, run_name
from bpviz.gui.widgets.plots.fast_plot import FastPlotWidget
from bpviz.gui.widgets.text_line import TextLine
from bpviz.training.history import HistoryArrays

UNITS = ("steps", "epochs")
_AXIS_LABEL = {"steps": QT_TRANSLATE_NOOP("LossPlot", "step"), "epochs": QT_TRANSLATE_NOOP("LossPlot", "epoch")}
_UNIT_TEXTS = {"steps": QT_TRANSLATE_NOOP("LossPlot", "steps"), "epochs": QT_TRANSLATE_NOOP("LossPlot", "epochs")}
# the current run's curves: train in palette.TEXT, test in palette.POSITIVE (read when drawn: they follow the theme)
MAX_LEGEND_CHARS = 24
EARLIER_LEGEND_SIZE = "8pt"
PLOT_MIN_HEIGHT = {False: 120, True: 150}  # without, with the compare panel under the plot


def format_loss(value: float) -> str:
    if not math.isfinite(value):
        return "—"
    if value == 0 or 1e-3 <= abs(value) < 1e4:
        return f"{value:.4f}"
    return f"{value:.3e}"


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
        self._history = HistoryArrays.empty()
        self._dirty = False  # a history given but not drawn yet (set_history(draw=False))
        self._earlier: list = []  # the earlier runs drawn: (history, name, slot)
        self._earlier_items: list = []  # their curves (train, test per run), in that order
        self._drawn: dict = {}  # (id of its history, colour slot) -> EarlierCurves
        self._marker_step: int | None = None
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.setContentsMargins(4, 0, 4, 0)
        self.values = TextLine()  # changes with every redraw: a QLabel would re-lay out the whole window
        self.values.setObjectName("loss_values")
        self.values.setToolTip(self.tr("The loss over the whole training set and the whole test set at the latest "
                                       "epoch"))
        top.addWidget(self.values, 1)
        self.x_unit = QComboBox()  # no "x:" label: the axis's title says which (room for the figures beside it)
        for unit in UNITS:
            self.x_unit.addItem(translate("LossPlot", _UNIT_TEXTS[unit]), unit)
        self.x_unit.setToolTip(self.tr("The x axis: the loss against gradient steps or against epochs (passes over "
                                       "the training set)"))
        self.x_unit.currentIndexChanged.connect(lambda i: self.set_x_axis(UNITS[i]) if i >= 0 else None)
        top.addWidget(self.x_unit)
        self.log_y = QCheckBox("log")
        self.log_y.setToolTip(self.tr("Logarithmic loss axis (log scale): the slow fall late in training stays "
                                      "visible"))
        self.log_y.toggled.connect(self.set_log_y)
        top.addWidget(self.log_y)
        self.compare = QToolButton()
        self.compare.setText(self.tr("Compare"))
        self.compare.setObjectName("compare_runs")
        self.compare.setCheckable(True)
        self.compare.setToolTip(self.tr("Show the table of earlier runs under the curve: their names (double-click "
                                        "to rename), final losses, steps to 90 % accuracy and speed"))
        self.compare.toggled.connect(self._show_compare)
        self.compare.hide()  # until the page gives the panel
        top.addWidget(self.compare)
        layout.addLayout(top)

        self.plot = FastPlotWidget(background=palette.BACKGROUND,
                                   axisItems={"left": _LossAxis("left"), "bottom": CountAxis("bottom")})
        self.plot.setObjectName("loss_curve")
        self.plot.setToolTip(self.tr("Wheel or drag to zoom and pan the x axis; the small 'A' button (bottom left) "
                                     "follows the data again"))
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)  # the right-click menu is the app's own (export the curve or its history)
        item.setLabel("left", self.tr("loss"), color=palette.MUTED)
        item.setLabel("bottom", translate("LossPlot", _AXIS_LABEL[self._unit]), color=palette.MUTED)
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
        legend = item.addLegend(offset=(-8, 8), labelTextColor=palette.TEXT, brush=_legend_brush())
        legend.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        # The history holds a few thousand entries at most (bpviz.training.history): drawn as they are, without
        # pyqtgraph's downsampling and clipping (which fail on some zoomed-out views).
        self.test_curve = item.plot(pen=pg.mkPen(palette.POSITIVE, width=2), name=self.tr("test"))
        self.train_curve = item.plot(pen=pg.mkPen(palette.TEXT, width=1.5), name=self.tr("train"))
        # Two invisible points at round bounds (x up to the next round number; y to decades or tenths): while
        # the plot follows the data, the auto range then changes only when the data pass those bounds, so most
        # redraws leave the axes as they are, and Qt shows them from cache instead of re-rendering their text.
        self.anchor = item.plot(pen=pg.mkPen((0, 0, 0, 0)))
        self.marker = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(palette.MUTED, width=1))
        self.marker.setZValue(5)
        self.marker.hide()
        item.addItem(self.marker, ignoreBounds=True)
        self.legend = legend
        self.plot.setMinimumHeight(PLOT_MIN_HEIGHT[False])
        self.split = QSplitter(Qt.Vertical)  # the curve, and the compare panel under it when shown
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.plot)
        layout.addWidget(self.split, 1)
        self.compare_panel: QWidget | None = None
        self._show_values()

    def restyle(self) -> None:
        """Take the palette's colours again (bpviz.gui.theme: an export from a dark window is drawn light)."""
        self.plot.setBackground(palette.BACKGROUND)
        item = self.plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(palette.NEUTRAL))
            axis.setTextPen(pg.mkPen(palette.MUTED))
            axis.setLabel(axis.labelText, color=palette.MUTED)
        self.legend.setBrush(_legend_brush())
        self.legend.setLabelTextColor(palette.TEXT)
        earlier = {id(drawn.sample) for drawn in self._drawn.values()}
        for sample, label in self.legend.items:  # pyqtgraph keeps the new colour for the next text only
            small = {"size": EARLIER_LEGEND_SIZE} if id(getattr(sample, "item", None)) in earlier else {}
            label.setText(label.text, **small)
        self.test_curve.setPen(pg.mkPen(palette.POSITIVE, width=2))
        self.train_curve.setPen(pg.mkPen(palette.TEXT, width=1.5))
        self.marker.setPen(pg.mkPen(palette.MUTED, width=1))
        for drawn in self._drawn.values():
            drawn.restyle()
        self.values.setText("")
        self._show_values()

    # ------------------------------------------------------------------ public API
    def set_history(self, history: HistoryArrays, draw: bool = True) -> None:
        """Draw ``history`` (now, or at the next ``draw()`` with ``draw=False``). A history that is shorter or
        starts elsewhere than the one shown (a new run) makes the view follow the data again."""
        if len(history) < len(self._history) or (len(history) and len(self._history)
                                                  and history.epochs[0] != self._history.epochs[0]):
            self.plot.getPlotItem().enableAutoRange()
        self._history = history
        self._dirty = True
        if draw:
            self.draw()

    def set_earlier_runs(self, runs: Sequence) -> None:
        """Draw these earlier runs (each with ``history``, ``name`` and ``slot``, as bpviz.models.runs.EarlierRun)
        under the current run, in this order in the legend. Only what changed is redone: call it when runs are
        kept, removed or renamed, not per frame."""
        wanted = [(r.history, run_name(r) if hasattr(r, "auto_name") else r.name, int(r.slot)) for r in runs]
        if [(id(h), s) for h, _n, s in wanted] == [(id(h), s) for h, _n, s in self._earlier]:
            if [n for _h, n, _s in wanted] != self.earlier_names():  # renamed only: new labels, same curves
                self._earlier = wanted
                for (_h, name, _s), drawn in zip(wanted, self._drawn_earlier()):
                    self.legend.getLabel(drawn.sample).setText(html.escape(_short(name)), size=EARLIER_LEGEND_SIZE)
            return
        # Curves of runs still shown stay (making one costs a few ms); the legend's entries are put in order again.
        item = self.plot.getPlotItem()
        for drawn in self._drawn.values():
            self.legend.removeItem(drawn.sample)
        keys = [(id(h), s) for h, _n, s in wanted]
        for key in [k for k in self._drawn if k not in keys]:
            for curve in self._drawn.pop(key).curves:
                item.removeItem(curve)
        self._earlier = wanted
        for (history, name, slot), key in zip(wanted, keys):
            if key not in self._drawn:
                self._drawn[key] = EarlierCurves(item, history, slot, self._unit)
            sample = self._drawn[key].sample
            self.legend.addItem(sample, html.escape(_short(name)))
            self.legend.getLabel(sample).setText(html.escape(_short(name)), size=EARLIER_LEGEND_SIZE)
        self._earlier_items = [c for drawn in self._drawn_earlier() for c in drawn.curves]
        self.legend.setColumnCount(2 if len(wanted) >= 2 else 1)  # fewer rows: the plot may be short

    def _drawn_earlier(self) -> list:
        return [self._drawn[(id(h), s)] for h, _n, s in self._earlier]

    def earlier_names(self) -> list[str]:
        """The names of the earlier runs drawn, in legend order."""
        return [name for _h, name, _s in self._earlier]

    def earlier_curve_data(self, i: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(x in the chosen unit, train, test) of the i-th earlier run drawn."""
        h = self._earlier[i][0]
        return (h.steps if self._unit == "steps" else h.epochs).copy(), h.train.copy(), h.test.copy()

    def earlier_drawn(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """(x, train loss) as drawn for the i-th earlier run: every entry of a short history; of a long one, the
        lowest and highest of each of a few hundred runs of entries (bpviz.gui.widgets.plots.envelope)."""
        return self._earlier_items[2 * i].getOriginalDataset()

    def set_marker(self, step: int | None) -> None:
        """A thin vertical line at ``step`` (None: none). On the epoch axis it stands where the current history
        puts that step (interpolated between its entries)."""
        self._marker_step = None if step is None else int(step)
        self._place_marker()

    def marker_x(self) -> float | None:
        """Where the marker stands on the x axis shown (None: hidden)."""
        return float(self.marker.value()) if self.marker.isVisible() else None

    def set_compare_panel(self, panel: QWidget) -> None:
        """Show ``panel`` (the runs table) under the curve while the "Compare runs" button is down."""
        self.compare_panel = panel
        self.split.addWidget(panel)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        panel.setVisible(self.compare.isChecked())
        self.compare.show()

    @Slot(bool)
    def _show_compare(self, on: bool) -> None:
        if self.compare_panel is not None:
            self.compare_panel.setVisible(on)
            self.plot.setMinimumHeight(PLOT_MIN_HEIGHT[on])  # room for the key and the curves above the table

    def clear(self) -> None:
        self.set_history(HistoryArrays.empty())
        self.plot.getPlotItem().enableAutoRange()

    def draw(self) -> None:
        """Redraw the curves if a history arrived since the last drawing."""
        if self._dirty:
            self._dirty = False
            self._refresh()
            self._show_values()

    @Slot(str)
    def set_x_axis(self, unit: str) -> None:
        if unit not in UNITS:
            raise ValueError(f"unknown x unit {unit!r} (choose from {', '.join(UNITS)})")
        if self.x_unit.currentData() != unit:
            self.x_unit.setCurrentIndex(UNITS.index(unit))  # comes back here through currentIndexChanged
            return
        if unit == self._unit:
            return
        self._unit = unit
        item = self.plot.getPlotItem()
        item.setLabel("bottom", translate("LossPlot", _AXIS_LABEL[unit]), color=palette.MUTED)
        item.enableAutoRange()  # a zoom in steps means nothing in epochs
        self._refresh()
        self._draw_earlier()

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
        return len(self._history)

    def curve_data(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Copies of (x in the chosen unit, train loss, test loss) of every entry shown, as given (not logged)."""
        h = self._history
        return self._x().copy(), h.train.copy(), h.test.copy()

    def latest(self) -> tuple[float, float]:
        h = self._history
        if len(h) == 0:
            return math.nan, math.nan
        return float(h.train[-1]), float(h.test[-1])

    # ------------------------------------------------------------------ internals
    def _x(self) -> np.ndarray:
        return self._history.steps if self._unit == "steps" else self._history.epochs

    def _any_test(self) -> bool:
        return bool(np.isfinite(self._history.test).any())

    def _following(self) -> bool:
        return bool(self.plot.getPlotItem().getViewBox().autoRangeEnabled()[0])

    def _draw_earlier(self) -> None:
        for drawn in self._drawn.values():
            drawn.show(self._unit)

    def _place_marker(self) -> None:
        step, h = self._marker_step, self._history
        if step is None or (self._unit == "epochs" and len(h) == 0):
            self.marker.hide()
            return
        x = float(step) if self._unit == "steps" else float(np.interp(step, h.steps, h.epochs))
        self.marker.setValue(x)
        self.marker.show()

    def _refresh(self) -> None:
        self._place_marker()
        h = self._history
        if len(h) == 0:
            self.train_curve.setData([], [])
            self.test_curve.setData([], [])
            self.anchor.setData([], [])
            return
        x = self._x()
        self.train_curve.setData(x, h.train)
        if self._any_test():
            self.test_curve.setData(x, h.test)
        else:
            self.test_curve.setData([], [])
        self._set_anchor(x[-1], h.train, h.test)

    def _set_anchor(self, x_last: float, train: np.ndarray, test: np.ndarray) -> None:
        values = np.concatenate([train, test]) if self._any_test() else np.asarray(train)
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
        train_word, test_word = self.tr("train"), self.tr("test")
        parts = [f'<span style="color:{palette.TEXT}">{train_word} <b>{format_loss(train)}</b></span>']
        if self._any_test() or len(self._history) == 0:
            parts.append(f'<span style="color:{palette.POSITIVE}">{test_word} <b>{format_loss(test)}</b></span>')
        text = " · ".join(parts)
        if text != self.values.text():
            self.values.setText(text)


def _legend_brush():
    """The legend's backing: the plot's background, slightly see-through."""
    color = pg.mkColor(palette.BACKGROUND)
    color.setAlpha(220)
    return pg.mkBrush(color)


def _short(name: str) -> str:
    return name if len(name) <= MAX_LEGEND_CHARS else name[: MAX_LEGEND_CHARS - 1] + "…"
