"""One pass of the playground's own network on one training point or on its next mini-batch, to step through
(no Qt).

Built from a training frame (the network's settings, data and current weights) and points of its training set: the
engine's general trace of that pass (bpviz.engine.trace; a mini-batch's shows its first point's pass, then each
gradient as the mean of the points' own), what the diagram shows at each step, the chain of steps behind a gradient
(bpviz.engine.explain), and the parameters after the pass's update (a real ``Network.step`` on those points: for the
next mini-batch, the very step training makes next).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np

from bpviz.engine.explain import gradient_chain
from bpviz.engine.features import FEATURE_LABELS, make_features
from bpviz.engine.phrases import QT_TRANSLATE_NOOP, Phrase
from bpviz.engine.trace import Trace, trace_pass
from bpviz.models.diagram import DiagramState, from_trace
from bpviz.training.frames import Frame
from bpviz.training.trainer import targets_for


@dataclass(frozen=True)
class SteppedPass:
    frame: Frame  # the training state the pass starts from
    points: tuple[int, ...]  # indices into the frame's training set: one point, or the next mini-batch
    is_next_batch: bool = False

    @classmethod
    def of(cls, frame: Frame, point: int) -> SteppedPass:
        """The pass of ``frame``'s network on training point ``point`` (IndexError if there is no such point)."""
        n = len(frame.data.X_train)
        if not 0 <= point < n:
            raise IndexError(QT_TRANSLATE_NOOP("PassStepping", "the training set has {n} points (0 to {last}), not a "
                                                               "point {point}").format(n=n, last=n - 1, point=point))
        return cls(frame, (int(point),))

    @classmethod
    def of_next_batch(cls, frame: Frame) -> SteppedPass:
        """The pass of ``frame``'s network on the mini-batch its next training step takes."""
        return cls(frame, tuple(int(i) for i in frame.snapshot.next_batch), True)

    @property
    def point(self) -> int:
        """The (first) point: the one whose pass the steps before the batch's mean show."""
        return self.points[0]

    @property
    def generation(self) -> int:
        return self.frame.generation

    @property
    def xy(self) -> tuple[float, float]:
        x1, x2 = self.frame.data.X_train[self.point]
        return float(x1), float(x2)

    @property
    def all_xy(self) -> list[tuple[float, float]]:
        """Every point of the pass, the first first."""
        return [(float(x1), float(x2)) for x1, x2 in self.frame.data.X_train[list(self.points)]]

    @property
    def label(self) -> float:
        """The point's class (0 red, 1 blue) or, on a regression data set, its value."""
        return float(self.frame.data.y_train[self.point])

    @cached_property
    def trace(self) -> Trace:
        config, snap = self.frame.config, self.frame.snapshot
        net = config.make_network()
        net.weights, net.biases = snap.weights, snap.biases
        rows = list(self.points)
        X = make_features(self.frame.data.X_train[rows], config.features)
        T = targets_for(config.loss, self.frame.data.y_train[rows], config.n_classes)
        with np.errstate(all="ignore"):  # a diverged network's inf and NaN are shown as such
            return trace_pass(net, X, T, config.lr)

    @property
    def input_labels(self) -> tuple[str, ...]:
        return tuple(FEATURE_LABELS[f] for f in self.frame.config.features)

    def diagram_state(self, position: int) -> DiagramState:
        """The playground's diagram after steps 0..position of the pass (not editable: the pass is a record)."""
        return replace(from_trace(self.trace, position), editable=False, input_labels=self.input_labels)

    def chain(self, param: str) -> tuple[int, ...]:
        """The steps that make ∂E/∂``param``, its own step first (KeyError without such a gradient)."""
        return gradient_chain(self.trace, param)

    @property
    def parameters_before(self) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
        return tuple(np.array(w) for w in self.trace.arrays["W"]), tuple(np.array(b) for b in self.trace.arrays["b"])

    @property
    def parameters_after(self) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
        """Weights and biases after this pass's update."""
        a = self.trace.arrays
        return tuple(np.array(w) for w in a["new_W"]), tuple(np.array(b) for b in a["new_b"])

    def describe(self) -> Phrase:
        """The points in words: 'training point 12 at (0.53, −1.2), blue', or 'the next mini-batch: 10 points,
        the first training point 12 at (0.53, −1.2), blue' (a phrase: the window shows it in its language)."""
        x1, x2 = self.xy
        if self.frame.config.is_regression:
            what = QT_TRANSLATE_NOOP("PassStepping", "value {value}").format(value=_minus(f"{self.label:.3g}"))
        elif self.frame.config.n_classes == 2 and not self.frame.config.dataset.is_custom:
            what = QT_TRANSLATE_NOOP("PassStepping", "blue") if self.label > 0.5 \
                else QT_TRANSLATE_NOOP("PassStepping", "orange")
        else:  # K classes, or classes of one's own: by name
            name = _minus(self.frame.config.dataset.class_names[int(self.label)])
            what = QT_TRANSLATE_NOOP("PassStepping", "class {name}").format(name=name)
        first = QT_TRANSLATE_NOOP("PassStepping", "training point {index} at ({x1}, {x2}), {what}").format(
            index=self.point, x1=_minus(f"{x1:.3g}"), x2=_minus(f"{x2:.3g}"), what=what)
        if len(self.points) == 1 and not self.is_next_batch:
            return first
        return QT_TRANSLATE_NOOP("PassStepping", "the next mini-batch: {n} points, the first {first}").format(
            n=len(self.points), first=first)


def _minus(text: str) -> str:
    return text.replace("-", "−")  # a real minus sign


def nearest_point(frame: Frame, x: float, y: float) -> int | None:
    """The index of the training point nearest to (x, y); None without training points."""
    X = frame.data.X_train
    if not len(X):
        return None
    return int(np.argmin((X[:, 0] - x) ** 2 + (X[:, 1] - y) ** 2))
