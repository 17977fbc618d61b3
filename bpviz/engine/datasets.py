"""The 2-D point sets of the training playground (modelled on TensorFlow Playground's, rescaled to radius 1)
and the small data sets of the seeds (NumPy warm-up, one neuron). NumPy and the standard library only.

Classification sets (``DATASETS``): labels 0.0 (red) and 1.0 (blue). Regression sets (``REGRESSION_DATASETS``):
each point carries a value in [-1, 1] (−1 orange … +1 blue) that the network learns to predict:

- ``plane``: t = (x₁ + x₂) / 2, a value rising linearly across the square [-1, 1]²;
- ``multi_gaussian``: t = Σₖ sₖ·exp(−|x − cₖ|² / (2σ²)) clipped to [-1, 1]: six bumps of height sₖ = ±1 at
  TensorFlow Playground's centres (±2/3, ±5/12) and (0, ±5/12), alternating in sign, σ = ``GAUSS_BUMP_STD``.
  (The playground draws cones of radius 1/3 and keeps the one largest in magnitude; Gaussians are smooth, and
  this far apart their sum is the same landscape.)

Their points are uniform in [-1, 1]². Noise works as in TensorFlow Playground: the point stays where it is and its
target is read at a jittered place, x + noise·u with u uniform in [-1, 1]² (the playground's radius scaled to 1);
the plane's target is then clipped to [-1, 1] too.

Random draws never depend on ``noise`` or ``test_ratio``: with the same seed and size, moving the noise slider
only blurs the same points (or their targets), and moving the split only moves the cut.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cached_property

import numpy as np

from bpviz.engine import phrases
from bpviz.engine.checks import real_number, show, show_names, whole_number
from bpviz.engine.phrases import QT_TRANSLATE_NOOP
from bpviz.engine.points import MAX_CLASSES, MIN_CLASSES, PointSet

DATASETS = ("circle", "xor", "gaussian", "spiral", "linear", "moons")  # classification: labels 0 / 1
REGRESSION_DATASETS = ("plane", "multi_gaussian")  # a value in [-1, 1] per point
ALL_DATASETS = DATASETS + REGRESSION_DATASETS
CUSTOM = "custom"  # the name of a set given point by point (drawn or imported): DatasetSpec.points holds it
MULTICLASS_DATASETS = ("spiral", "gaussian")  # the generated sets that come in 3 to MAX_CLASSES classes too
DOMAIN = (-1.5, 1.5)  # every point of a 2-D dataset lies in this square (views plot it)
#: a set's name in a sentence (a phrase: in words in Chinese); the name itself where a file or a command needs it
DATASET_WORDS = {"circle": QT_TRANSLATE_NOOP("Dataset", "circle"), "xor": QT_TRANSLATE_NOOP("Dataset", "xor"),
                 "gaussian": QT_TRANSLATE_NOOP("Dataset", "gaussian"), "spiral": QT_TRANSLATE_NOOP("Dataset", "spiral"),
                 "linear": QT_TRANSLATE_NOOP("Dataset", "linear"), "moons": QT_TRANSLATE_NOOP("Dataset", "moons"),
                 "plane": QT_TRANSLATE_NOOP("Dataset", "plane"),
                 "multi_gaussian": QT_TRANSLATE_NOOP("Dataset", "multi_gaussian"),
                 CUSTOM: QT_TRANSLATE_NOOP("Dataset", "custom")}

# Standard deviation of the jitter per unit of ``noise``: noise 0.1 looks clean, 0.5 is hard. Each factor is set
# against the gap between the classes (circle/xor/linear/moons ~0.1-0.2, spiral arms 0.33 apart, clusters 1.4).
_NOISE_STD = {"circle": 0.5, "xor": 0.5, "gaussian": 0.8, "spiral": 0.2, "linear": 0.5, "moons": 0.5}
_MARGIN = 0.05  # xor/linear: keep clean points this far from the class boundary so noise 0 is exact
_GAUSS_STD = 0.15  # gaussian clusters have a width even at noise 0 (centres are 4.7 of these from the boundary)
_LINE_ANGLE = math.radians(30.0)  # linear: the boundary is the line through the origin at 30 degrees
#: multi_gaussian: (c₁, c₂, height) of each bump, TensorFlow Playground's (±4, ±2.5), (0, ±2.5) divided by its radius 6
GAUSS_BUMPS = ((-2 / 3, 5 / 12, 1.0), (0.0, 5 / 12, -1.0), (2 / 3, 5 / 12, 1.0),
               (-2 / 3, -5 / 12, -1.0), (0.0, -5 / 12, 1.0), (2 / 3, -5 / 12, -1.0))
GAUSS_BUMP_STD = 0.2  # σ of each bump: neighbours (2/3 apart) overlap by exp(−5.6) ≈ 0.4 %

# What a DatasetSpec may hold: the one statement of these limits. The playground's controls read them (a session
# made by the CLI is shown as it is, within them) and sessions are checked against them, so that whatever passes
# here can be shown.
MIN_SAMPLES, MAX_SAMPLES = 4, 100_000  # points, train and test together
MAX_NOISE = 1.0
MAX_TEST_RATIO = 0.9  # at least a tenth of the points for training
MAX_SEED = 2**31 - 1  # the largest seed a spin box (a C int) can show; seeds of training runs take the same
CUSTOM_NOISE_STD = 0.2  # a custom set's points are jittered by noise × this (std, each axis): noise 1 blurs a lot
_SPIRAL_ARM_ANGLE = 4.0  # K arms (CS231n's case study): arm j turns through [4j, 4(j + 1)] radians
_SPIRAL_ANGLE_NOISE = 2.0  # its angle jitter per unit of noise: CS231n's 0.2 rad at the default noise 0.1
_BLOB_RADIUS = 0.75  # K Gaussian blobs sit on this circle, evenly spaced


def is_regression(name: str) -> bool:
    """True for a data set whose points carry values to predict rather than classes."""
    return name in REGRESSION_DATASETS


def _check_name(name, custom: bool = False) -> str:
    choices = ", ".join(ALL_DATASETS)
    if not isinstance(name, str):
        raise ValueError(QT_TRANSLATE_NOOP("DatasetSpec", "name must be a dataset name (choose from {choices}), got "
                                                          "{value}").format(choices=choices, value=show(name)))
    key = name.strip().lower()
    if custom and key == CUSTOM:
        return key
    if key == CUSTOM:
        raise ValueError(QT_TRANSLATE_NOOP("DatasetSpec", "a custom data set needs its points"))
    if key not in ALL_DATASETS:
        raise ValueError(QT_TRANSLATE_NOOP("DatasetSpec", "unknown dataset {value} (choose from {choices})")
                         .format(value=show(name), choices=choices))
    return key


def _multiclass_sets() -> str:
    """'spiral and gaussian' (a phrase: the 'and' is in the window's language)."""
    return phrases.join(QT_TRANSLATE_NOOP("DatasetSpec", " and "), [DATASET_WORDS[n] for n in MULTICLASS_DATASETS])


@dataclass(frozen=True)
class DatasetSpec:
    """Everything needed to rebuild a dataset exactly: same spec, same points."""

    name: str = "circle"
    n_samples: int = 200  # total points, train + test: MIN_SAMPLES to MAX_SAMPLES
    noise: float = 0.1  # 0..1: 0 = clean shapes, 1 = heavily blurred
    test_ratio: float = 0.5  # fraction held out for testing, 0 to MAX_TEST_RATIO
    seed: int = 0
    classes: int = 2  # K: 2, or up to MAX_CLASSES for MULTICLASS_DATASETS (custom: the points' own K)
    points: PointSet | None = None  # the points of a custom set (name CUSTOM), drawn or imported

    def __post_init__(self):
        # normalise to plain Python types so to_dict() is JSON-able and equal specs compare equal
        custom = self.points is not None
        object.__setattr__(self, "name", _check_name(self.name, custom))
        if custom:
            if not isinstance(self.points, PointSet):
                raise ValueError(QT_TRANSLATE_NOOP("DatasetSpec", "the points must be a PointSet, got {value}")
                                 .format(value=show(self.points)))
            if self.name != CUSTOM:
                raise ValueError(QT_TRANSLATE_NOOP("DatasetSpec", "a data set given point by point is called "
                                                                  "{custom}, not {name}")
                                 .format(custom=repr(CUSTOM), name=repr(self.name)))
            # the points decide: how many, how many classes
            object.__setattr__(self, "n_samples", len(self.points))
            object.__setattr__(self, "classes", max(self.points.n_classes, MIN_CLASSES))
        else:
            object.__setattr__(self, "n_samples",
                               whole_number("n_samples", self.n_samples, MIN_SAMPLES, MAX_SAMPLES))
            classes = whole_number(QT_TRANSLATE_NOOP("Setting", "classes"), self.classes, MIN_CLASSES, MAX_CLASSES)
            if classes > 2 and self.name not in MULTICLASS_DATASETS:
                raise ValueError(QT_TRANSLATE_NOOP("DatasetSpec", "only {sets} come in more than two classes, not "
                                                                  "{name}").format(sets=_multiclass_sets(),
                                                                                   name=DATASET_WORDS[self.name]))
            object.__setattr__(self, "classes", classes)
        object.__setattr__(self, "noise", real_number(QT_TRANSLATE_NOOP("Setting", "noise"), self.noise, 0.0,
                                                      MAX_NOISE))
        object.__setattr__(self, "test_ratio", real_number("test_ratio", self.test_ratio, 0.0, MAX_TEST_RATIO))
        object.__setattr__(self, "seed", whole_number(QT_TRANSLATE_NOOP("Setting", "seed"), self.seed, 0, MAX_SEED))

    @property
    def is_custom(self) -> bool:
        """Given point by point (drawn or imported), not generated."""
        return self.points is not None

    @property
    def is_regression(self) -> bool:
        """The points carry values to predict (plane, multi_gaussian, or a custom set of values), not classes."""
        return self.points.regression if self.points is not None else is_regression(self.name)

    @property
    def n_classes(self) -> int:
        """K, the number of classes (0 for regression)."""
        return 0 if self.is_regression else self.classes

    @property
    def class_names(self) -> tuple[str, ...]:
        """The classes' names: a custom set's own, else "0", "1", …"""
        if self.is_regression:
            return ()
        if self.points is not None:
            return self.points.class_names
        return tuple(str(i) for i in range(self.classes))

    def make(self) -> Dataset:
        if self.points is not None:
            return self._make_custom()
        rng = np.random.default_rng(self.seed)
        X, y = make_points(self.name, self.n_samples, self.noise, rng, classes=self.classes)
        n_test = min(round(self.n_samples * self.test_ratio), self.n_samples - 1)  # train never empty
        order = rng.permutation(self.n_samples)
        test, train = order[:n_test], order[n_test:]
        return Dataset(self, X[train], y[train], X[test], y[test])

    def _make_custom(self) -> Dataset:
        # Each point's side of the split and its jitter are drawn from streams whose first n draws do not depend
        # on n: a point added at the end leaves every other point where it was, on the side it was.
        X, y = self.points.X, self.points.y
        n = len(X)
        u = np.random.default_rng([self.seed, 3]).random(n)
        test = u < self.test_ratio
        if n and test.all():
            test[np.argmax(u)] = False  # the training set is never empty
        jitter = np.random.default_rng([self.seed, 4]).standard_normal((n, 2))
        X = np.clip(X + jitter * (CUSTOM_NOISE_STD * self.noise), *DOMAIN)
        return Dataset(self, X[~test], y[~test], X[test], y[test])

    def to_dict(self) -> dict:
        d = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "points"}
        if self.points is not None:
            d["points"] = self.points.to_dict()
        return d

    @classmethod
    def from_dict(cls, data) -> DatasetSpec:
        """Missing fields take their defaults; unknown fields and wrong types raise ValueError."""
        allowed = [f.name for f in fields(cls)]
        if not isinstance(data, Mapping):
            raise ValueError(QT_TRANSLATE_NOOP("DatasetSpec", "a dataset spec must be a JSON object with keys {keys}, "
                                                              "got {kind}")
                             .format(keys=", ".join(allowed), kind=type(data).__name__))
        unknown = [k for k in data if k not in allowed]
        if unknown:
            raise ValueError(QT_TRANSLATE_NOOP("DatasetSpec", "unknown dataset spec field(s) {names} (allowed: "
                                                              "{allowed})")
                             .format(names=show_names(unknown), allowed=", ".join(allowed)))
        data = dict(data)
        if data.get("points") is not None:
            data["points"] = PointSet.from_dict(data["points"])
        return cls(**data)

    def with_points(self, points: PointSet) -> DatasetSpec:
        """The same noise, split and seed over these points (a custom set)."""
        return DatasetSpec(CUSTOM, len(points), self.noise, self.test_ratio, self.seed, points=points)

    def as_points(self) -> PointSet:
        """This set's points, train and test, before noise is added for a custom set, as a PointSet one can
        edit (a generated set's points are taken as they are drawn, noise included)."""
        if self.points is not None:
            return self.points
        data = self.make()
        X = np.clip(data.X, -1.5, 1.5)
        if self.is_regression:
            return PointSet(X, data.y, regression=True)
        return PointSet(X, data.y, class_names=self.class_names)


@dataclass(frozen=True, eq=False)  # eq=False: arrays have no single truth value; compare fields explicitly
class Dataset:
    """Train and test points of one spec. Arrays are float64, C-contiguous and read-only (views share them)."""

    spec: DatasetSpec
    X_train: np.ndarray  # (n_train, 2)
    y_train: np.ndarray  # (n_train,) 0.0 red / 1.0 blue; regression: the target value in [-1, 1]
    X_test: np.ndarray
    y_test: np.ndarray

    def __post_init__(self):
        for f in fields(self)[1:]:
            arr = np.array(getattr(self, f.name), dtype=np.float64, order="C")
            arr.setflags(write=False)
            object.__setattr__(self, f.name, arr)
        if self.X_train.ndim != 2 or self.X_test.ndim != 2 or self.X_train.shape[1] != self.X_test.shape[1]:
            raise ValueError("X_train and X_test must be 2-D arrays with the same number of columns")
        if self.y_train.shape != self.X_train.shape[:1] or self.y_test.shape != self.X_test.shape[:1]:
            raise ValueError("y_train and y_test must be 1-D with one label per row of X_train and X_test")

    @cached_property
    def X(self) -> np.ndarray:
        """All points, train then test."""
        return _frozen(np.concatenate([self.X_train, self.X_test]))

    @cached_property
    def y(self) -> np.ndarray:
        """All labels, train then test."""
        return _frozen(np.concatenate([self.y_train, self.y_test]))


def _frozen(arr: np.ndarray) -> np.ndarray:
    arr.setflags(write=False)
    return arr


def _on_arc(start, stop, size, rng):
    """Unit vectors at angles uniform in [start, stop)."""
    t = rng.uniform(start, stop, size)
    return np.column_stack([np.cos(t), np.sin(t)])


def _shape_of_k(name: str, label: int, k: int, size: int, noise: float, rng: np.random.Generator) -> np.ndarray:
    """``size`` points of class ``label`` of a set of k >= 3 classes (MULTICLASS_DATASETS)."""
    if name == "spiral":
        # CS231n's "neural network case study": r from 0 to 1, arm j at angles 4j … 4(j + 1) plus jitter
        r = rng.uniform(0.0, 1.0, size)
        t = _SPIRAL_ARM_ANGLE * (label + r) + rng.standard_normal(size) * (_SPIRAL_ANGLE_NOISE * noise)
        return r[:, None] * np.column_stack([np.sin(t), np.cos(t)])
    angle = np.pi / 2 + 2 * np.pi * label / k  # gaussian: blob 0 at the top, the others round the circle
    centre = _BLOB_RADIUS * np.array([np.cos(angle), np.sin(angle)])
    return centre + _GAUSS_STD * rng.standard_normal((size, 2))


def _shape(name: str, label: int, size: int, rng: np.random.Generator) -> np.ndarray:
    """``size`` clean points of class ``label`` of the named shape, in about [-1, 1]^2."""
    if name == "circle":
        # uniform over the area: blue disc r <= 0.5, red ring 0.7 <= r <= 1.0 (as Playground's 0.5R / 0.7R..R)
        r2 = rng.uniform(0.0, 0.25, size) if label else rng.uniform(0.49, 1.0, size)
        return np.sqrt(r2)[:, None] * _on_arc(0.0, 2 * np.pi, size, rng)
    if name == "xor":
        # |x|, |y| in [margin, 1]; blue quadrants have equal signs so x*y > 0
        mag = rng.uniform(_MARGIN, 1.0, (size, 2))
        sx = rng.choice([-1.0, 1.0], size)
        return mag * np.column_stack([sx, sx if label else -sx])
    if name == "gaussian":
        centre = 0.5 if label else -0.5
        return centre + _GAUSS_STD * rng.standard_normal((size, 2))
    if name == "spiral":
        # 1.5 turns with the radius growing from 0 to 1; the two arms are half a turn apart (0.33 in radius)
        t = rng.uniform(0.0, 1.0, size)
        angle = 3 * np.pi * t + (0.0 if label else np.pi)
        return t[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    if name == "linear":
        # uniform in the square, points on the wrong side reflected through the origin (the line passes through
        # it), then pushed off the line by the margin; blue lies on the side the normal points to
        normal = np.array([-math.sin(_LINE_ANGLE), math.cos(_LINE_ANGLE)])
        p = rng.uniform(-1.0, 1.0, (size, 2))
        side = 1.0 if label else -1.0
        p *= np.where(p @ normal * side < 0, -1.0, 1.0)[:, None]
        return p + side * _MARGIN * normal
    if name == "moons":
        # scikit-learn's moons (red: upper arc about (0, 0), blue: lower arc about (1, 0.5)) shifted by
        # (-0.5, -0.25) and scaled by 2/3 so they span [-1, 1] x [-0.5, 0.5]
        arc = _on_arc(0.0, np.pi, size, rng)
        p = np.array([1.0, 0.5]) - arc if label else arc
        return (p - np.array([0.5, 0.25])) * (2.0 / 3.0)
    raise AssertionError(name)  # unreachable: names are checked first


def plane_target(P: np.ndarray) -> np.ndarray:
    """The plane's value at points P (n, 2): (x₁ + x₂) / 2 clipped to [-1, 1]."""
    return np.clip((P[:, 0] + P[:, 1]) / 2.0, -1.0, 1.0)


def multi_gaussian_target(P: np.ndarray) -> np.ndarray:
    """The multi-Gaussian value at points P (n, 2): the sum of the signed bumps, clipped to [-1, 1]."""
    t = np.zeros(len(P))
    for c1, c2, height in GAUSS_BUMPS:
        t += height * np.exp(-((P[:, 0] - c1) ** 2 + (P[:, 1] - c2) ** 2) / (2 * GAUSS_BUMP_STD ** 2))
    return np.clip(t, -1.0, 1.0)


_TARGETS = {"plane": plane_target, "multi_gaussian": multi_gaussian_target}


def _regression_points(name: str, n: int, noise: float, rng: np.random.Generator):
    # TensorFlow Playground's way: the point is exact, its target is read at a place jittered by up to
    # ``noise`` (times the radius) in each coordinate. The jitter is drawn even at noise 0 (same stream).
    X = rng.uniform(-1.0, 1.0, (n, 2))
    jitter = rng.uniform(-1.0, 1.0, (n, 2))
    return X, _TARGETS[name](X + noise * jitter)


def make_points(name: str, n: int, noise: float, rng: np.random.Generator,
                classes: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """n points (n, 2) and labels (n,) of the named 2-D dataset, shuffled; n // 2 red, the rest blue. With
    ``classes`` K >= 3 (spiral, gaussian): labels 0 … K−1, n // K points per class (the last ones get the rest).
    A regression set gives n points uniform in [-1, 1]² and their target values (n,) in [-1, 1]."""
    name = _check_name(name)
    n = whole_number("n", n, 1, 10_000_000)
    noise = real_number(QT_TRANSLATE_NOOP("Setting", "noise"), noise, 0.0, MAX_NOISE)
    if is_regression(name):
        return _regression_points(name, n, noise, rng)
    if classes > 2:
        if name not in MULTICLASS_DATASETS:
            raise ValueError(QT_TRANSLATE_NOOP("DatasetSpec", "only {sets} come in more than two classes")
                             .format(sets=_multiclass_sets()))
        sizes = [n // classes + (1 if j >= classes - n % classes else 0) for j in range(classes)]
        X = np.concatenate([_shape_of_k(name, j, classes, size, noise, rng) for j, size in enumerate(sizes)])
        y = np.concatenate([np.full(size, float(j)) for j, size in enumerate(sizes)])
    else:
        n_red = n // 2
        X = np.concatenate([_shape(name, 0, n_red, rng), _shape(name, 1, n - n_red, rng)])
        y = np.concatenate([np.zeros(n_red), np.ones(n - n_red)])
    # the jitter is drawn even at noise 0 so that the noise level never shifts the random stream
    X += rng.standard_normal((n, 2)) * (_NOISE_STD[name] * noise)
    np.clip(X, *DOMAIN, out=X)
    order = rng.permutation(n)
    return np.ascontiguousarray(X[order]), y[order]


def warmup_data(seed: int = 0, n: int = 64, d_in: int = 1000, d_out: int = 10) -> tuple[np.ndarray, np.ndarray]:
    """Seed 000's random regression data: x = randn(n, d_in), y = randn(n, d_out), from default_rng(seed)."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, d_in))
    y = rng.standard_normal((n, d_out))
    return x, y


def one_neuron_data(n: int = 100, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Seed 001's task: X (n, 3) of random 0/1 features, y (n, 1) equal to the first feature ('if the first
    feature is 1 the desired output is 1; the other two do not matter'). Both labels occur when n >= 2."""
    n = whole_number("n", n, 1, 10_000_000)
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 2, size=(n, 3)).astype(np.float64)
    if n >= 2 and X[:, 0].min() == X[:, 0].max():
        X[-1, 0] = 1.0 - X[-1, 0]  # a one-label task teaches nothing (only likely for tiny n)
    return X, X[:, :1].copy()
