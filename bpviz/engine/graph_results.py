"""What evaluating a computation graph gives (``compgraph.Graph.evaluate``): plain, frozen data, every number a
finite float64 that the lesson shows. Imported from ``compgraph`` by everyone else."""

from __future__ import annotations

from dataclasses import dataclass, field

from bpviz.engine import phrases
from bpviz.engine.graph_ops import LEAF_OPS, format_number

__all__ = ["NodeResult", "Statement", "EdgeGrad", "BackwardStep", "Evaluation"]


@dataclass(frozen=True)
class NodeResult:
    """A node with its forward value and its final gradient ∂(output)/∂(node)."""

    name: str
    op: str  # "input", "constant" or a key of OPS
    label: str  # what the drawing writes in the node: ×, +, exp, 1/x, ×(−1); a leaf's name or value
    inputs: tuple[str, ...]
    value: float
    grad: float
    consumers: tuple[str, ...]  # the nodes that read this one, once per edge (x·x lists the product twice)
    formula: str  # "x2 = exp(x1)"; a leaf: "x = 1"
    numbers: str  # "exp(−1)": the formula with the input values put in ("" for a leaf)
    note: str = ""  # what the node means, in words
    column: int | None = None  # where an expression's node starts in its line (1-based), if parsed
    group: str | None = None  # the statement that made it: the name of its result node (c, c′), if any
    line: int | None = None  # the 1-based line of the text where it was written, if parsed

    @property
    def is_leaf(self) -> bool:
        return self.op in LEAF_OPS

    def to_dict(self) -> dict:
        return {"name": self.name, "op": self.op, "label": self.label, "inputs": list(self.inputs),
                "value": self.value, "grad": self.grad, "formula": self.formula, "group": self.group,
                "line": self.line}


@dataclass(frozen=True)
class Statement:
    """One statement ``name = expression`` of a program: ``name`` is its result node's name (``c`` the first
    time, then ``c′``, ``c″``, ...: the nodes it made have it as their ``group``), ``line`` its 1-based line,
    ``text`` as typed; ``node`` the node the name stands for afterwards (the statement's own node, or the node
    of ``y`` for ``x = y``)."""

    name: str
    line: int
    text: str
    node: str

    def to_dict(self) -> dict:
        return {"name": self.name, "line": self.line, "text": self.text, "node": self.node}


@dataclass(frozen=True)
class EdgeGrad:
    """One input edge of a backward step: source → node, the chain rule along it, and the running sum."""

    source: str  # the input node
    slot: int  # which input of the node (x·x has two edges from x)
    formula: str  # "∂(x1·x2)/∂x1 = x2"
    numbers: str  # the right-hand side with numbers: "0.7"
    local: float  # ∂(node)/∂(source)
    sent: float  # upstream · local: the gradient this edge sends down
    before: float  # source's gradient summed so far, before this edge's contribution
    after: float  # ... and after it
    share: int  # this is contribution number ``share`` (1-based) ...
    fanout: int  # ... of the ``fanout`` edges leaving the source

    def local_text(self) -> str:
        """The local derivative in full, repeated parts left out: ``∂(1/x3)/∂x3 = −1/x3² = −1/1.36788²
        = −0.534447``, ``∂(a·b)/∂a = b = 0.7``."""
        parts = [self.formula]
        rhs = self.formula.rsplit(" = ", 1)[-1]
        if self.numbers != rhs:
            parts.append(self.numbers)
        if format_number(self.local) not in (self.numbers, rhs):
            parts.append(format_number(self.local))
        return phrases.join(" = ", parts)  # keeps a formula in words (relu's) translatable

    def to_dict(self) -> dict:
        return {"input": self.source, "formula": self.formula, "local": self.local, "sent": self.sent,
                "before": self.before, "after": self.after, "share": self.share, "fanout": self.fanout}


@dataclass(frozen=True)
class BackwardStep:
    index: int
    node: str
    op: str
    formula: str  # the node's forward formula, "y = 1/x3"
    upstream: float  # ∂(output)/∂(node), complete when the step runs
    edges: tuple[EdgeGrad, ...]

    def to_dict(self) -> dict:
        return {"node": self.node, "op": self.op, "formula": self.formula, "upstream": self.upstream,
                "edges": [e.to_dict() for e in self.edges]}


@dataclass(frozen=True)
class Evaluation:
    """Forward values, gradients and the backward steps of one graph at one set of leaf values."""

    name: str
    title: str
    output: str
    nodes: tuple[NodeResult, ...]  # in forward (construction) order
    steps: tuple[BackwardStep, ...]  # in backward order: the output's node first
    statements: tuple[Statement, ...] = ()  # a program's statements, in order (none for one expression)
    _index: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        self._index.update((n.name, n) for n in self.nodes)

    def node(self, name: str) -> NodeResult:
        try:
            return self._index[name]
        except KeyError:
            raise KeyError(f"no node called {name!r} in graph {self.name}") from None

    def value(self, name: str) -> float:
        return self.node(name).value

    def grad(self, name: str) -> float:
        return self.node(name).grad

    @property
    def output_value(self) -> float:
        return self.node(self.output).value

    @property
    def leaves(self) -> tuple[NodeResult, ...]:
        return tuple(n for n in self.nodes if n.is_leaf)

    def to_dict(self) -> dict:
        return {"graph": self.name, "output": self.output_value, "output_node": self.output,
                "nodes": [n.to_dict() for n in self.nodes], "steps": [s.to_dict() for s in self.steps],
                "statements": [s.to_dict() for s in self.statements]}
