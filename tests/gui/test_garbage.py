"""Python's cyclic garbage is collected in the GUI thread only, once a worker thread runs (bpviz.gui.garbage):
collected in a worker, a Qt object of the window can deadlock the two threads over the GIL and a Qt mutex."""

import gc
import threading

from PySide6.QtCore import QObject

from bpviz.gui.workers.sliced import join_thread, start_thread


class _Cycle:
    """A reference cycle that remembers the thread that freed it."""

    freed_in: list = []

    def __init__(self):
        self.me = self

    def __del__(self):
        _Cycle.freed_in.append(threading.get_ident())


def test_cyclic_garbage_is_freed_in_the_gui_thread_even_when_a_worker_allocates(qtbot):
    thread = start_thread(QObject(), QObject(), "bpviz-test")
    try:
        assert not gc.isenabled()  # Python's own trigger would collect in whichever thread allocates
        _Cycle.freed_in.clear()
        for _ in range(1000):  # more than the youngest generation's threshold (700)
            _Cycle()

        def allocate():  # far past the collector's thresholds: an automatic collection would run here
            kept = [[] for _ in range(100_000)]
            del kept

        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert _Cycle.freed_in == []
        qtbot.waitUntil(lambda: len(_Cycle.freed_in) == 1000, timeout=5000)  # the GUI thread's timer collects
        assert set(_Cycle.freed_in) == {threading.get_ident()}
    finally:
        join_thread(thread)
