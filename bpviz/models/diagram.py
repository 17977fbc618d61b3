"""What the network diagram shows, as plain immutable data (no Qt): the diagram draws a DiagramState and
computes nothing. ``from_trace`` says what is known at a given step of a pass; ``from_parameters`` shows a
network without a pass (the playground's live weights and gradients).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from bpviz.engine.naming import NetworkNames
from bpviz.engine.trace import ERROR, Trace

#: labels of the per-neuron quantities, in the order they appear under a neuron
NEURON_QUANTITIES = (("net", "net"), ("out", "out"), ("grad_out", "∂E/∂out"), ("deriv", "∂out/∂net"), ("delta", "δ"))


@dataclass(frozen=True)
class DiagramState:
    """A snapshot of a small network for the diagram.

    Element ids are the engine's names (``i1``, ``h1``, ``o1``, ``w5``, ``b1`` or ``b_h1``, ``t1``, ``E``).
    ``weight_grads``/``bias_grads`` are None until known; so are ``new_weights``/``new_biases`` (after an
    update step). ``neuron_values[id]`` lists (label, value) pairs known so far. ``reads``/``writes`` are the
    elements the current step uses and produces (highlighted)."""

    sizes: tuple[int, ...]
    shared_biases: bool
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    weight_grads: tuple[np.ndarray, ...] | None = None
    bias_grads: tuple[np.ndarray, ...] | None = None
    new_weights: tuple[np.ndarray, ...] | None = None
    new_biases: tuple[np.ndarray, ...] | None = None
    neuron_values: dict = field(default_factory=dict)
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


def from_trace(trace: Trace, position: int, weights, biases, inputs, targets) -> DiagramState:
    """The diagram after steps 0..position of ``trace`` (position -1: before the first step).

    ``weights``/``biases`` are the pass's starting parameters; known quantities accumulate: forward values
    on neurons, ∂E/∂out and δ in the backward phase, ∂E/∂w on edges, new weights after the update."""
    names = trace.names
    nan_like = [np.full(np.shape(w), np.nan) for w in weights]
    nan_like_b = [np.full(np.shape(b), np.nan) for b in biases]
    grads_w, grads_b = [g.copy() for g in nan_like], [g.copy() for g in nan_like_b]
    new_w, new_b = [g.copy() for g in nan_like], [g.copy() for g in nan_like_b]
    any_grad = any_new = False
    values: dict[str, list] = {}
    error = None
    refs = names.params
    for step in trace.steps[: position + 1]:
        if step.kind in ("net", "out", "grad_out", "deriv", "delta"):
            values.setdefault(step.target, []).append((step.kind, step.value))
        elif step.kind == "error" and step.name == "E_total":
            error = step.value
        elif step.kind in ("grad_param", "update"):
            ref = refs[step.target]
            w_arr, b_arr = (grads_w, grads_b) if step.kind == "grad_param" else (new_w, new_b)
            if ref.kind == "w":
                w_arr[ref.layer][ref.src, ref.dst] = step.value
            elif ref.dst is None:
                b_arr[ref.layer][:] = step.value
            else:
                b_arr[ref.layer][ref.dst] = step.value
            any_grad |= step.kind == "grad_param"
            any_new |= step.kind == "update"
    current = trace.steps[position] if position >= 0 else None
    return DiagramState(
        sizes=names.sizes, shared_biases=names.shared_biases,
        weights=tuple(np.array(w, dtype=float) for w in weights),
        biases=tuple(np.array(b, dtype=float) for b in biases),
        weight_grads=tuple(grads_w) if any_grad else None,
        bias_grads=tuple(grads_b) if any_grad else None,
        new_weights=tuple(new_w) if any_new else None,
        new_biases=tuple(new_b) if any_new else None,
        neuron_values={k: tuple(v) for k, v in values.items()},
        input_values=tuple(float(x) for x in np.ravel(inputs)),
        targets=tuple(float(t) for t in np.ravel(targets)),
        error=error,
        reads=frozenset(current.reads) if current else frozenset(),
        writes=frozenset(current.writes) if current else frozenset(),
        editable=True,
    )


__all__ = ["DiagramState", "ERROR", "NEURON_QUANTITIES", "from_parameters", "from_trace"]
