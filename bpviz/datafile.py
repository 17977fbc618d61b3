"""Point sets in CSV files: imported into the playground (or ``bpviz train --data``) and exported back.

A file holds one point a line, ``x1,x2,label`` (a class: a whole number 0 … K−1 or a name) or ``x1,x2,value``
(regression). A first line of column names says which: a third column called label/class (or labels/classes)
holds classes, one called value/target/y (or values/targets) holds values, in any case; under another name, or
without a header (the first line is all numbers), the column decides: whole numbers written without a point
(0, 1, 2) are class numbers, other numbers are values, names are classes. Named classes are numbered in the order
they first appear. Columns are separated by commas, semicolons or tabs (the first line that is not a comment
tells which); decimal commas are not read. Blank lines and lines starting with ``#`` are skipped. A set has at
most MAX_POINTS points and 2 to 6 classes, at least two of them present; coordinates outside the view's square
are rescaled into it (``bpviz.engine.points.rescale_into_view``).

A file bpviz writes gives back the very same PointSet: raw coordinates as exact floats (``repr``), names quoted
as CSV quotes them, and, only when the defaults above would not restore them, two comments: ``# bpviz
rescaling: scale S1 S2 offset O1 O2`` (the view's map, kept when points were added after an import) and ``#
bpviz classes: [JSON list]`` (names in their order, classes without points). Other programs skip them as
comments (pandas: ``comment="#"``). (A point drawn into a rescaled set may lie where no raw float64 maps
exactly; it comes back as near as the raw floats allow: within half a raw float's step times the scale.)

Every refusal is one DataFileError sentence naming the file and the line, as an editor numbers lines. NumPy and
the standard library only. Here: what the columns and the file's comments mean. The file's text (UTF-8, lines,
delimiters, quotes, comments) is read by ``bpviz.datafile_text``, the third column's classes by
``bpviz.datafile_classes``; ``bpviz.datafile_write`` writes the files. Callers import all of it from here.
"""

from __future__ import annotations

import math
import re

import numpy as np

from bpviz.datafile_classes import read_classes
from bpviz.datafile_text import (
    MAX_FILE_BYTES,
    RESCALING_TAG,
    DataFileError,
    cannot_import,
    encoding_problem,
    is_number,
    records,
    short,
)
from bpviz.datafile_write import points_csv, write_points
from bpviz.engine.checks import show
from bpviz.engine.phrases import QT_TRANSLATE_NOOP, join, phrase_of
from bpviz.engine.points import MAX_POINTS, VIEW_HALF_WIDTH, PointSet, rescale_into_view
from bpviz.files import FileError, file_path, read_text

__all__ = ["DataFileError", "parse_points", "points_csv", "read_points", "write_points"]

CLASS_WORDS = ("label", "labels", "class", "classes")  # a third column of these names holds classes
VALUE_WORDS = ("value", "values", "target", "targets", "y")  # … of these, values to predict

_INTEGER = re.compile(r"\s*[+-]?\d+\s*")
_DECIMAL_COMMA = re.compile(r"\s*[+-]?\d*,\d+\s*")
_RESCALING = re.compile(rf"{re.escape(RESCALING_TAG)}\s*scale\s+(\S+)\s+(\S+)\s+offset\s+(\S+)\s+(\S+)")
_COLUMN_WORDS = {"value": QT_TRANSLATE_NOOP("DataFile", "value")}  # x1, x2: symbols in every language
_LIST_SEPARATOR = QT_TRANSLATE_NOOP("DataFile", ", ")


def read_points(path) -> PointSet:
    """The points of a CSV file. FileError when the file cannot be read, DataFileError when it is not a valid
    point set (or not UTF-8 text)."""
    try:
        text = read_text(path, limit=MAX_FILE_BYTES)
    except FileError as exc:
        raise encoding_problem(path) or exc from None
    return parse_points(text, str(file_path(path, "open")))


def parse_points(text: str, source: str) -> PointSet:
    """The points of a CSV text; ``source`` names it in refusals ("Cannot import SOURCE: line 7 …")."""
    return _Parser(source).parse(text)


class _Parser:
    def __init__(self, source: str):
        self.source = source
        self.comments: list[tuple[int, str]] = []  # (line, text after '#') of the lines skipped as comments

    def refuse(self, problem: str) -> DataFileError:
        """``problem`` (a phrase) as the refusal of the file."""
        return DataFileError(cannot_import(self.source, problem))

    def parse(self, text: str) -> PointSet:
        rows = []  # (line, x1, x2, third column's text)
        first, has_header = True, False
        mode = None  # "classes" or "values" when the header says which, else None: the column decides
        text = text.removeprefix("\ufeff")  # Excel's "CSV UTF-8" starts with a BOM
        for line, fields in records(text, self.refuse, self.comments):
            if first:
                first, header = False, self._header(line, fields)
                if header is not None:
                    has_header, mode = True, header or None
                    continue
            if len(rows) == MAX_POINTS:
                raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} holds point {point:,}; a file may hold "
                                                                "at most {most:,} points")
                                  .format(line=line, point=MAX_POINTS + 1, most=MAX_POINTS))
            self._check_columns(line, fields, mode)
            rows.append((line, self._number(line, fields[0], "x1"), self._number(line, fields[1], "x2"),
                         fields[2]))
        if not rows:
            raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "the file holds no points (only a header)") if has_header
                              else QT_TRANSLATE_NOOP("DataFile", "the file holds no points (only comments)")
                              if self.comments else QT_TRANSLATE_NOOP("DataFile", "the file holds no points"))
        lines = [r[0] for r in rows]
        raw = np.array([(r[1], r[2]) for r in rows], dtype=np.float64)
        thirds = [(r[0], r[3]) for r in rows]
        if mode == "values" or mode is None and _all_values(thirds):
            values = np.array([self._number(line, t, "value") for line, t in thirds])
            return self._point_set(lines, raw, values, (), regression=True)
        y, names = read_classes(thirds, declared=mode == "classes", comments=self.comments, refuse=self.refuse)
        return self._point_set(lines, raw, y, names, regression=False)

    # ------------------------------------------------------------------ columns
    def _header(self, line: int, fields: list[str]) -> str | None:
        """"classes" or "values" for a header that names the third column, "" for another header, None for
        a row of data."""
        third = fields[2].strip().lower() if len(fields) >= 3 else ""
        if third in CLASS_WORDS or third in VALUE_WORDS:
            words = "classes" if third in CLASS_WORDS else "values"
        elif any(is_number(f) for f in fields[:3]):
            return None
        else:
            words = ""
        if len(fields) != 3:
            n = len(fields)
            problem = (QT_TRANSLATE_NOOP("DataFile", "line {line} (the header) has {n} column, expected 3 ({expected})")
                       if n == 1 else
                       QT_TRANSLATE_NOOP("DataFile", "line {line} (the header) has {n} columns, expected 3 "
                                                     "({expected})"))
            raise self.refuse(problem.format(line=line, n=n, expected=_expected(words or None)))
        return words

    def _check_columns(self, line: int, fields: list[str], mode) -> None:
        n = len(fields)
        if n < 3:
            problem = (QT_TRANSLATE_NOOP("DataFile", "line {line} has {n} column, expected 3 ({expected}), separated "
                                                     "by commas, semicolons or tabs") if n == 1 else
                       QT_TRANSLATE_NOOP("DataFile", "line {line} has {n} columns, expected 3 ({expected})"))
            raise self.refuse(problem.format(line=line, n=n, expected=_expected(mode)))
        if n > 3:
            decimal_commas = all(_INTEGER.fullmatch(f) for f in fields)  # 1,5,2,25,0 was 1.5;2.25;0
            problem = (QT_TRANSLATE_NOOP("DataFile", "line {line} has {n} columns, {extra} more than the 3 expected "
                                                     "({expected}); decimal commas are not read: write 1.5, not 1,5")
                       if decimal_commas else
                       QT_TRANSLATE_NOOP("DataFile", "line {line} has {n} columns, {extra} more than the 3 expected "
                                                     "({expected})"))
            raise self.refuse(problem.format(line=line, n=n, extra=n - 3, expected=_expected(mode)))

    def _number(self, line: int, text: str, what: str) -> float:
        """The number of a column: ``what`` is "x1", "x2" or "value" (the column named in the refusals)."""
        t = text.strip()
        shown = _COLUMN_WORDS.get(what, what)
        if not t:
            raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has no {what}").format(line=line, what=shown))
        try:
            value = float(t)
        except ValueError:
            if _DECIMAL_COMMA.fullmatch(t):
                raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has {what} {text} with a decimal comma; "
                                                                "decimal commas are not read: write {fixed}")
                                  .format(line=line, what=shown, text=show(t), fixed=t.replace(",", "."))) from None
            raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has the text {text} where its {what} (a "
                                                            "number) belongs")
                              .format(line=line, text=show(t), what=shown)) from None
        if math.isfinite(value):
            return value
        if "n" in t.lower():  # nan, inf, infinity: written as such
            kind = QT_TRANSLATE_NOOP("DataFile", "coordinate") if what in ("x1", "x2") else shown
            raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has {what} {text}; every {kind} must be a "
                                                            "finite number")
                              .format(line=line, what=shown, text=show(t), kind=kind))
        raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has {what} {text}, beyond the range of float64 "
                                                        "numbers (about ±1.8e308)")
                          .format(line=line, what=shown, text=short(t)))

    # ------------------------------------------------------------------ the set
    def _point_set(self, lines, raw: np.ndarray, y: np.ndarray, names, regression: bool) -> PointSet:
        """The set in the view: moved by the map of a ``# bpviz rescaling`` comment if it still fits, else as
        rescale_into_view moves it."""
        with np.errstate(all="ignore"):  # coordinates near the float64 limit: refused below, not warned about
            for scale, offset in filter(None, (self._listed_rescaling(), rescale_into_view(raw))):
                view = _view(raw, scale, offset)
                if view is not None:
                    break
            else:
                ranges = join(_LIST_SEPARATOR, [
                    QT_TRANSLATE_NOOP("DataFile", "{axis} from {low:.4g} to {high:.4g}")
                    .format(axis=f"x{i + 1}", low=raw[:, i].min(), high=raw[:, i].max()) for i in (0, 1)])
                raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "the coordinates ({ranges}, lines {first} to {last}) "
                                                                "are too large to be rescaled into the view")
                                  .format(ranges=ranges, first=lines[0], last=lines[-1]))
        try:
            return PointSet(view, y, regression, names, scale, offset)
        except ValueError as exc:
            raise self.refuse(phrase_of(exc)) from None

    def _listed_rescaling(self):
        """(scale, offset) of a ``# bpviz rescaling:`` comment, None without a readable one."""
        for _, text in self.comments:
            match = _RESCALING.match(text)
            if match and all(map(is_number, match.groups())):
                s1, s2, o1, o2 = map(float, match.groups())
                return (s1, s2), (o1, o2)
        return None


def _view(raw: np.ndarray, scale, offset) -> np.ndarray | None:
    """The points moved by this map, None if it does not bring them into the view."""
    if (scale, offset) == ((1.0, 1.0), (0.0, 0.0)):
        view = raw  # as written, −0.0 included (x·1 + 0 would make it +0.0)
    elif all(map(math.isfinite, scale + offset)) and min(scale) > 0:
        view = raw * np.array(scale) + np.array(offset)  # as PointSet.to_view computes it
    else:
        return None
    return view if np.isfinite(view).all() and np.abs(view).max() <= VIEW_HALF_WIDTH else None


def _all_values(thirds) -> bool:
    """Without a header that says so: numbers, not all whole numbers written without a point, are values."""
    return all(is_number(t) for _, t in thirds) and not all(_INTEGER.fullmatch(t) for _, t in thirds)


def _expected(mode) -> str:
    """The columns a line should have (the column names stay as they are in every language)."""
    return {"classes": "x1, x2, label", "values": "x1, x2, value"}.get(
        mode, QT_TRANSLATE_NOOP("DataFile", "x1, x2 and a label or value"))

