"""Zoom and pan for the computation graph's view: the wheel zooms about the cursor (as the app's plots do),
dragging the background pans, + / − zoom about the centre and 0 (or the Fit button in the corner) fits the graph
again. Until the user zooms, the view fits the graph whenever it is shown or resized, never smaller than keeps
8 px text readable: a larger graph is then panned. The wheel may zoom out further, to the whole graph.
``keep_in_view`` scrolls a rectangle (the current step's node) to the centre without changing the zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsView, QToolButton

from bpviz.gui.i18n import translate

SMALLEST_TEXT_PX = 12.0  # the drawing's smallest font (the captions)
READABLE_SCALE = 8.0 / SMALLEST_TEXT_PX  # the least zoom the view chooses by itself: 8 px text
FIT_MAX_SCALE = 1.6  # a small graph is not blown up beyond this
USER_MAX_SCALE = 4.0
WHEEL_STEP = 1.0015  # zoom factor per 1/8 degree of the wheel: 1.2 per notch
KEY_STEP = 1.25


class ZoomableView(QGraphicsView):
    """A QGraphicsView with the zoom and pan described above; subclasses call ``fit`` after a new scene."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.NoAnchor)  # zoom_by keeps the point under the pointer
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setFocusPolicy(Qt.StrongFocus)
        self.user_zoomed = False
        self.fit_button = QToolButton(self)
        self.fit_button.setObjectName("graph_fit_button")
        self.fit_button.setText(translate("ZoomableView", "Fit"))
        self.fit_button.setToolTip(translate("ZoomableView", "Fit the graph to the view (0). The wheel zooms about "
                                                             "the pointer, + and − zoom, dragging the background "
                                                             "pans"))
        self.fit_button.setAutoRaise(False)
        self.fit_button.setCursor(Qt.ArrowCursor)
        self.fit_button.clicked.connect(self.fit_again)

    # ------------------------------------------------------------------ scales
    @property
    def scale_factor(self) -> float:
        return self.transform().m11()

    def whole_scale(self) -> float:
        """The zoom at which the whole scene fits the viewport."""
        rect, viewport = self.sceneRect(), self.viewport().rect()
        if rect.isEmpty():
            return 1.0
        return max(1e-3, min((viewport.width() - 8) / rect.width(), (viewport.height() - 8) / rect.height()))

    def fit_scale(self) -> float:
        """What ``fit`` chooses: the whole scene, but no text under 8 px and nothing blown up beyond 1.6."""
        return max(READABLE_SCALE, min(FIT_MAX_SCALE, self.whole_scale()))

    def _zoom_limits(self) -> tuple[float, float]:
        return min(READABLE_SCALE, self.whole_scale()), USER_MAX_SCALE

    # ------------------------------------------------------------------ actions
    def fit(self) -> None:
        """Zoom to ``fit_scale`` (the whole graph if 8 px text allows), centred; unless the user has zoomed."""
        if self.user_zoomed or self.sceneRect().isEmpty():
            return
        s = self.fit_scale()
        self.setTransform(QTransform.fromScale(s, s))
        self.centerOn(self.sceneRect().center())

    def fit_again(self) -> None:
        """Forget the user's zoom and fit (the Fit button, the 0 key)."""
        self.user_zoomed = False
        self.fit()
        self.after_fit()

    def after_fit(self) -> None:
        """Hook: what a subclass keeps in view after a fit (the current step's node)."""

    def zoom_by(self, factor: float, about: QPointF | None = None) -> None:
        """Zoom by ``factor`` (clamped) keeping the scene point under ``about`` (viewport pixels; default the
        centre) where it is; the user has zoomed."""
        low, high = self._zoom_limits()
        current = self.scale_factor
        target = max(low, min(high, current * factor))
        if abs(target - current) < 1e-9:
            return
        self.user_zoomed = True
        centre = QPointF(self.viewport().rect().center())
        about = centre if about is None else QPointF(about)
        fixed = self.mapToScene(about.toPoint())
        self.setTransform(QTransform.fromScale(target, target))
        self.centerOn(fixed + (centre - about) / target)

    def keep_in_view(self, rect: QRectF, margin: float = 12.0) -> bool:
        """Centre the view on ``rect`` (scene coordinates) if it is not all visible; the zoom stays. True if
        the view moved."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if visible.contains(rect.adjusted(-margin, -margin, margin, margin)) or visible.isEmpty():
            return False
        self.centerOn(rect.center())
        return True

    # ------------------------------------------------------------------ events
    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if delta:
            self.zoom_by(WHEEL_STEP ** delta, event.position())
        event.accept()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key_Plus, Qt.Key_Equal):
            self.zoom_by(KEY_STEP)
        elif key in (Qt.Key_Minus, Qt.Key_Underscore):
            self.zoom_by(1 / KEY_STEP)
        elif key == Qt.Key_0:
            self.fit_again()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_fit_button()
        if not self.user_zoomed:
            self.fit()
            self.after_fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._place_fit_button()

    def event(self, event) -> bool:
        if event.type() == QEvent.LayoutRequest:
            self._place_fit_button()
        return super().event(event)

    def _place_fit_button(self) -> None:
        button = self.fit_button
        button.adjustSize()
        frame = self.frameWidth()
        button.move(self.width() - button.width() - frame - 6 - (self.verticalScrollBar().width()
                                                                 if self.verticalScrollBar().isVisible() else 0),
                    frame + 6)
        button.raise_()
