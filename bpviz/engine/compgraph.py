"""Scalar computation graphs and backpropagation through them, one node at a time (seeds 002 and 004).

A ``Graph`` is built from leaves (named inputs and constants, each with a value) and operation nodes (add,
subtract, multiply, divide, scale by a constant, add a constant, exp, log, reciprocal, tanh, sigmoid, relu,
sqrt, abs, a power with a number exponent, a power with a computed exponent). ``Graph.evaluate``
runs the forward pass in the order the nodes were made (every node's inputs are made before it) and the
backward pass in the reverse order, and returns an ``Evaluation``: plain data, every number the lesson shows.

Each ``BackwardStep`` is one operation node: the upstream gradient ∂L/∂(node) arriving from the right, and for
each input edge the local derivative ∂(node)/∂(input) (as text and value) and the gradient sent down the edge
(upstream × local). A value that feeds several nodes receives one contribution per edge; ``EdgeGrad.before``
and ``after`` show the sum growing. Reverse construction order is a reverse topological order, so every node's
gradient is complete before its own step runs.

Every number an ``Evaluation`` holds is a finite float64: a forward value, local derivative, gradient sent down
an edge or gradient summed over edges that overflows, and a division by (or the log of) a number that underflowed
to 0, is a ``GraphError`` naming the node, so that no view or table ever shows inf or nan as a result.

A node made by a program (``expression``) knows the statement that produced it: ``NodeResult.group`` is the
name of that statement's result node (``c``, ``c′``; None for the names given values from outside and for the
nodes of a bare expression), ``line`` and ``column`` where it was written; ``Evaluation.statements`` lists the
statements in order.

The operations themselves (how each computes and differentiates) are in ``graph_ops``; the seeds' graphs
(shopping, sigmoid, softmax_loss, apples, micrograd's) in ``graph_builtins``; graphs typed by the user come
from ``expression``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bpviz.engine.graph_ops import (
    FUNCTION_OPS,
    LEAF_OPS,
    OPS,
    GraphError,
    Undefined,
    check_forward,
    format_number,
    underflows,
)
from bpviz.engine.graph_ops import num as _num
from bpviz.engine.graph_results import BackwardStep, EdgeGrad, Evaluation, NodeResult, Statement
from bpviz.engine.phrases import QT_TRANSLATE_NOOP, phrase_of

__all__ = ["Graph", "GraphError", "Evaluation", "NodeResult", "BackwardStep", "EdgeGrad", "Statement",
           "format_number"]


# ---------------------------------------------------------------------------------------------------- graph
@dataclass(frozen=True)
class _Node:
    name: str
    op: str
    inputs: tuple[str, ...]
    param: float | None
    value: float | None  # leaves only
    note: str
    column: int | None
    group: str | None = None
    line: int | None = None


class Graph:
    """A scalar computation graph under construction. Each method adds one node and returns its name."""

    def __init__(self, name: str, title: str = ""):
        self.name = name
        self.title = title or name
        self._nodes: dict[str, _Node] = {}
        self.output: str | None = None
        self.statements: list[Statement] = []  # filled by a program's builder

    # -------------------------------------------------------------- building
    def input(self, name: str, value: float, note: str = "", column: int | None = None, *,
              group: str | None = None, line: int | None = None) -> str:
        return self._add(_Node(name, "input", (), None, _finite(value, name), note, column, group, line))

    def constant(self, name: str, value: float, note: str = "", column: int | None = None, *,
                 group: str | None = None, line: int | None = None) -> str:
        return self._add(_Node(name, "constant", (), None, _finite(value, name), note, column, group, line))

    def op(self, op: str, inputs: Iterable[str], name: str, param: float | None = None, note: str = "",
           column: int | None = None, *, group: str | None = None, line: int | None = None) -> str:
        """Add an operation node; the output is the node made last unless ``set_output`` says otherwise."""
        if op not in OPS:
            raise GraphError(f"unknown operation {op!r} (known: {', '.join(OPS)})")
        inputs = tuple(inputs)
        least, most = OPS[op].arity
        if len(inputs) < least or (most and len(inputs) > most):
            raise GraphError(f"{op} takes {least if least == most else f'{least} or more'} inputs, "
                             f"got {len(inputs)}", name)
        for source in inputs:
            if source not in self._nodes:
                raise GraphError(f"node {name}: input {source!r} does not exist (yet)", name)
        if op in ("scale", "shift", "pow"):
            param = _finite(param, name)
        return self._add(_Node(name, op, inputs, param, None, note, column, group, line))

    def add(self, *inputs: str, name: str, note: str = "") -> str:
        return self.op("add", inputs, name, note=note)

    def mul(self, a: str, b: str, *, name: str, note: str = "") -> str:
        return self.op("mul", (a, b), name, note=note)

    def scale(self, a: str, factor: float, *, name: str, note: str = "") -> str:
        return self.op("scale", (a,), name, factor, note=note)

    def shift(self, a: str, constant: float, *, name: str, note: str = "") -> str:
        return self.op("shift", (a,), name, constant, note=note)

    def exp(self, a: str, *, name: str, note: str = "") -> str:
        return self.op("exp", (a,), name, note=note)

    def log(self, a: str, *, name: str, note: str = "") -> str:
        return self.op("log", (a,), name, note=note)

    def recip(self, a: str, *, name: str, note: str = "") -> str:
        return self.op("recip", (a,), name, note=note)

    def set_output(self, name: str) -> None:
        if name not in self._nodes:
            raise GraphError(f"no node called {name!r}")
        self.output = name

    def _add(self, node: _Node) -> str:
        if not node.name or node.name in self._nodes:
            raise GraphError(f"node names must be unique and not empty: {node.name!r}", node.name)
        self._nodes[node.name] = node
        self.output = node.name
        return node.name

    # -------------------------------------------------------------- reading
    def __len__(self) -> int:
        return len(self._nodes)

    def names(self) -> list[str]:
        return list(self._nodes)

    def node_column(self, name: str) -> int | None:
        """Where a parsed expression's node starts in its line (1-based), None for built graphs."""
        node = self._nodes.get(name)
        return node.column if node is not None else None

    def node_line(self, name: str) -> int | None:
        """The line of a parsed program where the node was written (1-based), None for built graphs."""
        node = self._nodes.get(name)
        return node.line if node is not None else None

    def leaf_values(self) -> dict[str, float]:
        return {n.name: n.value for n in self._nodes.values() if n.op in LEAF_OPS}

    # -------------------------------------------------------------- running
    def evaluate(self, values: dict[str, float] | None = None) -> Evaluation:
        """Forward and backward pass; ``values`` overrides leaf values by name (e.g. x + h for a check)."""
        if self.output is None:
            raise GraphError(f"graph {self.name} is empty")
        values = dict(values or {})
        unknown = set(values) - set(self.leaf_values())
        if unknown:
            raise GraphError(f"not leaves of graph {self.name}: {', '.join(sorted(unknown))}")
        nodes = [n for n in self._nodes.values() if n.name in self._ancestors(self.output)]
        forward = self._forward(nodes, values)
        consumers: dict[str, list[str]] = {n.name: [] for n in nodes}
        for node in nodes:
            for source in node.inputs:
                consumers[source].append(node.name)
        grads, steps = self._backward(nodes, forward, consumers)

        results = tuple(NodeResult(
            name=n.name, op=n.op, label=self._label(n), inputs=n.inputs, value=forward[n.name],
            grad=grads[n.name], consumers=tuple(consumers[n.name]), formula=self._formula(n),
            numbers="" if n.op in LEAF_OPS else self._numbers(n, [forward[s] for s in n.inputs]),
            note=n.note, column=n.column, group=n.group, line=n.line) for n in nodes)
        kept = {n.name for n in nodes}
        statements = tuple(s for s in self.statements if s.node in kept)  # those that reach the output
        return Evaluation(self.name, self.title, self.output, results, tuple(steps), statements)

    def _forward(self, nodes: list[_Node], values: dict[str, float]) -> dict[str, float]:
        """Every node's value in construction order; a value that is not a finite float64 is a GraphError
        naming the node (an overflow, or the log or reciprocal of a number that underflowed to 0)."""
        forward: dict[str, float] = {}
        underflowed: set[str] = set()  # nodes whose 0 stands for a number too small for a float64
        for node in nodes:
            if node.op in LEAF_OPS:
                forward[node.name] = _finite(values.get(node.name, node.value), node.name)
                continue
            vals = [forward[s] for s in node.inputs]
            check_forward(node, vals, underflowed)
            try:
                out = OPS[node.op].forward(vals, node.param)
            except (OverflowError, ZeroDivisionError):
                out = math.inf
            if isinstance(out, complex):  # check_forward refuses what gets here; never let one through
                raise GraphError(QT_TRANSLATE_NOOP("GraphError", "node {node}: {numbers} has no real value").format(
                    node=node.name, numbers=self._numbers(node, vals)), node.name)
            if not math.isfinite(out):
                raise GraphError(QT_TRANSLATE_NOOP("GraphError", "node {node}: {numbers} overflows (too large for a "
                                                                 "float64)").format(
                    node=node.name, numbers=self._numbers(node, vals)), node.name)
            if underflows(node.op, vals, node.param, out) or (out == 0.0 and underflowed & set(node.inputs)):
                underflowed.add(node.name)
            forward[node.name] = out + 0.0  # no −0.0: 0·(−4) is shown and exported as 0
        return forward

    def _backward(self, nodes: list[_Node], forward: dict[str, float], consumers: dict[str, list[str]]
                  ) -> tuple[dict[str, float], list[BackwardStep]]:
        """Every node's gradient and the backward steps, from the output back. A local derivative, a gradient
        sent down an edge or a gradient summed over edges that is not a finite float64 is a GraphError naming
        the node: the lesson never shows inf or nan as a gradient."""
        grads = {n.name: 0.0 for n in nodes}
        grads[self.output] = 1.0
        received = {n.name: 0 for n in nodes}
        steps = []
        for node in reversed(nodes):
            if node.op in LEAF_OPS:
                continue
            upstream = grads[node.name]
            names, vals = node.inputs, [forward[s] for s in node.inputs]
            edges = []
            for k, source in enumerate(names):
                formula, numbers, local = _local_derivative(node, k, vals, forward[node.name])
                sent = upstream * local + 0.0
                if not math.isfinite(sent):
                    raise GraphError(QT_TRANSLATE_NOOP("GraphError", "node {node}: the gradient it sends to {source}, "
                                                                     "{upstream} · {local}, is too large for a "
                                                                     "float64 (overflow)").format(
                        node=node.name, source=source, upstream=format_number(upstream), local=_num(local)), node.name)
                before = grads[source]
                grads[source] = before + sent
                received[source] += 1
                if not math.isfinite(grads[source]):
                    raise GraphError(QT_TRANSLATE_NOOP("GraphError", "node {node}: its gradient summed over the edges "
                                                                     "leaving it, {before} + {sent}, is too large "
                                                                     "for a float64 (overflow)").format(
                        node=source, before=format_number(before), sent=_num(sent)), source)
                edges.append(EdgeGrad(source, k, formula, numbers, local, sent, before, grads[source],
                                      received[source], len(consumers[source])))
            steps.append(BackwardStep(len(steps), node.name, node.op, self._formula(node), upstream,
                                      tuple(edges)))
        return grads, steps

    def _ancestors(self, name: str) -> set[str]:
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self._nodes[current].inputs)
        return seen

    @staticmethod
    def _label(node: _Node) -> str:
        if node.op == "input":
            return node.name
        if node.op == "constant":
            return format_number(node.value)
        return OPS[node.op].label(node.param)

    def _formula(self, node: _Node) -> str:
        if node.op in LEAF_OPS:
            return f"{node.name} = {format_number(node.value)}"
        return f"{node.name} = {OPS[node.op].formula(node.inputs, node.param)}"

    @staticmethod
    def _numbers(node: _Node, vals: Sequence[float]) -> str:
        bracket = format_number if node.op in FUNCTION_OPS else _num  # exp(−1), but 1·(−1)
        return OPS[node.op].formula([bracket(v) for v in vals], node.param)


def _local_derivative(node: _Node, slot: int, vals: Sequence[float], out: float) -> tuple[str, str, float]:
    """(formula, numbers, value) of ∂node/∂(input ``slot``); a GraphError naming the node when the value is
    not a finite float64 (−1/x² of x = 1e-200, 1/x of a number near the smallest float64)."""
    try:
        formula, numbers, local = OPS[node.op].local(slot, node.inputs, vals, node.param, out)
    except Undefined as exc:
        raise GraphError(QT_TRANSLATE_NOOP("GraphError", "node {node}: {reason}").format(
            node=node.name, reason=phrase_of(exc)), node.name) from None
    except (OverflowError, ZeroDivisionError):
        formula, numbers, local = _describe(node, slot, vals, out), "", math.inf
    if isinstance(local, complex):
        raise GraphError(QT_TRANSLATE_NOOP("GraphError", "node {node}: its local derivative has no real "
                                                         "value").format(node=node.name), node.name)
    if not math.isfinite(local):
        shown = formula + " = " + numbers if numbers else formula  # + keeps a phrase (relu's formula)
        raise GraphError(QT_TRANSLATE_NOOP("GraphError", "node {node}: the local derivative {shown} is too large "
                                                         "for a float64 (overflow)").format(node=node.name,
                                                                                            shown=shown), node.name)
    return formula, numbers, local


def _describe(node: _Node, slot: int, vals: Sequence[float], out: float) -> str:
    """The local derivative's formula when computing its value failed (it overflowed or divided by 0)."""
    try:
        return OPS[node.op].local(slot, node.inputs, [1.0] * len(vals), node.param, 1.0)[0]
    except (ArithmeticError, ValueError):
        return f"∂{node.name}/∂{node.inputs[slot]}"


def _finite(value, name: str) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise GraphError(QT_TRANSLATE_NOOP("GraphError", "{name}: expected a number, got {value!r}").format(
            name=name, value=value), name) from None
    if not math.isfinite(value):
        raise GraphError(QT_TRANSLATE_NOOP("GraphError", "{name}: expected a finite number, got {value}").format(
            name=name, value=value), name)
    return value
