"""The GUI thread's largest gap while each long job of the window runs (issue 11 "No stall": under 100 ms).

    python tests/benchmarks/bench_gui_gaps.py [--window]

A 20 ms heartbeat timer runs in the GUI thread (tests/gui/gui_gaps.py) while the full-size jobs run: 100,000
passes of the worked example, a gradient check of the largest playground network (1,522 parameters, 300 of
them sampled) on 1,000 points with the broken backward switched on and off, and the NumPy warm-up's 500
iterations to the end and a reset (each end describes the pass with the new weights). By default each page is
shown on its own; ``--window`` runs them in the main window with the playground training flat out meanwhile
(two busy threads on a 2-core machine: the worst case a user meets). tests/gui/test_no_stall.py runs short
versions with a looser bound.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))

from gui_gaps import (  # noqa: E402  (after the environment is set)
    check_gradients,
    largest_playground_frame,
    run_passes,
    train_warmup,
    wait_until,
)
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

GOAL_MS = 100


def pages(window: bool):
    """(example, gradcheck, warm-up) pages, shown; and a function that closes everything."""
    if window:
        from bpviz.gui.main_window import MainWindow

        QSettings.setDefaultFormat(QSettings.IniFormat)
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp(prefix="bpviz-bench-"))
        w = MainWindow(QSettings())
        w.resize(1280, 800)
        w.show()
        lessons = {p.page_name: p for p in w.lesson_pages}
        wait_until(lambda: w.playground.frame is not None and lessons["warmup"].lesson is not None, 20)
        w.playground.reconfigure(largest_playground_frame(2000).config)  # the network the check looks at
        wait_until(lambda: w.playground.frame.config.hidden == (16,) * 6, 20)
        w.playground.play()
        return w, (w.example, lessons["gradcheck"], lessons["warmup"]), w.close

    from bpviz.gui.pages.example import ExamplePage
    from bpviz.gui.pages.gradcheck import GradCheckPage
    from bpviz.gui.pages.warmup import WarmupPage
    from bpviz.models.playground import PlaygroundModel

    shown = [ExamplePage(), GradCheckPage(PlaygroundModel()), WarmupPage()]
    for page in shown:
        page.resize(1280, 760)
        page.show()
    wait_until(lambda: shown[2].lesson is not None, 20)

    def close():
        for page in shown:
            page.close()

    return None, shown, close


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--window", action="store_true", help="in the main window, the playground training")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(["bench"])
    window, (example, gradcheck, warmup), close = pages(args.window)
    frame = None if window is not None else largest_playground_frame(2000)  # the window: the playground's own
    figures = []

    def measure(what, job):
        started = time.perf_counter()
        beat = job()
        figures.append((what, time.perf_counter() - started, beat))

    if window is not None:
        window.show_page("example")
    measure("worked example: 100,000 passes", lambda: run_passes(example, 100_000))
    if window is not None:
        window.show_page("gradcheck")
    else:
        gradcheck.set_active(True)
    wait_until(lambda: not gradcheck.jobs.busy, 20)
    measure("gradient check: 300 of 1,522 parameters, 1,000 points, broken on/off",
            lambda: check_gradients(gradcheck, 1000, frame))
    if window is not None:
        window.show_page("warmup")
    measure("NumPy warm-up: 500 iterations, seed loop, reset", lambda: train_warmup(warmup, 500))
    close()
    app.processEvents()
    where = "in the main window, the playground training meanwhile" if window is not None else "each page alone"
    print(f"Largest gap between 20 ms heartbeats in the GUI thread ({where}); goal < {GOAL_MS} ms")
    for what, seconds, beat in figures:
        print(f"  {what:<72} {beat.largest_gap_ms:6.0f} ms  ({seconds:.1f} s, {beat.ticks} ticks)")
    return 0 if all(beat.largest_gap_ms < GOAL_MS for _, _, beat in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
