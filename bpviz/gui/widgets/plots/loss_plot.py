"""The live loss curve of the training playground: train and test loss against steps or epochs.

It draws the history it is given (a HistoryArrays: entry k is the end of epoch k, entry 0 the start) and keeps
none of its own: the playground's model owns the history, bounded to a few thousand entries however long the run
(bpviz.training.history), so the curves get every entry as it is, in one ``setData`` each. While training runs
the page redraws the curve a few times a second (``set_history(history, draw=False)`` then ``draw()`` from a timer):
its axes are costly to repaint 30 times a second.

Earlier runs (bpviz.models.runs) are drawn under the current run's curves as faded lines, one hue per run (its
train loss solid, its test loss dashed), each with a legend entry of its name: ``set_earlier_runs``, called only
when runs are kept, removed, renamed or pinned, never per frame (bpviz.gui.widgets.plots.earlier_layer keeps them).
``set_marker`` draws a thin vertical line at a step (mapped through the current history when the x axis shows
epochs). A "Compare runs" button on the header row shows a panel (the runs table) under the curve, once the page
gives it one (``set_compare_panel``). The axes' tick texts and round bounds are bpviz.gui.widgets.plots.axes.
"""

from __future__ import annotations

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
from bpviz.gui.widgets.plots.axes import CountAxis, LossAxis, anchor_points
from bpviz.gui.widgets.plots.earlier_layer import EarlierLayer
from bpviz.gui.widgets.plots.fast_plot import FastPlotWidget, restyle_axes
from bpviz.gui.widgets.text_line import TextLine
from bpviz.training.history import HistoryArrays

UNITS = ("steps", "epochs")
_AXIS_LABEL = {"steps": QT_TRANSLATE_NOOP("LossPlot", "step"), "epochs": QT_TRANSLATE_NOOP("LossPlot", "epoch")}
_UNIT_TEXTS = {"steps": QT_TRANSLATE_NOOP("LossPlot", "steps"), "epochs": QT_TRANSLATE_NOOP("LossPlot", "epochs")}
# the current run's curves: train in palette.TEXT, test in palette.POSITIVE (read when drawn: they follow the theme)
PLOT_MIN_HEIGHT = {False: 120, True: 150}  # without, with the compare panel under the plot


def format_loss(value: float) -> str:
    if not math.isfinite(value):
        return "—"
    if value == 0 or 1e-3 <= abs(value) < 1e4:
        return f"{value:.4f}"
    return f"{value:.3e}"


class LossPlot(QWidget):
    """Train loss (dark, solid) and test loss (blue) with the latest values above the plot."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._unit = "steps"
        self._log = False
        self._history = HistoryArrays.empty()
        self._dirty = False  # a history given but not drawn yet (set_history(draw=False))
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
                                   axisItems={"left": LossAxis("left"), "bottom": CountAxis("bottom")})
        self.plot.setObjectName("loss_curve")
        self.plot.setToolTip(self.tr("Wheel or drag to zoom and pan the x axis; the small 'A' button (bottom left) "
                                     "follows the data again"))
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)  # the right-click menu is the app's own (export the curve or its history)
        item.setLabel("left", self.tr("loss"), color=palette.MUTED)
        item.setLabel("bottom", translate("LossPlot", _AXIS_LABEL[self._unit]), color=palette.MUTED)
        # No grid: pyqtgraph draws it with the axes, which then cover the plot and repaint (tick text and all)
        # with every curve update.
        restyle_axes(item)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
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
        self._earlier = EarlierLayer(item, legend)  # the earlier runs drawn
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
        restyle_axes(self.plot.getPlotItem())
        self.legend.setBrush(_legend_brush())
        self.legend.setLabelTextColor(palette.TEXT)
        for sample, label in self.legend.items:  # pyqtgraph keeps the new colour for the next text only
            label.setText(label.text, **self._earlier.label_style(sample))
        self.test_curve.setPen(pg.mkPen(palette.POSITIVE, width=2))
        self.train_curve.setPen(pg.mkPen(palette.TEXT, width=1.5))
        self.marker.setPen(pg.mkPen(palette.MUTED, width=1))
        self._earlier.restyle()
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
        self._earlier.set_runs(runs, self._unit)

    def earlier_names(self) -> list[str]:
        """The names of the earlier runs drawn, in legend order."""
        return self._earlier.names()

    def earlier_curve_data(self, i: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(x in the chosen unit, train, test) of the i-th earlier run drawn."""
        return self._earlier.curve_data(i, self._unit)

    def earlier_drawn(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """(x, train loss) as drawn for the i-th earlier run: every entry of a short history; of a long one, the
        lowest and highest of each of a few hundred runs of entries (bpviz.gui.widgets.plots.envelope)."""
        return self._earlier.drawn(i)

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
        self._earlier.show(unit)

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
        self.anchor.setData(*anchor_points(x_last, values, self._log))

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
