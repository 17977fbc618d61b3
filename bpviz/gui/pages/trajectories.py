"""The "Parameter trajectories" page (seed 001): how weights, biases, their gradients and the loss move during
training, from two sources chosen at the top:

- "Single neuron (seed 001)": the article's neuron trained by batch, mini-batch and stochastic gradient descent
  from the same start, side by side (NeuronTrajectoriesView);
- "Playground network": the chosen parameters of the Training playground's network, live (LiveTrajectoriesView).

Wiring only: the views own their widgets; this page switches between them and enables each one's shortcuts while
the page and that source are shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bpviz.gui import palette
from bpviz.gui.export.views import Picture
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.pages import PageDefaults
from bpviz.gui.widgets.trajectory.live_view import LiveTrajectoriesView
from bpviz.gui.widgets.trajectory.neuron_view import NeuronTrajectoriesView
from bpviz.gui.workers.neuron_runs import NeuronRunner
from bpviz.gui.workers.sliced import join_thread, start_thread

SOURCES = (
    ("neuron", QT_TRANSLATE_NOOP("TrajectoriesPage", "Single neuron (seed 001)"),
     QT_TRANSLATE_NOOP("TrajectoriesPage", "Batch, mini-batch and stochastic gradient descent of one neuron, side by "
                                           "side; x axis: epochs")),
    ("playground", QT_TRANSLATE_NOOP("TrajectoriesPage", "Playground network"),
     QT_TRANSLATE_NOOP("TrajectoriesPage", "The Training playground's network as it trains: the ticked weights and "
                                           "biases and their gradients")),
)


class TrajectoriesPage(PageDefaults, QWidget):
    tab_title = QT_TRANSLATE_NOOP("Page", "Parameter trajectories")
    subject = QT_TRANSLATE_NOOP("Page", "Seed 001: how weights, gradients and the loss move under batch,"
                                         " mini-batch and stochastic descent")
    page_name = "trajectories"
    statusMessage = Signal(str)
    statusTextChanged = Signal()

    def __init__(self, playground_model=None, parent=None):
        """``playground_model``: the Training playground's PlaygroundModel, whose network the live source
        follows (None: that source has nothing to follow)."""
        super().__init__(parent)
        self._active = False
        self._runner: NeuronRunner | None = None
        self._thread = None
        self.neuron = NeuronTrajectoriesView(self._neuron_runner)
        self.live = LiveTrajectoriesView(playground_model)
        self.source = QComboBox()
        self.source.setObjectName("trajectory_source")
        for key, text, _tip in SOURCES:
            self.source.addItem(translate("TrajectoriesPage", text), key)
        self.source.setToolTip(self.tr("What to follow: seed 001's single neuron trained three ways, or the network "
                                       "on the Training playground tab"))
        self.about = QLabel()
        self.about.setStyleSheet(f"color: {palette.MUTED};")
        self.about.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # a narrow window cuts it, not widens
        self.stack = QStackedWidget()
        self.stack.addWidget(self.neuron)
        self.stack.addWidget(self.live)
        self._build_layout()

        self.run_action = QAction(self.tr("Run"), self)
        self.run_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.run_action.setToolTip(self.tr("Train the single neuron three ways with the settings on the left "
                                           "(Ctrl+Enter)"))
        self.run_action.triggered.connect(self.neuron.run)
        self.run_action.setShortcutContext(Qt.WindowShortcut)
        self.run_action.setEnabled(False)
        self.addAction(self.run_action)

        self.neuron.statusMessage.connect(self.statusMessage)
        self.live.statusMessage.connect(self.statusMessage)
        self.source.currentIndexChanged.connect(self._source_changed)
        self._source_changed(0)

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 4)
        label = QLabel(self.tr("<b>Source</b>"))
        label.setBuddy(self.source)
        bar.addWidget(label)
        bar.addWidget(self.source)
        bar.addSpacing(12)
        bar.addWidget(self.about, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

    # ------------------------------------------------------------------ the page contract
    def menu_actions(self) -> list:
        """This page's commands for the window's Lessons menu."""
        return [self.run_action]  # the live source's Play/Step/Reset are the Training menu's

    def set_active(self, active: bool) -> None:
        """Shortcuts (Ctrl+Enter: Run; Space, Right, Ctrl+R: the playground) work only while shown."""
        self._active = bool(active)
        self._apply_source()
        if self._active and self.current_source() == "neuron" and self.neuron.result is None \
                and not self.neuron.busy():
            self.neuron.run()  # the defaults, in the worker: the page opens on a finished picture at once

    def _neuron_runner(self) -> NeuronRunner:
        """The worker for long single-neuron runs, in a thread of this page's (started on first use)."""
        if self._runner is None:
            self._runner = NeuronRunner()
            self._thread = start_thread(self, self._runner, "bpviz-trajectories")
        return self._runner

    def shutdown(self) -> None:
        """Cancel a running computation and join its thread; stop redrawing."""
        self.neuron.shutdown()
        self.live.stop()
        join_thread(self._thread, timeout_ms=10000)

    def closeEvent(self, event) -> None:  # shown on its own (tests, embedding): the window calls shutdown()
        self.shutdown()
        super().closeEvent(event)

    def export_pictures(self) -> dict:
        grid, values, grads = self.neuron.grid, self.live.plots.values_widget, self.live.plots.grads_widget
        return {
            "trajectories/modes": Picture(self.tr("Parameter trajectories: batch, mini-batch, stochastic"),
                                          "trajectories-modes", grid, grid),
            "trajectories/values": Picture(self.tr("Parameter trajectories: playground values"),
                                           "trajectories-values", values, values),
            "trajectories/gradients": Picture(self.tr("Parameter trajectories: playground gradients"),
                                              "trajectories-gradients", grads, grads),
        }

    # ------------------------------------------------------------------ sources
    def current_source(self) -> str:
        return self.source.currentData()

    def show_source(self, key: str) -> None:
        index = self.source.findData(key)
        if index < 0:
            raise ValueError(f"no source {key!r} (sources: {', '.join(k for k, _t, _d in SOURCES)})")
        self.source.setCurrentIndex(index)

    @Slot(int)
    def _source_changed(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.about.setText(translate("TrajectoriesPage", SOURCES[index][2]))
        self.about.setToolTip(translate("TrajectoriesPage", SOURCES[index][2]))
        self._apply_source()
        if self._active and self.current_source() == "neuron" and self.neuron.result is None:
            self.neuron.run()

    def _apply_source(self) -> None:
        on_neuron = self.current_source() == "neuron"
        self.run_action.setEnabled(self._active and on_neuron)
        self.live.set_active(self._active and not on_neuron)
