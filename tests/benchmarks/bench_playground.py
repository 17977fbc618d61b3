"""The playground under load: training flat out in its thread while the window draws every frame.

    python tests/benchmarks/bench_playground.py [--seconds 8] [--dataset spiral] [--hidden 8,8] [--profile]

Prints, measured in one run (offscreen, window 1280x800, decision region 100x100, per-neuron maps on):
  - training steps/s with the window open, as a ratio of headless steps/s (the same Trainer in one thread,
    no Qt; goal >= 0.7),
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
from PySide6.QtCore import QElapsedTimer, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def headless_rate(config, seconds: float) -> float:
    from bpviz.training import Trainer

    trainer = Trainer(config)
    trainer.run_for(0.5)  # warm up, as the window run does
    start_steps, start = trainer.step_count, time.perf_counter()
    while time.perf_counter() - start < seconds and not trainer.diverged:
        trainer.run_for(0.01)
    return (trainer.step_count - start_steps) / (time.perf_counter() - start)


def window_run(app, config, seconds: float, profile: bool):
    from bpviz.gui.main_window import MainWindow

    window = MainWindow(QSettings("/tmp/bpviz-bench.ini", QSettings.IniFormat))
    window.resize(1280, 800)
    window.show()
    page = window.playground
    window.tabs.setCurrentWidget(page)
    page.controls.set_config(config)
    page.reconfigure(config)
    frames, ticks = [], []
    page.frameShown.connect(lambda f: frames.append((time.perf_counter(), f.snapshot.step)))
    clock = QElapsedTimer()
    timer = QTimer()
    timer.setInterval(10)

    def tick():
        ticks.append(clock.nsecsElapsed() / 1e6)
        clock.restart()

    timer.timeout.connect(tick)
    deadline = time.perf_counter() + 1.0
    while time.perf_counter() < deadline:  # let the new run's first frame arrive
        app.processEvents()
    page.play()
    warm = time.perf_counter() + 0.5
    while time.perf_counter() < warm:
        app.processEvents()
    frames.clear()
    clock.start()
    timer.start()
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.0005)  # like exec(): wait for events instead of spinning on the GIL
    if profiler:
        profiler.disable()
    timer.stop()
    page.pause()
    window.close()
    return frames, ticks[1:], profiler


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=8.0)
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
    solo = headless_rate(config, args.seconds)
    frames, ticks, profiler = window_run(app, config, args.seconds, args.profile)
    span = frames[-1][0] - frames[0][0]
    with_window = (frames[-1][1] - frames[0][1]) / span
    fps = (len(frames) - 1) / span
    late = np.maximum(np.array(ticks) - 10.0, 0.0)
    ratio = with_window / solo
    print(f"playground benchmark: {args.dataset}, 2-{args.hidden}-1 tanh, batch 10, {args.seconds:g} s each "
          f"(Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, offscreen)")
    print(f"  headless training            {solo:10,.0f} steps/s")
    print(f"  with the window open         {with_window:10,.0f} steps/s   ratio {ratio:.2f}  (goal >= 0.7)  "
          f"{'OK' if ratio >= 0.7 else 'BELOW GOAL'}")
    print(f"  GUI timer lateness           p50 {np.percentile(late, 50):.1f} ms, p99 {np.percentile(late, 99):.1f} ms, "
          f"max {late.max():.1f} ms  (goal p99 < 20 ms)  {'OK' if np.percentile(late, 99) < 20 else 'OVER'}")
    print(f"  frames drawn                 {fps:10.1f} per second  (goal >= 30)  {'OK' if fps >= 30 else 'BELOW'}")
    if profiler:
        import pstats

        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
