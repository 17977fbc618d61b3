"""The stepper panel's buttons: Previous, Next, Run whole pass and Reset on one row, or two rows of two when the
panel is too narrow for one (the panel rearranges them as it is resized).

The buttons show the panel's actions (the same QAction objects the main window puts in its toolbar and menu).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QToolButton

BUTTON_ORDER = ("previous", "next", "run_all", "reset")


class StepButtons(QGridLayout):
    """A grid of one tool button per action of ``actions`` (keyed as ``BUTTON_ORDER``), left-aligned."""

    def __init__(self, actions: dict[str, QAction]):
        super().__init__()
        self.setHorizontalSpacing(4)
        self.setVerticalSpacing(4)
        self.buttons: dict[str, QToolButton] = {}
        for key in BUTTON_ORDER:
            button = QToolButton()
            button.setObjectName(f"stepper_{key}_button")
            button.setDefaultAction(actions[key])
            button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
            button.setMinimumWidth(button.sizeHint().height())  # the layout may squeeze; the panel rearranges
            self.buttons[key] = button
        self._columns = 0
        self.arrange(4)
        hints = [self.buttons[k].sizeHint().width() for k in BUTTON_ORDER]
        self.two_rows_width = max(hints[0] + hints[1], hints[2] + hints[3]) + self.horizontalSpacing()

    def one_row_width(self) -> int:
        """The width the buttons need on one row (at their size hints)."""
        return sum(b.sizeHint().width() for b in self.buttons.values()) + 3 * self.horizontalSpacing()

    def arrange(self, columns: int) -> bool:
        """The buttons on one row (``columns`` 4), or two rows of two (2) (True if moved)."""
        if columns == self._columns:
            return False
        for button in self.buttons.values():
            self.removeWidget(button)
        for k, key in enumerate(BUTTON_ORDER):
            self.addWidget(self.buttons[key], k // columns, k % columns)
        for c in range(5):
            self.setColumnStretch(c, 0)
        self.setColumnStretch(columns, 1)  # buttons keep their natural size, left-aligned
        self._columns = columns
        return True
