"""The stream of events the monkey's child process writes for its parent: one JSON object a line.

The child writes a line before every action (so that the parent knows where a crash happened), one per
finding, one per memory sample and one at the end. Lines are flushed as they are written: whatever the
child wrote before it died is on disk. Every line is ``{"event": NAME, ...}``, NAME one of:

- ``start``: ``seed``, ``actions`` (asked for), ``pid``, ``pages`` (the tab titles);
- ``action``: ``index``, ``kind``, ``page`` (the page shown when it started), ``what`` (plain words);
- ``finding``: ``kind`` (one of FINDING_KINDS), ``action`` (index of the action running), ``what`` (that
  action's words), ``message`` (one line), ``details`` (traceback, stack dump...), ``where`` (the bpviz code);
- ``sample``: ``action`` and the figures of ``detectors.memory_sample``;
- ``end``: the run's statistics (``monkey_child.end_statistics``).
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field

HARNESS_FAILED = 3  # the child's exit status when the monkey itself failed

FINDING_KINDS = {
    "exception": "uncaught Python exception (any thread)",
    "traceback-on-stderr": "a traceback printed on stderr that no exception hook saw",
    "qt-message": "Qt warning, critical or fatal message",
    "stall": "the GUI thread did not run its 20 ms heartbeat timer for more than 100 ms",
    "stall-dump": "the GUI thread was blocked for more than 3 s: every thread's stack",
    "oversized-window": "the window was forced larger than any screen",
    "context-menu-missing": "a view promises right-click actions that no right-click ever showed",
    "python-warning": "a Python warning (RuntimeWarning, DeprecationWarning...)",
    "threads-left": "a thread still alive after the window was closed",
    "out-of-time": "the run spent its time budget before doing all its actions",
    "harness-error": "the monkey itself failed (a bug in tests/reliability, not in bpviz)",
    # written by the parent, not the child:
    "crash": "the child process died or exited with a non-zero status",
    "hang": "the child process stopped making progress and was killed",
}


def normalise(text: str, workdir: str) -> str:
    """``text`` with the run's folder written <workdir> and long runs of one character shortened, so that the
    same sentence from two runs (or two odd file names) reads the same."""
    text = text.replace(workdir, "<workdir>") if workdir else text
    return re.sub(r"(.)\1{19,}", lambda m: f"{m.group(1) * 3}…({len(m.group(0))}×)", text)


class EventStream:
    """Thread-safe JSON-lines writer (the watchdog thread and the GUI thread both write)."""

    def __init__(self, path):
        self._file = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - open for the whole run
        self._lock = threading.Lock()

    def write(self, event: str, **fields) -> None:
        line = json.dumps({"event": event, **fields}, default=str, ensure_ascii=False)
        with self._lock:
            self._file.write(line + "\n")
            self._file.flush()

    def close(self) -> None:
        with self._lock:
            self._file.close()


@dataclass
class CurrentAction:
    index: int = -1
    what: str = "start-up"
    notes: list[str] = field(default_factory=list)  # what happened during it (file dialog answers...)

    def describe(self) -> str:
        return "; ".join([self.what, *self.notes])


class Recorder:
    """Stamps findings with the action running when they happened and streams them."""

    def __init__(self, stream: EventStream):
        self.stream = stream
        self.current = CurrentAction()
        self.counts: dict[str, int] = {}

    def begin(self, index: int, kind: str, page: str, what: str) -> None:
        self.current = CurrentAction(index, what)
        self.stream.write("action", index=index, kind=kind, page=page, what=what)

    def note(self, text: str) -> None:
        """Something the action caused that a reader needs to reproduce it (e.g. the path a dialog got)."""
        self.current.notes.append(text)

    def finding(self, kind: str, message: str, details: str = "", where: str = "",
                action_override: tuple[int, str] | None = None, **extra) -> None:
        """Stream a finding of ``kind``, stamped with the running action (or ``action_override``: (index, words))."""
        assert kind in FINDING_KINDS, kind
        self.counts[kind] = self.counts.get(kind, 0) + 1
        index, what = action_override or (self.current.index, self.current.describe())
        self.stream.write("finding", kind=kind, action=index, what=what, message=message, details=details,
                          where=where, **extra)
