"""The playground's rewindable history over a long run: its memory stays under its bound.

    python tests/benchmarks/bench_history.py [--steps 1000000] [--hidden 16,16,16,16,16,16] [--steps-per-frame 1000]

Feeds a RunRecord (bpviz.models.rewind) the way the window does, for the largest playground network by default
(2-16x6-1: 1,425 parameters): the rows a recording Trainer would send (the steps of the thinning grid,
bpviz.engine.trajectories.next_record_step) in batches of one frame's worth, then the frame's own state as the latest
row. The states are synthetic (every parameter a function of the step, so that each row kept can be checked to be
exactly its step's state: no interpolation). Prints:
  - the memory held (the arrays' nbytes, and what tracemalloc saw allocated at the peak) against the bound
    (HISTORY_BUDGET; stated as <= 50 MB),
  - rows kept, the grid's stride at the end, and the rows sent over the whole run,
  - the cost of taking one frame's rows in the GUI thread (mean and worst),
  - then the same for a real Trainer of that network recording for a few seconds, against the same Trainer not
    recording (steps/s).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tracemalloc

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from bpviz.engine.trajectories import HISTORY_BUDGET, StepRows, next_record_step  # noqa: E402
from bpviz.models.rewind import RunRecord, parameter_count  # noqa: E402
from bpviz.training import Trainer  # noqa: E402

BOUND = 50_000_000  # bytes: what the issue allows


def synthetic(step: int, n: int) -> np.ndarray:
    return step + np.arange(n) * 1e-7


def feed(sizes, steps: int, per_frame: int) -> None:
    n = parameter_count(sizes)
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    record = RunRecord(sizes)
    sent, costs, step, next_row = 0, [], 0, 0
    pending_cap = record.capacity // Trainer.PENDING_SHARE + 32
    t_all = time.perf_counter()
    while step < steps:
        end = min(step + per_frame, steps)
        rows, coarser = [], 1
        while next_row <= end:
            rows.append(next_row)
            if len(rows) > pending_cap:  # as the Trainer does while the rows wait for a frame: a coarser grid
                coarser *= 2
                rows = [rows[0], *(r for r in rows[1:] if r % coarser == 0 or r == rows[-1])]
            next_row = next_record_step(next_row + 1, record.capacity, coarser)
        batch = StepRows(np.array(rows, np.int64), np.array(rows, np.int64) // 7, np.full((len(rows), 2), np.nan),
                         np.stack([synthetic(r, n) for r in rows]) if rows else np.empty((0, n)),
                         np.stack([-synthetic(r, n) for r in rows]) if rows else np.empty((0, n)))
        t0 = time.perf_counter()
        if len(batch):
            record.add_rows(batch)
        record.add(end, end // 7, 0.5, 0.6, synthetic(end, n), -synthetic(end, n)) if end > record.last_step else None
        costs.append(time.perf_counter() - t0)
        sent += len(rows)
        step = end
    elapsed = time.perf_counter() - t_all
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    kept = record.steps()
    for i in range(len(record)):  # every row kept is exactly its step's state
        state = record.state(i)
        assert state.weights[0][0, 0] == synthetic(int(kept[i]), n)[0], i
    arch = "-".join(map(str, sizes))
    print(f"network {arch}: {n:,} parameters, {8 * (4 + 2 * n):,} bytes a recorded step; {steps:,} steps, "
          f"{per_frame:,} a frame ({elapsed:.1f} s)")
    print(f"  rows kept {len(record):,} of capacity {record.capacity:,} (+2), stride at the end {record.stride}, "
          f"rows sent over the run {sent:,}; first steps kept {kept[:4].tolist()}, last {kept[-2:].tolist()}")
    print(f"  memory: arrays {record.nbytes / 1e6:.2f} MB (stated bound {record.bound / 1e6:.2f} MB, budget "
          f"{HISTORY_BUDGET / 1e6:.0f} MB); tracemalloc after {(current - base) / 1e6:.2f} MB, peak "
          f"{(peak - base) / 1e6:.2f} MB (incl. one frame's rows in flight) -> "
          f"{'within' if peak - base <= BOUND else 'OVER'} {BOUND / 1e6:.0f} MB")
    costs_ms = np.array(costs) * 1e3
    print(f"  one frame's rows into the record (GUI thread): mean {costs_ms.mean():.3f} ms, worst "
          f"{costs_ms.max():.2f} ms")


def trainer_rates(hidden, seconds: float) -> None:
    from bpviz.engine.datasets import DatasetSpec
    from bpviz.training import TrainConfig

    config = TrainConfig(dataset=DatasetSpec("spiral", n_samples=400, noise=0.1, seed=1), hidden=hidden)
    rates = {False: [], True: []}
    for _ in range(5):  # alternate: this machine's speed drifts
        for recording in (False, True):
            trainer = Trainer(config, record_history=recording)
            start, done, last_frame = time.perf_counter(), 0, 0.0
            while (now := time.perf_counter()) - start < seconds:
                done += trainer.run_for(0.01)
                if recording and now - last_frame > 1 / 30:  # the worker hands the rows over with each frame
                    trainer.take_records()
                    last_frame = now
            rates[recording].append(done / (time.perf_counter() - start))
    off, on = np.median(rates[False]), np.median(rates[True])
    print(f"  a real Trainer, {seconds:g} s rounds from step 0: {off:,.0f} steps/s not recording, {on:,.0f} "
          f"recording (ratio {on / off:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1_000_000)
    parser.add_argument("--hidden", default="16,16,16,16,16,16")
    parser.add_argument("--steps-per-frame", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=2.0, help="per round of the real Trainer")
    args = parser.parse_args()
    hidden = tuple(int(h) for h in args.hidden.split(","))
    feed((2, *hidden, 1), args.steps, args.steps_per_frame)
    trainer_rates(hidden, args.seconds)


if __name__ == "__main__":
    main()
