"""The playground's point sets: one toggle button each with a thumbnail of its points, the classification sets
above, the regression sets (a value per point) in a labelled row below, and "Your data": points drawn on the output
panel or imported from a file. Exactly one is chosen; ``changed(name)`` after a click on another one.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QToolButton, QWidget

from bpviz.engine.datasets import (
    ALL_DATASETS,
    CUSTOM,
    DATASETS,
    DOMAIN,
    MULTICLASS_DATASETS,
    REGRESSION_DATASETS,
    DatasetSpec,
)
from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.widgets.controls.layer_editor import _ICONS, canvas, group_label, picture_button
from bpviz.gui.widgets.value_colors import level_colors, value_levels

CHOICES = (*ALL_DATASETS, CUSTOM)  # the buttons' ids are indices into this
DATASET_TIP = QT_TRANSLATE_NOOP("Playground", "Classify the {name} point set (red against blue)")
MULTICLASS_TIP = QT_TRANSLATE_NOOP("Playground", "Classify the {name} point set (red against blue, or up to six "
                                                 "classes: see Classes)")
DATASET_TITLES = {"multi_gaussian": "Multi Gauss"}  # the button's text where name.capitalize() is too long
_NAMES = (QT_TRANSLATE_NOOP("Dataset", "Circle"), QT_TRANSLATE_NOOP("Dataset", "Xor"),  # the buttons' texts
          QT_TRANSLATE_NOOP("Dataset", "Gaussian"), QT_TRANSLATE_NOOP("Dataset", "Spiral"),
          QT_TRANSLATE_NOOP("Dataset", "Linear"), QT_TRANSLATE_NOOP("Dataset", "Moons"),
          QT_TRANSLATE_NOOP("Dataset", "Plane"), QT_TRANSLATE_NOOP("Dataset", "Multi Gauss"),
          QT_TRANSLATE_NOOP("Dataset", "circle"), QT_TRANSLATE_NOOP("Dataset", "xor"),  # in the tooltips
          QT_TRANSLATE_NOOP("Dataset", "gaussian"), QT_TRANSLATE_NOOP("Dataset", "spiral"),
          QT_TRANSLATE_NOOP("Dataset", "linear"), QT_TRANSLATE_NOOP("Dataset", "moons"))
REGRESSION_TIPS = {
    "plane": QT_TRANSLATE_NOOP("Playground", "Regression: learn a value that rises linearly across the plane, "
                                             "(x₁ + x₂)/2, from −1 (orange) to +1 (blue); the output neuron is linear "
                                             "and the error squared"),
    "multi_gaussian": QT_TRANSLATE_NOOP("Playground", "Regression: learn a landscape of six bumps of height +1 (blue) "
                                                      "and −1 (orange); the output neuron is linear and the error "
                                                      "squared"),
}
CUSTOM_TIP = QT_TRANSLATE_NOOP("Playground", "Your own points: draw them on the output panel (Draw points, Ctrl+D) "
                                             "or import a CSV file (File > Import data…). Choosing it starts from "
                                             "the points shown now.")


def dataset_icon(name: str, size: int = 44) -> QIcon:
    """The points of the dataset (200, noise 0.1, seed 0) coloured by class, or by value on the regression
    scale (−1 orange … +1 blue); drawn once per name and size."""
    key = ("dataset", name, size)
    if key not in _ICONS:
        spec = DatasetSpec(name, n_samples=200, noise=0.1, seed=0)
        data = spec.make()
        if spec.is_regression:
            steps = level_colors()
            colors = [steps[i] for i in value_levels(data.y)]
        else:
            colors = [palette.class_color(label) for label in data.y]
        pixmap = canvas(size)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.Antialiasing)
        lo, hi = DOMAIN
        scale = (size - 4) / (hi - lo)
        p.setPen(Qt.NoPen)
        for (x1, x2), color in zip(data.X, colors):
            p.setBrush(QColor(color))
            p.drawEllipse(QPointF(2 + (x1 - lo) * scale, 2 + (hi - x2) * scale), 1.5, 1.5)
        p.setPen(QPen(QColor(palette.NEUTRAL), 1))
        p.setBrush(Qt.NoBrush)
        p.drawRect(QRectF(0.5, 0.5, size - 1, size - 1))
        p.end()
        _ICONS[key] = QIcon(pixmap)
    return _ICONS[key]


def custom_icon(size: int = 44) -> QIcon:
    """A few points of several classes with a pencil stroke: points of one's own."""
    key = ("custom", size)
    if key not in _ICONS:
        pixmap = canvas(size)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.Antialiasing)
        p.setPen(Qt.NoPen)
        spots = ((0.25, 0.3, 0), (0.35, 0.62, 1), (0.6, 0.28, 2), (0.72, 0.7, 0), (0.5, 0.5, 1), (0.3, 0.82, 2))
        for x, y, k in spots:
            p.setBrush(QColor(palette.class_color(k)))
            p.drawEllipse(QPointF(x * size, y * size), size / 14, size / 14)
        p.setPen(QPen(QColor(palette.TEXT), max(1.5, size / 22), Qt.SolidLine, Qt.RoundCap))
        p.drawLine(QPointF(size * 0.62, size * 0.9), QPointF(size * 0.9, size * 0.55))
        p.setPen(QPen(QColor(palette.NEUTRAL), 1))
        p.setBrush(Qt.NoBrush)
        p.drawRect(QRectF(0.5, 0.5, size - 1, size - 1))
        p.end()
        _ICONS[key] = QIcon(pixmap)
    return _ICONS[key]


class DatasetChooser(QWidget):
    """The classification sets in a 3 x 2 grid, the regression sets in a row below (TensorFlow Playground's
    "Problem type") and "Your data" beside them; exactly one is chosen. ``changed(name)`` after a click on another
    set."""

    changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QToolButton] = {}
        self.classification_label = group_label(
            self.tr("Classification: a class per point"),
            self.tr("Each point belongs to one of two classes (spiral and Gaussian: up to six, see Classes); the "
                    "network learns the probability of each"))
        self.regression_label = group_label(self.tr("Regression: a value"), self.tr(
            "Each point carries a number from −1 (orange) to +1 (blue); the network learns to predict it"))
        grid.addWidget(self.classification_label, 0, 0, 1, 3)
        rows = 3 + (len(DATASETS) - 1) // 3  # under the classification grid, after its label
        grid.addWidget(self.regression_label, rows, 0, 1, 2)
        self.custom_label = group_label(self.tr("Yours"), self.tr("Points of your own, of 2 to 6 classes or with "
                                                                  "values"))
        grid.addWidget(self.custom_label, rows, 2)
        for k, name in enumerate(ALL_DATASETS):
            regression = name in REGRESSION_DATASETS
            b = picture_button(f"dataset_{name}", translate("Dataset", DATASET_TITLES.get(name, name.capitalize())),
                               dataset_icon(name), 44)
            tip = MULTICLASS_TIP if name in MULTICLASS_DATASETS else DATASET_TIP
            b.setToolTip(translate("Playground", REGRESSION_TIPS[name]) if regression
                         else translate("Playground", tip).format(name=translate("Dataset", name)))
            b.setAccessibleName(f"{'Regression' if regression else 'Dataset'} {name.replace('_', ' ')}")
            self.group.addButton(b, k)
            self.buttons[name] = b
            if regression:
                j = k - len(DATASETS)
                grid.addWidget(b, rows + 1 + j // 3, j % 3)
            else:
                grid.addWidget(b, 1 + k // 3, k % 3)
        b = picture_button(f"dataset_{CUSTOM}", self.tr("Your data"), custom_icon(), 44)
        b.setToolTip(translate("Playground", CUSTOM_TIP))
        b.setAccessibleName("Your own data")
        self.group.addButton(b, len(ALL_DATASETS))
        self.buttons[CUSTOM] = b
        grid.addWidget(b, rows + 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)  # the row of two keeps the width of the grid's columns
        self._name = DATASETS[0]
        self.buttons[self._name].setChecked(True)
        self.group.idClicked.connect(self._clicked)

    def name(self) -> str:
        return self._name

    def set_name(self, name: str) -> None:
        self.buttons[name].setChecked(True)  # KeyError for an unknown name: DatasetSpec never holds one
        self._name = name

    def _clicked(self, index: int) -> None:
        if CHOICES[index] != self._name:
            self._name = CHOICES[index]
            self.changed.emit(self._name)
