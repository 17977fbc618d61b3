"""``bpviz train``: headless training on a 2-D dataset with a progress bar.

Classification data sets (circle, xor, gaussian, spiral, linear, moons; spiral and gaussian in ``--classes K``
of 2 to 6) report loss and accuracy; regression data sets (plane, multi_gaussian: a value in [-1, 1] per point)
train one linear output neuron on the squared error ``half_sse`` and report the loss only. ``--data FILE.csv``
trains on the points of a file instead (bpviz.datafile: classes or values; ``--noise``, ``--test-ratio`` and
``--seed`` apply as to a set drawn in the window). ``--loss`` defaults to ``bce`` for two classes,
``softmax_ce`` for three or more and ``half_sse`` for regression; a loss that does not fit the data is a usage
error (exit status 2).

``--json`` prints one object:
``{"problem": "classification" | "regression", "classes": int | null (K; null for regression), "epochs": int,
"steps": int, "seconds": float, "diverged": bool, "train_loss": float, "test_loss": float | null,
"train_accuracy": float | null, "test_accuracy": float | null, "exported": [PATH, ...] (only with --export)}``;
accuracies are fractions 0..1 and are left out for regression
(accuracy means nothing there); a figure that does not exist (no test set) is null.
"""

from __future__ import annotations

import json
import math
import sys
import time

from bpviz.commands.args import (
    UsageError,
    add_network_arguments,
    finite_float,
    learning_rate,
    make_config,
    pass_count,
    path_name,
)


def add_parser(sub) -> None:
    p = sub.add_parser("train", help="train a network on a 2-D dataset, without a window",
                       description="Train a network on points of 2 to 6 classes and report loss and accuracy, "
                       "or on points with values (regression: plane, multi_gaussian) and report the loss. The "
                       "points are generated (--dataset) or read from a CSV file (--data).")
    add_network_arguments(p)
    p.add_argument("--lr", type=learning_rate, default=0.03, help="learning rate (default 0.03)")
    p.add_argument("--batch-size", type=int, default=10, metavar="N",
                   help="samples per step: 1 = stochastic, 0 = the whole training set (default 10)")
    p.add_argument("--epochs", type=pass_count, default=200,
                   help="passes over the training set (default 200, at most 1,000,000)")
    p.add_argument("--regularization", choices=("none", "l1", "l2"), default="none")
    p.add_argument("--reg-rate", type=finite_float, default=0.0, metavar="RATE", help="regularization rate")
    p.add_argument("--json", action="store_true", help="print the final figures as JSON")
    p.add_argument("--export", type=path_name, metavar="DIR",
                   help="write the loss history (CSV), the loss curve, decision region and "
                   "network (PNG and SVG) and the session (.bpviz) into DIR")
    p.add_argument("--code", type=path_name, metavar="FILE.py",
                   help="also write this run as a standalone NumPy script (the data, the starting weights, the "
                   "same batches and training loop): `python FILE.py` prints the same loss after each epoch")
    p.add_argument("--torch", action="store_true",
                   help="with --code: write the script for PyTorch instead (same data, weights and batches)")
    p.set_defaults(run=run)


def run(args) -> int:
    import numpy as np

    from bpviz.training import Trainer

    config = make_config(args, lr=args.lr, batch_size=args.batch_size,
                         regularization=args.regularization, reg_rate=args.reg_rate)
    trainer = Trainer(config)
    if args.torch and not args.code:
        raise UsageError("--torch goes with --code FILE.py (the script to write)")
    if args.code:
        write_code(args.code, config, trainer, args.epochs, torch=args.torch)
    bar = ProgressBar(args.epochs, enabled=sys.stderr.isatty() and not args.json)
    started = time.perf_counter()
    with np.errstate(all="ignore"):  # a diverging run is said in words below, not warned about by NumPy
        for _ in range(args.epochs):
            trainer.run_epochs(1)
            if trainer.diverged:
                break
            bar.update(trainer.epoch, trainer.history.last_train)
        bar.close()
        elapsed = time.perf_counter() - started
        m = trainer.evaluate()
    regression = config.is_regression
    if regression:  # accuracy means nothing for a value to predict
        m = {k: v for k, v in m.items() if not k.endswith("_accuracy")}
    result = {"problem": "regression" if regression else "classification",
              "classes": None if regression else config.n_classes, "epochs": trainer.epoch,
              "steps": trainer.step_count, "seconds": round(elapsed, 3), "diverged": trainer.diverged,
              **{k: v if math.isfinite(v) else None for k, v in m.items()}}
    if args.export:
        from bpviz.commands.export import export_training

        result["exported"] = [str(p) for p in export_training(trainer, args.export)]
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        arch = "-".join(map(str, config.sizes))
        output = f"{config.output} output, " if regression else ""
        print(f"{data_words(config.dataset, args.data)}, {arch} {config.activation} net, {output}{config.loss}, "
              f"learning rate {config.lr:g}, batch size {trainer.effective_batch_size}")
        if config.dataset.is_custom and config.dataset.points.rescaled:
            print(config.dataset.points.rescaling_text())
        if trainer.diverged:
            print(f"training diverged (the loss stopped being a finite number) after epoch {trainer.epoch}: "
                  "lower the learning rate; figures below are of the last finite state")
        print(final_figures(m))
        print(f"{trainer.epoch} epochs, {trainer.step_count} steps in {elapsed:.2f} s")
        if args.export:
            print(f"exported {len(result['exported'])} files to {args.export}")
    return 0


def write_code(path: str, config, trainer, epochs: int, torch: bool) -> None:
    """The run as a script, from the starting weights of the seed, which the trainer begins with."""
    from bpviz.files import FileError
    from bpviz.script import write_training_script

    try:
        write_training_script(path, config, epochs, data=trainer.data, torch=torch)
    except FileError as exc:
        raise UsageError(str(exc)) from None
    except ValueError as exc:  # e.g. no training points
        raise UsageError(f"cannot write {path}: {exc}") from None


def data_words(spec, path: str | None) -> str:
    """``spiral, 3 classes``, ``plane (regression)``, ``iris.csv: 150 points, 3 classes (setosa, …)``."""
    from bpviz.engine.checks import show_names

    name = f"{path}: {len(spec.points):,} points" if path is not None else spec.name
    if spec.is_regression:
        return f"{name} (regression)"
    classes = f"{name}, {spec.n_classes} classes"
    if spec.is_custom and spec.class_names != tuple(map(str, range(spec.n_classes))):
        classes += f" ({show_names(spec.class_names, spec.n_classes)})"
    return classes


def final_figures(m: dict) -> str:
    """Losses, then accuracies when there are any (not for regression); "none" for a figure without a test set.
    A loss is readable at any size (``0.2984``, ``3.01e+296``)."""
    from bpviz.reports import readable

    def shown(key: str, percent: bool = False) -> str:
        v = m[key]
        if not math.isfinite(v):
            return "none (no test set)"
        return f"{100 * v:.1f} %" if percent else readable(v, 4)

    text = f"train loss {shown('train_loss')}   test loss {shown('test_loss')}"
    if "train_accuracy" in m:
        text += (f"   train accuracy {shown('train_accuracy', True)}   "
                 f"test accuracy {shown('test_accuracy', True)}")
    return text


class ProgressBar:
    """A one-line progress bar on stderr (only on a terminal)."""

    def __init__(self, total: int, enabled: bool, width: int = 30):
        self.total, self.enabled, self.width = total, enabled, width
        self._last = 0.0

    def update(self, done: int, loss: float) -> None:
        from bpviz.reports import readable

        now = time.perf_counter()
        if not self.enabled or (now - self._last < 0.1 and done < self.total):
            return
        self._last = now
        filled = round(self.width * done / self.total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{self.total} epochs"
                         f"  train loss {readable(loss, 4)}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()
