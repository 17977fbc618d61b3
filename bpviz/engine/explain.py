"""Why a gradient has its value: the chain of steps of a trace that make ∂E/∂w, and ``bpviz explain``'s record.

``gradient_chain(trace, "w5")`` lists the steps the gradient of w5 is computed from, back to the loss: the
gradient itself (a·δ), the δ of the neuron w5 feeds, that neuron's ∂E/∂out and ∂out/∂net, the δ of every
neuron above it that they read, down to the output's ∂E/∂out; and the forward values they multiply (the
source's out, each neuron's out). Each is a step of the trace, so the window can jump to it.
"""

from __future__ import annotations

import numpy as np

from bpviz.engine.network import Network
from bpviz.engine.trace import NOT_YET, Trace, trace_pass

#: the kinds of step whose dependencies the chain follows (a forward value ends the chain: it is a given factor)
_FOLLOWED = ("grad_param", "delta", "grad_out", "deriv")


def _dependencies(trace: Trace, position: int) -> list[tuple[str, int, tuple[int, ...]]]:
    """The array elements step ``position`` computes its value from, as (array, layer, index)."""
    step, L = trace.steps[position], trace.names.n_layers
    where, kind = step.where, step.kind
    layer = where.layer
    if kind == "grad_param":
        if where.array in ("dW", "db") and step.phase == "batch":  # the batch's mean of the samples' own
            return [("sample_" + where.array, layer, where.index)]
        width = trace.names.sizes[layer + 1]
        if where.array.endswith("dW"):
            i, j = where.index
            source = [("outs", layer - 1, (i,))] if layer > 0 else []
            return [("deltas", layer, (j,)), *source]
        fed = range(width) if where.index is None else where.index
        return [("deltas", layer, (j,)) for j in fed]
    if kind == "delta":
        (j,) = where.index
        if trace.known_from["outs_grad"][layer][j] == NOT_YET:  # a fused loss: δ = out − t
            return [("outs", layer, (j,))]
        if trace.known_from["derivs"][layer][j] == NOT_YET:  # softmax: every ∂E/∂out of the layer
            return [("outs_grad", layer, (k,)) for k in range(trace.names.sizes[layer + 1])] + [("outs", layer, (j,))]
        return [("outs_grad", layer, (j,)), ("derivs", layer, (j,))]
    if kind == "grad_out":
        (j,) = where.index
        if layer == L - 1:
            return [("outs", layer, (j,))]
        return [("deltas", layer + 1, (k,)) for k in range(trace.names.sizes[layer + 2])]
    if kind == "deriv":
        return [("outs", layer, where.index)]
    return []


def gradient_chain(trace: Trace, param: str) -> tuple[int, ...]:
    """The positions of the steps that make the gradient of ``param`` (``w5``, ``b_h1``), the gradient's own
    step first, then the others from the last computed to the first. KeyError for a name the trace has no
    gradient of (a bias that stays fixed)."""
    names = [s.name for s in trace.steps]
    wanted = f"dE/d{param}"
    if wanted not in names:
        raise KeyError(f"this pass has no gradient of {param!r}")
    start = names.index(wanted)
    # Each element's own step (a wide layer's vector step computes it first, but the chain is of neurons)
    own: dict[tuple, int] = {}
    for position, step in enumerate(trace.steps):
        if step.where.index is not None:
            own.setdefault((step.where.array, step.where.layer, step.where.index), position)
    seen, todo = {start}, [start]
    while todo:
        position = todo.pop()
        if trace.steps[position].kind not in _FOLLOWED or trace.steps[position].values:
            continue
        for array, layer, index in _dependencies(trace, position):
            first = own.get((array, layer, index), int(trace.known_from[array][layer][index]))
            if first != NOT_YET and first not in seen:
                seen.add(first)
                todo.append(first)
    return (start, *sorted(seen - {start}, reverse=True))


def _number(value: float) -> float | None:
    """A value for JSON: a float, or None where it is not a finite number (JSON has no inf or NaN)."""
    value = float(value)
    return value if np.isfinite(value) else None


def _matrix(array) -> list:
    return np.vectorize(_number, otypes=[object])(np.asarray(array, dtype=np.float64)).tolist()


def explain_record(net: Network, x, t, lr: float) -> dict:
    """``bpviz explain --json``'s object: the network, the sample (inputs after the features are computed), its
    loss and gradients (this one sample's loss, with the regularisation term when on) and every step of its
    pass. Weights are lists of rows, (inputs of the layer) × (outputs); numbers that are not finite are null."""
    trace = trace_pass(net, x, t, lr)
    return {
        "network": {"sizes": list(net.sizes), "weights": [_matrix(w) for w in net.weights],
                    "biases": [_matrix(b) for b in net.biases]},
        "x": _matrix(trace.inputs), "target": _matrix(trace.targets),
        "loss": _number(trace.arrays["loss"][0]),
        "gradients": {"weights": [_matrix(g) for g in trace.arrays["dW"]],
                      "biases": [_matrix(g) for g in trace.arrays["db"]]},
        "steps": [{"name": s.name, "formula": s.formula, "numbers": s.numbers,
                   "value": [_number(v) for v in s.values] if s.values else _number(s.value)} for s in trace.steps],
    }
