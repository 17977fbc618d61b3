"""What the window's worker threads send to the GUI thread: immutable frames of plain data (copies), drawn by the
views and kept by the models (bpviz.models). No Qt here: the models that keep them are Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.engine.datasets import Dataset
from bpviz.engine.grid import GridMaps
from bpviz.engine.warmup import LessonPass, WarmupArrays
from bpviz.training.trainer import Snapshot, TrainConfig


@dataclass(frozen=True)
class Frame:
    generation: int  # grows when training restarts (reset, new settings): older frames belong to another run
    config: TrainConfig
    data: Dataset
    snapshot: Snapshot
    maps: GridMaps | None
    steps_per_second: float
    running: bool


@dataclass(frozen=True)
class WarmupFrame:
    generation: int  # grows with every reset: older frames belong to another run
    seed: int
    arrays: WarmupArrays  # the run's data and initial weights (never changed)
    start: int  # the iteration of losses[0]
    losses: np.ndarray  # the engine's losses the GUI does not have yet
    iteration: int  # updates done by the engine
    target: int
    state: str  # ready, training, checking, paused, finished, diverged
    checked: int  # iterations of the seed's own loop done
    seed_loss: float | None  # the seed loop's loss at iteration checked - 1
    rel_difference: float | None  # largest relative difference of the losses over the checked iterations
    lesson: LessonPass | None  # the pass with the weights now, when the engine is not training

    @property
    def running(self) -> bool:
        return self.state in ("training", "checking")
