"""The loss landscape's computations, as jobs for a worker thread (bpviz.gui.workers.jobs): plain code, no Qt.

A request holds copies of everything it needs, made in the GUI thread; calling it with ``progress(done, total)``
(which raises to cancel) computes the map in the worker:

- ``ExampleRequest``: the worked example's E_total over two of its parameters (``engine.landscape``), the path of
  the passes run so far over it (the two parameters after each pass) and the gradient there, with contour levels;
- ``PlaneRequest``: the playground network's loss over the plane through its current parameters spanned by two
  random filter-normalised directions or the two principal directions of its recorded trajectory, and the
  trajectory projected onto that plane.

The words of a map (its title, axis names, path label and note) and the refusals are ``Phrase``s
(bpviz.engine.phrases): English text, as the command line's pictures show it, that the window renders in its own
language where it shows them (``bpviz.gui.i18n.localise``).

``recorded_trajectory`` turns the playground's TrajectoryRecorder (parameters by name) into parameter vectors in
``Network.get_parameters``'s layout, which the plane's directions use (a few ms, in the GUI thread).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from bpviz.engine.contours import contour_levels, contour_segments, wide_range
from bpviz.engine.features import make_features
from bpviz.engine.landscape import (
    Landscape,
    example_gradient,
    example_landscape,
    example_path,
    pca_directions,
    plane_landscape,
    project,
    random_directions,
)
from bpviz.engine.naming import NetworkNames
from bpviz.engine.phrases import QT_TRANSLATE_NOOP, join, phrase_of
from bpviz.engine.presets import ExampleParams
from bpviz.training import LOSS_WORDS, targets_for

CONTOURS = 12  # contour lines over a map
MAX_POINTS = 2000  # the plane's loss is measured on at most this many training points (a fixed random sample):
# 61 × 61 maps of the largest network on all 50,000 training points took 150 s here, on 2,000 about 6 s
FIT_MARGIN = 1.25  # "fit the trajectory": the span is the trajectory's farthest coordinate times this
# What the colours of the playground's map are: "training loss (" + LOSS_WORDS[loss] + ")", whole (a test checks the
# English agrees with bpviz.training.LOSS_WORDS); the page's status names "training loss" alone
VALUE_NAMES = {
    "bce": QT_TRANSLATE_NOOP("LandscapeMap", "training loss (cross-entropy)"),
    "half_sse": QT_TRANSLATE_NOOP("LandscapeMap", "training loss (squared error)"),
    "softmax_ce": QT_TRANSLATE_NOOP("LandscapeMap", "training loss (softmax cross-entropy)"),
}


@dataclass(frozen=True, eq=False)
class LossMap:
    """What the map draws: the landscape, its colour scale and contour levels, and the marks over it."""

    landscape: Landscape
    title: str  # over the map (this and the other words: Phrases, localised where shown)
    value_name: str  # what the colours are: "E_total", "training loss (cross-entropy)"
    axis_names: tuple[str, str]  # the axes' labels
    log: bool  # colours (and contour levels) on a log scale: the values span decades
    levels: np.ndarray  # the contour lines' values
    contours: np.ndarray  # (K, 2, 2) the contour lines' segments, every level together
    centre: tuple[float, float]  # the current point
    path: np.ndarray  # (k, 2): where the path went, its first point the start (empty: no path)
    path_label: str  # in the legend ("" when there is no path)
    arrow: tuple[float, float] | None = None  # −∇ at the centre (the worked example), None for none
    gradient: tuple[float, float] | None = None  # ∇ itself
    note: str = ""  # words under the map (what the path is, what is missing)
    request: object = field(default=None, repr=False)  # what was asked for
    raw_path: np.ndarray | None = field(default=None, repr=False)  # the example's path as computed (for reuse)


def _contours(landscape: Landscape) -> tuple[bool, np.ndarray, np.ndarray]:
    """Whether to colour on a log scale, the contour levels and their segments."""
    loss = landscape.loss
    finite = loss[np.isfinite(loss)]
    log = bool(finite.size > 0 and wide_range(float(finite.min()), float(finite.max())))
    levels = contour_levels(loss, CONTOURS, log)
    parts = [contour_segments(landscape.x, landscape.y, loss, level) for level in levels]
    return log, levels, np.concatenate(parts) if parts else np.zeros((0, 2, 2))


# ---------------------------------------------------------------------------------------------- worked example


@dataclass(frozen=True, eq=False)
class ExampleRequest:
    """E_total over ``axes`` (each its value ± span in ``steps`` steps) with the path of ``passes`` passes.
    ``path``: the path if already known (the same params, axes, passes and bias option), else computed.
    ``run_end``: where the window's last run of passes took the two parameters: a path that does not end there
    belongs to other starting numbers (they changed since that run) and is not drawn."""

    params: ExampleParams
    axes: tuple[str, str]
    span: float
    steps: int
    passes: int = 0
    update_biases: bool = False
    path: np.ndarray | None = None
    run_end: tuple[float, float] | None = None

    def path_key(self) -> tuple:
        return self.params, tuple(self.axes), int(self.passes), bool(self.update_biases)

    def __call__(self, progress=None) -> LossMap:
        p, (a, b) = self.params, self.axes
        landscape = example_landscape(p, self.axes, self.span, self.steps)
        path = self.path
        if path is None:
            path = example_path(p, self.axes, self.passes, self.update_biases, progress)
        raw_path = path
        start = (float(getattr(p, a)), float(getattr(p, b)))
        finite = np.isfinite(path).all(axis=1)
        note = ""
        passes = self.passes
        if passes and self.run_end is not None and finite.all() and tuple(path[-1]) != tuple(self.run_end):
            note = QT_TRANSLATE_NOOP("LandscapeMap", "The last run of {passes:,} passes started from other numbers: "
                                     "run passes again on the worked example's tab to see their path from "
                                     "these.").format(passes=passes)
            path, passes = path[:0], 0
        elif passes == 0:
            note = QT_TRANSLATE_NOOP("LandscapeMap", "No passes run from these numbers yet: run some on the worked "
                                     "example's tab (Run many passes) to see their path.")
        elif not finite.all():
            path = path[: int(np.argmin(finite))]
            note = QT_TRANSLATE_NOOP("LandscapeMap", "The run diverged at pass {n:,}: the path stops at the last "
                                     "finite numbers (lower the learning rate).").format(n=len(path) + 1)
        gradient = example_gradient(p, self.axes)
        log, levels, contours = _contours(landscape)
        x, y = landscape.x, landscape.y
        if len(path) and not (x[0] <= path[:, 0].min() and path[:, 0].max() <= x[-1]
                              and y[0] <= path[:, 1].min() and path[:, 1].max() <= y[-1]):
            leaves = QT_TRANSLATE_NOOP("LandscapeMap", "The path leaves the map: a wider span shows all of it.")
            note = join(" ", [note, leaves]) if note else leaves
        if passes:
            label = (QT_TRANSLATE_NOOP("LandscapeMap", "path of {passes:,} passes (η = {lr:g})") if passes != 1 else
                     QT_TRANSLATE_NOOP("LandscapeMap", "path of {passes:,} pass (η = {lr:g})")).format(passes=passes,
                                                                                                        lr=p.lr)
            drawn = np.vstack([start, path])
        else:
            label, drawn = "", np.zeros((0, 2))
        title = QT_TRANSLATE_NOOP("LandscapeMap", "E_total over {x} and {y} (every other number fixed)").format(x=a,
                                                                                                              y=b)
        return LossMap(landscape, title, "E_total", (a, b), log, levels, contours, start, drawn, label,
                       (-gradient[0], -gradient[1]), gradient, note, self, raw_path)


# ---------------------------------------------------------------------------------------------- playground
def parameter_order(sizes, shared_biases: bool = False) -> np.ndarray:
    """For each parameter of ``NetworkNames(sizes).params``, in that order, its index in the vector of
    ``Network.get_parameters()``: per layer an (n_in + 1, n_out) block, row-major, the biases its last row."""
    offsets, offset = [], 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        offsets.append((offset, n_in, n_out))
        offset += (n_in + 1) * n_out
    index = []
    for ref in NetworkNames(sizes, shared_biases).params.values():
        start, n_in, n_out = offsets[ref.layer]
        index.append(start + ref.src * n_out + ref.dst if ref.kind == "w" else start + n_in * n_out + ref.dst)
    return np.array(index, dtype=np.intp)


def recorded_trajectory(recorder) -> np.ndarray:
    """The recorder's parameter vectors (T, P) in ``Network.get_parameters``'s layout, oldest first: a copy."""
    names = recorder.network_names
    if names.shared_biases or tuple(recorder.names) != tuple(names.params):
        raise ValueError(QT_TRANSLATE_NOOP("LandscapeMap", "the recorder does not hold every parameter of the "
                                                           "network"))
    out = np.empty((len(recorder), len(recorder.names)))
    for column, name in zip(parameter_order(names.sizes), recorder.names):
        out[:, column] = recorder.values(name)
    return out


@dataclass(frozen=True, eq=False)
class PlaneRequest:
    """The loss of ``net`` (the playground's network now) on its training points over a plane through its
    parameters, with the ``trajectory`` (T, P) projected onto it. ``span`` None: fit the trajectory."""

    net: object  # an engine Network with the current parameters (a copy the GUI never touches)
    features: tuple[str, ...]
    loss: str
    n_classes: int
    X_train: np.ndarray  # (N, 2) points
    y_train: np.ndarray
    trajectory: np.ndarray  # (T, P), the last row the current parameters
    directions: str = "random"  # random filter-normalised directions, or "pca": the trajectory's principal ones
    seed: int = 0
    span: float | None = None
    steps: int = 61
    step: int = 0  # the training step of the parameters (for the words)

    def __call__(self, progress=None) -> LossMap:
        if len(self.X_train) == 0:
            raise ValueError(QT_TRANSLATE_NOOP("LandscapeMap", "the playground has no training points to measure the "
                                                               "loss on: draw some first"))
        net = self.net
        centre = net.get_parameters()
        traj = self.trajectory[np.isfinite(self.trajectory).all(axis=1)]
        if self.directions == "pca":
            try:
                d1, d2, explained = pca_directions(traj)
            except ValueError as exc:
                raise ValueError(QT_TRANSLATE_NOOP("LandscapeMap", "no principal directions yet: {reason}. Train a "
                                                   "few steps, or choose random directions").format(
                    reason=phrase_of(exc))) from None
            axes = (QT_TRANSLATE_NOOP("LandscapeMap", "PC1 ({share:.1f} % of the path's variance)").format(
                        share=100 * explained[0]),
                    f"PC2 ({100 * explained[1]:.1f} %)")  # no words
        else:
            d1, d2 = random_directions(net, self.seed)
            if not (np.any(d1) and np.any(d2)):
                raise ValueError(QT_TRANSLATE_NOOP("LandscapeMap", "every weight of the network is 0: random "
                                                   "filter-normalised directions are 0 too"))
            axes = (QT_TRANSLATE_NOOP("LandscapeMap", "direction 1 (random, seed {seed})").format(seed=self.seed),
                    QT_TRANSLATE_NOOP("LandscapeMap", "direction 2 (random, seed {seed})").format(seed=self.seed))
        coords = project(traj, centre, d1, d2) if len(traj) else np.zeros((0, 2))
        span = self.span
        if span is None:
            far = float(np.abs(coords).max()) if len(coords) else 0.0
            span = FIT_MARGIN * far if self.directions == "pca" else max(1.0, FIT_MARGIN * far)
            if not (math.isfinite(span) and span > 0):
                span = 1.0
        X_train, y_train = np.asarray(self.X_train), np.asarray(self.y_train)
        sampled = len(X_train) > MAX_POINTS
        if sampled:  # the same sample for every map of a run: maps that differ only by training
            keep = np.sort(np.random.default_rng(0).choice(len(X_train), MAX_POINTS, replace=False))
            X_train, y_train = X_train[keep], y_train[keep]
        X = make_features(X_train, self.features)
        Y = targets_for(self.loss, y_train, self.n_classes)
        landscape = plane_landscape(net, X, Y, d1, d2, span, self.steps, centre=centre, axes=("d1", "d2"),
                                    progress=progress)
        log, levels, contours = _contours(landscape)
        name = VALUE_NAMES.get(self.loss) or QT_TRANSLATE_NOOP("LandscapeMap", "training loss ({loss})").format(
            loss=LOSS_WORDS.get(self.loss, self.loss))
        sizes = "-".join(map(str, net.sizes))
        title = QT_TRANSLATE_NOOP("LandscapeMap", "Loss of the {sizes} network over a plane through its weights at "
                                  "step {step:,}").format(sizes=sizes, step=self.step)
        notes = []
        if sampled:
            notes.append(QT_TRANSLATE_NOOP("LandscapeMap", "The loss is measured on a random sample of {sample:,} of "
                                           "the {total:,} training points (the same sample each time), to keep the "
                                           "map quick.").format(sample=MAX_POINTS, total=len(self.X_train)))
        if not np.isfinite(landscape.loss).all():
            notes.append(QT_TRANSLATE_NOOP("LandscapeMap", "Far from the current weights the loss is too large for a "
                                           "float64: those places are blank."))
        note = join(" ", notes) if notes else ""
        label = (QT_TRANSLATE_NOOP("LandscapeMap", "trajectory ({n:,} recorded steps, projected)").format(n=len(traj))
                 if len(traj) > 1 else "")
        return LossMap(landscape, title, name, axes, log, levels, contours, (0.0, 0.0), coords if len(traj) > 1 else
                       np.zeros((0, 2)), label, None, None, note, self)
