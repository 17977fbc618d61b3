"""Drawing the data on the output panel: a click adds a point, a right-click (or Ctrl+click) removes the nearest,
Shift+drag brushes a small cloud.

An event filter on the decision plot's viewport, active only while drawing is switched on (then the plot's own
right-click menu waits). It turns mouse events into positions on the plane and asks for edits in words of the
plane (``addRequested(points)``, ``removeRequested(x1, x2)``): what a point's class or value is, and the point set
itself, belong to the page's owner of the data. Clicks outside the plane (on the axes) do nothing.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, Signal

from bpviz.engine.datasets import DOMAIN

BRUSH_POINTS = 4  # points of one dab of the brush
BRUSH_SPREAD = 0.06  # their spread (standard deviation) on the plane, about the size of a point
BRUSH_STEP = 0.08  # a new dab each time the pointer has moved this far on the plane
REMOVE_RADIUS = 0.25  # a right-click removes the nearest point within this distance on the plane


class PointEditor(QObject):
    addRequested = Signal(object)  # (m, 2) array of positions on the plane
    removeRequested = Signal(float, float)  # the nearest point to here, within REMOVE_RADIUS

    def __init__(self, plot, seed: int = 0):
        """``plot``: a DecisionPlot (its ``plot`` widget's viewport is watched, ``data_position`` maps)."""
        super().__init__(plot)
        self.decision = plot
        self.active = False
        self._rng = np.random.default_rng(seed)
        self._brushing = False
        self._last_dab: np.ndarray | None = None
        view = plot.plot
        self._viewport = view.viewport()  # kept: while the window is torn down its plot may be gone before this
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)

    def set_active(self, on: bool) -> None:
        self.active = bool(on)
        self._brushing = False
        cursor = Qt.CrossCursor if self.active else Qt.ArrowCursor
        self._viewport.setCursor(cursor)

    # ------------------------------------------------------------------ events
    def eventFilter(self, watched, event) -> bool:
        if not self.active:
            return False
        kind = event.type()
        if kind == QEvent.ContextMenu:
            return True  # while drawing, a right-click removes a point: no menu
        if watched is not self._viewport:
            return False
        if kind in (QEvent.MouseButtonPress, QEvent.MouseButtonDblClick):
            return self._press(event)
        if kind == QEvent.MouseMove and self._brushing:
            self._brush_to(self._plane_position(event))
            return True
        if kind == QEvent.MouseButtonRelease:
            self._brushing = False
            return True
        return False

    def _press(self, event) -> bool:
        where = self._plane_position(event)
        if where is None:
            return True  # on the axes: nothing to draw there, and nothing for the plot either
        button, mods = event.button(), event.modifiers()
        if button == Qt.RightButton or (button == Qt.LeftButton and mods & Qt.ControlModifier):
            self.removeRequested.emit(float(where[0]), float(where[1]))
        elif button == Qt.LeftButton and mods & Qt.ShiftModifier:
            self._brushing = True
            self._last_dab = None
            self._brush_to(where)
        elif button == Qt.LeftButton:
            self.addRequested.emit(where.reshape(1, 2))
        return True

    def _plane_position(self, event) -> np.ndarray | None:
        x, y = self.decision.data_position(event.position().toPoint())
        low, high = DOMAIN
        if not (low <= x <= high and low <= y <= high):
            return None
        return np.array([x, y])

    def _brush_to(self, where: np.ndarray | None) -> None:
        if where is None:
            return
        if self._last_dab is not None and np.hypot(*(where - self._last_dab)) < BRUSH_STEP:
            return
        self._last_dab = where
        cloud = where + self._rng.standard_normal((BRUSH_POINTS, 2)) * BRUSH_SPREAD
        self.addRequested.emit(np.clip(cloud, *DOMAIN))
