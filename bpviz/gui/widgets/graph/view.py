"""The computation graph drawn left to right: leaves on the left, the output on the right (seeds 002, 004).

The items (nodes, edges with their forward values and gradients, a program's statement boxes, the legend) are
built by :mod:`bpviz.gui.widgets.graph.drawing`. This view shows a step on them: a leaf's gradient once the
backward pass reaches it, an edge's gradient once the step that computes it has been taken; the node of the
current step is highlighted and its input edges drawn thick. It also keeps that node in view, announces the step
to screen readers and tells which node was clicked.

The view draws an ``Evaluation`` (plain data) and a position in its backward steps; it computes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from bpviz.engine.compgraph import Evaluation
from bpviz.gui import palette
from bpviz.gui.i18n import translate
from bpviz.gui.widgets.diagram.items import tint
from bpviz.gui.widgets.graph.drawing import NAME_ROLE, GraphDrawing, exact, fill, short
from bpviz.gui.widgets.graph.layout import OUTPUT_STUB
from bpviz.gui.widgets.graph.zoom import ZoomableView

EDGE_COLOR = "#8d969f"  # reads as a line on white and on the dark background alike (≥ 3:1 on both)


def current_fill() -> QColor:
    """The current step's node: the step's amber mixed into the background."""
    return tint(palette.READ, 0.28)


def partial_gradient() -> QColor:
    """A leaf's gradient while its sum still grows: a paler purple (light), a slightly dimmer one (dark, where a
    paler purple would be darker and fall under 4.5:1 on the leaf)."""
    return tint(palette.GRADIENT, 0.6) if not palette.is_dark() else QColor(palette.mix(palette.GRADIENT, 0.85))


class GraphView(ZoomableView):
    """Draws one Evaluation; ``set_position`` shows the backward pass up to that step."""

    nodeClicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("graph_view")
        self.setAccessibleName(self.tr("Computation graph"))
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setBackgroundBrush(QColor(palette.BACKGROUND))
        self.setAlignment(Qt.AlignCenter)
        self.setMinimumSize(360, 260)
        self._drawing = GraphDrawing(self.scene())
        self.position = -1

    def restyle(self) -> None:
        """Take the palette's colours again (bpviz.gui.theme: an export from a dark window is drawn light): the
        same items, recoloured."""
        self.setBackgroundBrush(QColor(palette.BACKGROUND))
        self._drawing.restyle()
        if self.evaluation is not None:
            self.set_position(self.position)

    # ------------------------------------------------------------------ the drawing
    @property
    def evaluation(self) -> Evaluation | None:
        return self._drawing.evaluation

    @property
    def layout(self):
        """The drawn graph's GraphLayout (None before the first evaluation)."""
        return self._drawing.layout

    def set_evaluation(self, evaluation: Evaluation, position: int = -1) -> None:
        same_graph = self.layout is not None and set(self.layout.specs) == {n.name for n in evaluation.nodes}
        self._drawing.build(evaluation)
        if not same_graph:  # another graph: fitted afresh; the same one with other numbers keeps the zoom
            self.user_zoomed = False
        self.fit()
        self.set_position(position)

    # ------------------------------------------------------------------ state
    def set_position(self, position: int) -> None:
        """Show the backward pass up to step ``position`` (-1: forward values only)."""
        self.position = position
        ev, drawing = self.evaluation, self._drawing
        if ev is None:
            return
        self._announce_step()
        current = ev.steps[position].node if 0 <= position < len(ev.steps) else None
        for key, line in drawing.edges.items():
            index = 0 if key[0] == OUTPUT_STUB else drawing.step_of_edge[key]
            done = position >= index
            active = key[0] == current
            color = QColor(palette.GRADIENT if active else EDGE_COLOR)
            line.setPen(QPen(color, 2.6 if active else 1.4, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
            drawing.arrows[key].setPen(QPen(color, 1))
            drawing.arrows[key].setBrush(color)
            drawing.grads[key].setVisible(done)
            drawing.grad_boxes[key].setVisible(done)
            drawing.grad_boxes[key].setBrush(tint(palette.GRADIENT, 0.16) if active else QColor(palette.BACKGROUND))
        received = {n.name: 0 for n in ev.nodes}
        partial = {n.name: 0.0 for n in ev.nodes}
        for step in ev.steps[: position + 1]:
            for e in step.edges:
                received[e.source] += 1
                partial[e.source] = e.after
        for node in ev.nodes:
            item = drawing.nodes[node.name]
            is_current = node.name == current
            complete = received[node.name] == len(node.consumers) and (position >= 0)
            brush = current_fill() if is_current else QColor(
                palette.NODE_FILL if not node.is_leaf else fill("leaf") if node.op == "input" else fill("constant"))
            border = palette.READ if is_current else palette.GRADIENT if complete else palette.NODE_BORDER
            pen = QPen(QColor(border), 2.6 if is_current else 1.8 if complete else 1.2)
            if node.op == "constant" and not is_current and not complete:
                pen.setStyle(Qt.DashLine)
            item.setPen(pen)
            item.setBrush(QBrush(brush))
            if node.is_leaf:
                grad = drawing.leaf_grads[node.name]
                grad.setVisible(received[node.name] > 0)
                # a sum still growing (a value used twice, half way): "…" and a paler purple
                grad.setText(short(partial[node.name]) + ("" if complete else "…") if received[node.name] else "")
                grad.setBrush(QColor(palette.GRADIENT) if complete else partial_gradient())
                rect = item.path().boundingRect()
                grad.setX(rect.center().x() - grad.boundingRect().width() / 2)
                grad.setToolTip(f"∂{ev.output}/∂{node.name} = {exact(partial[node.name])}"
                                + ("" if complete else translate("GraphView", " so far ({k} of {n} edges)").format(
                                    k=received[node.name], n=len(node.consumers))))
        self.after_fit()

    def _announce_step(self) -> None:
        """The current step's node as the view's accessible description, announced to screen readers."""
        ev, k = self.evaluation, self.position
        if 0 <= k < len(ev.steps):
            step = ev.steps[k]
            text = self.tr("step {k} of {n}: node {name}, {formula}, value {value}, gradient {grad}").format(
                k=k + 1, n=len(ev.steps), name=step.node, formula=step.formula,
                value=short(ev.node(step.node).value), grad=short(step.upstream))
        else:
            text = self.tr("before the backward pass: forward values only, {n} steps to go").format(n=len(ev.steps))
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.DescriptionChanged))

    def after_fit(self) -> None:
        """The current step's node kept in view (scrolled to the centre if it is not all visible)."""
        current = self.highlighted_node()
        if current is not None and current in self._drawing.nodes:
            self.keep_in_view(self._drawing.nodes[current].sceneBoundingRect())

    # ------------------------------------------------------------------ reading (tests, the page)
    def edge_texts(self) -> dict[tuple, tuple[str, str]]:
        """Per edge (target, slot): (forward text, gradient text, or '' while not yet computed)."""
        forward, grads = self._drawing.forward, self._drawing.grads
        return {key: (forward[key].text(), grads[key].text() if grads[key].isVisible() else "")
                for key in self._drawing.edges}

    def leaf_gradient_text(self, name: str) -> str:
        item = self._drawing.leaf_grads[name]
        return item.text() if item.isVisible() else ""

    def node_item(self, name: str) -> QGraphicsPathItem:
        return self._drawing.nodes[name]

    def group_boxes(self) -> dict[str, QGraphicsPathItem]:
        """A program's statement boxes, by the statement's name (empty for a single expression)."""
        return dict(self._drawing.groups)

    def highlighted_node(self) -> str | None:
        ev = self.evaluation
        return ev.steps[self.position].node if ev is not None and 0 <= self.position < len(ev.steps) else None

    # ------------------------------------------------------------------ view
    def event(self, event) -> bool:
        # The scene would take the arrow keys for scrolling; the page's step shortcuts want them.
        if event.type() == QEvent.ShortcutOverride and event.key() in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Home,
                                                                          Qt.Key_End):
            event.ignore()
            return False
        return super().event(event)

    def mousePressEvent(self, event) -> None:
        item = self.itemAt(event.position().toPoint())
        while item is not None and item.data(NAME_ROLE) is None:
            item = item.parentItem()
        if item is not None and event.button() == Qt.LeftButton:
            self.nodeClicked.emit(str(item.data(NAME_ROLE)))
            event.accept()
            return
        super().mousePressEvent(event)
