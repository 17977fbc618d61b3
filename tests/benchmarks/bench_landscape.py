"""Loss-landscape speed: the grid evaluated at once against a plain loop over its points, in the same run.

    python tests/benchmarks/bench_landscape.py [--quick]

Not a pytest test (the name does not start with ``test_``): it prints a report. Each figure is a RATIO of the
vectorised grid (``bpviz.engine.landscape``) to a plain Python loop over the grid points, each point
``net.set_parameters(θ + a·d1 + b·d2); net.loss_value(X, Y)``, timed interleaved (A, B, A, B, ...; median and min
of the rounds) so that machine noise hits both sides alike.

1. The playground plane: a 61x61 grid for a 2-8-8-1 tanh/sigmoid/BCE net on 200 points, two random
   filter-normalised directions. Budget (issue 15): under 0.5 s, vectorised.
2. The worked example: E_total over w5 and w1, 21x21 and 201x201.

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
from bpviz.engine.landscape import (  # noqa: E402
    EXAMPLE_AXES,
    example_landscape,
    grid_offsets,
    plane_losses,
    random_directions,
)
from bpviz.engine.presets import ExampleParams, worked_example  # noqa: E402

PLANE_BUDGET_S = 0.5  # the 61x61 playground grid, vectorised
LOSS_RTOL = 1e-12  # vectorised vs point by point (measured: 0 to a few ulps)
N_POINTS = 200

perf_counter = time.perf_counter


class CheckFailed(Exception):
    pass


def check(ok: bool, message: str) -> None:
    if not ok:
        raise CheckFailed(message)


def environment_line() -> str:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    return (f"Python {platform.python_version()}, NumPy {np.__version__}, CPUs {os.cpu_count()} (usable {usable}), "
            f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}, {platform.machine()} {platform.system()}")


def interleaved(candidates: dict, rounds: int) -> dict:
    """Each candidate once per round, in turn, the order alternating; {name: [seconds, one per round]}."""
    times = {name: [] for name in candidates}
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for r in range(rounds):
            order = list(candidates.items())
            if r % 2:
                order.reverse()
            for name, run in order:
                t0 = perf_counter()
                run()
                times[name].append(perf_counter() - t0)
    finally:
        if gc_was_enabled:
            gc.enable()
    return times


def loop_over_points(net, X, Y, centre, d1, d2, a, b) -> np.ndarray:
    """The plain loop: one ``loss_value`` per grid point."""
    out = np.empty((len(b), len(a)))
    for i, bi in enumerate(b):
        for j, aj in enumerate(a):
            net.set_parameters(centre + aj * d1 + bi * d2)
            out[i, j] = net.loss_value(X, Y)
    net.set_parameters(centre)
    return out


def report(title: str, times: dict, vectorised: str, loop: str) -> dict:
    ratios = [v / l for v, l in zip(times[vectorised], times[loop])]
    print(f"\n{title}")
    print(f"  {'candidate':<44} {'median':>10} {'min':>10}")
    for name in (loop, vectorised):
        print(f"  {name:<44} {statistics.median(times[name]) * 1e3:8.1f} ms {min(times[name]) * 1e3:8.1f} ms")
    ratio = statistics.median(ratios)
    print(f"  vectorised / loop: {ratio:.3f} (the loop takes {1 / ratio:.1f}x as long)")
    return {"ratio": ratio, "vectorised_s": statistics.median(times[vectorised]),
            "loop_s": statistics.median(times[loop])}


# ---------------------------------------------------------------------------------------------- 1. plane
def bench_plane(rounds: int) -> dict:
    rng = np.random.default_rng(1)
    X = rng.uniform(-1.0, 1.0, (N_POINTS, 2))
    Y = ((X[:, 0] * X[:, 1]) > 0).astype(np.float64).reshape(-1, 1)
    X += rng.normal(0.0, 0.1, X.shape)
    net = Network([2, 8, 8, 1], hidden="tanh", output="sigmoid", loss="bce", seed=0)
    for _ in range(300):  # a trained network, as the playground shows it
        net.step(X, Y, 0.1)
    centre = net.get_parameters()
    d1, d2 = random_directions(net, 0)
    a = grid_offsets(1.0, 61)

    vectorised = plane_losses(net, X, Y, centre, d1, d2, a, a)
    looped = loop_over_points(net, X, Y, centre, d1, d2, a, a)
    rel = float(np.max(np.abs(vectorised - looped) / np.abs(looped)))
    check(rel <= LOSS_RTOL, f"plane: vectorised and point-by-point losses differ by {rel:.2e} (relative)")
    print(f"  check: 61x61 = 3721 points, losses {looped.min():.4g} .. {looped.max():.4g}, max relative difference "
          f"vectorised vs point by point {rel:.1e}")
    candidates = {
        "loop: set_parameters + loss_value per point": lambda: loop_over_points(net, X, Y, centre, d1, d2, a, a),
        "bpviz plane_losses (vectorised, chunked)": lambda: plane_losses(net, X, Y, centre, d1, d2, a, a),
    }
    interleaved(candidates, 1)  # warm-up
    times = interleaved(candidates, rounds)
    names = list(candidates)
    return report(f"1. playground plane, 61x61 grid, 2-8-8-1 tanh/sigmoid/BCE on {N_POINTS} points "
                  f"({rounds} rounds)", times, names[1], names[0])


# ---------------------------------------------------------------------------------------------- 2. worked example
def unit_direction(name: str) -> np.ndarray:
    numbers = dict.fromkeys(EXAMPLE_AXES, 0.0)
    numbers[name] = 1.0
    return worked_example(ExampleParams(**numbers)).get_parameters()


def bench_example(steps: int, rounds: int) -> dict:
    p = ExampleParams()
    net = worked_example(p)
    centre = net.get_parameters()
    d1, d2 = unit_direction("w5"), unit_direction("w1")
    a = grid_offsets(2.0, steps)

    land = example_landscape(p, ("w5", "w1"), 2.0, steps)
    looped = loop_over_points(net, p.inputs, p.targets, centre, d1, d2, a, a)
    rel = float(np.max(np.abs(land.loss - looped) / np.abs(looped)))
    check(rel <= LOSS_RTOL, f"example {steps}x{steps}: vectorised and point-by-point differ by {rel:.2e}")
    print(f"  check: {steps}x{steps}, max relative difference vectorised vs point by point {rel:.1e}")
    candidates = {
        "loop: set_parameters + loss_value per point":
            lambda: loop_over_points(net, p.inputs, p.targets, centre, d1, d2, a, a),
        "bpviz example_landscape (vectorised)": lambda: example_landscape(p, ("w5", "w1"), 2.0, steps),
    }
    interleaved(candidates, 1)
    times = interleaved(candidates, rounds)
    names = list(candidates)
    return report(f"2. worked example, E_total over w5 and w1, {steps}x{steps} ({rounds} rounds)", times,
                  names[1], names[0])


# ---------------------------------------------------------------------------------------------- main
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a smoke test (a few seconds)")
    args = parser.parse_args(argv)
    rounds = 3 if args.quick else 9
    print("bpviz loss-landscape benchmark" + (" (--quick: few rounds, rough figures)" if args.quick else ""))
    print(environment_line())
    if _NUMPY_PREIMPORTED:
        print("warning: NumPy was imported before this script set OPENBLAS_NUM_THREADS=1; BLAS may use threads")
    started = perf_counter()
    try:
        print("\n[1] playground plane")
        plane = bench_plane(rounds)
        print("\n[2] worked example")
        small = bench_example(21, rounds)
        large = bench_example(201, max(3, rounds // 3))
    except CheckFailed as exc:
        print(f"\nCORRECTNESS CHECK FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"\n(total {perf_counter() - started:.1f} s)")
    verdict = "OK" if plane["vectorised_s"] < PLANE_BUDGET_S else "OVER BUDGET"
    print(f"plane 61x61: {plane['vectorised_s'] * 1e3:.0f} ms vectorised (budget {PLANE_BUDGET_S * 1e3:.0f} ms) "
          f"{verdict}; {plane['ratio']:.3f}x the plain loop ({plane['loop_s'] * 1e3:.0f} ms)")
    for steps, result in ((21, small), (201, large)):
        print(f"example {steps}x{steps}: {result['vectorised_s'] * 1e3:.1f} ms vectorised, {result['ratio']:.3f}x "
              f"the plain loop ({result['loop_s'] * 1e3:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
