"""The live network diagram: draws a :class:`DiagramState` and lets the user edit a weight by clicking it.

It computes nothing. Layers are columns, neurons circles; edges are coloured by the weight's sign and sized by
|w|; a purple halo under an edge grows with |∂E/∂w|. Small networks (the worked 2-2-2 example) get a label on each
edge (w, ∂E/∂w, w⁺) and the values known so far under each neuron; bigger ones (the playground, up to about
6 layers x 16 neurons) only lines and circles, with every number on hover. ``set_state`` on an unchanged topology
only restyles the existing items (the playground calls it ~30 times a second).

This module is the view: it fits the drawing to the window, answers queries about it and explains elements in
tooltips. What is drawn lives in ``drawing`` (built from ``items``, placed by ``layout``); numbers are written and
read by ``values``; a weight is edited in place by ``editor``, and the keyboard cursor is ``cursor``'s.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QFrame,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QToolTip,
)

from bpviz.gui import palette
from bpviz.gui.widgets.diagram.cursor import KeyboardCursor
from bpviz.gui.widgets.diagram.drawing import DiagramDrawing
from bpviz.gui.widgets.diagram.editor import InlineEditor
from bpviz.gui.widgets.diagram.images import MapNode, map_tooltip
from bpviz.gui.widgets.diagram.layout import MAP_VIEW
from bpviz.gui.widgets.diagram.legend import DiagramLegend
from bpviz.gui.widgets.diagram.values import exact, fmt4, param_value
from bpviz.models.diagram import DiagramState

MAX_LABELLED_EDGES = 20
MAX_SCALE = 1.2


class NetworkDiagram(KeyboardCursor, InlineEditor, QGraphicsView):
    """The network diagram. ``weightEdited(name, value)`` when the user types a new value for an edge/bias."""

    weightEdited = Signal(str, float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.scene().setItemIndexMethod(QGraphicsScene.NoIndex)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing | QPainter.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.FullViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.NoFrame)
        self.setBackgroundBrush(QColor(palette.BACKGROUND))
        self.setAlignment(Qt.AlignCenter)
        self.setDragMode(QGraphicsView.NoDrag)
        self.setMinimumSize(320, 220)
        self._state: DiagramState | None = None
        self._output_classes: tuple[str, ...] | None = None  # a softmax of K ≥ 3 outputs: the classes' names
        self._drawing = DiagramDrawing(self.scene())
        self.legend = DiagramLegend(self)
        self._legend_h = -1
        self._init_editor()  # a click (or Enter on the cursor) on a weight edits it in place (editor.py)
        self.viewport().installEventFilter(self)  # its tooltips (eventFilter)
        # Live playground frames are painted without antialiasing (~4x cheaper lines), smoothly once they stop.
        self._aa_timer = QTimer(self)
        self._aa_timer.setSingleShot(True)
        self._aa_timer.setInterval(250)
        self._aa_timer.timeout.connect(lambda: self._set_antialias(True))
        self._init_keyboard()  # arrows move a dashed cursor, Enter edits, screen readers are told (cursor.py)
        self._aa_timer.timeout.connect(self._show_cursor)  # live frames: the cursor's text once they stop

    # public API -------------------------------------------------------------------------------
    def state(self) -> DiagramState | None:
        return self._state

    def set_state(self, state: DiagramState) -> None:
        names = state.names
        n_weights = sum(a * b for a, b in zip(names.sizes[:-1], names.sizes[1:]))
        maps = state.neuron_images is not None  # the playground's maps: numbers on hover only
        labels = n_weights <= MAX_LABELLED_EDGES and not maps
        detailed = state.input_values is not None or bool(state.neuron_values)
        # inputs and targets: room for their current text (a longer one entered later rebuilds)
        longest = [None if v is None else max((fmt4(x) for x in v), key=len, default="")
                   for v in (state.input_values, state.targets)]
        if self.legend.set_show_steps(detailed) | self.legend.set_show_maps(maps):
            self._layout_legend()
        classes = self._output_classes
        classes = classes if maps and classes is not None and len(classes) == names.sizes[-1] else None
        key = (names.sizes, names.shared_biases, labels, labels and detailed and max(names.sizes) <= 3, *longest,
               maps, state.input_labels, self._map_canvas() if maps else None, classes)
        self._state = state
        rebuilt = key != self._drawing.key
        if rebuilt:
            self._close_editor()
            self._drawing.build(names, key)
            self.setSceneRect(self._drawing.scene_rect)
            self._fit()
        if not state.editable and self._editing:
            self._close_editor()
        self._drawing.update(state)
        if self._drawing.fast_paint:
            self._set_antialias(False)
            self._aa_timer.start()
        else:
            self._aa_timer.stop()
            self._set_antialias(True)
        if self._cursor is not None and (rebuilt or not self._drawing.fast_paint):
            self._show_cursor()  # live frames: its text once they stop (the timer)

    def restyle(self) -> None:
        """Draw again in the palette's colours (bpviz.gui.theme: an export from a dark window is drawn light)."""
        self._style_focus_frame()
        self.setBackgroundBrush(QColor(palette.BACKGROUND))
        self.legend.restyle()
        if self._state is not None:
            self._drawing.key = None  # built again: the items take their colours as they are made
            self.set_state(self._state)

    def set_output_classes(self, names) -> None:
        """The K ≥ 3 classes of a softmax output (output k is class k), written with their colours beside the
        output maps from the next ``set_state`` on; None or two names: nothing (two classes look as always)."""
        self._output_classes = tuple(str(n) for n in names) if names is not None and len(names) > 2 else None

    def output_classes(self) -> tuple[str, ...]:
        """The classes written beside the output maps now, () if none."""
        return tuple(m.name for m in self._drawing.class_marks)

    def _set_antialias(self, on: bool) -> None:
        if bool(self.renderHints() & QPainter.Antialiasing) != on:
            self.setRenderHint(QPainter.Antialiasing, on)
            self.viewport().update()

    def _map_canvas(self) -> tuple[float, float]:
        """Scene size to lay the maps out in: the view's, at the scale it will be drawn at (a small view: the
        ``MAP_VIEW`` design scaled down to its height), in steps of 25 so that resizing rarely lays out again."""
        vp = self.viewport().size()
        s = min(MAX_SCALE, max(vp.height(), 1) / MAP_VIEW[1])
        w, h = (float(round(x / s / 25) * 25) for x in (vp.width(), vp.height()))
        return min(1400.0, max(300.0, w)), min(900.0, max(MAP_VIEW[1], h))

    def neuron_center(self, name: str) -> QPoint:
        return self.mapFromScene(self._drawing.nodes[name].center)

    def edge_center(self, name: str) -> QPoint:
        return self.mapFromScene(self._drawing.spot(name))

    def highlight_of(self, element_id: str) -> str | None:
        """'read', 'write' or None: how the element is highlighted now."""
        return self._drawing.hl.get(element_id)

    def element_at(self, pos: QPoint) -> str | None:
        """The id of the element under a viewport position (label, neuron, bias node or nearest edge)."""
        return self._drawing.pick(self.mapToScene(pos), self.transform().m11() or 1.0)

    def edge_ids(self) -> list[str]:
        d = self._drawing
        return [e.eid for e in d.edges if e.eid in d.weight_names]

    def bias_edge_ids(self) -> list[str]:
        d = self._drawing
        return [e.eid for e in d.edges if e.eid not in d.weight_names]

    def neuron_ids(self) -> list[str]:
        return list(self._drawing.nodes)

    def bias_node_count(self) -> int:
        return len(self._drawing.bias_nodes)

    def edge_style(self, name: str) -> tuple[QColor, float]:
        """Colour and width (scene px) the edge is drawn with."""
        d = self._drawing
        e = d.edges_by_id[name][0]
        return QColor(d.edge_colors[int(d.sign[e.index])]), float(d.width[e.index])

    def neuron_item(self, name: str) -> QAbstractGraphicsShapeItem:
        """The neuron's circle, or its map's square when the state has ``neuron_images``."""
        return self._drawing.nodes[name].circle

    def neuron_image(self, name: str) -> QImage | None:
        """The picture drawn in a neuron's map (None without maps, or when the state has none for it)."""
        item = self._drawing.nodes[name].circle
        return item.image() if isinstance(item, MapNode) else None

    def halo_width(self, name: str) -> float | None:
        """Width of the gradient halo under an edge, None when there is none (gradient unknown)."""
        d = self._drawing
        h = None if d.halo is None else d.halo[d.edges_by_id[name][0].index]
        return None if h is None or np.isnan(h) else float(h)

    def label_text(self, element_id: str) -> str:
        """The text drawn for an element (edge label, values under a neuron, target, E, bias), '' if none."""
        for lab in self._drawing.labels:
            if lab.eid == element_id and lab.isVisible():
                return lab.text()
        return ""

    def label_rects(self) -> list[tuple[str, QRectF]]:
        """(element id, scene rect) of every visible text box."""
        return self._drawing.label_rects()

    def scene_texts(self) -> list[str]:
        return [it.text() for it in self.scene().items()
                if isinstance(it, QGraphicsSimpleTextItem) and it.isVisible()]

    # fitting -------------------------------------------------------------------------------------
    def _fit(self) -> None:
        d = self._drawing
        if d.key is not None:
            self.fitInView(d.scene_rect, Qt.KeepAspectRatio)
            if self.transform().m11() > MAX_SCALE:  # a small net in a big window: no giant text
                self.setTransform(QTransform.fromScale(MAX_SCALE, MAX_SCALE))
                self.centerOn(d.scene_rect.center())

    # tooltips ---------------------------------------------------------------------------------------
    def tooltip_for(self, element_id: str) -> str:
        s = self._state
        if s is None:
            return ""
        names = self._drawing.names
        if element_id in self._drawing.nodes:
            return self._neuron_tooltip(s, element_id)
        if element_id in names.params:
            ref = names.params[element_id]
            if ref.kind == "w":
                head = f"{element_id}: {names.neuron(ref.layer, ref.src)} → {names.neuron(ref.layer + 1, ref.dst)}"
            elif ref.dst is None:
                fed = ", ".join(names.layer_neurons(ref.layer + 1))
                head = self.tr("{name}: bias of {neurons}").format(name=element_id, neurons=fed)
            else:
                head = self.tr("{name}: bias → {neuron}").format(name=element_id,
                                                                 neuron=names.neuron(ref.layer + 1, ref.dst))
            lines = [head, f"{element_id} = {exact(param_value(names, s, element_id))}"]
            g, n = param_value(names, s, element_id, "grad"), param_value(names, s, element_id, "new")
            lines.append(f"∂E/∂{element_id} = {exact(g) if g is not None else '—'}")
            lines.append(f"{element_id}⁺ = {exact(n) if n is not None else '—'}")
            if s.editable:
                lines.append(self.tr("(click to edit)"))
            return "\n".join(lines)
        if element_id == "E":
            return "E_total = " + (exact(s.error) if s.error is not None else self.tr("— (not computed yet)"))
        if element_id in self._drawing.target_labels and s.targets is not None:
            k = int(element_id[1:]) - 1
            return (self.tr("{name}: target of {neuron}").format(name=element_id,
                                                                  neuron=names.neuron(names.n_layers, k))
                    + f"\n{element_id} = {exact(s.targets[k])}")
        if element_id.startswith("bias:"):
            l = int(element_id[5:]) - 1
            lines = [self.tr("biases of layer {n} (constant input 1)").format(n=l + 1)]
            for j in range(names.sizes[l + 1]):
                b = names.bias(l, j)
                lines.append(f"{b} = {exact(param_value(names, s, b))}")
            return "\n".join(lines)
        return ""

    def _neuron_tooltip(self, s, n) -> str:
        names = self._drawing.names
        layer = next(l for l in range(len(names.sizes)) if n in names.layer_neurons(l))
        role = self.tr("input") if layer == 0 else self.tr("output") if layer == names.n_layers else self.tr("hidden")
        j = names.layer_neurons(layer).index(n)
        caption = s.input_labels[j] if layer == 0 and s.input_labels and j < len(s.input_labels) else None
        lines = [f"{n} ({role})" if caption is None else f"{caption} ({role} {n})"]
        if s.neuron_images is not None:
            marks = self._drawing.class_marks
            cls = marks[j].name if layer == names.n_layers and j < len(marks) else None
            lines.append(map_tooltip(n, caption, layer == 0, cls))
        if layer == 0 and s.input_values is not None:
            lines.append(f"{n} = {exact(s.input_values[int(n[1:]) - 1])}")
        symbols = {"net": f"net_{n}", "out": f"out_{n}", "grad_out": f"∂E/∂out_{n}",
                   "deriv": f"∂out_{n}/∂net_{n}", "delta": f"δ_{n}"}
        for kind, v in s.neuron_values.get(n, ()):
            lines.append(f"{symbols.get(kind, kind)} = {exact(v)}")
        if layer > 0 and len(lines) == 1 and s.input_values is not None:
            lines.append(self.tr("(not computed yet)"))
        if layer == names.n_layers and s.targets is not None:
            k = int(n[1:]) - 1
            lines.append(self.tr("target {name} = {value}").format(name=names.target(k), value=exact(s.targets[k])))
        return "\n".join(lines)

    def _viewport_tooltip(self, event) -> bool:
        eid = self.element_at(event.pos())
        text = self.tooltip_for(eid) if eid else self.toolTip()  # nothing there: the keys
        if text:
            QToolTip.showText(event.globalPos(), text, self.viewport())
        else:
            QToolTip.hideText()
            event.ignore()
        return True

    def eventFilter(self, obj, event) -> bool:
        # Tooltips come through an event filter, not a viewportEvent override: with a Python override, Qt's
        # whole C++ paint of the scene runs inside Python and holds the GIL (the training thread stalls).
        if obj is self.viewport():
            return self._viewport_tooltip(event) if event.type() == QEvent.ToolTip else False
        return super().eventFilter(obj, event)  # the inline editor's keys and focus (editor.py)

    # resizing -----------------------------------------------------------------------------------------
    def _layout_legend(self) -> None:
        h = self.legend.heightForWidth(self.width())
        if h != self._legend_h:
            self._legend_h = h
            self.setViewportMargins(0, 0, 0, h)
        fw = self.frameWidth()  # inside the focus frame
        self.legend.setGeometry(fw, self.height() - h - fw, self.width() - 2 * fw, h)

    def resizeEvent(self, event) -> None:
        self._layout_legend()
        super().resizeEvent(event)
        key = self._drawing.key
        if key is not None and key[8] is not None and key[8] != self._map_canvas():
            self.set_state(self._state)  # maps: laid out again for the new shape of the view
        self._fit()
        self._place_editor()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()


__all__ = ["NetworkDiagram"]
