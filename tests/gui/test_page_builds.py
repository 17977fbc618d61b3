"""Opening a page does not hold the GUI thread (issue 11, DESIGN.md rule 3).

The trajectories page made its nine plots and ran the single neuron's defaults in the GUI thread when first
shown: 0.8 s without an event loop turn, measured here. Now the plots are made and drawn one per turn and the run
goes to the page's worker. A 10 ms heartbeat timer in the GUI thread measures the longest turn while each page is
first shown and filled; the bound is loose (a busy 2-core machine) but far under what it was.
"""

import time

import pytest
from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication

MAX_TURN_S = 0.3  # was 0.8 s for the trajectories page


class Heartbeat(QObject):
    """The longest time between two ticks of a 10 ms timer in the GUI thread: the longest turn of the loop."""

    def __init__(self):
        super().__init__()
        self.longest = 0.0
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.PreciseTimer)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._clock.start()
        self._timer.start()

    @Slot()
    def _tick(self) -> None:
        self.longest = max(self.longest, self._clock.restart() / 1000.0)


def turn_until(condition, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while not condition() and time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.002)
    assert condition(), "not done in time"


@pytest.fixture
def window(window):
    turn_until(lambda: window.example.isVisible(), 5)
    QApplication.processEvents()
    return window


def test_the_trajectories_page_opens_and_fills_its_nine_plots_a_turn_at_a_time(window):
    page = window.page("trajectories")
    grid = page.neuron.grid
    beat = Heartbeat()
    beat.start()
    start = time.perf_counter()
    window.show_page("trajectories")
    switched = time.perf_counter() - start
    assert not grid.is_built  # the plots come after the page shows, one a turn
    turn_until(lambda: page.neuron.result is not None and not grid._jobs, 10)
    print(f"trajectories: switch {switched * 1000:.0f} ms, longest turn {beat.longest * 1000:.0f} ms, "
          f"filled in {(time.perf_counter() - start) * 1000:.0f} ms")
    assert beat.longest < MAX_TURN_S
    assert "at the end" in grid.headers["batch"].text()
    assert grid.curves["stochastic"]["w1"].getOriginalDataset()[1] is not None


def test_the_graph_page_opens_in_one_short_turn(window):
    beat = Heartbeat()
    beat.start()
    window.show_page("graph")
    turn_until(lambda: window.page("graph").view.isVisible(), 5)
    for _ in range(5):
        QApplication.processEvents()
        time.sleep(0.012)
    print(f"graph: longest turn {beat.longest * 1000:.0f} ms")
    assert beat.longest < MAX_TURN_S
