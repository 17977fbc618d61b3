"""Training the warm-up net of seed 000 in slices, and the seed's own loop to compare with (NumPy only).

``WarmupRun`` is the engine training the net; ``SeedLoop`` is the seed's loop body verbatim with the same
interface (``run(n)``, ``run_for(seconds, max_steps)``), so that a worker thread can run both in pieces and show
that they print the same losses. The loss of iteration t is computed before its update (the seed's
``print(t, loss)``).
"""

from __future__ import annotations

import math
import time

import numpy as np

from bpviz.engine.phrases import QT_TRANSLATE_NOOP
from bpviz.engine.presets import WARMUP_LR
from bpviz.engine.warmup import WarmupArrays, warmup_net


class _Losses:
    """Training in slices: ``run(n)`` returns the next n losses; ``losses[t]`` is the loss computed at
    iteration t, before its update (the seed's ``print(t, loss)``). Subclasses define ``_iterate()``."""

    def __init__(self, learning_rate: float):
        self.learning_rate = float(learning_rate)
        self._losses: list[float] = []

    def _iterate(self) -> float:
        raise NotImplementedError

    @property
    def iteration(self) -> int:
        """Updates done so far (the weights are those after this many updates)."""
        return len(self._losses)

    @property
    def losses(self) -> np.ndarray:
        return self.losses_since(0)

    @property
    def diverged(self) -> bool:
        return bool(self._losses) and not np.isfinite(self._losses[-1])

    def losses_since(self, start: int) -> np.ndarray:
        """The losses of iterations ``start`` and later (a worker sends only what the GUI lacks)."""
        return np.array(self._losses[start:])

    def run(self, n_steps: int) -> np.ndarray:
        """``n_steps`` more iterations (fewer if the loss stops being finite); returns their losses."""
        return self.run_for(math.inf, n_steps)

    def run_for(self, seconds: float, max_steps: int) -> np.ndarray:
        """Iterations until ``seconds`` have passed or ``max_steps`` are done; returns their losses."""
        start, deadline = len(self._losses), time.perf_counter() + seconds
        while len(self._losses) - start < max_steps and not self.diverged:
            self._losses.append(self._iterate())
            if time.perf_counter() >= deadline:
                break
        return self.losses_since(start)


class WarmupRun(_Losses):
    """The engine (``Network.train_batch``) training the warm-up net from ``arrays``."""

    def __init__(self, arrays: WarmupArrays, learning_rate: float = WARMUP_LR):
        super().__init__(learning_rate)
        self.network = warmup_net(arrays)
        self._batch = self.network.batch(arrays.x.shape[0]).load(arrays.x, arrays.y)

    def _iterate(self) -> float:
        return self.network.train_batch(self._batch, self.learning_rate)

    def weights(self) -> tuple[np.ndarray, np.ndarray]:
        """Copies of (w1, w2) now."""
        w = self.network.weights
        return w[0].copy(), w[1].copy()


class SeedLoop(_Losses):
    """The seed's own loop body, verbatim, on copies of ``arrays``: the reference the engine is compared with."""

    def __init__(self, arrays: WarmupArrays, learning_rate: float = WARMUP_LR):
        super().__init__(learning_rate)
        self.x, self.y = arrays.x.copy(), arrays.y.copy()
        self.w1, self.w2 = arrays.w1.copy(), arrays.w2.copy()

    def _iterate(self) -> float:
        x, y, w1, w2, learning_rate = self.x, self.y, self.w1, self.w2, self.learning_rate
        h = x.dot(w1)
        h_relu = np.maximum(h, 0)
        y_pred = h_relu.dot(w2)
        loss = np.square(y_pred - y).sum()
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h_relu.T.dot(grad_y_pred)
        grad_h_relu = grad_y_pred.dot(w2.T)
        grad_h = grad_h_relu.copy()
        grad_h[h < 0] = 0
        grad_w1 = x.T.dot(grad_h)
        w1 -= learning_rate * grad_w1
        w2 -= learning_rate * grad_w2
        return float(loss)


def relative_difference(a, b) -> float:
    """The largest |a − b| / |b| over two loss sequences of the same length (0 where a and b are equal or both
    NaN, inf where only one of them is not finite)."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(QT_TRANSLATE_NOOP("Warmup", "cannot compare {left} losses with {right}").format(
            left=a.shape, right=b.shape))
    if a.size == 0:
        return 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.where((a == b) | (np.isnan(a) & np.isnan(b)), 0.0, np.abs(a - b) / np.abs(b))
    return float(np.where(np.isnan(rel), np.inf, rel).max())
