"""``SliderRow``: a title, its value and a slider that reports a drag once, on release (the playground's ratio,
noise and batch size)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSlider, QWidget


class SliderRow(QWidget):
    """A title, the value on the right, and a slider below.

    ``touched()``: the user acted on the slider (drag, click, key), before the value moves.
    ``committed(bool settle)``: a released drag (settle False), or a step by a key or a click on the groove
    (settle True: more may follow); never a tick in the middle of a drag, never a move made by the program.
    """

    touched = Signal()
    committed = Signal(bool)

    def __init__(self, title: str, name: str, tip: str, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(0)
        self.title = QLabel(title)
        self.value_label = QLabel()
        self.value_label.setObjectName(f"{name}_value")
        self.value_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        font = self.value_label.font()
        font.setBold(True)
        self.value_label.setFont(font)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setObjectName(f"{name}_slider")
        self.title.setBuddy(self.slider)
        for w in (self, self.title, self.value_label, self.slider):
            w.setToolTip(tip)
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.value_label, 0, 1)
        grid.addWidget(self.slider, 1, 0, 1, 2)
        self.format = str
        self._quiet = False  # True while the program moves the slider
        self.slider.actionTriggered.connect(lambda _action: self.touched.emit())
        self.slider.sliderReleased.connect(lambda: self.committed.emit(False))
        self.slider.valueChanged.connect(self._moved)

    def _moved(self, _value: int) -> None:
        self.refresh()
        if not self._quiet and not self.slider.isSliderDown():
            self.committed.emit(True)

    def refresh(self) -> None:
        self.value_label.setText(self.format(self.slider.value()))

    def set_value(self, value: int, limits: tuple[int, int] | None = None) -> None:
        """Move the slider (and change its range) without committing anything."""
        self._quiet = True
        try:
            if limits is not None:
                self.slider.setRange(*limits)
            self.slider.setValue(value)
        finally:
            self._quiet = False
        self.refresh()
