"""Text a user typed, quoted inside a message without letting its length reach the window.

A refusal such as "w1: '1111…' is not a number" is shown in a label. Quoted whole, 10,000 typed characters
made that label (and so the window) 77,000 px wide: a wrapping label cannot break a word, and a number has no
spaces. Every message that repeats what was typed quotes it through ``quote_typed`` (the start of the text and
its length), and a label that shows messages passes them through ``shorten_words`` as well, for messages made
elsewhere (the engine's parser names the token it refuses, which can be as long as the text).

Plain Python: the command line can use it too.
"""

from __future__ import annotations

import re

QUOTED_CHARS = 40  # characters of a typed text kept in a message: enough to recognise it, short enough to wrap
WORD_CHARS = 48  # no word of a shown message longer than this (about 350 px): wrapping can place it on a line
# (longer than a quote_typed quotation, quotes and "…" included, which is shortened already)
MESSAGE_CHARS = 600  # no shown message longer than this (about ten lines of a narrow panel)
ELLIPSIS = "…"

_LONG_WORD = re.compile(rf"\S{{{WORD_CHARS + 1},}}")


def shorten(text: str, limit: int = QUOTED_CHARS) -> str:
    """``text`` itself when it has at most ``limit`` characters, else its first ``limit`` characters and "…"."""
    text = str(text)
    return text if len(text) <= limit else text[:limit] + ELLIPSIS


def quote_typed(text: str, limit: int = QUOTED_CHARS) -> str:
    """What the user typed, quoted for a message: ``'abc'``, or ``'1111…' (10,000 characters)`` when long.

    Surrounding blanks are dropped (they are not what the message is about); characters that would not show
    (line breaks, tabs, control characters) are written as escapes, as ``repr`` does.
    """
    text = str(text).strip()
    quoted = repr(shorten(text, limit))
    if len(text) > limit:
        quoted += f" ({len(text):,} characters)"
    return quoted


def shorten_words(message: str, limit: int = WORD_CHARS, total: int = MESSAGE_CHARS) -> str:
    """``message`` with every run of more than ``limit`` non-blank characters cut to ``limit`` and "…", and the
    whole cut to ``total`` characters: a wrapping label can then always fit it in a narrow column."""
    message = _LONG_WORD.sub(lambda m: m.group(0)[:limit] + ELLIPSIS, str(message))
    return shorten(message, total)


__all__ = ["ELLIPSIS", "MESSAGE_CHARS", "QUOTED_CHARS", "WORD_CHARS", "quote_typed", "shorten", "shorten_words"]
