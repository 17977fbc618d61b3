"""A QLabel that shows a picture drawn by Python only when its content or size changes: its repaints (next to
views that change 30 times a second) then run no Python at all."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QLabel


class PixmapLabel(QLabel):
    #: what the picture is drawn on (Qt.transparent or a colour)
    background = QColor(0, 0, 0, 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._render()

    def _render(self) -> None:
        """Draw the picture again (call it when what it shows changes), sharp at the screen's pixel ratio."""
        w, h = self.width(), self.height()
        if w <= 0 or h <= 0:
            return
        dpr = self.devicePixelRatioF()
        pixmap = QPixmap(int(w * dpr), int(h * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(self.background)
        p = QPainter(pixmap)
        p.setFont(self.font())
        self._draw(p, w, h)
        p.end()
        self.setPixmap(pixmap)

    def _draw(self, p: QPainter, width: int, height: int) -> None:  # pragma: no cover - every label draws
        raise NotImplementedError
