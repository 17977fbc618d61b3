"""An earlier run's loss curves in the playground's loss plot: faded, under the current run's, one hue per run.

Drawn once when a run is kept (never per frame): each curve thinned to EARLIER_POINTS (the low and high of each
bin: bpviz.gui.widgets.plots.envelope) and drawn 1 px wide, so ten earlier runs cost the plot's repaint ~2 ms.
"""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import Qt

import pyqtgraph as pg

from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.widgets.plots.envelope import envelope
from bpviz.training.history import HistoryArrays

#: earlier runs' hues are palette.EARLIER_COLORS, one per colour slot of bpviz.models.runs (MAX_COLORS): none is
#: the current run's black (light text) or blue; drawn faded (EARLIER_ALPHA)
EARLIER_ALPHA = 0.35
EARLIER_POINTS = 600  # points drawn of each earlier curve, at most
# The parts of an automatic run name (bpviz.models.runs.differences: Qt-free, English), in the window's language.
_NAME_FORMS = tuple((re.compile(pattern), form) for pattern, form in (
    (r"(\d+) classes", QT_TRANSLATE_NOOP("RunsTable", "{0} classes")),
    (r"(\d+) points", QT_TRANSLATE_NOOP("RunsTable", "{0} points")),
    (r"noise (\S+)", QT_TRANSLATE_NOOP("RunsTable", "noise {0}")),
    (r"train (\S+) %", QT_TRANSLATE_NOOP("RunsTable", "train {0} %")),
    (r"data seed (\d+)", QT_TRANSLATE_NOOP("RunsTable", "data seed {0}")),
    (r"inputs (.+)", QT_TRANSLATE_NOOP("RunsTable", "inputs {0}")),
    (r"lr (\S+)", QT_TRANSLATE_NOOP("RunsTable", "lr {0}")),
    (r"batch (\d+)", QT_TRANSLATE_NOOP("RunsTable", "batch {0}")),
    (r"seed (\d+)", QT_TRANSLATE_NOOP("RunsTable", "seed {0}")),
    (r"run (\d+)", QT_TRANSLATE_NOOP("RunsTable", "run {0}")),
    (r"same settings \(run (\d+)\)", QT_TRANSLATE_NOOP("RunsTable", "same settings (run {0})")),
))
_NAME_WORDS = (QT_TRANSLATE_NOOP("RunsTable", "drawn points"), QT_TRANSLATE_NOOP("RunsTable", "other points"),
               QT_TRANSLATE_NOOP("RunsTable", "full batch"), QT_TRANSLATE_NOOP("RunsTable", "no regularization"),
               QT_TRANSLATE_NOOP("RunsTable", "no hidden layer"), QT_TRANSLATE_NOOP("RunsTable", "cross-entropy"),
               QT_TRANSLATE_NOOP("RunsTable", "squared error"), QT_TRANSLATE_NOOP("RunsTable", "softmax cross-entropy"),
               QT_TRANSLATE_NOOP("RunsTable", "plane"), QT_TRANSLATE_NOOP("RunsTable", "multi gaussian"),
               QT_TRANSLATE_NOOP("RunsTable", "relu"))


def _name_part(part: str) -> str:
    for pattern, form in _NAME_FORMS:
        if m := pattern.fullmatch(part):
            return translate("RunsTable", form).format(*m.groups())
    if part in _NAME_WORDS:
        return translate("RunsTable", part)
    return translate("Dataset", part)  # a data set's name (circle, xor, …; linear is the activation too)


def run_name(run) -> str:
    """The name a run is shown by (bpviz.models.runs.EarlierRun): the user's as typed, an automatic one in the
    window's language."""
    return run.name if run.user_name is not None else auto_name_text(run.auto_name)


def auto_name_text(name: str) -> str:
    """An automatic run name ("circle, 4,4 → no hidden layer, lr 0.1") in the window's language."""
    parts = [" → ".join(_name_part(side) for side in part.split(" → ")) for part in name.split(", ")]
    return translate("RunsTable", ", ").join(parts)


def earlier_color(slot: int) -> str:
    """The hue of an earlier run's colour slot."""
    return palette.EARLIER_COLORS[int(slot) % len(palette.EARLIER_COLORS)]


class EarlierCurves:
    """An earlier run's faded train (solid) and test (dashed) curves in the plot, and its legend entry's line."""

    def __init__(self, item, history: HistoryArrays, slot: int, unit: str):
        self.history, self.slot = history, slot
        self.reduced = (_reduce(history.train), _reduce(history.test))
        color = pg.mkColor(earlier_color(slot))
        color.setAlphaF(EARLIER_ALPHA)
        # thin lines: wide or antialiased ones cost several times more to paint, at every repaint of the plot
        self.curves = (pg.PlotDataItem(pen=pg.mkPen(color, width=1)),
                       pg.PlotDataItem(pen=pg.mkPen(color, width=1, style=Qt.DashLine)))
        for curve in self.curves:
            curve.setZValue(-10)  # under the current run's curves
            item.addItem(curve)  # takes the plot's log mode
        self.sample = pg.PlotDataItem(pen=pg.mkPen(earlier_color(slot), width=2))  # the key unfaded: readable
        self.show(unit)

    def restyle(self) -> None:
        """Take the palette's colours again (bpviz.gui.theme)."""
        color = pg.mkColor(earlier_color(self.slot))
        color.setAlphaF(EARLIER_ALPHA)
        self.curves[0].setPen(pg.mkPen(color, width=1))
        self.curves[1].setPen(pg.mkPen(color, width=1, style=Qt.DashLine))
        self.sample.setPen(pg.mkPen(earlier_color(self.slot), width=2))

    def show(self, unit: str) -> None:
        x = self.history.steps if unit == "steps" else self.history.epochs
        for curve, (keep, y) in zip(self.curves, self.reduced):
            if np.isfinite(y).any():
                curve.setData(x[keep], y)
            else:
                curve.setData([], [])


def _reduce(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The entries of an earlier run's curve worth drawing (indices, values): a background line needs no more than
    about two points a pixel, and the few thousand entries of long runs, ten of them, would slow every repaint."""
    keep, values = envelope(np.arange(len(y)), y, EARLIER_POINTS)
    return keep, values
