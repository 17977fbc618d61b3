"""The File menu: sessions (Open, Open Recent, Save, Save As) and exports of every page's views and tables.

Dialogs choose paths; the work is in ``open_path``/``save_to``/``export_to``/``export_table`` (called directly by
tests and by ``bpviz FILE.bpviz``). Every failure is a message naming the file and the problem (a long path elided
in the middle, so that a 300-character name cannot make a box wider than the screen); the open session is left
untouched and nothing half-written stays on disk (bpviz.files). Every dialog and message box is deleted once
closed. Open recent lists what the settings hold that can be a path, and drops an entry whose file is gone.
Sessions are written from the pages' models (bpviz.models), never read back from widgets.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QWidget

from bpviz.files import FileError, file_path
from bpviz.gui.export.pictures import draw_picture
from bpviz.gui.export.views import Picture, Table, write_picture, write_table
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, localise
from bpviz.gui.workers.writer import BackgroundWriter
from bpviz.session import SUFFIX, Session, SessionError, load_session, save_session

MAX_RECENT = 8
BIG_SESSION_BYTES = 5_000_000  # a session of this version stays under ~1 MB: its loss history is bounded
MAX_PATH_CHARS = 4096  # PATH_MAX on Linux: a longer recent entry is not a path any system can open
MESSAGE_PATH_PIXELS = 420  # a path in a message box or tooltip is elided in the middle to this width
RECENT_NAME_PIXELS = 300  # a file name in Open recent
SESSION_FILTER = QT_TRANSLATE_NOOP("FileMenu", "bpviz sessions (*.bpviz);;All files (*)")  # translated where shown


class FileMenu(QObject):
    sessionChanged = Signal(str)  # the session file now in use ('' for none)

    def __init__(self, window, pages):
        super().__init__(window)
        self.window = window
        self.pages = list(pages)
        self.path: Path | None = None
        self.last_error = ""
        self.writer = BackgroundWriter(self)  # pictures asked for from a dialog are encoded and written there
        self.writer.written.connect(self._exported)
        self.writer.failed.connect(lambda message: self.fail(self.tr("Cannot export"), message))
        self.open_action = self._action(self.tr("&Open session…"), QKeySequence.Open, self.open_dialog,
                                        self.tr("Open a saved session (.bpviz)"))
        self.save_action = self._action(self.tr("&Save session"), QKeySequence.Save, self.save,
                                        self.tr("Save the playground and the worked example to the current session "
                                                "file"))
        self.save_as_action = self._action(self.tr("Save session &as…"), QKeySequence.SaveAs, self.save_as_dialog,
                                           self.tr("Save the session to a new file"))
        self.recent_menu = QMenu(self.tr("Open &recent"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    def _action(self, text, keys, slot, tip) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.open_action)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.save_action)
        menu.addAction(self.save_as_action)

    # ------------------------------------------------------------------ sessions
    def current_session(self) -> Session:
        w = self.window
        return Session(playground=w.playground.model.session_state(), example=w.example.model.session_state())

    def save_to(self, path) -> bool:
        """Save the session to ``path`` (``.bpviz`` added if missing); a failure leaves the old file whole."""
        path = _with_suffix(path)
        try:
            written = save_session(path, self.current_session())
        except FileError as exc:
            return self.fail(self.tr("Cannot save the session"), exc, path)
        self._use(written)
        self.window.show_status(self.tr("Session saved to {path}").format(path=written))
        return True

    def open_path(self, path) -> bool:
        """Open a session. The file is read and checked whole first: a refused file changes nothing, and a
        checked one fits the controls (its limits are theirs), so showing it cannot fail half-way. A big file (one
        an older bpviz saved with every epoch's losses: ~1 s for 50 MB, all of it Python's JSON decoder holding the
        GIL, which no thread avoids) is announced and waited for with a busy cursor."""
        big = _size(path) > BIG_SESSION_BYTES
        if big:
            self.window.show_status(self.tr("Opening {path} ({size} MB)…").format(path=path,
                                                                                 size=f"{_size(path) / 1e6:.0f}"))
            QApplication.setOverrideCursor(Qt.WaitCursor)
            QApplication.processEvents()  # the message and the cursor show before the wait
        try:
            session = load_session(path)
        except SessionError as exc:
            return self.fail(self.tr("Cannot open the session"), exc, path)
        finally:
            if big:
                QApplication.restoreOverrideCursor()
        if session.playground is not None:
            self.window.playground.load_state(session.playground)
        if session.example is not None:
            self.window.example.load_state(session.example)
        if session.playground is not None:
            self.window.tabs.setCurrentWidget(self.window.playground)
        self._use(file_path(path, "open"))  # it was opened: the name is a valid one
        self.window.show_status(self.tr("Session opened from {path}").format(path=path))
        return True

    def save(self) -> bool:
        return self.save_to(self.path) if self.path is not None else self.save_as_dialog()

    def save_as_dialog(self) -> bool:
        start = str(self.path or Path.home() / f"session{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save session"), start,
                                              self.tr(SESSION_FILTER))
        return self.save_to(path) if path else False

    def open_dialog(self) -> bool:
        start = str(self.path.parent if self.path else Path.home())
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open session"), start,
                                              self.tr(SESSION_FILTER))
        return self.open_path(path) if path else False

    # ------------------------------------------------------------------ recent files
    def recent(self) -> list[str]:
        """The sessions used last, newest first; whatever else the settings hold (numbers, empty or absurd
        names: someone edited the file) is left out."""
        value = QSettings().value("session/recent", [])
        paths = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [p for p in paths if _plausible_path(p)][:MAX_RECENT]

    def _use(self, path: Path) -> None:
        try:
            self.path = path.resolve()
        except (OSError, RuntimeError):  # a name too long to resolve, a symbolic link loop: keep it as given
            self.path = path
        recent = [str(self.path)] + [p for p in self.recent() if p != str(self.path)]
        QSettings().setValue("session/recent", recent[:MAX_RECENT])
        self.sessionChanged.emit(str(self.path))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self.recent()
        metrics = self.recent_menu.fontMetrics()
        for p in paths:
            name = metrics.elidedText(Path(p).name or p, Qt.ElideMiddle, RECENT_NAME_PIXELS)
            action = self.recent_menu.addAction(name, lambda p=p: self._open_recent(p))
            action.setToolTip(metrics.elidedText(p, Qt.ElideMiddle, MESSAGE_PATH_PIXELS))
            action.setStatusTip(p)
        if not paths:
            self.recent_menu.addAction(self.tr("(no sessions yet)")).setEnabled(False)

    def _open_recent(self, path: str) -> None:
        if not self.open_path(path) and not _exists(path):  # gone: off the list
            QSettings().setValue("session/recent", [p for p in self.recent() if p != path])

    # ------------------------------------------------------------------ errors
    def fail(self, title: str, message, path=None) -> bool:
        """Say ``message`` in a message box (deleted once closed) and the status bar; return False. ``message``:
        text, a phrase of the Qt-free code or an exception (said in the window's language: i18n.localise). In the
        box a long ``path`` (and any other long unbroken text) is elided in the middle, so the box keeps a sensible
        width; the whole message is in the box's details and in the status bar."""
        message = localise(message)
        self.last_error = message
        self.window.show_status(message)
        box = QMessageBox(QMessageBox.Warning, title, message, QMessageBox.Ok, self.window)
        short = _elided(message, path, box.fontMetrics())
        if short != message:
            box.setText(short)
            box.setDetailedText(message)
        box.setWindowModality(Qt.WindowModal)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()  # not exec(): the window keeps running (and tests keep going)
        return False

    # ------------------------------------------------------------------ exports
    def pictures(self) -> dict[str, Picture]:
        """Every page's views, then the whole window."""
        pictures = {}
        for page in self.pages:
            pictures.update(page.export_pictures())
        pictures["window"] = Picture(self.tr("Whole window"), "bpviz-window", self.window)
        return pictures

    def tables(self) -> dict[str, Table]:
        tables = {}
        for page in self.pages:
            tables.update(page.export_tables())
        return tables

    def build_exports(self, menu: QMenu) -> None:
        """File > Export, and the same entries in each view's right-click menu."""
        for key, picture in self.pictures().items():
            menu.addAction(f"{picture.text}…", lambda k=key: self.export_dialog(k))
            if picture.menu_on is not None:
                text = self.tr("Export {view}…").format(view=_lower_first(picture.text))
                self._add_context_action(picture.menu_on, text, lambda _=False, k=key: self.export_dialog(k))
        menu.addSeparator()
        for key, table in self.tables().items():
            menu.addAction(f"{table.text}…", lambda k=key: self.export_table(k))
            if table.menu_on is not None:
                self._add_context_action(table.menu_on, self.tr("Export {view}…").format(view=_lower_first(table.text)),
                                         lambda _=False, k=key: self.export_table(k))

    def _add_context_action(self, widget: QWidget, text: str, slot) -> None:
        """A right-click menu entry. It goes on the view itself: a scroll area (a plot, a diagram) hands the
        right-clicks its viewport receives to its own context-menu handling."""
        action = QAction(text, widget)
        action.triggered.connect(slot)
        widget.addAction(action)
        widget.setContextMenuPolicy(Qt.ActionsContextMenu)

    def _default_path(self, stem: str, suffix: str) -> Path:
        folder = self.path.parent if self.path else Path.home()
        return folder / f"{stem}{suffix}"

    def export_dialog(self, key: str) -> None:
        """Ask where and how big (a dialog that does not block the window), then export."""
        from bpviz.gui.export.dialog import PictureExportDialog
        from bpviz.gui.export.pictures import picture_size

        picture = self.pictures()[key]
        dialog = PictureExportDialog(_lower_first(picture.text), self._default_path(picture.stem, ".png"),
                                     picture_size(picture.target), self.window)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.export_in_background(key, *dialog.choice()))
        dialog.open()

    def export_in_background(self, key: str, path, size=None) -> bool:
        """Draw the picture now and leave its encoding and writing to the writer's thread: ``_exported`` or a
        message box says how it went. False (and a message) for a name or a size refused before drawing."""
        try:
            drawn = draw_picture(self.pictures()[key].target, file_path(path), size)
        except (FileError, ValueError) as exc:  # ValueError: a size that makes no picture
            return self.fail(self.tr("Cannot export"), exc, path)
        self.window.show_status(self.tr("Exporting {path}…").format(path=drawn.path))
        self.writer.write(drawn)
        return True

    def _exported(self, path: str) -> None:
        self.window.show_status(self.tr("Exported {path}").format(path=path))

    def shutdown(self) -> None:
        """Write the pictures still queued, then end the writer's thread."""
        self.writer.shutdown()

    def export_to(self, key: str, path, size=None) -> bool:
        """Export a picture at once (the caller waits until the file is written)."""
        try:
            written = write_picture(self.pictures()[key], file_path(path), size)
        except (FileError, ValueError) as exc:  # ValueError: a size that makes no picture
            return self.fail(self.tr("Cannot export"), exc, path)
        self.window.show_status(self.tr("Exported {path}").format(path=written))
        return True

    def export_table(self, key: str, path=None) -> bool:
        table = self.tables()[key]
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export"), str(self._default_path(table.stem,
                                                                                                 table.suffix)),
                                                  table.file_filter)
            if not path:
                return False
        try:
            written = write_table(table, file_path(path))
        except FileError as exc:
            return self.fail(self.tr("Cannot export"), exc, path)
        self.window.show_status(self.tr("Exported {path}").format(path=written))
        return True


def _size(path) -> int:
    try:
        return Path(path).stat().st_size
    except (OSError, ValueError):  # missing, unreadable, a bad name: load_session says which
        return 0


def _lower_first(text: str) -> str:
    """"Worked-example diagram" → "worked-example diagram", to follow "Export"; a name stays as it is written
    ("NumPy warm-up: loss curve", "E_total …"), and so does a Chinese text."""
    if not _PLAIN_WORD.match(text):
        return text
    return text[:1].lower() + text[1:]


_PLAIN_WORD = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)*\b(?![_\d])")  # "Loss", "Worked-example"; not "NumPy", "E_total"


def _exists(path: str) -> bool:
    try:
        return Path(path).exists()
    except (OSError, ValueError):
        return False


def _plausible_path(value) -> bool:
    """A name that could be a file: text, not empty, no NUL character, not longer than any system allows."""
    return isinstance(value, str) and 0 < len(value) <= MAX_PATH_CHARS and "\0" not in value


def _with_suffix(path):
    """``path`` with the session suffix added when it has another (or none); left as it is when it is not a
    name at all (atomic_write then says why)."""
    try:
        text = os.fspath(path)
    except TypeError:
        return path
    if not isinstance(text, str) or not text or "\0" in text or Path(text).suffix == SUFFIX:
        return text
    return text + SUFFIX


def _elided(message: str, path, metrics: QFontMetrics) -> str:
    """``message`` with ``path`` (in the forms the file functions write it) and any other unbroken run of text
    wider than a box should be elided in the middle."""
    forms = set()
    if isinstance(path, (str, os.PathLike)):
        text = os.fspath(path)
        forms |= {str(text), str(Path(text)) if text else ""}
        try:
            forms.add(str(Path(text).expanduser()))
        except (RuntimeError, ValueError):
            pass
    for form in sorted(forms, key=len, reverse=True):
        if form and form in message and metrics.horizontalAdvance(form) > MESSAGE_PATH_PIXELS:
            message = message.replace(form, metrics.elidedText(form, Qt.ElideMiddle, MESSAGE_PATH_PIXELS))
            break
    return " ".join(metrics.elidedText(word, Qt.ElideMiddle, MESSAGE_PATH_PIXELS)
                    if metrics.horizontalAdvance(word) > MESSAGE_PATH_PIXELS else word
                    for word in message.split(" "))
