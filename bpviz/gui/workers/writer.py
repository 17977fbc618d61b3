"""Finished pictures encoded and written in a worker thread, one after the other (DESIGN.md, "Threading").

The File menu draws a picture in the GUI thread (bpviz.gui.export.pictures.draw_picture) and hands the rest, PNG
compression or the SVG's repairs and the atomic write, to this worker: for a big picture that is three quarters
of the time, which the GUI thread then spends answering the user. Unlike a page's jobs, no write is ever dropped
for a newer one: every export asked for is written, in order.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

from bpviz.engine.phrases import QT_TRANSLATE_NOOP
from bpviz.files import FileError
from bpviz.gui.i18n import localise
from bpviz.gui.workers.sliced import join_thread, start_thread


class _Writer(QObject):
    written = Signal(str)  # the path written
    failed = Signal(str)  # one sentence naming the file and the problem, in the window's language

    @Slot(object)
    def write(self, drawn) -> None:
        try:
            path = drawn.write()
        except (FileError, MemoryError) as exc:
            # said here: a Signal(str) would carry only the English text (translating is thread-safe)
            self.failed.emit(localise(exc) or localise(QT_TRANSLATE_NOOP(
                "Files", "Cannot write {path}: not enough memory").format(path=drawn.path)))
            return
        self.written.emit(str(path))

    @Slot()
    def stop(self) -> None:
        """Queued after the writes asked for: the thread ends once they are done."""
        QThread.currentThread().quit()


class BackgroundWriter(QObject):
    """The GUI thread's side: ``write(drawn)``; ``written(path)`` or ``failed(message)`` come back in the GUI
    thread. The thread starts with the first write and is joined by ``shutdown`` (after the writes queued)."""

    written = Signal(str)
    failed = Signal(str)
    _write = Signal(object)
    _stop = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = None
        self._worker: _Writer | None = None  # held here: without a Python reference the worker would be freed
        self.pending = 0  # writes asked for and not yet reported

    def write(self, drawn) -> None:
        if self._thread is None:
            self._worker = _Writer()
            self._worker.written.connect(self._written)
            self._worker.failed.connect(self._failed)
            self._write.connect(self._worker.write)
            self._stop.connect(self._worker.stop)
            self._thread = start_thread(self, self._worker, "bpviz-writer")
        self.pending += 1
        self._write.emit(drawn)

    @Slot(str)
    def _written(self, path: str) -> None:
        self.pending -= 1
        self.written.emit(path)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.pending -= 1
        self.failed.emit(message)

    def shutdown(self) -> None:
        """Finish the writes already asked for (their files are the user's), then end the thread."""
        join_thread(self._thread, self._stop.emit, timeout_ms=60_000)
        self._thread = self._worker = None
