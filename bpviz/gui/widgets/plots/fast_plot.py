"""A pyqtgraph PlotWidget whose painting runs no Python.

pyqtgraph's GraphicsView overrides ``paintEvent`` in Python (to emit ``prepareForPaint`` first). With a Python
override, Qt's whole C++ rendering of the plot runs inside that Python call and holds the GIL: measured here,
a Python thread ran at 12 % of its speed while such a view repainted, and at 95 % with the native paintEvent.
The training thread is such a thread. So the native paintEvent is restored, and ``prepareForPaint`` (pending
auto-range and view-matrix updates of the view boxes) runs from an event filter, just before each paint.

The axes paint from a pixmap cache of their own: their Python paint (tick text played from a QPicture, ~2 ms an
axis) runs only when their range or size changes, not at every repaint of the window (a page switch repainted
the nine trajectory plots' axes in ~130 ms).

Its view box keeps the view where it is when a zoom or pan would take it beyond float64 (``SafeViewBox``).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

import pyqtgraph as pg

from bpviz.gui import palette
from bpviz.gui.i18n import translate


def restyle_axes(item, names=("left", "bottom")) -> None:
    """Give a plot item's axes the palette's colours now (lines neutral, ticks and titles muted): at build time
    and again when an export from a dark window draws light (bpviz.gui.theme)."""
    for name in names:
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(palette.NEUTRAL))
        axis.setTextPen(pg.mkPen(palette.MUTED))
        axis.setLabel(axis.labelText, color=palette.MUTED)


class SafeViewBox(pg.ViewBox):
    """A ViewBox that ignores a range beyond float64. Dragging an axis of a plot showing a diverged run's values
    (or its log) scales the view past 1.8e308: pyqtgraph raises "Cannot set range [-inf, -inf]" from inside its
    mouse handling (a warning with a traceback, and the drag does nothing)."""

    def setRange(self, rect=None, xRange=None, yRange=None, *args, **kwargs):  # noqa: N802 (pyqtgraph's name)
        bounds = [] if rect is None else [rect.left(), rect.right(), rect.top(), rect.bottom()]
        for span in (xRange, yRange):
            if span is not None:
                bounds += list(span)
        if not all(math.isfinite(float(b)) for b in bounds):
            return
        try:
            super().setRange(rect, xRange, yRange, *args, **kwargs)
        except Exception as exc:  # finite bounds whose padding or width overflows: pyqtgraph's own refusal
            if not str(exc).startswith("Cannot set range"):
                raise


class _PrepareForPaint(QObject):
    def __init__(self, view: FastPlotWidget):
        super().__init__(view)
        self._view = view

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Paint:
            self._view.scene().prepareForPaint()  # what pyqtgraph's paintEvent does first
        return False


class FastPlotWidget(pg.PlotWidget):
    """``prepare_on_paint=False`` for a plot whose view never changes by itself (no auto range, no mouse):
    the deferred view updates then run after a resize only, and its paints call no Python at all."""

    paintEvent = QGraphicsView.paintEvent  # native: the rendering runs without the GIL

    def __init__(self, *args, prepare_on_paint: bool = True, **kwargs):
        kwargs.setdefault("viewBox", SafeViewBox())
        super().__init__(*args, **kwargs)
        self.setAccessibleName(translate("FastPlotWidget", "Plot"))  # the views name theirs (Loss curve, ...)
        for axis in self.getPlotItem().axes.values():
            axis["item"].setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        if prepare_on_paint:
            self._prepare = _PrepareForPaint(self)
            self.viewport().installEventFilter(self._prepare)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.scene().prepareForPaint()
