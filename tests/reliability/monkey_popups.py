"""Answering whatever the app pops up, so that no modal dialog or menu ever blocks the run.

A 15 ms timer looks at the top-level windows. Each one that has just become visible (besides the main window
and tooltips) is answered on a later event-loop turn, as a user would, with the running action's random
generator:

- a menu (a context menu, a menu-bar menu, pyqtgraph's plot menu): its entries are recorded (for the context
  menu statistics); then a random enabled entry is clicked (a submenu opens and is answered in turn) or the
  menu is closed with Escape;
- a message box: its sentence is counted; a random one of its buttons is clicked;
- any other dialog (the picture export, About, the lessons): sometimes one of its text fields gets an odd
  path (the file field of the export dialog), then it is accepted or rejected;
- any other window (pyqtgraph's export window...) is closed; a combo box's popup gets Escape.

The app calls ``exec()`` on some of them (a nested event loop): the answer is never given inside the timer's
own callback (Qt does not re-enter a timer from a nested loop it started), but from a separate single shot.
A window still visible 2 s after its answer is closed.
"""

from __future__ import annotations

import time
from collections import Counter

from monkey_events import normalise
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSpinBox,
)
from shiboken6 import isValid

ACCEPT_ROLES = (QDialogButtonBox.AcceptRole, QDialogButtonBox.YesRole, QDialogButtonBox.ApplyRole)
STALE_AFTER_S = 2.0


def plain_text(text: str) -> str:
    return text.replace("&", "")


class PopupAnswerer(QObject):
    def __init__(self, window, recorder, rng_source, odd_save_path, is_quit, workdir):
        """``odd_save_path(suffix)`` gives a path for a dialog's file field; ``is_quit(action)`` tells the
        actions never to trigger."""
        super().__init__()
        self.window, self.recorder, self.rng_source = window, recorder, rng_source
        self.odd_save_path, self.is_quit, self.workdir = odd_save_path, is_quit, str(workdir)
        self.message_boxes: Counter[str] = Counter()
        self.dialogs: Counter[str] = Counter()
        self.other_windows: Counter[str] = Counter()
        self.menus_shown = 0
        self.menu_listeners = []  # called with each menu's entry texts
        self._answered: dict = {}  # visible window → when it was answered
        self._timer = QTimer(self)
        self._timer.setInterval(15)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _visible(self) -> list:
        return [w for w in QApplication.topLevelWidgets()
                if w is not self.window and w.isVisible() and w.windowType() != Qt.ToolTip]

    def drain(self, wait, timeout_s: float = 3.0) -> None:
        """Run the event loop (``wait(ms)``) until every popup and dialog is answered and gone: an answer
        belongs to the action that caused it, and is drawn from that action's random generator."""
        deadline = time.monotonic() + timeout_s
        while self._visible() and time.monotonic() < deadline:
            wait(5)

    def _poll(self) -> None:
        now = time.monotonic()
        visible = self._visible()
        for widget in visible:
            answered = self._answered.get(widget)
            if answered is None:
                self._answered[widget] = now
                QTimer.singleShot(0, lambda w=widget: self._answer(w))
            elif now - answered > STALE_AFTER_S:
                self._answered[widget] = now
                widget.close()
        self._answered = {w: t for w, t in self._answered.items() if any(w is v for v in visible)}

    def _answer(self, widget) -> None:
        if not isValid(widget) or not widget.isVisible():
            return
        if isinstance(widget, QMenu):
            self._answer_menu(widget)
        elif isinstance(widget, QMessageBox):
            self._answer_message_box(widget)
        elif isinstance(widget, QDialog):
            self._answer_dialog(widget)
        elif widget.windowType() == Qt.Popup:
            QTest.keyClick(widget, Qt.Key_Escape)
        else:
            self.other_windows[f"{type(widget).__name__} '{widget.windowTitle()}'"] += 1
            self.recorder.note(f"closed the window {type(widget).__name__} '{widget.windowTitle()}'")
            widget.close()

    def _answer_menu(self, menu: QMenu) -> None:
        self.menus_shown += 1
        entries = [plain_text(a.text()) for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        for listener in self.menu_listeners:
            listener(entries)
        choices = [a for a in menu.actions() if a.isVisible() and a.isEnabled() and not a.isSeparator()
                   and not self.is_quit(a)]
        rng = self.rng_source()
        if choices and rng.random() < 0.7:
            action = rng.choice(choices)
            self.recorder.note(f"menu [{', '.join(entries)[:160]}]: clicked '{plain_text(action.text())}'")
            QTest.mouseClick(menu, Qt.LeftButton, Qt.NoModifier, menu.actionGeometry(action).center())
        else:
            self.recorder.note(f"menu [{', '.join(entries)[:160]}]: Escape")
            QTest.keyClick(menu, Qt.Key_Escape)

    def _answer_message_box(self, box: QMessageBox) -> None:
        sentence = normalise(" ".join(t for t in (box.windowTitle() + ":", box.text(), box.informativeText()) if t),
                             self.workdir)
        self.message_boxes[sentence] += 1
        buttons = box.buttons()
        rng = self.rng_source()
        self.recorder.note(f"message box '{sentence[:200]}'")
        if buttons:
            QTest.mouseClick(rng.choice(buttons), Qt.LeftButton)
        else:
            QTest.keyClick(box, Qt.Key_Escape)

    def _answer_dialog(self, dialog: QDialog) -> None:
        title = dialog.windowTitle()
        self.dialogs[title] += 1
        rng = self.rng_source()
        self._fill_dialog(dialog, rng)
        accept = rng.random() < 0.7
        self.recorder.note(f"dialog '{title}': {'accepted' if accept else 'rejected'}")
        if not accept:
            QTest.keyClick(dialog, Qt.Key_Escape)
            return
        boxes = dialog.findChildren(QDialogButtonBox)
        buttons = [b for box in boxes for b in box.buttons() if box.buttonRole(b) in ACCEPT_ROLES]
        if buttons:
            QTest.mouseClick(buttons[0], Qt.LeftButton)
        else:
            dialog.accept()

    def _fill_dialog(self, dialog: QDialog, rng) -> None:
        """Change some of the dialog's choices (the export's format and size) and sometimes put an odd path in
        a text field (the export's file field), keeping the suffix the dialog shows."""
        def shown(cls):
            return [w for w in dialog.findChildren(cls) if w.isVisible() and w.isEnabled()]
        for combo in shown(QComboBox):
            if combo.count() and rng.random() < 0.4:
                combo.setCurrentIndex(rng.randrange(combo.count()))
                self.recorder.note(f"chose '{combo.currentText()}'")
        fields = [f for f in shown(QLineEdit) if not f.isReadOnly()
                  and not isinstance(f.parent(), (QAbstractSpinBox, QComboBox))]
        if fields and rng.random() < 0.5:
            field = rng.choice(fields)
            text = field.text()
            suffix = text[text.rfind("."):] if "." in text[-6:] else ""
            field.setFocus()
            field.selectAll()
            field.insert(self.odd_save_path(suffix))
        for box in shown(QSpinBox):
            if rng.random() < 0.15:
                box.setValue(rng.choice([box.maximum(), box.minimum(), rng.randint(box.minimum(), box.maximum())]))
                self.recorder.note(f"set a number field to {box.value()}")
