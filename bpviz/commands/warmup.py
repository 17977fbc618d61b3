"""``bpviz warmup``: seed 000's NumPy warm-up net in matrix form: blocks, gradient lines, and the training run.

Plain output: the blocks of the network with their shapes (symbolic and measured on a real pass), every line
of the seed's code with its formula and the shape algebra that makes it compatible, then the loss at
iterations 0, K, 2K, ... and the last, printed as the seed's ``print(t, loss)`` prints it, and whether the
seed's own loop, run from the same arrays, printed the same.

``--json`` prints one object::

    {
      "sizes": {"N": 64, "D_in": 1000, "H": 100, "D_out": 10},
      "seed": 0, "learning_rate": 1e-06, "iterations": 500,
      "shapes": {"x": [64, 1000], "w1": [1000, 100], ..., "loss": []},      # measured on the pass's arrays
      "symbolic": {"x": "N×D_in", ...},
      "lines": [{"key", "phase", "code", "formula", "shape_rule", "shapes", "operand_shapes", "result_shape",
                 "reads", "writes", "summary", "why"}, ...],                  # the pass before any update
      "losses": [loss at iteration 0, 1, ..., iterations-1],                 # null where not finite
      "diverged": false,
      "seed_loop": {"final_loss": ..., "max_rel_difference": ...}            # the seed's loop, same arrays
    }
"""

from __future__ import annotations

import json
import math

from bpviz.commands.args import UsageError, non_negative_int, pass_count, positive_int, warmup_sizes

PHASE_TITLES = {"forward": "Forward pass", "loss": "Loss", "backward": "Backward pass (the five gradient lines)",
                "update": "Update"}
SAME_LOSSES = 1e-10  # largest relative difference still called "the same losses"


def add_parser(sub) -> None:
    p = sub.add_parser("warmup", help="the NumPy warm-up net (seed 000) in matrix form: shapes, gradients, losses",
                       description="PyTorch's two-layer ReLU warm-up net in pure NumPy: the matrix blocks and "
                       "their shapes, each gradient line with its formula and shape algebra, and the loss of a "
                       "training run as the seed's print(t, loss) prints it.")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the text")
    p.add_argument("--iterations", type=pass_count, default=500, metavar="N",
                   help="training iterations (default 500, as the seed; at most 1,000,000)")
    p.add_argument("--seed", type=non_negative_int, default=0, metavar="S",
                   help="seed of the random data and weights (x, y, w1, w2 drawn in that order; default 0)")
    p.add_argument("--every", type=positive_int, default=50, metavar="K",
                   help="print the loss every K iterations, and the last (default 50; 1 prints all, as the seed)")
    p.add_argument("--sizes", type=warmup_sizes, metavar="N,D_in,H,D_out",
                   help="other sizes than the seed's 64,1000,100,10")
    p.set_defaults(run=run)


def run(args) -> int:
    import numpy as np

    from bpviz.engine.warmup import WarmupSizes, initial_arrays, lesson_pass
    from bpviz.training.warmup import SeedLoop, WarmupRun, relative_difference

    try:
        sizes = WarmupSizes(*args.sizes) if args.sizes else WarmupSizes()
    except ValueError as exc:
        raise UsageError(f"--sizes: {exc}") from None
    arrays = initial_arrays(args.seed, sizes)
    with np.errstate(all="ignore"):  # a diverging run is said in words below, not warned about
        lesson = lesson_pass(arrays)
        engine = WarmupRun(arrays)
        losses = engine.run(args.iterations)
        seed_loop = SeedLoop(arrays)
        seed_losses = seed_loop.run(args.iterations)
    same_length = len(seed_losses) == len(losses)
    rel = relative_difference(losses, seed_losses) if same_length else math.inf
    if args.json:
        print(json.dumps({
            "sizes": sizes.symbols, "seed": args.seed, "learning_rate": lesson.learning_rate,
            "iterations": args.iterations, "shapes": lesson.shapes(),
            "symbolic": {name: b.symbolic for name, b in lesson.blocks.items()},
            "lines": [line.to_dict() for line in lesson.lines],
            "losses": [_finite(v) for v in losses], "diverged": engine.diverged,
            "seed_loop": {"final_loss": _finite(seed_losses[-1]), "max_rel_difference": _finite(rel)},
        }, indent=2, ensure_ascii=False))
        return 0
    print(render_lesson(lesson, args.seed))
    print()
    print("Training: the loss at iteration t is computed before update t (the seed's print(t, loss))")
    shown = len(losses) - 1 if engine.diverged else len(losses)  # a loss that is not finite is said in words
    for t in range(shown):
        if t % args.every == 0 or t == shown - 1:
            print(t, repr(float(losses[t])))
    if engine.diverged:
        print(f"The loss stopped being finite at iteration {len(losses) - 1}: training diverged.")
    print(seed_loop_sentence(seed_losses, rel))
    return 0


def seed_loop_sentence(seed_losses, rel: float) -> str:
    """How the seed's own loop, run from the same arrays, ended, and whether it printed the same losses."""
    last, final = len(seed_losses) - 1, float(seed_losses[-1])
    ended = (f"{final!r} at iteration {last}" if math.isfinite(final)
             else f"it diverged too, at iteration {last}")
    if not math.isfinite(rel):
        return (f"The seed's own loop from the same arrays: {ended}; the two runs stop being finite at different "
                f"iterations: DIFFERENT losses")
    verdict = "the same losses" if rel <= SAME_LOSSES else "DIFFERENT losses"
    return (f"The seed's own loop from the same arrays: {ended}; largest relative difference over all iterations "
            f"{rel:.1e}: {verdict}")


def _finite(value):
    value = float(value)
    return value if math.isfinite(value) else None


def _number(value: float) -> str:
    return f"{value:.6g}"


def render_lesson(lesson, seed: int) -> str:
    """The blocks and the lines of the pass, as text."""
    s = lesson.sizes
    out = ["NumPy warm-up (seed 000): a two-layer ReLU net in matrix form",
           f"N, D_in, H, D_out = {s.n}, {s.d_in}, {s.h}, {s.d_out} · learning rate {lesson.learning_rate:g} · "
           f"x, y, w1, w2 drawn from randn with seed {seed}", "",
           "Blocks (shapes measured on the arrays of a real pass)"]
    name_w = max(len(n) for n in lesson.blocks) + 2
    sym_w = max(len(b.symbolic) for b in lesson.blocks.values()) + 2
    num_w = max(len(b.shape_text) for b in lesson.blocks.values()) + 2
    for b in lesson.blocks.values():
        out.append(f"  {b.name:<{name_w}}{b.symbolic:<{sym_w}}{b.shape_text:<{num_w}}{b.meaning}")
    phase = None
    for line in lesson.lines:
        if line.phase != phase:
            phase = line.phase
            out += ["", PHASE_TITLES[phase], "-" * len(PHASE_TITLES[phase])]
        code = line.code.split("\n")
        out.append(f"  {code[0]}")
        out += [f"  {c}" for c in code[1:]]
        out.append(f"      {line.formula}")
        out.append(f"      {line.shape_rule}   =   {line.shape_numbers}   ✓")
        after = f"{line.writes[0]} after the update: " if line.phase == "update" else ""
        out.append(f"      {after}{_summary_text(line.summary)}")
    return "\n".join(out)


def _summary_text(summary: dict) -> str:
    if "value" in summary:
        return f"value {summary['value']:.10g}"
    text = (f"norm {_number(summary['norm'])}, entries from {_number(summary['min'])} to "
            f"{_number(summary['max'])}, mean {_number(summary['mean'])}")
    if "blocked" in summary:
        text += f"; the mask zeroed {summary['blocked']:,} of {summary['entries']:,} entries (h < 0)"
    return text
