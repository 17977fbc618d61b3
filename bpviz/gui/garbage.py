"""Python's cyclic garbage collector runs in the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate when its counters trip, often a worker
thread. If a cycle it frees holds a Qt object of the window (a dialog and the lambda connected to its signal),
that object is destroyed in the worker: Qt then takes its signal mutex while PySide waits for the GIL, the GUI
thread holds the GIL while it waits for that mutex, and both stop for good (seen here: a test run hung with the
worker in ``gc_collect_main`` → ``QObject::~QObject`` → ``Shiboken::GilState::acquire`` and the GUI thread in
``QBasicMutex::lockInternal``). So the automatic collector is switched off and a timer in the GUI thread collects
instead, by the same thresholds Python uses. Reference counting, which frees everything not in a cycle, is
unchanged.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Collects cyclic garbage on a timer of the thread it is made in (the GUI thread)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> None:
        """One collection of the oldest generation whose counter passed its threshold (none if none did)."""
        counts = gc.get_count()
        generation = -1
        for g in range(3):
            if counts[g] > self.thresholds[g]:
                generation = g
            else:
                break
        if generation >= 0:
            gc.collect(generation)


_installed: GuiThreadCollector | None = None


def collect_in_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector once for ``app`` (the QApplication, whose thread is the GUI thread)."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(app)
    return _installed
