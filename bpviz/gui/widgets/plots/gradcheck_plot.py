"""log₁₀ of each parameter's relative error as a bar, in network order, with the 1e-7 and 1e-4 lines.

Network order keeps a layer's parameters side by side, so a fault shows as a block: the hidden layers red and
the output layer green when the hidden deltas lose f′(net). The view is fixed (no mouse zoom): it always
spans 1e-16 to 1e+1, the whole range a relative error can take.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt  # before pyqtgraph, which takes the binding already imported

import pyqtgraph as pg

from bpviz.gui import palette
from bpviz.gui.i18n import translate
from bpviz.gui.widgets.plots.fast_plot import FastPlotWidget
from bpviz.models.gradcheck_report import AGREE, BAR_COLORS, DISAGREE, verdict

FLOOR = -16.0  # log10 of the smallest relative error drawn (0 and anything below sit on the floor)
TOP = 1.0
_NAMED_TICKS = 24  # up to this many parameters every bar gets its name


def log_error(rel_error: float) -> float:
    return FLOOR if rel_error <= 0 else max(FLOOR, min(TOP, math.log10(rel_error)))


class GradCheckPlot(FastPlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent, background=palette.BACKGROUND)
        self.setObjectName("gradcheck_plot")
        item = self.getPlotItem()
        item.setMouseEnabled(False, False)
        item.hideButtons()
        item.setMenuEnabled(False)
        item.showGrid(x=False, y=True, alpha=0.15)
        item.setLabel("left", translate("GradCheck", "relative error"))
        left = item.getAxis("left")
        left.setTicks([[(v, f"1e{v:+d}".replace("+", "") if v else "1") for v in range(-16, 1, 4)],
                       [(v, "") for v in range(-16, 2)]])
        left.setWidth(48)
        self.setYRange(FLOOR, TOP, padding=0.02)
        self._brushes = {v: pg.mkBrush(color) for v, color in BAR_COLORS.items()}
        # one shared "no pen" (pyqtgraph 0.14 fails on an empty list of per-bar pens)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, y0=FLOOR, pen=pg.mkPen(None))
        self.addItem(self.bars)
        self.thresholds = {}  # verdict → its line, labelled
        for level, v, text in ((AGREE, "agree", translate("GradCheck", "1e-7: agree below")),
                              (DISAGREE, "disagree", translate("GradCheck", "1e-4: wrong above"))):
            line = pg.InfiniteLine(pos=math.log10(level), angle=0, movable=False,
                                   pen=pg.mkPen(BAR_COLORS[v], width=1.5, style=Qt.DashLine),
                                   label=text, labelOpts={"position": 0.99, "anchors": [(1, 1), (1, 1)]})
            line.setZValue(10)  # the lines and their labels over the bars
            self.addItem(line)
            self.thresholds[v] = line
        self.marker = pg.ScatterPlotItem(size=12, symbol="t")
        self.addItem(self.marker)
        self.separators = []
        self._x: dict[str, int] = {}
        self._heights: dict[str, float] = {}
        self.restyle()

    def restyle(self) -> None:
        """Take the palette's colours (bpviz.gui.theme: an export from a dark window is drawn light)."""
        self.setBackground(palette.BACKGROUND)
        item = self.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setTextPen(palette.TEXT)
            axis.setPen(palette.MUTED)
            axis.setLabel(axis.labelText, color=palette.MUTED)
        backing = pg.mkColor(palette.BACKGROUND)
        backing.setAlpha(225)
        for v, line in self.thresholds.items():
            line.label.fill = pg.mkBrush(backing)
            line.label.setColor(threshold_text_color(v))
            line.label.update()
        self.marker.setPen(pg.mkPen(palette.TEXT))
        self.marker.setBrush(pg.mkBrush(palette.TEXT))
        for line in self.separators:
            line.setPen(pg.mkPen(palette.MUTED, width=1, style=Qt.DotLine))

    def set_checks(self, checks, order: dict[str, int], groups) -> None:
        """``checks`` (ParamChecks) at x = ``order[name]``; ``groups``: (label, first x, last x) of each block
        of parameters (a layer's weights, its biases) for the axis when there are too many names to show."""
        self._x = {c.name: order[c.name] for c in checks}
        x = np.array([order[c.name] for c in checks], dtype=float)
        top = np.array([log_error(c.rel_error) for c in checks])
        self._heights = {c.name: t for c, t in zip(checks, top)}
        brushes = [self._brushes[verdict(c)] for c in checks]
        self.bars.setOpts(x=x, y0=np.full(len(x), FLOOR), height=top - FLOOR, brushes=brushes,
                          width=0.8 if len(checks) < 200 else 1.0)
        self.marker.clear()
        for line in self.separators:
            self.removeItem(line)
        self.separators = []
        bottom = self.getPlotItem().getAxis("bottom")
        n = max(order.values(), default=0) + 1
        if n <= _NAMED_TICKS:
            bottom.setTicks([[(order[name], name) for name in order]])
            bottom.setLabel("")
        else:
            groups = _merge_biases(groups)
            # a label only under a block wide enough to hold it
            bottom.setTicks([[((a + b) / 2, label if b - a + 1 >= 0.03 * n else "") for label, a, b in groups]])
            for _, a, _b in groups[1:]:
                line = pg.InfiniteLine(pos=a - 0.5, angle=90, movable=False,
                                       pen=pg.mkPen(palette.MUTED, width=1, style=Qt.DotLine))
                self.addItem(line)
                self.separators.append(line)
        self.setXRange(-0.6, n - 0.4, padding=0.01)

    def clear_checks(self) -> None:
        self.set_checks([], {}, [])

    def highlight(self, name: str) -> None:
        """A marker above the bar of ``name``."""
        if name in self._x:
            self.marker.setData([self._x[name]], [min(self._heights[name] + 0.9, TOP)])
        else:
            self.marker.clear()

    def bar_heights(self) -> dict[str, float]:
        """log10 relative error of each bar by parameter name (for tests and the export)."""
        return dict(self._heights)


def threshold_text_color(v: str) -> str:
    """The colour of a threshold's words: its bars' colour, or in the dark scheme the palette's green or red
    (the bars' red reads at 2.9:1 on the dark background)."""
    if not palette.is_dark():
        return BAR_COLORS[v]
    return palette.NEW_VALUE if v == "agree" else palette.ERROR_COLOR


def _merge_biases(groups):
    """The per-layer bias blocks as one "biases" block: a layer's biases are too few to label on a big net."""
    weights = [g for g in groups if not g[0].startswith("b")]
    biases = [g for g in groups if g[0].startswith("b")]
    if len(biases) < 2:
        return list(groups)
    return weights + [(translate("GradCheck", "biases"), biases[0][1], biases[-1][2])]
