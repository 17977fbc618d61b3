"""``bpviz gradcheck``: backprop against central differences on a network and a batch of points.

``--broken FAULT`` checks a deliberately broken backward instead (bpviz.engine.broken_backward: one term left
out): the check then shows MISMATCH, names the worst parameters and the ones the fault cannot touch.

Exit status: 0 whenever the check ran, whatever it found; 2 for a usage error. A mismatch is the check's
finding, not a failure of the command, and with ``--broken`` it is the lesson's expected outcome; scripts read
``passed`` from ``--json``.

``--json`` prints one object:
``{"passed": bool, "max_rel_error": float, "worst": NAME | null, "mismatched": [NAME, ...] (worst first),
"checked": int, "parameters": int, "kinks": int,
"fault": null | {"name", "title", "explanation", "changed": [NAME, ...], "unchanged": [NAME, ...]},
"checks": [{"name", "analytic", "numeric", "rel_error", "within_noise", "kink"}, ...]}``
where ``analytic`` is the (possibly broken) backprop gradient, ``numeric`` the central difference, and a
parameter is ``mismatched`` when its relative error (not at a kink, not within rounding) is 1e-7 or more.
"""

from __future__ import annotations

import json
import math

from bpviz.commands.args import UsageError, add_network_arguments, fault_name, finite_float, make_config, positive_int

_WORST_NAMED = 5


def add_parser(sub) -> None:
    p = sub.add_parser("gradcheck", help="compare backprop with numerical (central-difference) gradients",
                       description="Compare every backprop gradient of a network with the fourth-order central "
                       "difference of the loss, and print the largest relative error.")
    add_network_arguments(p)
    p.add_argument("--batch", type=positive_int, default=8, help="points in the batch (default 8)")
    p.add_argument("--regularization", choices=("none", "l1", "l2"), default="none")
    p.add_argument("--reg-rate", type=finite_float, default=0.0, metavar="RATE")
    p.add_argument("--example", action="store_true", help="check the worked 2-2-2 example instead")
    p.add_argument("--max-params", type=positive_int, metavar="N", help="check a random sample of N parameters")
    p.add_argument("--show", type=int, default=10, metavar="K", help="list the K worst parameters (default 10)")
    p.add_argument("--broken", type=fault_name, metavar="FAULT",
                   help="check a deliberately broken backward (a lesson): activation_derivative (hidden deltas "
                   "without f'(net)), pre_activation (dW from the net input instead of the output) or "
                   "bias_gradient (db from the first sample only)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run)


def run(args) -> int:
    import numpy as np

    from bpviz.engine.broken_backward import FAULTS, broken_gradients, changed_parameters, name_ranges
    from bpviz.engine.gradcheck import AGREE as TOLERANCE  # the verdict's threshold, shared with the page
    from bpviz.engine.gradcheck import gradcheck
    from bpviz.engine.naming import NetworkNames
    from bpviz.engine.presets import ExampleParams, worked_example
    from bpviz.training import Trainer

    if args.example:
        p = ExampleParams()
        net, X, Y, what = worked_example(p), p.inputs, p.targets, "the worked 2-2-2 example"
    else:
        trainer = Trainer(make_config(args, regularization=args.regularization, reg_rate=args.reg_rate))
        net = trainer.network
        X, Y = trainer._X[: args.batch], trainer._Y[: args.batch]
        if len(X) < args.batch:
            raise UsageError(f"the training set has only {len(X)} points; use --batch {len(X)} or more --samples")
        what = f"a {'-'.join(map(str, net.sizes))} {net.hidden.name} network ({net.loss.name}) on {len(X)} points"
    fault = FAULTS[args.broken] if args.broken else None
    with np.errstate(all="ignore"):  # a loss out of range is refused below in words, not warned about
        analytic = broken_gradients(net, X, Y, fault) if fault else None
        result = gradcheck(net, X, Y, max_params=args.max_params, seed=args.seed if not args.example else 0,
                           analytic=analytic)
    refuse_unrepresentable(result, args)
    worst = sorted(result.checks, key=lambda c: (c.counted_error, c.kink, c.abs_error), reverse=True)
    mismatched = [c.name for c in worst if c.counted_error >= TOLERANCE]
    order = list(NetworkNames(net.sizes, net.shared_biases).params)
    changed = changed_parameters(net, X, Y, fault) if fault else []
    unchanged = [n for n in order if n not in set(changed)]
    if args.json:
        print(json.dumps({
            "passed": bool(result.passed(TOLERANCE)),
            "max_rel_error": float(result.max_rel_error),
            "worst": result.worst.name if result.max_rel_error > 0 else None,
            "mismatched": mismatched,
            "checked": len(result.checks),
            "parameters": result.n_parameters,
            "kinks": result.n_kinks,
            "fault": None if fault is None else {
                "name": fault.name, "title": fault.title, "explanation": fault.explanation,
                "changed": changed, "unchanged": unchanged},
            "checks": [{"name": c.name, "analytic": c.analytic, "numeric": c.numeric, "rel_error": c.rel_error,
                        "within_noise": c.within_noise, "kink": c.kink} for c in result.checks],
        }, indent=2))
        return 0
    print(f"Gradient check of {what}: {len(result.checks)} of {result.n_parameters} parameters")
    if fault:
        print(f"BROKEN BACKWARD ({fault.name}, for the lesson): {fault.explanation}")
    print(f"{'parameter':<12}{'backprop':>18}{'numerical':>18}{'difference':>12}{'rel. error':>12}")
    for c in worst[: max(args.show, 0)]:
        flag = "  kink (ReLU/L1): not comparable" if c.kink else "  (within rounding)" if c.within_noise else ""
        print(f"{c.name:<12}{c.analytic:>18.10g}{c.numeric:>18.10g}{c.abs_error:>12.1e}{c.rel_error:>12.1e}{flag}")
    kinks = f" ({result.n_kinks} at kinks, not counted)" if result.n_kinks else ""
    if result.max_rel_error > 0:
        print(f"largest relative error: {result.max_rel_error:.2e} at {result.worst.name}{kinks}")
    else:
        largest = max((c.abs_error for c in result.smooth), default=0.0)
        print(f"largest relative error: below measurement: every difference is within the rounding error of the "
              f"finite difference (largest {largest:.1e}){kinks}")
    if result.passed(TOLERANCE):
        print("backprop agrees with central differences")
    else:
        print("MISMATCH: backprop and central differences disagree: check the backward pass")
        named = ", ".join(mismatched[:_WORST_NAMED]) + (f" (and {len(mismatched) - _WORST_NAMED} more)"
                                                          if len(mismatched) > _WORST_NAMED else "")
        print(f"{len(mismatched)} of {len(result.checks)} parameters disagree; worst: {named}")
    if fault:
        if changed:
            print(f"the fault changes the gradients of {name_ranges(changed, order)}")
            if unchanged:
                print(f"untouched, so they still pass: {name_ranges(unchanged, order)}. {fault.still_right}")
        else:
            print(f"the fault changes no gradient of this network on this batch. {fault.invisible_when}")
    return 0


def refuse_unrepresentable(result, args) -> None:
    """A UsageError when a gradient, its central difference or their difference is not a finite float64 (a
    regularization rate of 1e308 makes the loss overflow): a check of such numbers shows nothing."""
    for c in result.checks:
        if not all(math.isfinite(v) for v in (c.analytic, c.numeric, c.abs_error, c.rel_error)):
            hint = f": lower --reg-rate ({args.reg_rate:g} is too large)" if getattr(args, "reg_rate", 0) else ""
            raise UsageError(f"the loss overflows a float64 with these settings, so the gradient of {c.name} "
                             f"cannot be checked{hint}")
