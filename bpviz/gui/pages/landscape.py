"""The "Loss landscape" page (issue 15): the loss as a map over two directions of parameter space, from two sources:

- the worked example: E_total over any two of w1..w8, b1, b2 (every other number fixed), the path of the last
  run of passes over it, the current point and the way gradient descent goes from there; a click on the map sets
  the two parameters there (``exampleParamEdited(name, value)``, which the window connects to the worked-example
  page's own editing, so that page, its stepper and diagram show them; unconnected, the model is set directly);
- the playground's network: the loss over the plane through its current weights spanned by two random
  filter-normalised directions or the two principal directions of its recorded trajectory, with the trajectory
  projected onto it, recomputed a few times a second while it trains.

Wiring only: every map is computed in a worker thread the page owns (bpviz.gui.workers.jobs, the computations in
bpviz.gui.workers.landscape) and drawn by a LandscapeMap. While training runs, a new map is asked for at most every
``LIVE_MS``, and only once the last one has arrived (superseding a map still computing would never show one);
a change of choices or of run supersedes the map computing at once. A map that takes longer than
``PROGRESS_AFTER_MS`` shows its progress and a Cancel button.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from bpviz.engine.presets import with_weights
from bpviz.gui import palette
from bpviz.gui.export.views import Picture
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, localise, translate
from bpviz.gui.pages import PageDefaults
from bpviz.gui.widgets.controls.job_progress import JobProgress
from bpviz.gui.widgets.landscape.controls import ExampleControls, PlaneControls
from bpviz.gui.widgets.landscape.map_plot import LandscapeMap
from bpviz.gui.widgets.message_label import MessageLabel
from bpviz.gui.workers.jobs import BackgroundJobs
from bpviz.gui.workers.landscape import ExampleRequest, PlaneRequest, recorded_trajectory
from bpviz.models.example import ExampleModel

SOURCES = (("example", QT_TRANSLATE_NOOP("LandscapePage", "Worked example (2-2-2)")),
           ("playground", QT_TRANSLATE_NOOP("LandscapePage", "Playground network")))
LIVE_MS = 300  # at most ~3 maps a second while training runs
PROGRESS_AFTER_MS = 250
READING = {
    "example": QT_TRANSLATE_NOOP("LandscapePage", "Dark is low error, yellow high; the white lines are contours "
                                 "(equal E_total). The white line is where the passes of gradient descent took the "
                                 "two weights; the red arrow is the way descent goes from the numbers now. The "
                                 "passes change every weight, the map keeps the others where they are now. <b>Click "
                                 "the map</b> to set the two weights there."),
    "playground": QT_TRANSLATE_NOOP("LandscapePage", "The loss over a plane through the network's weights now (the "
                                    "centre): each place is the weights moved a·d1 + b·d2. The white line is the "
                                    "training path projected onto the plane, ending at the centre. With principal "
                                    "directions the plane is the one the path moved in most."),
}


class LandscapePage(PageDefaults, QWidget):
    tab_title = QT_TRANSLATE_NOOP("Page", "Loss landscape")
    subject = QT_TRANSLATE_NOOP("Page", "The loss over two directions of parameter space, with the path"
                                         " gradient descent takes over it")
    page_name = "landscape"
    statusMessage = Signal(str)
    statusTextChanged = Signal()
    exampleParamEdited = Signal(str, float)  # a click on the map: the window sets it as the example page's editor
    mapShown = Signal()  # a map was drawn (tests wait on it)
    mapFailed = Signal(str)  # a map could not be made: the words shown

    def __init__(self, example_model: ExampleModel | None = None, playground_model=None, parent=None):
        super().__init__(parent)
        self.setObjectName("landscape_page")
        self.example_model = example_model if example_model is not None else ExampleModel()
        self.playground = playground_model
        self._active = False
        self._asked = None  # the request computing or last drawn
        self._shown_key = None  # what the map on screen shows (stale when it differs from the choices now)
        self._path_cache: tuple | None = None  # (path key, path): the example's path, kept across span changes
        self._pending = False  # a playground frame arrived while a map was computing
        self.map = LandscapeMap()
        self.map.pointClicked.connect(self._map_clicked)
        self.jobs = BackgroundJobs("bpviz-landscape", self)
        self.jobs.progressed.connect(self._progressed)
        self.jobs.finished.connect(self._map_done)
        self.jobs.failed.connect(self._map_failed)
        self._build_controls()
        self._build_layout()
        self.refresh_action = QAction(self.tr("Recompute the landscape"), self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key_F5))
        self.refresh_action.setShortcutContext(Qt.WindowShortcut)
        self.refresh_action.setEnabled(False)
        self.refresh_action.triggered.connect(self.compute)
        self.addAction(self.refresh_action)
        self._live = QTimer(self, singleShot=True, interval=LIVE_MS)
        self._live.timeout.connect(self._live_tick)
        self._progress_delay = QTimer(self, singleShot=True, interval=PROGRESS_AFTER_MS)
        self._progress_delay.timeout.connect(self._show_progress)
        if playground_model is not None:
            playground_model.subscribe("frame", self._frame_arrived)
            playground_model.subscribe("new_run", self._new_run)
        self._source_changed(0)

    def _build_controls(self) -> None:
        self.source = QComboBox()
        self.source.setObjectName("landscape_source")
        for key, text in SOURCES:
            self.source.addItem(translate("LandscapePage", text), key)
        self.source.setToolTip(self.tr("Whose loss: the worked example's E_total over two of its numbers, or the "
                                       "Training playground's network over a plane through its weights"))
        self.source.currentIndexChanged.connect(self._source_changed)
        self.example_controls = ExampleControls()
        self.plane_controls = PlaneControls()
        self.example_controls.changed.connect(self._choices_changed)
        self.plane_controls.changed.connect(self._choices_changed)
        self.controls = QStackedWidget()
        self.controls.addWidget(self.example_controls)
        self.controls.addWidget(self.plane_controls)
        self.progress = JobProgress(self.tr("Computing the map: {done:,} of {total:,}"),
                                    self.tr("Stop computing this map; the last one stays"), "landscape")
        self.progress.cancelRequested.connect(self.cancel)
        self.message = MessageLabel()
        self.message.setObjectName("landscape_message")
        self.reading = QLabel()
        self.reading.setWordWrap(True)
        self.reading.setTextFormat(Qt.RichText)
        self.reading.setStyleSheet(f"color: {palette.MUTED};")
        self.note = MessageLabel()
        self.note.setObjectName("landscape_note")

    def _build_layout(self) -> None:
        what = QGroupBox(self.tr("What to map"))
        box = QVBoxLayout(what)
        row = QHBoxLayout()
        label = QLabel(self.tr("Source:"))
        label.setBuddy(self.source)
        row.addWidget(label)
        row.addWidget(self.source, 1)
        box.addLayout(row)
        box.addWidget(self.controls)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 8, 4, 8)
        column.addWidget(what)
        column.addWidget(self.progress)
        column.addWidget(self.message)
        column.addWidget(self.reading)
        column.addStretch(1)
        left.setFixedWidth(320)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(4, 8, 8, 8)
        column.addWidget(self.map, 1)
        column.addWidget(self.note)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(left)
        layout.addWidget(right, 1)

    # ------------------------------------------------------------------ the page contract
    def menu_actions(self) -> list:
        return [self.refresh_action]

    def set_active(self, active: bool) -> None:
        """F5 only while shown; showing the page draws the map if what it shows has changed meanwhile."""
        self._active = bool(active)
        self.refresh_action.setEnabled(self._active)
        if not self._active:
            self._live.stop()  # hidden: no live maps (shown again, it draws the latest once)
            self._pending = False
        elif self._shown_key is None or self._shown_key != self._current_key():
            self.compute()

    def status_text(self) -> str:
        loss_map = self.map.loss_map
        if loss_map is None:
            return ""
        scale, n = self.map.scale, len(loss_map.landscape.x)
        name = loss_map.value_name.split(" (")[0]
        return self.tr("{name} {low:.3g} … {high:.3g} on a {n}×{n} grid").format(
            name=translate("LandscapeMap", name), low=scale.low, high=scale.high, n=n)

    def export_pictures(self) -> dict:
        return {"landscape/map": Picture(self.tr("Loss landscape"), "landscape", self.map.plot, self.map.plot)}

    def save_settings(self, settings: QSettings) -> None:
        settings.setValue("landscape/source", self.current_source())
        settings.setValue("landscape/axes", ",".join(self.example_controls.axes()))
        settings.setValue("landscape/directions", self.plane_controls.direction_kind())

    def restore_settings(self, settings: QSettings) -> None:
        try:
            self.example_controls.set_axes(*str(settings.value("landscape/axes", "w5,w1")).split(","))
            self.plane_controls.set_direction_kind(str(settings.value("landscape/directions", "random")))
            self.show_source(str(settings.value("landscape/source", "example")))
        except (TypeError, ValueError):
            pass  # a foreign or old settings file: the defaults stay

    def shutdown(self) -> None:
        self._live.stop()
        self._progress_delay.stop()
        self.jobs.shutdown()

    def closeEvent(self, event) -> None:  # shown on its own (a test, a script): closing it ends its thread
        self.shutdown()
        super().closeEvent(event)

    # ------------------------------------------------------------------ sources
    def current_source(self) -> str:
        return self.source.currentData()

    def show_source(self, key: str) -> None:
        index = self.source.findData(key)
        if index < 0:
            raise ValueError(f"no source {key!r} (sources: {', '.join(k for k, _ in SOURCES)})")
        self.source.setCurrentIndex(index)

    @Slot(int)
    def _source_changed(self, index: int) -> None:
        self.controls.setCurrentIndex(index)
        self.reading.setText(translate("LandscapePage", READING[self.current_source()]))
        self.map.clickable = self.current_source() == "example"
        self.map.plot.viewport().setCursor(Qt.CrossCursor if self.map.clickable else Qt.ArrowCursor)
        self.jobs.cancel()  # a map of the other source: neither shown nor wanted
        self._ended()
        self._shown_key = None
        self.map.clear_map()
        self.note.clear()
        self.message.clear()
        self._choices_changed()

    @Slot()
    def _choices_changed(self) -> None:
        """A new map at once while the page is shown; otherwise when it is shown next."""
        if self._active:
            self.compute()

    # ------------------------------------------------------------------ asking for maps
    def _current_key(self):
        """What a map made now would show (compared with the map on screen)."""
        if self.current_source() == "example":
            m = self.example_model
            c = self.example_controls
            return ("example", m.params, m.update_biases, c.axes(), c.span.value(), c.steps.value(),
                    id(m.last_run))
        frame = None if self.playground is None else self.playground.frame
        c = self.plane_controls
        return ("playground", None if frame is None else (frame.generation, frame.snapshot.step),
                c.direction_kind(), c.seed.value(), c.chosen_span(), c.steps.value())

    @Slot()
    def compute(self) -> None:
        """Ask for the map of the choices now (superseding one computing)."""
        self._live.stop()
        self._pending = False
        try:
            request = self._example_request() if self.current_source() == "example" else self._plane_request()
        except ValueError as exc:
            self._cannot(localise(exc))
            return
        if request is None:
            return
        self._asked = (request, self._current_key())
        self.jobs.submit(request)  # a refusal comes back in the window's language (jobs.JobWorker)
        self._progress_delay.start()

    def _example_request(self) -> ExampleRequest:
        m, c = self.example_model, self.example_controls
        passes, run_end = 0, None
        run = m.last_run
        # a run from other numbers (changed since) shows no path; its first error tells most changes apart cheaply
        if run is not None and math.isclose(run.errors[0], m.trace.quantities["E_total"], rel_tol=1e-12):
            passes = len(run.errors)
            reached = with_weights(m.params, run.network.weights, run.network.biases)
            run_end = tuple(float(getattr(reached, name)) for name in c.axes())
        key = (m.params, c.axes(), passes, m.update_biases)
        path = self._path_cache[1] if self._path_cache is not None and self._path_cache[0] == key else None
        return ExampleRequest(m.params, c.axes(), float(c.span.value()), int(c.steps.value()), passes,
                              m.update_biases, path, run_end)

    def _plane_request(self) -> PlaneRequest | None:
        frame = None if self.playground is None else self.playground.frame
        if frame is None:
            self.jobs.cancel()
            self._shown_key = None
            self.map.clear_map()
            self._cannot(self.tr("The Training playground has not made a network yet (it does as soon as its tab "
                                 "has been shown): open it, then come back."))
            return None
        c, snap = frame.config, frame.snapshot
        net = c.make_network()
        net.weights = [w.copy() for w in snap.weights]
        net.biases = [b.copy() for b in snap.biases]
        trajectory = recorded_trajectory(self.playground.recorder)
        pc = self.plane_controls
        return PlaneRequest(net, tuple(c.features), c.loss, c.n_classes, frame.data.X_train, frame.data.y_train,
                            trajectory, pc.direction_kind(), pc.seed.value(), pc.chosen_span(), pc.steps.value(),
                            snap.step)

    @Slot()
    def cancel(self) -> None:
        if self.jobs.cancel():
            self._ended()
            self.statusMessage.emit(self.tr("Landscape cancelled: the map shows the last one finished"))

    # ------------------------------------------------------------------ maps arriving
    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self.progress.running:
            self.progress.show_progress(done, total)

    def _show_progress(self) -> None:
        if self.jobs.busy:
            self.progress.start(1)

    def _ended(self) -> None:
        self._progress_delay.stop()
        self.progress.stop()

    @Slot(object)
    def _map_done(self, loss_map) -> None:
        self._ended()
        key = None if self._asked is None else self._asked[1]  # the newest asked for: the only one that arrives
        if isinstance(loss_map.request, ExampleRequest):
            self._path_cache = (loss_map.request.path_key(), loss_map.raw_path)
        self._shown_key = key
        self.map.show_map(loss_map)
        self.message.clear()
        words = (self._plane_words(loss_map), localise(loss_map.note))
        self.note.show_message(" ".join(w for w in words if w), palette.MUTED)
        plane = self.plane_controls
        if isinstance(loss_map.request, PlaneRequest) and plane.fit.isChecked():
            plane.span.blockSignals(True)  # the span the fit chose, shown in the (disabled) box
            plane.span.setValue(float(loss_map.landscape.x[-1]))
            plane.span.blockSignals(False)
        self.statusTextChanged.emit()
        self.mapShown.emit()
        if self._pending and self._active:
            self._live.start()

    @Slot(str)
    def _map_failed(self, message: str) -> None:
        self._ended()
        self._shown_key = None
        self.map.clear_map()  # a map of other choices under these words would mislead
        self.note.clear()
        self.statusTextChanged.emit()
        message = message[:1].upper() + message[1:]
        if not message.endswith((".", "。")):  # a sentence's end, in the window's language
            message = self.tr("{sentence}.", "the end of a sentence").format(sentence=message)
        self._cannot(message)

    def _cannot(self, words: str) -> None:
        self.message.show_message(words, palette.ERROR_COLOR)
        self.mapFailed.emit(words)
        self.statusMessage.emit(words)

    def _plane_words(self, loss_map) -> str:
        if not isinstance(loss_map.request, PlaneRequest):
            return ""
        if len(loss_map.path) == 0:
            return self.tr("No trajectory yet: the network has not trained. Press Play on the Training playground "
                           "and its path appears here.")
        return ""

    # ------------------------------------------------------------------ the worked example
    @Slot(float, float)
    def _map_clicked(self, x: float, y: float) -> None:
        """Set the two parameters to the clicked place (rounded to a tenth of a grid cell)."""
        c = self.example_controls
        cell = 2.0 * c.span.value() / (c.steps.value() - 1)
        decimals = max(0, math.ceil(-math.log10(cell / 10.0)))
        names, values = c.axes(), (round(x, decimals), round(y, decimals))
        for name, value in zip(names, values):
            self.exampleParamEdited.emit(name, value)
            if getattr(self.example_model.params, name) != value:  # not connected to the example page
                try:
                    self.example_model.set_param(name, value)
                except ValueError as exc:
                    self._cannot(localise(exc))
                    return
        self.statusMessage.emit(self.tr("{x} = {x_value:g}, {y} = {y_value:g} (from the map)").format(
            x=names[0], x_value=values[0], y=names[1], y_value=values[1]))
        self.compute()

    # ------------------------------------------------------------------ the playground
    def _frame_arrived(self, _frame) -> None:
        if not (self._active and self.current_source() == "playground" and self.plane_controls.live.isChecked()):
            return
        if self.jobs.busy:
            self._pending = True  # asked again when this map arrives
        elif not self._live.isActive():
            self._live.start()

    def _new_run(self, _frame) -> None:
        if self._active and self.current_source() == "playground":
            self._pending = True
            if self.jobs.busy:
                self.jobs.cancel()  # a map of another run's network: stale
                self._ended()
            self._live.start()

    def _live_tick(self) -> None:
        if not self._active:
            return
        if self.jobs.busy:
            self._pending = True
        elif self._shown_key != self._current_key():
            self.compute()
