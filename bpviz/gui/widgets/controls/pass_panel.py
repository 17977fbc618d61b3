"""The playground's panel for stepping through one pass of its own network: what the pass is of, Apply update /
Undo update / Back to training, and the worked example's stepper (bpviz.gui.widgets.controls.stepper)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.widgets.controls.stepper import StepperPanel
from bpviz.gui.widgets.message_label import MessageLabel

HINT = QT_TRANSLATE_NOOP("PassPanel", "Right-click a training point on the output map to step through it instead; "
                                     "right-click an edge of the diagram to see the chain of factors behind its "
                                     "gradient.")


class PassPanel(QWidget):
    applyRequested = Signal()
    undoRequested = Signal()
    leaveRequested = Signal()
    batchChosen = Signal(bool)  # True: the pass is of the next mini-batch; False: of one training point

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pass_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(4)
        self.title = QLabel()
        self.title.setObjectName("pass_title")
        self.title.setTextFormat(Qt.RichText)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        source = QHBoxLayout()
        source.addWidget(QLabel(self.tr("Pass on")))
        self.source = QComboBox()
        self.source.setObjectName("pass_source")
        self.source.addItems([self.tr("one training point"), self.tr("the next mini-batch")])
        self.source.setToolTip(self.tr("One point: its pass, step by step. The next mini-batch: the first point's "
                                       "pass, then each gradient as the mean of the batch's points' own, and the "
                                       "update the next training step makes"))
        self.source.currentIndexChanged.connect(lambda index: self.batchChosen.emit(index == 1))
        source.addWidget(self.source, 1)
        layout.addLayout(source)
        hint = QLabel(translate("PassPanel", HINT))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {palette.MUTED};")
        layout.addWidget(hint)

        self.apply_action = self._action(self.tr("Apply update"), "Ctrl+U", self.applyRequested,
                                         self.tr("Put this pass's updated weights and biases (w⁺) into the network: "
                                                 "Play and Step continue from them (Ctrl+U)"))
        self.undo_action = self._action(self.tr("Undo update"), "Ctrl+Z", self.undoRequested,
                                        self.tr("Give the network back the weights this pass started from (Ctrl+Z)"))
        self.leave_action = self._action(self.tr("Back to training"), "Escape", self.leaveRequested,
                                         self.tr("Leave the pass: the training settings again (Esc)"))
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.buttons = {}
        for key, action in (("apply", self.apply_action), ("undo", self.undo_action), ("leave", self.leave_action)):
            button = QPushButton(action.text())
            button.setObjectName(f"pass_{key}")
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
            self.buttons[key] = button
        layout.addLayout(buttons)
        self.message = MessageLabel()
        self.message.setObjectName("pass_message")
        layout.addWidget(self.message)
        self.stepper = StepperPanel()
        layout.addWidget(self.stepper, 1)
        self._live = False
        self.stepper.set_active(False)
        self.set_update_state(can_apply=False, applied=False)

    def _action(self, text: str, keys: str, signal, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.WindowShortcut)
        action.setToolTip(tip)
        action.triggered.connect(signal)
        self.addAction(action)
        return action

    def set_subject(self, html: str) -> None:
        self.title.setText(html)

    def set_batch(self, on: bool) -> None:
        """Show the choice of the pass's points without announcing it."""
        self.source.blockSignals(True)
        self.source.setCurrentIndex(1 if on else 0)
        self.source.blockSignals(False)

    def set_update_state(self, can_apply: bool, applied: bool) -> None:
        """Apply is possible once the pass has reached its update and until it is applied; Undo after that."""
        self.buttons["apply"].setEnabled(can_apply and not applied)
        self.buttons["undo"].setEnabled(applied)
        self._enable_actions()

    def set_shortcuts_live(self, live: bool) -> None:
        """Shortcuts only while the panel is shown on the page shown (the keys mean other things elsewhere)."""
        self._live = live
        self.stepper.set_active(live)
        self._enable_actions()

    def _enable_actions(self) -> None:
        self.leave_action.setEnabled(self._live)
        self.apply_action.setEnabled(self._live and self.buttons["apply"].isEnabled())
        self.undo_action.setEnabled(self._live and self.buttons["undo"].isEnabled())
