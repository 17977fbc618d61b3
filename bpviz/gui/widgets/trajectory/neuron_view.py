"""Seed 001's single neuron trained three ways (batch, mini-batch, stochastic): settings on the left, the grid of
trajectories on the right.

Every run goes to the page's worker thread (a QObject moved to a QThread, as the playground's trainer): even the
defaults took 0.15 s here, a stall of the window when the page first opened. A run of more than ``QUICK_STEPS``
steps shows a progress bar and Cancel; a newer run cancels an older one. A view made without a worker (tests,
embedding) runs in the GUI thread.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpviz.engine.trajectories import NeuronRunConfig, run_neuron_modes
from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.widgets.message_label import MessageLabel
from bpviz.gui.widgets.trajectory.mode_grid import ModeGrid
from bpviz.gui.widgets.trajectory.plots import NEURON_LABELS, neuron_colors

QUICK_STEPS = 5000  # about 0.15 s: up to this many steps (three modes together) show no progress bar
ACTIVATION_ITEMS = (("linear", QT_TRANSLATE_NOOP("NeuronTrajectoriesView", "None (linear)")), ("sigmoid", "Sigmoid"),
                    ("tanh", "Tanh"), ("relu", "ReLU"))
MODE_NAMES = {"batch": QT_TRANSLATE_NOOP("NeuronTrajectoriesView", "batch"),
              "mini-batch": QT_TRANSLATE_NOOP("NeuronTrajectoriesView", "mini-batch"),
              "stochastic": QT_TRANSLATE_NOOP("NeuronTrajectoriesView", "stochastic")}
LIMITS = {"epochs": (1, 1000), "batch_size": (1, 1000), "n_samples": (1, 1000), "seed": (0, 99_999)}

INTRO = QT_TRANSLATE_NOOP("NeuronTrajectoriesView",
                          "Seed 001's neuron: a = f(w<sub>1</sub>x<sub>1</sub> + w<sub>2</sub>x<sub>2</sub> + "
                          "w<sub>3</sub>x<sub>3</sub> + b). Each sample has three 0/1 features and the target is the "
                          "first one (“the other two do not matter”), so w<sub>1</sub> should grow while "
                          "w<sub>2</sub>, w<sub>3</sub> fade. Loss ½(a − y)², averaged over the samples. The three "
                          "modes start from the same weights and see the samples in the same order.")
OUTCOME = {
    "linear": QT_TRANSLATE_NOOP("NeuronTrajectoriesView", "Without an activation the best fit is w<sub>1</sub> = 1 "
                                "and w<sub>2</sub> = w<sub>3</sub> = b = 0."),
    "sigmoid": QT_TRANSLATE_NOOP("NeuronTrajectoriesView", "With a sigmoid the best fit lies at infinity: "
                                 "w<sub>1</sub> keeps growing and b turns negative (σ(b) → 0 when x<sub>1</sub> = 0, "
                                 "σ(w<sub>1</sub> + b) → 1 when x<sub>1</sub> = 1)."),
    "tanh": QT_TRANSLATE_NOOP("NeuronTrajectoriesView", "With tanh, b stays near 0 (tanh(0) = 0) and w<sub>1</sub> "
                              "keeps growing towards tanh(w<sub>1</sub>) = 1."),
    "relu": QT_TRANSLATE_NOOP("NeuronTrajectoriesView", "A ReLU neuron behaves like the linear one while its input "
                              "stays positive: w<sub>1</sub> → 1."),
}


def heading(title: str) -> QLabel:
    """A heading in capitals, as the playground's columns."""
    label = QLabel(title.upper())
    font = label.font()
    font.setBold(True)
    font.setLetterSpacing(font.SpacingType.PercentageSpacing, 108)
    label.setFont(font)
    label.setStyleSheet(f"color: {palette.TEXT}; padding-top: 4px;")
    return label


def panel_beside(owner: QWidget, panel: QWidget, view: QWidget) -> None:
    """Lay out ``owner``: the settings ``panel`` on the left, a thin rule, ``view`` taking the rest."""
    layout = QHBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(panel)
    rule = QFrame()
    rule.setFrameShape(QFrame.VLine)
    rule.setStyleSheet(f"color: {palette.RULE};")
    layout.addWidget(rule)
    layout.addWidget(view, 1)


def note(html: str) -> QLabel:
    label = QLabel(html)
    label.setTextFormat(Qt.RichText)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {palette.MUTED};")
    return label


def key_html() -> str:
    """The colour key of the curves (the headers and tooltips repeat it)."""
    parts = [f'<span style="color:{color}">{"╍╍" if n == "b" else "━━"}</span>&nbsp;{NEURON_LABELS[n]}'
             for n, color in neuron_colors().items()]
    loss = translate("NeuronTrajectoriesView", "loss")
    parts.append(f'<span style="color:{palette.GRADIENT}">━━</span>&nbsp;{loss}')
    return "&nbsp;&nbsp; ".join(parts)


class NeuronTrajectoriesView(QWidget):
    statusMessage = Signal(str)
    resultShown = Signal(object)  # the NeuronRuns just drawn
    _start = Signal(int, object)

    def __init__(self, runner_source=None, parent=None):
        """``runner_source()``: the worker (a NeuronRunner in its own thread, owned by the page) for runs too
        long for the GUI thread; asked for on the first such run. None: every run in the GUI thread."""
        super().__init__(parent)
        self.grid = ModeGrid()
        self.result = None
        self._request = 0
        self._shown_config = None
        self._runner_source = runner_source
        self._runner: QObject | None = None
        self._in_flight: int | None = None  # the request the worker is running, if any
        self._closed = False  # shut down: the window is closing
        self._run_when_built = False  # Run was asked for while the plots were being made
        self.grid.built.connect(self._grid_built)
        panel_beside(self, self._build_controls(), self.grid)

    # ------------------------------------------------------------------ controls
    def _build_controls(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("neuron_controls")
        panel.setFixedWidth(270)
        column = QVBoxLayout(panel)
        column.setContentsMargins(8, 4, 8, 8)
        column.setSpacing(6)
        column.addWidget(heading(self.tr("Single neuron (seed 001)")))
        column.addWidget(note(translate("NeuronTrajectoriesView", INTRO)))
        self.outcome = note("")
        self.outcome.setObjectName("neuron_outcome")
        column.addWidget(heading(self.tr("Training")))
        d = NeuronRunConfig()
        form = QGridLayout()
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(5)
        self.activation = QComboBox()
        for data, text in ACTIVATION_ITEMS:
            self.activation.addItem(translate("NeuronTrajectoriesView", text), data)
        self.activation.setToolTip(self.tr("The neuron's activation f. The article's neuron has none (a = wᵀx + b); "
                                           "its later sections add sigmoid, tanh and ReLU."))
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(4)
        self.lr.setRange(0.0001, 10.0)
        self.lr.setSingleStep(0.01)
        self.lr.setValue(d.lr)
        self.lr.setToolTip(self.tr("Learning rate λ of w ← w − λ·∇L(w) (the article: “usually around 0.05”)"))
        self.epochs = self._spin("epochs", d.epochs, self.tr("Passes over the training set; the x axis of the plots"))
        self.batch_size = self._spin("batch_size", d.batch_size, self.tr("Samples per step of the mini-batch mode "
                                                                         "(batch uses them all, stochastic one)"))
        self.n_samples = self._spin("n_samples", d.n_samples, self.tr("Training samples: random 0/1 features, the "
                                                                      "target is the first feature"))
        self.seed = self._spin("seed", d.seed, self.tr("Seed of the samples, the initial weights and the sample "
                                                       "order"))
        rows = ((QT_TRANSLATE_NOOP("NeuronTrajectoriesView", "Activation"), self.activation),
                (QT_TRANSLATE_NOOP("NeuronTrajectoriesView", "Learning rate"), self.lr),
                (QT_TRANSLATE_NOOP("NeuronTrajectoriesView", "Epochs"), self.epochs),
                (QT_TRANSLATE_NOOP("NeuronTrajectoriesView", "Mini-batch size"), self.batch_size),
                (QT_TRANSLATE_NOOP("NeuronTrajectoriesView", "Samples"), self.n_samples),
                (QT_TRANSLATE_NOOP("NeuronTrajectoriesView", "Seed"), self.seed))
        for r, (text, widget) in enumerate(rows):
            label = QLabel(translate("NeuronTrajectoriesView", text))
            label.setBuddy(widget)
            label.setToolTip(widget.toolTip())
            widget.setObjectName(f"neuron_{text.lower().replace(' ', '_').replace('-', '_')}")
            form.addWidget(label, r, 0)
            form.addWidget(widget, r, 1)
        column.addLayout(form)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setObjectName("neuron_run")
        self.run_button.setDefault(True)
        self.run_button.setToolTip(self.tr("Train the three modes with these settings (Ctrl+Enter)"))
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the run in progress"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        buttons.addWidget(self.run_button, 1)
        buttons.addWidget(self.cancel_button)
        column.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setObjectName("neuron_progress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        column.addWidget(self.progress)
        self.message = MessageLabel()  # wraps in the panel's width, whatever a failure says
        self.message.setObjectName("neuron_message")
        self.message.setStyleSheet(f"color: {palette.MUTED};")
        column.addWidget(self.message)
        column.addWidget(heading(self.tr("What to see")))
        column.addWidget(self.outcome)
        self.per_epoch = note("")
        column.addWidget(self.per_epoch)
        self.log_loss = QCheckBox(self.tr("Log scale for the loss"))
        self.log_loss.setToolTip(self.tr("Show the loss on a logarithmic axis: the steady fall of each mode is a "
                                         "straight line, and the tiny losses at the end stay visible"))
        self.log_loss.toggled.connect(self.grid.set_log_loss)
        column.addWidget(self.log_loss)
        key = QLabel(key_html())
        key.setObjectName("neuron_key")
        key.setToolTip(self.tr("Rows: the parameters, the gradients the steps applied, the loss on all the samples. "
                               "Hover over a plot to read the values at that epoch in the headers; drag to pan, "
                               "right-drag or the wheel to zoom, double-click to see the whole run again."))
        column.addWidget(key)
        column.addStretch(1)
        for widget in (self.activation,):
            widget.currentIndexChanged.connect(self._settings_changed)
        for widget in (self.lr, self.epochs, self.batch_size, self.n_samples, self.seed):
            widget.valueChanged.connect(self._settings_changed)
        self._settings_changed()
        return panel

    def _spin(self, field: str, value: int, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(*LIMITS[field])
        spin.setValue(value)
        spin.setGroupSeparatorShown(True)
        spin.setToolTip(tip)
        spin.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        return spin

    def config(self) -> NeuronRunConfig:
        return NeuronRunConfig(epochs=self.epochs.value(), lr=self.lr.value(), batch_size=self.batch_size.value(),
                               n_samples=self.n_samples.value(), seed=self.seed.value(),
                               activation=self.activation.currentData())

    def set_config(self, config: NeuronRunConfig) -> None:
        """Show these settings (nothing runs until Run)."""
        self.activation.setCurrentIndex(self.activation.findData(config.activation))
        self.lr.setValue(config.lr)
        self.epochs.setValue(config.epochs)
        self.batch_size.setValue(config.batch_size)
        self.n_samples.setValue(config.n_samples)
        self.seed.setValue(config.seed)

    @Slot()
    def _settings_changed(self) -> None:
        c = self.config()
        self.outcome.setText(translate("NeuronTrajectoriesView", OUTCOME[c.activation]))
        self.per_epoch.setText(self.tr(
            "Per epoch: batch takes 1 step, mini-batch {mini:,}, stochastic {stochastic:,}: compare how far each "
            "gets on the same epoch axis.").format(mini=c.steps_per_epoch("mini-batch"),
                                                    stochastic=c.steps_per_epoch("stochastic")))
        stale = self._shown_config is not None and c != self._shown_config
        self.run_button.setText(self.tr("Run (settings changed)") if stale else self.tr("Run"))

    # ------------------------------------------------------------------ running
    @Slot()
    def run(self) -> None:
        if self._closed:
            return
        if self._runner_source is not None and self.grid.isVisible() and not self.grid.is_built:
            # the plots are being made, one a turn: the run starts once they are (a worker computing meanwhile
            # takes the GIL from them: both took half as long again)
            self._run_when_built = True
            self.message.setText(self.tr("Preparing the plots…"))
            return
        config = self.config()
        self._request += 1
        if self._runner_source is None:
            self._cancel_pending()
            started = time.perf_counter()
            result = run_neuron_modes(config)
            self._show(result, time.perf_counter() - started)
            return
        self._ensure_runner()
        self._cancel_pending(keep=self._request)
        if config.total_steps() > QUICK_STEPS:
            self.progress.setRange(0, config.total_steps())
            self.progress.setValue(0)
            self.progress.setFormat(self.tr("{done:,} of {total:,} steps").format(done=0, total=config.total_steps()))
            self.progress.show()
            self.cancel_button.show()
        self.message.setText(self.tr("Training the three modes…"))
        self._in_flight = self._request
        self._started = time.perf_counter()
        self._start.emit(self._request, config)

    @Slot()
    def cancel(self) -> None:
        self._cancel_pending()
        self.message.setText(self.tr("Run cancelled: the plots show the previous run."))
        self.statusMessage.emit(self.tr("Trajectory run cancelled"))

    def _cancel_pending(self, keep: int | None = None) -> None:
        """Cancel the worker's runs older than ``keep`` (all of them when None)."""
        if self._runner is not None:
            self._runner.cancel_through = (keep - 1) if keep is not None else self._request
        self._in_flight = None
        self.progress.hide()
        self.cancel_button.hide()

    def _ensure_runner(self) -> None:
        if self._runner is not None:
            return
        self._runner = self._runner_source()
        self._start.connect(self._runner.run)
        self._runner.progressed.connect(self._progressed)
        self._runner.finished.connect(self._finished)
        self._runner.failed.connect(self._failed)

    @Slot(int, int, int)
    def _progressed(self, request: int, done: int, total: int) -> None:
        if request == self._request and self.progress.isVisible():
            self.progress.setValue(done)
            # %v would print 6260, not 6,260
            self.progress.setFormat(self.tr("{done:,} of {total:,} steps").format(done=done, total=total))

    @Slot(int, object)
    def _finished(self, request: int, result) -> None:
        if request != self._request:
            return  # an older run finished after a newer one started
        self._in_flight = None
        self.progress.hide()
        self.cancel_button.hide()
        self._show(result, time.perf_counter() - self._started)

    @Slot(int, str)
    def _failed(self, request: int, message: str) -> None:
        if request == self._request:
            self._cancel_pending()
            self.message.show_message(self.tr("The run failed: {message}").format(message=message), palette.ERROR_COLOR)

    def _show(self, result, seconds: float) -> None:
        self.result = result
        self._shown_config = result.config
        self.grid.show_result(result)
        diverged = [m for m, t in result.runs.items() if t.diverged_at is not None]
        steps = result.config.total_steps()
        if diverged:
            modes = ", ".join(translate("NeuronTrajectoriesView", MODE_NAMES.get(m, m)) for m in diverged)
            self.message.setText(self.tr(
                '<span style="color:{color}">{modes} diverged: the values grew beyond floating point. The plots '
                "stop at the last finite step; lower the learning rate.</span>").format(
                color=palette.ERROR_COLOR, modes=modes.capitalize()))
        else:
            self.message.setText(self.tr("{steps:,} steps in {seconds:.2f} s. Hover over a plot to read the "
                                         "values.").format(steps=steps, seconds=seconds))
        self._settings_changed()
        self.statusMessage.emit(self.tr("Trained the single neuron three ways: {steps:,} steps in {seconds:.2f} s")
                                .format(steps=steps, seconds=seconds))
        self.resultShown.emit(result)

    def busy(self) -> bool:
        """A run is on its way in the worker (or waits for the plots to be made)."""
        return self._in_flight is not None or self._run_when_built

    @Slot()
    def _grid_built(self) -> None:
        if self._run_when_built:
            self._run_when_built = False
            self.run()

    def shutdown(self) -> None:
        """Cancel any run (the page that owns the worker's thread joins it) and start none after: the plots
        still being made would start the waiting run in a new thread nobody joins."""
        self._closed = True
        self._run_when_built = False
        if self._runner is not None:
            self._runner.cancel_through = self._request
