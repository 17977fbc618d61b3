"""How long the GUI thread stays away from its event loop: a 20 ms timer in the GUI thread and the largest gap
between two of its ticks (DESIGN.md rule 3; issue 11 "No stall").

A tick is late by however long the GUI thread was busy with something else, so the largest gap (minus the 20 ms
interval) is the longest stall while the heartbeat ran. Used by tests/gui/test_no_stall.py (a short run with a
loose bound for a busy CI machine) and tests/benchmarks/bench_gui_gaps.py (the real figures).
"""

from __future__ import annotations

import time
from contextlib import contextmanager

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Slot

INTERVAL_MS = 20


class Heartbeat(QObject):
    """``with Heartbeat() as beat: ...`` then ``beat.largest_gap_ms``; ``wait_until`` turns the event loop (as a
    user's session does) until a condition holds."""

    def __init__(self, interval_ms: int = INTERVAL_MS):
        super().__init__()
        self.interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.ticks = 0
        self.largest_gap_ms = 0.0

    def __enter__(self) -> Heartbeat:
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._tick()  # a stall right before the end counts too
        self._timer.stop()

    @Slot()
    def _tick(self) -> None:
        now = time.perf_counter()
        self.largest_gap_ms = max(self.largest_gap_ms, (now - self._last) * 1000.0)
        self._last = now
        self.ticks += 1


@contextmanager
def pages_shown(qtbot):
    """``with pages_shown(qtbot) as show: show(page)`` shows a page on its own at 1280x760 and keeps it until the
    block ends, then closes it: its closeEvent joins its threads. (pytest-qt's own closing holds a weak reference
    only: a page the test no longer holds is deleted without its shutdown, leaving its thread running.)"""
    pages = []

    def show(page):
        qtbot.addWidget(page)
        page.resize(1280, 760)
        page.show()
        qtbot.waitExposed(page)
        pages.append(page)
        return page

    try:
        yield show
    finally:
        for page in pages:
            page.close()


def wait_until(condition, seconds: float) -> bool:
    """Turn the GUI thread's event loop in 5 ms pieces until ``condition()`` holds or ``seconds`` pass."""
    deadline = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > deadline:
            return False
        loop = QEventLoop()
        QTimer.singleShot(5, loop.quit)
        loop.exec()
    return True


# ---------------------------------------------------------------- the long jobs of issue 11, each with a heartbeat
def largest_playground_frame(points: int = 2000):
    """A playground Frame of the largest network the controls make (six ReLU layers of 16 on all seven features,
    softmax: 1,522 parameters) on ``points`` points (half of them for training)."""
    from bpviz.engine.datasets import DatasetSpec
    from bpviz.engine.features import FEATURES
    from bpviz.training import TrainConfig, Trainer
    from bpviz.training.frames import Frame

    config = TrainConfig(dataset=DatasetSpec("circle", n_samples=points, noise=0.1, test_ratio=0.5, seed=1),
                         hidden=(16,) * 6, activation="relu", loss="softmax_ce", features=FEATURES)
    trainer = Trainer(config)
    trainer.run_steps(5)
    return Frame(1, trainer.config, trainer.data, trainer.snapshot(), None, 0.0, False)


def run_passes(page, passes: int, seconds: float = 120) -> Heartbeat:
    """Worked example: Run ``passes`` passes from the Run button and wait for the curve."""
    page.iterate.passes.setCurrentText(str(passes))
    with Heartbeat() as beat:
        QTimer.singleShot(2 * INTERVAL_MS, page.iterate.run_button.click)
        assert wait_until(lambda: f"Pass {passes:,}:" in page.iterate.summary.text(), seconds), "no result"
        wait_until(lambda: False, 0.1)  # the drawing of the curve that follows
    return beat


def check_gradients(page, points: int, frame=None, seconds: float = 120) -> Heartbeat:
    """Gradient check: the playground source with a batch of ``points`` (on ``frame``, or on the playground's
    latest network), then the broken backward switched on and off, until the result is shown."""
    from bpviz.gui.pages.gradcheck import PLAYGROUND

    if frame is not None:
        page.playground.take(frame)
    page.points.setValue(points)
    ended = []
    page.checkEnded.connect(lambda: ended.append(True))
    with Heartbeat() as beat:
        QTimer.singleShot(2 * INTERVAL_MS, lambda: page.source.setCurrentIndex(PLAYGROUND))
        assert wait_until(lambda: ended and page.problem is not None and page.problem.frame is not None, seconds)
        for _ in range(2):
            page.broken.toggle()
            wait_until(lambda: False, 0.1)
    return beat


def train_warmup(page, iterations: int, seconds: float = 120) -> Heartbeat:
    """NumPy warm-up: Train ``iterations`` to the end (the seed's loop checked too), then Reset; each end shows
    the pass with the new weights line by line."""
    page.iterations.setValue(iterations)
    with Heartbeat() as beat:
        page.train()
        assert wait_until(lambda: page.frame.state == "finished" and page.frame.iteration == iterations, seconds)
        wait_until(lambda: page.lesson is page.frame.lesson, 5)
        generation = page.frame.generation
        page.reset()
        assert wait_until(lambda: page.frame.generation > generation and page.lesson is page.frame.lesson, 10)
        wait_until(lambda: False, 0.1)
    return beat
