"""The third column of a data file as classes (``bpviz.datafile``): class numbers 0 … K−1 or names, numbered in the
order they first appear, or the names listed by a ``# bpviz classes: [JSON list]`` comment. The writer asks it too
(``bpviz.datafile_write``): whether a file's labels alone give its classes back, or the file must list them.
NumPy and the standard library only.
"""

from __future__ import annotations

import math

import numpy as np

from bpviz.datafile_text import CLASSES_TAG, is_number, short
from bpviz.engine.checks import show, show_names
from bpviz.engine.phrases import QT_TRANSLATE_NOOP
from bpviz.engine.points import MAX_CLASSES, MAX_NAME_CHARS, MIN_CLASSES, default_class_names
from bpviz.files import decode_json


def read_classes(thirds, declared: bool, comments, refuse) -> tuple[np.ndarray, tuple[str, ...]]:
    """Class numbers (as floats) and the classes' names, from the labels of each line: ``thirds`` holds (line, text
    of the third column); ``declared``: a header calls the column label or class; ``comments``: (line, text) of the
    file's comments; ``refuse(problem)`` is the DataFileError to raise."""
    for line, t in thirds:
        if not t.strip():
            raise refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has no label").format(line=line))
    listed = _listed_classes(comments, refuse)
    if listed is not None:
        y = [_listed_class(line, t, listed, refuse) for line, t in thirds]
        names = listed[1]
    else:
        numbers = [(line, t) for line, t in thirds if is_number(t)]
        if numbers and len(numbers) < len(thirds):
            name_line, name = next((line, t) for line, t in thirds if not is_number(t))
            line, number = numbers[0]
            problem = (QT_TRANSLATE_NOOP("DataFile", "line {name_line} has the class name {name} but line {line} "
                                                     "has the number {number}: a label column holds either class "
                                                     "numbers or class names") if declared else
                       QT_TRANSLATE_NOOP("DataFile", "line {name_line} has the class name {name} but line {line} "
                                                     "has the number {number}: a third column holds either class "
                                                     "numbers or class names"))
            raise refuse(problem.format(name_line=name_line, name=show(name.strip()), line=line,
                                        number=short(number)))
        y, names = _numbered(thirds, refuse) if numbers else _named(thirds, refuse)
    present = sorted(set(y))
    if len(present) < MIN_CLASSES:
        problem = (QT_TRANSLATE_NOOP("DataFile", "every point (line {first}) is of class {name}; a data set needs "
                                                 "points of at least {least} classes") if len(thirds) == 1 else
                   QT_TRANSLATE_NOOP("DataFile", "every point (lines {first} to {last}) is of class {name}; a "
                                                 "data set needs points of at least {least} classes"))
        raise refuse(problem.format(first=thirds[0][0], last=thirds[-1][0], name=show(names[present[0]]),
                                    least=MIN_CLASSES))
    return np.array(y, dtype=np.float64), names


def _numbered(thirds, refuse) -> tuple[list[int], tuple[str, ...]]:
    y = []
    for line, t in thirds:
        value = float(t)
        if "n" in t.lower():  # nan, inf, infinity
            raise refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has the label {label}, which is not a "
                                                       "class").format(line=line, label=show(t.strip())))
        if math.isfinite(value) and not value.is_integer():
            raise refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has the label {label}, neither a class "
                                                       "number (0, 1, 2, …) nor a class name; for numbers to "
                                                       "predict, call the third column value")
                         .format(line=line, label=short(t)))
        if value < 0:
            raise refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has the label {label}, a negative "
                                                       "number: classes are numbered 0, 1, 2, …")
                         .format(line=line, label=short(t)))
        if value >= MAX_CLASSES:
            raise refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has class {label}, but a data set has at "
                                                       "most {most} classes (0 to {last})")
                         .format(line=line, label=short(t), most=MAX_CLASSES, last=MAX_CLASSES - 1))
        y.append(int(value))
    return y, default_class_names(max(y) + 1)


def _named(thirds, refuse) -> tuple[list[int], tuple[str, ...]]:
    index: dict[str, int] = {}
    for line, t in thirds:
        name = t.strip()
        if name in index:
            continue
        if len(name) > MAX_NAME_CHARS:
            raise refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has the class name {name}, longer than "
                                                       "{most} characters")
                         .format(line=line, name=show(name), most=MAX_NAME_CHARS))
        if len(index) == MAX_CLASSES:
            raise refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has a {nth}th class, {name}; a data set "
                                                       "has at most {most} classes ({names})")
                         .format(line=line, nth=MAX_CLASSES + 1, name=show(name), most=MAX_CLASSES,
                                 names=show_names(index, MAX_CLASSES)))
        index[name] = len(index)
    return [index[t.strip()] for _, t in thirds], tuple(index)


def _listed_classes(comments, refuse) -> tuple[int, tuple[str, ...]] | None:
    """(line, names) of a ``# bpviz classes: [...]`` comment, None without one."""
    for line, text in comments:
        if text.startswith(CLASSES_TAG):
            try:
                names = decode_json(text[len(CLASSES_TAG):])
            except ValueError:
                names = None
            if not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
                raise refuse(QT_TRANSLATE_NOOP("DataFile", "line {line}'s list of classes is not a JSON "
                                                           "list of names").format(line=line))
            return line, tuple(names)
    return None


def _listed_class(line: int, text: str, listed, refuse) -> int:
    names = listed[1]
    for candidates in (names, [n.strip() for n in names]):  # as written first: " a" and "a" may both be names
        for label in (text, text.strip()):
            if label in candidates:
                return candidates.index(label)
    raise refuse(QT_TRANSLATE_NOOP("DataFile", "line {line} has the label {label}, which is not one of the "
                                               "classes listed on line {listed} ({names})")
                 .format(line=line, label=show(text.strip()), listed=listed[0],
                         names=show_names(names, MAX_CLASSES)))
