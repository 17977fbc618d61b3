"""From the parsed statements of an expression or program (``expression``) to a ``Graph``: node names, the
single-assignment versions of reassigned names (``c``, ``c′``, ``c″``), the statement each node belongs to, and
the node limit. The rules are described in ``expression``'s docstring.

The tree is walked with an explicit stack, never by recursion: a chain of ``MAX_NODES`` additions is as deep.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from bpviz.engine.compgraph import Graph, Statement
from bpviz.engine.phrases import QT_TRANSLATE_NOOP
from bpviz.engine.tokens import ExpressionError, Token

__all__ = ["build", "version_name"]

_BINARY = {"+": "add", "-": "sub", "*": "mul", "/": "div"}
_PRIMES = ("", "′", "″", "‴")
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
TITLE_LENGTH = 120


def version_name(name: str, k: int) -> str:
    """The node of the (k+1)-th assignment to ``name``: c, c′, c″, c‴, c⁽⁴⁾, c⁽⁵⁾, ..."""
    return name + (_PRIMES[k] if k < len(_PRIMES) else f"⁽{str(k).translate(_SUPERSCRIPT_DIGITS)}⁾")


def build(graph_name: str, text: str, statements: Sequence, names: Sequence[str], values: Mapping[str, float],
          max_nodes: int) -> tuple[Graph, tuple[str, ...], tuple[str, ...]]:
    """(graph, the input leaves' names, the given values not used); raises ExpressionError."""
    builder = _Builder(graph_name, text, statements, names, values, max_nodes)
    builder.run()
    leaves = tuple(n for n in builder.graph.names() if n in builder.inputs)
    used = set(builder.inputs)
    return builder.graph, leaves, tuple(v for v in values if v not in used)


class _Builder:
    def __init__(self, graph_name: str, text: str, statements: Sequence, names: Sequence[str],
                 values: Mapping[str, float], max_nodes: int):
        self.statements = statements
        self.program = any(s.kind != "expr" for s in statements)
        self.graph = Graph(graph_name, _title(text, statements))
        self.values = values
        self.multiline = "\n" in text
        self.max_nodes = max_nodes
        self.taken = set(names)
        self.counts = {"c": 0, "u": 0}
        self.current: dict[str, str] = {}  # a program's name → the node it stands for now
        self.versions: dict[str, int] = {}  # how many nodes have been named after each name
        self.inputs: list[str] = []  # the input leaves' node names

    def error(self, message: str, token: Token) -> ExpressionError:
        return ExpressionError(message, token.column, token.line if self.multiline else None, token.offset)

    # ------------------------------------------------------------------ statements
    def run(self) -> None:
        g = self.graph
        for s in self.statements:
            if s.kind == "backward":
                g.set_output(self.read(s.name, s.token))
            elif s.kind == "expr":
                root = OUTPUT_NAME if OUTPUT_NAME not in self.taken else None
                g.set_output(self.tree(s.tree, group=None, root_name=root))
            else:
                g.set_output(self.assign(s))

    def assign(self, s) -> str:
        tree, name = s.tree, s.name
        if tree[0] == "var":  # y = x: y stands for x's node; no node of its own
            node = self.read(tree[1], tree[2])
            self.current[name] = node
            self.graph.statements.append(Statement(name, s.token.line, s.text, node))
            return node
        self.declare_reads(tree)
        own = self.next_version(name)
        if tree[0] == "num":  # a = -4: an input leaf (a given value of the same name replaces the number)
            value = self._value(own) if own in self.values else tree[1]
            node = self.add_leaf(own, value, tree[2], group=own,
                                 note=QT_TRANSLATE_NOOP("GraphNote", "given in line {line}").format(line=s.token.line))
        else:
            node = self.tree(tree, group=own, root_name=own)
        self.current[name] = node
        self.graph.statements.append(Statement(own, s.token.line, s.text, node))
        return node

    def next_version(self, name: str) -> str:
        k = self.versions.get(name, 0)
        self.versions[name] = k + 1
        return version_name(name, k)

    def declare_reads(self, tree) -> None:
        """Make the leaves of the names this statement reads from the given values, left to right, before the
        statement's own node is named (so that ``c = c + 1`` with c given reads leaf c and makes c′)."""
        stack = [tree]
        while stack:
            t = stack.pop()
            if t[0] == "var":
                self.read(t[1], t[2])
            else:
                stack.extend(reversed(_children(t)))

    def read(self, name: str, token: Token) -> str:
        if name in self.current:
            return self.current[name]
        if name not in self.values:
            raise self.error(QT_TRANSLATE_NOOP("Expression", "{name} has no value (give it one, e.g. {name}=1, or "
                                                             "assign it in an earlier statement)").format(name=name)
                             if self.program else
                             QT_TRANSLATE_NOOP("Expression", "{name} has no value (give it one, e.g. "
                                                             "{name}=1)").format(name=name), token)
        node = self.add_leaf(self.next_version(name), self._value(name), token, group=None, note="")
        self.current[name] = node
        return node

    # ------------------------------------------------------------------ one expression, without recursion
    def tree(self, tree, group: str | None, root_name: str | None) -> str:
        results: list[str] = []
        stack: list[tuple[tuple, bool]] = [(tree, False)]
        while stack:
            t, ready = stack.pop()
            kind = t[0]
            if kind == "num":
                results.append(self.add(t[2], lambda name, t=t: self.graph.constant(
                    name, t[1], QT_TRANSLATE_NOOP("GraphNote", "a number in the expression"), column=t[2].column,
                    group=group, line=t[2].line),
                    self.fresh("c")))
                continue
            if kind == "var":
                results.append(self.read(t[1], t[2]))
                continue
            children = _children(t)
            if not ready:
                stack.append((t, True))
                stack.extend((c, False) for c in reversed(children))
                continue
            args = results[len(results) - len(children):]
            del results[len(results) - len(children):]
            name = root_name if t is tree and root_name else self.fresh("u")
            results.append(self.operation(t, args, name, group))
        return results[-1]

    def operation(self, t, args: list[str], name: str, group: str | None) -> str:
        kind, token, g = t[0], t[-1], self.graph
        where = {"column": token.column, "group": group, "line": token.line}
        if kind == "neg":
            return self.add(token, lambda n: g.op("scale", args, n, -1.0,
                                                  note=QT_TRANSLATE_NOOP("GraphNote", "unary minus"), **where), name)
        if kind == "call":
            return self.add(token, lambda n: g.op(t[1], args, n, **where), name)
        if kind == "pow":
            exponent = t[2]
            if exponent[0] == "num":  # a ** 3: the number is the node's parameter, not a leaf
                note = QT_TRANSLATE_NOOP("GraphNote", "a power with a number exponent")
                return self.add(token, lambda n: g.op("pow", args, n, exponent[1], note=note, **where), name)
            note = QT_TRANSLATE_NOOP("GraphNote", "a power with a computed exponent: exp(b·log a)")
            return self.add(token, lambda n: g.op("pow_var", args, n, note=note, **where), name)
        return self.add(token, lambda n: g.op(_BINARY[t[1]], args, n, **where), name)

    def add(self, token: Token, make, name: str) -> str:
        if len(self.graph) >= self.max_nodes:
            raise self.error(QT_TRANSLATE_NOOP("Expression", "the graph has too many nodes (at most {most}); this "
                                                             "is node {n}").format(most=self.max_nodes,
                                                                                   n=len(self.graph) + 1), token)
        return make(name)

    def add_leaf(self, name: str, value: float, token: Token, group: str | None, note: str) -> str:
        node = self.add(token, lambda n: self.graph.input(n, value, note, column=token.column, group=group,
                                                          line=token.line), name)
        self.inputs.append(node)
        return node

    def fresh(self, prefix: str) -> str:
        while True:
            self.counts[prefix] += 1
            candidate = f"{prefix}{self.counts[prefix]}"
            if candidate not in self.taken:
                return candidate

    def _value(self, name: str) -> float:
        try:
            value = float(self.values[name])
        except (TypeError, ValueError):
            raise ExpressionError(QT_TRANSLATE_NOOP("Expression", "the value of {name} is not a number: "
                                                                  "{value!r}").format(name=name,
                                                                                      value=self.values[name])
                                  ) from None
        if not math.isfinite(value):
            raise ExpressionError(QT_TRANSLATE_NOOP("Expression", "the value of {name} must be a finite number, got "
                                                                  "{value}").format(name=name, value=value))
        return value


OUTPUT_NAME = "f"


def _children(t) -> list[tuple]:
    """The sub-trees that become input nodes: a power's number exponent is a parameter, not a node."""
    if t[0] == "pow" and t[2][0] == "num":
        return [t[1]]
    return [c for c in t[1:-1] if isinstance(c, tuple)]


def _title(text: str, statements: Sequence) -> str:
    """One line: the expression, or the statements joined by '; ' (shortened with … past TITLE_LENGTH)."""
    joined = "; ".join(s.text for s in statements) if len(statements) > 1 else " ".join(text.split())
    return joined if len(joined) <= TITLE_LENGTH else joined[:TITLE_LENGTH - 1].rstrip() + "…"
