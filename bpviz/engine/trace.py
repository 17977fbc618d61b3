"""The named steps of one backprop pass, for the stepper and ``bpviz example``.

A trace is read off the engine: every value comes from ``Network.inspect`` (the same compiled pass that
trains) and the updated parameters from a real ``Network.step`` on a copy. This module only names, orders
and formats. Steps follow the published worked example: forward (net_h1, out_h1, ...), error (E_o1, ...,
E_total), backward (∂E/∂out, ∂out/∂net and δ of each neuron, then ∂E/∂w of the layer), update (w1+, ...).

The trace keeps the pass's arrays (``Trace.arrays``: per layer, one sample) and each step says where its value
sits in them (``Step.where``); ``Trace.known_from`` gives, for every element of every array, the first step that
computes it. What is known after step k is then a mask of the arrays (``known_from <= k``): the diagram shows a
pass part-way through without going back from names to positions.

The steps are written phase by phase in bpviz.engine.trace_phases; a step itself is bpviz.engine.step.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.engine.naming import NetworkNames
from bpviz.engine.network import Network
from bpviz.engine.phrases import QT_TRANSLATE_NOOP
from bpviz.engine.step import Step
from bpviz.engine.trace_phases import StepBuilder

PHASES = ("forward", "error", "backward", "batch", "update")
#: the arrays a trace keeps, per weight layer: the parameters, each neuron's quantities, the loss, the update
ARRAYS = ("W", "b", "nets", "outs", "outs_grad", "derivs", "deltas", "terms", "penalty", "loss", "dW", "db",
          "sample_dW", "sample_db", "sample_loss", "new_W", "new_b")
NOT_YET = np.iinfo(np.int64).max  # known_from of an element no step computes


@dataclass(frozen=True)
class Trace:
    steps: tuple[Step, ...]
    names: NetworkNames
    lr: float
    arrays: dict[str, tuple[np.ndarray, ...]]  # ARRAYS -> one array per weight layer (one sample)
    known_from: dict[str, tuple[np.ndarray, ...]]  # the same shapes: the index of the step that computes each
    inputs: np.ndarray  # the (first) sample's inputs and targets
    targets: np.ndarray
    batch_size: int = 1  # samples in the pass: the steps before the batch phase are those of the first

    def known(self, array: str, position: int) -> tuple[np.ndarray, ...]:
        """``arrays[array]`` as known after step ``position`` (-1: before the first): NaN where not yet."""
        return tuple(np.where(k <= position, a, np.nan) for a, k in zip(self.arrays[array], self.known_from[array]))

    def any_known(self, array: str, position: int) -> bool:
        return any(bool((k <= position).any()) for k in self.known_from[array])

    @property
    def quantities(self) -> dict[str, float]:
        return {s.name: s.value for s in self.steps}

    def index(self, name: str) -> int:
        for i, s in enumerate(self.steps):
            if s.name == name:
                return i
        raise KeyError(name)

    def __len__(self) -> int:
        return len(self.steps)

    def __getitem__(self, i) -> Step:
        return self.steps[i]


def trace_pass(net: Network, x, t, lr: float) -> Trace:
    """The steps of one forward/backward/update pass of ``net`` on one sample (x, t), or on a mini-batch.

    One sample: every neuron's quantities, the loss, every gradient, every update. A mini-batch (x of shape
    (N, n_in), N > 1): the first sample's pass in full (its own loss E1, its gradients ∂E1/∂w), then the batch
    phase (each parameter's gradient as the mean, or the sum for a summed loss, of the N per-sample gradients,
    plus the regularisation term), then the update the batch gives."""
    X = np.asarray(x, dtype=np.float64)
    T = np.asarray(t, dtype=np.float64)
    if X.ndim == 1:
        X = X.reshape(1, -1)
    if T.ndim == 1:
        T = T.reshape(1, -1) if len(X) == 1 else T.reshape(-1, 1)
    if X.ndim != 2 or T.ndim != 2 or len(X) < 1 or len(X) != len(T) or X.shape[1] != net.sizes[0] \
            or T.shape[1] != net.sizes[-1]:
        raise ValueError(QT_TRANSLATE_NOOP("Trace", "a trace needs samples of {n_in} inputs and {n_out} targets, as "
                                                    "many targets as inputs; got inputs {inputs} and targets {targets}")
                         .format(n_in=net.sizes[0], n_out=net.sizes[-1], inputs=X.shape, targets=T.shape))
    if not lr > 0:
        raise ValueError(QT_TRANSLATE_NOOP("Trace", "the learning rate must be > 0, got {lr}").format(lr=lr))
    names = NetworkNames(net.sizes, net.shared_biases)
    batch = len(X)
    single = net if batch == 1 else _without_penalty(net)  # a sample's own loss E1: no regularisation term
    p = single.inspect(X[:1], T[:1])
    after = net.copy()
    after.step(X, T, lr)
    b = StepBuilder(net, names, p, after, lr, batch)
    b.forward()
    b.error()
    b.backward()
    if batch > 1:
        b.batch_mean(*_per_sample_gradients(single, X, T), net.inspect(X, T))
    b.update()
    arrays = {
        "W": tuple(np.array(w) for w in net.weights), "b": tuple(np.array(v) for v in net.biases),
        "nets": tuple(z[0] for z in p.nets), "outs": tuple(a[0] for a in p.outs),
        "outs_grad": tuple(g[0] for g in p.outs_grad), "derivs": tuple(d[0] for d in p.derivs),
        "deltas": tuple(d[0] for d in p.deltas), "terms": (p.terms[0] * net.loss.scale(1),),
        "penalty": (np.array(b.penalty),), "loss": (np.array(b.total),),
        "dW": tuple(b.dW), "db": tuple(b.db),
        "sample_dW": tuple(p.dW), "sample_db": tuple(p.db), "sample_loss": (np.array(p.loss),),
        "new_W": tuple(np.array(w) for w in after.weights), "new_b": tuple(np.array(v) for v in after.biases),
    }
    known_from = {name: tuple(np.full(np.shape(a), NOT_YET, dtype=np.int64) for a in arrays[name])
                  for name in ARRAYS}
    known_from["W"] = tuple(np.full(np.shape(a), -1, dtype=np.int64) for a in arrays["W"])  # given, not computed
    known_from["b"] = tuple(np.full(np.shape(a), -1, dtype=np.int64) for a in arrays["b"])
    for position, step in reversed(list(enumerate(b.steps))):  # the first step that computes an element wins
        w = step.where
        known_from[w.array][w.layer][... if w.index is None else w.index] = position
    return Trace(tuple(b.steps), names, float(lr), arrays, known_from, p.inputs[0].copy(), p.targets[0].copy(),
                 batch)


def _without_penalty(net: Network) -> Network:
    clone = net.copy()
    clone.reg_rate = 0.0
    return clone


def _per_sample_gradients(net: Network, X: np.ndarray, T: np.ndarray):
    """Each sample's own gradients and loss (no regularisation term): arrays (N, *shape) per layer, and (N,)."""
    dW = [np.empty((len(X), *w.shape)) for w in net.weights]
    db = [np.empty((len(X), *v.shape)) for v in net.biases]
    losses = np.empty(len(X))
    for n in range(len(X)):
        losses[n], gw, gb = net.gradients(X[n : n + 1], T[n : n + 1])
        for l in range(net.n_layers):
            dW[l][n], db[l][n] = gw[l], gb[l]
    return dW, db, losses

