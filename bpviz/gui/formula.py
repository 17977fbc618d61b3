"""The trace's plain-text formulas and names as Qt rich text (the HTML 4 subset Qt renders; no MathML).

Pure string functions, no Qt import, so they are cheap to test. The rules, in the order the scanner applies them:

- ``&``, ``<`` and ``>`` are escaped;
- a number (``0.15``, ``1e-05``, ``2.5E+20``) is kept as written, except that scientific notation becomes
  ``1×10<sup>−5</sup>`` and a minus sign is the typographic ``−``; digits inside a number are never subscripted;
- a name with ``_`` parts gets them as one subscript: ``net_h1`` → ``net<sub>h1</sub>``, ``E_total`` →
  ``E<sub>total</sub>``, ``out_h1_2`` → ``out<sub>h1,2</sub>`` (neuron 2 of hidden layer 1), ``b_h1`` →
  ``b<sub>h1</sub>``; a one-letter name's number is a subscript too: ``w5`` → ``w<sub>5</sub>``, ``h1_2`` →
  ``h<sub>1,2</sub>``;
- other words (``tanh``, ``max``, ``ln``, ``sign``, ``if``, ``softmax_ce``) stay as written;
- ``e^(x)`` becomes ``exp(x)`` (see ``to_html``); any other ``^(...)`` becomes a superscript of what the
  brackets hold (rendered by the same rules), ``^x`` a superscript of the next token: ``x^2`` → ``x<sup>2</sup>``;
- everything else (``·``, ``−``, ``∂``, ``²``, ``⁺``, ``½``, ``Σ``, brackets, spaces) is kept.

Letters are not italicised: the multi-letter names of the worked example (net, out) read better upright and
one rule for every letter keeps the look consistent.
"""

from __future__ import annotations

import re

__all__ = ["to_html", "name_html", "number_html", "plain_text"]

MINUS = "\u2212"
_DIGITS = "0123456789"
_NUMBER = re.compile(r"([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE]([+-]?[0-9]+))?")
_SUB_PART = re.compile(r"_([A-Za-z0-9]+)")
# Multi-letter bases whose "_x" parts are subscripts; one-letter bases (w, b, E, δ, ...) always are.
_SUBSCRIPTED_WORDS = {"net", "out", "delta"}
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def to_html(text: str, *, exp_superscript: bool = False) -> str:
    """``text`` (a formula, a name, or a sentence quoting them) as Qt rich text.

    ``e^(x)`` becomes ``exp(x)``: Qt cannot lower a subscript inside a superscript (``e^(−net_h1)`` would draw
    as e with an exponent ``−net`` and a subscript ``h1``, and at text size the exponent is tiny).
    ``exp_superscript=True`` gives ``e<sup>x</sup>`` instead."""
    text = str(text)
    return _Scanner(text, exp_superscript).render(0, len(text))


def name_html(step_name: str) -> str:
    """A step's name (``dE/dw5``, ``delta_o1``, ``w5+``) as Qt rich text, via ``display_name``."""
    from bpviz.engine.step import display_name

    return to_html(display_name(step_name))


def number_html(value: float) -> str:
    """A value as the stepper shows it: 9 significant digits, typographic minus, no brackets."""
    return to_html(f"{float(value):.9g}")


def value_html(step) -> str:
    """A step's value (``number_html``), or a layer's values as ``[0.1, 0.2, …]``."""
    if step.values:
        from bpviz.engine.step import vector_text

        return to_html(vector_text(step.values))
    return number_html(step.value)


_TAG = re.compile(r"<[^>]*>")
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&nbsp;": "\u00a0"}


def plain_text(html: str) -> str:
    """The visible characters of rich text made by this module (tags dropped, entities decoded)."""
    text = _TAG.sub("", html)
    return re.sub(r"&(lt|gt|amp|nbsp);", lambda m: _ENTITIES[m.group(0)], text)


def _escape(text: str) -> str:
    return "".join(_ESCAPES.get(c, c) for c in text)


class _Scanner:
    def __init__(self, text: str, exp_superscript: bool = False):
        self.text = text
        self.exp_superscript = exp_superscript

    def render(self, start: int, end: int) -> str:
        """Rich text for ``text[start:end]``."""
        text, out, i = self.text, [], start
        while i < end:
            c = text[i]
            if c == "^":
                html, i = self.superscript(i + 1, end)
                out.append(html)
            elif c in _DIGITS or (c == "." and i + 1 < end and text[i + 1] in _DIGITS):
                html, i = self.number(i, end)
                out.append(html)
            elif c.isalpha():
                if (not self.exp_superscript and text.startswith("e^(", i)
                        and not (i > start and text[i - 1].isalpha())):
                    out.append("exp")  # the bracket that follows is rendered as any other
                    i += 2
                    continue
                html, i = self.name(i, end)
                out.append(html)
            elif c == "(" and text.startswith("((", i) and self.doubled(i, end):
                # ((x)): tanh((-0.5)) from tanh({net}) with a bracketed negative number reads as tanh(−0.5)
                close = self.matching(i, end)
                out.append(f"({self.render(i + 2, close - 1)})")
                i = close + 1
            elif c == "-":
                # A hyphen between two letters is a hyphen; anywhere else it is a minus sign.
                before = text[i - 1] if i > start else ""
                after = text[i + 1] if i + 1 < end else ""
                out.append("-" if before.isalpha() and after.isalpha() else MINUS)
                i += 1
            else:
                out.append(_ESCAPES.get(c, c))
                i += 1
        return "".join(out)

    def superscript(self, i: int, end: int) -> tuple[str, int]:
        """``^(...)`` or ``^token`` starting after the caret; returns (html, index after it)."""
        text = self.text
        if i >= end or text[i].isspace():
            return "^", i
        if text[i] == "(":
            close = self.matching(i, end)
            if close is None:  # unbalanced: superscript the rest
                return f"<sup>{self.render(i + 1, end)}</sup>", end
            first, last = i + 1, close
            if self.text.startswith("(", first) and self.matching(first, last) == last - 1:
                first, last = first + 1, last - 1  # e^((-0.5)) → e<sup>−0.5</sup>
            return f"<sup>{self.render(first, last)}</sup>", close + 1
        j = i + 1
        if text[i] in _DIGITS or text[i] == ".":
            m = _NUMBER.match(text, i, end)
            j = m.end() if m else j
        elif text[i].isalpha():
            j = self.name_end(i, end)
        elif text[i] in "-−" and i + 1 < end:
            j = self.superscript_token_end(i + 1, end)
        return f"<sup>{self.render(i, j)}</sup>", j

    def superscript_token_end(self, i: int, end: int) -> int:
        text = self.text
        if text[i] in _DIGITS or text[i] == ".":
            m = _NUMBER.match(text, i, end)
            return m.end() if m else i + 1
        if text[i].isalpha():
            return self.name_end(i, end)
        return i + 1

    def doubled(self, i: int, end: int) -> bool:
        """Whether the brackets opening at ``i`` and ``i + 1`` also close together."""
        outer, inner = self.matching(i, end), self.matching(i + 1, end)
        return outer is not None and inner is not None and inner == outer - 1

    def matching(self, i: int, end: int) -> int | None:
        """Index of the bracket closing the one at ``i``."""
        depth = 0
        for j in range(i, end):
            if self.text[j] == "(":
                depth += 1
            elif self.text[j] == ")":
                depth -= 1
                if depth == 0:
                    return j
        return None

    def number(self, i: int, end: int) -> tuple[str, int]:
        m = _NUMBER.match(self.text, i, end)
        mantissa, exponent = m.group(1), m.group(2)
        if exponent is None:
            return mantissa, m.end()
        power = int(exponent)
        sign = MINUS if power < 0 else ""
        return f"{mantissa}×10<sup>{sign}{abs(power)}</sup>", m.end()

    def name_end(self, i: int, end: int) -> int:
        text = self.text
        while i < end and text[i].isalpha():
            i += 1
        while i < end and text[i] in _DIGITS:
            i += 1
        while True:
            m = _SUB_PART.match(text, i, end)
            if not m:
                return i
            i = m.end()

    def name(self, i: int, end: int) -> tuple[str, int]:
        j = self.name_end(i, end)
        word = self.text[i:j]
        head, *subs = word.split("_")
        letters = head.rstrip("0123456789")
        digits = head[len(letters):]
        if word == "inf":
            return "∞", j
        if len(letters) == 1 and digits:  # w5, i1, h1_2
            return f"{_escape(letters)}<sub>{','.join([digits, *subs])}</sub>", j
        if subs and not digits and (len(letters) == 1 or letters in _SUBSCRIPTED_WORDS):
            return f"{_escape(letters)}<sub>{','.join(subs)}</sub>", j
        return _escape(word), j
