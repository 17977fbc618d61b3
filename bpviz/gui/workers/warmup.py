"""The warm-up run in a background thread: a QObject moved to a QThread (DESIGN.md, "Threading").

Two jobs, one after the other, in time slices of ~10 ms between which the thread's event loop delivers the
GUI's commands (queued slot calls: train, pause, reset, stop):
1. the engine trains the warm-up net up to the target iteration (``WarmupRun``);
2. the seed's own loop runs from the same initial arrays for as many iterations (``SeedLoop``), and its
   losses are compared with the engine's: the page can then say that both printed the same numbers.
Frames (the losses the GUI lacks, the state, and, when training is not running, the pass with the weights
reached described line by line) leave at most ``fps`` times a second, and only once the GUI has taken the
previous one. That description (``lesson_pass``: a 64x1000x100x10 pass and a summary of every array) is made
here, once per set of weights: it took 10-25 ms in the GUI thread alone and 36-185 ms while the playground trained.
"""

from __future__ import annotations

from PySide6.QtCore import Slot

from bpviz.engine.warmup import LessonPass, WarmupArrays, initial_arrays, lesson_pass
from bpviz.gui.workers.sliced import SlicedWorker
from bpviz.training.frames import WarmupFrame
from bpviz.training.warmup import SeedLoop, WarmupRun, relative_difference

SLICE_SECONDS = 0.010


class WarmupWorker(SlicedWorker):
    def __init__(self, seed: int = 0, fps: float = 30.0):
        super().__init__(fps)
        self._seed = seed
        self._generation = 0
        self._target = 0
        self._lesson: LessonPass | None = None
        self._lesson_of: tuple[int, int] | None = None  # (generation, iteration) of the weights it describes

    # ------------------------------------------------------------------ in the worker thread
    @Slot()
    def start(self) -> None:
        """Build the slice timer and the first run; the thread's started signal calls this."""
        self._make_timer()
        self._restart(self._seed)

    def _restart(self, seed: int) -> None:
        self._halt()
        self._seed = seed
        self.arrays = initial_arrays(seed)
        self.run = WarmupRun(self.arrays)
        self.check = SeedLoop(self.arrays)
        self._target = 0
        self._generation += 1
        self._sent = 0
        self._emit(force=True)

    @Slot(int)
    def train(self, target: int) -> None:
        """Train (or go on training) up to ``target`` iterations; a finished run of as many starts again."""
        if self.run.diverged:
            self._emit(force=True)
            return
        if self.run.iteration >= target and self.check.iteration >= self.run.iteration:
            self._restart(self._seed)  # nothing left to do: Train means a new run from the same arrays
        self._target = target
        self._go()
        self._emit(force=True)

    @Slot(int)
    def reset(self, seed: int) -> None:
        """Back to iteration 0 with the arrays of ``seed`` (paused)."""
        self._restart(seed)

    def _slice(self) -> None:
        if not self._running:
            return
        run, check = self.run, self.check
        if run.iteration < self._target and not run.diverged:
            run.run_for(SLICE_SECONDS, self._target - run.iteration)
        elif check.iteration < run.iteration and not check.diverged:
            check.run_for(SLICE_SECONDS, run.iteration - check.iteration)
        else:
            self._halt()
        self._emit(force=not self._running)  # the last frame of a run must not be throttled away

    def _state(self) -> str:
        if self.run.diverged:
            return "diverged"
        if self._running:
            return "training" if self.run.iteration < self._target else "checking"
        if self.run.iteration == 0:
            return "ready"
        done = self.run.iteration >= self._target and self.check.iteration >= self.run.iteration
        return "finished" if done else "paused"

    def _emit(self, force: bool = False) -> None:
        if not self._frame_due(force):
            return
        run, check = self.run, self.check
        start, losses = self._sent, run.losses_since(self._sent)
        self._sent = run.iteration
        checked = check.iteration
        seed_loss = rel = None
        if checked:
            seed_losses = check.losses_since(0)
            seed_loss = float(seed_losses[-1])
            rel = relative_difference(run.losses_since(0)[:checked], seed_losses)
        lesson = None if self._running else self._lesson_now()
        self._send(WarmupFrame(self._generation, self._seed, self.arrays, start, losses, run.iteration,
                               self._target, self._state(), checked, seed_loss, rel, lesson))

    def _lesson_now(self) -> LessonPass:
        """The pass with the engine's weights now, described line by line (made once per set of weights)."""
        key = (self._generation, self.run.iteration)
        if self._lesson_of != key:
            w1, w2 = self.run.weights()
            self._lesson = lesson_pass(WarmupArrays(self.arrays.x, self.arrays.y, w1, w2))
            self._lesson_of = key
        return self._lesson
