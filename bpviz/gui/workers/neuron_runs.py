"""Seed 001's neuron trained three ways in a worker thread, for runs too long for the GUI thread.

The trajectories page owns the thread (started on the first long run, joined at shutdown); the neuron view
sends requests and draws what comes back. Requests are numbered: a newer one cancels the older ones, through
``cancel_through``, which the GUI thread writes and the progress callback reads between epochs. A failure is sent
as words in the window's language (localised here: QCoreApplication.translate is thread-safe).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal, Slot

from bpviz.engine.trajectories import RunCancelled, run_neuron_modes
from bpviz.gui.i18n import localise, translate

PROGRESS_SECONDS = 0.05  # a few progress updates a second, not one per epoch


class NeuronRunner(QObject):
    """Runs a NeuronRunConfig in the worker thread; results go back as signals to the GUI thread."""

    progressed = Signal(int, int, int)  # request, steps done, steps in all
    finished = Signal(int, object)  # request, NeuronRuns
    failed = Signal(int, str)

    def __init__(self):
        super().__init__()
        self.cancel_through = 0  # requests up to this number are cancelled (written by the GUI thread)

    @Slot(int, object)
    def run(self, request: int, config) -> None:
        last = [0.0]

        def progress(done, total) -> bool:
            now = time.perf_counter()
            if now - last[0] > PROGRESS_SECONDS:
                last[0] = now
                self.progressed.emit(request, done, total)
            return request > self.cancel_through

        if request <= self.cancel_through:
            return
        try:
            self.finished.emit(request, run_neuron_modes(config, progress))
        except RunCancelled:
            pass
        except MemoryError:
            self.failed.emit(request, translate("NeuronRunner", "not enough memory for a run this long: use fewer "
                                                                "epochs or samples"))
        except ValueError as exc:
            self.failed.emit(request, localise(exc) or type(exc).__name__)
