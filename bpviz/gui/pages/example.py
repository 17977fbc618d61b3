"""The worked-example page: diagram, stepper, starting numbers and iterations, wired to an ExampleModel.

Wiring only: the model (bpviz.models.example) asks the engine; the widgets draw what they are given. "Run many
passes" (up to 100,000: ~4.6 s here) runs in a worker thread the page owns (bpviz.gui.workers.jobs), with
progress and Cancel, while the page stays usable. A change of the starting numbers during a run cancels it and
says so: its result would belong to numbers no longer shown, and "Continue from here" would mix the two.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSplitter, QStyle, QTabWidget, QVBoxLayout, QWidget

from bpviz.gui.export.views import Picture, Table
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, localise
from bpviz.gui.pages import PageDefaults
from bpviz.gui.widgets.controls.iterate_panel import IteratePanel
from bpviz.gui.widgets.controls.params_editor import ParamsEditor
from bpviz.gui.widgets.controls.stepper import StepperPanel
from bpviz.gui.widgets.diagram.view import NetworkDiagram
from bpviz.gui.workers.jobs import BackgroundJobs
from bpviz.models.example import ExampleModel, PassesRun
from bpviz.reports import trace_csv, trace_markdown


class ExamplePage(PageDefaults, QWidget):
    tab_title = QT_TRANSLATE_NOOP("Page", "Worked example (2-2-2)")
    page_name = "example"
    statusMessage = Signal(str)
    statusTextChanged = Signal()
    runEnded = Signal()  # a run of many passes finished, was cancelled or failed (tests wait on it)

    def __init__(self, model: ExampleModel | None = None, parent=None):
        super().__init__(parent)
        self.model = model or ExampleModel()
        self.diagram = NetworkDiagram()
        self.diagram.setObjectName("example_diagram")
        self.stepper = StepperPanel()
        self.params = ParamsEditor()
        self.iterate = IteratePanel()

        self.bottom = QTabWidget()
        self.bottom.setObjectName("example_bottom_tabs")
        self.bottom.setAccessibleName(self.tr("Starting numbers and many passes"))
        self.bottom.addTab(self.params, self.tr("Starting numbers"))
        self.bottom.addTab(self.iterate, self.tr("Run many passes"))
        self.left = QSplitter(Qt.Vertical)
        self.left.addWidget(self.diagram)
        self.left.addWidget(self.bottom)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 1)
        self.main = QSplitter(Qt.Horizontal)
        self.main.addWidget(self.left)
        self.main.addWidget(self.stepper)
        self.main.setStretchFactor(0, 3)
        self.main.setStretchFactor(1, 1)
        for splitter in (self.left, self.main):
            splitter.setChildrenCollapsible(False)
        self.main.setSizes([860, 420])  # the defaults at 1280x800; QSettings may restore others
        self.left.setSizes([540, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.main)

        icon = self.style().standardIcon
        self.apply_update_action = QAction(icon(QStyle.SP_MediaSeekForward), self.tr("Apply update, next pass"), self)
        self.apply_update_action.setShortcut(QKeySequence("Ctrl+N"))
        self.apply_update_action.setShortcutContext(Qt.WindowShortcut)
        self.apply_update_action.setToolTip(self.tr("Start a new pass from the updated weights w⁺ (Ctrl+N)"))
        self.apply_update_action.triggered.connect(self.apply_update)
        self.reset_params_action = QAction(icon(QStyle.SP_BrowserReload), self.tr("Reset to published values"), self)
        self.reset_params_action.setToolTip(self.tr("Back to the published starting numbers (w1 = 0.15 ... η = 0.5)"))
        self.reset_params_action.triggered.connect(self.reset_params)
        self.panel_actions = {}  # View menu: show or hide the bottom panels and the step panel
        for key, title, widget in (("params", self.tr("Starting numbers panel"), self.bottom),
                                   ("stepper", self.tr("Step panel"), self.stepper)):
            action = QAction(title, self, checkable=True, checked=True)
            action.toggled.connect(widget.setVisible)
            self.panel_actions[key] = action
        self._saved_splitters: dict = {}  # restored on the first show, once the window has its size

        self._active = True  # shortcuts live (False while another page is shown)
        self.stepper.positionChanged.connect(self._show_position)
        self.stepper.positionChanged.connect(self.statusTextChanged)
        self.diagram.weightEdited.connect(self.edit_param)
        self.params.paramEdited.connect(self.edit_param)
        self.params.updateBiasesToggled.connect(self.set_update_biases)
        self.params.resetRequested.connect(self.reset_params)
        self.iterate.runRequested.connect(self.run_passes)
        self.iterate.cancelRequested.connect(self.cancel_passes)
        self.iterate.continueRequested.connect(self.continue_from_run)
        self.passes_jobs = BackgroundJobs("bpviz-example-passes", self)
        self.passes_jobs.progressed.connect(self.iterate.show_progress)
        self.passes_jobs.finished.connect(self._passes_done)
        self.passes_jobs.failed.connect(self._passes_failed)
        self._running: PassesRun | None = None  # the run the worker is carrying out
        self._refresh()

    # ------------------------------------------------------------------ reactions
    def _refresh(self) -> None:
        """Show the model's numbers (they may have changed: a run from the old ones is cancelled)."""
        s = self.model
        if self._running is not None and not s.starts_from(self._running):
            self._stop_passes(self.tr("The run of {passes} passes was cancelled: the starting numbers changed "
                                      "while it ran. Run again to train from the new numbers.")
                              .format(passes=f"{self._running.passes:,}"))
        self.stepper.set_trace(s.trace)
        self.params.set_params(s.params, s.update_biases)
        self._show_position(self.stepper.position())
        self.statusTextChanged.emit()

    def set_active(self, active: bool) -> None:
        """Shortcuts only while this page is shown (Right is Step on the playground)."""
        self._active = active
        self.stepper.set_active(active)
        self.reset_params_action.setEnabled(active)
        self._show_position(self.stepper.position())

    @Slot(int)
    def _show_position(self, position: int) -> None:
        self.diagram.set_state(self.model.diagram_state(position))
        self.apply_update_action.setEnabled(self._active and position == len(self.model.trace) - 1)

    @Slot(str, float)
    def edit_param(self, name: str, value: float) -> None:
        try:
            self.model.set_param(name, value)
        except ValueError as exc:  # the engine's refusal: a phrase, shown in the window's language
            self.params.refuse(name, localise(exc))
            self.statusMessage.emit(self.tr("Refused: {reason}").format(reason=localise(exc)))
            return
        self.params.clear_message()
        self._refresh()
        q = self.model.trace.quantities
        self.statusMessage.emit(f"{name} = {value:.12g}: out_o1 = {q['out_o1']:.9g}, out_o2 = {q['out_o2']:.9g}, "
                                f"E_total = {q['E_total']:.9g}")

    @Slot(bool)
    def set_update_biases(self, on: bool) -> None:
        self.model.set_update_biases(on)
        self._refresh()
        self.statusMessage.emit(self.tr("Biases b1 and b2 are updated too") if on
                                else self.tr("Biases stay fixed (as published)"))

    @Slot()
    def reset_params(self) -> None:
        self.model.reset_params()
        self.iterate.clear()
        self._refresh()
        self.statusMessage.emit(self.tr("Starting numbers reset to the published example"))

    @Slot()
    def apply_update(self) -> None:
        self.model.apply_update()
        self.stepper.reset()
        self._refresh()
        q = self.model.trace.quantities
        self.statusMessage.emit(self.tr("New pass from the updated weights: E_total will be {value}")
                                .format(value=f"{q['E_total']:.9g}"))

    @Slot(int)
    def run_passes(self, passes: int) -> None:
        """Start ``passes`` passes from the current starting numbers in the worker (a run going is dropped)."""
        self._running = self.model.passes_run(passes)
        self.iterate.set_running(passes)
        self.passes_jobs.submit(self._running)
        self.statusMessage.emit(self.tr("Running {passes} passes in the background…").format(passes=f"{passes:,}"))

    @Slot()
    def cancel_passes(self) -> None:
        if self._running is not None:
            self._stop_passes(self.tr("The run of {passes} passes was cancelled.")
                              .format(passes=f"{self._running.passes:,}"))

    def _stop_passes(self, message: str) -> None:
        self.passes_jobs.cancel()
        self._running = None
        self.iterate.show_stopped(message)
        self.statusMessage.emit(message)
        self.runEnded.emit()

    @Slot(object)
    def _passes_done(self, run) -> None:
        request, self._running = self._running, None
        if not self.model.take_run(request, run):  # the model was changed without this page (by a script)
            self.iterate.show_stopped(self.tr("The run was dropped: the starting numbers changed while it ran."))
        else:
            self.iterate.show_run(run, request.params)
            self.statusMessage.emit(self.tr("Ran {passes} passes: E_total = {value}")
                                    .format(passes=f"{request.passes:,}", value=f"{run.final_error:.10f}"))
        self.runEnded.emit()

    @Slot(str)
    def _passes_failed(self, message: str) -> None:
        self._running = None
        self.iterate.show_stopped(self.tr("The run failed: {reason}").format(reason=message))
        self.runEnded.emit()

    @Slot()
    def continue_from_run(self) -> None:
        self.model.continue_from_last_run()
        self.stepper.reset()
        self._refresh()
        self.statusMessage.emit(self.tr("Starting numbers set to the weights reached by the last run"))

    # ------------------------------------------------------------------ sessions
    def load_state(self, state) -> None:
        self.model.set_params(state.params)
        self.model.set_update_biases(state.update_biases)
        self.iterate.clear()
        self.stepper.reset()
        self._refresh()

    # ------------------------------------------------------------------ the page contract (bpviz.gui.pages.Page)
    def menu_actions(self) -> list:
        actions = self.stepper.actions
        return [actions["previous"], actions["next"], actions["run_all"], actions["reset"], None,
                self.apply_update_action, self.reset_params_action]

    def toolbar_actions(self) -> list:
        return [self.apply_update_action, self.reset_params_action]

    def view_actions(self) -> list:
        return list(self.panel_actions.values())

    def status_text(self) -> str:
        trace = self.model.trace
        if self.stepper.position() >= trace.index("E_total"):
            return f"E_total = {trace.quantities['E_total']:.9g}"
        return self.tr("E_total: not computed yet")

    def export_pictures(self) -> dict:
        return {
            "example_network": Picture(self.tr("Worked-example diagram"), "worked-example-diagram", self.diagram,
                                       self.diagram),
            "stepper": Picture(self.tr("Worked-example step (diagram and formula)"), "worked-example-step", self.main),
        }

    def export_tables(self) -> dict:
        m = self.model
        return {
            "trace_csv": Table(self.tr("Worked-example trace (CSV)"), "worked-example-trace", ".csv",
                               self.tr("CSV table (*.csv)"),
                               lambda: trace_csv(m.trace, m.params.to_dict()), self.stepper),
            "trace_md": Table(self.tr("Worked-example trace (Markdown)"), "worked-example-trace", ".md",
                              self.tr("Markdown (*.md)"),
                              lambda: trace_markdown(m.trace, f"Worked example: one pass (η = {m.params.lr:g})"),
                              self.stepper),
        }

    def save_settings(self, settings: QSettings) -> None:
        settings.setValue("example/main_splitter", self.main.saveState())
        settings.setValue("example/left_splitter", self.left.saveState())
        settings.setValue("example/bottom_tab", self.bottom.currentIndex())
        for key, action in self.panel_actions.items():
            settings.setValue(f"panels/{key}", action.isChecked())

    def restore_settings(self, settings: QSettings) -> None:
        for key, action in self.panel_actions.items():
            action.setChecked(settings.value(f"panels/{key}", True, type=bool))
        self.bottom.setCurrentIndex(int(settings.value("example/bottom_tab", 0)))
        self._saved_splitters = {splitter: settings.value(key) for key, splitter in
                                 (("example/main_splitter", self.main), ("example/left_splitter", self.left))}
        if self.isVisible():
            self._restore_splitters()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._restore_splitters()

    def _restore_splitters(self) -> None:
        """Splitter sizes fit only once the page has its size: on the first show."""
        for splitter, state in self._saved_splitters.items():
            if state is not None:
                splitter.restoreState(state)
        self._saved_splitters = {}

    def shutdown(self) -> None:
        """Cancel a run of many passes and join its thread."""
        self.passes_jobs.shutdown()

    def closeEvent(self, event) -> None:  # shown on its own (a test, a script): closing it ends its thread
        self.shutdown()
        super().closeEvent(event)

    def reset_layout(self) -> None:
        for action in self.panel_actions.values():
            action.setChecked(True)
        total = self.main.width()
        self.main.setSizes([int(total * 0.68), total - int(total * 0.68)])
        height = self.left.height()
        self.left.setSizes([int(height * 0.7), height - int(height * 0.7)])
