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
    main = threading.get_ident()
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
        assert set(_Cycle.freed_in) <= {main}, "a cycle was freed in the worker thread"
        gc.collect()  # the GUI thread's collection (the timer's, or any other there) frees them
        assert len(_Cycle.freed_in) == 1000 and set(_Cycle.freed_in) == {main}
    finally:
        join_thread(thread)


def test_the_timer_collects_the_generations_whose_counters_passed_their_thresholds(qtbot, monkeypatch):
    from bpviz.gui.garbage import GuiThreadCollector

    collector = GuiThreadCollector(interval_ms=10_000)
    collector.timer.stop()
    collected = []
    monkeypatch.setattr(gc, "collect", lambda generation=2: collected.append(generation) or 0)
    for counts, expected in (((10, 0, 0), []), ((701, 3, 0), [0]), ((701, 11, 2), [1]), ((701, 11, 11), [2]),
                             ((5, 20, 20), [])):
        monkeypatch.setattr(gc, "get_count", lambda counts=counts: counts)
        collected.clear()
        collector.collect()
        assert collected == expected, counts
