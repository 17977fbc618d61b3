"""The row under the output panel for drawing one's own data: Draw on/off, the class (or value) of new points,
Clear, and a hint that says what the mouse does and what noise and the split do to drawn points.

It only chooses: the edits themselves are made by the page's point editor and the owner of the data.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bpviz.engine.datasets import CUSTOM_NOISE_STD
from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.quoting import shorten

NAME_CHARS = 6  # a class button shows this much of its name (the whole name is in its tooltip): six fit a row
VALUE_STEPS = 20  # the value slider moves in steps of 2 / VALUE_STEPS from −1 to +1
HINT = QT_TRANSLATE_NOOP("DrawPanel", "Click: add a point · right-click or Ctrl+click: remove the nearest · "
                                     "Shift+drag: brush a cloud. Training goes on over the new points with the same "
                                     "network. Noise jitters drawn points (by noise × {std} on each axis); the test "
                                     "share holds out points at random, and each keeps its side as you draw.")
OFF_HINT = QT_TRANSLATE_NOOP("DrawPanel", "Draw points (Ctrl+D): add and remove points of any class by clicking on "
                                         "the output panel.")


def swatch(color: str, size: int = 12) -> QIcon:
    """A round icon of ``color``: the class's mark on its button."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.Antialiasing)
    p.setPen(QColor(palette.TEXT))
    p.setBrush(QColor(color))
    p.drawEllipse(1, 1, size - 2, size - 2)
    p.end()
    return QIcon(pixmap)


class DrawPanel(QWidget):
    drawingToggled = Signal(bool)
    clearRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("draw_panel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 0, 4, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(3)
        self.draw_action = QAction(self.tr("Draw points"), self, checkable=True)
        self.draw_action.setShortcut(QKeySequence("Ctrl+D"))
        self.draw_action.setShortcutContext(Qt.WindowShortcut)
        self.draw_action.setToolTip(self.tr("Draw your own data on the output panel: click to add a point of the "
                                            "chosen class, right-click to remove the nearest one (Ctrl+D)"))
        self.draw_action.toggled.connect(self._toggled)
        self.draw_button = QToolButton()
        self.draw_button.setObjectName("draw_button")
        self.draw_button.setDefaultAction(self.draw_action)
        self.draw_button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        row.addWidget(self.draw_button)

        self.class_group = QButtonGroup(self)
        self.class_group.setExclusive(True)
        self.class_buttons: list[QToolButton] = []
        self.class_row = QHBoxLayout()
        self.class_row.setSpacing(2)
        row.addLayout(self.class_row)

        self.value_label = QLabel()
        self.value_slider = QSlider(Qt.Horizontal)
        self.value_slider.setObjectName("draw_value")
        self.value_slider.setRange(-VALUE_STEPS // 2, VALUE_STEPS // 2)
        self.value_slider.setValue(VALUE_STEPS // 2)
        self.value_slider.setMaximumWidth(110)
        self.value_slider.setToolTip(self.tr("The value new points carry, −1 (orange) … +1 (blue)"))
        self.value_slider.valueChanged.connect(self._show_value)
        row.addWidget(self.value_label)
        row.addWidget(self.value_slider)

        row.addStretch(1)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("draw_clear")
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove every point and start from an empty set (the network stays)"))
        self.clear_button.clicked.connect(self.clearRequested)
        row.addWidget(self.clear_button)
        outer.addLayout(row)

        self.hint = QLabel(translate("DrawPanel", OFF_HINT))
        self.hint.setObjectName("draw_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {palette.MUTED};")
        outer.addWidget(self.hint)
        self.note = QLabel()  # how an imported file's coordinates were moved into the view
        self.note.setObjectName("draw_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {palette.MUTED};")
        self.note.setToolTip(self.tr("The file's points did not fit the view's square: each axis was mapped onto "
                                     "−1 … 1. Export data… writes the points back in the file's own coordinates"))
        self.note.hide()
        outer.addWidget(self.note)
        self._regression = False
        self.set_classes(("0", "1"), (palette.NEGATIVE, palette.POSITIVE))
        self._show_value(self.value_slider.value())
        self._toggled(False)

    # ------------------------------------------------------------------ choices
    @property
    def drawing(self) -> bool:
        return self.draw_action.isChecked()

    def set_drawing(self, on: bool) -> None:
        self.draw_action.setChecked(bool(on))

    def current_class(self) -> int:
        return max(self.class_group.checkedId(), 0)

    def set_current_class(self, k: int) -> None:
        if 0 <= k < len(self.class_buttons):
            self.class_buttons[k].setChecked(True)

    def current_value(self) -> float:
        return self.value_slider.value() * 2.0 / VALUE_STEPS

    def set_classes(self, names, colors) -> None:
        """The classes new points may get: one button each, in its colour, named by the class's name."""
        names, colors = tuple(names), tuple(colors)
        shown = [(b.property("name"), b.property("color")) for b in self.class_buttons]
        if shown == list(zip(names, colors)):
            return
        chosen = self.current_class()
        for button in self.class_buttons:
            self.class_group.removeButton(button)
            button.deleteLater()
        self.class_buttons = []
        for k, (name, color) in enumerate(zip(names, colors)):
            button = QToolButton()
            button.setObjectName(f"draw_class_{k}")
            button.setCheckable(True)
            button.setText(shorten(name, NAME_CHARS))
            button.setProperty("name", name)
            button.setProperty("color", color)
            button.setIcon(swatch(color))
            button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            button.setToolTip((self.tr("New points are of class {name} (key {key})") if k < 9
                               else self.tr("New points are of class {name}")).format(name=name, key=k + 1))
            if k < 9:
                button.setShortcut(QKeySequence(str(k + 1)))
            self.class_group.addButton(button, k)
            self.class_row.addWidget(button)
            self.class_buttons.append(button)
        self.set_current_class(min(chosen, len(names) - 1))
        self._show_kind()

    def set_note(self, text: str) -> None:
        """A line under the hint (the rescaling of an imported file's points); hidden when empty."""
        if text != self.note.text():
            self.note.setText(text)
            self.note.setVisible(bool(text))

    def set_regression(self, on: bool) -> None:
        """Points carry values (a slider) instead of classes (buttons)."""
        self._regression = bool(on)
        self._show_kind()

    def _show_kind(self) -> None:
        for widget in self.class_buttons:
            widget.setVisible(not self._regression)
        self.value_label.setVisible(self._regression)
        self.value_slider.setVisible(self._regression)

    @Slot(int)
    def _show_value(self, _step: int) -> None:
        self.value_label.setText(self.tr("Value {value}").format(
            value=f"{self.current_value():+.1f}".replace("-", "−")))

    @Slot(bool)
    def _toggled(self, on: bool) -> None:
        self.hint.setText(translate("DrawPanel", HINT).format(std=f"{CUSTOM_NOISE_STD:g}") if on
                         else translate("DrawPanel", OFF_HINT))
        for button in self.class_buttons:  # the digit keys pick a class only while drawing
            button.setShortcut(QKeySequence(str(self.class_buttons.index(button) + 1)) if on else QKeySequence())
        self.drawingToggled.emit(bool(on))
