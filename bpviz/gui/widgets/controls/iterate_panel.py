"""Run the worked example for N passes and watch the error fall and the outputs approach the targets.

The panel only asks and shows: its page runs the passes in a worker thread (100,000 take ~4.6 s here) and tells
it how far the run is (``show_progress``) and how it ended (``show_run`` or ``show_stopped``). While a run goes,
Run waits and Cancel is offered. The curve is drawn as its envelope (bpviz.gui.widgets.plots.envelope):
pyqtgraph's auto downsampling failed on every redraw once the plot was zoomed far out. A refusal of the passes
typed quotes them shortened in a wrapping label: quoted whole, 10,000 typed characters made the window
77,000 px wide.
"""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg

from bpviz.engine.presets import ExampleParams, ExampleRun
from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP
from bpviz.gui.widgets.controls.job_progress import JobProgress
from bpviz.gui.widgets.message_label import MessageLabel
from bpviz.gui.widgets.plots.envelope import envelope
from bpviz.gui.widgets.plots.fast_plot import FastPlotWidget, restyle_axes
from bpviz.quoting import quote_typed

PASS_CHOICES = ("1", "10", "100", "1000", "10000", "100000")
MAX_PASSES = 100_000
_WHOLE_NUMBER = re.compile(r"[+-]?\d+")

ARTICLE_NOTE = QT_TRANSLATE_NOOP(
    "IteratePanel",
    "Why does the article print 0.291027924 after the first update? Here all weights move at once from the "
    "gradients of the original weights (the method the article describes), which gives 0.291027774. The "
    "article's own number comes out only if w1..w4 are updated with gradients that already use the new w5..w8."
)


class IteratePanel(QWidget):
    runRequested = Signal(int)
    cancelRequested = Signal()
    continueRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._run_shown = False  # a finished run's curve and summary are shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Passes:")))
        self.passes = QComboBox()
        self.passes.setEditable(True)
        self.passes.addItems(PASS_CHOICES)
        self.passes.setCurrentText("10000")
        self.passes.setInsertPolicy(QComboBox.NoInsert)  # what is typed is run, not added to the choices
        self.passes.setToolTip(self.tr("How many full passes (forward, backward, update) to run, 1 to {max}")
                               .format(max=f"{MAX_PASSES:,}"))
        self.passes.lineEdit().returnPressed.connect(self._request)
        controls.addWidget(self.passes)
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setToolTip(self.tr("Train the example from the current starting numbers and plot E_total"))
        self.run_button.clicked.connect(self._request)
        controls.addWidget(self.run_button)
        self.log_y = QCheckBox(self.tr("log y"))
        self.log_y.setChecked(True)
        self.log_y.setToolTip(self.tr("Logarithmic error axis: the fall over thousands of passes stays visible"))
        self.log_y.toggled.connect(lambda on: self.plot.setLogMode(False, on))
        controls.addWidget(self.log_y)
        self.progress = JobProgress(self.tr("{done:,} of {total:,} passes"),
                                    self.tr("Stop the run; the curve keeps the last finished run"), "passes")
        self.progress.cancelRequested.connect(self.cancelRequested)
        controls.addWidget(self.progress, 1)
        controls.addStretch(1)
        self.continue_button = QPushButton(self.tr("Continue from here"))
        self.continue_button.setToolTip(self.tr("Make the weights reached by the last run the stepper's starting "
                                                "numbers"))
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self.continueRequested)
        controls.addWidget(self.continue_button)
        layout.addLayout(controls)

        self.plot = FastPlotWidget(background=palette.BACKGROUND)
        self.plot.setObjectName("error_curve")
        self.plot.setAccessibleName(self.tr("Error curve"))
        self.plot.setAccessibleDescription(self.tr("E_total after each pass of the last run (log scale)"))
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("pass"))
        item.setLabel("left", "E_total")
        item.showGrid(x=True, y=True, alpha=0.25)
        item.setLogMode(False, True)
        item.getViewBox().setMouseEnabled(x=True, y=False)
        self.curve = item.plot()  # an envelope: no auto downsampling
        self.plot.setMinimumHeight(80)
        layout.addWidget(self.plot, 1)

        self.summary = QLabel(self.tr("Run passes to see the error fall and the outputs approach the targets."))
        self.summary.setObjectName("run_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.message = MessageLabel()  # refusals and runs stopped: wraps, never widens the window
        self.message.setObjectName("passes_message")
        self.message.hide()  # shown with a message only: an empty line would take the plot's room
        layout.addWidget(self.message)
        note = self._note = QLabel(self.tr(ARTICLE_NOTE))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.restyle()

    def restyle(self) -> None:
        """Take the palette's colours (bpviz.gui.theme: an export from a dark window is drawn light)."""
        self.plot.setBackground(palette.BACKGROUND)
        restyle_axes(self.plot.getPlotItem())
        self.curve.setPen(pg.mkPen(palette.POSITIVE, width=2))
        self._note.setStyleSheet(f"color: {palette.MUTED};")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Ask for the height the wrapped texts need at this width (after a resize or a new text): a splitter
        reads only the minimum size, and gave the panel less (at 1280x800 the summary and the note were drawn
        over the plot)."""
        self.setMinimumHeight(self.layout().minimumHeightForWidth(self.width()))

    def requested_passes(self) -> int:
        """The number typed or chosen; ValueError with a sentence if it is not 1..MAX_PASSES."""
        typed = self.passes.currentText()
        text = typed.strip().replace(",", "").replace("_", "")
        if not _WHOLE_NUMBER.fullmatch(text):
            raise ValueError(self.tr("passes: {typed} is not a whole number").format(typed=quote_typed(typed)))
        digits = text.lstrip("+-").lstrip("0")
        if text.startswith("-") or not digits or len(digits) > len(str(MAX_PASSES)) or int(digits) > MAX_PASSES:
            got = f"{int(text):,}" if len(text) <= 15 else quote_typed(typed)
            raise ValueError(self.tr("passes must be between 1 and {max}, got {got}").format(max=f"{MAX_PASSES:,}",
                                                                                              got=got))
        return int(digits)

    @property
    def running(self) -> bool:
        """A run asked for is going (``set_running``), until ``show_run`` or ``show_stopped``."""
        return self.progress.running

    def _request(self) -> None:
        if self.running:
            return  # Enter in the passes field while a run goes: Cancel first
        try:
            n = self.requested_passes()
        except ValueError as exc:
            self._say(self.tr("Refused: {reason}.").format(reason=exc), palette.ERROR_COLOR)
            return
        self._unsay()
        self.runRequested.emit(n)

    def _say(self, message: str, color: str) -> None:
        self.message.setStyleSheet(f"color: {color};")
        self.message.show_message(message)
        self.message.show()
        self._fit_height()

    def _unsay(self) -> None:
        self.message.clear()
        self.message.hide()
        self._fit_height()

    def set_running(self, passes: int) -> None:
        """A run of ``passes`` passes has started: progress instead of Run; Continue waits for the result."""
        self._unsay()
        self.progress.start(passes)
        self.run_button.setEnabled(False)
        self.continue_button.setEnabled(False)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.show_progress(done, total)

    def _stop_running(self) -> None:
        self.progress.stop()
        self.run_button.setEnabled(True)

    def show_stopped(self, message: str) -> None:
        """The run ended without a result (cancelled, or the starting numbers changed): say why; the curve and
        Continue are those of the last finished run, if one is shown."""
        self._stop_running()
        self._say(message, palette.MUTED)
        self.continue_button.setEnabled(self._run_shown)

    def show_run(self, run: ExampleRun, params: ExampleParams) -> None:
        self._stop_running()
        self._unsay()
        n = len(run.errors)
        self.curve.setData(*envelope(np.arange(1, n + 1), run.errors))  # 100,000 passes: ~2,000 points
        self.plot.getPlotItem().enableAutoRange()
        o1, o2 = run.outputs
        self.summary.setText(
            self.tr("Pass {n}: E_total = {error} · out_o1 = {o1} (target {t1}) · out_o2 = {o2} (target {t2}) · "
                    "first pass E_total = {first}")
            .format(n=f"{n:,}", error=f"{run.final_error:.10f}", o1=f"{o1:.9f}", t1=f"{params.t1:g}",
                    o2=f"{o2:.9f}", t2=f"{params.t2:g}", first=f"{run.errors[0]:.9f}")
        )
        self._fit_height()
        self._run_shown = True
        self.continue_button.setEnabled(True)

    def clear(self) -> None:
        self.curve.setData([], [])
        self._run_shown = False
        self.continue_button.setEnabled(False)
        self.summary.setText(self.tr("Run passes to see the error fall and the outputs approach the targets."))
        self._fit_height()
