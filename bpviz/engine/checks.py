"""Checking a value that came from outside (a session file, the command line, a field) before anything uses it.

Settings arrive from JSON, where anything can stand in any place: ``true`` where a count belongs (Python calls
it a number), a list where a name belongs (``x in some_dict`` then fails with "unhashable type"), an integer of
400 digits (``float()`` overflows), a string of a megabyte. These helpers answer each case with one short
sentence naming the field, and show the offending value in a few characters, never in full: a refusal must fit
in a message box (text is cut as bpviz.quoting cuts what a user typed). The standard library only.

The refusals are phrases (bpviz.engine.phrases): the window shows them in its language. ``what`` names the value:
a phrase too where it is a word (``QT_TRANSLATE_NOOP("Setting", "learning rate")``), plain text where it is a key
or a symbol (``n_samples``, ``w5``).
"""

from __future__ import annotations

import math
import numbers

from bpviz.engine.phrases import QT_TRANSLATE_NOOP
from bpviz.quoting import QUOTED_CHARS, shorten


def is_whole(value) -> bool:
    """An integer (Python or NumPy), not a bool."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def is_real(value) -> bool:
    """A real number (an integer counts, a bool does not)."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def show(value) -> str:
    """``value`` as a refusal quotes it: short, whatever its size or depth."""
    if is_whole(value):
        value = int(value)
        if abs(value) < 10**20:
            return str(value)
        try:
            return f"{float(value):.6g}"
        except OverflowError:
            return QT_TRANSLATE_NOOP("Checks", "a whole number of about {digits} digits").format(
                digits=int(value.bit_length() * math.log10(2)) + 1)
    if is_real(value):
        return repr(float(value))  # not np.float64(...): the plain number the user typed
    if isinstance(value, str):
        return repr(shorten(value))
    if isinstance(value, (list, tuple, dict)):
        items = [*value, *value.values()] if isinstance(value, dict) else value
        if len(value) <= 4 and all(_plain(v) for v in items):
            text = repr(value)
            if len(text) <= QUOTED_CHARS:
                return text
        if isinstance(value, dict):
            template = (QT_TRANSLATE_NOOP("Checks", "an object of {n:,} item") if len(value) == 1
                        else QT_TRANSLATE_NOOP("Checks", "an object of {n:,} items"))
        else:
            template = (QT_TRANSLATE_NOOP("Checks", "a list of {n:,} item") if len(value) == 1
                        else QT_TRANSLATE_NOOP("Checks", "a list of {n:,} items"))
        return template.format(n=len(value))
    return shorten(repr(value), QUOTED_CHARS)


def _plain(value) -> bool:
    """A value whose repr is short and cannot fail (an int of 5,000 digits has no repr)."""
    return (value is None or isinstance(value, (bool, float)) or is_whole(value) and abs(value) < 10**20
            or isinstance(value, str) and len(value) <= QUOTED_CHARS)


def show_names(names, limit: int = 3) -> str:
    """A few names (unknown keys, say), and how many more there are; a name that is not plain short text is
    quoted as ``show`` does."""
    names = list(names)
    shown = ", ".join(n if isinstance(n, str) and n.isprintable() and 0 < len(n) <= QUOTED_CHARS else show(n)
                      for n in names[:limit])
    if len(names) <= limit:
        return shown
    return shown + QT_TRANSLATE_NOOP("Checks", " and {more:,} more").format(more=len(names) - limit)


def whole_number(what: str, value, low: int, high: int) -> int:
    """``value`` as an int in [low, high]; ValueError naming ``what`` otherwise."""
    if is_whole(value) and low <= value <= high:
        return int(value)
    raise ValueError(QT_TRANSLATE_NOOP("Checks", "{what} must be a whole number from {low} to {high}, got {value}")
                     .format(what=what, low=low, high=high, value=show(value)))


def real_number(what: str, value, low: float | None = None, high: float | None = None,
                low_open: bool = False) -> float:
    """``value`` as a finite float within the bounds given; ValueError naming ``what`` otherwise."""
    not_finite = QT_TRANSLATE_NOOP("Checks", "{what} must be a finite number, got {value}")
    if not is_real(value):
        raise ValueError(not_finite.format(what=what, value=show(value)))
    try:
        number = float(value)
    except OverflowError:  # an int beyond float's range
        raise ValueError(QT_TRANSLATE_NOOP("Checks", "{what} is too large for a float64, got {value}")
                         .format(what=what, value=show(value))) from None
    if not math.isfinite(number):
        raise ValueError(not_finite.format(what=what, value=show(value)))
    between = QT_TRANSLATE_NOOP("Checks", "{what} must be between {low:g} and {high:g}, got {value}")
    if low is not None and (number <= low if low_open else number < low):
        if high is not None:
            raise ValueError(between.format(what=what, low=low, high=high, value=show(value)))
        above = (QT_TRANSLATE_NOOP("Checks", "{what} must be > {low:g}, got {value}") if low_open
                 else QT_TRANSLATE_NOOP("Checks", "{what} must be >= {low:g}, got {value}"))
        raise ValueError(above.format(what=what, low=low, value=show(value)))
    if high is not None and number > high:
        raise ValueError(between.format(what=what, low=low or 0, high=high, value=show(value)))
    return number


def choice(what: str, value, choices) -> str:
    """``value`` if it is one of the names ``choices``; ValueError listing them otherwise (a list or a number
    in place of a name is refused in the same words, never with "unhashable type")."""
    if isinstance(value, str) and value in choices:
        return value
    raise ValueError(QT_TRANSLATE_NOOP("Checks", "unknown {what} {value} (choose from {choices})")
                     .format(what=what, value=show(value), choices=", ".join(choices)))
