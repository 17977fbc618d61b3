"""``bpviz train``: headless training on a 2-D dataset with a progress bar."""

from __future__ import annotations

import json
import sys
import time

from bpviz.cli import UsageError, finite_float, layer_widths, learning_rate, positive_int

DATASET_HELP = "circle, xor, gaussian, spiral, linear or moons"


def add_parser(sub) -> None:
    p = sub.add_parser("train", help="train a network on a 2-D dataset, without a window",
                       description="Train a network on red/blue points and report loss and accuracy.")
    add_network_arguments(p)
    p.add_argument("--lr", type=learning_rate, default=0.03, help="learning rate (default 0.03)")
    p.add_argument("--batch-size", type=int, default=10, metavar="N",
                   help="samples per step: 1 = stochastic, 0 = the whole training set (default 10)")
    p.add_argument("--epochs", type=positive_int, default=200, help="passes over the training set (default 200)")
    p.add_argument("--regularization", choices=("none", "l1", "l2"), default="none")
    p.add_argument("--reg-rate", type=finite_float, default=0.0, metavar="RATE", help="regularization rate")
    p.add_argument("--json", action="store_true", help="print the final figures as JSON")
    p.add_argument("--export", metavar="DIR", help="write the loss history (CSV), the loss curve, decision region and "
                   "network (PNG and SVG) and the session (.bpviz) into DIR")
    p.set_defaults(run=run)


def add_network_arguments(p) -> None:
    """Options shared by train and gradcheck: the data and the network."""
    p.add_argument("--dataset", default="circle", help=f"{DATASET_HELP} (default circle)")
    p.add_argument("--samples", type=positive_int, default=200, help="number of points (default 200)")
    p.add_argument("--noise", type=finite_float, default=0.1, help="0..1 (default 0.1)")
    p.add_argument("--test-ratio", type=finite_float, default=0.5, help="fraction held out for testing (0.5)")
    p.add_argument("--hidden", type=layer_widths, default=(4, 4), metavar="W,W",
                   help="hidden layer widths, e.g. 8,8 ('none' for no hidden layer; default 4,4)")
    p.add_argument("--activation", default="tanh", help="sigmoid, tanh, relu or linear (default tanh)")
    p.add_argument("--loss", default="bce", help="bce, half_sse or softmax_ce (default bce)")
    p.add_argument("--seed", type=int, default=1, help="seed of the data, the weights and the batches (1)")
    p.add_argument("--features", type=feature_list, default=("x1", "x2"), metavar="F,F",
                   help="network inputs from each point: x1 x2 x1^2 x2^2 x1*x2 sin(x1) sin(x2) (default x1,x2)")


def feature_list(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def make_config(args, **overrides):
    from bpviz.engine.datasets import DatasetSpec
    from bpviz.training import TrainConfig

    try:
        spec = DatasetSpec(name=args.dataset, n_samples=args.samples, noise=args.noise,
                           test_ratio=args.test_ratio, seed=args.seed)
        return TrainConfig(dataset=spec, hidden=args.hidden, activation=args.activation, loss=args.loss,
                           seed=args.seed, features=args.features, **overrides)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def run(args) -> int:
    from bpviz.training import Trainer

    config = make_config(args, lr=args.lr, batch_size=args.batch_size,
                         regularization=args.regularization, reg_rate=args.reg_rate)
    trainer = Trainer(config)
    bar = ProgressBar(args.epochs, enabled=sys.stderr.isatty() and not args.json)
    started = time.perf_counter()
    for _ in range(args.epochs):
        trainer.run_epochs(1)
        if trainer.diverged:
            break
        bar.update(trainer.epoch, trainer.history.last_train)
    bar.close()
    elapsed = time.perf_counter() - started
    m = trainer.evaluate()
    result = {"epochs": trainer.epoch, "steps": trainer.step_count, "seconds": round(elapsed, 3),
              "diverged": trainer.diverged, **m}
    if args.export:
        from bpviz.commands.export import export_training

        result["exported"] = [str(p) for p in export_training(trainer, args.export)]
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        arch = "-".join(map(str, config.sizes))
        print(f"{config.dataset.name}, {arch} {config.activation} net, {config.loss}, learning rate {config.lr:g}, "
              f"batch size {trainer.effective_batch_size}")
        if trainer.diverged:
            print(f"training diverged (the loss became infinite or NaN) after epoch {trainer.epoch}: "
                  "lower the learning rate; figures below are of the last finite state")
        print(f"train loss {m['train_loss']:.4f}   test loss {m['test_loss']:.4f}   "
              f"train accuracy {100 * m['train_accuracy']:.1f} %   test accuracy {100 * m['test_accuracy']:.1f} %")
        print(f"{trainer.epoch} epochs, {trainer.step_count} steps in {elapsed:.2f} s")
        if args.export:
            print(f"exported {len(result['exported'])} files to {args.export}")
    return 0


class ProgressBar:
    """A one-line progress bar on stderr (only on a terminal)."""

    def __init__(self, total: int, enabled: bool, width: int = 30):
        self.total, self.enabled, self.width = total, enabled, width
        self._last = 0.0

    def update(self, done: int, loss: float) -> None:
        now = time.perf_counter()
        if not self.enabled or (now - self._last < 0.1 and done < self.total):
            return
        self._last = now
        filled = round(self.width * done / self.total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{self.total} epochs"
                         f"  train loss {loss:.4f}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()
