"""The training playground's state on the GUI side: the one owner of what the views of a run show.

The training worker sends frames (bpviz.training.frames.Frame: copies, with the whole bounded loss history); the
playground page hands each one to ``take``. The model keeps the latest frame, counts runs, records the network's
parameters and gradients for the trajectory plots (bounded, bpviz.engine.trajectories.TrajectoryRecorder), and
tells its subscribers: ``new_run`` (reset, new settings or data, a session opened: older frames belong to another
run) and then ``frame`` for every frame. The loss curve, the live trajectories, the gradient check and the status
bar draw from here; a session is written from here, never read back from a widget.

``rewind`` (bpviz.models.rewind.Rewind) keeps the run's exact states at a thinning grid of steps (bounded: < 50 MB)
and which of them the views show instead of the latest frame (the history scrubber); it takes every frame before
the subscribers hear of it, and ends a rewind on a new run.
"""

from __future__ import annotations

from bpviz.engine.trajectories import TrajectoryRecorder
from bpviz.models.observable import Observable
from bpviz.models.rewind import Rewind
from bpviz.session import PlaygroundState
from bpviz.training.frames import Frame
from bpviz.training.history import HistoryArrays


class PlaygroundModel(Observable):
    EVENTS = ("new_run", "frame")

    def __init__(self):
        super().__init__()
        self.frame: Frame | None = None
        self.recorder: TrajectoryRecorder | None = None  # every parameter of the current network
        self.rewind = Rewind()  # the run's recorded states, and the one shown when rewound

    @property
    def run(self) -> int | None:
        """The run the latest frame belongs to (grows with every restart); None before the first frame."""
        return None if self.frame is None else self.frame.generation

    @property
    def history(self) -> HistoryArrays:
        return HistoryArrays.empty() if self.frame is None else self.frame.snapshot.history

    def take(self, frame: Frame) -> None:
        """The newest frame from the worker."""
        new_run = self.frame is None or frame.generation != self.frame.generation
        if self.recorder is None or self.recorder.network_names.sizes != tuple(frame.config.sizes):
            self.recorder = TrajectoryRecorder(frame.config.sizes)
        elif new_run:
            self.recorder.clear()
        self.recorder.add_snapshot(frame.snapshot)
        self.frame = frame
        self.rewind.take(frame, new_run)
        if new_run:
            self._notify("new_run", frame)
        self._notify("frame", frame)

    def session_state(self) -> PlaygroundState | None:
        """The run as a session holds it: the latest network, counts and loss history."""
        if self.frame is None:
            return None
        s = self.frame.snapshot
        return PlaygroundState(self.frame.config, s.weights, s.biases, s.step, s.epoch, s.history)
