"""Rewinding a playground run: the history of the exact states its network went through, and which one is shown.

``RunRecord`` keeps a run's recorded steps in bounded memory. The training thread's Trainer records the state of
the network (every weight and bias, their gradients, the epoch, the train and test loss where measured) at the
steps of a thinning grid: every step at first, then every 2nd, 4th, ... (bpviz.engine.trajectories.record_stride)
so that the first ``capacity`` steps are all kept and 10^6 steps still fit; the frames bring those rows
(Snapshot.records), and each frame's own state is kept as the latest row until the next row comes. Rows are the
states themselves, never interpolated: a step that is kept shows exactly the weights the network had at it.

Memory: ``capacity`` (bpviz.engine.trajectories.history_capacity: as many as HISTORY_BUDGET, 40 MB, allows,
256 .. 16,384) + 2 rows of ``history_row_bytes(P)`` bytes for a network of P parameters, allocated once: for the
largest playground network, 2-16x6-1 (P = 1,425), 1,751 rows of 22,832 bytes, 39.98 MB, whatever the length of the
run. The rows on their way from the Trainer add at most twice capacity / 16 + 32 rows (waiting in the Trainer, then
handed over in a frame): 141 rows, 3.2 MB, twice, for that network; 46.4 MB in all, under the bound of 50 MB
(tests/benchmarks/bench_history.py feeds 10^6 steps and measures it).

``Rewind`` is the page's view of it (plain Python, observer callbacks): ``live`` (the views follow training) or a
``state`` rewound to (a RecordedState, a copy: it stays while training goes on and the record thins); events
``changed(state, by_frame)`` (state None: live again; ``by_frame``: a new run ended the rewind, and that frame is
about to be drawn). ``continue_state`` makes the PlaygroundState a new run starts from: the weights and biases
of the step rewound to, its step and epoch counts, and the loss history cut at that step; the record keeps the
steps before it, so that the continued run can be rewound past its start.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from bpviz.engine.features import make_features
from bpviz.engine.trajectories import StepRows, history_capacity, history_row_bytes, record_stride
from bpviz.models.observable import Observable
from bpviz.session import PlaygroundState
from bpviz.training.history import HistoryArrays
from bpviz.training.trainer import predicted_classes, targets_for


def parameter_count(sizes) -> int:
    return sum((n_in + 1) * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def unflatten(sizes, vector: np.ndarray) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
    """Weights (n_in, n_out) and biases (n_out,) of a parameter vector in Network.get_parameters's layout (per
    layer an (n_in + 1, n_out) block, the biases its last row), as new arrays."""
    weights, biases, offset = [], [], 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        block = vector[offset : offset + (n_in + 1) * n_out].reshape(n_in + 1, n_out)
        weights.append(block[:-1].copy())
        biases.append(block[-1].copy())
        offset += (n_in + 1) * n_out
    return tuple(weights), tuple(biases)


def flatten(weights, biases) -> np.ndarray:
    """The inverse of ``unflatten``."""
    return np.concatenate([np.vstack([np.asarray(w, np.float64), np.asarray(b, np.float64)[None, :]]).ravel()
                           for w, b in zip(weights, biases)])


@dataclass(frozen=True, eq=False)
class RecordedState:
    """One recorded step: the network exactly as it was after that step (copies)."""

    step: int
    epoch: int
    train_loss: float  # NaN where not measured (only at the end of an epoch and in frames)
    test_loss: float
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    grad_weights: tuple[np.ndarray, ...] | None  # None where no gradient is known (step 0, a restored state)
    grad_biases: tuple[np.ndarray, ...] | None


class RunRecord:
    """The recorded steps of one run of a ``sizes`` network, in bounded memory (see the module docstring).

    Adding a row at a step already held replaces it (a weight set by hand); at an earlier step, drops the rows
    from that step on (a diverged run fell back to an earlier state, a run continued from a rewound step). Rows
    off the grid are kept only while they are the latest (and the run's first row always)."""

    def __init__(self, sizes, capacity: int | None = None):
        self.sizes = tuple(int(s) for s in sizes)
        self.n_params = parameter_count(self.sizes)
        self.capacity = history_capacity(self.n_params) if capacity is None else int(capacity)
        rows = self.capacity + 2  # + the run's first row and the latest, both possibly off the grid
        self._steps = np.zeros(rows, np.int64)
        self._epochs = np.zeros(rows, np.int64)
        self._losses = np.zeros((rows, 2))
        self._params = np.zeros((rows, self.n_params))
        self._grads = np.zeros((rows, self.n_params))
        self.version = 0
        self.clear()

    @property
    def nbytes(self) -> int:
        """The memory the record holds, fixed at creation: (capacity + 2) * history_row_bytes(n_params)."""
        return sum(a.nbytes for a in (self._steps, self._epochs, self._losses, self._params, self._grads))

    @property
    def bound(self) -> int:
        return (self.capacity + 2) * history_row_bytes(self.n_params)

    def clear(self) -> None:
        self._n = 0
        self.stride = 1
        self.version += 1

    def __len__(self) -> int:
        return self._n

    @property
    def last_step(self) -> int | None:
        return int(self._steps[self._n - 1]) if self._n else None

    def steps(self) -> np.ndarray:
        return self._steps[: self._n].copy()

    def add_rows(self, rows: StepRows) -> None:
        """Rows the Trainer recorded (Snapshot.records), oldest first."""
        if rows.params.shape[1:] != (self.n_params,):
            raise ValueError(f"rows of {rows.params.shape[1]} parameters for a {self.n_params}-parameter network")
        for k in range(len(rows)):
            self.add(rows.steps[k], rows.epochs[k], rows.losses[k, 0], rows.losses[k, 1], rows.params[k],
                     rows.grads[k])

    def add_latest(self, snapshot) -> None:
        """The state of a frame (a Snapshot): held as the latest row if it is past the last row (the rows the
        Trainer sent for a step are the record of it)."""
        s = snapshot
        if self._n == 0 or s.step > self._steps[self._n - 1]:
            grads = flatten(s.grad_weights, s.grad_biases) if s.step > 0 else np.nan
            self.add(s.step, s.epoch, s.train_loss, s.test_loss, flatten(s.weights, s.biases), grads)

    def add(self, step, epoch, train, test, params, grads) -> None:
        step, n = int(step), self._n
        if n and step <= self._steps[n - 1]:
            n = int(np.searchsorted(self._steps[:n], step, "left"))  # replace that step, drop what followed
        elif n > 1 and not self._on_grid(self._steps[n - 1]):
            n -= 1  # the latest row was off the grid: this one takes its place
        stride = record_stride(step, self.capacity)
        if stride > self.stride:  # the grid widens: keep the first row and the rows on the new grid
            keep = np.flatnonzero(self._steps[:n] % stride == 0)
            if n and (not len(keep) or keep[0] != 0):
                keep = np.concatenate([[0], keep])
            for a in (self._steps, self._epochs, self._losses):
                a[: len(keep)] = a[keep]
            for i, k in enumerate(keep.tolist()):  # row by row (k >= i): no temporary copy of 48 MB
                if i != k:
                    self._params[i], self._grads[i] = self._params[k], self._grads[k]
            n, self.stride = len(keep), stride
        self._steps[n], self._epochs[n], self._losses[n] = step, int(epoch), (train, test)
        self._params[n], self._grads[n] = params, grads
        self._n = n + 1
        self.version += 1

    def _on_grid(self, step) -> bool:
        return int(step) % self.stride == 0

    def cut_after(self, step: int) -> None:
        """Forget the rows after ``step``."""
        self._n = int(np.searchsorted(self._steps[: self._n], int(step), "right"))
        self.version += 1

    def index_at(self, step: int) -> int:
        """The index of the row at ``step`` or the nearest before it (0 before the first)."""
        return max(int(np.searchsorted(self._steps[: self._n], int(step), "right")) - 1, 0)

    def state(self, index: int) -> RecordedState:
        if not 0 <= index < self._n:
            raise IndexError(f"row {index} of {self._n}")
        params, grads = self._params[index], self._grads[index]
        weights, biases = unflatten(self.sizes, params)
        grad_w = grad_b = None
        if np.isfinite(grads).all():
            grad_w, grad_b = unflatten(self.sizes, grads)
        return RecordedState(int(self._steps[index]), int(self._epochs[index]), float(self._losses[index, 0]),
                             float(self._losses[index, 1]), weights, biases, grad_w, grad_b)


class Rewind(Observable):
    EVENTS = ("changed",)

    def __init__(self):
        super().__init__()
        self.record: RunRecord | None = None
        self.state: RecordedState | None = None  # the state rewound to; None: live
        self._continuing: int | None = None  # the step a new run is about to continue from
        self._measure_net = None  # (config, Network) to measure recorded weights with

    @property
    def live(self) -> bool:
        return self.state is None

    def take(self, frame, new_run: bool) -> None:
        """Every frame the page's model takes: its recorded rows and its own state."""
        sizes = tuple(frame.config.sizes)
        continuing = None
        if new_run:  # the first frame of the new run: is it the run continued from a rewound step?
            continuing, self._continuing = self._continuing, None
        if self.record is None or self.record.sizes != sizes:
            self.record = RunRecord(sizes)
        elif new_run and continuing is None:
            self.record.clear()
        elif new_run:
            self.record.cut_after(continuing)
        s = frame.snapshot
        if s.records is not None:
            self.record.add_rows(s.records)
        self.record.add_latest(s)
        if new_run and self.state is not None:
            self.state = None
            self._notify("changed", None, True)

    def rewind_to(self, step: int) -> RecordedState | None:
        """Show the recorded state at ``step`` or the nearest before it (None if nothing is recorded)."""
        if self.record is None or not len(self.record):
            return None
        return self.rewind_to_index(self.record.index_at(step))

    def rewind_to_index(self, index: int) -> RecordedState:
        self.state = self.record.state(index)
        self._notify("changed", self.state, False)
        return self.state

    def go_live(self) -> None:
        if self.state is not None:
            self.state = None
            self._notify("changed", None, False)

    def index(self) -> int | None:
        """The row shown: the rewound step's (or the nearest before it, if thinned away since); None when live."""
        if self.state is None or self.record is None or not len(self.record):
            return None
        return self.record.index_at(self.state.step)

    # ------------------------------------------------------------------ continuing from a rewound step
    def continue_state(self, config, history: HistoryArrays) -> PlaygroundState:
        """The state a new run of ``config`` continues from: the rewound step's weights, biases, step and epoch
        counts, and ``history`` (the loss history) cut at that step. The next new run keeps the record up to it."""
        if self.state is None:
            raise ValueError("not rewound: there is no recorded step to continue from")
        s = self.state
        keep = history.steps <= s.step
        cut = HistoryArrays(history.epochs[keep], history.steps[keep], history.train[keep], history.test[keep])
        self._continuing = s.step
        return PlaygroundState(config, s.weights, s.biases, s.step, s.epoch, cut)

    # ------------------------------------------------------------------ figures of a recorded state
    def measure(self, state: RecordedState, config, data) -> dict:
        """Losses and accuracies of ``state``'s weights on ``data`` (the points shown), as Trainer.evaluate
        measures them: losses without the regularisation term, accuracies NaN for regression or no points."""
        key = (config.sizes, config.activation, config.output, config.loss)
        if self._measure_net is None or self._measure_net[0] != key:
            self._measure_net = (key, config.make_network())
        net = self._measure_net[1]
        net.weights, net.biases = state.weights, state.biases
        out = {}
        for name, X, y in (("train", data.X_train, data.y_train), ("test", data.X_test, data.y_test)):
            if len(X) == 0:
                out[f"{name}_loss"] = out[f"{name}_accuracy"] = math.nan
                continue
            features = make_features(X, config.features)
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                out[f"{name}_loss"] = float(net.loss_value(features, targets_for(config.loss, y, config.n_classes)))
                out[f"{name}_accuracy"] = (math.nan if config.is_regression else
                                           float(np.mean(predicted_classes(net.predict(features)) == y)))
        return out
