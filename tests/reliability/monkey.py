"""bpviz's seeded random-action ("monkey") test of the real window: library and script.

    python tests/reliability/monkey.py --actions 10000 --seed 3 [--seed 4 ...] [--workdir DIR] [--json]

prints, for each seed, a summary such as

    seed 3: 10000 actions, 0 exceptions, 0 Qt warnings, 0 stalls > 1 s (longest GUI stall 84 ms at action
    5123: ...), 0 crashes, 0 threads left, RSS 171 MB at action 1000, 183 MB at action 10000 (+12 MB); ...

then every finding with the (seed, action) that reproduces it and its traceback or stack dump, and each run's
memory, slowest actions, message boxes and right clicks. The same seed gives the same actions: action k is
the same in any run of that seed, so ``--stop-after K`` replays a run up to the action that failed (the events
of a run, one line per action, stay in ``DIR/seed-N/events.jsonl`` with ``--workdir``).

The window runs in a child process (this script with ``--child``), so that a crash (a segfault, an abort,
"QThread: Destroyed while thread is still running" at exit) is seen and located by the last action the child
wrote. A child that makes no progress for ``--hang-after`` seconds is asked for its threads' stacks (SIGUSR1)
and killed. This module does not import Qt: the parent stays out of the way of what it watches.

Library use (tests/reliability/test_monkey.py): ``run_seed(seed, actions)`` → ``RunReport``;
``run_seeds(seeds, actions, jobs=2)`` runs two children side by side.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the monkey_* modules, however this is imported

from monkey_report import RunReport, format_findings, format_run_details

HANG_AFTER_S = 60.0


def child_environment(folder: Path, faults: str = "") -> dict:
    """The child's environment: offscreen Qt, a HOME, settings and runtime folder of its own, one BLAS thread."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "MONKEY_FAULTS")}
    places = {name: folder / sub for name, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "settings"),
                                                   ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                                                   ("XDG_RUNTIME_DIR", "runtime"))}
    for path in places.values():
        path.mkdir(parents=True, exist_ok=True)
    places["XDG_RUNTIME_DIR"].chmod(0o700)
    env.update({name: str(path) for name, path in places.items()})
    env.update(QT_QPA_PLATFORM="offscreen", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONFAULTHANDLER="1")
    if faults:
        env["MONKEY_FAULTS"] = faults
    return env


def code_version() -> str:
    """The bpviz under test, as git names it (a commit, "-dirty" with changes not committed)."""
    spec = importlib.util.find_spec("bpviz")
    folder = Path(spec.origin).parent if spec is not None and spec.origin else Path.cwd()
    try:
        result = subprocess.run(["git", "-C", str(folder), "describe", "--always", "--dirty"], capture_output=True,
                                text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return result.stdout.strip() or "unknown"


def _wait(process: subprocess.Popen, events: Path, hang_after_s: float) -> bool:
    """Wait for the child; True if it stopped writing events for ``hang_after_s`` and was killed."""
    size, since = -1, time.monotonic()
    while process.poll() is None:
        time.sleep(0.2)
        now_size = events.stat().st_size if events.exists() else 0
        if now_size != size:
            size, since = now_size, time.monotonic()
        elif time.monotonic() - since > hang_after_s:
            process.send_signal(signal.SIGUSR1)  # faulthandler prints every thread's stack on stderr
            time.sleep(1.0)
            process.kill()
            process.wait()
            return True
    return False


def run_seed(seed: int, actions: int, workdir=None, sample_every: int = 1000, faults: str = "",
             hang_after_s: float = HANG_AFTER_S, time_budget_s: float = 0, lang: str = "en") -> RunReport:
    """Run the monkey for ``actions`` actions of ``seed`` in a child process; its files go to
    ``workdir/seed-N`` (a temporary folder, removed after a clean run, if ``workdir`` is None)."""
    temporary = workdir is None
    root = Path(tempfile.mkdtemp(prefix="bpviz-monkey-") if temporary else workdir)
    folder = root / f"seed-{seed}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    events, stderr = folder / "events.jsonl", folder / "stderr.txt"
    command = [sys.executable, str(Path(__file__).resolve()), "--child", "--seed", str(seed), "--actions",
               str(actions), "--workdir", str(folder), "--events", str(events), "--sample-every", str(sample_every),
               "--time-budget", str(time_budget_s), "--lang", lang]
    code = code_version()
    started = time.monotonic()
    with open(stderr, "wb") as err:
        process = subprocess.Popen(command, env=child_environment(folder, faults), cwd=folder,
                                   stdout=subprocess.DEVNULL, stderr=err)
        hung = _wait(process, events, hang_after_s)
    report = RunReport.read(seed, actions, folder, events, stderr, process.returncode, hung,
                            time.monotonic() - started)
    report.code = code
    for big in folder.glob("files/inputs/huge-*"):  # the child removes it, unless it died
        big.unlink()
    if temporary and not report.findings:
        shutil.rmtree(root, ignore_errors=True)
    return report


def run_seeds(seeds, actions: int, jobs: int = 1, **options) -> list[RunReport]:
    """``run_seed`` for each seed, ``jobs`` children at a time; reports in the order of ``seeds``."""
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(lambda seed: run_seed(seed, actions, **options), seeds))


def parse_arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, action="append", help="a seed (repeat for several runs; default 1)")
    parser.add_argument("--actions", type=int, default=1000, help="actions per run (default 1000)")
    parser.add_argument("--stop-after", type=int, metavar="K",
                        help="replay: run only the first K actions of the seed's sequence (those of any run of it)")
    parser.add_argument("--workdir", help="keep each run's files (events, stderr, saved files) in DIR/seed-N")
    parser.add_argument("--jobs", type=int, default=1,
                        help="children run side by side (default 1: on 2 cores, two children stall each other)")
    parser.add_argument("--sample-every", type=int, default=1000, help="memory sample interval (actions)")
    parser.add_argument("--hang-after", type=float, default=HANG_AFTER_S, help="seconds without progress = hang")
    parser.add_argument("--time-budget", type=float, default=0, metavar="S",
                        help="stop acting after S seconds (an 'out-of-time' finding); 0: no limit")
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")
    parser.add_argument("--inject-faults", default="", metavar="SPEC",
                        help="check the monkey: plant faults, e.g. 'slot-exception@3,gui-stall@5' (monkey_faults.py)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--lang", default="en", choices=("en", "zh_CN"),
                        help="the window's language (zh_CN: every text goes through the Chinese translation)")
    parser.add_argument("--events", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    options.seed = options.seed or [1]
    if options.stop_after is not None:  # the first K actions are the same in a run of any length
        options.actions = options.stop_after
    return options


def main(argv=None) -> int:
    options = parse_arguments(argv)
    if options.child:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything loads Qt
        import monkey_child

        options.seed = options.seed[0]
        return monkey_child.main(options)
    reports = run_seeds(options.seed, options.actions, jobs=options.jobs, workdir=options.workdir,
                        sample_every=options.sample_every, hang_after_s=options.hang_after,
                        faults=options.inject_faults, time_budget_s=options.time_budget, lang=options.lang)
    if options.json:
        print(json.dumps([r.to_dict() for r in reports], indent=1, default=str, ensure_ascii=False))
    else:
        for report in reports:
            print(report.summary())
        findings = format_findings(reports)
        print("\nFindings:\n" + findings if findings else "\nNo findings.")
        for report in reports:
            print("\n" + format_run_details(report))
    return 1 if any(r.findings for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
