"""The File menu: sessions (Open, Open Recent, Save, Save As) and exports of every view.

Dialogs choose paths; the work is in ``open_path``/``save_to``/``export_to`` (called directly by tests and
by ``bpviz FILE.bpviz``). Every failure is a message naming the file and the problem; the open session is
left untouched and nothing half-written stays on disk (bpviz.files).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from bpviz.files import FileError, write_text
from bpviz.session import SUFFIX, Session, SessionError, load_session, save_session

MAX_RECENT = 8
SESSION_FILTER = f"bpviz sessions (*{SUFFIX});;All files (*)"


class FileMenu(QObject):
    sessionChanged = Signal(str)  # the session file now in use ('' for none)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.path: Path | None = None
        self.last_error = ""
        self.open_action = self._action("&Open session…", QKeySequence.Open, self.open_dialog,
                                        "Open a saved session (.bpviz)")
        self.save_action = self._action("&Save session", QKeySequence.Save, self.save,
                                        "Save the playground and the worked example to the current session file")
        self.save_as_action = self._action("Save session &as…", QKeySequence.SaveAs, self.save_as_dialog,
                                           "Save the session to a new file")
        self.recent_menu = QMenu("Open &recent", window)
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
        return Session(playground=w.playground.session_state(), example=w.example.session_state())

    def save_to(self, path) -> bool:
        path = Path(path)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        try:
            save_session(path, self.current_session())
        except FileError as exc:
            return self.fail("Cannot save the session", str(exc))
        self._use(path)
        self.window.show_status(f"Session saved to {path}")
        return True

    def open_path(self, path) -> bool:
        """Open a session; a refused file changes nothing."""
        try:
            session = load_session(path)
        except SessionError as exc:
            return self.fail("Cannot open the session", str(exc))
        if session.example is not None:
            self.window.example.load_state(session.example)
        if session.playground is not None:
            self.window.playground.load_state(session.playground)
            self.window.tabs.setCurrentWidget(self.window.playground)
        self._use(Path(path))
        self.window.show_status(f"Session opened from {path}")
        return True

    def save(self) -> bool:
        return self.save_to(self.path) if self.path is not None else self.save_as_dialog()

    def save_as_dialog(self) -> bool:
        start = str(self.path or Path.home() / f"session{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.window, "Save session", start, SESSION_FILTER)
        return self.save_to(path) if path else False

    def open_dialog(self) -> bool:
        start = str(self.path.parent if self.path else Path.home())
        path, _ = QFileDialog.getOpenFileName(self.window, "Open session", start, SESSION_FILTER)
        return self.open_path(path) if path else False

    # ------------------------------------------------------------------ recent files
    def recent(self) -> list[str]:
        value = QSettings().value("session/recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _use(self, path: Path) -> None:
        self.path = path.resolve()
        recent = [str(self.path)] + [p for p in self.recent() if p != str(self.path)]
        QSettings().setValue("session/recent", recent[:MAX_RECENT])
        self.sessionChanged.emit(str(self.path))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self.recent()
        for p in paths:
            action = self.recent_menu.addAction(Path(p).name, lambda p=p: self._open_recent(p))
            action.setToolTip(p)
            action.setStatusTip(p)
        if not paths:
            self.recent_menu.addAction("(no sessions yet)").setEnabled(False)

    def _open_recent(self, path: str) -> None:
        if not self.open_path(path) and not Path(path).exists():  # gone: off the list
            QSettings().setValue("session/recent", [p for p in self.recent() if p != path])

    # ------------------------------------------------------------------ errors
    def fail(self, title: str, message: str) -> bool:
        self.last_error = message
        self.window.show_status(message)
        box = QMessageBox(QMessageBox.Warning, title, message, QMessageBox.Ok, self.window)
        box.setWindowModality(Qt.WindowModal)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()  # not exec(): the window keeps running (and tests keep going)
        return False

    # ------------------------------------------------------------------ exports
    def pictures(self) -> dict:
        """What can be exported as a picture: key → (menu text, name stem, target widget)."""
        w = self.window
        pictures = {
            "loss": ("Loss curve", "loss-curve", w.playground.loss.plot),
            "decision": ("Decision region", "decision-region", w.playground.decision.plot),
            "network": ("Playground network", "network", w.playground.diagram),
            "example_network": ("Worked-example diagram", "worked-example-diagram", w.example.diagram),
            "stepper": ("Worked-example step (diagram and formula)", "worked-example-step", w.example.main),
        }
        for page in w.lesson_pages:  # each lesson page lists its own views, keyed "<page_name>/<view>"
            export_pictures = getattr(page, "export_pictures", None)
            if export_pictures is not None:
                pictures.update(export_pictures())
        pictures["window"] = ("Whole window", "bpviz-window", w)
        return pictures

    def build_exports(self, menu: QMenu) -> None:
        """File > Export, and the same actions in each view's right-click menu."""
        w = self.window
        for key, (text, _stem, target) in self.pictures().items():
            menu.addAction(f"{text}…", lambda k=key: self.export_dialog(k))
            if key != "window":
                action = QAction(f"Export {text.lower()}…", target)
                action.triggered.connect(lambda _=False, k=key: self.export_dialog(k))
                self._add_context_action(target, action)
        menu.addSeparator()
        tables = (("Loss history (CSV)…", self.export_loss_csv, w.playground.loss),
                  ("Worked-example trace (CSV)…", lambda: self.export_trace("csv"), w.example.stepper),
                  ("Worked-example trace (Markdown)…", lambda: self.export_trace("md"), w.example.stepper))
        for text, slot, owner in tables:
            menu.addAction(text, slot)
            action = QAction(f"Export {text[0].lower()}{text[1:]}", owner)
            action.triggered.connect(slot)
            self._add_context_action(owner.plot if owner is w.playground.loss else owner, action)

    @staticmethod
    def _add_context_action(widget, action: QAction) -> None:
        """Right-click menu entry. A graphics view gets right-clicks on its viewport."""
        widget = widget.viewport() if hasattr(widget, "viewport") else widget
        widget.addAction(action)
        widget.setContextMenuPolicy(Qt.ActionsContextMenu)

    def _default_path(self, stem: str, suffix: str) -> Path:
        folder = self.path.parent if self.path else Path.home()
        return folder / f"{stem}{suffix}"

    def export_dialog(self, key: str) -> bool:
        from bpviz.gui.export.dialog import PictureExportDialog
        from bpviz.gui.export.pictures import picture_size

        text, stem, target = self.pictures()[key]
        dialog = PictureExportDialog(text.lower(), self._default_path(stem, ".png"), picture_size(target), self.window)
        if dialog.exec() != PictureExportDialog.Accepted:
            return False
        path, size = dialog.choice()
        return self.export_to(key, path, size)

    def export_to(self, key: str, path, size=None) -> bool:
        from bpviz.gui.export.pictures import export_picture

        try:
            written = export_picture(self.pictures()[key][2], path, size)
        except FileError as exc:
            return self.fail("Cannot export", str(exc))
        self.window.show_status(f"Exported {written}")
        return True

    def export_loss_csv(self, path=None) -> bool:
        from bpviz.reports import loss_history_csv

        path = path or self._ask(self._default_path("loss-history", ".csv"), "CSV table (*.csv)")
        h = self.window.playground.model.history
        return bool(path) and self.write_report(path, loss_history_csv(h.epochs, h.steps, h.train, h.test))

    def export_trace(self, kind: str, path=None) -> bool:
        from bpviz.reports import trace_csv, trace_markdown

        s = self.window.example.model
        suffix, label = (".csv", "CSV table (*.csv)") if kind == "csv" else (".md", "Markdown (*.md)")
        path = path or self._ask(self._default_path("worked-example-trace", suffix), label)
        if not path:
            return False
        text = (trace_csv(s.trace, s.params.to_dict()) if kind == "csv" else
                trace_markdown(s.trace, f"Worked example: one pass (η = {s.params.lr:g})"))
        return self.write_report(path, text)

    def _ask(self, default: Path, filters: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self.window, "Export", str(default), filters)
        return path

    def write_report(self, path, text: str) -> bool:
        try:
            write_text(path, text)
        except FileError as exc:
            return self.fail("Cannot export", str(exc))
        self.window.show_status(f"Exported {path}")
        return True
