"""What the window's worker threads send to the GUI thread: immutable frames of plain data (copies), drawn by the
views and kept by the models (bpviz.models). No Qt here: the models that keep them are Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass

from bpviz.engine.datasets import Dataset
from bpviz.engine.grid import GridMaps
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
