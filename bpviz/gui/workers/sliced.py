"""Background work of the window (DESIGN.md, "Threading"): a worker QObject lives in its own QThread, runs in
time slices and sends throttled frames; the page that owns it starts the thread and joins it on shutdown.

Threads have no Qt parent: a page deleted (or garbage-collected) without its shutdown would otherwise take a
running QThread with it, and Qt aborts ("QThread: Destroyed while thread is still running"). This module keeps
every running thread until it is joined, and joins those still running when the interpreter exits, so a script
that forgets to close the window ends cleanly. Joining happens only here, called by the owner, never from
``__del__`` (which runs on whatever thread drops the last reference, possibly the worker's own).

``SlicedWorker`` is what every such worker shares: a zero-interval timer that calls ``_slice`` while running
(between two slices the thread's event loop delivers the GUI's queued commands), and frames that leave at
most ``fps`` times a second and only once the GUI has taken the previous one (``frame_taken``): a slow GUI
gets fewer frames instead of a growing queue.
"""

from __future__ import annotations

import atexit
import threading
import time

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from bpviz.gui.garbage import collect_in_gui_thread


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

    def _emit(self, force: bool = False) -> None:  # pragma: no cover - every worker defines it
        """Send a frame if one is due (``_frame_due``), or at once with ``force``."""
        raise NotImplementedError

    @Slot()
    def pause(self) -> None:
        """Stop between slices; the frame that says so leaves at once."""
        self._halt()
        self._emit(force=True)

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


_RUNNING: set[QThread] = set()  # started and not yet joined


def start_thread(owner: QObject, worker: QObject, name: str) -> QThread:
    """Move ``worker`` to a new thread for ``owner`` (which must join it at shutdown) and start it; the thread's
    start calls the worker's ``start`` slot if it has one, and its end deletes the worker. Connect the worker's
    signals before. From the first thread on, Python's cyclic garbage is collected in the GUI thread only
    (bpviz.gui.garbage: collected in a worker, a Qt object of the window can deadlock the two threads)."""
    collect_in_gui_thread(QCoreApplication.instance())
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    if hasattr(worker, "start"):
        thread.started.connect(worker.start)
    thread.finished.connect(worker.deleteLater)
    _RUNNING.add(thread)
    thread.start()
    return thread


def join_thread(thread: QThread | None, stop=None, timeout_ms: int = 5000) -> None:
    """Ask the thread to end (``stop()``, e.g. emitting the worker's stop; else quit its event loop) and wait
    for it: no "QThread: Destroyed while thread is still running". One that does not end in time is
    terminated."""
    if thread is None:
        return
    if thread.isRunning():
        (stop or thread.quit)()
        if not thread.wait(timeout_ms):
            thread.terminate()
            thread.wait()
    _RUNNING.discard(thread)


def running_threads() -> list[QThread]:
    """The worker threads started and not joined yet (the self-check and the tests look)."""
    return [t for t in _RUNNING if t.isRunning()]


@atexit.register
def _join_all_at_exit() -> None:
    """Threads whose owner never shut down (a script that did not close its window): end them before Python
    and Qt tear down."""
    for thread in list(_RUNNING):
        join_thread(thread)
