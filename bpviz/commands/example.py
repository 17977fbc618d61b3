"""``bpviz example``: the worked 2-2-2 example, every step of one pass, as a table or JSON."""

from __future__ import annotations

import json
import shutil

from bpviz.commands.args import UsageError, pass_count, path_name

MAX_PARAMS_CHARACTERS = 100_000  # fifteen starting numbers take a few hundred; a bigger file is not one


def add_parser(sub) -> None:
    p = sub.add_parser(
        "example",
        help="the worked 2-2-2 example, step by step",
        description="Every step of one backprop pass of the classic 2-2-2 sigmoid network: "
        "name, formula, formula with the numbers put in, value.",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.add_argument("--iterations", type=pass_count, metavar="N",
                   help="also run N full passes (at most 1,000,000) and report the error and outputs of the N-th")
    p.add_argument("--update-biases", action="store_true", help="update b1 and b2 too (the article keeps them)")
    p.add_argument("--params", type=path_name, metavar="FILE",
                   help="JSON object with any of i1 i2 t1 t2 w1..w8 b1 b2 lr (others keep the published values)")
    p.add_argument("--export", type=path_name, metavar="DIR",
                   help="write the trace as CSV and Markdown and the diagram of the "
                   "finished pass (PNG and SVG) into DIR")
    p.set_defaults(run=run)


def load_params(path: str | None):
    """The starting numbers of ``--params FILE`` (the published ones without it); every way a file can be
    wrong (unreadable, not UTF-8, huge, bad JSON of any depth, numbers of any size) is a one-line UsageError."""
    from bpviz.engine.presets import ExampleParams

    if path is None:
        return ExampleParams()
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read(MAX_PARAMS_CHARACTERS + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path} is not valid JSON: {exc}") from None
    if len(text) > MAX_PARAMS_CHARACTERS:
        raise UsageError(f"{path} is too large for a file of starting numbers (more than "
                         f"{MAX_PARAMS_CHARACTERS:,} characters)")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path} is not valid JSON: {exc}") from None
    except RecursionError:
        raise UsageError(f"{path} is not a JSON object of starting numbers: it is nested too deeply") from None
    except ValueError:  # an integer of more than 4300 digits
        raise UsageError(f"{path} is not a JSON object of starting numbers: a number has too many digits") from None
    try:
        return ExampleParams.from_dict(data)
    except OverflowError:  # an integer beyond float64, e.g. 10**400
        raise UsageError(f"{path}: a starting number is too large for a float64") from None
    except (ValueError, TypeError) as exc:
        raise UsageError(f"{path}: {exc}") from None


def run(args) -> int:
    import numpy as np

    from bpviz.engine.presets import run_example, worked_example
    from bpviz.engine.trace import trace_pass
    from bpviz.reports import readable

    params = load_params(args.params)
    with np.errstate(all="ignore"):  # a number out of range is found below and said in words, not warned about
        trace = trace_pass(worked_example(params, args.update_biases), params.inputs, params.targets, params.lr)
        refuse_unrepresentable(trace, args.params)
        after = None
        if args.iterations:
            after = after_passes(run_example(params, args.iterations, args.update_biases))
    exported = []
    if args.export:
        from bpviz.commands.export import export_example
        from bpviz.models.example import ExampleModel

        exported = [str(p) for p in export_example(ExampleModel(params, args.update_biases), args.export)]
    if args.json:
        out = {
            "params": params.to_dict(),
            "update_biases": args.update_biases,
            "quantities": trace.quantities,
            "steps": [s.to_dict() for s in trace.steps],
        }
        if after is not None:
            out["iterations"] = args.iterations
            out["after"] = after
        if exported:
            out["exported"] = exported
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print(render_table(trace, params, args.update_biases))
        if after is not None and "diverged_at_pass" in after:
            print(f"\nAfter {args.iterations} passes: the run diverged: the error stopped being a finite number at "
                  f"pass {after['diverged_at_pass']} (lower the learning rate or use smaller starting numbers)")
        elif after is not None:
            print(f"\nAfter {args.iterations} passes (values of pass {args.iterations}, before its update):")
            print(f"  E_total = {readable(after['E_total'], 10)}   out_o1 = {after['out_o1']:.9g} (target "
                  f"{params.t1:g})   out_o2 = {after['out_o2']:.9g} (target {params.t2:g})")
        if exported:
            print(f"\nExported {len(exported)} files to {args.export}")
    return 0


def refuse_unrepresentable(trace, params_path: str | None) -> None:
    """A UsageError naming the first step whose value is not a finite float64 (its inputs are finite: it
    overflows), e.g. E_o1 with a target of 1e308."""
    import math

    bad = next((s for s in trace.steps if not math.isfinite(s.value)), None)
    if bad is not None:
        where = f" in {params_path}" if params_path else ""
        raise UsageError(f"{bad.name} = {bad.numbers} is too large for a float64 (overflow): use smaller starting "
                         f"numbers{where}")


def after_passes(result) -> dict:
    """``--iterations``' report: the error and outputs of the last pass, or, when the run diverged, null
    figures and the first pass whose error was not finite (``diverged_at_pass``)."""
    import numpy as np

    finite = np.isfinite(result.errors)
    if finite.all():
        return {"E_total": result.final_error, "out_o1": float(result.outputs[0]),
                "out_o2": float(result.outputs[1])}
    return {"E_total": None, "out_o1": None, "out_o2": None, "diverged_at_pass": int(np.argmin(finite)) + 1}


def render_table(trace, params, update_biases: bool) -> str:
    """The heading, then two lines per step: the formula, then the numbers put in and the value."""
    from bpviz.reports import trace_text

    width = max(72, min(shutil.get_terminal_size((100, 24)).columns, 120))
    lines = [
        "Worked example: 2-2-2 sigmoid network, E = Σ ½·(t − out)², learning rate η = "
        f"{params.lr:g}, biases {'updated' if update_biases else 'fixed'}",
        f"i1 = {params.i1:g}, i2 = {params.i2:g}, t1 = {params.t1:g}, t2 = {params.t2:g}",
    ]
    return "\n".join(lines + trace_text(trace, width))
