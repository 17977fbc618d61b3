"""``bpviz gradcheck``: backprop against central differences on a network and a batch of points."""

from __future__ import annotations

import json

from bpviz.cli import UsageError, finite_float, positive_int
from bpviz.commands.train import add_network_arguments, make_config


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
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run)


def run(args) -> int:
    from bpviz.engine.gradcheck import gradcheck
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
    result = gradcheck(net, X, Y, max_params=args.max_params, seed=args.seed if not args.example else 0)
    worst = sorted(result.checks, key=lambda c: (c.counted_error, c.kink, c.abs_error), reverse=True)
    if args.json:
        print(json.dumps({
            "max_rel_error": result.max_rel_error,
            "checked": len(result.checks),
            "parameters": result.n_parameters,
            "kinks": result.n_kinks,
            "checks": [{"name": c.name, "analytic": c.analytic, "numeric": c.numeric, "rel_error": c.rel_error,
                        "within_noise": c.within_noise, "kink": c.kink} for c in result.checks],
        }, indent=2))
        return 0
    print(f"Gradient check of {what}: {len(result.checks)} of {result.n_parameters} parameters")
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
    print("backprop agrees with central differences" if result.passed()
          else "MISMATCH: backprop and central differences disagree: check the backward pass")
    return 0
