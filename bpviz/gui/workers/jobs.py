"""One long computation at a time in a worker thread, with progress and cancel (DESIGN.md, "Threading").

Some work is a single call of plain code that can take seconds: 100,000 passes of the worked example (~4.6 s
here), a gradient check of a big network on a big batch (~3 s). Such code takes a ``progress(done, total)``
callback, as Orange3's learners do, and knows nothing of threads. Here it runs in a ``JobWorker`` moved to a
QThread; a ``BackgroundJobs`` object in the GUI thread, owned by a page, hands it jobs and relays what comes back
to its own signals, which therefore always arrive in the GUI thread.

Jobs are numbered, and the newest wins: submitting a job supersedes every older one, and ``cancel`` drops the
current one. The GUI thread writes the number of the last job to drop (``cancel_through``, a plain int under the
GIL) and the worker's progress callback reads it at every call, raising ``JobCancelled`` to end a dropped job
early; whatever a dropped job still sends is ignored. The thread starts with the first job and is joined by its
owner's ``shutdown`` (through ``BackgroundJobs.shutdown``), which cancels first: the join waits for one progress
step of the running job, not for the job.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal, Slot

from bpviz.gui.i18n import localise
from bpviz.gui.workers.sliced import join_thread, start_thread

PROGRESS_SECONDS = 0.05  # at most ~20 progress signals a second, whatever the job's own rate
EXPECTED_FAILURES = (ValueError, ArithmeticError, MemoryError)  # told to the user; anything else is a bug


class JobCancelled(Exception):
    """Raised by a dropped job's progress callback, to end the job early."""


class JobWorker(QObject):
    """Runs jobs (``job(progress) -> result``) in its thread; results go back as numbered signals."""

    progressed = Signal(int, int, int)  # job number, done, total
    finished = Signal(int, object)  # job number, result
    failed = Signal(int, str)  # job number, one sentence (in the window's language)

    def __init__(self):
        super().__init__()
        self.cancel_through = 0  # jobs up to this number are dropped (written by the GUI thread)

    @Slot(int, object)
    def run(self, number: int, job) -> None:
        if number <= self.cancel_through:
            return  # superseded while it waited in the queue
        last_sent = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last_sent
            if number <= self.cancel_through:
                raise JobCancelled
            now = time.perf_counter()
            if now - last_sent >= PROGRESS_SECONDS:
                last_sent = now
                self.progressed.emit(number, done, total)

        try:
            result = job(progress)
        except JobCancelled:
            return
        except EXPECTED_FAILURES as exc:
            # said here, in the window's language: a Signal(str) carries only the English text of a phrase
            # (QCoreApplication.translate is thread-safe)
            self.failed.emit(number, localise(exc) or type(exc).__name__)
            return
        except Exception as exc:  # a bug: the page must not wait for ever, and the traceback must show
            self.failed.emit(number, f"{type(exc).__name__}: {exc}")
            raise
        self.finished.emit(number, result)


class BackgroundJobs(QObject):
    """The GUI thread's side of a JobWorker: ``submit(job)``, ``cancel()``, ``shutdown()``, and the newest
    job's ``progressed(done, total)``, ``finished(result)`` and ``failed(message)``."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    _run = Signal(int, object)  # to the worker: queued across the threads

    def __init__(self, thread_name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._thread_name = thread_name
        self._worker: JobWorker | None = None
        self._thread = None
        self._number = 0  # the newest job's
        self._busy = False

    @property
    def busy(self) -> bool:
        """A job was submitted and has neither finished, failed nor been cancelled."""
        return self._busy

    @property
    def thread(self):
        """The worker thread (None before the first job and after shutdown)."""
        return self._thread

    def submit(self, job) -> None:
        """Run ``job(progress)`` in the worker thread, dropping any older job."""
        if self._thread is None:
            self._worker = JobWorker()
            self._worker.progressed.connect(self._progressed)
            self._worker.finished.connect(self._finished)
            self._worker.failed.connect(self._failed)
            self._run.connect(self._worker.run)
            self._thread = start_thread(self, self._worker, self._thread_name)
        self._number += 1
        self._worker.cancel_through = self._number - 1
        self._busy = True
        self._run.emit(self._number, job)

    def cancel(self) -> bool:
        """Drop the current job; True if there was one."""
        was_busy = self._busy
        self._busy = False
        if self._worker is not None:
            self._worker.cancel_through = self._number
        return was_busy

    def shutdown(self) -> None:
        """Cancel the current job and join the thread (the owning page's shutdown calls this)."""
        self.cancel()
        join_thread(self._thread)
        self._thread = self._worker = None

    # ------------------------------------------------------------------ from the worker, in the GUI thread
    def _current(self, number: int) -> bool:
        return self._busy and number == self._number

    @Slot(int, int, int)
    def _progressed(self, number: int, done: int, total: int) -> None:
        if self._current(number):
            self.progressed.emit(done, total)

    @Slot(int, object)
    def _finished(self, number: int, result) -> None:
        if self._current(number):
            self._busy = False
            self.finished.emit(result)

    @Slot(int, str)
    def _failed(self, number: int, message: str) -> None:
        if self._current(number):
            self._busy = False
            self.failed.emit(message)
