"""How far a background job is, and a way to stop it: a progress bar with a Cancel button beside it.

Shown only while a job runs (the page that owns the worker says when: ``start``, ``show_progress``, ``stop``);
the bar counts in the job's own unit ("1,500 of 100,000 passes", "120 of 300 parameters"). The widget runs
nothing: Cancel only emits ``cancelRequested`` for the page to act on.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget


class JobProgress(QWidget):
    cancelRequested = Signal()

    def __init__(self, text: str, cancel_tip: str, name: str, parent=None):
        """``text``: the bar's words, with ``{done}`` and ``{total}`` ("{done:,} of {total:,} passes");
        ``name``: the object names' stem (``NAME_progress``, ``NAME_cancel``: tests and the monkey find them)."""
        super().__init__(parent)
        self._text = text
        self.bar = QProgressBar()
        self.bar.setObjectName(f"{name}_progress")
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName(f"{name}_cancel")
        self.cancel_button.setToolTip(cancel_tip)
        self.cancel_button.clicked.connect(self.cancelRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.hide()

    @property
    def running(self) -> bool:
        """Between ``start`` and ``stop`` (whether or not the widget is on screen)."""
        return not self.isHidden()

    def start(self, total: int) -> None:
        longest = self._text.format(done=int(total), total=int(total))  # the bar's text at its widest
        self.bar.setMinimumWidth(self.bar.fontMetrics().horizontalAdvance(longest) + 32)
        self.show_progress(0, total)
        self.show()

    def show_progress(self, done: int, total: int) -> None:
        self.bar.setMaximum(max(int(total), 1))
        self.bar.setValue(int(done))
        self.bar.setFormat(self._text.format(done=int(done), total=int(total)))

    def stop(self) -> None:
        self.hide()
