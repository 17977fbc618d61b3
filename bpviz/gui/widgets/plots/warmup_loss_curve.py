"""The warm-up run's loss against the iteration, on a log scale (it falls by ten orders of magnitude in 500
iterations: on a linear axis everything after iteration 20 is a flat line at zero).

It draws the losses it is given (the page's model keeps them: bpviz.models.warmup). Only finite, positive losses
can sit on a log axis: the others (a diverged run) are not drawn.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QVBoxLayout, QWidget

import pyqtgraph as pg

from bpviz.gui import palette
from bpviz.gui.widgets.plots.fast_plot import FastPlotWidget, restyle_axes


class WarmupLossCurve(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._drawn = 0  # how many losses the curve shows
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = FastPlotWidget(background=palette.BACKGROUND)
        self.plot.setObjectName("warmup_loss_curve")
        self.plot.setToolTip(self.tr("The loss printed at each iteration (log scale). Wheel or drag to zoom; the "
                                     "small 'A' button (bottom left) fits the whole run again"))
        self.plot.setMinimumHeight(140)
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.setLogMode(False, True)
        item.setLabel("left", self.tr("loss (log scale)"))
        item.setLabel("bottom", self.tr("iteration t"))
        item.showGrid(x=False, y=True, alpha=0.15)
        for name in ("left", "bottom"):
            item.getAxis(name).enableAutoSIPrefix(False)
        item.getViewBox().setMouseEnabled(x=True, y=False)
        item.getViewBox().setAutoVisible(y=True)
        self.curve = item.plot()
        self.last_point = item.plot(pen=None, symbol="o", symbolSize=7)
        layout.addWidget(self.plot)
        self.restyle()
        self.clear()

    def restyle(self) -> None:
        """Take the palette's colours (bpviz.gui.theme: an export from a dark window is drawn light)."""
        self.plot.setBackground(palette.BACKGROUND)
        restyle_axes(self.plot.getPlotItem())
        self.curve.setPen(pg.mkPen(palette.TEXT, width=1.6))
        self.last_point.setSymbolBrush(palette.POSITIVE)
        self.last_point.setSymbolPen(pg.mkPen(palette.POSITIVE))

    def clear(self, iterations: int = 500) -> None:
        """No losses; the empty axes span the run to come (iterations, and 10⁻⁸..10⁸ on the log axis)."""
        self._drawn = 0
        self.curve.setData([], [])
        self.last_point.setData([], [])
        item = self.plot.getPlotItem()
        item.setXRange(0, max(iterations, 1), padding=0.04)
        item.setYRange(-8, 8, padding=0)  # log10 units

    def set_losses(self, losses: np.ndarray) -> None:
        """Draw ``losses`` (index = iteration)."""
        y = np.asarray(losses, dtype=np.float64)
        if self._drawn == 0 and len(y):
            self.plot.getPlotItem().enableAutoRange()  # the first losses: follow the data from now on
        self._drawn = len(y)
        keep = np.isfinite(y) & (y > 0)
        x = np.flatnonzero(keep)
        self.curve.setData(x, y[keep])
        if len(x):
            self.last_point.setData(x[-1:], y[keep][-1:])
        else:
            self.last_point.setData([], [])
