"""The settings panel's side of points of one's own (drawn or imported): it keeps them for "Your data", shows their
count in the Points box (disabled: a drawn set has the points it has) and gives the generated sets their own count
back when one of them is chosen again.

Programmatic only, emitting nothing: the panel tells it what was shown or chosen and asks it for the data set.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox

from bpviz.engine.datasets import CUSTOM, DatasetSpec
from bpviz.engine.points import PointSet


class OwnPoints:
    def __init__(self, spin: QSpinBox, usual_range: tuple[int, int], generated_count: int):
        self.spin, self.usual_range = spin, usual_range
        self.points: PointSet | None = None  # none until some are drawn or imported
        self.generated_count = generated_count  # the Points box's value for generated sets

    def remember(self, spec: DatasetSpec) -> None:
        """A data set shown (a loaded session, an edit): its points if they are one's own, else its count."""
        if spec.points is not None:
            self.points = spec.points
        else:
            self.generated_count = spec.n_samples
        self.show_count(len(spec.points) if spec.points is not None else None)

    def show_count(self, own_count: int | None) -> None:
        """The Points box: the count of a set of one's own (disabled), or the generated sets' count (None)."""
        spin = self.spin
        if own_count is not None and spin.isEnabled():
            self.generated_count = spin.value()  # back when a generated set is chosen again
        n = self.generated_count if own_count is None else own_count
        low, high = (0, self.usual_range[1]) if own_count is not None else self.usual_range
        spin.blockSignals(True)
        spin.setRange(min(low, n), max(high, n))
        spin.setValue(n)
        spin.blockSignals(False)
        spin.setEnabled(own_count is None)

    def spec(self, classes: int, noise: float, test_ratio: float, seed: int) -> DatasetSpec:
        """One's own points with the settings shown: the Classes box may have given them more or fewer classes
        (the points of a class taken away go with it)."""
        points = self.points if self.points is not None else PointSet([], [])
        if not points.regression and classes != points.n_classes:
            points = points.with_class_count(classes)
        return DatasetSpec(CUSTOM, len(points), noise, test_ratio, seed, points=points)
