"""The tokenizer of the expression language (``expression``): text → numbers, names, operators and statement
separators, each with its line and column; and ``ExpressionError``, the one exception of the language.

Positions are 1-based. A one-line text's errors read ``column C: ...`` (as the one-line expression field shows
them); a text of several lines reads ``line L, column C: ...``. ``−``, ``×``, ``·`` and ``÷`` (as the app prints
them) are read as ``-``, ``*``, ``*`` and ``/``; ``#`` starts a comment that runs to the end of the line; a new
line inside brackets continues the statement (as in Python).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ExpressionError", "Token", "tokenize", "ALIASES", "NAME", "NUMBER", "FUNCTIONS", "METHODS"]

ALIASES = {"\u2212": "-", "×": "*", "·": "*", "÷": "/"}
NUMBER = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
FUNCTIONS = ("tanh", "relu", "sigmoid", "exp", "log", "sqrt", "abs")
METHODS = FUNCTIONS + ("backward",)  # x.tanh() as micrograd writes it; g.backward() marks the output
_ALLOWED = "numbers, names, functions such as tanh(x), + - * / ** ( ) = and ;"


class ExpressionError(ValueError):
    """A refused expression, program or list of values: ``column`` (1-based, in its line) points at the problem
    when known, ``line`` (1-based) too when the text has several lines; ``offset`` is the 0-based position in
    the whole text (for marking it)."""

    def __init__(self, message: str, column: int | None = None, line: int | None = None,
                 offset: int | None = None):
        where = (f"line {line}, column {column}: " if line and column else f"line {line}: " if line
                 else f"column {column}: " if column else "")
        super().__init__(where + message)
        self.message = message
        self.column = column
        self.line = line
        self.offset = offset if offset is not None else (column - 1 if column and not line else None)


@dataclass(frozen=True)
class Token:
    kind: str  # "number", "name", "op" (+ - * / ** ( ) . = += -= *= /=), "sep" (; or a new line) or "end"
    text: str
    column: int  # 1-based, in its line
    line: int  # 1-based
    offset: int  # 0-based, in the whole text

    @property
    def shown(self) -> str:
        return "a new line" if self.text == "\n" else repr(self.text)


class _Reader:
    def __init__(self, text: str):
        self.text, self.multiline = text, "\n" in text
        self.line, self.line_start = 1, 0

    def error(self, message: str, i: int) -> ExpressionError:
        return ExpressionError(message, i - self.line_start + 1, self.line if self.multiline else None, i)

    def token(self, kind: str, text: str, i: int) -> Token:
        return Token(kind, text, i - self.line_start + 1, self.line, i)


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, ending with an "end" token; an ExpressionError at the first character that
    belongs to no token."""
    r = _Reader(text)
    tokens: list[Token] = []
    i, n, depth = 0, len(text), 0
    while i < n:
        c = ALIASES.get(text[i], text[i])
        if c == "\n":
            if depth == 0:
                tokens.append(r.token("sep", "\n", i))
            i += 1
            r.line, r.line_start = r.line + 1, i
        elif c.isspace():
            i += 1
        elif c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c == ";":
            if depth:
                raise r.error("';' inside brackets: a bracket opened before it is never closed", i)
            tokens.append(r.token("sep", ";", i))
            i += 1
        elif c in "+-*/=()":
            two = text[i:i + 2]
            if c == "*" and two == "**":
                tokens.append(r.token("op", "**", i))
                i += 2
                continue
            if c in "+-*/" and two[1:] == "=":
                tokens.append(r.token("op", c + "=", i))
                i += 2
                continue
            if c == "=" and two == "==":
                raise r.error("'==' compares, which expressions do not: write name = expression to give a "
                              "name a value", i)
            depth += 1 if c == "(" else -1 if c == ")" and depth else 0
            tokens.append(r.token("op", c, i))
            i += 1
        elif c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit()):
            m = NUMBER.match(text, i)
            tokens.append(r.token("number", m.group(0), i))
            i = m.end()
            if i < n and (text[i].isalpha() or text[i] == "_"):
                raise r.error(f"a number cannot run into {text[i]!r}: write a * between them", i)
            if i < n and text[i] == ".":
                raise r.error("unexpected '.' after a number: write (2).tanh() or tanh(2)", i)
        elif c.isalpha() or c == "_":
            m = NAME.match(text, i)
            if m is None:  # a letter outside ASCII
                raise r.error(f"unexpected character {text[i]!r}: names use the letters a-z, digits and _", i)
            if m.group(0).startswith("__"):
                raise r.error(f"names starting with '__' are not allowed ({m.group(0)})", i)
            tokens.append(r.token("name", m.group(0), i))
            i = m.end()
        elif c == ".":
            m = NAME.match(text, i + 1)
            if m is None or m.group(0) not in METHODS or not text[m.end():].lstrip(" \t").startswith("("):
                raise r.error("unexpected '.': attributes are not part of expressions (only "
                              f"{', '.join('.' + f + '()' for f in METHODS)}); decimals are written 0.5", i)
            tokens.append(r.token("op", ".", i))
            i += 1
        elif c == "^":
            raise r.error("'^' is not a power here (as in Python): write x**2", i)
        else:
            raise r.error(f"unexpected character {text[i]!r}: only {_ALLOWED} are allowed", i)
    tokens.append(r.token("end", "", n))
    return tokens
