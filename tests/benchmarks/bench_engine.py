"""Engine speed against plain NumPy references measured in the same run (DESIGN.md, "Performance budgets").

    python tests/benchmarks/bench_engine.py [--quick]

Not a pytest test (the name does not start with ``test_``): it prints a report. Figures are RATIOS against
NumPy references timed in the same process, interleaved with the candidates (A, B, A, B, ... over several
rounds; median and min of the rounds), so that machine noise hits both sides alike. Absolute µs are printed
for context only; they depend on the machine.

1. One training step of a 2-8-8-1 network (tanh hidden, sigmoid output, mean binary cross-entropy, float64)
   on batches of 10 samples: a straightforward NumPy step written as a person writes it from the seeds,
   against ``Network.step`` (public API) and against the trainer's path (``Batch.gather`` +
   ``Network.train_batch``). Goal: bpviz <= 0.6x the straightforward step.
2. The NumPy warm-up net of seed 000 (64x1000x100x10, ReLU, sum of squares, lr 1e-6): the seed's own loop
   against ``warmup_network`` + ``train_batch`` from the same arrays. Goal: <= 1.0x (no slower than the seed),
   with the same 500 losses.

Exit status 0 (a report, not a test) unless a correctness cross-check fails: then 1, with a message.
"""

from __future__ import annotations

import os
import sys

# One BLAS thread (DESIGN.md): must be set before NumPy is imported, or OpenBLAS has already started its pool.
_NUMPY_PREIMPORTED = "numpy" in sys.modules
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import gc  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from bpviz.engine import Network  # noqa: E402
from bpviz.engine.presets import WARMUP_LR, warmup_network  # noqa: E402

SMALL_GOAL = 0.6  # bpviz step / straightforward NumPy step
WARMUP_GOAL = 1.0  # bpviz iteration / the seed's own iteration
SMALL_LR = 0.03
BATCH = 10
N_POINTS = 200
WARMUP_ITERS = 500
WARMUP_LOSS_RTOL = 1e-12  # the seed's losses must come out the same (measured ~1e-16)

perf_counter = time.perf_counter


class CheckFailed(Exception):
    pass


def check(ok: bool, message: str) -> None:
    if not ok:
        raise CheckFailed(message)


# ---------------------------------------------------------------------------------------------- environment
def blas_threads() -> str:
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}"
    pools = [f"{p.get('internal_api')} {p.get('version')} x{p.get('num_threads')}" for p in threadpool_info()
             if p.get("user_api") == "blas"]
    return ", ".join(pools) or "unknown"


def environment_line() -> str:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    return (f"Python {platform.python_version()} ({platform.python_implementation()}), NumPy {np.__version__}, "
            f"CPUs {os.cpu_count()} (usable {usable}), BLAS: {blas_threads()}, {platform.machine()} "
            f"{platform.system()}")


# ---------------------------------------------------------------------------------------------- timing
def interleaved(candidates: dict, rounds: int, prepare=None) -> dict:
    """Run each candidate once per round, in turn (A, B, C, A, B, C, ...). A candidate is a function that does
    the work and returns the number of units it did (steps, iterations); ``prepare()`` runs untimed before
    every candidate run (to reset weights). Returns {name: [seconds per unit, one per round]}."""
    times = {name: [] for name in candidates}
    gc_was_enabled = gc.isenabled()
    gc.disable()  # as timeit does: a collection would land on whichever side happens to be running
    try:
        for r in range(rounds):
            order = list(candidates.items())
            if r % 2:  # alternate the order too, so neither side always runs right after the other
                order.reverse()
            for name, run in order:
                if prepare is not None:
                    prepare()
                t0 = perf_counter()
                units = run()
                times[name].append((perf_counter() - t0) / units)
    finally:
        if gc_was_enabled:
            gc.enable()
    return times


def paired_ratio(times: dict, candidate: str, reference: str) -> float:
    """Median over rounds of candidate/reference measured in the same round."""
    return statistics.median(c / r for c, r in zip(times[candidate], times[reference]))


def verdict(ratio: float, goal: float) -> str:
    return "OK" if ratio <= goal else "OVER BUDGET"


def print_table(title: str, rows, unit: str, scale: float, times: dict) -> None:
    print(f"\n{title}")
    print(f"  {'candidate':<58} {'median':>9} {'min':>9}   {'ratio':>7}")
    for name, ref in rows:
        med, lo = statistics.median(times[name]) * scale, min(times[name]) * scale
        ratio = f"{paired_ratio(times, name, ref):6.2f}x" if ref else "   1.00"
        print(f"  {name:<58} {med:8.2f}{unit} {lo:8.2f}{unit}   {ratio:>7}")


# ---------------------------------------------------------------------------------------------- 1. small net
def make_points(rng):
    """A 200-point two-class set (noisy XOR on [-1, 1]²): float64 inputs (200, 2), targets (200, 1)."""
    X = rng.uniform(-1.0, 1.0, (N_POINTS, 2))
    Y = ((X[:, 0] * X[:, 1]) > 0).astype(np.float64).reshape(-1, 1)
    X += rng.normal(0.0, 0.1, X.shape)
    return X, Y


def ref_step(X, T, W1, b1, W2, b2, W3, b3, lr):
    """The straightforward step of the 2-8-8-1 tanh/sigmoid/BCE net, as written from the seeds.
    Updates the arrays in place; returns the loss before the step and the gradients."""
    N = X.shape[0]
    # forward
    z1 = X.dot(W1) + b1
    a1 = np.tanh(z1)
    z2 = a1.dot(W2) + b2
    a2 = np.tanh(z2)
    z3 = a2.dot(W3) + b3
    y = 1 / (1 + np.exp(-z3))
    loss = -np.sum(T * np.log(y) + (1 - T) * np.log(1 - y)) / N
    # backward
    d3 = (y - T) / N
    dW3 = a2.T.dot(d3)
    db3 = d3.sum(0)
    d2 = d3.dot(W3.T) * (1 - a2**2)
    dW2 = a1.T.dot(d2)
    db2 = d2.sum(0)
    d1 = d2.dot(W2.T) * (1 - a1**2)
    dW1 = X.T.dot(d1)
    db1 = d1.sum(0)
    # update
    W1 -= lr * dW1
    b1 -= lr * db1
    W2 -= lr * dW2
    b2 -= lr * db2
    W3 -= lr * dW3
    b3 -= lr * db3
    return loss, (dW1, dW2, dW3), (db1, db2, db3)


def small_net_check(net0, X_all, Y_all, index_list):
    """The reference and bpviz compute the same loss and gradients on one step from the same weights, and
    stay together over a run of steps on every path."""
    X, T = X_all[index_list[0]], Y_all[index_list[0]]
    net = net0.copy()
    loss_b, dW_b, db_b = net.gradients(X, T)
    params = [a.copy() for pair in zip(net.weights, net.biases) for a in pair]
    loss_r, dW_r, db_r = ref_step(X, T, *params, SMALL_LR)
    check(np.allclose(loss_b, loss_r, rtol=1e-12, atol=0), f"small net: loss differs: bpviz {loss_b!r}, "
          f"reference {loss_r!r}")
    for l in range(3):
        check(np.allclose(dW_b[l], dW_r[l], rtol=1e-10, atol=1e-15), f"small net: dW[{l}] differs")
        check(np.allclose(db_b[l], db_r[l], rtol=1e-10, atol=1e-15), f"small net: db[{l}] differs")
    check(np.allclose(net.step(X, T, SMALL_LR), loss_r, rtol=1e-12, atol=0), "small net: step's loss differs")
    for l in range(3):
        check(np.allclose(net.weights[l], params[2 * l], rtol=1e-12, atol=1e-15) and
              np.allclose(net.biases[l], params[2 * l + 1], rtol=1e-12, atol=1e-15),
              f"small net: layer {l} differs after one step")
    # 300 steps on each path from the same weights: the losses and the final weights agree.
    n = 300
    paths = {}
    params = [a.copy() for pair in zip(net0.weights, net0.biases) for a in pair]
    paths["reference"] = [float(ref_step(X_all[i], Y_all[i], *params, SMALL_LR)[0]) for i in index_list[:n]]
    final_ref = np.concatenate([p.ravel() for p in params])
    net = net0.copy()
    paths["Network.step"] = [net.step(X_all[i], Y_all[i], SMALL_LR) for i in index_list[:n]]
    final_step = np.concatenate([a.ravel() for pair in zip(net.weights, net.biases) for a in pair])
    net = net0.copy()
    batch = net.batch(BATCH)
    paths["gather + train_batch"] = [net.train_batch(batch.gather(X_all, Y_all, i), SMALL_LR)
                                     for i in index_list[:n]]
    final_gather = np.concatenate([a.ravel() for pair in zip(net.weights, net.biases) for a in pair])
    for name in ("Network.step", "gather + train_batch"):
        check(np.allclose(paths[name], paths["reference"], rtol=1e-10, atol=0),
              f"small net: {name} losses drift from the reference over {n} steps")
    for name, final in (("Network.step", final_step), ("gather + train_batch", final_gather)):
        check(np.allclose(final, final_ref, rtol=1e-9, atol=1e-12),
              f"small net: {name} weights drift from the reference over {n} steps")
    worst = max(np.max(np.abs(np.subtract(paths[k], paths["reference"])) / np.abs(paths["reference"]))
                for k in ("Network.step", "gather + train_batch"))
    return abs(loss_b - loss_r) / abs(loss_r), worst, n


def bench_small(rounds: int, steps: int) -> dict:
    rng = np.random.default_rng(1)
    X_all, Y_all = make_points(rng)
    # idx cycles over shuffled indexes of the 200 points: a new permutation each epoch, 20 batches an epoch
    index_list = [perm[k:k + BATCH] for perm in (rng.permutation(N_POINTS) for _ in range(10))
                  for k in range(0, N_POINTS, BATCH)]
    batches = [(X_all[i], Y_all[i]) for i in index_list]  # the same batches, gathered beforehand
    n_idx = len(index_list)

    net0 = Network([2, 8, 8, 1], hidden="tanh", output="sigmoid", loss="bce", seed=0)
    rel_loss, rel_run, n_run = small_net_check(net0, X_all, Y_all, index_list)
    print(f"  check: one step from the same weights: loss rel. diff {rel_loss:.1e}, dW/db allclose;"
          f" {n_run}-step runs on every path: max loss rel. diff {rel_run:.1e}")

    init = [a.copy() for pair in zip(net0.weights, net0.biases) for a in pair]
    ref_params = [a.copy() for a in init]
    W1, b1, W2, b2, W3, b3 = ref_params
    net = net0.copy()
    batch = net.batch(BATCH)
    preloaded = net.batch(BATCH).load(*batches[0])
    lr = SMALL_LR
    step, train_batch, gather = net.step, net.train_batch, batch.gather

    def prepare():  # every run starts from the same weights: no side trains into a different regime
        for p, p0 in zip(ref_params, init):
            np.copyto(p, p0)
        net.weights = init[0::2]
        net.biases = init[1::2]

    def ref_fixed():
        for k in range(steps):
            X, T = batches[k % n_idx]
            ref_step(X, T, W1, b1, W2, b2, W3, b3, lr)
        return steps

    def bpviz_step():
        for k in range(steps):
            X, T = batches[k % n_idx]
            step(X, T, lr)
        return steps

    def ref_gather():
        for k in range(steps):
            idx = index_list[k % n_idx]
            X, T = X_all[idx], Y_all[idx]
            ref_step(X, T, W1, b1, W2, b2, W3, b3, lr)
        return steps

    def bpviz_gather():
        for k in range(steps):
            gather(X_all, Y_all, index_list[k % n_idx])
            train_batch(batch, lr)
        return steps

    def bpviz_preloaded():  # the floor: the compiled step alone, data already in the batch
        for _ in range(steps):
            train_batch(preloaded, lr)
        return steps

    candidates = {
        "reference: straightforward NumPy step (batches pre-sliced)": ref_fixed,
        "bpviz Network.step(X, Y, lr)": bpviz_step,
        "reference: X_all[idx], Y_all[idx] + straightforward step": ref_gather,
        "bpviz batch.gather(X_all, Y_all, idx) + net.train_batch": bpviz_gather,
        "bpviz net.train_batch on a loaded batch (no data copy)": bpviz_preloaded,
    }
    interleaved(candidates, 1, prepare)  # warm-up: caches, BLAS kernels, the workspace
    times = interleaved(candidates, rounds, prepare)
    names = list(candidates)
    print_table(f"1. 2-8-8-1 tanh/sigmoid/BCE step, batch {BATCH}, float64 ({rounds} rounds x {steps} steps; "
                "ratio = median of per-round bpviz/reference)",
                [(names[0], None), (names[1], names[0]), (names[2], None), (names[3], names[2]),
                 (names[4], names[0])], " µs", 1e6, times)
    return {
        "step": paired_ratio(times, names[1], names[0]),
        "gather": paired_ratio(times, names[3], names[2]),
        "step_us": statistics.median(times[names[1]]) * 1e6,
        "gather_us": statistics.median(times[names[3]]) * 1e6,
        "ref_us": statistics.median(times[names[0]]) * 1e6,
        "ref_gather_us": statistics.median(times[names[2]]) * 1e6,
    }


# ---------------------------------------------------------------------------------------------- 2. warm-up net
def seed_loop(x, y, w1, w2, iterations):
    """Seed 000's loop, literally (the print replaced by keeping the losses)."""
    learning_rate = 1e-6
    losses = []
    for _t in range(iterations):
        # Forward pass: compute predicted y
        h = x.dot(w1)
        h_relu = np.maximum(h, 0)
        y_pred = h_relu.dot(w2)

        # Compute and print loss
        loss = np.square(y_pred - y).sum()
        losses.append(loss)

        # Backprop to compute gradients of w1 and w2 with respect to loss
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h_relu.T.dot(grad_y_pred)
        grad_h_relu = grad_y_pred.dot(w2.T)
        grad_h = grad_h_relu.copy()
        grad_h[h < 0] = 0
        grad_w1 = x.T.dot(grad_h)

        # Update weights
        w1 -= learning_rate * grad_w1
        w2 -= learning_rate * grad_w2
    return losses


def bench_warmup(rounds: int, iterations: int) -> dict:
    check(WARMUP_LR == 1e-6, f"WARMUP_LR is {WARMUP_LR!r}, the seed's learning rate is 1e-6")
    N, D_in, H, D_out = 64, 1000, 100, 10
    rng = np.random.default_rng(0)
    x = rng.standard_normal((N, D_in))
    y = rng.standard_normal((N, D_out))
    w1_0 = rng.standard_normal((D_in, H))
    w2_0 = rng.standard_normal((H, D_out))

    w1, w2 = w1_0.copy(), w2_0.copy()
    net = warmup_network()
    batch = net.batch(N).load(x, y)
    train_batch = net.train_batch
    results = {}

    def prepare():
        np.copyto(w1, w1_0)
        np.copyto(w2, w2_0)
        net.weights = [w1_0, w2_0]

    def seed():
        results["seed"] = seed_loop(x, y, w1, w2, iterations)
        return iterations

    def bpviz():
        results["bpviz"] = [train_batch(batch, WARMUP_LR) for _ in range(iterations)]
        return iterations

    # Correctness first, on the full 500 iterations from the same arrays.
    prepare()
    seed_losses = seed_loop(x, y, w1, w2, WARMUP_ITERS)
    bpviz_losses = [train_batch(batch, WARMUP_LR) for _ in range(WARMUP_ITERS)]
    seed_losses, bpviz_losses = np.array(seed_losses, dtype=np.float64), np.array(bpviz_losses)
    rel = np.abs(bpviz_losses - seed_losses) / np.abs(seed_losses)
    max_rel = float(rel.max())
    identical_losses = int(np.count_nonzero(rel == 0))
    w_diff = max(float(np.max(np.abs(net.weights[0] - w1))), float(np.max(np.abs(net.weights[1] - w2))))
    check(np.all(np.isfinite(bpviz_losses)), "warm-up net: bpviz produced a non-finite loss")
    check(max_rel <= WARMUP_LOSS_RTOL, f"warm-up net: the {WARMUP_ITERS} losses differ from the seed's "
          f"(max relative difference {max_rel:.3e} > {WARMUP_LOSS_RTOL:g})")
    check(np.allclose(net.weights[0], w1, rtol=1e-12, atol=1e-12) and
          np.allclose(net.weights[1], w2, rtol=1e-12, atol=1e-12),
          f"warm-up net: weights after {WARMUP_ITERS} iterations differ (max abs diff {w_diff:.3e})")
    print(f"  check: {WARMUP_ITERS} losses {seed_losses[0]:.6g} -> {seed_losses[-1]:.6g}; max relative "
          f"difference bpviz vs seed {max_rel:.1e} ({identical_losses}/{WARMUP_ITERS} bit-identical); "
          f"final weights max abs diff {w_diff:.1e}")

    candidates = {"seed 000's own loop (NumPy)": seed, "bpviz warmup_network + train_batch": bpviz}
    interleaved(candidates, 1, prepare)  # warm-up
    times = interleaved(candidates, rounds, prepare)
    names = list(candidates)
    print_table(f"2. seed 000 warm-up net 64x1000x100x10, ReLU, sum of squares, lr 1e-6 ({rounds} rounds x "
                f"{iterations} iterations from the same arrays)", [(names[0], None), (names[1], names[0])],
                " ms", 1e3, times)
    return {"ratio": paired_ratio(times, names[1], names[0]), "max_rel": max_rel,
            "seed_ms": statistics.median(times[names[0]]) * 1e3,
            "bpviz_ms": statistics.median(times[names[1]]) * 1e3}


# ---------------------------------------------------------------------------------------------- main
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a smoke test (a few seconds)")
    args = parser.parse_args(argv)
    if args.quick:
        small_rounds, small_steps, warm_rounds, warm_iters = 5, 400, 3, 100
    else:
        small_rounds, small_steps, warm_rounds, warm_iters = 21, 2000, 7, WARMUP_ITERS

    print("bpviz engine benchmark" + (" (--quick: few rounds, rough figures)" if args.quick else ""))
    print(environment_line())
    if _NUMPY_PREIMPORTED:
        print("warning: NumPy was imported before this script set OPENBLAS_NUM_THREADS=1; BLAS may use threads")
    started = perf_counter()
    try:
        print("\n[1] small net")
        small = bench_small(small_rounds, small_steps)
        print("\n[2] warm-up net")
        warm = bench_warmup(warm_rounds, warm_iters)
    except CheckFailed as exc:
        print(f"\nCORRECTNESS CHECK FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"\n(total {perf_counter() - started:.1f} s)")
    print(f"small-net step: bpviz {small['step']:.2f}x of straightforward NumPy (goal <= {SMALL_GOAL}; "
          f"{small['step_us']:.1f} vs {small['ref_us']:.1f} µs)  {verdict(small['step'], SMALL_GOAL)}")
    print(f"small-net trainer step (gather + train_batch): bpviz {small['gather']:.2f}x of straightforward "
          f"NumPy (goal <= {SMALL_GOAL}; {small['gather_us']:.1f} vs {small['ref_gather_us']:.1f} µs)  "
          f"{verdict(small['gather'], SMALL_GOAL)}")
    print(f"warm-up net iteration: bpviz {warm['ratio']:.2f}x of the seed's own loop (goal <= {WARMUP_GOAL}; "
          f"{warm['bpviz_ms']:.3f} vs {warm['seed_ms']:.3f} ms; losses match to {warm['max_rel']:.1e})  "
          f"{verdict(warm['ratio'], WARMUP_GOAL)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
