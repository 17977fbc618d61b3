"""Training in a background thread: a QObject moved to a QThread (DESIGN.md, "Threading").

The worker (a SlicedWorker, see bpviz.gui.workers.sliced) runs the Trainer in slices of ~10 ms and, between slices,
lets its thread's event loop deliver commands (queued slot calls from the GUI: play, pause, step, reset, new
settings). It sends a Frame (copies: weights, gradients, losses, the loss history, the maps over the plane) at most
``fps`` times a second and only once the GUI has taken the previous one. The history is bounded (a few thousand
entries, bpviz.training.history), so every frame carries all of it: a receiver never has to piece it together.
"""

from __future__ import annotations

import math
import time
from collections import deque

import numpy as np
from PySide6.QtCore import Signal, Slot

from bpviz.engine.grid import GridEvaluator
from bpviz.gui.i18n import translate
from bpviz.gui.workers.sliced import SlicedWorker
from bpviz.training import TrainConfig, Trainer
from bpviz.training.frames import Frame

SLICE_SECONDS = 0.010


class TrainingWorker(SlicedWorker):
    diverged = Signal(str)
    mapsReady = Signal(object, object)  # (the request's token, GridMaps) for ``evaluate_maps``

    def __init__(self, config: TrainConfig, fps: float = 31.0, maps: bool = True, grid_res: int = 100):
        super().__init__(fps)
        self._config = config
        self._maps_on = maps
        self._grid_res = grid_res
        self._generation = 0
        self._rate = deque(maxlen=64)  # (time, step count) samples for steps/s
        self.trainer: Trainer | None = None

    # ------------------------------------------------------------------ in the worker thread
    @Slot()
    def start(self) -> None:
        """Build the trainer and the slice timer; the thread's started signal calls this."""
        self._make_timer()
        self._restart(self._config)

    def _restart(self, config: TrainConfig, state=None) -> None:
        """A new run of ``config`` (from its initial weights, or continuing a saved ``state``)."""
        self._config = config
        self.trainer = Trainer(config, record_history=True)  # the steps the page can rewind to come with frames
        if state is not None:
            self.trainer.restore(state.weights, state.biases, state.step, state.epoch, state.history)
        self._grid = GridEvaluator(config.sizes, config.features, config.activation,
                                   self.trainer.network.output.name, res=self._grid_res)
        self._generation += 1
        self._rate.clear()
        self._emit(force=True)

    @Slot()
    def play(self) -> None:
        if self.trainer.diverged:
            self._emit(force=True)
            return
        self._rate.clear()
        self._go()
        self._emit(force=True)

    @Slot()
    def step(self) -> None:
        """Exactly one gradient step (pauses a running session first)."""
        self._halt()
        self.trainer.run_steps(1)
        self._after_training()
        self._emit(force=True)

    @Slot()
    def reset(self) -> None:
        """Back to the initial weights of the same settings (same seed: same run)."""
        self._halt()
        self._restart(self._config)

    @Slot(object)
    def reconfigure(self, config: TrainConfig) -> None:
        """New data or architecture: training restarts from scratch (paused)."""
        self._halt()
        self._restart(config)

    @Slot(object)
    def set_data(self, spec) -> None:
        """Drawn, erased or imported points (a DatasetSpec): training goes on over them with the same network,
        running or not. Points the network does not fit (another number of classes) start a new run, paused."""
        try:
            self.trainer.set_dataset(spec)
        except ValueError:
            self._halt()
            self._restart(self._config.for_data(spec))
            return
        self._config = self.trainer.config
        self._emit(force=True)

    @Slot(object)
    def load_state(self, state) -> None:
        """Continue a saved session (a PlaygroundState): its settings, parameters and loss history (paused)."""
        self._halt()
        self._restart(state.config, state)

    @Slot(float)
    def set_lr(self, lr: float) -> None:
        self.trainer.set_lr(lr)
        self._config = self.trainer.config
        self._emit(force=True)

    @Slot(int)
    def set_batch_size(self, size: int) -> None:
        self.trainer.set_batch_size(size)
        self._config = self.trainer.config
        self._emit(force=True)

    @Slot(str, float)
    def set_regularization(self, kind: str, rate: float) -> None:
        self.trainer.set_regularization(kind, rate)
        self._config = self.trainer.config
        self._emit(force=True)

    @Slot(str, float)
    def set_parameter(self, name: str, value: float) -> None:
        """A weight or bias typed on the diagram (training is paused: the diagram edits only then)."""
        self.trainer.set_parameter(name, value)
        self._emit(force=True)

    @Slot(object, object)
    def set_parameters(self, weights, biases) -> None:
        """Every weight and bias at once: the update of a pass stepped by hand, or its undoing (paused)."""
        self._halt()
        self.trainer.set_parameters(weights, biases)
        self._emit(force=True)

    @Slot(object, object, object)
    def evaluate_maps(self, token, weights, biases) -> None:
        """The maps over the plane of other weights of this run's network (a step rewound to: the history
        scrubber), between two training slices; answered by ``mapsReady(token, maps)``. Training goes on."""
        try:
            maps = self._grid.evaluate(weights, biases)
        except ValueError:  # weights of another network (a new run began meanwhile): the request is stale
            return
        self.mapsReady.emit(token, maps)

    @Slot(bool)
    def set_maps(self, on: bool) -> None:
        self._maps_on = on
        self._emit(force=True)

    def _slice(self) -> None:
        if not self._running:
            return
        # End the slice at the next frame's time (not after it): frames then leave at the rate asked for.
        until_frame = self._last_emit + self._interval - time.perf_counter()
        self.trainer.run_for(min(SLICE_SECONDS, max(until_frame, 0.001)))
        stopped = self._after_training()
        self._emit(force=stopped)  # the frame that says training stopped must not be throttled away

    def _after_training(self) -> bool:
        """Bookkeeping after training; True if training just stopped (diverged)."""
        self._rate.append((time.perf_counter(), self.trainer.step_count))
        if self.trainer.diverged:
            self._halt()
            self.diverged.emit(  # translated here: QCoreApplication.translate is thread-safe
                translate("TrainingWorker", "Training diverged: the loss became infinite or NaN with learning rate "
                                            "{lr}. Stopped at epoch {epoch}, the last finite state, which is shown. "
                                            "Lower the learning rate, then press Reset.")
                .format(lr=f"{self._config.lr:g}", epoch=self.trainer.epoch))
            return True
        return False

    def _steps_per_second(self) -> float:
        if len(self._rate) < 2:
            return 0.0
        (t0, s0), (t1, s1) = self._rate[0], self._rate[-1]
        return (s1 - s0) / (t1 - t0) if t1 > t0 else 0.0

    def _emit(self, force: bool = False) -> None:
        if not self._frame_due(force):
            return
        snap = self.trainer.snapshot(records=True)
        maps = None
        if self._maps_on and all(np.isfinite(w).all() for w in snap.weights):
            maps = self._grid.evaluate(snap.weights, snap.biases)
        rate = self._steps_per_second() if self._running else 0.0
        self._send(Frame(self._generation, self._config, self.trainer.data, snap, maps,
                         rate if math.isfinite(rate) else 0.0, self._running))
