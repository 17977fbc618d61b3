"""What the monkey watches in the child process while it acts.

- ``ExceptionRecorder``: uncaught exceptions in any thread. PySide6 hands an exception raised in a slot, a
  QTimer callback or a Python override of a virtual (paintEvent...) called from C++ to ``sys.excepthook``, in
  the GUI thread as in a QThread, while the event loop runs in an ``exec()`` (the application's, a QEventLoop's,
  a dialog's) or ``processEvents()``. Checked with small experiments (PySide6 6.11): inside other calls from
  Python that run events (``QTest.qWait``, ``QTest.mouseClick`` on a QWindow) it keeps the first exception,
  re-raises it when the call returns, and drops any second one. So the monkey waits with a QEventLoop
  (``monkey_ui.wait``) and passes an exception re-raised into its input calls to ``record``. Python threads
  reach ``threading.excepthook``. As a fallback, a traceback printed on stderr by any other route is caught
  by scanning what is written to ``sys.stderr``. An exception raised in the monkey's own code is a
  ``harness-error``, not the app's. Python warnings are recorded too.
- ``QtMessageRecorder``: Qt's warnings, criticals and fatals (``qInstallMessageHandler``), except
  ``HARMLESS_QT_MESSAGES``.
- ``StallWatchdog``: a 20 ms heartbeat timer in the GUI thread; its lateness is the stall measure. A Python
  thread watches the heartbeat and dumps every thread's stack when the GUI thread is away for 3 s.
- ``memory_sample``, ``os_threads``, ``running_qthreads``: memory, objects and threads at a point of the run.
"""

from __future__ import annotations

import faulthandler
import gc
import os
import re
import sys
import tempfile
import threading
import time
import traceback
import warnings

import psutil
from PySide6.QtCore import QObject, Qt, QThread, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QDialog

# Messages of Qt's offscreen platform plugin, which has no window manager, no input devices and no stacking
# order: it says so when a widget asks for these, as every popup and dialog does. They say nothing about bpviz.
HARMLESS_QT_MESSAGES = {
    "This plugin does not support propagateSizeHints()": "offscreen: no window manager to take size hints",
    "This plugin does not support raise()": "offscreen: no stacking order (every popup and dialog raises)",
    "This plugin does not support grabbing the keyboard": "offscreen: no keyboard to grab (every popup does)",
    "This plugin does not support grabbing the mouse": "offscreen: no mouse to grab (every popup does)",
}


OVERRIDE_CONTEXT = re.compile(r"Error calling Python override of [\w:]+\(\): ")
MONKEY_DIR = os.path.dirname(os.path.abspath(__file__))
PLANTED_FAULTS = os.path.join(MONKEY_DIR, "monkey_faults.py")


def raised_in_monkey(tb) -> bool:
    """Whether the innermost frame of a traceback is the monkey's own code (its planted faults aside)."""
    frames = traceback.extract_tb(tb)
    return bool(frames) and frames[-1].filename.startswith(MONKEY_DIR) and frames[-1].filename != PLANTED_FAULTS


def _short_place(frame) -> str:
    """'bpviz/x.py:12 in f' (or 'pyqtgraph/y.py:3 in g' for a library, the file name for anything else)."""
    path = frame.filename
    for marker in (f"{os.sep}bpviz{os.sep}", f"site-packages{os.sep}"):
        if marker in path:
            path = path[path.rindex(marker) + (1 if marker.startswith(os.sep) else len(marker)):]
            break
    else:
        path = os.path.basename(path)
    return f"{path}:{frame.lineno} in {frame.name}"


def code_frames(tb) -> tuple[str, str]:
    """Where an exception was raised: (its innermost bpviz frame, or its innermost frame when no bpviz code is
    on the stack, e.g. a pyqtgraph callback; the outermost bpviz frame, the way in)."""
    frames = traceback.extract_tb(tb)
    ours = [f for f in frames if f"{os.sep}bpviz{os.sep}" in f.filename]
    if not ours:
        return (_short_place(frames[-1]) if frames else ""), ""
    return _short_place(ours[-1]), _short_place(ours[0])


class _StderrScanner:
    """sys.stderr, passing everything through, and reporting any 'Traceback' block written to it."""

    def __init__(self, stream, on_traceback):
        self._stream = stream
        self._on_traceback = on_traceback
        self._block: list[str] | None = None

    def write(self, text: str) -> int:
        if "Traceback (most recent call last)" in text:
            self._block = []
        if self._block is not None:
            self._block.append(text)
            last = "".join(self._block).rstrip().splitlines()[-1:]
            if last and not last[0].startswith((" ", "Traceback")):  # "Type: message" ends a traceback
                self._on_traceback("".join(self._block))
                self._block = None
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


class ExceptionRecorder:
    def __init__(self, recorder):
        self.recorder = recorder
        self._saved = None

    def install(self) -> ExceptionRecorder:
        self._saved = (sys.excepthook, threading.excepthook, sys.stderr, warnings.showwarning)
        sys.excepthook = self.record
        threading.excepthook = lambda args: self.record(args.exc_type, args.exc_value, args.exc_traceback,
                                                        args.thread)
        sys.stderr = _StderrScanner(sys.stderr, self._traceback_text)
        warnings.showwarning = self._warning
        warnings.simplefilter("default")  # each distinct warning once per place
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook, sys.stderr, warnings.showwarning = self._saved

    def record(self, exc_type, exc, tb, thread=None) -> None:
        """An uncaught exception: the app's, or (raised in the monkey's own code) a harness error."""
        thread = thread or threading.current_thread()
        raised_in, entered_via = code_frames(tb)
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        text_of_exc = OVERRIDE_CONTEXT.sub("", str(exc))  # PySide prefixes one per Python override it went through
        message = f"{exc_type.__name__}: {text_of_exc}".splitlines()[0][:500] if str(exc) else exc_type.__name__
        kind = "harness-error" if raised_in_monkey(tb) else "exception"
        self.recorder.finding(kind, message, details=text, where=raised_in, entered_via=entered_via,
                              thread=thread.name)

    def _traceback_text(self, text: str) -> None:
        self.recorder.finding("traceback-on-stderr", text.rstrip().splitlines()[-1][:500], details=text)

    def _warning(self, message, category, filename, lineno, file=None, line=None) -> None:
        text = f"{category.__name__}: {message}"  # pyqtgraph warns with a whole traceback: its end says what broke
        self.recorder.finding("python-warning", text.rstrip().splitlines()[-1][:500] if "Traceback" in text
                              else text[:500], where=f"{filename}:{lineno}", details=text)


class QtMessageRecorder:
    def __init__(self, recorder):
        self.recorder = recorder
        self.ignored: dict[str, int] = {}

    def install(self) -> QtMessageRecorder:
        qInstallMessageHandler(self._message)
        return self

    def uninstall(self) -> None:
        qInstallMessageHandler(None)  # Qt's own handler (stderr) again for whatever comes at exit

    def _message(self, mode, context, message: str) -> None:
        if mode not in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            return
        if message in HARMLESS_QT_MESSAGES:
            self.ignored[message] = self.ignored.get(message, 0) + 1
            return
        where = f"{context.file}:{context.line} in {context.function}" if context.file else ""
        self.recorder.finding("qt-message", f"{mode.name}: {message}"[:500], details=message, where=where)


class StallWatchdog(QObject):
    """GUI-thread heartbeat and a watcher thread. ``longest`` is (ms, action index, action words)."""

    def __init__(self, recorder, interval_ms: int = 20, report_ms: int = 100, dump_after_s: float = 3.0):
        super().__init__()
        self.recorder = recorder
        self.interval_ms, self.report_ms, self.dump_after_s = interval_ms, report_ms, dump_after_s
        self.longest = (0.0, -1, "")
        self.stalls_over = {100: 0, 1000: 0}
        self._last_beat = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._beat)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="monkey-stall-watchdog", daemon=True)

    def start(self) -> None:
        self._last_beat = time.monotonic()
        self._timer.start()
        self._thread.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stop.set()
        self._thread.join()

    def _beat(self) -> None:
        now = time.monotonic()
        late_ms = (now - self._last_beat) * 1000 - self.interval_ms
        self._last_beat = now
        action = self.recorder.current
        if late_ms > self.longest[0]:
            self.longest = (late_ms, action.index, action.describe())
        for limit in self.stalls_over:
            if late_ms > limit:
                self.stalls_over[limit] += 1
        if late_ms > self.report_ms:
            self.recorder.finding("stall", f"GUI thread blocked for {late_ms:.0f} ms", ms=round(late_ms))

    def _watch(self) -> None:
        dumped_for = None
        while not self._stop.wait(0.1):
            beat = self._last_beat
            if time.monotonic() - beat > self.dump_after_s and dumped_for != beat:
                dumped_for = beat
                self.recorder.finding("stall-dump", f"GUI thread blocked for more than {self.dump_after_s:g} s: "
                                      "stacks of every thread", details=all_thread_stacks())


def all_thread_stacks() -> str:
    """faulthandler's dump of every thread's Python stack (it needs a real file)."""
    with tempfile.TemporaryFile("w+") as f:
        faulthandler.dump_traceback(f, all_threads=True)
        f.seek(0)
        return f.read()


def memory_sample(window) -> dict:
    """RSS and the objects alive: a leak of dialogs or widgets shows as a count that keeps growing."""
    app = QApplication.instance()
    top_level = app.topLevelWidgets()
    dialogs = {id(w) for w in top_level if isinstance(w, QDialog)} | {id(d) for d in window.findChildren(QDialog)}
    return {"rss_mb": round(psutil.Process().memory_info().rss / 2**20, 1),
            "top_level_widgets": len(top_level),
            "dialogs_alive": len(dialogs),
            "objects_under_window": len(window.findChildren(QObject)),
            "python_objects": len(gc.get_objects())}


def os_threads() -> dict[int, str]:
    """The process's OS threads: id → name (a Python thread's own name; else the OS's, which Qt sets)."""
    python_names = {t.native_id: f"Python thread '{t.name}'" for t in threading.enumerate()}
    threads = {}
    for t in psutil.Process().threads():
        try:
            with open(f"/proc/self/task/{t.id}/comm") as f:
                threads[t.id] = python_names.get(t.id, f.read().strip())
        except OSError:
            threads[t.id] = python_names.get(t.id, "?")
    return threads


def running_qthreads() -> list[str]:
    """QThreads known to Python that still run (the GUI thread aside)."""
    main = QApplication.instance().thread()
    found = []
    for obj in gc.get_objects():
        if isinstance(obj, QThread) and obj is not main:
            try:
                if obj.isRunning():
                    found.append(obj.objectName() or repr(obj))
            except RuntimeError:  # its C++ side is gone
                pass
    return found
