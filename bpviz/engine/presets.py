"""Ready-made networks of the seeds: the worked 2-2-2 example, the NumPy warm-up net, the single neuron."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

import numpy as np

from bpviz.engine.checks import real_number, show_names
from bpviz.engine.network import Network
from bpviz.engine.phrases import QT_TRANSLATE_NOOP

_PARAM_NAMES = ("i1", "i2", "t1", "t2", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2", "lr")


@dataclass(frozen=True)
class ExampleParams:
    """Starting numbers of the worked 2-2-2 example (defaults: the well-known published example).

    Weight names follow the example: w1 = i1→h1, w2 = i2→h1, w3 = i1→h2, w4 = i2→h2, w5 = h1→o1,
    w6 = h2→o1, w7 = h1→o2, w8 = h2→o2; b1 is the hidden layer's bias, b2 the output layer's."""

    i1: float = 0.05
    i2: float = 0.10
    t1: float = 0.01
    t2: float = 0.99
    w1: float = 0.15
    w2: float = 0.20
    w3: float = 0.25
    w4: float = 0.30
    w5: float = 0.40
    w6: float = 0.45
    w7: float = 0.50
    w8: float = 0.55
    b1: float = 0.35
    b2: float = 0.60
    lr: float = 0.5

    def __post_init__(self):
        # Any finite number, as the starting-number fields accept it (bpviz.gui.widgets.controls.params_editor)
        for f in fields(self):
            object.__setattr__(self, f.name, real_number(f.name, getattr(self, f.name)))
        if self.lr <= 0.0:
            raise ValueError(QT_TRANSLATE_NOOP("ExampleParams", "lr (the learning rate) must be > 0, got {lr:g}")
                             .format(lr=self.lr))

    @classmethod
    def from_dict(cls, data) -> ExampleParams:
        """Defaults overridden by any of i1 i2 t1 t2 w1..w8 b1 b2 lr; other keys are refused."""
        if not isinstance(data, dict):
            raise ValueError(QT_TRANSLATE_NOOP("ExampleParams", "expected a JSON object of parameters such as "
                                                                "{example}").format(example='{"w5": 0.4}'))
        unknown = [key for key in data if key not in _PARAM_NAMES]
        if unknown:
            raise ValueError(QT_TRANSLATE_NOOP("ExampleParams", "unknown parameter(s) {names} (allowed: {allowed})")
                             .format(names=show_names(unknown), allowed=" ".join(_PARAM_NAMES)))
        return replace(cls(), **data)

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def inputs(self) -> np.ndarray:
        return np.array([[self.i1, self.i2]])

    @property
    def targets(self) -> np.ndarray:
        return np.array([[self.t1, self.t2]])


def worked_example(params: ExampleParams | None = None, update_biases: bool = False) -> Network:
    """The 2-2-2 sigmoid network with ½·squared error, one shared bias per layer; biases stay fixed unless
    ``update_biases`` (as in the published example)."""
    p = params or ExampleParams()
    net = Network([2, 2, 2], hidden="sigmoid", output="sigmoid", loss="half_sse",
                  shared_biases=True, update_biases=update_biases)
    net.weights = [np.array([[p.w1, p.w3], [p.w2, p.w4]]), np.array([[p.w5, p.w7], [p.w6, p.w8]])]
    net.biases = [np.full(2, p.b1), np.full(2, p.b2)]
    return net


def with_weights(params: ExampleParams, weights, biases) -> ExampleParams:
    """``params`` with the worked example's weights and biases read from a 2-2-2 network's matrices: the inverse
    of ``worked_example`` (the w1..w8 ↔ W[l][i, j] mapping lives here only)."""
    (W1, W2), (B1, B2) = weights, biases
    return replace(params, w1=W1[0, 0], w2=W1[1, 0], w3=W1[0, 1], w4=W1[1, 1],
                   w5=W2[0, 0], w6=W2[1, 0], w7=W2[0, 1], w8=W2[1, 1], b1=B1[0], b2=B2[0])


WARMUP_SIZES = (1000, 100, 10)  # D_in, H, D_out of seed 000; its batch is N = 64
WARMUP_LR = 1e-6


def warmup_network(seed: int = 0) -> Network:
    """Seed 000's two-layer ReLU net: no biases (kept at 0), sum-of-squares loss, N(0, 1) weights."""
    return Network(WARMUP_SIZES, hidden="relu", output="linear", loss="sse", seed=seed,
                   init="normal", update_biases=False)


def single_neuron(activation: str = "sigmoid", seed: int = 0) -> Network:
    """Seed 001's neuron: 3 inputs, one output, ½·squared error (its 'first feature decides' task)."""
    return Network([3, 1], hidden="linear", output=activation, loss="half_sse", seed=seed)


@dataclass(frozen=True)
class ExampleRun:
    """``iterations`` full passes (forward, backward, update) of the worked example."""

    errors: np.ndarray  # E_total computed in each pass (before that pass's update)
    outputs: np.ndarray  # (out_o1, out_o2) of the last pass's forward
    network: Network  # after the last update

    @property
    def final_error(self) -> float:
        return float(self.errors[-1])


RUN_PROGRESS_EVERY = 500  # passes between two progress calls (~25 ms here: 100,000 passes take ~4.6 s)


def run_example(params: ExampleParams | None = None, iterations: int = 1, update_biases: bool = False,
                progress=None) -> ExampleRun:
    """Train the worked example for ``iterations`` passes, as a training loop that prints E_total would.

    ``progress(done, total)``, if given, is called every ``RUN_PROGRESS_EVERY`` passes and after the last (the
    window runs 100,000 passes in a worker thread and shows how far it is); an exception it raises stops the
    run and propagates."""
    if iterations < 1:
        raise ValueError(QT_TRANSLATE_NOOP("ExampleParams", "iterations must be at least 1, got {iterations}")
                         .format(iterations=iterations))
    p = params or ExampleParams()
    net = worked_example(p, update_biases)
    batch = net.batch(1).load(p.inputs, p.targets)
    errors = np.empty(iterations)
    for k in range(iterations):
        errors[k] = net.train_batch(batch, p.lr)
        if progress is not None and ((k + 1) % RUN_PROGRESS_EVERY == 0 or k + 1 == iterations):
            progress(k + 1, iterations)
    return ExampleRun(errors, batch.Y[0].copy(), net)
