"""A data file's text (``bpviz.datafile``): its bytes read as UTF-8, or the line where they are not; its rows as the
csv module splits them (the delimiter found on the first row, a quoted field running over lines); its comments, kept for
the two that bpviz writes. Lines are numbered as an editor numbers them, ending at LF, CR LF or CR.

What the columns mean is for bpviz.datafile and bpviz.datafile_classes; here only whether a field's text is a
number (and how a long one is shown), and DataFileError, the one refusal of every part. NumPy and the standard
library only.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat

from bpviz.engine.checks import show
from bpviz.engine.phrases import QT_TRANSLATE_NOOP, Phrase
from bpviz.files import FileError, file_path

DELIMITERS = ("\t", ";", ",")  # in the order they are looked for: a comma can be a decimal comma
MAX_FILE_BYTES = 16 * 1024 * 1024  # 10,000 points take about 0.5 MB; the rest may be comments
RESCALING_TAG, CLASSES_TAG = "bpviz rescaling:", "bpviz classes:"

_LINE_BREAKS = re.compile(rb"\r\n|\r|\n")
# states of a CSV line as the csv module reads it (skipinitialspace): where a quoted field may run on
_START, _UNQUOTED, _QUOTED, _QUOTE_IN_QUOTED = range(4)


class DataFileError(FileError):
    """A file that holds no valid point set; the message (a Phrase: bpviz.engine.phrases) names the file and the
    line."""


def cannot_import(source, problem) -> Phrase:
    return QT_TRANSLATE_NOOP("DataFile", "Cannot import {source}: {problem}").format(source=source, problem=problem)


def encoding_problem(path) -> DataFileError | None:
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
        return DataFileError(cannot_import(name, QT_TRANSLATE_NOOP("DataFile", "it is UTF-16 text; save it as "
                                                                               "UTF-8")))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = len(_LINE_BREAKS.findall(data, 0, exc.start)) + 1
        return DataFileError(cannot_import(name, QT_TRANSLATE_NOOP(
            "DataFile", "line {line} is not UTF-8 text (byte {byte:#04x} cannot be read); save the file as UTF-8")
            .format(line=line, byte=data[exc.start])))
    if "\0" in text:
        line = len(_LINE_BREAKS.findall(data, 0, data.index(b"\0"))) + 1
        return DataFileError(cannot_import(name, QT_TRANSLATE_NOOP(
            "DataFile", "it is not a text file (line {line} holds a NUL character)").format(line=line)))
    return None


def records(text: str, refuse, comments: list[tuple[int, str]]):
    """(line, fields) of each row that is not blank or a comment; a quoted field may run over lines. The comments
    are appended to ``comments`` as (line, text after '#'); ``refuse(problem)`` is the DataFileError to raise."""
    delimiter, start, pending, state = None, 0, [], _START
    # lines end at \n, \r\n or \r, as editors count them (str.splitlines also breaks at \f, \x1c, …)
    for number, line in enumerate(io.StringIO(text, newline=""), start=1):
        body = line.rstrip("\r\n")
        if not pending:
            if not body.strip():
                continue
            if body.lstrip().startswith("#"):
                comments.append((number, body.lstrip()[1:].strip()))
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
            raise refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} cannot be read as CSV ({error})")
                         .format(line=start, error=str(exc))) from None  # Python's words: English
        pending = []
        while len(fields) > 3 and not fields[-1].strip():  # spreadsheets add empty columns
            fields.pop()
        yield start, fields
    if pending:
        raise refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} opens a quotation mark that is never closed")
                     .format(line=start))


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


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def short(number_text: str) -> str:
    """A number as written, cut if long."""
    t = number_text.strip()
    return t if len(t) <= 24 else show(t)
