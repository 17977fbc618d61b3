"""The training playground: settings, a background training thread, and live views of the network.

Wiring only. The worker (another thread) trains and sends frames; this page hands each frame to its model
(bpviz.models.playground, the one owner of the run's state), and draws what the model announces: the network
diagram with per-neuron maps, the decision region with the points, the loss curve, the figures. A regression run
(plane, multi-Gaussian) shows the output value instead of P(blue) and no accuracy.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from bpviz.engine.features import FEATURE_LABELS
from bpviz.gui import palette
from bpviz.gui.export.views import Picture, Table
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.pages import PageDefaults
from bpviz.gui.pages.playground_data import DataDrawing
from bpviz.gui.pages.playground_pass import PassStepping
from bpviz.gui.pages.playground_rewind import RewindScrubbing
from bpviz.gui.widgets.controls.playground import PlaygroundControls
from bpviz.gui.widgets.diagram.view import NetworkDiagram
from bpviz.gui.widgets.one_of import OneOf
from bpviz.gui.widgets.plots.decision_plot import DecisionPlot
from bpviz.gui.widgets.plots.loss_plot import LossPlot
from bpviz.gui.widgets.plots.runs_table import RunsTable
from bpviz.gui.widgets.text_line import TextLine
from bpviz.gui.workers.sliced import join_thread, start_thread
from bpviz.gui.workers.training import TrainingWorker
from bpviz.models.diagram import from_parameters
from bpviz.models.playground import PlaygroundModel
from bpviz.models.runs import RunsModel
from bpviz.reports import loss_history_csv
from bpviz.training import TrainConfig
from bpviz.training.frames import Frame

LOSS_REDRAW_MS = 500
OUTPUT_TITLES = {False: QT_TRANSLATE_NOOP("PlaygroundPage", "<b>Output</b> · decision region and points"),
                 True: QT_TRANSLATE_NOOP("PlaygroundPage", "<b>Output</b> · predicted value over the plane and the "
                                                           "points' targets")}


class _PlayAction(QAction):
    """Play/Pause on Space, except when a button, check box or list box has the keyboard focus: Space then
    presses that control, as everywhere else (a window-wide shortcut would take the key first)."""

    def event(self, event) -> bool:
        if event.type() == QEvent.Shortcut:
            focus = QApplication.focusWidget()
            if isinstance(focus, QAbstractButton) and focus.isEnabled():
                focus.animateClick()
                return True
            if isinstance(focus, QComboBox) and focus.isEnabled():
                focus.showPopup()
                return True
        return super().event(event)


class PlaygroundPage(PageDefaults, QWidget):
    tab_title = QT_TRANSLATE_NOOP("Page", "Training playground")
    page_name = "playground"
    statusMessage = Signal(str)
    statusTextChanged = Signal()
    frameShown = Signal(object)  # the Frame just drawn (tests wait on it)
    # commands to the worker: queued across threads, run between its training slices
    _play = Signal()
    _pause = Signal()
    _step = Signal()
    _reset = Signal()
    _reconfigure = Signal(object)
    _lr = Signal(float)
    _batch = Signal(int)
    _reg = Signal(str, float)
    _stop = Signal()
    _load = Signal(object)
    _param = Signal(str, float)
    _params = Signal(object, object)
    _data = Signal(object)

    def __init__(self, config: TrainConfig | None = None, parent=None, train: bool = True):
        """``train=False``: no training thread; the page draws the frames it is given (``show_frame``), as the
        command line's ``--export`` does to write the very pictures the window exports."""
        super().__init__(parent)
        self.model = PlaygroundModel()
        self.model.subscribe("new_run", self._new_run)
        self.model.subscribe("frame", self._draw)
        self.controls = PlaygroundControls()
        if config is not None:
            self.controls.set_config(config)
        self.diagram = NetworkDiagram()
        self.diagram.setObjectName("playground_diagram")
        self.decision = DecisionPlot()
        self.loss = LossPlot()
        self.runs = RunsModel(self.model)  # earlier runs, compared on the loss curve and in a table under it
        self.runs_table = RunsTable(self.runs)
        self.loss.set_compare_panel(self.runs_table)
        self.runs.subscribe("changed", lambda: self.loss.set_earlier_runs(self.runs.earlier[::-1]))
        self.banner = QLabel()
        self.banner.setObjectName("divergence_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"color: {palette.ON_ERROR}; background: {palette.ERROR_COLOR}; padding: 6px;"
                                  " border-radius: 4px;")
        self.banner.hide()
        self.figures = TextLine()  # changes with every frame: a QLabel would re-lay out the whole window
        self.figures.setObjectName("playground_figures")
        self._build_actions()
        self.stepping = PassStepping(self)  # "Step through a pass": its panel takes the settings' place meanwhile
        self.rewinding = RewindScrubbing(self)  # the history scrubber under the loss curve
        self.actions_list.append(self.stepping.action)
        self.data = DataDrawing(self)  # drawing points on the output panel; importing and exporting them
        self.actions_list.append(self.data.panel.draw_action)
        self._data_shown = None  # the Dataset whose points the output panel shows
        self._build_layout()
        self._name_views()
        self._running = self._running_shown = False
        self._loss_timer = QTimer(self)
        self._loss_timer.setInterval(LOSS_REDRAW_MS)
        self._loss_timer.timeout.connect(self.loss.draw)
        self._loss_timer.start()

        self.diagram.weightEdited.connect(self._param)
        self.controls.configChanged.connect(self.reconfigure)
        self.controls.customChosen.connect(self.data.make_own)
        self.controls.lrChanged.connect(self._lr)
        self.controls.batchSizeChanged.connect(self._batch)
        self.controls.regularizationChanged.connect(self._reg)
        self.worker: TrainingWorker | None = None
        self.thread = None
        if train:
            self._start_worker()

    def _start_worker(self) -> None:
        self.worker = TrainingWorker(self.controls.config())
        for signal, slot in ((self._play, self.worker.play), (self._pause, self.worker.pause),
                             (self._step, self.worker.step), (self._reset, self.worker.reset),
                             (self._reconfigure, self.worker.reconfigure), (self._lr, self.worker.set_lr),
                             (self._batch, self.worker.set_batch_size), (self._reg, self.worker.set_regularization),
                             (self._stop, self.worker.stop), (self._load, self.worker.load_state),
                             (self._param, self.worker.set_parameter), (self._params, self.worker.set_parameters),
                             (self._data, self.worker.set_data)):
            signal.connect(slot)
        self.worker.frameReady.connect(self.show_frame)
        self.worker.diverged.connect(self.show_divergence)
        self.thread = start_thread(self, self.worker, "bpviz-training")

    def _build_layout(self) -> None:
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(4, 0, 0, 0)
        self.output_title = QLabel(translate("PlaygroundPage", OUTPUT_TITLES[False]))
        self.output_title.setObjectName("output_title")
        column.addWidget(self.output_title)
        column.addWidget(self.decision, 3)
        column.addWidget(self.data.panel)
        column.addWidget(self.figures)
        column.addWidget(self.loss, 2)
        column.addWidget(self.rewinding.scrubber)
        centre = QWidget()
        middle = QVBoxLayout(centre)
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self.banner)
        middle.addWidget(self.diagram, 1)
        self.left = OneOf()  # the settings, or the panel of a pass stepped through
        self.left.addWidget(self.controls)
        self.left.addWidget(self.stepping.panel)
        self.split = QSplitter(Qt.Horizontal)
        self.split.addWidget(self.left)
        self.split.addWidget(centre)
        self.split.addWidget(right)
        self.split.setChildrenCollapsible(False)
        self.split.setStretchFactor(1, 3)
        self.split.setStretchFactor(2, 2)
        self.split.setSizes([290, 560, 430])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.split)

    def _name_views(self) -> None:
        """What a screen reader says of the views and of the controls without a label of their own."""
        self.decision.plot.setAccessibleName(self.tr("Decision region"))
        self.decision.plot.setAccessibleDescription(self.tr("The network's output over the input plane, with the "
                                                            "data points drawn over it"))
        self.loss.plot.setAccessibleName(self.tr("Loss curve"))
        self.loss.plot.setAccessibleDescription(self.tr("The training and test loss as training goes on"))
        self.loss.x_unit.setAccessibleName(self.tr("Loss curve's x axis"))
        self.loss.log_y.setAccessibleName(self.tr("Logarithmic loss axis"))

    def _build_actions(self) -> None:
        icon = self.style().standardIcon
        self.play_action = _PlayAction(icon(QStyle.SP_MediaPlay), self.tr("Play"), self)
        self.play_action.setShortcut(QKeySequence(Qt.Key_Space))
        self.play_action.setToolTip(self.tr("Train continuously / pause (Space)"))
        self.play_action.triggered.connect(self.toggle_play)
        self.step_action = QAction(icon(QStyle.SP_MediaSkipForward), self.tr("Step"), self)
        self.step_action.setShortcut(QKeySequence(Qt.Key_Right))
        self.step_action.setToolTip(self.tr("One gradient step on one batch (Right arrow)"))
        self.step_action.triggered.connect(self.step)
        self.reset_action = QAction(icon(QStyle.SP_MediaSkipBackward), self.tr("Reset"), self)
        self.reset_action.setShortcut(QKeySequence("Ctrl+R"))
        self.reset_action.setToolTip(self.tr("Back to the initial weights of this seed, history cleared (Ctrl+R)"))
        self.reset_action.triggered.connect(self.reset)
        self.actions_list = [self.reset_action, self.play_action, self.step_action]
        for action in self.actions_list:
            action.setShortcutContext(Qt.WindowShortcut)
            self.addAction(action)

    # ------------------------------------------------------------------ the page contract (bpviz.gui.pages.Page)
    def menu_actions(self) -> list:
        return list(self.actions_list)

    def toolbar_actions(self) -> list:
        return list(self.actions_list)

    def export_pictures(self) -> dict:
        return {"loss": Picture(self.tr("Loss curve"), "loss-curve", self.loss.plot, self.loss.plot),
                "decision": Picture(self.tr("Decision region"), "decision-region", self.decision.plot,
                                    self.decision.plot),
                "network": Picture(self.tr("Playground network"), "network", self.diagram, self.diagram)}

    def export_tables(self) -> dict:
        def csv() -> str:
            h = self.model.history
            return loss_history_csv(h.epochs, h.steps, h.train, h.test)

        return {"loss_csv": Table(self.tr("Loss history (CSV)"), "loss-history", ".csv", self.tr("CSV table (*.csv)"),
                                  csv, self.loss.plot)}

    def set_active(self, active: bool) -> None:
        """Shortcuts work on the visible page only (Right is Next on the worked example, Step here)."""
        for action in self.actions_list:
            action.setEnabled(active)
        self.stepping.set_live(active)

    # ------------------------------------------------------------------ commands
    @Slot()
    def toggle_play(self) -> None:
        if self.stepping.stepping:
            self.stepping.leave()
        (self._pause if self._running else self._play).emit()

    def play(self) -> None:
        self._play.emit()

    def pause(self) -> None:
        self._pause.emit()

    def set_parameters(self, weights, biases) -> None:
        """Every weight and bias of the network at once (a stepped pass's update, or its undoing)."""
        self._params.emit(weights, biases)

    @Slot()
    def step(self) -> None:
        self._step.emit()

    @Slot()
    def reset(self) -> None:
        self.banner.hide()
        self._reset.emit()

    @Slot(object)
    def reconfigure(self, config: TrainConfig) -> None:
        self.banner.hide()
        self._reconfigure.emit(config)

    def set_data(self, spec) -> None:
        """Edited points (a custom DatasetSpec): training goes on over them with the same network, unless they
        need another output layer (a new run then). The settings show the new data at once."""
        # From the settings shown, not the last frame's: a change still settling in the controls is kept
        config = self.controls.config().for_data(spec)
        self.controls.set_config(config)
        new_run = PlaygroundControls.run_key(config)[1:] != PlaygroundControls.run_key(self.frame.config)[1:]
        if new_run or config.sizes != self.frame.config.sizes:
            self.reconfigure(config)
        else:
            self._data.emit(spec)

    def reconfigure_data(self, spec) -> None:
        """A new run on other data (an imported file), with the settings that fit it."""
        config = self.controls.config().for_data(spec)
        self.controls.set_config(config)
        self.reconfigure(config)

    # ------------------------------------------------------------------ sessions
    @property
    def frame(self) -> Frame | None:
        """The latest frame (the model's)."""
        return self.model.frame

    def load_state(self, state) -> None:
        """Show and continue a saved PlaygroundState (training paused)."""
        self.banner.hide()
        self.controls.set_config(state.config)
        self._load.emit(state)

    # ------------------------------------------------------------------ frames
    @Slot(object)
    def show_frame(self, frame: Frame) -> None:
        """A frame from the worker: to the model, which has the views drawn (``_new_run``, ``_draw``)."""
        self.model.take(frame)
        if self.worker is not None:
            self.worker.frame_taken()
        self.statusTextChanged.emit()
        self.frameShown.emit(frame)

    def _new_run(self, frame: Frame) -> None:
        self._show_points(frame)
        self.diagram.set_output_classes(frame.config.dataset.class_names if frame.config.output == "softmax" else None)
        self.output_title.setText(translate("PlaygroundPage", OUTPUT_TITLES[frame.config.is_regression]))

    def _show_points(self, frame: Frame) -> None:
        d, regression = frame.data, frame.config.is_regression
        self.decision.set_data(d.X_train, d.y_train, d.X_test, d.y_test, regression=regression,
                               class_names=frame.config.dataset.class_names)
        self._data_shown = d

    def _draw(self, frame: Frame) -> None:
        snap = frame.snapshot
        if frame.data is not self._data_shown:  # points drawn, erased or imported: same run, other points
            self._show_points(frame)
        self.data.take_frame(frame)
        # The loss curve changes little in 1/30 s and is costly to repaint: while training runs, a timer of its
        # own draws it twice a second, between frames rather than on top of one.
        self.loss.set_history(snap.history, draw=not frame.running)
        rewound = self.rewinding.take_frame(frame)  # True: the views stay on a recorded step (the scrubber)
        if frame.maps is not None and not rewound:
            self.decision.set_region(frame.maps.region, frame.maps.extent, classes=frame.maps.classes)
        self.stepping.take_frame(frame)
        if not (self.stepping.stepping or rewound):  # else the diagram shows the pass, or the step rewound to
            self.redraw_diagram(frame)
        if not rewound:
            self.figures.setText(figures_text(snap, frame.config.is_regression))
        self._set_running(frame.running)

    def redraw_diagram(self, frame: Frame) -> None:
        """The network of ``frame``, its weights and last gradients (no pass stepped through)."""
        snap = frame.snapshot
        self.diagram.set_state(from_parameters(
            frame.config.sizes, snap.weights, snap.biases, weight_grads=snap.grad_weights,
            bias_grads=snap.grad_biases if snap.step else None, editable=not frame.running,
            neuron_images=frame.maps.neurons if frame.maps is not None else None,
            input_labels=tuple(FEATURE_LABELS[f] for f in frame.config.features)))

    def _set_running(self, running: bool) -> None:
        if running == self._running and self._running_shown:
            return  # setIcon always signals a change: the toolbar, then the whole window, would repaint
        self._running, self._running_shown = running, True
        icon = self.style().standardIcon(QStyle.SP_MediaPause if running else QStyle.SP_MediaPlay)
        self.play_action.setIcon(icon)
        self.play_action.setText(self.tr("Pause") if running else self.tr("Play"))

    @Slot(str)
    def show_divergence(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()
        self.statusMessage.emit(message)

    def status_text(self) -> str:
        if self.frame is None:
            return ""
        s = self.frame.snapshot
        rate = self.tr(" · {rate} steps/s").format(rate=f"{self.frame.steps_per_second:,.0f}") \
            if self.frame.running else ""
        return self.tr("Epoch {epoch} · step {step} · loss {loss}").format(
            epoch=f"{s.epoch:,}", step=f"{s.step:,}", loss=f"{s.train_loss:.4f}") + rate

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop training and join the thread."""
        join_thread(self.thread, self._stop.emit)


def figures_text(snap, regression: bool) -> str:
    """The line under the output: losses, and the test accuracy for classification (a regression has none).
    Without a test set, its loss and accuracy say so instead of showing nan."""
    test = f"<b>{snap.test_loss:.4f}</b>" if math.isfinite(snap.test_loss) \
        else translate("PlaygroundPage", "– (no test set)")
    text = translate("PlaygroundPage", "Test loss {test} · training loss <b>{train}</b>").format(
        test=test, train=f"{snap.train_loss:.4f}")
    if not regression and math.isfinite(snap.test_accuracy):
        text += translate("PlaygroundPage", " · test accuracy <b>{accuracy} %</b>").format(
            accuracy=f"{100 * snap.test_accuracy:.1f}")
    return text
