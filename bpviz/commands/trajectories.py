"""``bpviz trajectories``: seed 001's single neuron trained by batch, mini-batch and stochastic gradient descent
from the same initial weights; how w1, w2, w3, b, their gradients and the loss move.

Plain output: per mode the samples per step, the number of steps and the final w1, w2, w3, b and loss; then w1
and the loss at the end of a few epochs, side by side.

``--json`` prints one object::

    {"config": {"epochs", "lr", "batch_size", "n_samples", "seed", "activation"},
     "initial": {"w1", "w2", "w3", "b"},               # the start shared by the three modes
     "modes": {"batch" | "mini-batch" | "stochastic": {
         "samples_per_step": int,
         "steps": [0, 1, ..., S],                        # entry k = the state after step k (0: the start)
         "epoch": [...],                                 # samples used so far / training-set size
         "w1": [...], "w2": [...], "w3": [...], "b": [...],
         "grad_w1": [null, ...], ..., "grad_b": [null, ...],   # the gradient step k applied (none at 0)
         "loss": [...],                                  # ½(a − y)² averaged over the WHOLE training set
         "diverged_at_step": null | int}}}               # the first step whose result was not finite

Every list of a mode has S + 1 entries.
"""

from __future__ import annotations

import json

from bpviz.commands.args import UsageError, learning_rate, non_negative_int, positive_int

CHECKPOINTS = (0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)


def add_parser(sub) -> None:
    from bpviz.engine.trajectories import NEURON_ACTIVATIONS, NeuronRunConfig

    d = NeuronRunConfig()
    p = sub.add_parser(
        "trajectories", help="one neuron trained by batch, mini-batch and stochastic gradient descent",
        description="Seed 001's neuron (3 inputs; the target is the first input) trained three ways from the "
        "same initial weights: all samples per step (batch), --batch-size samples per step (mini-batch), one "
        "sample per step (stochastic). Prints where w1, w2, w3, b and the loss end up.")
    p.add_argument("--epochs", type=positive_int, default=d.epochs,
                   help=f"passes over the training set (default {d.epochs})")
    p.add_argument("--lr", type=learning_rate, default=d.lr, help=f"learning rate (default {d.lr:g})")
    p.add_argument("--batch-size", type=positive_int, default=d.batch_size, metavar="B",
                   help=f"samples per step of the mini-batch mode (default {d.batch_size})")
    p.add_argument("--samples", type=positive_int, default=d.n_samples, metavar="N",
                   help=f"training samples (default {d.n_samples})")
    p.add_argument("--seed", type=non_negative_int, default=d.seed,
                   help=f"seed of the data, the initial weights and the sample order (default {d.seed})")
    p.add_argument("--activation", choices=NEURON_ACTIVATIONS, default=d.activation,
                   help=f"the neuron's activation (default {d.activation}: the article's neuron has none)")
    p.add_argument("--json", action="store_true", help="print every step of the three runs as one JSON object")
    p.set_defaults(run=run)


def run(args) -> int:
    from bpviz.engine.trajectories import NeuronRunConfig, run_neuron_modes

    try:
        config = NeuronRunConfig(epochs=args.epochs, lr=args.lr, batch_size=args.batch_size,
                                 n_samples=args.samples, seed=args.seed, activation=args.activation)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    result = run_neuron_modes(config)
    if args.json:
        out = {
            "config": {"epochs": config.epochs, "lr": config.lr, "batch_size": config.batch_size,
                       "n_samples": config.n_samples, "seed": config.seed, "activation": config.activation},
            "initial": dict(zip(("w1", "w2", "w3", "b"), result.initial.tolist())),
            "modes": {mode: traj.to_dict() for mode, traj in result.runs.items()},
        }
        print(json.dumps(out, allow_nan=False))
    else:
        print(render(result))
    return 0


def _num(value: float, width: int) -> str:
    return f"{value:>{width}.5g}" if abs(value) >= 1e-4 or value == 0 else f"{value:>{width}.2e}"


def render(result) -> str:
    """The plain-text report: the set-up, the final values per mode, w1 and the loss at a few epochs."""
    from bpviz.engine.trajectories import MODES, NEURON_PARAMS

    c = result.config
    start = "  ".join(f"{n} = {v:.5g}" for n, v in zip(NEURON_PARAMS, result.initial))
    lines = [
        f"Single neuron (seed 001): a = {c.activation}(w1·x1 + w2·x2 + w3·x3 + b), target y = x1",
        f"loss ½(a − y)² averaged over the {c.n_samples} training sample{'s' if c.n_samples != 1 else ''}; learning rate {c.lr:g}; {c.epochs} "
        f"epochs; seed {c.seed}",
        f"same start for every mode: {start}",
        "",
        f"{'mode':<12}{'samples/step':>13}{'steps':>9}" + "".join(f"{n:>12}" for n in (*NEURON_PARAMS, "loss")),
    ]
    for mode in MODES:
        t = result[mode]
        f = t.final
        lines.append(f"{mode:<12}{t.samples_per_step:>13}{t.steps[-1]:>9,}"
                     + "".join(_num(f[n], 12) for n in (*NEURON_PARAMS, "loss")))
        if t.diverged_at is not None:
            lines.append(f"{'':<12}diverged at step {t.diverged_at:,}: the values above are the last finite "
                         "ones (lower the learning rate)")
    epochs = sorted({e for e in CHECKPOINTS if e <= c.epochs} | {c.epochs})
    lines += ["", "w1 and the loss (whole training set) at the end of these epochs:",
              f"{'epoch':>7}" + "".join(f"{m + ' w1':>16}{'loss':>11}" for m in MODES)]
    for e in epochs:
        row = f"{e:>7}"
        for mode in MODES:
            t = result[mode]
            k = e * c.steps_per_epoch(mode)
            if k < len(t.steps):
                row += _num(t.params[k, 0], 16) + _num(t.loss[k], 11)
            else:
                row += f"{'—':>16}{'—':>11}"
        lines.append(row)
    return "\n".join(lines)
