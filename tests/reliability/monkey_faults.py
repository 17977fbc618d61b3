"""Faults the monkey can plant in its own child run, to show that each detector catches what it is for.

``MONKEY_FAULTS="slot-exception@3,gui-stall@5,leak-dialogs@2"`` plants each fault as that action starts.
Only the self-test (test_monkey.py) sets it; the functions' names show up in the findings and stack dumps.
"""

from __future__ import annotations

import faulthandler
import threading
import time

from PySide6.QtCore import QThread, QTimer, qWarning
from PySide6.QtWidgets import QDialog

STALL_S = 3.5
FREEZE_S = 600


def raise_in_slot() -> None:
    raise RuntimeError("injected fault: exception in a slot")


def raise_in_thread() -> None:
    raise RuntimeError("injected fault: exception in a Python thread")


def block_gui_thread() -> None:
    time.sleep(STALL_S)


def freeze_gui_thread() -> None:
    time.sleep(FREEZE_S)


class FaultInjector:
    def __init__(self, spec: str, window):
        self.window = window
        self.planned: dict[int, list[str]] = {}
        for item in filter(None, (part.strip() for part in spec.split(","))):
            name, _, index = item.partition("@")
            if not hasattr(self, "_" + name.replace("-", "_")):
                raise ValueError(f"unknown fault {name!r} in MONKEY_FAULTS")
            self.planned.setdefault(int(index), []).append(name)
        self._leaking = False
        self._kept = []  # what a fault must keep alive (a running QThread, leaked dialogs)

    def plant(self, index: int) -> None:
        """Plant the faults planned for action ``index`` (called as it starts)."""
        for name in self.planned.get(index, []):
            getattr(self, "_" + name.replace("-", "_"))()
        if self._leaking:
            self._kept.append(QDialog(self.window))  # hidden, never deleted: one more per action

    def _slot_exception(self) -> None:
        QTimer.singleShot(0, raise_in_slot)

    def _thread_exception(self) -> None:
        threading.Thread(target=raise_in_thread, name="injected-fault-thread").start()

    def _qt_warning(self) -> None:
        qWarning("injected fault: a Qt warning")

    def _gui_stall(self) -> None:
        QTimer.singleShot(0, block_gui_thread)

    def _gui_freeze(self) -> None:
        QTimer.singleShot(0, freeze_gui_thread)

    def _unjoined_qthread(self) -> None:
        thread = QThread()
        thread.setObjectName("injected-unjoined-thread")
        thread.start()
        self._kept.append(thread)

    def _segfault(self) -> None:
        QTimer.singleShot(0, faulthandler._sigsegv)

    def _leak_dialogs(self) -> None:
        self._leaking = True
