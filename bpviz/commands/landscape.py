"""``bpviz landscape --example``: the worked example's E_total over two of its parameters, as a summary or JSON.

``--json`` prints one object::

    {"axes": ["w5", "w1"],
     "x": [...],            # the first parameter: its value ± span in --steps equal steps
     "y": [...],            # the second parameter, alike
     "loss": [[...], ...],  # loss[i][j] = E_total with the first parameter at x[j] and the second at y[i]
     "path": [[x, y], ...], # the two parameters after each of --iterations passes (none by default)
     "exported": [PATH, ...]}  # only with --export DIR: landscape.png and landscape.svg, the window's map

Every other number is the example's starting value (or from ``--params FILE``, as ``bpviz example`` takes it).
The playground's plane (random or principal directions) needs a trained network: it is in the window only.
"""

from __future__ import annotations

import argparse
import json

from bpviz.commands.args import MAX_PASSES, UsageError, finite_float, non_negative_int, path_name

TABLE_POINTS = 7  # rows and columns of the plain summary's table (odd: the centre of an odd grid is among them)


# ---------------------------------------------------------------------------------------------------- converters
def axis_pair(text: str) -> tuple[str, str]:
    """``w5,w1`` → ('w5', 'w1'): two different names of w1..w8, b1, b2."""
    from bpviz.engine.checks import show
    from bpviz.engine.landscape import check_example_axes

    parts = tuple(part.strip().lower() for part in text.split(","))
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(f"expected two parameter names separated by a comma, such as w5,w1, "
                                          f"got {show(text)}")
    try:
        return check_example_axes(parts)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def span_size(text: str) -> float:
    value = finite_float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"the span must be > 0, got {text}")
    return value


def step_count(text: str) -> int:
    from bpviz.engine.landscape import MAX_STEPS, MIN_STEPS

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not MIN_STEPS <= value <= MAX_STEPS:
        raise argparse.ArgumentTypeError(f"must be from {MIN_STEPS} to {MAX_STEPS}, got {value}")
    return value


def iteration_count(text: str) -> int:
    """0 (no path) to MAX_PASSES."""
    value = non_negative_int(text)
    if value > MAX_PASSES:
        raise argparse.ArgumentTypeError(f"must be at most {MAX_PASSES:,}")
    return value


def add_parser(sub) -> None:
    p = sub.add_parser(
        "landscape", help="the worked example's error over two of its weights",
        description="The worked 2-2-2 example's E_total over a grid of two of its parameters (w1..w8, b1, b2), "
        "each its starting value ± span, every other number fixed; with the path that passes of gradient "
        "descent take over it.")
    p.add_argument("--example", action="store_true",
                   help="the worked example (the only landscape on the command line for now)")
    p.add_argument("--axes", type=axis_pair, default=("w5", "w1"), metavar="P,Q",
                   help="the two parameters: P along x, Q along y, any two of w1..w8 b1 b2 (default w5,w1)")
    p.add_argument("--span", type=span_size, default=2.0, help="each axis runs over its value ± span (default 2)")
    p.add_argument("--steps", type=step_count, default=21, metavar="S",
                   help="grid points per axis, 2 to 401 (default 21; odd puts the starting point on the grid)")
    p.add_argument("--iterations", type=iteration_count, default=0, metavar="N",
                   help="the path: the two parameters after each of N passes (at most 1,000,000; default 0)")
    p.add_argument("--update-biases", action="store_true", help="the passes update b1 and b2 too")
    p.add_argument("--params", type=path_name, metavar="FILE",
                   help="JSON object with any of i1 i2 t1 t2 w1..w8 b1 b2 lr (others keep the published values)")
    p.add_argument("--json", action="store_true", help="print one JSON object: axes, x, y, loss, path")
    p.add_argument("--export", type=path_name, metavar="DIR",
                   help="write the map with its contours, the path and the gradient arrow as landscape.png and "
                   "landscape.svg into DIR (as the window's Loss landscape page draws it)")
    p.set_defaults(run=run)


# ---------------------------------------------------------------------------------------------------- run
def run(args) -> int:
    from bpviz.commands.example import load_params
    from bpviz.engine.landscape import example_gradient, example_landscape, example_path

    if not args.example:
        raise UsageError("only the worked example's landscape is on the command line for now: add --example")
    params = load_params(args.params)
    try:
        landscape = example_landscape(params, args.axes, args.span, args.steps)
        path = example_path(params, args.axes, args.iterations, args.update_biases)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    refuse_diverged(path, args.axes)
    exported = []
    if args.export:
        from bpviz.commands.export import export_landscape

        exported = [str(p) for p in export_landscape(params, args.axes, args.span, args.steps, path,
                                                     args.update_biases, args.export)]
    if args.json:
        out = {"axes": list(landscape.axes), "x": landscape.x.tolist(), "y": landscape.y.tolist(),
               "loss": landscape.loss.tolist(), "path": path.tolist()}
        if exported:
            out["exported"] = exported
        print(json.dumps(out, allow_nan=False))
    else:
        print(render(landscape, path, params, example_gradient(params, args.axes), args))
        if exported:
            print(f"\nExported {len(exported)} files to {args.export}")
    return 0


def refuse_diverged(path, axes) -> None:
    """A UsageError naming the first pass whose parameters stopped being finite numbers."""
    import numpy as np

    finite = np.isfinite(path).all(axis=1)
    if not finite.all():
        raise UsageError(f"the run diverged: {axes[0]} and {axes[1]} stopped being finite numbers at pass "
                         f"{int(np.argmin(finite)) + 1} (lower the learning rate or use smaller starting numbers)")


# ---------------------------------------------------------------------------------------------------- summary
def render(landscape, path, params, gradient, args) -> str:
    """The axes and their range, E_total and the gradient at the starting point, the lowest and highest E_total of
    the grid, where the passes end, and E_total at a few grid points as a small table."""
    import math

    from bpviz.engine.presets import worked_example
    from bpviz.reports import readable

    p_name, q_name = landscape.axes
    start = (getattr(params, p_name), getattr(params, q_name))
    x, y = landscape.x, landscape.y
    centre_error = worked_example(params).loss_value(params.inputs, params.targets)

    def number(value: float, decimals: int = 9) -> str:
        return readable(value, decimals) if math.isfinite(value) else "too large for a float64"

    lines = [f"Loss landscape of the worked example: E_total = Σ ½(t − out)² over {p_name} (x) and {q_name} (y); "
             "every other number at its starting value"]
    for name, values, value in ((p_name, x, start[0]), (q_name, y, start[1])):
        lines.append(f"  {name}: {value:.6g} ± {args.span:g}, from {values[0]:.6g} to {values[-1]:.6g} in "
                     f"{len(values)} points")
    lines.append(f"  E_total at the start ({p_name} = {start[0]:.6g}, {q_name} = {start[1]:.6g}): "
                 f"{number(centre_error)}")
    lines.append(f"  gradient there: ∂E/∂{p_name} = {number(gradient[0])}, ∂E/∂{q_name} = {number(gradient[1])} "
                 "(gradient descent moves against it)")
    i, j = divmod(int(landscape.loss.argmax()), len(x))
    low_x, low_y, low = landscape.lowest()
    edge = low_x in (x[0], x[-1]) or low_y in (y[0], y[-1])
    lines.append(f"  lowest E_total on the grid: {number(low)} at {p_name} = {low_x:.6g}, {q_name} = {low_y:.6g}"
                 + (" (on the edge of the grid: it may fall further beyond)" if edge else ""))
    lines.append(f"  highest E_total on the grid: {number(landscape.loss[i, j])} at {p_name} = {x[j]:.6g}, "
                 f"{q_name} = {y[i]:.6g}")
    if len(path):
        inside = x[0] <= path[-1, 0] <= x[-1] and y[0] <= path[-1, 1] <= y[-1]
        lines.append(f"  after {len(path):,} passes (learning rate {params.lr:g}, biases "
                     f"{'updated' if args.update_biases else 'fixed'}): {p_name} = {path[-1, 0]:.9g}, {q_name} = "
                     f"{path[-1, 1]:.9g} ({'inside' if inside else 'outside'} the grid; --json lists every pass)")
    lines += ["", *grid_table(landscape)]
    return "\n".join(lines)


def grid_table(landscape) -> list[str]:
    """E_total at up to TABLE_POINTS × TABLE_POINTS evenly spread grid points, the highest y on top (as the map)."""
    import numpy as np

    from bpviz.reports import readable, text_table

    p_name, q_name = landscape.axes
    n = len(landscape.x)
    picks = np.unique(np.rint(np.linspace(0, n - 1, min(n, TABLE_POINTS))).astype(int))
    header = [f"{q_name} \\ {p_name}", *(f"{landscape.x[j]:.4g}" for j in picks)]
    rows = [[f"{landscape.y[i]:.4g}", *(readable(landscape.loss[i, j], 4) for j in picks)] for i in picks[::-1]]
    title = f"E_total at {len(picks)} × {len(picks)} points of the grid (rows: {q_name}; columns: {p_name}):"
    return [title, *text_table(header, rows, "<" + ">" * len(picks), indent="  ")]
