"""Point sets written as CSV files (``bpviz.datafile``) that read back as the very same PointSet: raw coordinates
as exact floats (``repr``), names quoted as CSV quotes them, and the ``# bpviz rescaling:`` and ``# bpviz classes:``
comments only where the reader's defaults would not restore the set. NumPy and the standard library only.
"""

from __future__ import annotations

import json

import numpy as np

from bpviz.datafile_classes import read_classes
from bpviz.datafile_text import CLASSES_TAG, RESCALING_TAG, DataFileError
from bpviz.engine.points import PointSet
from bpviz.files import write_text


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
    try:
        # the reader gets each name back as written (_csv_field quotes what it would change)
        y, names = read_classes(list(enumerate(labels, start=2)), declared=True, comments=[], refuse=DataFileError)
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
