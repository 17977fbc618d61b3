"""``bpviz explain``: every step of one backprop pass of a playground network on one point, as text or JSON.

The network and data are those of ``bpviz train`` (the same options and defaults), with its initial weights, or
the playground network saved in a session (``--session FILE.bpviz``: its settings, data and weights). The point is
a training point (``--point INDEX``, default 0) or any point (``--x X1,X2 --target T``); its inputs are the
network's features of the point.

``--json`` prints one object: ``{"network": {"sizes": [...], "weights": [W1, ...], "biases": [b1, ...]}, "x":
[...], "target": [...], "loss": L, "gradients": {"weights": [dW1, ...], "biases": [db1, ...]}, "steps":
[{"name", "formula", "numbers", "value"}, ...]}``: each W is a list of rows, (inputs of the layer) × (outputs);
``x`` is the input row after the features are computed; the loss and gradients are those of this one sample
(with the regularisation term when it is on). A pass that overflows float64 is refused in words (exit status 2).
"""

from __future__ import annotations

import json
import shutil

from bpviz.commands.args import (
    UsageError,
    add_network_arguments,
    finite_float,
    learning_rate,
    make_config,
    non_negative_int,
    number_list,
    path_name,
)


def add_parser(sub) -> None:
    p = sub.add_parser("explain", help="every step of one pass of a playground network on one point",
                       description="One backprop pass of a network of the playground on one point, step by step: "
                       "each neuron's net input and output, the loss, each δ and gradient, each updated weight.")
    add_network_arguments(p)
    p.add_argument("--lr", type=learning_rate, default=None, help="learning rate of the update step (default "
                   "0.03, or the session's)")
    p.add_argument("--regularization", choices=("none", "l1", "l2"), default="none")
    p.add_argument("--reg-rate", type=finite_float, default=0.0, metavar="RATE", help="regularization rate")
    p.add_argument("--point", type=non_negative_int, default=None, metavar="INDEX",
                   help="the training point to explain (default 0, the first)")
    p.add_argument("--x", default=None, metavar="X1,X2", help="a point of the plane instead of a training point")
    p.add_argument("--target", type=finite_float, default=None, metavar="T",
                   help="with --x: its class (0 red, 1 blue) or, on a regression data set, its value")
    p.add_argument("--session", type=path_name, default=None, metavar="FILE",
                   help="explain the playground network saved in this session file (its settings and weights)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the steps as text")
    p.set_defaults(run=run)


def _network_and_config(args):
    """The network to explain and its TrainConfig: the session's, or the options' with the seed's weights."""
    if args.session is None:
        config = make_config(args, lr=args.lr if args.lr is not None else 0.03,
                             regularization=args.regularization, reg_rate=args.reg_rate)
        return config.make_network(), config
    from dataclasses import replace

    from bpviz.session import SessionError, load_session

    try:
        state = load_session(args.session).playground
    except SessionError as exc:
        raise UsageError(str(exc)) from None
    if state is None:
        raise UsageError(f"{args.session}: the session has no playground network to explain")
    config = state.config
    if args.lr is not None:
        config = replace(config, lr=args.lr)
    if args.regularization != "none" or args.reg_rate:
        try:
            config = replace(config, regularization=args.regularization, reg_rate=args.reg_rate)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    net = config.make_network()
    net.weights, net.biases = state.weights, state.biases
    return net, config


def _sample(args, config):
    """(inputs after the features, targets, words naming the point)."""
    import numpy as np

    from bpviz.engine.features import make_features
    from bpviz.training.trainer import targets_for

    if args.x is not None:
        if args.point is not None:
            raise UsageError("give either --point or --x, not both")
        if args.target is None:
            raise UsageError("--x needs --target (the point's class, 0 or 1, or its value on a regression data set)")
        point = number_list(args.x, "--x")
        if len(point) != 2:
            raise UsageError(f"--x needs two numbers, the point's x1 and x2; got {len(point)}")
        k = config.n_classes
        if not config.is_regression and args.target not in tuple(float(c) for c in range(k)):
            classes = "0 (red) or 1 (blue)" if k == 2 else f"0 to {k - 1}"
            raise UsageError(f"--target must be a class, {classes}, got {args.target:g}")
        X = np.array([point])
        y = np.array([args.target])
        where = f"the point ({point[0]:g}, {point[1]:g}) with target {args.target:g}"
        points = config.dataset.points
        if points is not None and points.rescaled:  # a file's coordinates: into the view, as its points were
            X = points.to_view(X)
            where += f" (in the file's coordinates; in the view ({X[0, 0]:.4g}, {X[0, 1]:.4g}))"
    else:
        if args.target is not None:
            raise UsageError("--target goes with --x (a training point has its own)")
        try:
            data = config.dataset.make()
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        index = 0 if args.point is None else args.point
        if index >= len(data.X_train):
            raise UsageError(f"--point {index} is out of range: the training set has {len(data.X_train)} points "
                             f"(0 to {len(data.X_train) - 1})")
        X, y = data.X_train[index : index + 1], data.y_train[index : index + 1]
        where = f"training point {index} ({X[0, 0]:.4g}, {X[0, 1]:.4g}), target {y[0]:g}"
    return make_features(X, config.features)[0], targets_for(config.loss, y, config.n_classes)[0], where


def run(args) -> int:
    import numpy as np

    from bpviz.engine.explain import explain_record
    from bpviz.engine.trace import trace_pass
    from bpviz.reports import trace_text

    net, config = _network_and_config(args)
    x, t, where = _sample(args, config)
    with np.errstate(all="ignore"):  # a number out of range is found below and said in words, not warned about
        trace = trace_pass(net, x, t, config.lr)
        _refuse_overflow(trace)
        if args.json:
            print(json.dumps(explain_record(net, x, t, config.lr), indent=2, ensure_ascii=False))
            return 0
    arch = "-".join(map(str, net.sizes))
    reg = f", {config.regularization.upper()} λ = {config.reg_rate:g}" if config.reg_rate else ""
    source = f"the session {args.session}" if args.session else f"seed {config.seed}'s initial weights"
    width = max(72, min(shutil.get_terminal_size((100, 24)).columns, 160))
    print(f"{config.dataset.name}: {arch} network, {config.activation} hidden, {net.output.name} output, "
          f"{config.loss}{reg}, learning rate η = {config.lr:g}; {source}")
    print(f"One pass on {where}; inputs {', '.join(f'{f} = {v:.6g}' for f, v in zip(config.features, x))}")
    print("\n".join(trace_text(trace, width)))
    return 0


def _refuse_overflow(trace) -> None:
    """A UsageError naming the first step whose value is not a finite float64 (a network with huge weights)."""
    import numpy as np

    bad = next((s for s in trace.steps if not np.isfinite(s.values if s.values else s.value).all()), None)
    if bad is not None:
        raise UsageError(f"{bad.symbol} = {bad.numbers[:80]} is not a finite float64 (overflow): the network's "
                         "weights or the point are too large for this pass")
