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
the standard library only.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import stat

import numpy as np

from bpviz.engine.checks import show, show_names
from bpviz.engine.phrases import QT_TRANSLATE_NOOP, Phrase, join, phrase_of
from bpviz.engine.points import (
    MAX_CLASSES,
    MAX_NAME_CHARS,
    MAX_POINTS,
    MIN_CLASSES,
    VIEW_HALF_WIDTH,
    PointSet,
    default_class_names,
    rescale_into_view,
)
from bpviz.files import FileError, decode_json, file_path, read_text, write_text

CLASS_WORDS = ("label", "labels", "class", "classes")  # a third column of these names holds classes
VALUE_WORDS = ("value", "values", "target", "targets", "y")  # … of these, values to predict
DELIMITERS = ("\t", ";", ",")  # in the order they are looked for: a comma can be a decimal comma
MAX_FILE_BYTES = 16 * 1024 * 1024  # 10,000 points take about 0.5 MB; the rest may be comments
RESCALING_TAG, CLASSES_TAG = "bpviz rescaling:", "bpviz classes:"

_INTEGER = re.compile(r"\s*[+-]?\d+\s*")
_DECIMAL_COMMA = re.compile(r"\s*[+-]?\d*,\d+\s*")
_RESCALING = re.compile(rf"{re.escape(RESCALING_TAG)}\s*scale\s+(\S+)\s+(\S+)\s+offset\s+(\S+)\s+(\S+)")
_LINE_BREAKS = re.compile(rb"\r\n|\r|\n")
_COLUMN_WORDS = {"value": QT_TRANSLATE_NOOP("DataFile", "value")}  # x1, x2: symbols in every language
_LIST_SEPARATOR = QT_TRANSLATE_NOOP("DataFile", ", ")
# states of a CSV line as the csv module reads it (skipinitialspace): where a quoted field may run on
_START, _UNQUOTED, _QUOTED, _QUOTE_IN_QUOTED = range(4)


class DataFileError(FileError):
    """A file that holds no valid point set; the message (a Phrase: bpviz.engine.phrases) names the file and the
    line."""


def _cannot_import(source, problem) -> Phrase:
    return QT_TRANSLATE_NOOP("DataFile", "Cannot import {source}: {problem}").format(source=source, problem=problem)


# ---------------------------------------------------------------------------------------------------- reading
def read_points(path) -> PointSet:
    """The points of a CSV file. FileError when the file cannot be read, DataFileError when it is not a valid
    point set (or not UTF-8 text)."""
    try:
        text = read_text(path, limit=MAX_FILE_BYTES)
    except FileError as exc:
        raise _encoding_problem(path) or exc from None
    return parse_points(text, str(file_path(path, "open")))


def _encoding_problem(path) -> DataFileError | None:
    """Why a file read_text refused is not UTF-8, with the line of the first bad byte; None for another reason."""
    try:
        name = file_path(path, "open")
        if not stat.S_ISREG(os.stat(name).st_mode):  # never open a pipe or a device
            return None
        with open(name, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except (OSError, FileError):
        return None
    if len(data) > MAX_FILE_BYTES:
        return None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return DataFileError(_cannot_import(name, QT_TRANSLATE_NOOP("DataFile", "it is UTF-16 text; save it as "
                                                                                "UTF-8")))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = len(_LINE_BREAKS.findall(data, 0, exc.start)) + 1
        return DataFileError(_cannot_import(name, QT_TRANSLATE_NOOP(
            "DataFile", "line {line} is not UTF-8 text (byte {byte:#04x} cannot be read); save the file as UTF-8")
            .format(line=line, byte=data[exc.start])))
    if "\0" in text:
        line = len(_LINE_BREAKS.findall(data, 0, data.index(b"\0"))) + 1
        return DataFileError(_cannot_import(name, QT_TRANSLATE_NOOP(
            "DataFile", "it is not a text file (line {line} holds a NUL character)").format(line=line)))
    return None


def parse_points(text: str, source: str) -> PointSet:
    """The points of a CSV text; ``source`` names it in refusals ("Cannot import SOURCE: line 7 …")."""
    return _Parser(source).parse(text)


class _Parser:
    def __init__(self, source: str):
        self.source = source
        self.comments: list[tuple[int, str]] = []  # (line, text after '#') of the lines skipped as comments

    def refuse(self, problem: str) -> DataFileError:
        """``problem`` (a phrase) as the refusal of the file."""
        return DataFileError(_cannot_import(self.source, problem))

    def parse(self, text: str) -> PointSet:
        rows = []  # (line, x1, x2, third column's text)
        first, has_header = True, False
        mode = None  # "classes" or "values" when the header says which, else None: the column decides
        for line, fields in self._records(text.removeprefix("\ufeff")):  # Excel's "CSV UTF-8" starts with a BOM
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
        y, names = self._classes(thirds, declared=mode == "classes")
        return self._point_set(lines, raw, y, names, regression=False)

    # ------------------------------------------------------------------ lines and columns
    def _records(self, text: str):
        """(line, fields) of each row that is not blank or a comment; a quoted field may run over lines."""
        delimiter, start, pending, state = None, 0, [], _START
        # lines end at \n, \r\n or \r, as editors count them (str.splitlines also breaks at \f, \x1c, …)
        for number, line in enumerate(io.StringIO(text, newline=""), start=1):
            body = line.rstrip("\r\n")
            if not pending:
                if not body.strip():
                    continue
                if body.lstrip().startswith("#"):
                    self.comments.append((number, body.lstrip()[1:].strip()))
                    continue
                delimiter = delimiter or _delimiter(body)
                start, state = number, _START
            pending.append(line)
            state = _scan(body, delimiter, state)
            if state == _QUOTED:  # the quoted field holds a line break: the row goes on
                continue
            try:
                fields = next(csv.reader(pending, delimiter=delimiter, skipinitialspace=True))
            except csv.Error as exc:
                raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} cannot be read as CSV ({error})")
                                  .format(line=start, error=str(exc))) from None  # Python's words: English
            pending = []
            while len(fields) > 3 and not fields[-1].strip():  # spreadsheets add empty columns
                fields.pop()
            yield start, fields
        if pending:
            raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} opens a quotation mark that is never closed")
                              .format(line=start))

    def _header(self, line: int, fields: list[str]) -> str | None:
        """"classes" or "values" for a header that names the third column, "" for another header, None for
        a row of data."""
        third = fields[2].strip().lower() if len(fields) >= 3 else ""
        if third in CLASS_WORDS or third in VALUE_WORDS:
            words = "classes" if third in CLASS_WORDS else "values"
        elif any(_is_number(f) for f in fields[:3]):
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
                          .format(line=line, what=shown, text=_short(t)))

    # ------------------------------------------------------------------ the third column: classes
    def _classes(self, thirds, declared: bool) -> tuple[np.ndarray, tuple[str, ...]]:
        """Class numbers (as floats) and the classes' names, from the labels of each line."""
        for line, t in thirds:
            if not t.strip():
                raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has no label").format(line=line))
        listed = self._listed_classes()
        if listed is not None:
            y = [self._listed_class(line, t, listed) for line, t in thirds]
            names = listed[1]
        else:
            numbers = [(line, t) for line, t in thirds if _is_number(t)]
            if numbers and len(numbers) < len(thirds):
                name_line, name = next((line, t) for line, t in thirds if not _is_number(t))
                line, number = numbers[0]
                problem = (QT_TRANSLATE_NOOP("DataFile", "line {name_line} has the class name {name} but line {line} "
                                                         "has the number {number}: a label column holds either class "
                                                         "numbers or class names") if declared else
                           QT_TRANSLATE_NOOP("DataFile", "line {name_line} has the class name {name} but line {line} "
                                                         "has the number {number}: a third column holds either class "
                                                         "numbers or class names"))
                raise self.refuse(problem.format(name_line=name_line, name=show(name.strip()), line=line,
                                                 number=_short(number)))
            y, names = self._numbered(thirds) if numbers else self._named(thirds)
        present = sorted(set(y))
        if len(present) < MIN_CLASSES:
            problem = (QT_TRANSLATE_NOOP("DataFile", "every point (line {first}) is of class {name}; a data set needs "
                                                     "points of at least {least} classes") if len(thirds) == 1 else
                       QT_TRANSLATE_NOOP("DataFile", "every point (lines {first} to {last}) is of class {name}; a "
                                                     "data set needs points of at least {least} classes"))
            raise self.refuse(problem.format(first=thirds[0][0], last=thirds[-1][0], name=show(names[present[0]]),
                                             least=MIN_CLASSES))
        return np.array(y, dtype=np.float64), names

    def _numbered(self, thirds) -> tuple[list[int], tuple[str, ...]]:
        y = []
        for line, t in thirds:
            value = float(t)
            if "n" in t.lower():  # nan, inf, infinity
                raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has the label {label}, which is not a "
                                                                "class").format(line=line, label=show(t.strip())))
            if math.isfinite(value) and not value.is_integer():
                raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has the label {label}, neither a class "
                                                                "number (0, 1, 2, …) nor a class name; for numbers to "
                                                                "predict, call the third column value")
                                  .format(line=line, label=_short(t)))
            if value < 0:
                raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has the label {label}, a negative "
                                                                "number: classes are numbered 0, 1, 2, …")
                                  .format(line=line, label=_short(t)))
            if value >= MAX_CLASSES:
                raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has class {label}, but a data set has at "
                                                                "most {most} classes (0 to {last})")
                                  .format(line=line, label=_short(t), most=MAX_CLASSES, last=MAX_CLASSES - 1))
            y.append(int(value))
        return y, default_class_names(max(y) + 1)

    def _named(self, thirds) -> tuple[list[int], tuple[str, ...]]:
        index: dict[str, int] = {}
        for line, t in thirds:
            name = t.strip()
            if name in index:
                continue
            if len(name) > MAX_NAME_CHARS:
                raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has the class name {name}, longer than "
                                                                "{most} characters")
                                  .format(line=line, name=show(name), most=MAX_NAME_CHARS))
            if len(index) == MAX_CLASSES:
                raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has a {nth}th class, {name}; a data set "
                                                                "has at most {most} classes ({names})")
                                  .format(line=line, nth=MAX_CLASSES + 1, name=show(name), most=MAX_CLASSES,
                                          names=show_names(index, MAX_CLASSES)))
            index[name] = len(index)
        return [index[t.strip()] for _, t in thirds], tuple(index)

    def _listed_classes(self) -> tuple[int, tuple[str, ...]] | None:
        """(line, names) of a ``# bpviz classes: [...]`` comment, None without one."""
        for line, text in self.comments:
            if text.startswith(CLASSES_TAG):
                try:
                    names = decode_json(text[len(CLASSES_TAG):])
                except ValueError:
                    names = None
                if not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
                    raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line}'s list of classes is not a JSON "
                                                                    "list of names").format(line=line))
                return line, tuple(names)
        return None

    def _listed_class(self, line: int, text: str, listed) -> int:
        names = listed[1]
        for candidates in (names, [n.strip() for n in names]):  # as written first: " a" and "a" may both be names
            for label in (text, text.strip()):
                if label in candidates:
                    return candidates.index(label)
        raise self.refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has the label {label}, which is not one of the "
                                                        "classes listed on line {listed} ({names})")
                          .format(line=line, label=show(text.strip()), listed=listed[0],
                                  names=show_names(names, MAX_CLASSES)))

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
            if match and all(map(_is_number, match.groups())):
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


def _scan(body: str, delimiter: str, state: int) -> int:
    """The state after reading ``body`` from ``state``, as the csv module reads it: _QUOTED when a quoted field
    goes on past the end of the line."""
    for ch in body:
        if state == _START:
            state = _QUOTED if ch == '"' else _START if ch in (delimiter, " ") else _UNQUOTED
        elif state == _UNQUOTED:
            state = _START if ch == delimiter else _UNQUOTED
        elif state == _QUOTED:
            state = _QUOTE_IN_QUOTED if ch == '"' else _QUOTED
        else:  # a quote in a quoted field: doubled, or the end of the field
            state = _QUOTED if ch == '"' else _START if ch == delimiter else _UNQUOTED
    return state


def _delimiter(line: str) -> str:
    outside_quotes = re.sub(r'"[^"]*"', "", line)
    return next((d for d in DELIMITERS if d in outside_quotes), ",")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _all_values(thirds) -> bool:
    """Without a header that says so: numbers, not all whole numbers written without a point, are values."""
    return all(_is_number(t) for _, t in thirds) and not all(_INTEGER.fullmatch(t) for _, t in thirds)


def _expected(mode) -> str:
    """The columns a line should have (the column names stay as they are in every language)."""
    return {"classes": "x1, x2, label", "values": "x1, x2, value"}.get(
        mode, QT_TRANSLATE_NOOP("DataFile", "x1, x2 and a label or value"))


def _short(number_text: str) -> str:
    """A number as written, cut if long."""
    t = number_text.strip()
    return t if len(t) <= 24 else show(t)


# ---------------------------------------------------------------------------------------------------- writing
def write_points(path, points: PointSet):
    """Write ``points`` as CSV (atomically); FileError naming the file if it cannot be written."""
    return write_text(path, points_csv(points))


def points_csv(points: PointSet) -> str:
    """The CSV text of ``points``; read back by parse_points, it gives the same PointSet."""
    lines = []
    if points.rescaled:
        (s1, s2), (o1, o2) = points.scale, points.offset
        lines.append(f"# {RESCALING_TAG} scale {s1!r} {s2!r} offset {o1!r} {o2!r} (the view shows "
                     "x·scale + offset)")
    if points.regression:
        thirds, header = [repr(float(v)) for v in points.y], "value"
    else:
        names = points.class_names
        labels = [names[int(c)] for c in points.y]
        if not _names_come_back(labels, points):
            lines.append(f"# {CLASSES_TAG} {json.dumps(list(names), ensure_ascii=False)}")
        thirds, header = [_csv_field(n) for n in labels], "label"
    lines.append(f"x1,x2,{header}")
    raw = _raw_coordinates(points)
    lines.extend(f"{x1!r},{x2!r},{t}" for (x1, x2), t in zip(raw.tolist(), thirds))
    return "\n".join(lines) + "\n"


def _names_come_back(labels: list[str], points: PointSet) -> bool:
    """Whether these labels alone give back the classes' names and numbers (else the file lists them)."""
    if not labels:
        return False  # no labels to read the names from: the file lists them
    parser = _Parser("")
    try:
        # the reader gets each name back as written (_csv_field quotes what it would change)
        y, names = parser._classes(list(enumerate(labels, start=2)), declared=True)
    except DataFileError:
        return False
    return names == points.class_names and np.array_equal(y, points.y)


def _csv_field(text: str) -> str:
    """A name as one CSV field: quoted when it holds a delimiter, a quote, a line break or outer blanks."""
    if any(c in text for c in ',;\t"\r\n') or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


def _raw_coordinates(points: PointSet) -> np.ndarray:
    """The file's coordinates of the points: for a rescaled set, the floats that the view's map takes to exactly
    the view's coordinates (to_raw alone may miss by a unit in the last place), else the nearest ones."""
    if not points.rescaled:
        return points.X
    raw = points.to_raw(points.X)
    up, down, candidates = raw, raw, [raw, np.where(raw == 0, -raw, raw)]  # −0.0 and +0.0 map to different zeros
    for _ in range(4):
        up, down = np.nextafter(up, np.inf), np.nextafter(down, -np.inf)
        candidates += [up, down]
    candidates = np.stack(candidates)
    images = candidates * np.array(points.scale) + np.array(points.offset)  # as the reader maps them
    exact = images.view(np.int64) == np.ascontiguousarray(points.X).view(np.int64)  # −0.0 is not +0.0
    choice = np.argmin(np.where(exact, -1.0, np.abs(images - points.X)), axis=0)
    return np.take_along_axis(candidates, choice[None], axis=0)[0]
