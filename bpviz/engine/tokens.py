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

from bpviz.engine.phrases import QT_TRANSLATE_NOOP

__all__ = ["ExpressionError", "Token", "tokenize", "ALIASES", "NAME", "NUMBER", "FUNCTIONS", "METHODS"]

ALIASES = {"\u2212": "-", "×": "*", "·": "*", "÷": "/"}
NUMBER = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
FUNCTIONS = ("tanh", "relu", "sigmoid", "exp", "log", "sqrt", "abs")
METHODS = FUNCTIONS + ("backward",)  # x.tanh() as micrograd writes it; g.backward() marks the output


class ExpressionError(ValueError):
    """A refused expression, program or list of values: ``column`` (1-based, in its line) points at the problem
    when known, ``line`` (1-based) too when the text has several lines; ``offset`` is the 0-based position in
    the whole text (for marking it)."""

    def __init__(self, message: str, column: int | None = None, line: int | None = None,
                 offset: int | None = None):
        # the message stays a phrase (bpviz.engine.phrases): the window shows it in its own language
        if line and column:
            text = QT_TRANSLATE_NOOP("Expression", "line {line}, column {column}: {message}").format(
                line=line, column=column, message=message)
        elif line:
            text = QT_TRANSLATE_NOOP("Expression", "line {line}: {message}").format(line=line, message=message)
        elif column:
            text = QT_TRANSLATE_NOOP("Expression", "column {column}: {message}").format(column=column,
                                                                                         message=message)
        else:
            text = message
        super().__init__(text)
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
        return QT_TRANSLATE_NOOP("Expression", "a new line") if self.text == "\n" else repr(self.text)


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
                raise r.error(QT_TRANSLATE_NOOP("Expression", "';' inside brackets: a bracket opened before it is "
                                                              "never closed"), i)
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
                raise r.error(QT_TRANSLATE_NOOP("Expression", "'==' compares, which expressions do not: write name "
                                                              "= expression to give a name a value"), i)
            depth += 1 if c == "(" else -1 if c == ")" and depth else 0
            tokens.append(r.token("op", c, i))
            i += 1
        elif c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit()):
            m = NUMBER.match(text, i)
            tokens.append(r.token("number", m.group(0), i))
            i = m.end()
            if i < n and (text[i].isalpha() or text[i] == "_"):
                raise r.error(QT_TRANSLATE_NOOP("Expression", "a number cannot run into {char!r}: write a * "
                                                              "between them").format(char=text[i]), i)
            if i < n and text[i] == ".":
                raise r.error(QT_TRANSLATE_NOOP("Expression", "unexpected '.' after a number: write (2).tanh() or "
                                                              "tanh(2)"), i)
        elif c.isalpha() or c == "_":
            m = NAME.match(text, i)
            if m is None:  # a letter outside ASCII
                raise r.error(QT_TRANSLATE_NOOP("Expression", "unexpected character {char!r}: names use the "
                                                              "letters a-z, digits and _").format(char=text[i]), i)
            if m.group(0).startswith("__"):
                raise r.error(QT_TRANSLATE_NOOP("Expression", "names starting with '__' are not allowed "
                                                              "({name})").format(name=m.group(0)), i)
            tokens.append(r.token("name", m.group(0), i))
            i = m.end()
        elif c == ".":
            m = NAME.match(text, i + 1)
            if m is None or m.group(0) not in METHODS or not text[m.end():].lstrip(" \t").startswith("("):
                raise r.error(QT_TRANSLATE_NOOP("Expression", "unexpected '.': attributes are not part of "
                                                              "expressions (only {methods}); decimals are written "
                                                              "0.5").format(
                    methods=", ".join("." + f + "()" for f in METHODS)), i)
            tokens.append(r.token("op", ".", i))
            i += 1
        elif c == "^":
            raise r.error(QT_TRANSLATE_NOOP("Expression", "'^' is not a power here (as in Python): write x**2"), i)
        else:
            raise r.error(QT_TRANSLATE_NOOP("Expression", "unexpected character {char!r}: only numbers, names, "
                                                          "functions such as tanh(x), + - * / ** ( ) = and ; are "
                                                          "allowed").format(char=text[i]), i)
    tokens.append(r.token("end", "", n))
    return tokens
