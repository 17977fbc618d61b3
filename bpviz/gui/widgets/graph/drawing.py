"""What the computation graph draws: the scene's items for one Evaluation, built once, recoloured in place.

Operation nodes are circles (or stadiums when the symbol is long) with the operation inside and the node's
name above; leaves are boxes with their name, value and a text for their gradient. Every edge carries its
forward value above it (blue) and the gradient it sends back below it (purple), on an opaque box so lines
crossing it pass behind; a program's statements are boxes under their nodes; a legend goes under the graph.
Numbers are shortened to 4 significant digits; tooltips give them exactly. ``build`` measures the texts, lays
the graph out and makes the items; which of them show, and in what colour, for a step is the view's
(:class:`~bpviz.gui.widgets.graph.view.GraphView`).
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
)

from bpviz.engine.compgraph import Evaluation, format_number
from bpviz.gui import palette
from bpviz.gui.formula import to_html
from bpviz.gui.i18n import localise, translate
from bpviz.gui.widgets.diagram.items import pixel_font
from bpviz.gui.widgets.graph.large import GROUP_PAD, layout_large
from bpviz.gui.widgets.graph.layout import OUTPUT_STUB, NodeSpec, layout_graph

DIGITS = 4  # significant digits on the drawing
FONT_PX = 13
NODE_H = 34.0
LARGE_GRAPH = 24  # more nodes than this (softmax with loss has 22): the fast layered layout (large.py)
MAX_CAPTION_SIZES = 2000  # caption sizes kept (the window draws at most 120 nodes a graph)
NAME_ROLE = 0  # QGraphicsItem.data key holding a node's name
#: fills by scheme (bpviz.gui.palette), read when drawn: an input leaf, a constant, a program statement's box
#: and its border. The dark ones keep every text on them at ≥ 4.5:1 (tests/gui/test_dark_theme.py).
FILLS = {"light": {"leaf": "#eef4fa", "constant": "#f5f5f5", "group": "#f3f0e4", "group_border": "#d9d2b4"},
         "dark": {"leaf": "#202a35", "constant": "#26292e", "group": "#25241f", "group_border": "#4a4536"}}


def fill(kind: str) -> str:
    """The fill ``kind`` (leaf, constant, group, group_border) in the scheme in use."""
    return FILLS[palette.scheme()][kind]


def short(value: float) -> str:
    return format_number(value, DIGITS)


def exact(value: float) -> str:
    """Every digit a float64 holds (the shortest text that reads back as the same number)."""
    text = repr(float(value))
    return "\u2212" + text[1:] if text.startswith("-") else text


class GraphDrawing:
    """The items drawn in ``scene`` for one Evaluation, by node name or edge key (target, slot)."""

    def __init__(self, scene: QGraphicsScene):
        self.scene = scene
        self.font_normal = pixel_font(FONT_PX)
        self.font_bold = pixel_font(FONT_PX + 2, bold=True)
        self.font_small = pixel_font(FONT_PX - 1)
        self.evaluation: Evaluation | None = None
        self.layout = None
        self._legend: QGraphicsTextItem | None = None
        self._legend_lines = 1
        self._caption_sizes: dict[tuple[str, str], object] = {}  # (name, font) -> QSizeF of the caption
        self._clear_items()

    def _clear_items(self) -> None:
        self.nodes: dict[str, QGraphicsPathItem] = {}
        self.leaf_grads: dict[str, QGraphicsSimpleTextItem] = {}
        self.edges: dict[tuple, QGraphicsPathItem] = {}
        self.arrows: dict[tuple, QGraphicsPolygonItem] = {}
        self.forward: dict[tuple, QGraphicsSimpleTextItem] = {}
        self.grads: dict[tuple, QGraphicsSimpleTextItem] = {}
        self.grad_boxes: dict[tuple, QGraphicsRectItem] = {}
        self.step_of_edge: dict[tuple, int] = {}  # the step that sends the edge's gradient
        self.step_of_node: dict[str, int] = {}
        self.groups: dict[str, QGraphicsPathItem] = {}
        self._colored: list[tuple] = []  # (item, the palette's name of its colour): recoloured by restyle()

    def restyle(self) -> None:
        """Take the palette's colours again: the same items, recoloured."""
        for item, name in self._colored:
            color = QColor(getattr(palette, name))
            if isinstance(item, QGraphicsTextItem):
                item.setDefaultTextColor(color)
            else:
                item.setBrush(color)
        for box in self.groups.values():
            box.setBrush(QColor(fill("group")))
            box.setPen(QPen(QColor(fill("group_border")), 1.0))
        if self._legend is not None and self.evaluation is not None:
            self._legend.setHtml(self._legend_html(self._legend_lines == 2))

    # ------------------------------------------------------------------ building
    def build(self, evaluation: Evaluation):
        """Lay ``evaluation`` out and draw it in place of what was there (the scene's rect set to hold it); the
        layout."""
        self.evaluation = evaluation
        scene = self.scene
        scene.clear()
        self._clear_items()
        ev = evaluation
        metrics, bold = QFontMetricsF(self.font_normal), QFontMetricsF(self.font_bold)
        line_h = metrics.height()
        specs, label_sizes = [], {}
        for node in ev.nodes:
            if node.is_leaf:
                texts = [node.name, short(node.value), short(node.grad) + "…"]
                w = max(metrics.horizontalAdvance(t) for t in texts) + 16
                specs.append(NodeSpec(node.name, (), max(w, 44.0), 3 * line_h + 8, 0.0, round=False))
            else:
                w = max(NODE_H, bold.horizontalAdvance(node.label) + 18)
                caption = self._caption_size(node.name)
                specs.append(NodeSpec(node.name, node.inputs, w, NODE_H, caption.height() - 2,
                                      caption.width() + 2))
        sent = {(s.node, e.slot): e.sent for s in ev.steps for e in s.edges}
        for node in ev.nodes:
            for slot, source in enumerate(node.inputs):
                texts = (short(ev.value(source)), short(sent[(node.name, slot)]))
                label_sizes[(node.name, slot)] = (max(metrics.horizontalAdvance(t) for t in texts) + 4, line_h)
        label_sizes[(OUTPUT_STUB, 0)] = (metrics.horizontalAdvance(short(ev.output_value)) + 4, line_h)
        groups = {node.name: getattr(node, "group", None) for node in ev.nodes}  # a program's statements
        sizes = Counter(g for g in groups.values() if g)
        # a statement of one node needs no box: the node carries the statement's name already
        groups = {name: g if g and sizes[g] > 1 else None for name, g in groups.items()}
        if len(ev.nodes) > LARGE_GRAPH or any(groups.values()):
            layout = layout_large(specs, ev.output, label_sizes, groups)
        else:
            layout = layout_graph(specs, ev.output, label_sizes)
        self.layout = layout
        for step in ev.steps:
            self.step_of_node[step.node] = step.index
            for e in step.edges:
                self.step_of_edge[(step.node, e.slot)] = step.index
        self._colored.clear()
        statements = {s.name: s.text for s in getattr(ev, "statements", ())}
        # the largest box first: a statement's box inside another's bounds is drawn over it, its text readable
        for group, rect in sorted(layout.groups.items(), key=lambda item: -item[1].width * item[1].height):
            text = statements.get(group, group)
            self._add_group(group, text if text.split("=", 1)[0].strip() == group else f"{group} = {text}", rect)
        for key, points in layout.routes.items():
            self._add_edge(key, points)
        for node in ev.nodes:
            self._add_node(node)
        legend = self._add_legend(layout.height)
        rect = QRectF(0, 0, max(layout.width, legend.boundingRect().width() + 24),
                      layout.height + legend.boundingRect().height() + 4)
        scene.setSceneRect(rect)
        return layout

    def _caption_size(self, name: str):
        """The size of a node's caption (rich text: measured by a text item, once per name and font)."""
        key = (name, self.font_small.key())
        size = self._caption_sizes.get(key)
        if size is None:
            if len(self._caption_sizes) >= MAX_CAPTION_SIZES:  # names typed over hours: the cache stays bounded
                self._caption_sizes.clear()
            item = self._html_item(to_html(name), self.font_small, "MUTED")
            size = self._caption_sizes[key] = item.boundingRect().size()
            self.scene.removeItem(item)
        return size

    def _add_node(self, node) -> None:
        scene, layout = self.scene, self.layout
        r = layout.node_rect(node.name)
        rect = QRectF(r.left, r.top, r.width, r.height)
        path = QPainterPath()
        radius = r.height / 2 if not node.is_leaf else 6.0
        path.addRoundedRect(rect, radius, radius)
        item = QGraphicsPathItem(path)
        item.setData(NAME_ROLE, node.name)
        item.setZValue(3)
        item.setCursor(Qt.PointingHandCursor)
        item.setToolTip(self._node_tooltip(node))
        scene.addItem(item)
        self.nodes[node.name] = item
        if node.is_leaf:
            line_h = QFontMetricsF(self.font_normal).height()
            name = self._html_item(to_html(node.name), self.font_normal, "TEXT", item)
            name.setPos(rect.center().x() - name.boundingRect().width() / 2, rect.top() + 3)
            value = self._text_item(short(node.value), self.font_normal, "POSITIVE", item)
            value.setPos(rect.center().x() - value.boundingRect().width() / 2, rect.top() + 4 + line_h)
            grad = self._text_item(short(node.grad), self.font_normal, None, item)  # set_position colours it
            grad.setPos(rect.center().x() - grad.boundingRect().width() / 2, rect.top() + 4 + 2 * line_h)
            self.leaf_grads[node.name] = grad
        else:
            label = self._text_item(node.label, self.font_bold, "TEXT", item)
            box = label.boundingRect()
            label.setPos(rect.center().x() - box.width() / 2, rect.center().y() - box.height() / 2)
            caption = self._html_item(to_html(node.name), self.font_small, "MUTED", item)
            spot, cap = layout.captions[node.name], caption.boundingRect()
            caption.setPos(spot.left + (spot.width - cap.width()) / 2, spot.top + (spot.height - cap.height()) / 2)

    def _add_group(self, group: str, title: str, r) -> None:
        """A program statement's box, under everything else, its text at the top left."""
        path = QPainterPath()
        path.addRoundedRect(QRectF(r.left, r.top, r.width, r.height), 8.0, 8.0)
        box = QGraphicsPathItem(path)
        box.setBrush(QColor(fill("group")))
        box.setPen(QPen(QColor(fill("group_border")), 1.0))
        box.setZValue(-2)
        box.setToolTip(title)
        self.scene.addItem(box)
        text = self._text_item(title, self.font_small, "MUTED", box)
        text.setZValue(-1)
        metrics = QFontMetricsF(self.font_small)
        text.setText(metrics.elidedText(title, Qt.ElideRight, max(r.width - GROUP_PAD * 2, 20.0)))
        text.setPos(r.left + GROUP_PAD, r.top + 2)
        self.groups[group] = box

    def _add_edge(self, key, points) -> None:
        scene, ev = self.scene, self.evaluation
        path = QPainterPath(QPointF(*points[0]))
        for p in points[1:]:
            path.lineTo(QPointF(*p))
        line = QGraphicsPathItem(path)
        line.setZValue(1)
        scene.addItem(line)
        self.edges[key] = line
        (x0, y0), (x1, y1) = points[-2], points[-1]
        length = max(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5, 1e-9)
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        size = 7.0
        wing = size * 0.45
        head = QPolygonF([QPointF(x1, y1), QPointF(x1 - ux * size - uy * wing, y1 - uy * size + ux * wing),
                          QPointF(x1 - ux * size + uy * wing, y1 - uy * size - ux * wing)])
        arrow = QGraphicsPolygonItem(head)
        arrow.setZValue(1)
        scene.addItem(arrow)
        self.arrows[key] = arrow
        if key[0] == OUTPUT_STUB:
            source, forward_value, grad_value = ev.output, ev.output_value, 1.0
            grad_tip = translate("GraphView", "{d} = 1: the backward pass starts here").format(
                d=f"∂{ev.output}/∂{ev.output}")
        else:
            target, slot = key
            source = ev.node(target).inputs[slot]
            forward_value = ev.value(source)
            step = ev.steps[self.step_of_edge[key]]
            edge = step.edges[slot]
            grad_value = edge.sent
            grad_tip = translate("GraphView", "gradient sent from {target} to {source}: ∂{output}/∂{target} · "
                                              "{formula}\n= {upstream} · {local} = {sent}").format(
                target=target, source=source, output=ev.output, formula=localise(edge.formula),
                upstream=exact(step.upstream),
                local=exact(edge.local), sent=exact(edge.sent))
            if edge.fanout > 1:
                grad_tip += "\n" + translate("GraphView", "({source} feeds {n} edges; its gradient is their sum: "
                                                          "{sum})").format(source=source, n=edge.fanout,
                                                                            sum=exact(ev.grad(source)))
        above, below = self.layout.above[key], self.layout.below[key]
        fwd = self._text_item(short(forward_value), self.font_normal, "POSITIVE")
        fwd.setToolTip(translate("GraphView", "forward value of {source} = {value}").format(
            source=source, value=exact(forward_value)))
        self._center(fwd, above)
        backdrop = self._backdrop(fwd)  # lines crossing the label pass behind it
        backdrop.setBrush(QColor(palette.BACKGROUND))
        self._colored.append((backdrop, "BACKGROUND"))
        grad = self._text_item(short(grad_value), self.font_normal, "GRADIENT")
        grad.setToolTip(grad_tip)
        self._center(grad, below)
        box = self._backdrop(grad)
        self.forward[key], self.grads[key], self.grad_boxes[key] = fwd, grad, box

    def _add_legend(self, top: float) -> QGraphicsTextItem:
        legend = self._html_item(self._legend_html(False), self.font_small, "MUTED")
        self._legend_lines = 1
        if legend.boundingRect().width() > self.layout.width - 16:  # one line each under a narrow graph
            legend.setHtml(self._legend_html(True))
            self._legend_lines = 2
        legend.setPos(8, top)
        self._legend = legend
        return legend

    def _legend_html(self, two_lines: bool) -> str:
        ev = self.evaluation
        forward = translate("GraphView", "<span style='color:{color}'>■ above an edge: the value flowing forward"
                                         "</span>").format(color=palette.POSITIVE)
        backward = translate("GraphView", "<span style='color:{color}'>■ below: the gradient {d} sent back"
                                          "</span>").format(
            color=palette.GRADIENT, d=to_html(f"∂{ev.output}/" + chr(0x2060) + "∂(value)"))
        return f"{forward}<br>{backward}" if two_lines else f"{forward}&nbsp;&nbsp;&nbsp;{backward}"

    def _text_item(self, text: str, font, color: str | None, parent=None) -> QGraphicsSimpleTextItem:
        """A text in the palette's colour called ``color`` ("TEXT", "MUTED", ...; None: coloured later)."""
        item = QGraphicsSimpleTextItem(text, parent)
        item.setFont(font)
        if color is not None:
            item.setBrush(QColor(getattr(palette, color)))
            self._colored.append((item, color))
        item.setZValue(5)
        if parent is None:
            self.scene.addItem(item)
        return item

    def _html_item(self, html: str, font, color: str, parent=None) -> QGraphicsTextItem:
        """Rich text whose default colour is the palette's colour called ``color``."""
        item = QGraphicsTextItem()
        if parent is not None:
            item.setParentItem(parent)  # (QGraphicsTextItem(parent) does not hand the item to its parent)
        item.setFont(font)
        item.setDefaultTextColor(QColor(getattr(palette, color)))
        self._colored.append((item, color))
        item.document().setDocumentMargin(0)
        item.setHtml(html)
        item.setZValue(5)
        item.setAcceptHoverEvents(False)
        if parent is None:
            self.scene.addItem(item)
        return item

    def _backdrop(self, text: QGraphicsSimpleTextItem) -> QGraphicsRectItem:
        """An opaque box just behind ``text``, a little larger."""
        box = QGraphicsRectItem(text.sceneBoundingRect().adjusted(-2, 0, 2, 0))
        box.setPen(Qt.NoPen)
        box.setZValue(4)
        self.scene.addItem(box)
        return box

    @staticmethod
    def _center(item, rect) -> None:
        box = item.boundingRect()
        item.setPos(rect.left + (rect.width - box.width()) / 2, rect.top + (rect.height - box.height()) / 2)

    def _node_tooltip(self, node) -> str:
        ev, lines = self.evaluation, []
        if node.note:
            lines.append(localise(node.note))  # the engine's words: a phrase
        lines.append(node.formula + (f" = {node.numbers}" if node.numbers else ""))
        lines.append(translate("GraphView", "value = {value}").format(value=exact(node.value)))
        lines.append(f"∂{ev.output}/∂{node.name} = {exact(node.grad)}")
        if node.name in self.step_of_node:
            lines.append(translate("GraphView", "(backward step {k}; click to jump there)").format(
                k=self.step_of_node[node.name] + 1))
        return "\n".join(lines)
