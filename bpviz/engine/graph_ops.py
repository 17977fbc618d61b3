"""The operations of a scalar computation graph: how each computes, how it is written, and its local derivative
d(out)/d(input) as a formula, the formula with the numbers put in, and a value (used by ``compgraph``).

Numbers in the texts have 6 significant digits and a typographic minus; negative numbers inside a product or a
quotient are bracketed: ``1·(−0.5)``, but ``exp(−1)``.

The functions and their local derivatives:

- ``tanh``: 1 − tanh(x)²; ``sigmoid`` (σ): σ(x)·(1 − σ(x)), computed without overflow for any x;
- ``relu``: 1 if x > 0 else 0, as micrograd's ``(out.data > 0)``: at exactly 0 the derivative is 0 (the network
  engine follows the NumPy seed instead, which lets the gradient through at 0);
- ``exp``: exp(x); ``log`` (natural): 1/x, x > 0 only; ``sqrt``: 1/(2·√x): sqrt(0) = 0 but its derivative is
  infinite, which is refused in words naming the node; ``abs``: sign(x), 0 at x = 0;
- ``pow`` (``a ** n``, n a number written in the text, kept as the node's parameter): n·a^(n−1); a negative
  base with a fractional exponent and 0 to a negative power are refused in words; 0 ** n with 0 < n < 1 has an
  infinite derivative and is refused too;
- ``pow_var`` (``a ** b``, b computed by the graph): a^b = exp(b·ln a), so only for a > 0; ∂/∂a = b·a^(b−1),
  ∂/∂b = a^b·ln a.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from bpviz.engine.phrases import QT_TRANSLATE_NOOP

MINUS = "\u2212"


class Undefined(ArithmeticError):
    """Raised by a local derivative that has no finite value, with the reason in words (compgraph adds the
    node's name)."""


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


def _tanh_local(k, names, vals, c, out):
    return (f"∂tanh({names[0]})/∂{names[0]} = 1 {MINUS} tanh({names[0]})²", f"1 {MINUS} {num(out)}²",
            1.0 - out * out)


def _sigmoid_local(k, names, vals, c, out):
    return (f"∂σ({names[0]})/∂{names[0]} = σ({names[0]})·(1 {MINUS} σ({names[0]}))",
            f"{num(out)}·(1 {MINUS} {num(out)})", out * (1.0 - out))


def _relu_local(k, names, vals, c, out):
    x = vals[0]
    why = f"{format_number(x)} > 0" if x > 0 else f"{format_number(x)} ≤ 0"
    formula = QT_TRANSLATE_NOOP("GraphFormula", "∂relu({x})/∂{x} = 1 if {x} > 0 else 0").format(x=names[0])
    return formula, f"{1 if x > 0 else 0} ({why})", 1.0 if x > 0 else 0.0


def _sqrt_local(k, names, vals, c, out):
    if out == 0.0:
        raise Undefined(QT_TRANSLATE_NOOP("GraphError", "sqrt is not differentiable at {x} = {value}: its "
                                                        "derivative 1/(2·√{x}) is infinite").format(
            x=names[0], value=format_number(vals[0])))
    return f"∂sqrt({names[0]})/∂{names[0]} = 1/(2·sqrt({names[0]}))", f"1/(2·{format_number(out)})", \
        1.0 / (2.0 * out)


def _abs_local(k, names, vals, c, out):
    x = vals[0]
    sign = 1.0 if x > 0 else -1.0 if x < 0 else 0.0
    return f"∂|{names[0]}|/∂{names[0]} = sign({names[0]})", f"sign({format_number(x)})", sign


def _exponent(n: float) -> str:
    """The exponent after ``^``: ``2``, ``(−1)``, ``0.5``."""
    return num(n)


def _pow_local(k, names, vals, c, out):
    a, n = vals[0], c
    base = names[0]
    formula = f"∂({base}^{_exponent(n)})/∂{base} = "
    if n == 0:
        return formula + "0", "0", 0.0
    if n == 1:
        return formula + "1", "1", 1.0
    if a == 0 and n < 1:
        raise Undefined(QT_TRANSLATE_NOOP("GraphError", "{base}^{n} is not differentiable at {base} = 0: its "
                                                        "derivative {factor}·{base}^{m} is infinite").format(
            base=base, n=_exponent(n), factor=format_number(n), m=_exponent(n - 1)))
    if n == 2:
        return formula + f"2·{base}", f"2·{num(a)}", 2.0 * a
    return (formula + f"{format_number(n)}·{base}^{_exponent(n - 1)}",
            f"{format_number(n)}·{num(a)}^{_exponent(n - 1)}", n * _power(a, n - 1))


def _pow_var_local(k, names, vals, c, out):
    a, b = vals
    if k == 0:
        return (f"∂({names[0]}^{names[1]})/∂{names[0]} = {names[1]}·{names[0]}^({names[1]} {MINUS} 1)",
                f"{num(b)}·{num(a)}^({num(b)} {MINUS} 1)", b * _power(a, b - 1.0))
    return (f"∂({names[0]}^{names[1]})/∂{names[1]} = {names[0]}^{names[1]}·log({names[0]})",
            f"{num(a)}^{num(b)}·log({format_number(a)})", out * math.log(a))


def _power(a: float, n: float) -> float:
    """a ** n for a real result (a > 0, or n an integer), inf when it overflows."""
    try:
        return a ** n
    except OverflowError:
        return math.inf
    except ZeroDivisionError:  # 0 ** negative
        return math.inf


def _pow_forward(v, c):
    return _power(v[0], c)


_SUPERSCRIPTS = str.maketrans("0123456789" + MINUS, "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _pow_label(c):
    text = format_number(c)
    return f"x{text.translate(_SUPERSCRIPTS)}" if float(c).is_integer() and len(text) <= 3 else f"x^{text}"


def _recip_local(k, names, vals, c, out):
    return (f"∂(1/{names[0]})/∂{names[0]} = {MINUS}1/{names[0]}²", f"{MINUS}1/{num(vals[0])}²",
            -(1.0 / vals[0]) / vals[0])  # as in _div_local: no x·x to underflow


def _sigmoid(x: float) -> float:
    """1/(1 + exp(−x)) without overflow: exp(x)/(1 + exp(x)) for x < 0 (0 once exp(x) underflows)."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


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
    "tanh": _Op(lambda c: "tanh", (1, 1), lambda v, c: math.tanh(v[0]), lambda n, c: f"tanh({n[0]})",
                _tanh_local),
    "sigmoid": _Op(lambda c: "σ", (1, 1), lambda v, c: _sigmoid(v[0]), lambda n, c: f"σ({n[0]})",
                   _sigmoid_local),
    "relu": _Op(lambda c: "relu", (1, 1), lambda v, c: max(v[0], 0.0), lambda n, c: f"relu({n[0]})",
                _relu_local),
    "sqrt": _Op(lambda c: "√", (1, 1), lambda v, c: math.sqrt(v[0]), lambda n, c: f"sqrt({n[0]})", _sqrt_local),
    "abs": _Op(lambda c: "|x|", (1, 1), lambda v, c: abs(v[0]), lambda n, c: f"|{n[0]}|", _abs_local),
    "pow": _Op(_pow_label, (1, 1), _pow_forward, lambda n, c: f"{n[0]}^{_exponent(c)}", _pow_local),
    "pow_var": _Op(lambda c: "xʸ", (2, 2), lambda v, c: _power(v[0], v[1]), lambda n, c: f"{n[0]}^{n[1]}",
                   _pow_var_local),
}
#: operations written as a function of one argument, whose numbers are not bracketed: exp(−1), tanh(−2)
FUNCTION_OPS = ("exp", "log", "tanh", "sigmoid", "relu", "sqrt", "abs")
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
    if op in ("pow", "pow_var"):  # 1e-200 ** 2, but not 0 ** 2
        return vals[0] != 0.0
    if op == "sigmoid":  # σ(−800)
        return True
    return False


def check_forward(node, vals: Sequence[float], underflowed: Collection[str] = ()) -> None:
    """Refuse what has no value (log of x ≤ 0, x/0): in words, naming the node. ``underflowed`` names the
    nodes whose 0 stands for a number too small for a float64, so that the refusal can say so."""
    if node.op in ("sqrt", "pow", "pow_var"):
        _check_root_or_power(node, vals, underflowed)
        return
    if node.op not in ("log", "recip", "div"):
        return
    slot = 1 if node.op == "div" else 0
    x, source = vals[slot], node.inputs[slot]
    because = _underflowed(source) if x == 0 and source in underflowed else None
    if node.op == "log" and x <= 0:
        reason = because or QT_TRANSLATE_NOOP("GraphError", "the logarithm needs a positive number")
        raise GraphError(QT_TRANSLATE_NOOP("GraphError", "node {node}: log({x}) is undefined: {reason}").format(
            node=node.name, x=format_number(x), reason=reason), node.name)
    if node.op != "log" and x == 0:
        what = "1/0" if node.op == "recip" else f"{format_number(vals[0])}/0"
        raise GraphError(_division_by_zero(node.name, what, because), node.name)


def _underflowed(source: str) -> str:
    return QT_TRANSLATE_NOOP("GraphError", "{source} underflowed to 0 (its exact value is too small for a "
                                           "float64)").format(source=source)


def _division_by_zero(node: str, what: str, because: str | None) -> str:
    if because:
        return QT_TRANSLATE_NOOP("GraphError", "node {node}: division by zero ({what}): {reason}").format(
            node=node, what=what, reason=because)
    return QT_TRANSLATE_NOOP("GraphError", "node {node}: division by zero ({what})").format(node=node, what=what)


def _check_root_or_power(node, vals: Sequence[float], underflowed: Collection[str]) -> None:
    a, source = vals[0], node.inputs[0]
    because = _underflowed(source) if a == 0 and source in underflowed else None
    if node.op == "sqrt" and a < 0:
        raise GraphError(QT_TRANSLATE_NOOP("GraphError", "node {node}: sqrt({x}) is undefined: the square root "
                                                         "needs a number ≥ 0").format(node=node.name,
                                                                                      x=format_number(a)), node.name)
    if node.op == "pow":
        n = node.param
        if a < 0 and not float(n).is_integer():
            raise GraphError(QT_TRANSLATE_NOOP("GraphError", "node {node}: {a}^{n} is undefined: a negative number "
                                                             "has no real power {power} (only whole-number "
                                                             "powers)").format(node=node.name, a=num(a), n=num(n),
                                                                               power=format_number(n)), node.name)
        if a == 0 and n < 0:
            raise GraphError(_division_by_zero(node.name, f"0^{num(n)} = 1/0^{format_number(-n)}", because),
                             node.name)
    if node.op == "pow_var" and a <= 0:
        reason = because or QT_TRANSLATE_NOOP("GraphError", "a power whose exponent is computed ({exponent}) needs "
                                                            "a positive base, as it is exp({exponent}·log({base}))"
                                              ).format(exponent=node.inputs[1], base=source)
        raise GraphError(QT_TRANSLATE_NOOP("GraphError", "node {node}: {a}^{b} is refused: {reason}").format(
            node=node.name, a=num(a), b=num(vals[1]), reason=reason), node.name)
