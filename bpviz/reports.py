"""Tables a teacher takes away: the loss history and one backprop pass as CSV, the pass as a Markdown table; and
the two rules for every number the command line prints in a sentence or a table (``readable``, ``text_table``).

Plain text only (no Qt, no files): the window's File > Export and the CLI write what these return through
``bpviz.files.write_text``. A diverged run makes numbers of any size: in fixed point a result would then be
hundreds of characters long, and in a column of fixed width it would run into its neighbour; neither is used.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping, Sequence

from bpviz.engine.step import display_name, vector_text
from bpviz.engine.trace import Trace

LOSS_HEADER = ("epoch", "step", "train_loss", "test_loss")
TRACE_HEADER = ("index", "phase", "name", "symbol", "formula", "numbers", "value")
PHASE_TITLES = {"forward": "Forward pass", "error": "Error", "backward": "Backward pass",
                "batch": "The batch: mean of the samples' gradients", "update": "Update", "given": "Given"}


def _number(value) -> str:
    """Full precision (the shortest text that reads back as the same float); '' for NaN."""
    v = float(value)
    return "" if math.isnan(v) else repr(v)


def _csv(rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()


def loss_history_csv(epochs, steps, train, test) -> str:
    """The loss history as CSV: ``epoch,step,train_loss,test_loss``, one row per entry kept.

    An entry holds the losses at the end of its epoch (epoch 0: before training); a long run keeps every
    k-th epoch only (bpviz.training.history). Losses at full precision; a NaN loss (no test set) is an empty field.
    """
    epochs, steps, train, test = list(epochs), list(steps), list(train), list(test)
    if not len(epochs) == len(steps) == len(train) == len(test):
        raise ValueError(f"epochs, steps, train and test must have the same length, got {len(epochs)}, "
                         f"{len(steps)}, {len(train)}, {len(test)}")
    rows = [LOSS_HEADER]
    for e, s, a, b in zip(epochs, steps, train, test, strict=True):
        rows.append((int(e), int(s), _number(a), _number(b)))
    return _csv(rows)


def trace_csv(trace: Trace, params: Mapping[str, float] | None = None) -> str:
    """One pass as CSV: ``index,phase,name,symbol,formula,numbers,value``, one row per step.

    ``index`` counts the steps from 1 (as the stepper's "Step k of n"); ``name`` is the engine's name
    (``dE/dw5``), ``symbol`` the one shown (``∂E/∂w5``); ``value`` at full precision. ``params`` (name -> value,
    e.g. ``ExampleParams().to_dict()``: the starting weights, inputs, targets and η) come first as rows of phase
    ``given`` with an empty index.
    """
    rows = [TRACE_HEADER]
    for name, value in (params or {}).items():
        try:
            text = _number(value)
        except (TypeError, ValueError):  # a setting such as the loss's name: as it is
            text = str(value)
        rows.append(("", "given", name, display_name(str(name)), "", "", text))
    for i, step in enumerate(trace.steps, start=1):
        value = "[" + " ".join(_number(v) for v in step.values) + "]" if step.values else _number(step.value)
        rows.append((i, step.phase, step.name, step.symbol, step.formula, step.numbers, value))
    return _csv(rows)


def readable(value: float, decimals: int = 4) -> str:
    """A result for people: fixed point with ``decimals`` places while that shows the number (``0.2984``;
    ``0.0000351085`` with 10), else scientific with 3 significant digits (``3.01e+296``, ``1.2e-09``): never
    longer than about 20 characters. A value that is not finite is said in words (``not finite``); callers say
    that a run diverged in a sentence of their own."""
    v = float(value)
    if not math.isfinite(v):
        return "not finite"
    if v == 0 or 10.0 ** -decimals <= abs(v) < 1e6:
        return f"{v:.{decimals}f}"
    return f"{v:.3g}"


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str,
               min_widths: Sequence[int] = (), indent: str = "") -> list[str]:
    """The lines of a plain-text table, the header first. Column k is ``min_widths[k]`` wide, or one character
    wider than its widest cell, whichever is more, so that no cell ever touches its neighbour, however long its
    number. ``align`` holds one ``<`` (left) or ``>`` (right) per column."""
    if len(align) != len(header):
        raise ValueError(f"align needs one '<' or '>' per column: {len(header)} columns, got {align!r}")
    table = [[str(cell) for cell in header], *([str(cell) for cell in row] for row in rows)]
    widths = [max([min_widths[k] if k < len(min_widths) else 0] + [len(r[k]) + 1 for r in table])
              for k in range(len(header))]
    return [(indent + "".join(f"{cell:{a}{w}}" for cell, a, w in zip(r, align, widths, strict=True))).rstrip()
            for r in table]


def _cell(text) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, on one line."""
    return " ".join(str(text).split()).replace("\\", "\\\\").replace("|", "\\|")


def _value(v: float) -> str:
    return f"{v:.9g}" if math.isfinite(v) else str(v)


def trace_markdown(trace: Trace, title: str | None = None) -> str:
    """One pass as a Markdown table (``# | Phase | Quantity | Formula | With numbers | Value``), one row per
    step, values to 9 significant digits. Columns are padded so that the table reads in plain text too."""
    header = ("#", "Phase", "Quantity", "Formula", "With numbers", "Value")
    rows = [
        (str(i), PHASE_TITLES.get(s.phase, s.phase), s.symbol, s.formula, s.numbers,
         vector_text(s.values) if s.values else _value(s.value))
        for i, s in enumerate(trace.steps, start=1)
    ]
    rows = [tuple(_cell(c) for c in row) for row in rows]
    widths = [max(len(h), *(len(r[c]) for r in rows)) if rows else len(h) for c, h in enumerate(header)]
    right = {0, 5}  # numbers right-aligned

    def line(cells) -> str:
        return "| " + " | ".join(c.rjust(w) if k in right else c.ljust(w)
                                 for k, (c, w) in enumerate(zip(cells, widths, strict=True))) + " |"

    sep = "| " + " | ".join(("-" * (w - 1) + ":") if k in right else "-" * w
                            for k, w in enumerate(widths)) + " |"
    out = []
    if title:
        out += [f"# {_cell(title)}", ""]
    out.append(f"One backpropagation pass, {len(trace.steps)} steps, learning rate η = {_value(trace.lr)}.")
    out.append("")
    out.append(line(header))
    out.append(sep)
    out += [line(r) for r in rows]
    return "\n".join(out) + "\n"


__all__ = ["LOSS_HEADER", "TRACE_HEADER", "loss_history_csv", "readable", "text_table", "trace_csv",
           "trace_markdown"]


def trace_text(trace: Trace, width: int = 100) -> list[str]:
    """A pass as the command line prints it: phase titles, then two lines per step, the formula, then the numbers
    put in and the value (9 significant digits) at the right edge of ``width`` columns."""
    name_w = max(len(s.symbol) for s in trace.steps) + 2
    lines, phase = [], None
    for s in trace.steps:
        if s.phase != phase:
            phase = s.phase
            title = PHASE_TITLES.get(phase, phase)
            lines += ["", title, "-" * len(title)]
        if s.values:
            value = vector_text(s.values)
        else:
            value = readable(s.value, 9) if not math.isfinite(s.value) or abs(s.value) >= 1e15 else f"{s.value:.9g}"
        lines.append(f"  {s.symbol:<{name_w}}= {s.formula}")
        numbers = f"  {'':<{name_w}}= {s.numbers}"
        pad = max(2, width - len(numbers) - len(value))
        lines.append(numbers + " " * pad + value)
    return lines
