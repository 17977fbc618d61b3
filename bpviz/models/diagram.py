"""What the network diagram shows, as plain immutable data (no Qt): the diagram draws a DiagramState and
computes nothing. ``from_trace`` says what is known at a given step of a pass (the trace's arrays, masked by the
step that computes each element); ``from_parameters`` shows a network without a pass (the playground's live
weights and gradients).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from bpviz.engine.naming import NetworkNames
from bpviz.engine.step import ERROR
from bpviz.engine.trace import Trace

#: labels of the per-neuron quantities, in the order they appear under a neuron
NEURON_QUANTITIES = (("net", "net"), ("out", "out"), ("grad_out", "∂E/∂out"), ("deriv", "∂out/∂net"), ("delta", "δ"))


@dataclass(frozen=True)
class DiagramState:
    """A snapshot of a small network for the diagram.

    Element ids are the engine's names (``i1``, ``h1``, ``o1``, ``w5``, ``b1`` or ``b_h1``, ``t1``, ``E``).
    ``weight_grads``/``bias_grads`` are None until known; so are ``new_weights``/``new_biases`` (after an
    update step); unknown entries are NaN. ``neuron_arrays[kind]`` holds one array per weight layer of each
    neuron's net, out, grad_out, deriv or delta (NaN until known); ``neuron_values[id]`` lists the (kind, value)
    pairs known of a neuron. ``reads``/``writes`` are the elements the current step uses and produces
    (highlighted)."""

    sizes: tuple[int, ...]
    shared_biases: bool
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    weight_grads: tuple[np.ndarray, ...] | None = None
    bias_grads: tuple[np.ndarray, ...] | None = None
    new_weights: tuple[np.ndarray, ...] | None = None
    new_biases: tuple[np.ndarray, ...] | None = None
    neuron_arrays: dict = field(default_factory=dict)
    input_values: tuple[float, ...] | None = None
    targets: tuple[float, ...] | None = None
    error: float | None = None
    reads: frozenset = frozenset()
    writes: frozenset = frozenset()
    #: the weights the user may edit by clicking (all, in the worked example)
    editable: bool = True
    #: per-neuron heat maps (playground): neuron id -> (r, r) float array in [-1, 1] of the neuron's output over
    #: the input plane (row 0 = bottom of the plane, column 0 = left), already normalised by the producer
    neuron_images: dict | None = None
    #: names shown for the input neurons instead of i1, i2 (the playground's features: x1, x2, x1², sin(x1)...)
    input_labels: tuple[str, ...] | None = None

    @property
    def names(self) -> NetworkNames:
        return NetworkNames(self.sizes, self.shared_biases)

    @cached_property
    def neuron_values(self) -> dict[str, tuple[tuple[str, float], ...]]:
        """Neuron id -> the (kind, value) pairs known, in the order of NEURON_QUANTITIES."""
        names, out = self.names, {}
        for kind, _label in NEURON_QUANTITIES:
            for layer, values in enumerate(self.neuron_arrays.get(kind, ())):
                for j, v in enumerate(values):
                    if np.isfinite(v):
                        out.setdefault(names.neuron(layer + 1, j), []).append((kind, float(v)))
        return {n: tuple(v) for n, v in out.items()}


def from_parameters(sizes, weights, biases, *, shared_biases=False, weight_grads=None, bias_grads=None,
                    editable=False, neuron_images=None, input_labels=None) -> DiagramState:
    return DiagramState(
        sizes=tuple(sizes), shared_biases=shared_biases,
        weights=tuple(np.array(w) for w in weights), biases=tuple(np.array(b) for b in biases),
        weight_grads=None if weight_grads is None else tuple(np.array(g) for g in weight_grads),
        bias_grads=None if bias_grads is None else tuple(np.array(g) for g in bias_grads),
        editable=editable, neuron_images=neuron_images,
        input_labels=None if input_labels is None else tuple(input_labels),
    )


def from_trace(trace: Trace, position: int) -> DiagramState:
    """The diagram after steps 0..position of ``trace`` (position -1: before the first step): the pass's
    starting parameters, and what the steps so far computed (forward values on neurons, ∂E/∂out and δ in the
    backward phase, ∂E/∂w on edges, new weights after the update)."""
    names = trace.names
    current = trace.steps[position] if position >= 0 else None
    known = trace.known
    error = float(trace.arrays["loss"][0]) if trace.any_known("loss", position) else None
    return DiagramState(
        sizes=names.sizes, shared_biases=names.shared_biases,
        weights=trace.arrays["W"], biases=trace.arrays["b"],
        weight_grads=known("dW", position) if trace.any_known("dW", position) else None,
        bias_grads=known("db", position) if trace.any_known("db", position) else None,
        new_weights=known("new_W", position) if trace.any_known("new_W", position) else None,
        new_biases=known("new_b", position) if trace.any_known("new_b", position) else None,
        neuron_arrays={kind: known(array, position) for kind, array in _NEURON_ARRAYS.items()},
        input_values=tuple(float(x) for x in trace.inputs),
        targets=tuple(float(t) for t in trace.targets),
        error=error,
        reads=frozenset(current.reads) if current else frozenset(),
        writes=frozenset(current.writes) if current else frozenset(),
        editable=True,
    )


_NEURON_ARRAYS = {"net": "nets", "out": "outs", "grad_out": "outs_grad", "deriv": "derivs", "delta": "deltas"}


__all__ = ["DiagramState", "ERROR", "NEURON_QUANTITIES", "from_parameters", "from_trace"]
