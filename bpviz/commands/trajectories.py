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
            "initial": dict(zip(("w1", "w2", "w3", "b"), result.initial.tolist(), strict=True)),
            "modes": {mode: traj.to_dict() for mode, traj in result.runs.items()},
        }
        print(json.dumps(out, allow_nan=False))
    else:
        print(render(result))
    return 0


def _num(value: float) -> str:
    return f"{value:.5g}" if abs(value) >= 1e-4 or value == 0 else f"{value:.2e}"


def render(result) -> str:
    """The plain-text report: the set-up, the final values per mode, w1 and the loss at a few epochs. The columns
    widen for long numbers (a diverging run reaches 1e+300) so that they never run into each other."""
    from bpviz.engine.trajectories import MODES, NEURON_PARAMS
    from bpviz.reports import text_table

    c = result.config
    start = "  ".join(f"{n} = {v:.5g}" for n, v in zip(NEURON_PARAMS, result.initial, strict=True))
    lines = [
        f"Single neuron (seed 001): a = {c.activation}(w1·x1 + w2·x2 + w3·x3 + b), target y = x1",
        f"loss ½(a − y)² averaged over the {c.n_samples} training sample{'s' if c.n_samples != 1 else ''}; "
        f"learning rate {c.lr:g}; {c.epochs} epochs; seed {c.seed}",
        f"same start for every mode: {start}",
        "",
    ]
    values = (*NEURON_PARAMS, "loss")
    rows = [(mode, result[mode].samples_per_step, f"{result[mode].steps[-1]:,}",
             *(_num(result[mode].final[n]) for n in values)) for mode in MODES]
    header, *table = text_table(("mode", "samples/step", "steps", *values), rows, "<>>" + ">" * len(values),
                                (12, 13, 9) + (12,) * len(values))
    lines.append(header)
    for mode, row in zip(MODES, table, strict=True):
        lines.append(row)
        if result[mode].diverged_at is not None:
            lines.append(f"{'':<12}diverged at step {result[mode].diverged_at:,}: the values above are the last "
                         "finite ones (lower the learning rate)")
    epochs = sorted({e for e in CHECKPOINTS if e <= c.epochs} | {c.epochs})
    rows = []
    for e in epochs:
        row = [str(e)]
        for mode in MODES:
            t, k = result[mode], e * c.steps_per_epoch(mode)
            row += [_num(t.params[k, 0]), _num(t.loss[k])] if k < len(t.steps) else ["—", "—"]
        rows.append(row)
    header = ["epoch", *(name for m in MODES for name in (f"{m} w1", "loss"))]
    lines += ["", "w1 and the loss (whole training set) at the end of these epochs:",
              *text_table(header, rows, ">" * len(header), (7,) + (16, 11) * len(MODES))]
    return "\n".join(lines)
