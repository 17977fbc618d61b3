"""The NumPy warm-up page's state on the GUI side: the one owner of a run's losses and of the pass shown.

The warm-up worker sends frames (bpviz.training.frames.WarmupFrame: the losses the receiver lacks, the state, and,
when the engine is not training, the pass with the weights reached described line by line); the page hands each
one to ``take``. The model keeps the latest frame, every loss of the run (at most the iterations asked for:
bpviz.gui.pages.warmup.MAX_ITERATIONS, 0.8 MB) and the pass described last, and tells its subscribers:
``new_run`` (a reset or a new seed), ``lesson`` (a new pass to show) and ``frame`` for every frame.
"""

from __future__ import annotations

import math

import numpy as np

from bpviz.engine.warmup import LessonPass
from bpviz.models.observable import Observable
from bpviz.training.frames import WarmupFrame


class WarmupModel(Observable):
    EVENTS = ("new_run", "lesson", "frame")

    def __init__(self):
        super().__init__()
        self.frame: WarmupFrame | None = None
        self.lesson: LessonPass | None = None  # the pass shown: the weights of the last frame that carried one
        self.lesson_iteration = 0  # the updates done before the weights it describes
        self._losses = np.empty(1024)
        self._n = 0

    def take(self, frame: WarmupFrame) -> None:
        new_run = self.frame is None or frame.generation != self.frame.generation
        if new_run:
            self._n = 0
        if len(frame.losses):
            self._put(frame.start, frame.losses)
        self.frame = frame
        if new_run:
            self._notify("new_run", frame)
        if frame.lesson is not None and frame.lesson is not self.lesson:
            self.lesson, self.lesson_iteration = frame.lesson, frame.iteration
            self._notify("lesson", frame)
        self._notify("frame", frame)

    def _put(self, start: int, losses) -> None:
        """Losses of iterations ``start``, ``start + 1``, ...; a ``start`` before the end replaces from there."""
        start = min(int(start), self._n)
        n = start + len(losses)
        if n > len(self._losses):
            grown = np.empty(max(n, 2 * len(self._losses)))
            grown[: self._n] = self._losses[: self._n]
            self._losses = grown
        self._losses[start:n] = losses
        self._n = n

    @property
    def losses(self) -> np.ndarray:
        """Every loss of the run so far (index = iteration), as a read-only view: copy it to keep it."""
        view = self._losses[: self._n]
        view.flags.writeable = False
        return view

    @property
    def last_loss(self) -> float:
        return float(self._losses[self._n - 1]) if self._n else math.nan
