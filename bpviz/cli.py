"""The ``bpviz`` command: builds the parser and dispatches to the window (the default) or to a headless lesson.

Nothing else lives here: each subcommand is a module of ``bpviz.commands`` and the argument converters and
``UsageError`` are in ``bpviz.commands.args`` (re-exported here for scripts that import them from ``bpviz.cli``).
Every error a user can cause is one line on stderr and exit status 2, never a traceback. Qt is imported only
when the window opens, so the headless commands start fast and run without a display.
"""

from __future__ import annotations

import argparse
import os
import sys

from bpviz import __version__
from bpviz.commands.args import LANGUAGES, PAGES, THEMES, UsageError

__all__ = ["COMMANDS", "PAGES", "UsageError", "build_parser", "main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse prints usage + message; we want one line
        raise UsageError(f"{message} (see {self.prog} --help)")


# Sub-commands after `gui`, in --help order; each module of bpviz.commands has add_parser(sub) and run(args).
COMMANDS = ("example", "explain", "train", "gradcheck", "graph", "warmup", "trajectories", "landscape")


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
    gui.add_argument("--lang", choices=LANGUAGES,
                     help="the window's language (default: as chosen under View > Language, else the system's)")
    gui.add_argument("--theme", choices=THEMES,
                     help="the window's colour scheme (default: as chosen under View > Theme, else the system's)")
    gui.set_defaults(run=_run_gui)
    for name in COMMANDS:
        importlib.import_module(f"bpviz.commands.{name}").add_parser(sub)
    return parser


def _run_gui(args) -> int:
    from bpviz.gui.app import run

    return run(getattr(args, "session", None), page=getattr(args, "page", None), lang=getattr(args, "lang", None),
               theme=getattr(args, "theme", None))


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
