"""What the landscape shows: the worked example's two axes, span and grid (``ExampleControls``), or the playground's
plane (``PlaneControls``: its directions, seed, span and grid). Each emits ``changed()`` when a choice changes and
offers its choices as plain values; the page asks for the map."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QSpinBox, QWidget

from bpviz.engine.landscape import EXAMPLE_AXES, MAX_STEPS
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate

DEFAULT_AXES = ("w5", "w1")
DEFAULT_SPAN = 2.0
DEFAULT_STEPS = 61
MIN_GRID = 11  # fewer points make a map too coarse to read
DIRECTIONS = {"random": QT_TRANSLATE_NOOP("PlaneControls", "Random (filter-normalised)"),
              "pca": QT_TRANSLATE_NOOP("PlaneControls", "Principal (of the trajectory)")}  # PlaneRequest's
MAX_GRID = 201  # 201 × 201 of the playground's largest network on 1,000 points takes seconds: enough


def _span_box(name: str, value: float, tip: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setDecimals(3)
    box.setRange(0.01, 100.0)
    box.setSingleStep(0.25)
    box.setValue(value)
    box.setPrefix("± ")
    box.setKeyboardTracking(False)  # one map when typing stops, not one per digit
    box.setToolTip(tip)
    return box


def _grid_box(name: str) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(MIN_GRID, min(MAX_GRID, MAX_STEPS))
    box.setSingleStep(10)
    box.setValue(DEFAULT_STEPS)
    box.setSuffix(translate("ExampleControls", " × same"))
    box.setKeyboardTracking(False)
    box.setToolTip(translate("ExampleControls", "Grid points along each axis (odd: the current point is one of "
                                                "them)"))
    return box


class ExampleControls(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.x_axis, self.y_axis = QComboBox(), QComboBox()
        for box, name, default in ((self.x_axis, "landscape_x_axis", DEFAULT_AXES[0]),
                                   (self.y_axis, "landscape_y_axis", DEFAULT_AXES[1])):
            box.setObjectName(name)
            box.addItems(EXAMPLE_AXES)
            box.setCurrentText(default)
            box.currentIndexChanged.connect(self._axis_changed)
        self.x_axis.setToolTip(self.tr("The parameter along the map's x axis"))
        self.y_axis.setToolTip(self.tr("The parameter along the map's y axis (a different one)"))
        self.span = _span_box("landscape_example_span", DEFAULT_SPAN,
                              self.tr("Each axis runs over the parameter's current value ± this"))
        self.steps = _grid_box("landscape_example_steps")
        for box in (self.span, self.steps):
            box.valueChanged.connect(self.changed)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("x axis:"), self.x_axis)
        form.addRow(self.tr("y axis:"), self.y_axis)
        form.addRow(translate("ExampleControls", "Span:"), self.span)
        form.addRow(translate("ExampleControls", "Grid:"), self.steps)
        self._last = (self.x_axis.currentText(), self.y_axis.currentText())

    def axes(self) -> tuple[str, str]:
        return self.x_axis.currentText(), self.y_axis.currentText()

    def set_axes(self, x: str, y: str) -> None:
        """Choose both axes at once (one ``changed``)."""
        if x == y or x not in EXAMPLE_AXES or y not in EXAMPLE_AXES:
            raise ValueError(f"two different parameters of {' '.join(EXAMPLE_AXES)} are needed, got {x}, {y}")
        for box in (self.x_axis, self.y_axis):
            box.blockSignals(True)
        self.x_axis.setCurrentText(x)
        self.y_axis.setCurrentText(y)
        for box in (self.x_axis, self.y_axis):
            box.blockSignals(False)
        self._last = (x, y)
        self.changed.emit()

    def _axis_changed(self, _index: int) -> None:
        """The same parameter on both axes: the other axis takes the one this axis had (a swap)."""
        x, y = self.axes()
        if x == y:
            other = self.y_axis if self.sender() is self.x_axis else self.x_axis
            old_x, old_y = self._last
            other.blockSignals(True)
            other.setCurrentText(old_x if other is self.y_axis else old_y)
            other.blockSignals(False)
        self._last = self.axes()
        self.changed.emit()


class PlaneControls(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.directions = QComboBox()
        self.directions.setObjectName("landscape_directions")
        for key, text in DIRECTIONS.items():
            self.directions.addItem(translate("PlaneControls", text), key)
        self.directions.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.directions.setMinimumContentsLength(14)
        self.directions.setToolTip(self.tr("The plane's two directions: random ones scaled neuron by neuron to the "
                                           "network's weights (Li et al., 2018), or the two along which the recorded "
                                           "trajectory moved most (its principal components)"))
        self.seed = QSpinBox()
        self.seed.setObjectName("landscape_seed")
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(self.tr("The random directions' seed: another seed, another plane"))
        self.seed.setKeyboardTracking(False)
        self.fit = QCheckBox(self.tr("Fit the trajectory"))
        self.fit.setObjectName("landscape_fit")
        self.fit.setChecked(True)
        self.fit.setToolTip(self.tr("Span the map to show the whole projected trajectory (at least ± 1 for random "
                                    "directions)"))
        self.span = _span_box("landscape_plane_span", 1.0, self.tr("The map runs over a and b from −span to span, "
                                                                   "the weights being centre + a·d1 + b·d2"))
        self.span.setEnabled(False)
        self.steps = _grid_box("landscape_plane_steps")
        self.live = QCheckBox(self.tr("Update while training"))
        self.live.setObjectName("landscape_live")
        self.live.setChecked(True)
        self.live.setToolTip(self.tr("Recompute the map a few times a second while the playground trains"))
        self.directions.currentIndexChanged.connect(self._directions_changed)
        self.fit.toggled.connect(self.span.setDisabled)
        for signal in (self.seed.valueChanged, self.fit.toggled, self.span.valueChanged, self.steps.valueChanged,
                       self.live.toggled):
            signal.connect(self.changed)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Directions:"), self.directions)
        form.addRow(self.tr("Seed:"), self.seed)
        form.addRow("", self.fit)
        form.addRow(translate("ExampleControls", "Span:"), self.span)
        form.addRow(translate("ExampleControls", "Grid:"), self.steps)
        form.addRow("", self.live)

    def direction_kind(self) -> str:
        return self.directions.currentData()

    def set_direction_kind(self, key: str) -> None:
        index = self.directions.findData(key)
        if index < 0:
            raise ValueError(f"no directions {key!r} (choose from {', '.join(DIRECTIONS)})")
        self.directions.setCurrentIndex(index)

    def chosen_span(self) -> float | None:
        """The span, or None to fit the trajectory."""
        return None if self.fit.isChecked() else float(self.span.value())

    def _directions_changed(self, _index: int) -> None:
        self.seed.setEnabled(self.direction_kind() == "random")
        self.changed.emit()
