"""The numbers of a :class:`DiagramState` as the network diagram writes and reads them (no Qt).

A parameter looked up by name (value, gradient or new value), 4 significant digits on the drawing, every digit
in tooltips and the editor, the label lines of a weight or bias, and the check of a value the user types.
"""

from __future__ import annotations

import math

import numpy as np

from bpviz.engine.naming import NetworkNames
from bpviz.gui import palette
from bpviz.gui.i18n import translate
from bpviz.models.diagram import DiagramState
from bpviz.quoting import quote_typed


def fmt4(value) -> str:
    """4 significant digits with a real minus sign; '—' for anything not finite."""
    v = float(value)
    if not math.isfinite(v):
        return "—"
    text = f"{abs(v):.4g}"
    return "−" + text if v < 0 else text


def exact(value) -> str:
    v = float(value)
    return repr(v) if math.isfinite(v) else "—"


def is_known(value) -> bool:
    return value is not None and math.isfinite(float(value))


def parse_value(text: str) -> tuple[float | None, str | None]:
    """(value, None) for a finite number, else (None, why it was refused)."""
    t = text.strip().replace("−", "-")
    if not t:
        return None, translate("DiagramValues", "Type a number, e.g. 0.25.")
    try:
        v = float(t)
    except ValueError:
        return None, translate("DiagramValues", "{typed} is not a number.").format(typed=quote_typed(t))
    if math.isnan(v):
        return None, translate("DiagramValues", "NaN is not allowed: type a finite number.")
    if math.isinf(v):
        return None, translate("DiagramValues", "{typed} is too large: the value must be finite.").format(
            typed=quote_typed(t))
    return v, None


def param_value(names: NetworkNames, s: DiagramState, name: str, which: str = "value"):
    """The value (or gradient, or new value) of a named parameter; None when unknown."""
    ref = names.params[name]
    if which == "value":
        arrays = s.weights if ref.kind == "w" else s.biases
    elif which == "grad":
        arrays = s.weight_grads if ref.kind == "w" else s.bias_grads
    else:
        arrays = s.new_weights if ref.kind == "w" else s.new_biases
    if arrays is None:
        return None
    arr = np.asarray(arrays[ref.layer])
    v = float(arr[ref.src, ref.dst] if ref.kind == "w" else arr.ravel()[ref.dst or 0])
    return v


def param_lines(names: NetworkNames, s: DiagramState, name: str, with_value=True) -> list[tuple[str, str, bool]]:
    """The (text, colour, bold) lines of a parameter's label: its value, then its gradient and new value once
    known."""
    lines = [(f"{name} = {fmt4(param_value(names, s, name))}", palette.TEXT, False)] if with_value else []
    g, n = param_value(names, s, name, "grad"), param_value(names, s, name, "new")
    if is_known(g):
        lines.append((f"∂E/∂{name} = {fmt4(g)}", palette.GRADIENT, False))
    if is_known(n):
        lines.append((f"{name}⁺ = {fmt4(n)}", palette.NEW_VALUE, True))
    return lines


__all__ = ["exact", "fmt4", "is_known", "param_lines", "param_value", "parse_value"]
