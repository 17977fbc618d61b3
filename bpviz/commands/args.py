"""What the commands share about their arguments: the error they raise, the converters argparse calls, and the
data-and-network options of ``train``, ``explain`` and ``gradcheck`` (a generated set or ``--data FILE.csv``).

One module so that every command reads the same words for the same mistake, and so that commands never import
``bpviz.cli`` (which imports them): the parser is built in ``cli``, the arguments are understood here. A
converter raises ``argparse.ArgumentTypeError`` (argparse names the option); code that runs after parsing
raises ``UsageError``. Both end as one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import math


class UsageError(Exception):
    """A mistake in what the user asked for: reported as one line, exit status 2."""


# The window's pages, as `bpviz gui --page NAME` names them (MainWindow.show_page).
PAGES = ("example", "playground", "graph", "warmup", "gradcheck", "trajectories", "landscape")
# The window's languages, as `bpviz gui --lang LANG` names them (bpviz.gui.i18n.LANGUAGES).
LANGUAGES = ("en", "zh_CN")
# The window's colour schemes, as `bpviz gui --theme NAME` names them (bpviz.gui.theme.THEMES).
THEMES = ("light", "dark")

MAX_PASSES = 1_000_000  # --iterations, --epochs: a million passes of the worked example take about a minute

DATASET_HELP = ("classification: circle, xor, gaussian, spiral, linear or moons; regression: plane or "
                "multi_gaussian")


# ---------------------------------------------------------------------------------------------------- converters
def _whole_number(text: str, low: int, wanted: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < low:
        raise argparse.ArgumentTypeError(f"must be {wanted}, got {value}")
    return value


def positive_int(text: str) -> int:
    return _whole_number(text, 1, "at least 1")


def pass_count(text: str) -> int:
    """Passes, iterations or epochs of a headless run: 1 to MAX_PASSES (a typo of many digits must not ask for
    a run of years or an array of terabytes)."""
    value = positive_int(text)
    if value > MAX_PASSES:
        raise argparse.ArgumentTypeError(f"must be at most {MAX_PASSES:,}")
    return value


def non_negative_int(text: str) -> int:
    """Seeds and the like: 0, 1, 2, ..."""
    return _whole_number(text, 0, "0 or more")


def finite_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}")
    return value


def learning_rate(text: str) -> float:
    value = finite_float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"the learning rate must be > 0, got {text}")
    return value


def layer_widths(text: str) -> tuple[int, ...]:
    """``8,8`` → (8, 8); an empty string or ``none`` → no hidden layer."""
    if text.strip().lower() in ("", "none"):
        return ()
    try:
        widths = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a comma-separated list of layer widths (e.g. 8,8)") from None
    if any(w < 1 for w in widths):
        raise argparse.ArgumentTypeError(f"every layer needs at least 1 neuron, got {text!r}")
    return widths


def feature_list(text: str) -> tuple[str, ...]:
    """``x1,x2,x1*x2`` → ('x1', 'x2', 'x1*x2'); the names are checked with the rest of the network."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


def warmup_sizes(text: str) -> tuple[int, int, int, int]:
    """``64,1000,100,10`` → (64, 1000, 100, 10); their ranges are checked by WarmupSizes."""
    parts = text.split(",")
    try:
        sizes = tuple(int(p) for p in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected N,D_in,H,D_out as four whole numbers, got {text!r}") from None
    if len(sizes) != 4:
        raise argparse.ArgumentTypeError(f"expected four sizes N,D_in,H,D_out, got {len(sizes)} in {text!r}")
    return sizes


def path_name(text: str) -> str:
    """A file or folder name as typed; refused only when no file system can hold it (a NUL character), the rest
    is for the operating system to judge when the file is opened."""
    if "\x00" in text:
        raise argparse.ArgumentTypeError("a file or folder name cannot hold a NUL character")
    return text


def fault_name(text: str) -> str:
    """A broken backward of bpviz.engine.broken_backward, by name."""
    from bpviz.engine.broken_backward import FAULT_NAMES, get_fault

    try:
        return get_fault(text).name
    except (ValueError, AttributeError):
        raise argparse.ArgumentTypeError(f"unknown fault {text!r} (choose from {', '.join(FAULT_NAMES)})") from None


def number_list(text: str, option: str) -> list[float]:
    """``0.3,2.9,4.0`` (or with semicolons) → [0.3, 2.9, 4.0]; a UsageError naming ``option`` otherwise."""
    parts = [p.strip() for p in text.replace(";", ",").split(",")]
    try:
        return [finite_float(p) for p in parts]
    except argparse.ArgumentTypeError:
        raise UsageError(f"{option} {text!r} is not a comma-separated list of numbers (e.g. 0.3,2.9,4.0)") from None


# ------------------------------------------------------------------------------------------- train, explain, gradcheck
def class_count(text: str) -> int:
    """--classes K: 2 to 6 (bpviz.engine.points.MIN_CLASSES, MAX_CLASSES)."""
    from bpviz.engine.points import MAX_CLASSES, MIN_CLASSES

    value = _whole_number(text, MIN_CLASSES, f"from {MIN_CLASSES} to {MAX_CLASSES}")
    if value > MAX_CLASSES:
        raise argparse.ArgumentTypeError(f"must be from {MIN_CLASSES} to {MAX_CLASSES}, got {value}")
    return value


def add_network_arguments(p) -> None:
    """Options shared by train, explain and gradcheck: the data and the network."""
    p.add_argument("--dataset", default=None, help=f"{DATASET_HELP} (default circle)")
    p.add_argument("--data", type=path_name, default=None, metavar="FILE.csv",
                   help="train on the points of a CSV file instead: x1,x2,label (a class number 0..K-1 or a "
                   "name) or x1,x2,value (regression); points beyond ±1.5 are rescaled into the view")
    p.add_argument("--samples", type=positive_int, default=None, help="number of points (default 200)")
    p.add_argument("--classes", type=class_count, default=None, metavar="K",
                   help="number of classes, 2 to 6 (default 2): spiral and gaussian come in more than 2")
    p.add_argument("--noise", type=finite_float, default=0.1, help="0..1 (default 0.1)")
    p.add_argument("--test-ratio", type=finite_float, default=0.5, help="fraction held out for testing (0.5)")
    p.add_argument("--hidden", type=layer_widths, default=(4, 4), metavar="W,W",
                   help="hidden layer widths, e.g. 8,8 ('none' for no hidden layer; default 4,4)")
    p.add_argument("--activation", default="tanh", help="sigmoid, tanh, relu or linear (default tanh)")
    p.add_argument("--loss", default=None, help="bce, half_sse or softmax_ce (default bce for 2 classes, "
                   "softmax_ce for 3 or more); regression data take half_sse only, with a linear output "
                   "(their default)")
    p.add_argument("--seed", type=int, default=1, help="seed of the data, the weights and the batches (1)")
    p.add_argument("--features", type=feature_list, default=("x1", "x2"), metavar="F,F",
                   help="network inputs from each point: x1 x2 x1^2 x2^2 x1*x2 sin(x1) sin(x2) (default x1,x2)")


def dataset_spec(args):
    """The DatasetSpec of the options: a generated set, or the points of ``--data FILE``."""
    from bpviz.engine.datasets import DatasetSpec

    if args.data is not None:
        given = [option for option, value in (("--dataset", args.dataset), ("--samples", args.samples),
                                              ("--classes", args.classes)) if value is not None]
        if given:
            raise UsageError(f"--data takes the points, classes and size of the file: leave out "
                             f"{' and '.join(given)}")
        from bpviz.datafile import read_points
        from bpviz.files import FileError

        try:
            points = read_points(args.data)
        except FileError as exc:
            raise UsageError(str(exc)) from None
        base = DatasetSpec(noise=args.noise, test_ratio=args.test_ratio, seed=args.seed)
        return base.with_points(points)
    return DatasetSpec(name=args.dataset or "circle", n_samples=200 if args.samples is None else args.samples,
                       noise=args.noise, test_ratio=args.test_ratio, seed=args.seed,
                       classes=2 if args.classes is None else args.classes)


def default_loss(spec) -> str:
    """half_sse for values to predict, bce for two classes, softmax_ce for three or more."""
    return "half_sse" if spec.is_regression else "softmax_ce" if spec.n_classes > 2 else "bce"


def make_config(args, **overrides):
    """The TrainConfig of the options added by ``add_network_arguments`` (and ``overrides``)."""
    from bpviz.training import TrainConfig
    from bpviz.training.trainer import CLASSIFICATION_LOSSES

    try:
        spec = dataset_spec(args)
        loss = args.loss if args.loss is not None else default_loss(spec)
        fits = loss == default_loss(spec) or loss not in CLASSIFICATION_LOSSES  # (TrainConfig names unknown ones)
        if args.data is not None and not fits and (spec.is_regression or spec.n_classes > 2):
            holds = "values to predict (regression)" if spec.is_regression else f"{spec.n_classes} classes"
            raise UsageError(f"{args.data} holds {holds}: use --loss {default_loss(spec)}, not {loss}")
        return TrainConfig(dataset=spec, hidden=args.hidden, activation=args.activation, loss=loss,
                           seed=args.seed, features=args.features, **overrides)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
