"""The playground's history scrubber (issue 15): rewinding the views to a recorded step while training goes on.

Wiring only. The run's recorded states and which one is shown live in the page's model (PlaygroundModel.rewind, a
bpviz.models.rewind.Rewind); the slider is bpviz.gui.widgets.plots.scrubber.HistoryScrubber, under the loss curve.
Choosing an entry rewinds the diagram (weights, gradients and per-neuron maps), the decision region and the figures
line to it: the figures at once (those weights measured on the points shown: ~1 ms), the diagram and the output
region once the training worker has evaluated the recorded weights over the plane between two of its slices
(TrainingWorker.evaluate_maps: 14 ms for 2-16x6-1 at 100x100 on this machine idle, 27-38 ms while it trains, too
long for the GUI thread; a page without a worker evaluates them itself). Training and recording go on meanwhile:
frames keep coming, the loss curve and the status bar follow them, the slider's range grows, and the views stay on
the step rewound to until Live (the button, or End on the slider). Continue from here pauses and starts a new run
from that state (see Rewind.continue_state) through the page's load_state, as a saved session would be. A new run
ends the rewind; while a pass is stepped through (the diagram shows the pass) the scrubber is disabled.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from bpviz.engine.features import FEATURE_LABELS
from bpviz.engine.grid import GridEvaluator
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.widgets.plots.scrubber import HistoryScrubber
from bpviz.models.diagram import from_parameters
from bpviz.models.rewind import RecordedState

STEPPING_REASON = QT_TRANSLATE_NOOP("RewindScrubbing", "Rewinding is off while a pass is stepped through: the "
                                                      "diagram shows the pass. Leave it (Esc, or Step through a pass "
                                                      "again) to rewind.")


class RewindScrubbing(QObject):
    _maps_request = Signal(object, object, object)  # (token, weights, biases) to the training worker

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.rewind = page.model.rewind
        self.scrubber = HistoryScrubber()
        self._grid: tuple | None = None  # (key, GridEvaluator), when there is no worker to evaluate the maps
        self._worker = None  # the training worker the maps are asked of (connected on first use)
        self._request = 0  # the latest maps asked for: older answers are dropped
        self.rewind.subscribe("changed", self._changed)
        self.scrubber.positionChosen.connect(self.rewind_to_index)
        self.scrubber.liveRequested.connect(self.go_live)
        self.scrubber.continueRequested.connect(self.continue_from_here)
        page.stepping.action.toggled.connect(self._stepping)
        self._show_live_text()

    @property
    def rewound(self) -> bool:
        return not self.rewind.live

    # ------------------------------------------------------------------ frames
    def take_frame(self, frame) -> bool:
        """Every frame the page draws: the slider's range follows the record. True if the views show a recorded
        step instead of this frame."""
        record = self.rewind.record
        self.scrubber.set_entries(len(record) if record is not None else 0, self.rewind.index())
        if self.rewound:
            self._show_rewound_text(self.rewind.state)
        else:
            self._show_live_text()
        return self.rewound

    # ------------------------------------------------------------------ the user's choices
    @Slot(int)
    def rewind_to_index(self, index: int) -> None:
        record = self.rewind.record
        if record is None or not len(record) or self.page.stepping.stepping:
            return
        self.rewind.rewind_to_index(min(max(index, 0), len(record) - 1))

    def rewind_to(self, step: int) -> RecordedState | None:
        """Show the recorded step at ``step`` or the nearest before it."""
        if self.page.stepping.stepping:
            return None
        return self.rewind.rewind_to(step)

    @Slot()
    def go_live(self) -> None:
        self.rewind.go_live()

    @Slot()
    def continue_from_here(self) -> None:
        frame = self.page.model.frame
        state = self.rewind.state
        if state is None or frame is None:
            return
        self.page.load_state(self.rewind.continue_state(frame.config, frame.snapshot.history))
        self.page.statusMessage.emit(self.tr("Continuing from step {step} (epoch {epoch}): a new run from its weights, "
                                             "paused; Play trains on from there").format(step=f"{state.step:,}",
                                                                                         epoch=f"{state.epoch:,}"))

    @Slot(bool)
    def _stepping(self, on: bool) -> None:
        if on:
            self.rewind.go_live()  # the pass is of the network as it is now
        self.scrubber.set_blocked(translate("RewindScrubbing", STEPPING_REASON) if on else "")
        self.scrubber.set_rewound(self.rewound)

    # ------------------------------------------------------------------ drawing
    def _changed(self, state: RecordedState | None, by_frame: bool) -> None:
        self.scrubber.set_rewound(state is not None)
        self.page.loss.set_marker(None if state is None else state.step)  # where on the curve the views are
        frame = self.page.model.frame
        if state is None:
            self._show_live_text()
            record = self.rewind.record
            self.scrubber.set_entries(len(record) if record is not None else 0, None)
            if not by_frame and frame is not None:  # else the frame that ended the rewind is drawn next
                self._draw_live(frame)
            return
        self._show_rewound_text(state)
        if frame is not None:
            self.draw_state(state, frame)

    def _draw_live(self, frame) -> None:
        from bpviz.gui.pages.playground import figures_text  # the page imports this module

        page = self.page
        if frame.maps is not None:
            page.decision.set_region(frame.maps.region, frame.maps.extent, classes=frame.maps.classes)
        if not page.stepping.stepping:
            page.redraw_diagram(frame)
        page.figures.setText(figures_text(frame.snapshot, frame.config.is_regression))

    def draw_state(self, state: RecordedState, frame) -> None:
        """The figures of a recorded state now; its diagram, maps and output region once its maps are evaluated
        (the frame gives the network's settings and the points)."""
        from bpviz.gui.pages.playground import figures_text

        figures = self.rewind.measure(state, frame.config, frame.data)
        self.page.figures.setText(figures_text(_Figures(**figures), frame.config.is_regression))
        worker = self.page.worker
        if frame.maps is None or worker is None:
            self._draw_diagram(state, frame, self.maps(state, frame) if frame.maps is not None else None)
            return
        if self._worker is not worker:
            self._worker = worker
            self._maps_request.connect(worker.evaluate_maps)
            worker.mapsReady.connect(self._maps_ready)
        self._request += 1
        self._maps_request.emit((self._request, frame.generation), state.weights, state.biases)

    @Slot(object, object)
    def _maps_ready(self, token, maps) -> None:
        frame, state = self.page.model.frame, self.rewind.state
        if token[0] != self._request or state is None or frame is None or frame.generation != token[1]:
            return  # another step was chosen since, or the rewind or the run has ended
        self._draw_diagram(state, frame, maps)

    def _draw_diagram(self, state: RecordedState, frame, maps) -> None:
        page, config = self.page, frame.config
        if maps is not None:
            page.decision.set_region(maps.region, maps.extent, classes=maps.classes)
        page.diagram.set_state(from_parameters(
            config.sizes, state.weights, state.biases, weight_grads=state.grad_weights,
            bias_grads=state.grad_biases, editable=False, neuron_images=maps.neurons if maps is not None else None,
            input_labels=tuple(FEATURE_LABELS[f] for f in config.features)))

    def maps(self, state: RecordedState, frame):
        """The maps over the plane of a recorded state, at the resolution of the frames' maps."""
        config = frame.config
        res = frame.maps.region.shape[-1]
        neuron_res = next(iter(frame.maps.neurons.values())).shape[-1] if frame.maps.neurons else 32
        key = (config.sizes, config.features, config.activation, config.output, res, neuron_res)
        if self._grid is None or self._grid[0] != key:
            self._grid = (key, GridEvaluator(config.sizes, config.features, config.activation, config.output,
                                             res=res, neuron_res=neuron_res))
        return self._grid[1].evaluate(state.weights, state.biases)

    def _show_live_text(self) -> None:
        record = self.rewind.record
        count = len(record) if record is not None else 0
        spacing = self.tr(", now every {ordinal} step").format(ordinal=_ordinal(record.stride),
                                                               n=f"{record.stride:,}") \
            if record is not None and record.stride > 1 else ""
        self.scrubber.set_text(self.tr("Live · recorded steps: {count}{spacing} · drag to rewind").format(
            count=f"{count:,}", spacing=spacing))

    def _show_rewound_text(self, state: RecordedState) -> None:
        frame = self.page.model.frame
        going = self.tr("training goes on") if frame is not None and frame.running else self.tr("training is paused")
        self.scrubber.set_text(self.tr("<b>Rewound to step {step} (epoch {epoch})</b> · {going}").format(
            step=f"{state.step:,}", epoch=f"{state.epoch:,}", going=going))


class _Figures:
    """What figures_text reads of a snapshot, for a recorded state."""

    def __init__(self, train_loss, test_loss, train_accuracy, test_accuracy):
        self.train_loss, self.test_loss = train_loss, test_loss
        self.train_accuracy, self.test_accuracy = train_accuracy, test_accuracy


def _ordinal(n: int) -> str:
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n:,}{suffix}"
