"""Expressions and small programs typed by the user, turned into computation graphs: a small, safe parser.

The language (enough for micrograd's test programs and the lecture's neuron):

- numbers (``2``, ``0.7``, ``.5``, ``1e-3``), names (``x``, ``w_1``), ``+ - * /``, unary minus and plus,
  brackets, powers ``a ** b`` (right-associative and binding tighter than a unary minus on its left, as in
  Python: ``-x**2`` is −(x²), ``2**-1`` is 0.5), and the functions ``tanh relu sigmoid exp log sqrt abs``
  written ``tanh(x)`` or, as micrograd does, ``x.tanh()``; ``−``, ``×``, ``·``, ``÷`` read as ``- * * /``;
- **programs**: statements separated by ``;`` or new lines, each ``name = expression`` (also ``name += e``,
  ``-=``, ``*=``, ``/=``, meaning ``name = name + (e)`` as in Python), ``#`` comments. ``name = 2`` (a number,
  signed or not) makes ``name`` an input leaf with that value. The **output** is the last statement: its name,
  or a final bare expression; ``name.backward()`` as the last statement names the output instead (micrograd).
  A bare expression anywhere but last is refused. Names not assigned before they are read take their value
  from the given values (``x=2, y=-1``); a given value with the name of a leaf the program assigns replaces
  the number written there.

Nodes (their names are what tables, JSON and ``--let`` use): every number literal in an expression is a
constant leaf ``c1``, ``c2``, ... (it gets a gradient too; a minus sign written before a number belongs to it);
operations are ``u1``, ``u2``, ... in the order they are computed; a statement's result node takes the
statement's name, and a name assigned again is a NEW node each time (single assignment): ``c``, then ``c′``,
``c″``, ``c‴``, ``c⁽⁴⁾``, ...; later statements read the latest. A name read in several places is one node
whose gradients add up. A final bare expression's node is ``f`` (unless the text uses that name). Generated
names never clash with the user's. Each node records the statement that made it: ``group`` (the statement's
node name; None for leaves given from outside and for a bare expression's nodes), ``line`` and ``column``.

Limits: ``MAX_LENGTH`` characters, ``MAX_STATEMENTS`` statements, ``MAX_NODES`` nodes, brackets, functions,
signs and powers nested ``MAX_DEPTH`` deep; ``MAX_DRAWN_NODES`` is the most a drawing shows readably (bigger
graphs still evaluate, and the CLI prints them).

Every refusal is an ``ExpressionError`` (a ValueError) with the 1-based ``column`` (and ``line`` when the text
has several lines) where the problem is; what has no value (log of x ≤ 0, x/0, an overflow, a derivative that
is infinite) is found when the graph is evaluated and reported where the operation was written, naming its
node. The text is read by a tokenizer (``tokens``) and this recursive-descent parser and never reaches eval,
exec, compile or the ast module: ``__import__('os')`` or ``x.y`` are just refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bpviz.engine.compgraph import Evaluation, Graph, GraphError, Statement
from bpviz.engine.phrases import QT_TRANSLATE_NOOP, phrase_of
from bpviz.engine.program import build
from bpviz.engine.tokens import ALIASES, FUNCTIONS, NAME, ExpressionError, Token, tokenize

__all__ = ["ExpressionError", "Expression", "parse_expression", "parse_values", "evaluate_expression",
           "MAX_LENGTH", "MAX_DEPTH", "MAX_NODES", "MAX_STATEMENTS", "MAX_DRAWN_NODES", "FUNCTIONS"]

MAX_LENGTH = 4000  # characters: micrograd's test programs are ~300
MAX_STATEMENTS = 200
MAX_NODES = 300
MAX_DEPTH = 100  # nested brackets, functions, signs and powers
MAX_DRAWN_NODES = 120  # more nodes than this no longer draw readably (they still evaluate)
OUTPUT_NAME = "f"
_AUGMENTED = {"+=": "+", "-=": "-", "*=": "*", "/=": "/"}
_VALUE = re.compile(r"\s*([+-]?)\s*((?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\s*$")


@dataclass(frozen=True)
class ParsedStatement:
    """``kind`` "assign" (name = tree), "expr" (a bare expression) or "backward" (name.backward())."""

    kind: str
    name: str | None
    tree: tuple | None
    token: Token  # where it starts
    text: str


class _Parser:
    """Recursive descent over the tokens; builds a tiny tree of tuples, each ending with its token:
    ("num", value, tok), ("var", name, tok), ("neg", child, tok), ("bin", op, left, right, tok),
    ("call", function, argument, tok), ("pow", base, exponent, tok)."""

    def __init__(self, tokens: list[Token], text: str):
        self.tokens, self.text, self.pos, self.depth = tokens, text, 0, 0
        self.multiline = "\n" in text

    def error(self, message: str, token: Token) -> ExpressionError:
        return ExpressionError(message, token.column, token.line if self.multiline else None, token.offset)

    @property
    def current(self) -> Token:
        return self.tokens[self.pos]

    def peek(self, k: int = 1) -> Token:
        return self.tokens[min(self.pos + k, len(self.tokens) - 1)]

    def take(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def is_op(self, *texts: str) -> bool:
        return self.current.kind == "op" and self.current.text in texts

    # ------------------------------------------------------------------ statements
    def program(self) -> list[ParsedStatement]:
        statements: list[ParsedStatement] = []
        while True:
            while self.current.kind == "sep":
                self.take()
            if self.current.kind == "end":
                break
            if len(statements) == MAX_STATEMENTS:
                raise self.error(QT_TRANSLATE_NOOP("Expression", "too many statements (at most {most})").format(
                    most=MAX_STATEMENTS), self.current)
            statements.append(self.statement())
            token = self.current
            if token.kind not in ("sep", "end"):
                if token.text == ")":
                    raise self.error(QT_TRANSLATE_NOOP("Expression", "this ')' has no '(' to close"), token)
                if token.text == "=":
                    raise self.error(QT_TRANSLATE_NOOP("Expression", "unexpected '=': only a name can be given a "
                                                                     "value (name = expression)"), token)
                raise self.error(QT_TRANSLATE_NOOP("Expression", "unexpected {found} after a complete expression "
                                                                 "(an operator is missing)").format(found=token.shown),
                                 token)
        if not statements:
            raise ExpressionError(QT_TRANSLATE_NOOP("Expression", "the expression is empty"))
        for s in statements[:-1]:
            if s.kind == "expr":
                raise self.error(QT_TRANSLATE_NOOP("Expression", "an expression that is not the last statement is "
                                                                 "never used: give it a name (y = ...)"), s.token)
            if s.kind == "backward":
                raise self.error(QT_TRANSLATE_NOOP("Expression", "{name}.backward() must be the last statement: it "
                                                                 "marks the output").format(name=s.name), s.token)
        return statements

    def statement(self) -> ParsedStatement:
        first, second = self.current, self.peek()
        if first.kind == "name" and second.kind == "op" and (second.text == "=" or second.text in _AUGMENTED):
            if first.text in FUNCTIONS:
                raise self.error(QT_TRANSLATE_NOOP("Expression", "{name} is a function, not a name that can have "
                                                                 "a value").format(name=first.text), first)
            self.take()
            op = self.take()
            if self.current.kind in ("sep", "end"):
                raise self.error(QT_TRANSLATE_NOOP("Expression", "{name} {op} needs an expression after "
                                                                 "it").format(name=first.text, op=op.text),
                                 self.current)
            tree = self.sum()
            if op.text != "=":
                tree = ("bin", _AUGMENTED[op.text], ("var", first.text, first), tree, op)
            return ParsedStatement("assign", first.text, tree, first, self._text_from(first))
        if (first.kind == "name" and second.text == "." and self.peek(2).text == "backward"):
            self.pos += 3
            self._empty_brackets(self.tokens[self.pos - 1])
            return ParsedStatement("backward", first.text, None, first, self._text_from(first))
        tree = self.sum()
        return ParsedStatement("expr", None, tree, first, self._text_from(first))

    def _text_from(self, first: Token) -> str:
        last = self.tokens[self.pos - 1]
        return " ".join(self.text[first.offset:last.offset + len(last.text)].split())

    # ------------------------------------------------------------------ expressions
    def sum(self):
        tree = self.product()
        while self.is_op("+", "-"):
            op = self.take()
            tree = ("bin", op.text, tree, self.product(), op)
        return tree

    def product(self):
        tree = self.unary()
        while self.is_op("*", "/"):
            op = self.take()
            tree = ("bin", op.text, tree, self.unary(), op)
        return tree

    def unary(self):
        token = self.current
        if self.is_op("+", "-"):
            self.take()
            self.enter(token)
            operand_token = self.current
            operand = self.unary()
            self.depth -= 1
            if token.text == "+":
                return operand
            if operand_token.kind == "number" and operand[0] == "num":  # -3 is the constant −3 (but -3**2 = −9)
                return ("num", -operand[1], token)
            return ("neg", operand, token)
        return self.power()

    def power(self):
        base = self.postfix()
        if self.is_op("**"):
            op = self.take()
            self.enter(op)
            exponent = self.unary()  # 2**-1, and a**b**c = a**(b**c)
            self.depth -= 1
            return ("pow", base, exponent, op)
        return base

    def postfix(self):
        tree = self.primary()
        while self.is_op("."):
            dot = self.take()
            method = self.take()  # the tokenizer lets '.' through only before a known method and '('
            if method.text == "backward":
                raise self.error(QT_TRANSLATE_NOOP("Expression", "backward() is a statement of its own, on a name: "
                                                                 "g.backward()"), dot)
            self._empty_brackets(method)
            tree = ("call", method.text, tree, method)
        return tree

    def _empty_brackets(self, method: Token) -> None:
        if not self.is_op("("):
            raise self.error(QT_TRANSLATE_NOOP("Expression", "{method} needs brackets: .{method}()").format(
                method=method.text), method)
        self.take()
        if not self.is_op(")"):
            raise self.error(QT_TRANSLATE_NOOP("Expression", ".{method}() takes nothing between its "
                                                             "brackets").format(method=method.text), self.current)
        self.take()

    def primary(self):
        token = self.take()
        if token.kind == "number":
            value = float(token.text)
            if value == float("inf"):
                raise self.error(QT_TRANSLATE_NOOP("Expression", "{number} is too large for a float64").format(
                    number=token.text), token)
            return ("num", value, token)
        if token.kind == "name":
            if self.is_op("("):
                if token.text not in FUNCTIONS:
                    raise self.error(QT_TRANSLATE_NOOP("Expression", "unknown function {name}() (known: "
                                                                     "{known})").format(name=token.text,
                                                                                        known=", ".join(FUNCTIONS)),
                                     token)
                opening = self.take()
                self.enter(token)
                argument = self.bracketed(opening)
                self.depth -= 1
                return ("call", token.text, argument, token)
            if token.text in FUNCTIONS:
                raise self.error(QT_TRANSLATE_NOOP("Expression", "{name} needs brackets: {name}(x)").format(
                    name=token.text), token)
            return ("var", token.text, token)
        if token.text == "(":
            self.enter(token)
            tree = self.bracketed(token)
            self.depth -= 1
            return tree
        if token.kind in ("end", "sep"):
            raise self.error(QT_TRANSLATE_NOOP("Expression", "the expression ends too early: a number, a name or "
                                                             "'(' is missing"), token)
        raise self.error(QT_TRANSLATE_NOOP("Expression", "expected a number, a name or '(' but found {found}").format(
            found=token.shown), token)

    def bracketed(self, opening: Token):
        if self.current.kind in ("end", "sep"):
            raise self.error(QT_TRANSLATE_NOOP("Expression", "this '(' is never closed"), opening)
        if self.is_op(")"):
            raise self.error(QT_TRANSLATE_NOOP("Expression", "empty brackets"), self.current)
        tree = self.sum()
        if not self.is_op(")"):
            if self.current.kind in ("end", "sep") or self.current.line != opening.line:
                raise self.error(QT_TRANSLATE_NOOP("Expression", "this '(' is never closed"), opening)
            raise self.error(QT_TRANSLATE_NOOP("Expression", "expected ')' but found {found}").format(
                found=self.current.shown), self.current)
        self.take()
        return tree

    def enter(self, token: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(QT_TRANSLATE_NOOP("Expression", "nested too deeply (more than {most} levels of "
                                                             "brackets, functions, signs and powers)").format(
                most=MAX_DEPTH), token)


@dataclass(frozen=True)
class Expression:
    """A parsed expression or program: its graph, the names of its input leaves (in order of appearance), the
    given values it does not use, and its statements (none for one expression)."""

    text: str
    graph: Graph
    variables: tuple[str, ...]
    unused: tuple[str, ...]
    statements: tuple[Statement, ...] = ()

    def evaluate(self) -> Evaluation:
        """Forward and backward pass; what has no value (log(x ≤ 0), x/0, an overflow) becomes an
        ExpressionError at the operation's line and column, naming its node."""
        try:
            return self.graph.evaluate()
        except GraphError as exc:
            column = self.graph.node_column(exc.node) if exc.node else None
            line = self.graph.node_line(exc.node) if exc.node and "\n" in self.text else None
            raise ExpressionError(phrase_of(exc), column, line) from None


def parse_expression(text: str, values: Mapping[str, float] | None = None, name: str = "expression"
                     ) -> Expression:
    """The graph of the expression or program ``text`` with its names set to ``values``; raises
    ExpressionError."""
    if not isinstance(text, str):
        raise ExpressionError(QT_TRANSLATE_NOOP("Expression", "the expression must be text"))
    if len(text) > MAX_LENGTH:
        raise ExpressionError(QT_TRANSLATE_NOOP("Expression", "the expression is too long ({n} characters; at most "
                                                              "{most})").format(n=len(text), most=MAX_LENGTH))
    if not text.strip():
        raise ExpressionError(QT_TRANSLATE_NOOP("Expression", "the expression is empty"))
    tokens = tokenize(text)
    statements = _Parser(tokens, text).program()
    names = list(dict.fromkeys(t.text for t in tokens if t.kind == "name" and t.text not in FUNCTIONS
                               and t.text != "backward"))
    graph, leaves, unused = build(name, text, statements, names, dict(values or {}), MAX_NODES)
    return Expression(text, graph, leaves, unused, tuple(graph.statements))


def evaluate_expression(text: str, values: Mapping[str, float] | None = None) -> Evaluation:
    return parse_expression(text, values).evaluate()


def parse_values(text: str) -> dict[str, float]:
    """``"x=2, y=-1"`` → {"x": 2.0, "y": -1.0}; items separated by commas, semicolons or new lines. The
    ``column`` of an ExpressionError counts in ``text``."""
    values: dict[str, float] = {}
    if len(text) > MAX_LENGTH:
        raise ExpressionError(QT_TRANSLATE_NOOP("Expression", "the values are too long ({n} characters; at most "
                                                              "{most})").format(n=len(text), most=MAX_LENGTH))
    text = "".join(ALIASES.get(c, c) if c == "\u2212" else c for c in text)
    for m in re.finditer(r"[^,;\n]+", text):
        item, start = m.group(0), m.start() + 1
        if not item.strip():
            continue
        lead = start + len(item) - len(item.lstrip())
        if "=" not in item:
            raise ExpressionError(QT_TRANSLATE_NOOP("Expression", "{item!r} needs a value: write name=number, e.g. "
                                                                  "x=2").format(item=item.strip()), lead)
        name_part, number_part = item.split("=", 1)
        name = name_part.strip()
        if not NAME.fullmatch(name) or name.startswith("__"):
            raise ExpressionError(QT_TRANSLATE_NOOP("Expression", "{name!r} is not a name (letters, digits and _, "
                                                                  "not starting with a digit)").format(name=name),
                                  lead)
        if name in FUNCTIONS:
            raise ExpressionError(QT_TRANSLATE_NOOP("Expression", "{name} is a function, not a name that can have "
                                                                  "a value").format(name=name), lead)
        if name in values:
            raise ExpressionError(QT_TRANSLATE_NOOP("Expression", "{name} is given two values").format(name=name),
                                  lead)
        number_column = start + len(name_part) + 1
        number = _VALUE.match(number_part)
        if number is None:
            shown = number_part.strip() or QT_TRANSLATE_NOOP("Expression", "nothing")
            raise ExpressionError(QT_TRANSLATE_NOOP("Expression", "the value of {name} must be a number such as 2, "
                                                                  "-0.5 or 1e-3, not {shown}").format(name=name,
                                                                                                      shown=shown),
                                  number_column + len(number_part) - len(number_part.lstrip()))
        value = float(number.group(1) + number.group(2))
        if value in (float("inf"), float("-inf")):
            raise ExpressionError(QT_TRANSLATE_NOOP("Expression", "the value of {name} is too large for a "
                                                                  "float64").format(name=name), number_column)
        values[name] = value
    return values
