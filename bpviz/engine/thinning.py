"""A series that keeps its whole shape in bounded memory: the loss history and the parameter trajectories.

Rows arrive in the order of an increasing whole-number key (an epoch, a step). At most ``capacity`` rows are kept:
when full, every second one is dropped and from then on only every ``stride``-th row is kept, so the rows stay
evenly spread over the whole run however long it gets (10^6 epochs fit in ``capacity`` rows). The latest row is
always held as the last one, also when it is off that grid, so a live plot ends at the current value.

A row with the key of the last row replaces it (a paused run reports the same state again); one with a smaller key
drops the rows from that key on (a diverged run went back to its last finite state). Memory:
``(capacity + 1) * (1 + n_columns) * 8`` bytes, whatever happens.
"""

from __future__ import annotations

import numpy as np

DEFAULT_CAPACITY = 4096


class ThinnedSeries:
    def __init__(self, n_columns: int, capacity: int = DEFAULT_CAPACITY):
        if capacity < 2:
            raise ValueError(f"capacity must be at least 2, got {capacity}")
        self.capacity = int(capacity) // 2 * 2  # even: halving keeps the grid of kept rows exact
        self._keys = np.empty(self.capacity + 1, dtype=np.int64)  # + 1: the latest row, off the grid
        self._rows = np.empty((n_columns, self.capacity + 1))
        self.version = 0  # changes whenever the rows change (views redraw only then)
        self.clear()

    def clear(self) -> None:
        self._n = 0
        self._count = 0  # rows taken since the start: the ordinal decides which rows stay on the grid
        self.stride = 1
        self._provisional = False  # the last row is off the grid (held only as the latest)
        self.version += 1

    def __len__(self) -> int:
        return self._n

    @property
    def last_key(self) -> int | None:
        return int(self._keys[self._n - 1]) if self._n else None

    def add(self, key: int, row) -> None:
        """Add the row of ``key`` (one value per column)."""
        key = int(key)
        n = self._n
        if n and key <= self._keys[n - 1]:
            if key == self._keys[n - 1]:  # the same state again: refresh it, keep its place
                self._rows[:, n - 1] = row
                self.version += 1
                return
            n = self._n = int(np.searchsorted(self._keys[:n], key, "left"))  # went back: forget what followed
            self._provisional = False
            self._count = n * self.stride if n else 0
        ordinal = self._count
        self._count += 1
        if self._provisional:
            n -= 1  # the previous latest was off the grid: this one takes its slot
        on_grid = ordinal % self.stride == 0
        if on_grid and n == self.capacity:  # full: keep every second row (rows 0, 2·stride, ...)
            half = n // 2
            self._keys[:half] = self._keys[0:n:2]
            self._rows[:, :half] = self._rows[:, 0:n:2]
            n, self.stride = half, 2 * self.stride
            on_grid = ordinal % self.stride == 0  # always true: capacity is even
        self._keys[n] = key
        self._rows[:, n] = row
        self._n = n + 1
        self._provisional = not on_grid
        self.version += 1

    def keys(self) -> np.ndarray:
        return self._keys[: self._n].copy()

    def column(self, index: int) -> np.ndarray:
        return self._rows[index, : self._n].copy()

    def columns(self, rows=slice(None)) -> np.ndarray:
        """Copies of the chosen columns (all by default), shape (columns, rows held)."""
        return self._rows[rows, : self._n].copy()

    @property
    def nbytes(self) -> int:
        """The memory the series holds, fixed at creation."""
        return self._keys.nbytes + self._rows.nbytes


#: a curve that travels its height more often than this is drawn in the cheap way (solid, not dashed; in a
#: picture as segments, not one antialiased stroke)
NOISY_SWINGS = 100.0


def swings(y) -> float:
    """How many times a series travels its own height (its finite values): 1 for a monotone curve, thousands for
    a noisy one. A drawing's cost grows with it: a dash pattern, or an antialiased stroke that crosses itself."""
    y = np.asarray(y, dtype=np.float64)
    y = y[np.isfinite(y)]
    if y.size < 2:
        return 0.0
    with np.errstate(over="ignore", invalid="ignore"):
        height = float(y.max()) - float(y.min())
        travel = float(np.abs(np.diff(y)).sum())
    if not (height > 0 and np.isfinite(height) and np.isfinite(travel)):
        return 0.0 if height == 0 else float("inf")
    return travel / height
