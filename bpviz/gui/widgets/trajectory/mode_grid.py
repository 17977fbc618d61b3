"""The three-mode grid of seed 001's neuron: one column per mode (Batch | Mini-batch | Stochastic) and one row
per quantity (w1, w2, w3, b; their gradients; the loss on the whole training set), against epochs. A row shares
one y range and every plot shares the x range, so the modes compare at a glance; the column headers say how many
samples each step takes and show the values at the end, or at the epoch under the mouse.

The nine plots take about 0.2 s to make, and painting nine plots of new curves 0.1 s: made and drawn in one go
when the page was first shown, they held the GUI thread for 0.3 s. They are made one per turn of the event loop
once the grid is shown, each in a cell kept for it from the start (so that a new plot does not lay out and repaint
the others), and a result is drawn into them one plot a turn (``built`` says when they are all made; a result that
comes before is drawn then). Asking for ``plots``, ``widgets``, ``curves`` or ``cursors`` does what is left at
once (an export, a test).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

import pyqtgraph as pg

from bpviz.engine.trajectories import MODE_TITLES, MODES, NEURON_PARAMS
from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.widgets.plots.envelope import envelope
from bpviz.gui.widgets.text_line import RichTextBlock
from bpviz.gui.widgets.trajectory.plots import (
    NEURON_LABELS,
    PLOT_MINIMUM_SIZE,
    loss_color,
    make_plot,
    neuron_colors,
    pen_for,
    restyle_plot,
    set_curve,
)

ZOOM_OUT = 20  # how far the grid's plots zoom out: 20 times the run's ranges

ROWS = (("params", "w, b"), ("grads", QT_TRANSLATE_NOOP("ModeGrid", "gradient ∂L/∂·")),
        ("loss", QT_TRANSLATE_NOOP("ModeGrid", "loss (all samples)")))
MODE_TIPS = {
    "batch": QT_TRANSLATE_NOOP("ModeGrid", "Batch gradient descent: every step uses all the training samples (one "
                                           "step per epoch)"),
    "mini-batch": QT_TRANSLATE_NOOP("ModeGrid", "Mini-batch gradient descent: every step uses a few samples, "
                                                "reshuffled every epoch"),
    "stochastic": QT_TRANSLATE_NOOP("ModeGrid", "Stochastic gradient descent: every step uses one sample, "
                                                "reshuffled every epoch"),
}
# bpviz.engine.trajectories.MODE_TITLES, marked for lupdate (translate("ModeGrid", title) where shown)
_MODE_TITLES = (QT_TRANSLATE_NOOP("ModeGrid", "Batch"), QT_TRANSLATE_NOOP("ModeGrid", "Mini-batch"),
                QT_TRANSLATE_NOOP("ModeGrid", "Stochastic"))


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


NO_LIMIT = 1e307  # pyqtgraph's default limits of a view


def zoom_limits(span: tuple[float, float] | None, axis: str) -> dict:
    """ViewBox.setLimits arguments for ``axis`` ("X" or "Y") that let the view pan and zoom out to ``ZOOM_OUT``
    times ``span`` around it, no further (None: no limits)."""
    if span is None:  # pyqtgraph's own "no limits" (None breaks its log mode: TypeError comparing None and float)
        return {f"{axis.lower()}Min": -NO_LIMIT, f"{axis.lower()}Max": NO_LIMIT, f"max{axis}Range": None}
    low, high = float(span[0]), float(span[1])  # Python floats: a huge span gives inf, not a NumPy warning
    room = ZOOM_OUT * (high - low)
    middle = (low + high) / 2
    if not (math.isfinite(room) and math.isfinite(middle)):  # a diverged run's values: no limits to keep
        return zoom_limits(None, axis)
    return {f"{axis.lower()}Min": middle - room / 2, f"{axis.lower()}Max": middle + room / 2, f"max{axis}Range": room}


class ModeGrid(QWidget):
    """3 x 3 plots of a NeuronRuns result under three column headers."""

    hovered = Signal(float)  # the epoch under the mouse (NaN when it leaves the plots)
    built = Signal()  # every plot made

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("trajectory_grid")
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"#trajectory_grid {{ background: {palette.BACKGROUND}; }}")  # (restyle())
        self.result = None
        self._log_loss = False
        self.headers: dict[str, RichTextBlock] = {}
        self._plots: dict[tuple[str, str], pg.PlotItem] = {}
        self._widgets: dict[tuple[str, str], pg.PlotWidget] = {}
        self._curves: dict[str, dict[str, pg.PlotDataItem]] = {m: {} for m in MODES}
        self._cursors = []
        cells = [(row, key, label, col, mode) for row, (key, label) in enumerate(ROWS, start=1)
                 for col, mode in enumerate(MODES)]
        # what is left to do, one job a turn of the event loop: ("make", cell) then ("draw", (key, mode))
        self._jobs: list[tuple] = [("make", cell) for cell in cells]
        self._placeholders: dict[tuple[int, int], QWidget] = {}
        self._built = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next_job)
        grid = self._grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        for col, mode in enumerate(MODES):
            header = RichTextBlock(3)
            header.setObjectName(f"header_{mode}")
            header.setToolTip(translate("ModeGrid", MODE_TIPS[mode]))
            grid.addWidget(header, 0, col)
            self.headers[mode] = header
            grid.setColumnStretch(col, 1)
        for row, _key, _label, col, _mode in cells:
            placeholder = QWidget()  # keeps the plot's cell: a plot put in its place lays out nothing else
            placeholder.setMinimumSize(*PLOT_MINIMUM_SIZE)
            placeholder.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
            grid.addWidget(placeholder, row, col)
            self._placeholders[(row, col)] = placeholder
            grid.setRowStretch(row, 1)
        self._show_headers(None)

    @property
    def plots(self) -> dict:
        self.finish_drawing()
        return self._plots

    @property
    def widgets(self) -> dict:
        self.finish_drawing()
        return self._widgets

    @property
    def curves(self) -> dict:
        self.finish_drawing()
        return self._curves

    @property
    def cursors(self) -> list:
        self.finish_drawing()
        return self._cursors

    # ------------------------------------------------------------------ making the plots, drawing into them
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._jobs:
            self._timer.start()

    @property
    def is_built(self) -> bool:
        return self._built

    @Slot()
    def _next_job(self) -> None:
        """One job (make a plot, draw into one); the next on the next turn of the event loop."""
        if self._jobs:
            self._do(self._jobs.pop(0))
        if self._jobs:
            self._timer.start()

    def finish_drawing(self) -> None:
        """What is left to make and draw, now, and laid out: a picture of the grid is about to be taken
        (bpviz.gui.export), or a test looks. (A layout shows a widget put in it on the next turn of the loop.)"""
        while self._jobs:
            self._do(self._jobs.pop(0))
        if self.isVisible():
            for widget in self._widgets.values():
                if widget.isHidden():
                    widget.show()
            self._grid.activate()

    def _do(self, job: tuple) -> None:
        kind, where = job
        if kind == "make":
            self._make_cell(*where)
            if not any(k == "make" for k, _ in self._jobs):
                self._finish_build()
        else:
            self._draw_cell(*where)

    def _finish_build(self) -> None:
        self._built = True
        if self._log_loss:
            for mode in MODES:
                self._plots[("loss", mode)].setLogMode(False, True)
        if self.result is not None:
            self._draw_result()
        self.built.emit()

    def _make_cell(self, row: int, key: str, label: str, col: int, mode: str) -> None:
        widget = make_plot(f"plot_{key}_{mode}", left=translate("ModeGrid", label) if col == 0 else None,
                           bottom=self.tr("epoch") if key == "loss" else None)
        item = widget.getPlotItem()
        item.getAxis("left").setWidth(56)  # the same in every column: the view boxes line up
        if key != "loss":
            item.getAxis("bottom").setStyle(showValues=False)
            item.getAxis("bottom").setHeight(6)
        first = self._plots.get((ROWS[0][0], MODES[0]))
        if first is not None:
            item.setXLink(first)
        if col:
            item.setYLink(self._plots[(key, MODES[0])])
        cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(palette.NEUTRAL, style=Qt.DotLine))
        cursor.hide()
        item.addItem(cursor, ignoreBounds=True)
        self._cursors.append(cursor)
        for z, name in enumerate(NEURON_PARAMS if key != "loss" else ("loss",)):
            curve = item.plot(pen=self._pen(key, name), connect="finite")
            curve.setZValue(len(NEURON_PARAMS) - z)  # w1, the one that matters, on top
            self._curves[mode][name if key == "params" else f"grad_{name}" if key == "grads" else name] = curve
        widget.scene().sigMouseMoved.connect(lambda pos, item=item: self._mouse_moved(item, pos))
        widget.viewport().installEventFilter(self)
        self._plots[(key, mode)] = item
        self._widgets[(key, mode)] = widget
        placeholder = self._placeholders.pop((row, col))
        self._grid.replaceWidget(placeholder, widget)
        placeholder.deleteLater()

    # ------------------------------------------------------------------ data
    def show_result(self, result) -> None:
        """Draw a NeuronRuns: every curve, fitted views, headers with the final values (plots still being built
        draw it once built)."""
        self.result = result
        if self._built:
            self._draw_result()
        self._show_headers(None)

    def _draw_result(self) -> None:
        """The views fitted now; the curves drawn one plot a turn (painting nine plots of new curves at once took
        0.1 s)."""
        self.fit()
        self._jobs = [job for job in self._jobs if job[0] != "draw"]
        self._jobs += [("draw", (key, mode)) for key, _label in ROWS for mode in MODES]
        if self.isVisible():
            self._timer.start()

    def _draw_cell(self, key: str, mode: str) -> None:
        traj = self.result[mode]
        x, curves = traj.epoch, self._curves[mode]
        if key == "loss":
            curves["loss"].setData(*envelope(x, traj.loss))
            return
        for j, name in enumerate(NEURON_PARAMS):  # up to 10^6 steps each: drawn as their envelope
            if key == "params":
                set_curve(curves[name], *envelope(x, traj.params[:, j]))
            else:
                set_curve(curves[f"grad_{name}"], *envelope(x[1:], traj.grads[1:, j]))  # entry 0: no step yet

    def clear(self) -> None:
        self.result = None
        self._jobs = [job for job in self._jobs if job[0] != "draw"]
        for curves in self._curves.values():
            for curve in curves.values():
                curve.setData([], [])
        self._show_headers(None)

    def set_log_loss(self, on: bool) -> None:
        self._log_loss = bool(on)
        if self._built:
            for mode in MODES:
                self._plots[("loss", mode)].setLogMode(False, self._log_loss)
            self.fit()

    @Slot()
    def fit(self) -> None:
        """x: the whole run; y: per row, everything the three modes reach (the same range in each column).
        Zooming out (right-drag, wheel) stops at ``ZOOM_OUT`` times these ranges: beyond, the curves are a dot."""
        if self.result is None or not self._built:
            return
        epochs = float(self.result.config.epochs)
        runs = [self.result[m] for m in MODES]
        ranges = {
            "params": finite_range([t.params for t in runs]),
            "grads": finite_range([t.grads[1:] for t in runs]),
            "loss": finite_range([t.loss for t in runs], log=self._log_loss),
        }
        for (key, _mode), item in self._plots.items():
            item.vb.setLimits(**zoom_limits((0.0, epochs), "X"), **zoom_limits(ranges[key], "Y"))
        self._plots[("params", MODES[0])].setXRange(0.0, epochs, padding=0.02)
        for key, span in ranges.items():
            if span is not None:
                self._plots[(key, MODES[0])].setYRange(*span, padding=0.06)

    @staticmethod
    def _pen(key: str, name: str):
        # gradients are noisy: thinner lines keep the four of them apart
        return (pg.mkPen(loss_color(), width=1.8) if key == "loss" else
                pen_for(name, neuron_colors()[name], 1.6 if key == "params" else 1.1))

    def restyle(self) -> None:
        """Take the palette's colours again (bpviz.gui.theme: an export from a dark window is drawn light)."""
        self.setStyleSheet(f"#trajectory_grid {{ background: {palette.BACKGROUND}; }}")
        for widget in self._widgets.values():
            restyle_plot(widget)
        for cursor in self._cursors:
            cursor.setPen(pg.mkPen(palette.NEUTRAL, style=Qt.DotLine))
        for curves in self._curves.values():
            for key_name, curve in curves.items():
                key, name = (("grads", key_name[5:]) if key_name.startswith("grad_") else
                             ("loss", "loss") if key_name == "loss" else ("params", key_name))
                pen = self._pen(key, name)
                if getattr(curve, "dashed_pen", None):  # set_curve's dashed pen (the bias), in the new colour
                    curve.dashed_pen = pen
                    if curve.opts["pen"].style() == Qt.SolidLine:  # drawn solid (a noisy curve): solid still
                        pen = pg.mkPen(pen.color(), width=pen.widthF())
                curve.setPen(pen)
        self._show_headers(None)

    # ------------------------------------------------------------------ headers and the hover read-out
    def _show_headers(self, epoch: float | None) -> None:
        for mode in MODES:
            self.headers[mode].setText(self.header_html(mode, epoch))

    def header_html(self, mode: str, epoch: float | None = None) -> str:
        title = f'<b style="color:{palette.TEXT}">{translate("ModeGrid", MODE_TITLES[mode])}</b>'
        if self.result is None:
            press = self.tr("press Run")
            return f'{title}<br><span style="color:{palette.MUTED}">{press}</span>'
        traj = self.result[mode]
        per = traj.samples_per_step
        what = (self.tr("{n} sample per step · {steps:,} steps") if per == 1
                else self.tr("{n} samples per step · {steps:,} steps")).format(n=per, steps=int(traj.steps[-1]))
        if epoch is None or not math.isfinite(epoch):
            k, where = len(traj.steps) - 1, self.tr("at the end")
            if traj.diverged_at is not None:
                diverged = self.tr("diverged at step {step:,}").format(step=traj.diverged_at)
                where = f'<span style="color:{palette.ERROR_COLOR}">{diverged}</span>'
        else:
            k = max(min(int(np.searchsorted(traj.epoch, epoch, "right")) - 1, len(traj.steps) - 1), 0)
            where = self.tr("at epoch {epoch:.4g} (step {step:,})").format(epoch=traj.epoch[k], step=int(traj.steps[k]))
        colors = neuron_colors()
        values = "&nbsp;&nbsp;".join(
            f'<span style="color:{colors[n]}">{NEURON_LABELS[n]}&nbsp;{fmt(traj.params[k, j])}</span>'
            for j, n in enumerate(NEURON_PARAMS))
        loss_word = self.tr("loss")
        loss = f'<span style="color:{loss_color()}">{loss_word}&nbsp;{fmt(traj.loss[k])}</span>'
        return (f'{title} <span style="color:{palette.MUTED}">· {what}</span><br>{values}<br>'
                f'{loss} <span style="color:{palette.MUTED}">{where}</span>')

    def _mouse_moved(self, item: pg.PlotItem, pos) -> None:
        if self.result is not None and item.vb.sceneBoundingRect().contains(pos):
            self.show_cursor(float(item.vb.mapSceneToView(pos).x()))
        else:
            self.show_cursor(None)

    def show_cursor(self, epoch: float | None) -> None:
        """A dotted line at ``epoch`` in every plot and the values there in the headers (None: the end)."""
        for cursor in self._cursors:
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


