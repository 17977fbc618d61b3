"""A place that shows one of its widgets: as QStackedWidget, but as small as the widget shown (a stack is as wide
as its widest page: the playground's settings would take the room of the stepper's panel they alternate with)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class OneOf(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._widgets: list[QWidget] = []
        self._current: QWidget | None = None

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 (QStackedWidget's names)
        self._widgets.append(widget)
        self._layout.addWidget(widget)
        if self._current is None:
            self._current = widget
        else:
            widget.hide()  # a hidden widget takes no room in the layout

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802
        if widget not in self._widgets:
            raise ValueError("not one of this place's widgets")
        for w in self._widgets:
            if w is not widget:
                w.hide()
        widget.show()
        self._current = widget

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self._current
