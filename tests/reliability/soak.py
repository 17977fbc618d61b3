"""A soak of the window: the playground trains flat out for minutes with the window open, and this script watches
memory and the GUI thread.

    python tests/reliability/soak.py --minutes 10 [--dataset spiral] [--hidden 8,8] [--page playground]

Every minute it prints the resident memory, the training figures (steps, steps per second, loss history and
trajectory recorder sizes) and the longest GUI stall of that minute: the lateness of a 20 ms timer in the GUI
thread, which is what a user feels as a frozen window. At the end, one summary line with the goals of issue 11
(memory flat within 20 MB after the first minute, longest stall under 100 ms). Runs offscreen; exit status 1 if
a goal is missed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

HEARTBEAT_MS = 20
FLAT_MB = 20.0
STALL_GOAL_MS = 100.0


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--dataset", default="spiral")
    parser.add_argument("--hidden", default="8,8")
    parser.add_argument("--page", default="playground", help="the page shown while the playground trains")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer

    from bpviz.engine.datasets import DatasetSpec
    from bpviz.gui.app import create_app
    from bpviz.gui.main_window import MainWindow
    from bpviz.training import TrainConfig

    app = create_app(["bpviz-soak"])
    settings = QSettings(os.path.join(os.environ.get("TMPDIR", "/tmp"), f"bpviz-soak-{os.getpid()}.ini"),
                         QSettings.IniFormat)
    window = MainWindow(settings)
    window.resize(1280, 800)
    window.show()
    window.show_page("playground")
    config = TrainConfig(dataset=DatasetSpec(args.dataset), hidden=tuple(int(h) for h in args.hidden.split(",")))
    window.playground.controls.set_config(config)  # what the controls show (quietly)
    window.playground.reconfigure(config)  # and what the worker trains

    state = {"minute": 0, "worst": 0.0, "worst_all": 0.0, "worst_after_first": 0.0, "late": []}
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]
    rss = []

    def beat() -> None:
        now = clock.nsecsElapsed()
        late = (now - last[0]) / 1e6 - HEARTBEAT_MS
        last[0] = now
        state["worst"] = max(state["worst"], late)

    def report() -> None:
        state["minute"] += 1
        frame = window.playground.frame
        snap = frame.snapshot
        recorder = window.playground.model.recorder
        rss.append(rss_mb())
        print(f"minute {state['minute']:>2}: RSS {rss[-1]:6.1f} MB · step {snap.step:>12,} · "
              f"{frame.steps_per_second:>8,.0f} steps/s · loss {snap.train_loss:.4f} · history {len(snap.history):,} "
              f"entries · recorder {len(recorder):,} frames · longest GUI stall {state['worst']:.0f} ms", flush=True)
        state["worst_all"] = max(state["worst_all"], state["worst"])
        if state["minute"] > 1:
            state["worst_after_first"] = max(state["worst_after_first"], state["worst"])
        state["worst"] = 0.0
        if state["minute"] >= args.minutes:
            app.quit()

    def start() -> None:
        window.playground.play()
        window.show_page(args.page)

    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    minute = QTimer()
    minute.setInterval(60_000)
    minute.timeout.connect(report)
    minute.start()
    QTimer.singleShot(500, start)
    started = time.perf_counter()
    app.exec()
    window.close()
    growth = max(rss[1:]) - rss[0] if len(rss) > 1 else 0.0
    flat = growth <= FLAT_MB
    calm = state["worst_all"] <= STALL_GOAL_MS
    print(f"soak of {(time.perf_counter() - started) / 60:.1f} minutes ({args.dataset}, hidden {args.hidden}, "
          f"page {args.page}): RSS {rss[0]:.1f} MB after the first minute, at most {max(rss):.1f} MB "
          f"(+{growth:.1f} MB, goal {FLAT_MB:.0f}: {'met' if flat else 'MISSED'}); longest GUI stall "
          f"{state['worst_all']:.0f} ms (after the first minute {state['worst_after_first']:.0f} ms; goal "
          f"{STALL_GOAL_MS:.0f}: {'met' if calm else 'MISSED'})")
    return 0 if flat and calm else 1


if __name__ == "__main__":
    sys.exit(main())
