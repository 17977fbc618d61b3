"""The ``bpviz`` command: the window by default, and the headless lessons (example, train, gradcheck).

Every error a user can cause is one line on stderr and exit status 2, never a traceback. Qt is imported only
when the window opens, so the headless commands start fast and run without a display.
"""

from __future__ import annotations

import argparse
import os
import sys

from bpviz import __version__


class UsageError(Exception):
    """A mistake in what the user asked for: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse prints usage + message; we want one line
        raise UsageError(f"{message} (see {self.prog} --help)")


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


def non_negative_int(text: str) -> int:
    """Seeds and the like: 0, 1, 2, ..."""
    return _whole_number(text, 0, "0 or more")


def finite_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
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


# The window's pages, as `bpviz gui --page NAME` names them (MainWindow.show_page).
PAGES = ("example", "playground", "graph", "warmup", "gradcheck", "trajectories")

# Sub-commands after `gui`, in --help order; each module of bpviz.commands has add_parser(sub) and run(args).
COMMANDS = ("example", "train", "gradcheck", "graph", "warmup", "trajectories")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = _Parser(prog="bpviz", description="See and learn backpropagation.")
    parser.add_argument("--version", action="version", version=f"bpviz {__version__}")
    parser.add_argument("--self-check", action="store_true",
                        help="check this installation without a display (window, worked example, training, export)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.add_argument("session", nargs="?", help="a session file (.bpviz) to open")
    gui.add_argument("--page", choices=PAGES, help="the page to show first (default: the one shown last)")
    gui.set_defaults(run=_run_gui)
    for name in COMMANDS:
        importlib.import_module(f"bpviz.commands.{name}").add_parser(sub)
    return parser


def _run_gui(args) -> int:
    from bpviz.gui.app import run

    return run(getattr(args, "session", None), page=getattr(args, "page", None))


def main(argv: list[str] | None = None) -> int:
    # One BLAS thread: more would fight the GUI thread and the training worker for two cores (DESIGN.md).
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0].endswith(".bpviz"):  # `bpviz FILE.bpviz`, as a desktop file association runs it
        argv = ["gui", *argv]
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.self_check:
            from bpviz.gui.self_check import run as self_check

            return self_check()
        run = getattr(args, "run", _run_gui)
        code = run(args) or 0
        sys.stdout.flush()  # a reader that went away shows here, where it is caught, not at interpreter exit
        return code
    except UsageError as exc:
        print(f"bpviz: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bpviz: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `bpviz example | head`: stop quietly; what is still buffered goes nowhere
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
