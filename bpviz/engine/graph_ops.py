"""The operations of a scalar computation graph: how each computes, how it is written, and its local derivative
d(out)/d(input) as a formula, the formula with the numbers put in, and a value (used by ``compgraph``).

Numbers in the texts have 6 significant digits and a typographic minus; negative numbers inside a product or a
quotient are bracketed: ``1·(−0.5)``, but ``exp(−1)``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

MINUS = "\u2212"


class GraphError(ValueError):
    """A graph that cannot be built or evaluated (log of a non-positive number, division by zero, overflow);
    ``node`` names the node at fault (None when the graph itself is malformed)."""

    def __init__(self, message: str, node: str | None = None):
        super().__init__(message)
        self.node = node


def format_number(value: float, digits: int = 6) -> str:
    """``value`` with ``digits`` significant digits and a typographic minus, e.g. −0.196612."""
    text = f"{float(value):.{digits}g}"
    if text == "-0":
        text = "0"
    # only the leading sign: an exponent keeps its ASCII "-", so formula.to_html still reads 1e-05 as a number
    return MINUS + text[1:] if text.startswith("-") else text


def num(value: float) -> str:
    """A number inside a formula: negative numbers in brackets, so ``1 · (−0.5)`` reads right."""
    text = format_number(value)
    return f"({text})" if text.startswith(MINUS) else text


# ---------------------------------------------------------------------------------------------------- operations
@dataclass(frozen=True)
class _Op:
    """How one kind of node computes and differentiates. ``label`` is drawn in the node; ``formula`` writes
    ``out = ...`` with the input names; ``local`` gives (formula text, numbers text, value) per input slot."""

    label: Callable[[float | None], str]
    arity: tuple[int, int]  # least and most inputs (most = 0: any number)
    forward: Callable[[Sequence[float], float | None], float]
    formula: Callable[[Sequence[str], float | None], str]
    local: Callable[[int, Sequence[str], Sequence[float], float | None, float], tuple[str, str, float]]


def _add_local(k, names, vals, c, out):
    return f"∂({' + '.join(names)})/∂{names[k]} = 1", "1", 1.0


def _sub_local(k, names, vals, c, out):
    sign = 1.0 if k == 0 else -1.0
    text = "1" if k == 0 else f"{MINUS}1"
    return f"∂({names[0]} {MINUS} {names[1]})/∂{names[k]} = {text}", text, sign


def _mul_local(k, names, vals, c, out):
    other = 1 - k
    return f"∂({names[0]}·{names[1]})/∂{names[k]} = {names[other]}", format_number(vals[other]), vals[other]


def _div_local(k, names, vals, c, out):
    a, b = names
    if k == 0:
        return f"∂({a}/{b})/∂{a} = 1/{b}", f"1/{num(vals[1])}", 1.0 / vals[1]
    # −(a/b)/b, not −a/(b·b): b·b underflows to 0 for |b| < 1e-162 even where the derivative is a fine number
    return (f"∂({a}/{b})/∂{b} = {MINUS}{a}/{b}²", f"{MINUS}{num(vals[0])}/{num(vals[1])}²",
            -(vals[0] / vals[1]) / vals[1])


def _scale_local(k, names, vals, c, out):
    return f"∂({format_number(c)}·{names[0]})/∂{names[0]} = {format_number(c)}", format_number(c), c


def _shift_local(k, names, vals, c, out):
    return f"∂({names[0]} + {num(c)})/∂{names[0]} = 1", "1", 1.0


def _exp_local(k, names, vals, c, out):
    return f"∂exp({names[0]})/∂{names[0]} = exp({names[0]})", f"exp({format_number(vals[0])})", out


def _log_local(k, names, vals, c, out):
    return f"∂log({names[0]})/∂{names[0]} = 1/{names[0]}", f"1/{num(vals[0])}", 1.0 / vals[0]


def _recip_local(k, names, vals, c, out):
    return (f"∂(1/{names[0]})/∂{names[0]} = {MINUS}1/{names[0]}²", f"{MINUS}1/{num(vals[0])}²",
            -(1.0 / vals[0]) / vals[0])  # as in _div_local: no x·x to underflow


def _scale_label(c):
    return f"×{num(c)}"


def _shift_label(c):
    return f"+{format_number(c)}" if c >= 0 else format_number(c)


OPS: dict[str, _Op] = {
    "add": _Op(lambda c: "+", (2, 0), lambda v, c: math.fsum(v), lambda n, c: " + ".join(n), _add_local),
    "sub": _Op(lambda c: MINUS, (2, 2), lambda v, c: v[0] - v[1], lambda n, c: f"{n[0]} {MINUS} {n[1]}",
               _sub_local),
    "mul": _Op(lambda c: "×", (2, 2), lambda v, c: v[0] * v[1], lambda n, c: f"{n[0]}·{n[1]}", _mul_local),
    "div": _Op(lambda c: "÷", (2, 2), lambda v, c: v[0] / v[1], lambda n, c: f"{n[0]}/{n[1]}", _div_local),
    "scale": _Op(_scale_label, (1, 1), lambda v, c: c * v[0], lambda n, c: f"{format_number(c)}·{n[0]}",
                 _scale_local),
    "shift": _Op(_shift_label, (1, 1), lambda v, c: v[0] + c, lambda n, c: f"{n[0]} + {num(c)}", _shift_local),
    "exp": _Op(lambda c: "exp", (1, 1), lambda v, c: math.exp(v[0]), lambda n, c: f"exp({n[0]})", _exp_local),
    "log": _Op(lambda c: "log", (1, 1), lambda v, c: math.log(v[0]), lambda n, c: f"log({n[0]})", _log_local),
    "recip": _Op(lambda c: "1/x", (1, 1), lambda v, c: 1.0 / v[0], lambda n, c: f"1/{n[0]}", _recip_local),
}
LEAF_OPS = ("input", "constant")


def underflows(op: str, vals: Sequence[float], param: float | None, out: float) -> bool:
    """Whether ``out`` is 0 only because the exact result is too small for a float64 (exp(−800), 1e-200·1e-200,
    1e-300/1e300): sums and differences of floats are exact near 0, so only these operations underflow."""
    if out != 0.0:
        return False
    if op == "exp":
        return True
    if op == "mul":
        return all(v != 0.0 for v in vals)
    if op == "scale":
        return vals[0] != 0.0 and param != 0.0
    if op == "div":
        return vals[0] != 0.0
    return False


def check_forward(node, vals: Sequence[float], underflowed: Collection[str] = ()) -> None:
    """Refuse what has no value (log of x ≤ 0, x/0): in words, naming the node. ``underflowed`` names the
    nodes whose 0 stands for a number too small for a float64, so that the refusal can say so."""
    if node.op not in ("log", "recip", "div"):
        return
    slot = 1 if node.op == "div" else 0
    x, source = vals[slot], node.inputs[slot]
    because = (f": {source} underflowed to 0 (its exact value is too small for a float64)"
               if x == 0 and source in underflowed else "")
    if node.op == "log" and x <= 0:
        reason = because or ": the logarithm needs a positive number"
        raise GraphError(f"node {node.name}: log({format_number(x)}) is undefined{reason}", node.name)
    if node.op != "log" and x == 0:
        what = "1/0" if node.op == "recip" else f"{format_number(vals[0])}/0"
        raise GraphError(f"node {node.name}: division by zero ({what}){because}", node.name)
