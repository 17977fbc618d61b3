"""Training a network on a 2-D dataset in steps, and snapshots of it for the views.

Plain NumPy and the standard library (no Qt): the CLI, the tests and the GUI's worker thread share it. The
Trainer runs mini-batch gradient descent, evaluates the full train and test sets at the end of every epoch
(the loss history), stops on divergence keeping the last finite state, and makes immutable ``Snapshot``s.

The settings (``TrainConfig``) and their limits are in bpviz.training.config. Accuracy means nothing for
regression: it is NaN there.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace

import numpy as np

from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.features import make_features
from bpviz.engine.naming import NetworkNames
from bpviz.engine.trajectories import StepRows, history_capacity, next_record_step
from bpviz.training.config import (  # noqa: F401  (re-exported: the settings were defined here before)
    CLASSIFICATION_LOSSES,
    LOSS_WORDS,
    MAX_BATCH_SIZE,
    MAX_LAYERS,
    MAX_WIDTH,
    MIN_RATE,
    MULTICLASS_LOSSES,
    REGRESSION_LOSSES,
    REGULARIZATIONS,
    TrainConfig,
)
from bpviz.training.history import History, HistoryArrays


@dataclass(frozen=True)
class Snapshot:
    """An immutable copy of the training state, for the views (the GUI draws these, never the Trainer)."""

    step: int
    epoch: int
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    grad_weights: tuple[np.ndarray, ...]
    grad_biases: tuple[np.ndarray, ...]
    train_loss: float
    test_loss: float
    train_accuracy: float  # NaN for regression (and test_accuracy without a test set)
    test_accuracy: float
    history: HistoryArrays  # the whole loss history (bounded: a few thousand entries at most)
    diverged: bool
    next_batch: np.ndarray  # the training points (indices) the next step trains on
    records: StepRows | None = None  # steps recorded since the previous such snapshot (``snapshot(records=True)``)


def targets_for(loss: str, y: np.ndarray, n_classes: int = 2) -> np.ndarray:
    """A dataset's labels (or regression values) y as the network's (N, n_out) targets for ``loss``: one column,
    or one-hot over the K classes for softmax (column 1 is the "blue" class of two)."""
    if loss == "softmax_ce":
        return np.ascontiguousarray(np.eye(max(n_classes, 2))[np.asarray(y, dtype=np.int64)])
    return np.ascontiguousarray(y.reshape(-1, 1))


def predicted_classes(outputs: np.ndarray) -> np.ndarray:
    """The class each row of network outputs (N, n_out) stands for: P(blue) > 0.5 for one output, the largest
    probability of a softmax."""
    if outputs.shape[1] == 1:
        return (outputs[:, 0] > 0.5).astype(np.float64)
    return np.argmax(outputs, axis=1).astype(np.float64)


class Trainer:
    """Mini-batch gradient descent of ``config`` on its dataset, run in steps or time slices.

    ``record_history=True`` (the playground's worker): the Trainer also records the exact state of the network
    (parameters, gradients, epoch, losses where measured) at the steps of a thinning grid
    (bpviz.engine.trajectories.record_stride: every step at first, then every 2nd, 4th, ... so that a run of any
    length fits the history's capacity), plus every state set by hand, restored or fallen back to. The rows wait
    (at most 1/PENDING_SHARE of that capacity: beyond, a grid twice as coarse) until ``take_records`` or
    ``snapshot(records=True)`` hands them over: the window's history (bpviz.models.rewind) keeps them. The cost
    in the training loop is one comparison a step, and one copy of the parameters and gradients per recorded
    step."""

    PENDING_SHARE = 16  # rows waiting to be taken: at most capacity // PENDING_SHARE + 32

    def __init__(self, config: TrainConfig, record_history: bool = False):
        self.config = config
        self._recording = bool(record_history)
        self._pending: list = []
        self._next_record = -1  # the next step to record (-1: none, when not recording)
        self._capacity = 256  # of the history the rows go to (set for the network by _restart_records)
        self._coarser = 1  # while rows wait too long to be taken, only multiples of this are recorded
        self._measured = (-1, math.nan, math.nan)  # (step, train, test) of the last history entry
        self._load_data(config.dataset)
        self.reset()

    def _load_data(self, spec: DatasetSpec) -> None:
        # A custom set may be empty (every point erased, the user about to draw new ones): there is nothing to
        # train on then, and no loss to measure (NaN), until points come (set_dataset).
        data = spec.make()
        c = self.config
        self.data = data
        self._X = make_features(data.X_train, c.features)
        self._Y = targets_for(c.loss, data.y_train, c.n_classes)
        self._Xt = make_features(data.X_test, c.features)
        self._Yt = targets_for(c.loss, data.y_test, c.n_classes)

    def set_dataset(self, spec: DatasetSpec) -> None:
        """Train on other points (drawn or edited) with the same network, weights, counts and history: the data
        must have the network's inputs and outputs (the same problem type and number of classes). ValueError, and
        nothing changes, for data that does not fit."""
        config = replace(self.config, dataset=spec)
        if config.sizes != self.config.sizes or config.is_regression != self.config.is_regression:
            raise ValueError("these points do not fit the network (another number of classes or problem type): "
                             "start a new run")
        old = self.config
        self.config = config
        try:
            self._load_data(spec)
        except ValueError:
            self.config = old
            raise
        self._batches.clear()
        self._full = None
        self._start_epoch()

    # ------------------------------------------------------------------ state
    def reset(self) -> None:
        """Back to the initial weights of the configured seed; the history is cleared."""
        c = self.config
        self.network = c.make_network()
        self._order_rng = np.random.default_rng([c.seed, 1])  # the shuffling of the mini-batches
        self.step_count = 0
        self.epoch = 0
        self.diverged = False
        self.history = History()
        self._batches: dict[int, object] = {}
        self._full = None
        self._start_epoch()
        self._record()
        self._restart_records()

    def restore(self, weights, biases, step: int, epoch: int, history: HistoryArrays) -> None:
        """Continue from a saved state (a session): these parameters, counts and loss history."""
        self.reset()
        self.network.weights, self.network.biases = weights, biases
        self.step_count, self.epoch = int(step), int(epoch)
        self.history.restore(history)
        self._last_good = (self.network.get_parameters(), self.step_count, self.epoch)
        self._restart_records()

    def set_parameter(self, name: str, value: float) -> None:
        """Set one weight or bias by its diagram name (``w3``, ``b_h1_2``): the user's hand edit. Training
        goes on from there; it is the state a divergence falls back to."""
        ref = NetworkNames(self.network.sizes).params.get(name)
        if ref is None:
            raise ValueError(f"this network has no parameter called {name!r}")
        if not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number, got {value!r}")
        if ref.kind == "w":
            self.network.weights[ref.layer][ref.src, ref.dst] = value
        else:
            self.network.biases[ref.layer][ref.dst] = value
        self._last_good = (self.network.get_parameters(), self.step_count, self.epoch)
        self._measured = (-1, math.nan, math.nan)  # the losses measured were of the weights before
        self._keep_record(at_grid=False)

    def set_parameters(self, weights, biases) -> None:
        """Set every weight and bias (a pass stepped by hand applies its update so, or takes it back). Training
        goes on from there; it is the state a divergence falls back to. ValueError for a wrong shape or a number
        that is not finite (nothing changes then)."""
        if not all(np.isfinite(np.asarray(a, dtype=np.float64)).all() for a in (*weights, *biases)):
            raise ValueError("every weight and bias must be a finite number")
        self.network.weights, self.network.biases = weights, biases
        self._last_good = (self.network.get_parameters(), self.step_count, self.epoch)
        self._measured = (-1, math.nan, math.nan)  # the losses measured were of the weights before
        self._keep_record(at_grid=False)

    @property
    def lr(self) -> float:
        return self.config.lr

    def set_lr(self, lr: float) -> None:
        self.config = replace(self.config, lr=lr)

    def set_batch_size(self, batch_size: int) -> None:
        self.config = replace(self.config, batch_size=batch_size)
        self._start_epoch()

    def set_regularization(self, kind: str, rate: float) -> None:
        self.config = replace(self.config, regularization=kind, reg_rate=rate)
        self.network.regularization, self.network.reg_rate = kind, rate

    @property
    def n_train(self) -> int:
        return len(self._X)

    @property
    def effective_batch_size(self) -> int:
        b = self.config.batch_size
        return self.n_train if b == 0 or b >= self.n_train else b

    # ------------------------------------------------------------------ running
    def _start_epoch(self) -> None:
        self._order = self._order_rng.permutation(self.n_train)
        self._pos = 0

    def _batch_for(self, n: int):
        b = self._batches.get(n)
        if b is None:
            b = self._batches[n] = self.network.batch(n)
        return b

    def next_batch(self) -> np.ndarray:
        """The indices of the training points the next step trains on (every point for a full batch)."""
        size = self.effective_batch_size
        if size == self.n_train:
            return np.arange(self.n_train)
        return self._order[self._pos : self._pos + size].copy()

    def run_steps(self, n_steps: int) -> int:
        """Run up to ``n_steps`` gradient steps (fewer if training diverges); return how many ran (none without
        training points)."""
        if self.diverged or self.n_train == 0:
            return 0
        net, lr, size = self.network, self.config.lr, self.effective_batch_size
        full = size == self.n_train
        if full and self._full is None:
            self._full = net.batch(size).load(self._X, self._Y)  # loaded once: the data never changes
        done = 0
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            while done < n_steps:
                if full:
                    loss = net.train_batch(self._full, lr)
                    self._pos = self.n_train
                else:
                    idx = self._order[self._pos : self._pos + size]
                    loss = net.train_batch(self._batch_for(len(idx)).gather(self._X, self._Y, idx), lr)
                    self._pos += len(idx)
                done += 1
                self.step_count += 1
                if not math.isfinite(loss):
                    self._diverge()
                    break
                if self._pos >= self.n_train:
                    self.epoch += 1
                    self._start_epoch()
                    if not self._record():
                        break
                if self.step_count == self._next_record:
                    self._keep_record()
        return done

    def run_for(self, seconds: float, max_steps: int = 1_000_000_000) -> int:
        """Run steps for about ``seconds`` of wall time (checked every few steps); return the count."""
        deadline = time.perf_counter() + seconds
        chunk, done = 8, 0
        while done < max_steps and not self.diverged:
            ran = self.run_steps(min(chunk, max_steps - done))
            done += ran
            if ran == 0 or time.perf_counter() >= deadline:
                break
        return done

    def run_epochs(self, n_epochs: int) -> None:
        """Finish the current epoch and run ``n_epochs - 1`` more (stops early on divergence)."""
        if n_epochs < 1:
            return
        size = self.effective_batch_size
        steps = -(-(self.n_train - self._pos) // size) + (n_epochs - 1) * -(-self.n_train // size)
        self.run_steps(steps)

    def _record(self) -> bool:
        """Evaluate and append to the history; on a non-finite loss mark divergence and return False."""
        train, test = self._losses()
        params = self.network.get_parameters()
        if self.n_train == 0:  # no points: nothing to measure (the history goes on when points come)
            self._last_good = (params, self.step_count, self.epoch)
            return True
        test_ok = math.isfinite(test) or len(self._Xt) == 0  # without a test set its loss is NaN by design
        if not (math.isfinite(train) and test_ok and np.isfinite(params).all()):
            self._diverge()
            return False
        self.history.append(self.epoch, self.step_count, train, test)
        self._last_good = (params, self.step_count, self.epoch)
        self._measured = (self.step_count, train, test)
        return True

    def _diverge(self) -> None:
        """Keep the last finite state: the parameters of the last recorded epoch."""
        self.diverged = True
        params, self.step_count, self.epoch = self._last_good
        self.network.set_parameters(params)
        if self._recording:  # the steps after it are undone: the state fallen back to is the latest
            self._pending = [row for row in self._pending if row[0] < self.step_count]
            self._next_record = -1
            self._keep_record(at_grid=False)

    # ------------------------------------------------------------------ the rewindable history
    def _restart_records(self) -> None:
        """A new run (reset) or a restored state: its first row is the state now, with no gradient yet."""
        if not self._recording:
            return
        self._capacity = history_capacity(self.network.get_parameters().size)
        self._pending, self._coarser = [], 1
        self._next_record = -1
        self._keep_record(at_grid=False, gradient=False)

    def _keep_record(self, at_grid: bool = True, gradient: bool = True) -> None:
        """Record the state now (a step of the grid, or off it: set by hand, restored, fallen back to)."""
        if not self._recording:
            return
        net, step = self.network, self.step_count
        measured_step, train, test = self._measured
        if measured_step != step:
            train = test = math.nan
        params = net.get_parameters()
        # The Network's flat gradient vector has get_parameters's layout: one copy instead of 2 per layer
        grads = net._grad.copy() if gradient and step > 0 else np.full_like(params, np.nan)
        self._pending.append((step, self.epoch, train, test, params, grads))
        if len(self._pending) > self._capacity // self.PENDING_SHARE + 32:  # not taken for long: a coarser grid
            self._coarser *= 2
            first, *rest = self._pending
            self._pending = [first, *(row for row in rest if row[0] % self._coarser == 0 or row is rest[-1])]
        if at_grid or step >= self._next_record:
            self._next_record = next_record_step(step + 1, self._capacity, self._coarser)

    def take_records(self) -> StepRows | None:
        """The rows recorded since the last call (None if there are none); they leave the Trainer."""
        if not self._pending:
            return None
        rows, self._pending, self._coarser = self._pending, [], 1
        return StepRows(np.array([r[0] for r in rows], dtype=np.int64), np.array([r[1] for r in rows], np.int64),
                        np.array([(r[2], r[3]) for r in rows], dtype=np.float64),
                        np.stack([r[4] for r in rows]), np.stack([r[5] for r in rows]))

    # ------------------------------------------------------------------ measuring
    def _losses(self) -> tuple[float, float]:
        net = self.network
        if self.n_train == 0:
            return float("nan"), float("nan")
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            train = net.loss_value(self._X, self._Y)
            test = net.loss_value(self._Xt, self._Yt) if len(self._Xt) else float("nan")  # NaN: no test set
        return train, test

    def _accuracy(self, features: np.ndarray, y: np.ndarray) -> float:
        if len(features) == 0 or self.config.is_regression:  # NaN: no points, or no classes to be right about
            return float("nan")
        return float(np.mean(predicted_classes(self.network.predict(features)) == y))

    def predict_labels(self, X: np.ndarray) -> np.ndarray:
        """Class labels of points (n, 2): 0/1 by P(blue) > 0.5, or the most probable of K classes
        (classification only)."""
        if self.config.is_regression:
            raise ValueError(f"{self.config.dataset.name} is a regression data set: it has no labels to predict "
                             "(the network's output is the predicted value)")
        return predicted_classes(self.network.predict(make_features(X, self.config.features)))

    def evaluate(self) -> dict:
        """Losses and accuracies of the current network (accuracies NaN for regression or without test set)."""
        train, test = self._losses()
        return {
            "train_loss": train,
            "test_loss": test,
            "train_accuracy": self._accuracy(self._X, self.data.y_train),
            "test_accuracy": self._accuracy(self._Xt, self.data.y_test),
        }

    def snapshot(self, records: bool = False) -> Snapshot:
        """The current state, with the whole (bounded) loss history; ``records``: with the steps recorded since
        the last call (``take_records``: they leave the Trainer)."""
        net = self.network
        dW, db = net.last_gradients()
        m = self.evaluate()
        return Snapshot(
            step=self.step_count,
            epoch=self.epoch,
            weights=tuple(w.copy() for w in net.weights),
            biases=tuple(b.copy() for b in net.biases),
            grad_weights=tuple(dW),
            grad_biases=tuple(db),
            train_loss=m["train_loss"],
            test_loss=m["test_loss"],
            train_accuracy=m["train_accuracy"],
            test_accuracy=m["test_accuracy"],
            history=self.history.arrays(),
            diverged=self.diverged,
            next_batch=self.next_batch(),
            records=self.take_records() if records else None,
        )

