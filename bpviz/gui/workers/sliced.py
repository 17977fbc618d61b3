"""Background work of the window (DESIGN.md, "Threading"): a worker QObject lives in its own QThread, runs in
time slices and sends throttled frames; the page that owns it starts the thread and joins it on shutdown.

``SlicedWorker`` is what every such worker shares: a zero-interval timer that calls ``_slice`` while running
(between two slices the thread's event loop delivers the GUI's queued commands), and frames that leave at
most ``fps`` times a second and only once the GUI has taken the previous one (``frame_taken``): a slow GUI
gets fewer frames instead of a growing queue.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot


class SlicedWorker(QObject):
    frameReady = Signal(object)

    def __init__(self, fps: float):
        super().__init__()
        self._interval = 1.0 / fps
        self._taken = threading.Event()  # set by the GUI thread once it has drawn the last frame
        self._taken.set()
        self._last_emit = 0.0
        self._running = False
        self._timer: QTimer | None = None

    # ------------------------------------------------------------------ in the worker thread
    def _make_timer(self) -> None:
        """The slice timer; call it in the worker thread (from ``start``), so that the timer lives there."""
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)

    def _slice(self) -> None:  # pragma: no cover - every worker defines it
        raise NotImplementedError

    def _go(self) -> None:
        self._running = True
        self._timer.start()

    def _halt(self) -> None:
        self._running = False
        if self._timer is not None:
            self._timer.stop()

    def _frame_due(self, force: bool) -> bool:
        """Whether a frame may leave now (``force``: it must, e.g. the one that says training stopped)."""
        now = time.perf_counter()
        if not force and (now - self._last_emit < self._interval or not self._taken.is_set()):
            return False
        self._last_emit = now
        return True

    def _send(self, frame) -> None:
        self._taken.clear()
        self.frameReady.emit(frame)

    @Slot()
    def stop(self) -> None:
        """Stop and leave the thread (the page is closing)."""
        self._halt()
        QThread.currentThread().quit()

    # ------------------------------------------------------------------ from the GUI thread
    def frame_taken(self) -> None:
        """The GUI has drawn the last frame: the next may come (thread-safe)."""
        self._taken.set()


def start_thread(owner: QObject, worker: QObject, name: str) -> QThread:
    """Move ``worker`` to a new thread owned by ``owner`` and start it; the thread's start calls the worker's
    ``start`` slot if it has one, and its end deletes the worker. Connect the worker's signals before."""
    thread = QThread(owner)
    thread.setObjectName(name)
    worker.moveToThread(thread)
    if hasattr(worker, "start"):
        thread.started.connect(worker.start)
    thread.finished.connect(worker.deleteLater)
    thread.start()
    return thread


def join_thread(thread: QThread | None, stop=None, timeout_ms: int = 5000) -> None:
    """Ask the thread to end (``stop()``, e.g. emitting the worker's stop; else quit its event loop) and wait
    for it: no "QThread: Destroyed while thread is still running". One that does not end in time is
    terminated."""
    if thread is None or not thread.isRunning():
        return
    (stop or thread.quit)()
    if not thread.wait(timeout_ms):
        thread.terminate()
        thread.wait()
