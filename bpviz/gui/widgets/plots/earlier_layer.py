"""The earlier runs drawn in the loss plot, as a set: which runs, in which order, under which names in its legend.

bpviz.gui.widgets.plots.earlier_runs draws one run (``EarlierCurves``); this keeps the set in step with the runs the
page gives (bpviz.models.runs). It is told only when runs are kept, removed, renamed or pinned, never per frame, and
redoes only what changed: a rename changes labels, a run still shown keeps its curves (making them costs a few ms).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np

from bpviz.gui.widgets.plots.earlier_runs import EarlierCurves, run_name

MAX_LEGEND_CHARS = 24
EARLIER_LEGEND_SIZE = "8pt"


class EarlierLayer:
    """The earlier runs' faded curves under the current run's in ``item`` (a PlotItem), each with an entry of its
    name in ``legend`` (after the current run's)."""

    def __init__(self, item, legend):
        self._item, self._legend = item, legend
        self.runs: list = []  # the earlier runs drawn: (history, name, slot)
        self.items: list = []  # their curves (train, test per run), in that order
        self._drawn: dict = {}  # (id of its history, colour slot) -> EarlierCurves

    def set_runs(self, runs: Sequence, unit: str) -> None:
        """Draw these runs (each with ``history``, ``name`` and ``slot``, as bpviz.models.runs.EarlierRun) against
        ``unit`` ("steps" or "epochs"), in this order in the legend."""
        wanted = [(r.history, run_name(r) if hasattr(r, "auto_name") else r.name, int(r.slot)) for r in runs]
        if [(id(h), s) for h, _n, s in wanted] == [(id(h), s) for h, _n, s in self.runs]:
            if [n for _h, n, _s in wanted] != self.names():  # renamed only: new labels, same curves
                self.runs = wanted
                for (_h, name, _s), drawn in zip(wanted, self._in_order()):
                    self._legend.getLabel(drawn.sample).setText(html.escape(_short(name)), size=EARLIER_LEGEND_SIZE)
            return
        # Curves of runs still shown stay (making one costs a few ms); the legend's entries are put in order again.
        for drawn in self._drawn.values():
            self._legend.removeItem(drawn.sample)
        keys = [(id(h), s) for h, _n, s in wanted]
        for key in [k for k in self._drawn if k not in keys]:
            for curve in self._drawn.pop(key).curves:
                self._item.removeItem(curve)
        self.runs = wanted
        for (history, name, slot), key in zip(wanted, keys):
            if key not in self._drawn:
                self._drawn[key] = EarlierCurves(self._item, history, slot, unit)
            sample = self._drawn[key].sample
            self._legend.addItem(sample, html.escape(_short(name)))
            self._legend.getLabel(sample).setText(html.escape(_short(name)), size=EARLIER_LEGEND_SIZE)
        self.items = [c for drawn in self._in_order() for c in drawn.curves]
        self._legend.setColumnCount(2 if len(wanted) >= 2 else 1)  # fewer rows: the plot may be short

    def _in_order(self) -> list:
        return [self._drawn[(id(h), s)] for h, _n, s in self.runs]

    def names(self) -> list[str]:
        """The names of the runs drawn, in legend order."""
        return [name for _h, name, _s in self.runs]

    def curve_data(self, i: int, unit: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(x in ``unit``, train, test) of the i-th run drawn."""
        h = self.runs[i][0]
        return (h.steps if unit == "steps" else h.epochs).copy(), h.train.copy(), h.test.copy()

    def drawn(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """(x, train loss) as drawn for the i-th run: every entry of a short history; of a long one, the lowest and
        highest of each of a few hundred runs of entries (bpviz.gui.widgets.plots.envelope)."""
        return self.items[2 * i].getOriginalDataset()

    def show(self, unit: str) -> None:
        """Draw the runs against ``unit`` ("steps" or "epochs")."""
        for drawn in self._drawn.values():
            drawn.show(unit)

    def label_style(self, sample) -> dict:
        """How the legend writes the label of its entry ``sample``: the earlier runs' smaller."""
        earlier = {id(drawn.sample) for drawn in self._drawn.values()}
        return {"size": EARLIER_LEGEND_SIZE} if id(getattr(sample, "item", None)) in earlier else {}

    def restyle(self) -> None:
        """Take the palette's colours again (bpviz.gui.theme)."""
        for drawn in self._drawn.values():
            drawn.restyle()


def _short(name: str) -> str:
    return name if len(name) <= MAX_LEGEND_CHARS else name[: MAX_LEGEND_CHARS - 1] + "…"
