"""A backward pass with one term left out, for the gradient-check lesson (seed 004).

Seed 004 ends: numerical differentiation is how one verifies a hand-written backprop. A check that always
passes teaches little, so this module gives it something to catch. ``broken_gradients`` is the engine's own
layer-wise backward, rebuilt from the forward caches of ``Network.inspect`` (Saito's Affine layer: dW = Xᵀ·δ,
db = the column sums of δ, dX = δ·Wᵀ; then the activation: δ_below = dX ⊙ f'(net)), with one named term
dropped:

- ``activation_derivative``: the hidden deltas forget f'(net): δ = δ_next·Wᵀ. Only the output layer's
  gradients stay right (its delta comes from the loss, not from a hidden f').
- ``pre_activation``: dW multiplies δ by the layer below's net input instead of its output, as if the forward
  had cached the array before the activation. The first layer (its input is x itself) and every bias stay right.
- ``bias_gradient``: db takes the first sample's δ instead of the sum over the batch. Every weight stays right,
  and with a batch of one point (the worked example) so does every bias: a check on one point cannot see it.

Without a fault the result is bit for bit ``Network.gradients``: each product is formed as the engine forms it
(the layer's input with a column of ones appended, so that one product gives dW and db, the bias being the
weight of a constant input 1), and the shared biases and the regularisation term are added as the engine adds
them. A check of the broken backward then differs from a check of the real one exactly where the fault is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from bpviz.engine.gradcheck import GradCheckResult
from bpviz.engine.naming import NetworkNames, ParamRef
from bpviz.engine.network import Network
from bpviz.engine.phrases import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Fault:
    """A broken backward; its texts are phrases (bpviz.engine.phrases): the CLI prints their English, the gradient
    check page shows them in the window's language."""

    name: str
    title: str  # a few words, for a menu
    explanation: str  # one sentence: what the broken backward computes instead
    still_right: str  # one sentence: which gradients the fault cannot touch, and why
    invisible_when: str  # one sentence: when the fault changes nothing at all


FAULTS: dict[str, Fault] = {f.name: f for f in (
    Fault("activation_derivative", QT_TRANSLATE_NOOP("GradCheck", "Hidden deltas forget f′(net)"),
          QT_TRANSLATE_NOOP("GradCheck", "The hidden deltas leave out the activation's derivative: δ = δ_next·Wᵀ "
                                         "instead of (δ_next·Wᵀ) ⊙ f′(net)."),
          QT_TRANSLATE_NOOP("GradCheck", "The output layer's weights and biases still pass: their delta comes "
                                         "straight from the loss and never goes through a hidden f′(net)."),
          QT_TRANSLATE_NOOP("GradCheck", "With linear hidden neurons f′(net) = 1 (and with no hidden layer there is "
                                         "no hidden delta), so leaving it out changes nothing.")),
    Fault("pre_activation", QT_TRANSLATE_NOOP("GradCheck", "dW uses the net input, not the output"),
          QT_TRANSLATE_NOOP("GradCheck", "The weight gradient dW = aᵀ·δ is formed with the layer below's net input "
                                         "in place of its output a, as if the forward pass had cached the array "
                                         "before the activation."),
          QT_TRANSLATE_NOOP("GradCheck", "The first layer's weights still pass (their input is x itself), and so "
                                         "does every bias (its input is the constant 1)."),
          QT_TRANSLATE_NOOP("GradCheck", "With linear hidden neurons the net input is the output (and with no "
                                         "hidden layer every input is x), so nothing changes.")),
    Fault("bias_gradient", QT_TRANSLATE_NOOP("GradCheck", "Bias gradient forgets the batch sum"),
          QT_TRANSLATE_NOOP("GradCheck", "The bias gradient uses only the first sample's δ instead of summing δ "
                                         "over the batch."),
          QT_TRANSLATE_NOOP("GradCheck", "Every weight still passes: the fault only touches the biases."),
          QT_TRANSLATE_NOOP("GradCheck", "With a single point the sum over the batch is that point's δ, so nothing "
                                         "changes: a gradient check on one point cannot catch this bug. Check "
                                         "several points.")),
)}
FAULT_NAMES = tuple(FAULTS)


def get_fault(name: str | Fault | None) -> Fault | None:
    """The Fault called ``name`` (None or "" or "none": no fault)."""
    if name is None or isinstance(name, Fault):
        return name
    key = str(name).strip().lower().replace("-", "_")
    if key in ("", "none"):
        return None
    try:
        return FAULTS[key]
    except KeyError:
        raise ValueError(f"unknown fault {name!r} (choose from {', '.join(FAULT_NAMES)})") from None


def _affine_backward(inputs: np.ndarray, delta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """dW = inputsᵀ·δ and db = column sums of δ, in one product, as the engine forms them."""
    augmented = np.ones((inputs.shape[0], inputs.shape[1] + 1))
    augmented[:, :-1] = inputs
    both = np.dot(augmented.T, delta)
    return both[:-1].copy(), both[-1].copy()


def broken_gradients(net: Network, X, Y, fault: str | Fault | None = None) -> tuple[list, list]:
    """(dW, db) of the batch (X, Y) by the layer-wise backward with ``fault`` (a name of ``FAULTS``) left in;
    ``fault=None`` gives exactly ``net.gradients(X, Y)[1:]``. Changes nothing in ``net``."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # a diverged net's inf and NaN: the
        return _broken_gradients(net, X, Y, get_fault(fault))           # check says so in words, not NumPy


def _broken_gradients(net: Network, X, Y, fault: Fault | None) -> tuple[list, list]:
    kind = fault.name if fault else None
    p = net.inspect(X, Y)
    L = net.n_layers
    dW, db = [None] * L, [None] * L
    delta = p.deltas[-1]  # the loss's own output delta: the top of every backward
    for l in range(L - 1, -1, -1):
        if l == 0:
            below = p.inputs
        else:
            below = p.nets[l - 1] if kind == "pre_activation" else p.outs[l - 1]
        dW[l], db[l] = _affine_backward(below, delta)
        if kind == "bias_gradient":
            db[l] = delta[0].copy()
        if l:
            upstream = np.dot(delta, net.weights[l].T)  # ∂E/∂out of the layer below
            delta = upstream if kind == "activation_derivative" else upstream * p.derivs[l - 1]
    if net.shared_biases:  # one bias per layer feeds every neuron: its gradient is the sum over them
        db = [np.full(g.shape, g.sum()) for g in db]
    if net.regularization != "none" and net.reg_rate > 0.0:  # the penalty's gradient, on the weights only
        term = np.sign if net.regularization == "l1" else (lambda w: w)
        dW = [g + term(w) * net.reg_rate for g, w in zip(dW, net.weights)]
    return dW, db


def gradient_at(ref: ParamRef, dW, db) -> float:
    """The entry of (dW, db) that belongs to the parameter ``ref`` (a shared bias: its first entry)."""
    if ref.kind == "w":
        return float(dW[ref.layer][ref.src, ref.dst])
    return float(db[ref.layer][0 if ref.dst is None else ref.dst])


def changed_parameters(net: Network, X, Y, fault: str | Fault) -> list[str]:
    """Names of the parameters whose gradient ``fault`` changes on this batch, in network order."""
    _, dW, db = net.gradients(X, Y)
    bad_dW, bad_db = broken_gradients(net, X, Y, fault)
    refs = NetworkNames(net.sizes, net.shared_biases).params
    return [name for name, ref in refs.items() if gradient_at(ref, dW, db) != gradient_at(ref, bad_dW, bad_db)]


def with_analytic(result: GradCheckResult, net: Network, dW, db) -> GradCheckResult:
    """``result`` with other backprop gradients (dW, db) and the same numerical ones: what
    ``gradcheck(net, X, Y, analytic=(dW, db))`` gives, without differentiating the loss again."""
    refs = NetworkNames(net.sizes, net.shared_biases).params
    checks = tuple(replace(c, analytic=gradient_at(refs[c.name], dW, db)) for c in result.checks)
    return GradCheckResult(checks, result.n_parameters)


def name_ranges(names, order) -> str:
    """``names`` as runs of consecutive parameters of ``order``: "w5–w8, b2" (for messages)."""
    position = {name: i for i, name in enumerate(order)}
    indices = sorted(position[n] for n in names)
    runs, start = [], None
    for k, i in enumerate(indices):
        if start is None:
            start = i
        if k + 1 == len(indices) or indices[k + 1] != i + 1:
            first, last = order[start], order[i]
            runs.append(first if i == start else f"{first}, {last}" if i == start + 1 else f"{first}–{last}")
            start = None
    return ", ".join(runs)
