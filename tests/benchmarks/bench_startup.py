"""Start-up time: from spawning the process to the main window shown and the event loop running.

    python tests/benchmarks/bench_startup.py [--runs 5]

The child runs what ``bpviz`` runs (``bpviz.gui.app``: imports, QApplication, MainWindow, show) and prints
when the first event-loop turn after ``show()`` happens; the parent measures from spawn to that line. On an
X server (Xvfb, if installed) and offscreen. Budget: under 2 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import sys
from PySide6.QtCore import QSettings, QTimer
from bpviz.gui.app import create_app
app = create_app(["bpviz"])
QSettings.setDefaultFormat(QSettings.IniFormat)
QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, sys.argv[1])
from bpviz.gui.main_window import MainWindow, app_icon
app.setWindowIcon(app_icon())
window = MainWindow()
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def measure(env: dict, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as settings:
            start = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-c", CHILD, settings], env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL, text=True)
            line = proc.stdout.readline()
            elapsed = time.perf_counter() - start
            proc.wait(timeout=30)
            if line.strip() != "shown":
                raise SystemExit("the window did not come up")
            times.append(elapsed)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    base = dict(os.environ)
    base.pop("QT_QPA_PLATFORM", None)
    results = {"offscreen": measure({**base, "QT_QPA_PLATFORM": "offscreen"}, args.runs)}
    xvfb = shutil.which("Xvfb")
    if xvfb:
        display = ":97"
        server = subprocess.Popen([xvfb, display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(1.0)
            results["X11 (Xvfb, xcb)"] = measure({**base, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}, args.runs)
        finally:
            server.terminate()
            server.wait()
    print(f"start-up to shown window, {args.runs} runs each (Python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    for name, times in results.items():
        median = statistics.median(times)
        verdict = "OK" if median < 2.0 else "OVER BUDGET"
        print(f"  {name:18s} median {median:.2f} s  (min {min(times):.2f}, max {max(times):.2f})  "
              f"budget < 2 s  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
