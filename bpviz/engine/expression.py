"""Arithmetic expressions typed by the user, turned into computation graphs: a small, safe parser.

The language: numbers (``2``, ``0.7``, ``.5``, ``1e-3``), names given values (``x``, ``w_1``), ``+ - * /``,
unary minus and plus, brackets, ``exp(...)`` and ``log(...)`` (natural logarithm). ``−``, ``×``, ``·`` and
``÷`` (as the app prints them) are read as ``-``, ``*``, ``*`` and ``/``. Nothing else: the text is read by a
tokenizer and a recursive-descent parser and never reaches eval, exec, compile or the ast module, so
``__import__('os')`` or ``x.y`` are just refused.

Every name is ONE leaf, however often it occurs (its gradients add up); every number literal is a constant
leaf of its own (``c1``, ``c2``, ...; it gets a gradient too), a minus sign written before a number belongs to
it (``-3`` is the constant −3); the operations are nodes ``u1``, ``u2``, ... in the order they are computed and
the last one is called ``f``. Values are written ``x=2, y=-1`` (commas, semicolons or new lines between).

Every refusal is an ``ExpressionError`` (a ValueError) carrying the 1-based ``column`` where the problem is;
log of a non-positive number and division by zero are found when the graph is evaluated, and reported at the
column of the operation with the name of its node.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from bpviz.engine.compgraph import Evaluation, Graph, GraphError

__all__ = ["ExpressionError", "Expression", "parse_expression", "parse_values", "evaluate_expression",
           "MAX_LENGTH", "MAX_DEPTH", "FUNCTIONS"]

MAX_LENGTH = 400  # characters: longer expressions are no longer a lesson (and could not be drawn)
MAX_DEPTH = 40  # nested brackets, functions and signs
FUNCTIONS = ("exp", "log")
OUTPUT_NAME = "f"

_ALIASES = {"\u2212": "-", "×": "*", "·": "*", "÷": "/"}
_NUMBER = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_VALUE = re.compile(r"\s*([+-]?)\s*((?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\s*$")
_ALLOWED = "numbers, names, + - * / ( ) and exp(...), log(...)"


class ExpressionError(ValueError):
    """A refused expression or list of values; ``column`` (1-based) points at the problem when known."""

    def __init__(self, message: str, column: int | None = None):
        super().__init__(f"column {column}: {message}" if column else message)
        self.message = message
        self.column = column


@dataclass(frozen=True)
class _Token:
    kind: str  # "number", "name", "op" (+ - * / ( )) or "end"
    text: str
    column: int


def _tokenize(text: str) -> list[_Token]:
    tokens, i, n = [], 0, len(text)
    while i < n:
        c = _ALIASES.get(text[i], text[i])
        if c.isspace():
            i += 1
        elif c in "+-*/()":
            if c == "*" and i + 1 < n and text[i + 1] == "*":
                raise ExpressionError("'**' (power) is not supported: write x*x", i + 1)
            tokens.append(_Token("op", c, i + 1))
            i += 1
        elif c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit()):
            m = _NUMBER.match(text, i)
            tokens.append(_Token("number", m.group(0), i + 1))
            i = m.end()
            if i < n and (text[i].isalpha() or text[i] in "_."):
                raise ExpressionError(f"a number cannot run into {text[i]!r}: write a * between them", i + 1)
        elif c.isalpha() or c == "_":
            m = _NAME.match(text, i)
            if m is None:  # a letter outside ASCII
                raise ExpressionError(f"unexpected character {text[i]!r}: names use the letters a-z, digits and _",
                                      i + 1)
            if m.group(0).startswith("__"):
                raise ExpressionError(f"names starting with '__' are not allowed ({m.group(0)})", i + 1)
            tokens.append(_Token("name", m.group(0), i + 1))
            i = m.end()
        elif c == "^":
            raise ExpressionError("'^' (power) is not supported: write x*x", i + 1)
        elif c == ".":
            raise ExpressionError("unexpected '.': attributes are not part of expressions; decimals are "
                                  "written 0.5", i + 1)
        else:
            raise ExpressionError(f"unexpected character {text[i]!r}: only {_ALLOWED} are allowed", i + 1)
    tokens.append(_Token("end", "", n + 1))
    return tokens


class _Parser:
    """Recursive descent over the tokens; builds a tiny tree of tuples:
    ("num", value, column), ("var", name, column), ("neg", child, column), ("bin", op, left, right, column),
    ("call", function, argument, column)."""

    def __init__(self, tokens: list[_Token]):
        self.tokens, self.pos, self.depth = tokens, 0, 0

    @property
    def current(self) -> _Token:
        return self.tokens[self.pos]

    def take(self) -> _Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self):
        if self.current.kind == "end":
            raise ExpressionError("the expression is empty")
        tree = self.sum()
        token = self.current
        if token.kind != "end":
            if token.text == ")":
                raise ExpressionError("this ')' has no '(' to close", token.column)
            raise ExpressionError(f"unexpected {token.text!r} after a complete expression (an operator "
                                  f"is missing)", token.column)
        return tree

    def sum(self):
        tree = self.product()
        while self.current.kind == "op" and self.current.text in "+-":
            op = self.take()
            tree = ("bin", op.text, tree, self.product(), op.column)
        return tree

    def product(self):
        tree = self.unary()
        while self.current.kind == "op" and self.current.text in "*/":
            op = self.take()
            tree = ("bin", op.text, tree, self.unary(), op.column)
        return tree

    def unary(self):
        token = self.current
        if token.kind == "op" and token.text in "+-":
            self.take()
            self.enter(token)
            operand_token = self.current
            operand = self.unary()
            self.depth -= 1
            if token.text == "+":
                return operand
            if operand_token.kind == "number" and operand[0] == "num":  # -3 is the constant −3
                return ("num", -operand[1], token.column)
            return ("neg", operand, token.column)
        return self.primary()

    def primary(self):
        token = self.take()
        if token.kind == "number":
            value = float(token.text)
            if not math.isfinite(value):
                raise ExpressionError(f"{token.text} is too large for a float64", token.column)
            return ("num", value, token.column)
        if token.kind == "name":
            if self.current.text == "(":
                if token.text not in FUNCTIONS:
                    raise ExpressionError(f"unknown function {token.text}() (known: exp, log)", token.column)
                self.take()
                self.enter(token)
                argument = self.bracketed(token)
                self.depth -= 1
                return ("call", token.text, argument, token.column)
            if token.text in FUNCTIONS:
                raise ExpressionError(f"{token.text} needs brackets: {token.text}(x)", token.column)
            return ("var", token.text, token.column)
        if token.text == "(":
            self.enter(token)
            tree = self.bracketed(token)
            self.depth -= 1
            return tree
        if token.kind == "end":
            raise ExpressionError("the expression ends too early: a number, a name or '(' is missing",
                                  token.column)
        raise ExpressionError(f"expected a number, a name or '(' but found {token.text!r}", token.column)

    def bracketed(self, opening: _Token):
        if self.current.kind == "end":
            raise ExpressionError("this '(' is never closed", self._bracket_column(opening))
        if self.current.text == ")":
            raise ExpressionError("empty brackets", self.current.column)
        tree = self.sum()
        if self.current.text != ")":
            if self.current.kind == "end":
                raise ExpressionError("this '(' is never closed", self._bracket_column(opening))
            raise ExpressionError(f"expected ')' but found {self.current.text!r}", self.current.column)
        self.take()
        return tree

    @staticmethod
    def _bracket_column(opening: _Token) -> int:
        """The column of the '(' itself (after the function's name for exp( and log()."""
        return opening.column + (len(opening.text) if opening.kind == "name" else 0)

    def enter(self, token: _Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"nested too deeply (more than {MAX_DEPTH} levels of brackets, functions "
                                  f"and signs)", token.column)


@dataclass(frozen=True)
class Expression:
    """A parsed expression: its graph, the names it uses (in order of appearance) and the given values it
    does not use."""

    text: str
    graph: Graph
    variables: tuple[str, ...]
    unused: tuple[str, ...]

    def evaluate(self) -> Evaluation:
        """Forward and backward pass; log(x ≤ 0) and x/0 become an ExpressionError at the operation's
        column."""
        try:
            return self.graph.evaluate()
        except GraphError as exc:
            column = self.graph.node_column(exc.node) if exc.node else None
            raise ExpressionError(str(exc), column) from None


def parse_expression(text: str, values: Mapping[str, float] | None = None, name: str = "expression"
                     ) -> Expression:
    """The graph of ``text`` with its names set to ``values``; raises ExpressionError."""
    if not isinstance(text, str):
        raise ExpressionError("the expression must be text")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the expression is too long ({len(text)} characters; at most {MAX_LENGTH})")
    if not text.strip():
        raise ExpressionError("the expression is empty")
    values = dict(values or {})
    tokens = _tokenize(text)
    tree = _Parser(tokens).parse()
    names = list(dict.fromkeys(t.text for t in tokens if t.kind == "name" and t.text not in FUNCTIONS))
    return Expression(text, _Builder(name, text, names, values).build(tree), tuple(names),
                      tuple(v for v in values if v not in names))


def evaluate_expression(text: str, values: Mapping[str, float] | None = None) -> Evaluation:
    return parse_expression(text, values).evaluate()


class _Builder:
    """Turns the parse tree into a Graph: one leaf per name, one constant leaf per literal."""

    def __init__(self, name: str, text: str, names: list[str], values: Mapping[str, float]):
        self.graph = Graph(name, text.strip())
        self.values = values
        self.taken = set(names)
        self.leaves: dict[str, str] = {}
        self.counts = {"c": 0, "u": 0}

    def fresh(self, prefix: str) -> str:
        while True:
            self.counts[prefix] += 1
            candidate = f"{prefix}{self.counts[prefix]}"
            if candidate not in self.taken:
                return candidate

    def build(self, tree) -> Graph:
        root = self.node(tree, root=True)
        self.graph.set_output(root)
        return self.graph

    def node(self, tree, root: bool = False) -> str:
        kind, g = tree[0], self.graph
        if kind == "num":
            return g.constant(self.fresh("c"), tree[1], "a number in the expression", column=tree[2])
        if kind == "var":
            name, column = tree[1], tree[2]
            if name not in self.leaves:
                if name not in self.values:
                    raise ExpressionError(f"{name} has no value (give it one, e.g. {name}=1)", column)
                self.leaves[name] = g.input(name, self._value(name), column=column)
            return self.leaves[name]
        if kind == "neg":
            child = self.node(tree[1])
            return g.op("scale", (child,), self.name(root), -1.0, note="unary minus", column=tree[2])
        if kind == "call":
            child = self.node(tree[2])
            return g.op(tree[1], (child,), self.name(root), column=tree[3])
        _, symbol, left, right, column = tree
        a, b = self.node(left), self.node(right)
        op = {"+": "add", "-": "sub", "*": "mul", "/": "div"}[symbol]
        return g.op(op, (a, b), self.name(root), column=column)

    def name(self, root: bool) -> str:
        return OUTPUT_NAME if root and OUTPUT_NAME not in self.taken else self.fresh("u")

    def _value(self, name: str) -> float:
        try:
            value = float(self.values[name])
        except (TypeError, ValueError):
            raise ExpressionError(f"the value of {name} is not a number: {self.values[name]!r}") from None
        if not math.isfinite(value):
            raise ExpressionError(f"the value of {name} must be a finite number, got {value}")
        return value


def parse_values(text: str) -> dict[str, float]:
    """``"x=2, y=-1"`` → {"x": 2.0, "y": -1.0}; items separated by commas, semicolons or new lines. The
    ``column`` of an ExpressionError counts in ``text``."""
    values: dict[str, float] = {}
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the values are too long ({len(text)} characters; at most {MAX_LENGTH})")
    text = "".join(_ALIASES.get(c, c) if c == "\u2212" else c for c in text)
    for m in re.finditer(r"[^,;\n]+", text):
        item, start = m.group(0), m.start() + 1
        if not item.strip():
            continue
        lead = start + len(item) - len(item.lstrip())
        if "=" not in item:
            raise ExpressionError(f"{item.strip()!r} needs a value: write name=number, e.g. x=2", lead)
        name_part, number_part = item.split("=", 1)
        name = name_part.strip()
        if not _NAME.fullmatch(name) or name.startswith("__"):
            raise ExpressionError(f"{name!r} is not a name (letters, digits and _, not starting with a digit)",
                                  lead)
        if name in FUNCTIONS:
            raise ExpressionError(f"{name} is a function, not a name that can have a value", lead)
        if name in values:
            raise ExpressionError(f"{name} is given two values", lead)
        number_column = start + len(name_part) + 1
        number = _VALUE.match(number_part)
        if number is None:
            shown = number_part.strip() or "nothing"
            raise ExpressionError(f"the value of {name} must be a number such as 2, -0.5 or 1e-3, not {shown}",
                                  number_column + len(number_part) - len(number_part.lstrip()))
        value = float(number.group(1) + number.group(2))
        if not math.isfinite(value):
            raise ExpressionError(f"the value of {name} is too large for a float64", number_column)
        values[name] = value
    return values
