"""The live window as the monkey sees it, and input given as a user gives it.

Waiting runs the event loop with a QEventLoop (``wait``), never ``QTest.qWait``: under qWait (and inside
``QTest.mouseClick(QWindow, ...)``) PySide6 keeps an exception raised in a callback to re-raise it when the
call returns, and drops any second one; under an event loop's ``exec`` every one reaches ``sys.excepthook``.

Nothing here knows bpviz's modules: pages are the tabs of the window's QTabWidget, controls are found by
walking the widget tree (visible and enabled ones only), actions by walking the menu bar, the toolbars and the
window's children. Mouse input goes through the window's QWindow (``QTest.mouseClick(QWindow, ...)``), as the
platform would deliver it: the widget under the point gets it, right clicks make context-menu events, and a
modal dialog blocks the window behind it (QTest's QWidget overloads skip all three). Keys go to a widget with
QTest (shortcuts work). ``QTest.keyClicks`` aborts on a non-ASCII character (a Qt assertion), so other
characters are sent as key events carrying their text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from monkey_popups import plain_text
from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLineEdit,
    QMenu,
    QTabWidget,
    QToolBar,
    QWidget,
)

QUIT_TEXTS = {"quit", "exit", "close", "close window"}
PASTE_LONGER_THAN = 200  # typing thousands of characters one key at a time measures QTest, not the app


def wait(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds (see the module's note on QTest.qWait)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


@dataclass
class Planned:
    """One action, planned (target and parameters chosen) before it runs: ``what`` says it in plain words."""
    kind: str
    what: str
    run: Callable[[], None]
    after: Callable[[], None] | None = None  # called once the event loop has run after the action
    typed: int = 0  # characters typed or pasted


@functools.cache
def quit_sequences() -> frozenset[str]:
    """The platform's Quit and Close keys (asked once the application exists: Qt crashes before)."""
    return frozenset({s.toString() for key in (QKeySequence.Quit, QKeySequence.Close)
                      for s in QKeySequence.keyBindings(key)} | {"Alt+F4"})


def is_quit(action) -> bool:
    return (plain_text(action.text()).strip().lower() in QUIT_TEXTS
            or any(s.toString() in quit_sequences() for s in action.shortcuts()))


def is_quit_key(key, modifiers) -> bool:
    return QKeySequence(key | modifiers).toString() in quit_sequences()


class Ui:
    def __init__(self, window):
        self.window = window
        central = window.centralWidget()
        self.tabs = central if isinstance(central, QTabWidget) else window.findChild(QTabWidget)
        self.requested_size = QSize(window.size())
        self.context_menus = None  # the run's monkey_pointer.ContextMenuTracker

    # ------------------------------------------------------------------ what there is
    def page_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def page(self) -> str:
        return self.tabs.tabText(self.tabs.currentIndex())

    def page_index(self, title_part: str) -> int | None:
        for i, title in enumerate(self.page_titles()):
            if title_part.lower() in title.lower():
                return i
        return None

    def visible(self, cls, under: QWidget | None = None) -> list:
        """Visible, enabled widgets of ``cls`` under ``under`` (the window), in creation order."""
        return [w for w in (under or self.window).findChildren(cls) if w.isVisible() and w.isEnabled()]

    def actions(self) -> list:
        """Every QAction of the menus (recursively), toolbars and window, once each, in a stable order."""
        found: dict = {}

        def walk_menu(menu: QMenu) -> None:
            for action in menu.actions():
                found.setdefault(action, None)
                if action.menu() is not None:
                    walk_menu(action.menu())
        for action in self.window.menuBar().actions():
            found.setdefault(action, None)
            if action.menu() is not None:
                walk_menu(action.menu())
        for bar in self.window.findChildren(QToolBar):
            for action in bar.actions():
                found.setdefault(action, None)
        for action in self.window.findChildren(QAction):
            found.setdefault(action, None)
        return list(found)

    def triggerable(self, actions) -> list:
        """The enabled actions a user can reach (in a menu, a toolbar or on a widget: pyqtgraph keeps actions
        it only puts in a menu it builds on a right click), Quit and Close aside."""
        return [a for a in actions if a.isEnabled() and a.isVisible() and not a.isSeparator()
                and a.menu() is None and a.associatedObjects() and not is_quit(a)]

    def describe(self, widget) -> str:
        """The widget in words: its class and its label, tooltip or name (Qt's own getters: a bpviz widget may
        have an attribute of the same name)."""
        parent = widget.parent()
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
            return f"{self.describe(parent)} (its viewport)"
        getters = [QWidget.accessibleName, QWidget.toolTip, QObject.objectName]
        if isinstance(widget, QAbstractButton):
            getters.insert(0, QAbstractButton.text)
        elif isinstance(widget, QLineEdit):
            getters.insert(1, QLineEdit.placeholderText)
        name = ""
        for getter in getters:
            lines = plain_text(getter(widget)).strip().splitlines()
            if lines and lines[0]:
                name = lines[0][:60]
                break
        if not name:
            same = [w for w in self.window.findChildren(type(widget)) if w.isVisible()]
            name = f"#{same.index(widget) if widget in same else '?'}"
        return f"{type(widget).__name__} '{name}'"

    # ------------------------------------------------------------------ input
    @staticmethod
    def _window_point(widget, pos: QPoint):
        """The widget's QWindow and the point in it (kept inside: QTest warns about a point outside). Inside the
        QWindow's own size: just after a resize (the monkey's, no event loop turn between) the widget is already
        the new size and the QWindow still the old one."""
        top = widget.window()
        handle = top.windowHandle()
        point = widget.mapTo(top, pos)
        width, height = (handle.width(), handle.height()) if handle is not None else (top.width(), top.height())
        point = QPoint(min(max(point.x(), 0), width - 1), min(max(point.y(), 0), height - 1))
        return handle, point

    def click(self, widget, pos: QPoint | None = None, button=Qt.LeftButton, modifiers=Qt.NoModifier,
              double: bool = False) -> None:
        handle, point = self._window_point(widget, widget.rect().center() if pos is None else pos)
        (QTest.mouseDClick if double else QTest.mouseClick)(handle, button, modifiers, point)

    def drag(self, widget, points: list[QPoint], button=Qt.LeftButton, modifiers=Qt.NoModifier) -> None:
        handle, start = self._window_point(widget, points[0])
        QTest.mousePress(handle, button, modifiers, start)
        end = start
        try:
            for pos in points[1:]:
                _, end = self._window_point(widget, pos)
                QTest.mouseMove(handle, end)
        finally:  # never leave a button pressed, even when a move raised an exception of the app
            QTest.mouseRelease(handle, button, modifiers, end)

    def hover(self, widget, points: list[QPoint]) -> None:
        for pos in points:
            handle, point = self._window_point(widget, pos)
            QTest.mouseMove(handle, point)

    def wheel(self, widget, pos: QPoint, delta: int, modifiers=Qt.NoModifier) -> None:
        top = widget.window()
        _, point = self._window_point(widget, pos)
        target = top.childAt(point) or widget
        local = QPointF(target.mapFrom(top, point))
        event = QWheelEvent(local, QPointF(target.mapToGlobal(local)), QPoint(0, 0), QPoint(0, delta),
                            Qt.NoButton, modifiers, Qt.NoScrollPhase, False)
        QApplication.sendEvent(target, event)

    def key(self, key, modifiers=Qt.NoModifier, widget=None) -> None:
        QTest.keyClick(widget or self.focus_widget(), key, modifiers)

    def focus_widget(self):
        return QApplication.focusWidget() or self.window

    def give_focus_back(self) -> None:
        """What a window manager does when a dialog or menu closes: the main window is active again (the
        offscreen platform leaves no window active, and then no shortcut works)."""
        app = QApplication.instance()
        if (app.activeModalWidget() is None and app.activePopupWidget() is None
                and app.activeWindow() is not self.window):
            self.window.activateWindow()
            app.processEvents()

    def type_text(self, widget, text: str) -> None:
        """Type ``text`` key by key (pasted when long: a user pastes a 10,000-character number)."""
        if len(text) > PASTE_LONGER_THAN:
            QApplication.clipboard().setText(text)
            QTest.keyClick(widget, Qt.Key_V, Qt.ControlModifier)
            return
        for char in text:
            if char.isascii() and char.isprintable():
                QTest.keyClicks(widget, char)
            else:
                for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                    QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.NoModifier, char))

    def resize(self, width: int, height: int) -> None:
        self.requested_size = QSize(width, height)
        self.window.resize(width, height)
