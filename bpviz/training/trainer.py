"""Training a network on a 2-D dataset in steps, and snapshots of it for the views.

Plain NumPy and the standard library (no Qt): the CLI, the tests and the GUI's worker thread share it. The
Trainer runs mini-batch gradient descent, evaluates the full train and test sets at the end of every epoch
(the loss history), stops on divergence keeping the last finite state, and makes immutable ``Snapshot``s.

The problem type follows the data set. Classification (labels 0/1): the loss picks the output layer
(``CLASSIFICATION_LOSSES``). Regression (``plane``, ``multi_gaussian``: a value in [-1, 1] per point): one linear
output neuron and the loss ``half_sse`` (mean ½(y − t)²), the only one offered (``REGRESSION_LOSSES``); a
classification loss on such data is refused. ``half_sse`` thus means a sigmoid output on classification data (as
in every session saved before regression existed) and a linear one on regression data. Accuracy means nothing
for regression: it is NaN there.
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass, field, replace

import numpy as np

from bpviz.engine import HIDDEN_ACTIVATIONS, Network
from bpviz.engine.checks import choice, is_whole, real_number, show, show_names, whole_number
from bpviz.engine.datasets import MAX_SAMPLES, MAX_SEED, DatasetSpec
from bpviz.engine.features import FEATURES, check_features, make_features
from bpviz.engine.naming import NetworkNames
from bpviz.training.history import History, HistoryArrays

#: losses offered for classification, and the output layer each implies
CLASSIFICATION_LOSSES = {"bce": ("sigmoid", 1), "half_sse": ("sigmoid", 1), "softmax_ce": ("softmax", 2)}
#: losses offered for regression, and the output layer each implies
REGRESSION_LOSSES = {"half_sse": ("linear", 1)}
#: losses offered for three or more classes: a softmax output of K neurons
MULTICLASS_LOSSES = {"softmax_ce": ("softmax", None)}
LOSS_WORDS = {"bce": "cross-entropy", "half_sse": "squared error", "softmax_ce": "softmax cross-entropy"}
REGULARIZATIONS = ("none", "l1", "l2")

# What a TrainConfig may hold besides its DatasetSpec (whose limits are in bpviz.engine.datasets): the one
# statement of these limits. The playground's controls read them, and a session is checked against them, so that
# every configuration that passes can be shown by the controls. A rate may be any finite number from MIN_RATE (a
# combo box shows an odd loaded value as an extra item, but reads a rate within 1e-15 of 0 as 0).
MAX_LAYERS, MAX_WIDTH = 6, 16  # hidden layers, neurons per hidden layer
MAX_BATCH_SIZE = MAX_SAMPLES  # a batch of the whole training set at most (0 also means the whole set)
MIN_RATE = 1e-12  # the smallest learning rate, and regularization rate other than 0


@dataclass(frozen=True)
class TrainConfig:
    dataset: DatasetSpec = field(default_factory=DatasetSpec)
    hidden: tuple[int, ...] = (4, 4)
    activation: str = "tanh"
    loss: str = "bce"
    lr: float = 0.03
    batch_size: int = 10  # 1 = stochastic; >= the training set (or 0) = full batch
    regularization: str = "none"
    reg_rate: float = 0.0
    seed: int = 1  # initial weights and the order of the mini-batches
    features: tuple[str, ...] = ("x1", "x2")  # the network's inputs, computed from each point (x1, x2)

    def __post_init__(self):
        if not isinstance(self.dataset, DatasetSpec):
            raise ValueError(f"the data set must be a DatasetSpec, got {show(self.dataset)}")
        object.__setattr__(self, "hidden", _check_hidden(self.hidden))
        object.__setattr__(self, "features", _check_feature_names(self.features))
        choice("activation", self.activation, HIDDEN_ACTIVATIONS)
        choice("loss", self.loss, CLASSIFICATION_LOSSES)
        if self.dataset.n_classes > 2 and self.loss not in MULTICLASS_LOSSES:
            raise ValueError(f"{self.dataset.n_classes} classes need a softmax output: use the loss "
                             f"{', '.join(MULTICLASS_LOSSES)} ({LOSS_WORDS['softmax_ce']}), not {self.loss}")
        if self.is_regression and self.loss not in REGRESSION_LOSSES:
            raise ValueError(f"loss {self.loss} ({LOSS_WORDS[self.loss]}) is for classification, but "
                             f"{self.dataset.name} is a regression data set (a value per point, not a class): "
                             f"use {', '.join(REGRESSION_LOSSES)} (squared error with a linear output)")
        real_number("learning rate", self.lr, low=MIN_RATE)
        if not (is_whole(self.batch_size) and 0 <= self.batch_size <= MAX_BATCH_SIZE):
            raise ValueError(f"batch size must be a whole number from 1 to {MAX_BATCH_SIZE} (0 = full batch), "
                             f"got {show(self.batch_size)}")
        object.__setattr__(self, "batch_size", int(self.batch_size))
        choice("regularization", self.regularization, REGULARIZATIONS)
        if real_number("regularization rate", self.reg_rate, low=0.0) != 0.0 and self.reg_rate < MIN_RATE:
            raise ValueError(f"regularization rate must be 0 or at least {MIN_RATE:g}, got {show(self.reg_rate)}")
        object.__setattr__(self, "seed", whole_number("seed", self.seed, 0, MAX_SEED))

    @property
    def is_regression(self) -> bool:
        """The data set's points carry values to predict: a linear output, no accuracy."""
        return self.dataset.is_regression

    @property
    def n_classes(self) -> int:
        """K, the number of classes (0 for regression)."""
        return self.dataset.n_classes

    @property
    def losses(self) -> dict:
        """The losses that fit this problem type, each with the output layer it implies."""
        if self.is_regression:
            return REGRESSION_LOSSES
        return MULTICLASS_LOSSES if self.n_classes > 2 else CLASSIFICATION_LOSSES

    @property
    def n_outputs(self) -> int:
        """One output, or one per class for a softmax."""
        return self.n_classes if self.output == "softmax" else 1

    @property
    def sizes(self) -> tuple[int, ...]:
        return (len(self.features), *self.hidden, self.n_outputs)

    @property
    def output(self) -> str:
        return self.losses[self.loss][0]

    def for_data(self, dataset: DatasetSpec) -> TrainConfig:
        """These settings over other data, the loss changed only where it cannot stay: softmax cross-entropy for
        three classes or more, squared error for values, cross-entropy when classes replace values."""
        loss = self.loss
        if dataset.is_regression:
            loss = next(iter(REGRESSION_LOSSES))
        elif dataset.n_classes > 2 and loss not in MULTICLASS_LOSSES:
            loss = next(iter(MULTICLASS_LOSSES))
        elif self.is_regression:
            loss = "bce"
        return replace(self, dataset=dataset, loss=loss)

    def make_network(self) -> Network:
        """The network this configuration trains, with the initial weights of its seed."""
        return Network(self.sizes, hidden=self.activation, output=self.output, loss=self.loss, seed=self.seed,
                       regularization=self.regularization, reg_rate=self.reg_rate)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["dataset"] = self.dataset.to_dict()
        d["hidden"] = list(self.hidden)
        d["features"] = list(self.features)
        return d

    @classmethod
    def from_dict(cls, data: dict) -> TrainConfig:
        if not isinstance(data, dict):
            raise ValueError("the training configuration must be a JSON object")
        unknown = [key for key in data if key not in cls.__dataclass_fields__]
        if unknown:
            raise ValueError(f"unknown configuration key(s): {show_names(unknown)}")
        data = dict(data)
        if "dataset" in data:
            data["dataset"] = DatasetSpec.from_dict(data["dataset"])
        for key in ("hidden", "features"):
            if key in data:
                if not isinstance(data[key], list):
                    raise ValueError(f"{key} must be a list")
                data[key] = tuple(data[key])
        return cls(**data)


def _check_hidden(hidden) -> tuple[int, ...]:
    if isinstance(hidden, (str, dict)) or not hasattr(hidden, "__iter__"):
        raise ValueError(f"hidden layers must be a list of neuron counts, got {show(hidden)}")
    hidden = tuple(hidden)
    if len(hidden) > MAX_LAYERS or not all(is_whole(h) and 1 <= h <= MAX_WIDTH for h in hidden):
        raise ValueError(f"hidden layers: at most {MAX_LAYERS} layers of 1 to {MAX_WIDTH} neurons, "
                         f"got {show(list(hidden))}")
    return tuple(int(h) for h in hidden)


def _check_feature_names(features) -> tuple[str, ...]:
    """Names of FEATURES, each once; a refusal quotes at most a few short values."""
    if isinstance(features, (str, dict)) or not hasattr(features, "__iter__"):
        raise ValueError(f"features must be a list of names, got {show(features)}")
    features = tuple(features)
    unknown = [f for f in features if not (isinstance(f, str) and f in FEATURES)]
    if unknown:
        raise ValueError(f"unknown feature(s) {show_names(unknown)} (choose from {', '.join(FEATURES)})")
    return check_features(features)


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
    """Mini-batch gradient descent of ``config`` on its dataset, run in steps or time slices."""

    def __init__(self, config: TrainConfig):
        self.config = config
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

    def restore(self, weights, biases, step: int, epoch: int, history: HistoryArrays) -> None:
        """Continue from a saved state (a session): these parameters, counts and loss history."""
        self.reset()
        self.network.weights, self.network.biases = weights, biases
        self.step_count, self.epoch = int(step), int(epoch)
        self.history.restore(history)
        self._last_good = (self.network.get_parameters(), self.step_count, self.epoch)

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

    def set_parameters(self, weights, biases) -> None:
        """Set every weight and bias (a pass stepped by hand applies its update so, or takes it back). Training
        goes on from there; it is the state a divergence falls back to. ValueError for a wrong shape or a number
        that is not finite (nothing changes then)."""
        if not all(np.isfinite(np.asarray(a, dtype=np.float64)).all() for a in (*weights, *biases)):
            raise ValueError("every weight and bias must be a finite number")
        self.network.weights, self.network.biases = weights, biases
        self._last_good = (self.network.get_parameters(), self.step_count, self.epoch)

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
        return True

    def _diverge(self) -> None:
        """Keep the last finite state: the parameters of the last recorded epoch."""
        self.diverged = True
        params, self.step_count, self.epoch = self._last_good
        self.network.set_parameters(params)

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

    def snapshot(self) -> Snapshot:
        """The current state, with the whole (bounded) loss history."""
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
        )

