"""A data set given point by point: drawn on the playground's output panel or imported from a CSV file.

A ``PointSet`` holds the points in the view's coordinates (the square ``DOMAIN`` the plots show) and, for each,
a class (0 … K−1, with the classes' names) or a value (regression). Points of a file are rescaled into the view
(``rescale_into_view``); the set keeps that map (``scale``, ``offset``: view = raw·scale + offset) so that the
original coordinates can be written back and a prediction asked at a raw point lands where it belongs.

Immutable, compared by content: an edit (a point added, the nearest one removed, a cloud brushed in) returns a
new set. NumPy and the standard library only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from bpviz.engine.checks import is_real, is_whole, show, show_names
from bpviz.engine.phrases import QT_TRANSLATE_NOOP, Phrase

MIN_CLASSES, MAX_CLASSES = 2, 6
MAX_POINTS = 10_000  # drawn or imported
VIEW_HALF_WIDTH = 1.5  # the view's square is [-1.5, 1.5]² (bpviz.engine.datasets.DOMAIN)
FILL = 1.0  # imported points that do not fit the view are mapped onto [-FILL, FILL] on each axis
MAX_NAME_CHARS = 40  # a class name longer than this is refused (it must fit a legend)


def default_class_names(k: int) -> tuple[str, ...]:
    """Names of k classes without names of their own: "0", "1", … (a CSV file then holds integer labels)."""
    return tuple(str(i) for i in range(k))


def _frozen(a) -> np.ndarray:
    a = np.array(a, dtype=np.float64, order="C")
    a.setflags(write=False)
    return a


@dataclass(frozen=True, eq=False)
class PointSet:
    """Points (n, 2) in view coordinates and their labels (class index as a float) or values (n,)."""

    X: np.ndarray
    y: np.ndarray
    regression: bool = False
    class_names: tuple[str, ...] = ("0", "1")  # classification: K names; regression: ()
    scale: tuple[float, float] = (1.0, 1.0)  # view = raw · scale + offset, per axis
    offset: tuple[float, float] = (0.0, 0.0)
    _key: bytes = field(init=False, repr=False)

    def __post_init__(self):
        X = _frozen(np.asarray(self.X, dtype=np.float64).reshape(-1, 2))
        y = _frozen(np.asarray(self.y, dtype=np.float64).reshape(-1))
        if len(y) != len(X):
            raise ValueError(QT_TRANSLATE_NOOP("PointSet", "{points:,} points but {labels:,} labels")
                             .format(points=len(X), labels=len(y)))
        if len(X) > MAX_POINTS:
            raise ValueError(_too_many(len(X)))
        if not (np.isfinite(X).all() and np.isfinite(y).all()):
            raise ValueError(QT_TRANSLATE_NOOP("PointSet", "every coordinate, label and value must be a finite number"))
        if np.abs(X).max(initial=0.0) > VIEW_HALF_WIDTH:
            raise ValueError(QT_TRANSLATE_NOOP("PointSet", "points must lie in the view's square (coordinates within "
                                                           "±{half:g})").format(half=VIEW_HALF_WIDTH))
        regression = bool(self.regression)
        names = () if regression else tuple(self.class_names)
        if not regression:
            if not MIN_CLASSES <= len(names) <= MAX_CLASSES:
                raise ValueError(QT_TRANSLATE_NOOP("PointSet", "a classification set needs {least} to {most} classes, "
                                                               "got {n}")
                                 .format(least=MIN_CLASSES, most=MAX_CLASSES, n=len(names)))
            bad = [n for n in names if not (isinstance(n, str) and 0 < len(n.strip()) <= MAX_NAME_CHARS)]
            if bad:
                raise ValueError(QT_TRANSLATE_NOOP("PointSet", "class names must be text of 1 to {most} characters, "
                                                               "got {name}").format(most=MAX_NAME_CHARS,
                                                                                    name=show(bad[0])))
            if len(set(names)) != len(names):
                raise ValueError(QT_TRANSLATE_NOOP("PointSet", "class names must differ"))
            if len(y) and not (np.all(y == np.round(y)) and y.min() >= 0 and y.max() < len(names)):
                raise ValueError(QT_TRANSLATE_NOOP("PointSet", "labels must be class numbers 0 to {last}")
                                 .format(last=len(names) - 1))
        scale = tuple(float(s) for s in self.scale)
        offset = tuple(float(o) for o in self.offset)
        if len(scale) != 2 or len(offset) != 2 or not all(math.isfinite(v) for v in scale + offset) \
                or min(scale) <= 0:
            raise ValueError(QT_TRANSLATE_NOOP("PointSet", "the rescaling must be two positive scales and two finite "
                                                           "offsets"))
        for name, value in (("X", X), ("y", y), ("regression", regression), ("class_names", names),
                            ("scale", scale), ("offset", offset)):
            object.__setattr__(self, name, value)
        key = b"|".join([X.tobytes(), y.tobytes(), repr((regression, names, scale, offset)).encode()])
        object.__setattr__(self, "_key", key)

    # ------------------------------------------------------------------ identity
    def __eq__(self, other) -> bool:
        return isinstance(other, PointSet) and self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)

    def __len__(self) -> int:
        return len(self.X)

    @property
    def n_classes(self) -> int:
        """K: the number of classes (0 for regression)."""
        return len(self.class_names)

    def class_counts(self) -> list[int]:
        """Points of each class 0 … K−1."""
        return np.bincount(self.y.astype(np.int64), minlength=self.n_classes).tolist() if self.n_classes else []

    @property
    def rescaled(self) -> bool:
        """The points were moved into the view (an imported file's coordinates were not in it)."""
        return self.scale != (1.0, 1.0) or self.offset != (0.0, 0.0)

    def to_view(self, raw) -> np.ndarray:
        """Raw (file) coordinates (n, 2) → the view's, as the set's points were mapped."""
        return np.asarray(raw, dtype=np.float64) * np.array(self.scale) + np.array(self.offset)

    def to_raw(self, view) -> np.ndarray:
        """The view's coordinates (n, 2) → raw (file) coordinates."""
        return (np.asarray(view, dtype=np.float64) - np.array(self.offset)) / np.array(self.scale)

    def rescaling_formulas(self) -> str:
        """How file coordinates map onto the view, as formulas ("x1′ = 0.05·x1 − 1, x2′ = …"; "" when they are not
        moved)."""
        if not self.rescaled:
            return ""
        parts = []
        for i, (s, o) in enumerate(zip(self.scale, self.offset), start=1):
            parts.append(f"x{i}′ = {s:.4g}·x{i} {'+' if o >= 0 else '−'} {abs(o):.4g}")
        return ", ".join(parts)

    def rescaling_text(self) -> str:
        """How file coordinates map onto the view, in words (a phrase; "" when they are not moved)."""
        if not self.rescaled:
            return ""
        return QT_TRANSLATE_NOOP("PointSet", "rescaled into the view: {formulas}").format(
            formulas=self.rescaling_formulas())

    # ------------------------------------------------------------------ edits (each returns a new set)
    def _with(self, X, y, class_names=None) -> PointSet:
        return PointSet(X, y, self.regression, self.class_names if class_names is None else class_names,
                        self.scale, self.offset)

    def with_points(self, X, y) -> PointSet:
        """These points (m, 2) with labels or values (m,) added at the end; points outside the view are moved
        onto its edge. ValueError beyond MAX_POINTS."""
        X = np.clip(np.asarray(X, dtype=np.float64).reshape(-1, 2), -VIEW_HALF_WIDTH, VIEW_HALF_WIDTH)
        y = np.broadcast_to(np.asarray(y, dtype=np.float64), (len(X),))
        return self._with(np.concatenate([self.X, X]), np.concatenate([self.y, y]))

    def nearest(self, x: float, y: float) -> int | None:
        """The index of the point nearest (x, y), None for an empty set."""
        if not len(self.X):
            return None
        return int(np.argmin(((self.X - np.array([x, y])) ** 2).sum(axis=1)))

    def without(self, index: int) -> PointSet:
        keep = np.arange(len(self.X)) != index
        return self._with(self.X[keep], self.y[keep])

    def cleared(self) -> PointSet:
        """No points; the classes (or regression) stay."""
        return self._with(np.zeros((0, 2)), np.zeros(0))

    def with_class_count(self, k: int) -> PointSet:
        """K classes: new ones get default names; points of classes beyond K are dropped."""
        if self.regression:
            raise ValueError(QT_TRANSLATE_NOOP("PointSet", "a regression set has values, not classes"))
        if not MIN_CLASSES <= k <= MAX_CLASSES:
            raise ValueError(QT_TRANSLATE_NOOP("PointSet", "the number of classes must be from {least} to {most}, "
                                                           "got {k}")
                             .format(least=MIN_CLASSES, most=MAX_CLASSES, k=show(k)))
        names = list(self.class_names[:k])
        for i in range(len(names), k):
            candidate = str(i)
            while candidate in names:
                candidate += "′"
            names.append(candidate)
        keep = self.y < k
        return self._with(self.X[keep], self.y[keep], tuple(names))

    # ------------------------------------------------------------------ files
    def to_dict(self) -> dict:
        d = {"x1": self.X[:, 0].tolist(), "x2": self.X[:, 1].tolist()}
        if self.regression:
            d["values"] = self.y.tolist()
        else:
            d["labels"] = self.y.astype(np.int64).tolist()
            d["class_names"] = list(self.class_names)
        if self.rescaled:
            d["scale"], d["offset"] = list(self.scale), list(self.offset)
        return d

    @classmethod
    def from_dict(cls, data) -> PointSet:
        """The points of a session file; ValueError in one sentence for anything that is not a valid set."""
        allowed = ("x1", "x2", "labels", "values", "class_names", "scale", "offset")
        if not isinstance(data, Mapping):
            raise ValueError(QT_TRANSLATE_NOOP("PointSet", "the points must be a JSON object with keys x1, x2 and "
                                                           "labels or values, got {data}").format(data=show(data)))
        unknown = [k for k in data if k not in allowed]
        if unknown:
            raise ValueError(QT_TRANSLATE_NOOP("PointSet", "unknown points field(s) {names}")
                             .format(names=show_names(unknown)))
        if ("labels" in data) == ("values" in data):
            raise ValueError(QT_TRANSLATE_NOOP("PointSet", "the points need either labels (classes) or values "
                                                           "(regression)"))
        regression = "values" in data
        columns = [_numbers(data.get(k), k) for k in ("x1", "x2", "values" if regression else "labels")]
        if len({len(c) for c in columns}) != 1:
            raise ValueError(QT_TRANSLATE_NOOP("PointSet", "the points' columns have different lengths"))
        if not regression and not all(is_whole(v) for v in data["labels"]):
            raise ValueError(QT_TRANSLATE_NOOP("PointSet", "labels must be whole class numbers"))
        names = data.get("class_names", default_class_names(int(max(columns[2], default=1)) + 1))
        if regression:
            names = ()
        elif not isinstance(names, list | tuple):
            raise ValueError(QT_TRANSLATE_NOOP("PointSet", "class_names must be a list of names"))
        scale = _numbers(data.get("scale", [1.0, 1.0]), "scale")
        offset = _numbers(data.get("offset", [0.0, 0.0]), "offset")
        return cls(np.column_stack(columns[:2]) if columns[0] else np.zeros((0, 2)), columns[2], regression,
                   tuple(names), tuple(scale), tuple(offset))


def _numbers(values, what: str) -> list:
    """A column of a session's points: ``what`` is its key (x1, x2, labels, values, scale, offset)."""
    if not isinstance(values, list) or not all(is_real(v) for v in values):
        raise ValueError(QT_TRANSLATE_NOOP("PointSet", "the points' {what} must be a list of numbers")
                         .format(what=what))
    if len(values) > MAX_POINTS:
        raise ValueError(_too_many(len(values)))
    return values


def _too_many(n: int) -> Phrase:
    return QT_TRANSLATE_NOOP("PointSet", "at most {most:,} points, got {n:,}").format(most=MAX_POINTS, n=n)


def rescale_into_view(raw: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    """(scale, offset) that bring raw points (n, 2) into the view: none when they already lie in its square,
    else each axis's [min, max] onto [−FILL, FILL] (an axis where every point has the same coordinate is only
    moved to 0)."""
    raw = np.asarray(raw, dtype=np.float64).reshape(-1, 2)
    if not len(raw) or np.abs(raw).max() <= VIEW_HALF_WIDTH:
        return (1.0, 1.0), (0.0, 0.0)
    low, high = raw.min(axis=0), raw.max(axis=0)
    span = high - low
    scale = np.where(span > 0, 2 * FILL / np.where(span > 0, span, 1.0), 1.0)
    offset = -(low + high) / 2 * scale
    return (float(scale[0]), float(scale[1])), (float(offset[0]), float(offset[1]))
