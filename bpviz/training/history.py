"""The loss history of a training run, in bounded memory.

Entry k is the state at the end of epoch k (entry 0: before training): the step count and the loss over the whole
training set and the whole test set (NaN without a test set). A run of 10^6 epochs keeps its whole shape in at most
``capacity`` entries, evenly thinned, the latest always last (bpviz.engine.thinning): the Trainer, every frame
sent to the window, the loss curve and the session file hold the same few thousand entries whatever the length of
the run.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.engine.thinning import DEFAULT_CAPACITY, ThinnedSeries

_STEP, _TRAIN, _TEST = range(3)


@dataclass(frozen=True)
class HistoryArrays:
    """An immutable copy of the history: one value per kept entry in each array."""

    epochs: np.ndarray  # int64
    steps: np.ndarray  # int64
    train: np.ndarray
    test: np.ndarray

    def __len__(self) -> int:
        return len(self.epochs)

    @classmethod
    def empty(cls) -> HistoryArrays:
        return cls(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0), np.empty(0))


class History:
    """The Trainer's record: ``append`` at the end of every epoch, ``arrays()`` for snapshots and sessions."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY):
        self._series = ThinnedSeries(3, capacity)

    def append(self, epoch: int, step: int, train: float, test: float) -> None:
        self._series.add(epoch, (step, train, test))

    def restore(self, saved: HistoryArrays) -> None:
        """Start again from a saved history (a session's)."""
        self._series.clear()
        for epoch, step, train, test in zip(saved.epochs, saved.steps, saved.train, saved.test):
            self.append(int(epoch), int(step), float(train), float(test))

    def __len__(self) -> int:
        return len(self._series)

    @property
    def stride(self) -> int:
        """1 while every epoch is kept, then 2, 4, ...: one entry is kept every ``stride`` epochs."""
        return self._series.stride

    @property
    def last_train(self) -> float:
        return float(self._series.column(_TRAIN)[-1]) if len(self._series) else float("nan")

    def arrays(self) -> HistoryArrays:
        s = self._series
        return HistoryArrays(s.keys(), s.column(_STEP).astype(np.int64), s.column(_TRAIN), s.column(_TEST))

    @property
    def nbytes(self) -> int:
        return self._series.nbytes
