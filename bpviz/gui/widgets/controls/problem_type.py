"""The problem type the playground's settings describe, and the two boxes that follow it: the number of classes
and the losses offered.

Two classes: the three classification losses (cross-entropy or squared error on one sigmoid output, softmax
cross-entropy on two outputs). K ≥ 3 classes (spiral and Gaussian only: the Classes box is enabled for them and
shows 2, disabled, for the other sets): softmax cross-entropy on K outputs only. Regression: the squared error on a
linear output only. Leaving two classes (for regression or more classes) and coming back brings back the two-class
loss chosen before; leaving a set of K classes for a two-class set and coming back brings back K.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from bpviz.engine.datasets import CUSTOM, MULTICLASS_DATASETS, is_regression
from bpviz.gui.i18n import translate
from bpviz.gui.widgets.controls.panel_parts import select_data
from bpviz.gui.widgets.controls.playground_choices import (
    LOSS_TIPS,
    LOSSES,
    MULTICLASS_LOSSES,
    REGRESSION_LOSSES,
    TIPS,
)


def problem(regression: bool, classes: int) -> tuple[str, int]:
    """("regression", 0), ("classes", K) for K ≥ 3, or ("binary", 2)."""
    if regression:
        return "regression", 0
    return ("classes", classes) if classes > 2 else ("binary", 2)


class ProblemType:
    """Keeps the Classes box (``spin``) and the loss box (``combo``, with its buddy ``label``) in line with the data
    set. Programmatic only, emitting nothing: the panel tells it what the user did and reads the boxes."""

    def __init__(self, spin: QSpinBox, combo: QComboBox, label: QWidget, binary_loss: str):
        self.spin, self.combo, self.label = spin, combo, label
        self.problem = problem(False, 2)  # what the loss box holds now
        self.binary_loss = binary_loss  # brought back when two classes come back
        self.kept_classes = spin.value()  # the Classes box's choice, kept while a two-class set is shown
        self.item_tips()

    # ------------------------------------------------------------------ user actions
    def dataset_chosen(self, name: str) -> None:
        self.show_classes(name, self.kept_classes)
        self.offer(is_regression(name), self.spin.value())

    def classes_edited(self, value: int) -> None:
        self.kept_classes = value
        self.offer(False, value)

    def loss_chosen(self) -> None:
        if self.problem[0] == "binary":
            self.binary_loss = self.combo.currentData()

    # ------------------------------------------------------------------ showing
    def show(self, name: str, classes: int, regression: bool, loss: str) -> None:
        """A configuration's data set, its number of classes and its loss (a loaded session, a reset)."""
        if name in MULTICLASS_DATASETS:
            self.kept_classes = classes
        self.show_classes(name, classes, regression)
        self.offer(regression, classes, loss)

    def classes(self, name: str) -> int:
        """The number of classes of a generated set ``name`` the boxes describe (2 unless it comes in more)."""
        return self.spin.value() if name in MULTICLASS_DATASETS or name == CUSTOM else 2

    def show_classes(self, name: str, classes: int, regression: bool = False) -> None:
        """``classes`` in an enabled box for a set that comes in more classes or of one's own (its classes can be
        added or taken away), else 2 in a disabled one."""
        multi = name in MULTICLASS_DATASETS or name == CUSTOM and not regression
        self.spin.blockSignals(True)
        self.spin.setValue(classes if multi else 2)
        self.spin.blockSignals(False)
        self.spin.setEnabled(multi)

    def offer(self, regression: bool, classes: int, loss: str | None = None) -> None:
        """Fill the loss box for the problem type (if it changed) and select ``loss`` (None: the two-class loss
        chosen before, or the one loss of the other types)."""
        kind, k = shown = problem(regression, classes)
        if shown != self.problem:
            self.problem = shown
            self.combo.clear()
            items = {"regression": REGRESSION_LOSSES, "classes": MULTICLASS_LOSSES, "binary": LOSSES}[kind]
            for data, text in items:
                self.combo.addItem(translate("Playground", text).format(k=k), data)
            tip = translate("Playground", TIPS[{"regression": "loss_regression", "classes": "loss_multiclass",
                                                "binary": "loss"}[kind]])
            for widget in (self.combo, self.label):
                widget.setToolTip(tip.format(k=k))
            self.item_tips()
        if loss is None:
            loss = self.binary_loss if kind == "binary" else self.combo.itemData(0)
        select_data(self.combo, loss)
        if kind == "binary":
            self.binary_loss = loss

    def item_tips(self) -> None:
        kind, k = self.problem
        for i in range(self.combo.count()):
            tip = {"regression": LOSS_TIPS["regression"], "classes": LOSS_TIPS["multiclass"]}.get(
                kind, LOSS_TIPS.get(self.combo.itemData(i), ""))
            tip = translate("Playground", tip).format(k=k) if tip else tip
            self.combo.setItemData(i, tip, Qt.ToolTipRole)


__all__ = ["ProblemType", "problem"]
