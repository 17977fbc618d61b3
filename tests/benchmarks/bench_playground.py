"""The playground under load: training flat out in its thread while the window draws every frame.

    python tests/benchmarks/bench_playground.py [--rounds 4] [--seconds 3] [--dataset spiral] [--hidden 8,8]

Prints, measured in one run (offscreen, window 1280x800, decision region 100x100, per-neuron maps on):
  - training steps/s with the window open, as a ratio of headless steps/s (a Trainer of the same settings in
    the main thread, no Qt work; goal >= 0.7); rounds alternate the two (this machine's speed drifts) and the
    ratio is the median of the rounds',
  - the GUI event loop's lateness: a 10 ms QTimer in the GUI thread, how late each tick fires (p99 < 20 ms),
  - frames drawn per second (goal >= 30).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def headless_rate(trainer, seconds: float) -> float:
    """Steps/s of the Trainer in this thread, no Qt involved (the window is open but paused)."""
    start_steps, start = trainer.step_count, time.perf_counter()
    while time.perf_counter() - start < seconds and not trainer.diverged:
        trainer.run_for(0.01)
    return (trainer.step_count - start_steps) / (time.perf_counter() - start)


def run_loop(app, seconds: float) -> None:
    """An event loop as exec() runs it: it waits for events without holding the GIL. (app.quit() would emit
    aboutToQuit, on which pyqtgraph tears itself down, so a local loop.)"""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def measure(app, config, rounds: int, seconds: float, profile: bool):
    """Alternate headless and windowed rounds (the machine's speed drifts: each ratio compares neighbours)."""
    from bpviz.gui.main_window import MainWindow
    from bpviz.training import Trainer

    window = MainWindow(QSettings("/tmp/bpviz-bench.ini", QSettings.IniFormat))
    window.resize(1280, 800)
    window.show()
    page = window.playground
    window.tabs.setCurrentWidget(page)
    page.controls.set_config(config)
    page.reconfigure(config)
    run_loop(app, 1.0)
    solo = Trainer(config)
    solo.run_for(0.5)
    frames, late = [], []
    page.frameShown.connect(lambda f: frames.append((time.perf_counter(), f.snapshot.step)))
    clock, timer = QElapsedTimer(), QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: (late.append(max(clock.nsecsElapsed() / 1e6 - 10.0, 0.0)), clock.restart()))
    results = []
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
    for _ in range(rounds):
        alone = headless_rate(solo, seconds)
        page.play()
        run_loop(app, 0.5)  # the training thread up to speed
        frames.clear()
        clock.start()
        timer.start()
        if profiler:
            profiler.enable()
        run_loop(app, seconds)
        if profiler:
            profiler.disable()
        timer.stop()
        page.pause()
        run_loop(app, 0.3)
        span = frames[-1][0] - frames[0][0]
        results.append((alone, (frames[-1][1] - frames[0][1]) / span, (len(frames) - 1) / span, late[1:]))
        late = []
    window.close()
    return results, profiler


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=2.0, help="length of each round's two halves")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--dataset", default="spiral")
    parser.add_argument("--hidden", default="8,8")
    parser.add_argument("--profile", action="store_true", help="profile the GUI thread (slows it down)")
    parser.add_argument("--switch-interval", type=float, help="override sys.setswitchinterval (seconds)")
    args = parser.parse_args()
    if args.switch_interval:
        sys.setswitchinterval(args.switch_interval)
    app = QApplication.instance() or QApplication(["bpviz-bench"])
    from bpviz.engine.datasets import DatasetSpec
    from bpviz.training import TrainConfig

    config = TrainConfig(dataset=DatasetSpec(args.dataset, noise=0.1, seed=1),
                         hidden=tuple(int(h) for h in args.hidden.split(",")), lr=0.03, batch_size=10)
    results, profiler = measure(app, config, args.rounds, args.seconds, args.profile)
    alone = np.array([r[0] for r in results])
    windowed = np.array([r[1] for r in results])
    ratios = windowed / alone
    fps = np.median([r[2] for r in results])
    late = np.concatenate([r[3] for r in results])
    ratio, p99 = float(np.median(ratios)), float(np.percentile(late, 99))
    print(f"playground benchmark: {args.dataset}, 2-{args.hidden}-1 tanh, batch 10; {args.rounds} rounds of "
          f"{args.seconds:g} s headless, then {args.seconds:g} s with the window (Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs, offscreen, window 1280x800, decision region 100x100, neuron maps on)")
    print(f"  headless training            {np.median(alone):10,.0f} steps/s  (rounds: "
          + ", ".join(f"{a:,.0f}" for a in alone) + ")")
    print(f"  with the window open         {np.median(windowed):10,.0f} steps/s  (rounds: "
          + ", ".join(f"{w:,.0f}" for w in windowed) + ")")
    print(f"  ratio, median of rounds      {ratio:10.2f}   (rounds: " + ", ".join(f"{r:.2f}" for r in ratios)
          + f")  goal >= 0.7  {'OK' if ratio >= 0.7 else 'BELOW GOAL'}")
    print(f"  GUI timer lateness           p50 {np.percentile(late, 50):.1f} ms, p99 {p99:.1f} ms, "
          f"max {late.max():.1f} ms  (goal p99 < 20 ms)  {'OK' if p99 < 20 else 'OVER'}")
    print(f"  frames drawn                 {fps:10.1f} per second  (goal >= 30)  {'OK' if fps >= 30 else 'BELOW'}")
    if profiler:
        import pstats

        pstats.Stats(profiler).sort_stats("cumulative").print_stats(28)
    return 0


if __name__ == "__main__":
    sys.exit(main())
