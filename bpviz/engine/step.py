"""One named step of a traced pass (``Step``; ``Where`` its value sits in the pass's arrays), its symbol, and how
numbers are written in its formula: the data the stepper, the diagram, the reports and ``bpviz example`` read.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "E"  # the element id of the error (the loss node)


@dataclass(frozen=True)
class Where:
    """The place of a step's value in the pass's arrays: ``Trace.arrays[array][layer][index]``. Neuron arrays
    are indexed by weight layer (layer l holds the neurons that layer l's weights feed); ``index`` None means
    the whole array (a bias shared by a layer, the loss)."""

    array: str
    layer: int
    index: tuple[int, ...] | None


@dataclass(frozen=True)
class Step:
    """One named quantity of the pass.

    ``kind`` says what it is (net, out, error, grad_out, deriv, delta, grad_param, update) and ``target``
    which element of the diagram it belongs to (a neuron, weight, bias name, or ``E``); ``reads``/``writes``
    list the elements the step uses and produces, for highlighting."""

    phase: str
    name: str
    kind: str
    target: str
    formula: str
    numbers: str
    value: float
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    where: Where
    note: str = ""  # a phrase (bpviz.engine.phrases), or ""
    #: a step of a whole layer at once (a wide layer's z = a·W + b, a = f(z), δ): its values, one per neuron; its
    #: ``value`` is then NaN
    values: tuple[float, ...] = ()

    @property
    def symbol(self) -> str:
        return display_name(self.name)

    @property
    def is_vector(self) -> bool:
        return bool(self.values)

    @property
    def result(self):
        """The value, or for a layer's step the list of its values (as JSON and the tables give them)."""
        return list(self.values) if self.values else self.value

    def to_dict(self) -> dict:
        return {
            "phase": self.phase,
            "name": self.name,
            "formula": self.formula,
            "numbers": self.numbers,
            "value": self.result,
            "reads": list(self.reads),
            "writes": list(self.writes),
        }


def display_name(name: str) -> str:
    """``delta_o1`` → ``δ_o1``, ``dE/dw5`` → ``∂E/∂w5``, ``w5+`` → ``w5⁺`` (subscripts stay as ``_x``)."""
    if name.startswith("delta_"):
        return "δ_" + name[len("delta_"):]
    if name.startswith("d") and "/d" in name:
        top, bottom = name.split("/d", 1)
        return "∂" + top[1:] + "/∂" + bottom
    if name.endswith("+"):
        return name[:-1] + "⁺"
    return name


MAX_LISTED = 6  # a layer's values or a batch's samples in a formula: the first ones, "…", the last


def shortened(items: list[str]) -> list[str]:
    """At most ``MAX_LISTED`` items: the first ones, "…", the last."""
    return items if len(items) <= MAX_LISTED else [*items[: MAX_LISTED - 2], "…", items[-1]]


def vector_text(values, number=None) -> str:
    """``[0.1, 0.2, …, 0.9]``: a layer's values, each as ``number`` makes it (9 significant digits)."""
    number = number or (lambda v: f"{v:.9g}")
    return "[" + ", ".join(shortened([number(v) for v in values])) + "]"


def value_text(step: Step) -> str:
    """A step's value as the tables print it: 9 significant digits, or a layer's list of them."""
    return vector_text(step.values) if step.values else f"{step.value:.9g}"


def fmt(value: float) -> str:
    """A number as it appears inside a formula: 9 significant digits, negatives in parentheses."""
    text = f"{value:.9g}"
    return f"({text})" if value < 0 or text.startswith("-") else text
