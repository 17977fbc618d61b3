"""Parameter trajectories: how weights, biases, their gradients and the loss move while a network trains.

Two parts, NumPy and the standard library only:

- ``run_neuron_modes``: seed 001's single neuron (3 inputs, one output, ½·squared error) trained on its task
  ("if the first feature is 1 the expected output is 1; the other two do not matter") three ways from the
  same initial weights: ``batch`` (every sample in each step), ``mini-batch`` (``batch_size`` samples per step)
  and ``stochastic`` (one sample per step). Both shuffled modes visit the samples in the same order: one
  permutation per epoch from ``default_rng([seed, 1])``. Every step is the engine's own ``Network.step``.
- ``TrajectoryRecorder``: per-parameter series from a stream of snapshots of any network (the playground's
  frames), in bounded memory, for live plots.

What a ``Trajectory`` holds, entry k = 0 .. S (entry 0 is the start, entry k the state after step k):
``params[k]`` (w1, w2, w3, b), ``grads[k]`` the gradient that step k applied (computed before it, on that
step's samples; NaN at k = 0: no step yet), ``loss[k]`` the loss on the WHOLE training set after step k
(so the three modes are measured alike), and ``epoch[k]`` = samples used so far / training-set size (a
fractional epoch: the modes share this x axis). The loss is the engine's ``half_sse``, the mean over samples
of ½(a − y)²; the article writes the mean squared error without the ½, which only doubles the gradient
(the same as doubling the learning rate).

The article's neuron has no activation function (a = wᵀx + b), so ``linear`` is the default: it learns
w1 → 1 and w2, w3, b → 0. With ``sigmoid`` (the article's later section) the best fit lies at infinity:
w1 keeps growing and b turns negative (σ(b) → 0 for x1 = 0, σ(w1 + b) → 1 for x1 = 1).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from bpviz.engine.datasets import one_neuron_data
from bpviz.engine.naming import NetworkNames
from bpviz.engine.presets import single_neuron
from bpviz.engine.thinning import ThinnedSeries

MODES = ("batch", "mini-batch", "stochastic")
MODE_TITLES = {"batch": "Batch", "mini-batch": "Mini-batch", "stochastic": "Stochastic"}
NEURON_PARAMS = ("w1", "w2", "w3", "b")
NEURON_ACTIVATIONS = ("linear", "sigmoid", "tanh", "relu")
MAX_STEPS = 1_000_000  # stochastic steps: ~20 s and ~80 MB of trajectory; beyond, minutes and gigabytes


@dataclass(frozen=True)
class NeuronRunConfig:
    """Settings of the three-mode run; invalid values raise ValueError with a sentence a user can act on."""

    epochs: int = 40
    lr: float = 0.05  # the article: "usually around 0.05"
    batch_size: int = 10  # the mini-batch mode's; batch and stochastic use n_samples and 1
    n_samples: int = 100
    seed: int = 0  # initial weights, the data and the sample order
    activation: str = "linear"

    def __post_init__(self):
        for name, low in (("epochs", 1), ("batch_size", 1), ("n_samples", 1), ("seed", 0)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
                raise ValueError(f"{name.replace('_', ' ')} must be a whole number >= {low}, got {value!r}")
            object.__setattr__(self, name, int(value))
        lr = self.lr
        if isinstance(lr, bool) or not isinstance(lr, (int, float, np.floating)) or not math.isfinite(lr) or lr <= 0:
            raise ValueError(f"the learning rate must be a finite number > 0, got {lr!r}")
        object.__setattr__(self, "lr", float(lr))
        if self.activation not in NEURON_ACTIVATIONS:
            raise ValueError(f"unknown activation {self.activation!r} (choose from {', '.join(NEURON_ACTIVATIONS)})")
        if self.n_samples * self.epochs > MAX_STEPS:
            raise ValueError(f"{self.epochs} epochs of {self.n_samples} samples make {self.n_samples * self.epochs:,} "
                             f"stochastic steps; at most {MAX_STEPS:,} are allowed")

    def samples_per_step(self, mode: str) -> int:
        if mode == "batch":
            return self.n_samples
        if mode == "mini-batch":
            return min(self.batch_size, self.n_samples)
        if mode == "stochastic":
            return 1
        raise ValueError(f"unknown mode {mode!r} (choose from {', '.join(MODES)})")

    def steps_per_epoch(self, mode: str) -> int:
        return -(-self.n_samples // self.samples_per_step(mode))

    def total_steps(self) -> int:
        """Steps of all three modes together (what a run costs)."""
        return sum(self.steps_per_epoch(m) for m in MODES) * self.epochs


@dataclass(frozen=True, eq=False)
class Trajectory:
    """One mode's run; see the module docstring for what entry k means."""

    mode: str
    samples_per_step: int
    steps: np.ndarray  # (S+1,) int64: 0, 1, ..., S
    epoch: np.ndarray  # (S+1,) samples used / training-set size
    params: np.ndarray  # (S+1, 4) w1 w2 w3 b
    grads: np.ndarray  # (S+1, 4) ∂L/∂w1 ∂L/∂w2 ∂L/∂w3 ∂L/∂b of the step (row 0 NaN)
    loss: np.ndarray  # (S+1,) half_sse on the whole training set
    orders: np.ndarray  # (epochs, n) the sample order of each epoch
    diverged_at: int | None = None  # the step whose loss or parameters stopped being finite (not recorded)

    def values(self, name: str) -> np.ndarray:
        return self.params[:, _column(name)]

    def gradients(self, name: str) -> np.ndarray:
        return self.grads[:, _column(name)]

    @property
    def final(self) -> dict:
        """The last recorded w1, w2, w3, b and loss."""
        out = {n: float(v) for n, v in zip(NEURON_PARAMS, self.params[-1])}
        out["loss"] = float(self.loss[-1])
        return out

    def to_dict(self) -> dict:
        """JSON-ready: lists of numbers; the first gradients (no step yet) are None."""
        def grads(j):
            return [None, *self.grads[1:, j].tolist()]

        out = {"samples_per_step": self.samples_per_step, "steps": self.steps.tolist(), "epoch": self.epoch.tolist()}
        out.update((n, self.params[:, j].tolist()) for j, n in enumerate(NEURON_PARAMS))
        out.update((f"grad_{n}", grads(j)) for j, n in enumerate(NEURON_PARAMS))
        out["loss"] = self.loss.tolist()
        out["diverged_at_step"] = self.diverged_at
        return out


def _column(name: str) -> int:
    try:
        return NEURON_PARAMS.index(name)
    except ValueError:
        raise ValueError(f"unknown parameter {name!r} (choose from {', '.join(NEURON_PARAMS)})") from None


@dataclass(frozen=True, eq=False)
class NeuronRuns:
    config: NeuronRunConfig
    X: np.ndarray  # (n, 3) the training samples
    Y: np.ndarray  # (n, 1) their targets (= the first feature)
    initial: np.ndarray  # (4,) the shared starting w1 w2 w3 b
    runs: dict  # mode -> Trajectory, in MODES order

    def __getitem__(self, mode: str) -> Trajectory:
        return self.runs[mode]


def neuron_state(net) -> np.ndarray:
    """(w1, w2, w3, b) of a single-neuron Network."""
    return np.array([*net.weights[0][:, 0], net.biases[0][0]])


class RunCancelled(Exception):
    """The progress callback asked to stop."""


def train_trajectory(net, X: np.ndarray, Y: np.ndarray, lr: float, epochs: int, samples_per_step: int,
                     order_rng: np.random.Generator | None, mode: str = "", after_epoch=None) -> Trajectory:
    """Train ``net`` (a 3-1 Network, changed in place) for ``epochs`` passes over (X, Y), ``samples_per_step``
    samples per step, recording every step. ``order_rng`` shuffles the samples at each epoch (None: in order);
    the last step of an epoch takes the samples left over. Stops at the first non-finite loss or parameter.
    ``after_epoch(steps_done)``, if given, is called after every epoch; a false result raises RunCancelled."""
    if tuple(net.sizes) != (3, 1):
        raise ValueError(f"train_trajectory records a 3-1 neuron, got a {'-'.join(map(str, net.sizes))} network")
    n = len(X)
    size = min(samples_per_step, n)
    per_epoch = -(-n // size)
    total = per_epoch * epochs
    steps = np.arange(total + 1, dtype=np.int64)
    epoch = np.empty(total + 1)
    params = np.empty((total + 1, 4))
    grads = np.full((total + 1, 4), np.nan)
    loss = np.empty(total + 1)
    orders = np.empty((epochs, n), dtype=np.int64)
    epoch[0], params[0] = 0.0, _flat_state(net)
    k, diverged = 0, None
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for e in range(epochs):
            order = orders[e] = order_rng.permutation(n) if order_rng is not None else np.arange(n)
            for start in range(0, n, size):
                if size == n and order_rng is None:  # the whole set as it is: no copy of the rows
                    net.step(X, Y, lr)
                else:
                    idx = order[start : start + size]
                    net.step(X[idx], Y[idx], lr)
                state = _flat_state(net)
                if not np.isfinite(state).all():
                    diverged = k + 1
                    break
                k += 1
                epoch[k], params[k] = e + min(start + size, n) / n, state
                dW, db = net.last_gradients()
                grads[k, :3], grads[k, 3] = dW[0][:, 0], db[0][0]
            if diverged is not None:
                break
            if after_epoch is not None and not after_epoch(k):
                raise RunCancelled(f"stopped after epoch {e + 1} of the {mode or 'custom'} run")
        loss = whole_set_loss(net, X, Y, params[: k + 1])
    bad = np.flatnonzero(~np.isfinite(loss))
    if len(bad):  # finite parameters, but the loss overflowed (e.g. a huge linear output squared)
        k, diverged = int(bad[0]) - 1, int(bad[0])
    keep = k + 1
    return Trajectory(mode, size, steps[:keep], epoch[:keep], params[:keep], grads[:keep], loss[:keep],
                      orders if diverged is None else orders[: (diverged - 1) // per_epoch + 1], diverged)


def _flat_state(net) -> np.ndarray:
    # A 3-1 network's parameter vector is exactly (w1, w2, w3, b): one block of (n_in + 1) rows, bias last.
    return net.get_parameters()


def whole_set_loss(net, X: np.ndarray, Y: np.ndarray, states: np.ndarray, chunk: int = 8192) -> np.ndarray:
    """The loss of a single-neuron ``net`` on all of (X, Y) at each row (w1, w2, w3, b) of ``states``, with the
    network's own activation and loss functions, many states per NumPy call (one state per column)."""
    out = np.empty(len(states))
    act, loss, scale = net.output, net.loss, net.loss.scale(len(X))
    for s in range(0, len(states), chunk):
        block = states[s : s + chunk]
        z = X @ block[:, :3].T + block[:, 3]  # (n, states)
        a = np.empty_like(z)
        act.forward(z, a)
        out[s : s + chunk] = loss.terms(a, Y, z).sum(axis=0) * scale
    return out


def run_neuron_modes(config: NeuronRunConfig | None = None, progress=None) -> NeuronRuns:
    """The three modes of seed 001's neuron from the same initial weights on the same data.

    ``progress(done, total)`` (steps of all modes), if given, is called after every epoch of every mode, as a
    long run goes (Orange-style: plain code with a callback); a false result stops it with RunCancelled."""
    c = config or NeuronRunConfig()
    X, Y = one_neuron_data(c.n_samples, c.seed)
    start = single_neuron(c.activation, c.seed)
    runs, done, total = {}, 0, c.total_steps()
    for mode in MODES:
        net = start.copy()
        rng = None if mode == "batch" else np.random.default_rng([c.seed, 1])
        report = None if progress is None else (lambda k, before=done: progress(before + k, total))
        runs[mode] = train_trajectory(net, X, Y, c.lr, c.epochs, c.samples_per_step(mode), rng, mode, report)
        done += c.steps_per_epoch(mode) * c.epochs
    return NeuronRuns(c, X, Y, neuron_state(start), runs)


# ---------------------------------------------------------------------- live recording of any network
RECORDER_BUDGET = 4_000_000  # floats held by a recorder (values and gradients): 32 MB at most
RECORDER_CAPACITY = (256, 8192)  # entries kept, whatever the budget says


class TrajectoryRecorder:
    """Per-parameter series (step, value, gradient) from snapshots of a network, in bounded memory.

    ``add`` takes one snapshot: the step count and the network's weights, biases and the gradients of its last
    step (as bpviz.training.Snapshot holds them). Parameters are named as everywhere in the app
    (``NetworkNames``: w1, w2, ..., b_h1, ...); ``names`` selects which to record (default: all).

    The snapshots go into a ThinnedSeries keyed by the step (bpviz.engine.thinning): at most ``capacity`` kept,
    evenly thinned however long training runs, the latest always last; a snapshot at the step already held
    replaces it (a paused run sends frames of the same step), one at an earlier step drops what followed (a
    diverged run went back to its last finite state). At step 0 there is no gradient yet: NaN.
    """

    def __init__(self, sizes, shared_biases: bool = False, names=None, capacity: int | None = None):
        self.network_names = NetworkNames(sizes, shared_biases)
        every = list(self.network_names.params)
        if names is None:
            names = every
        unknown = [n for n in names if n not in self.network_names.params]
        if unknown:
            raise ValueError(f"unknown parameter(s) {', '.join(unknown)} of a {'-'.join(map(str, sizes))} network")
        self.names = tuple(names)
        self._index = np.array([every.index(n) for n in self.names], dtype=np.intp)
        self._row = {n: i for i, n in enumerate(self.names)}
        self._n_all = len(every)
        if capacity is None:
            low, high = RECORDER_CAPACITY
            capacity = min(max(RECORDER_BUDGET // (2 * max(len(self.names), 1)), low), high)
        self._series = ThinnedSeries(2 * len(self.names), capacity)  # values, then gradients
        self.capacity = self._series.capacity

    def clear(self) -> None:
        self._series.clear()

    def __len__(self) -> int:
        return len(self._series)

    @property
    def stride(self) -> int:
        return self._series.stride

    @property
    def version(self) -> int:
        """Changes whenever the series change."""
        return self._series.version

    @property
    def last_step(self) -> int | None:
        return self._series.last_key

    def _flatten(self, weights, biases) -> np.ndarray:
        """All parameters in NetworkNames order: per layer, per destination neuron, per source; then biases."""
        parts = [np.asarray(w, dtype=np.float64).T.ravel() for w in weights]
        if self.network_names.shared_biases:
            parts += [np.asarray(b, dtype=np.float64).ravel()[:1] for b in biases]
        else:
            parts += [np.asarray(b, dtype=np.float64).ravel() for b in biases]
        flat = np.concatenate(parts)
        if flat.shape != (self._n_all,):
            raise ValueError(f"expected the parameters of a {'-'.join(map(str, self.network_names.sizes))} "
                             f"network ({self._n_all} values), got {flat.size}")
        return flat

    def add(self, step: int, weights, biases, grad_weights, grad_biases) -> None:
        step = int(step)
        values = self._flatten(weights, biases)[self._index]
        grads = self._flatten(grad_weights, grad_biases)[self._index] if step > 0 else np.nan
        row = np.empty(2 * len(self.names))
        row[: len(self.names)], row[len(self.names):] = values, grads
        self._series.add(step, row)

    def add_snapshot(self, snapshot) -> None:
        """``add`` from anything with step, weights, biases, grad_weights and grad_biases (a Snapshot)."""
        self.add(snapshot.step, snapshot.weights, snapshot.biases, snapshot.grad_weights, snapshot.grad_biases)

    def steps(self) -> np.ndarray:
        return self._series.keys()

    def values(self, name: str) -> np.ndarray:
        return self._series.column(self._series_row(name))

    def gradients(self, name: str) -> np.ndarray:
        return self._series.column(len(self.names) + self._series_row(name))

    def series(self, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(steps, values, gradients) of one parameter, as copies."""
        return self.steps(), self.values(name), self.gradients(name)

    def _series_row(self, name: str) -> int:
        try:
            return self._row[name]
        except KeyError:
            raise KeyError(f"{name!r} is not recorded (recorded: {', '.join(self.names)})") from None


# ---------------------------------------------------------------------- a run's rewindable history
HISTORY_BUDGET = 40_000_000  # bytes held by a run's rewindable history (bpviz.models.rewind.RunRecord); with the
# rows on their way from the Trainer (at most 1/16 of it, twice: waiting, then handed over) < 50 MB in all
HISTORY_CAPACITY = (256, 16384)  # entries kept, whatever the budget says (the slider's positions)


def history_row_bytes(n_params: int) -> int:
    """Bytes of one recorded step: the step and epoch (int64), the train and test loss, every parameter and its
    gradient (float64)."""
    return 8 * (4 + 2 * int(n_params))


def history_capacity(n_params: int) -> int:
    """Entries a run's history keeps for a network of ``n_params`` weights and biases: as many as
    HISTORY_BUDGET allows, within HISTORY_CAPACITY. The largest playground network, 2-16x6-1 (1,425
    parameters: 22,832 bytes a step), keeps 1,749 steps on the grid (plus the run's start and the latest): 1,751
    rows, 39.98 MB; a 2-4-4-1 network (41 parameters) keeps 16,384 (+ 2): 11.3 MB."""
    low, high = HISTORY_CAPACITY
    return int(min(max(HISTORY_BUDGET // history_row_bytes(n_params) - 2, low), high))  # - 2: row 0, the latest


def record_stride(step: int, capacity: int) -> int:
    """The spacing of the recorded steps once training has reached ``step``: the smallest power of two whose
    multiples up to ``step`` number at most ``capacity`` (1 for the first ``capacity`` steps, then 2, 4, ...).
    Steps 0 .. 10^6 thus fit in ``capacity`` entries, evenly spread, every step of the start kept."""
    return 1 << max(0, (int(step) // int(capacity)).bit_length())


def next_record_step(step: int, capacity: int, at_least: int = 1) -> int:
    """The first step >= ``step`` on the grid of recorded steps (a multiple of its own ``record_stride``, and of
    ``at_least``, a power of two: a coarser grid while rows wait too long to be taken)."""
    step = int(step)
    stride = max(record_stride(step, capacity), at_least)
    while True:
        candidate = -(-step // stride) * stride
        wider = max(record_stride(candidate, capacity), at_least)
        if wider == stride:
            return candidate
        stride = wider


@dataclass(frozen=True, eq=False)
class StepRows:
    """Recorded steps of a training run, oldest first, as the Trainer hands them over (copies): for row k the
    step, the epoch, the train and test loss (NaN where not measured: only at the end of an epoch), and the
    network's whole parameter vector and gradient vector (bpviz.engine.Network.get_parameters's layout: per
    layer an (n_in + 1, n_out) block, the biases its last row; the gradient NaN where none is known: step 0, a
    restored state)."""

    steps: np.ndarray  # (k,) int64
    epochs: np.ndarray  # (k,) int64
    losses: np.ndarray  # (k, 2) train, test
    params: np.ndarray  # (k, P)
    grads: np.ndarray  # (k, P)

    def __len__(self) -> int:
        return len(self.steps)
