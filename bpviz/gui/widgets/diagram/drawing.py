"""What the network diagram draws: the items of one topology, built once, restyled for each state.

``build`` fills the scene for a topology: a node per neuron and bias, every edge and gradient halo in two batched
line layers, and the text boxes (inputs, targets, E_total, values under each neuron, edge labels) with room kept
so nothing moves or overlaps as values appear. ``update`` only restyles those items for a state (edge colours and
widths, halo widths, label texts, read/write highlights): the playground calls it ~30 times a second. ``pick``
and ``spot`` say what is where. The view around it (:class:`NetworkDiagram`) fits, explains and edits.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF

from bpviz.gui import palette
from bpviz.gui.widgets.diagram.images import add_captions, add_class_marks, show_maps
from bpviz.gui.widgets.diagram.items import Z_EDGE, Z_HALO, Edge, Label, LineLayer, Node, pixel_font, tint
from bpviz.gui.widgets.diagram.layout import FONT_PX, DiagramLayout, place_labels, seg_dist
from bpviz.gui.widgets.diagram.values import fmt4, is_known, param_lines
from bpviz.models.diagram import NEURON_QUANTITIES, DiagramState

# Room kept for a value: 4 significant digits of -0.01 < v <= -0.001 (rarer, longer ones may spill a little)
BIG = "−0.008771"
_QUANTITY_LABEL = dict(NEURON_QUANTITIES)
_BACKWARD = {"grad_out", "deriv", "delta"}


class DiagramDrawing:
    """The items drawn in ``scene`` for one topology, by element id (none until the first ``build``)."""

    def __init__(self, scene):
        self.scene = scene
        self.key = None
        self._clear()

    def _clear(self):
        self.nodes: dict[str, Node] = {}
        self.bias_nodes: dict[int, Node] = {}
        self.edges: list[Edge] = []
        self.edges_by_id: dict[str, list[Edge]] = {}
        self.labels: list[Label] = []
        self._boxes: dict[str, Label] = {}
        self._input_labels: dict[str, Label] = {}
        self._shown: dict[str, str] = {}  # neuron id → the name written on or beside it
        self.target_labels: dict[str, Label] = {}
        self._bias_labels: dict[str, Label] = {}
        self._error_label: Label | None = None
        self.class_marks: list = []  # softmax outputs of K ≥ 3 classes: each output's class, beside its map
        self._elements: dict[str, list] = {}
        self.hl: dict[str, str] = {}
        self.seg = np.zeros((0, 4))
        self.width = self.sign = self.halo = None
        self.fast_paint = self.maps_on = False
        self._edge_layer = self._halo_layer = None
        self.cursor_item = None  # the view's keyboard cursor (made by the view; the scene's clear deletes it)

    # building -----------------------------------------------------------------------------------
    def build(self, names, key):
        """Replace the scene's items with those of the topology ``key`` describes (see ``set_state``)."""
        _, _, labels, boxes, in_text, t_text, images, captions, canvas, classes = key
        has_inputs, has_targets = in_text is not None, t_text is not None
        self.scene.clear()
        self._clear()
        self.key, self.names = key, names
        self.weight_names = {n for n, ref in names.params.items() if ref.kind == "w"}
        self._labels_on, self.maps_on = labels, images
        shown: dict[str, str] = {}  # neuron id → the name written on or beside it
        for l, n in enumerate(names.sizes):
            for j in range(n):
                name = names.neuron(l, j)
                shown[name] = captions[j] if l == 0 and captions and j < len(captions) else name
        self._shown = shown
        cf = left_room = None
        if images:
            cf = pixel_font(13, bold=True)
            left_room = max(QFontMetricsF(cf).horizontalAdvance(shown[i]) for i in names.layer_neurons(0)) + 10
        lay = DiagramLayout(names, labels, boxes, images, left_room or 0.0, canvas)
        scene, r = self.scene, lay.r
        font = pixel_font(FONT_PX)
        L = names.n_layers
        candidates = [shown[names.neuron(l, n - 1)] for l, n in enumerate(names.sizes)]
        candidates += [shown[name] for name in names.layer_neurons(0)]
        nf = None if images else self._node_font(max(candidates, key=len), r, labels)
        for l, n in enumerate(names.sizes):
            for j in range(n):
                name = names.neuron(l, j)
                self.nodes[name] = node = Node(scene, name, lay.pos[name], r, nf, small=not labels, square=images,
                                               text=shown[name])
                self._elements.setdefault(name, []).append(node)
        if images:
            add_captions(scene, self.nodes, names, shown, cf, pixel_font(max(9.0, min(11.0, 0.52 * r))))
            if classes:
                self.class_marks = add_class_marks(scene, self.nodes, names.layer_neurons(L), classes,
                                                   pixel_font(max(10.0, min(13.0, 0.5 * r))))
        for l in range(L):
            shared = names.shared_biases
            nid = names.bias(l, 0) if shared else f"bias:{l + 1}"
            text = names.bias(l, 0) if shared else "b"
            bf = pixel_font(min(FONT_PX, lay.br * 0.95), bold=True) if lay.br >= 8 else None
            node = Node(scene, text, lay.bias[l], lay.br, bf, small=not labels)
            node.eid = nid
            node.circle.setBrush(tint(palette.NEUTRAL, 0.18))
            self.bias_nodes[l] = node
            self._elements.setdefault(nid, []).append(node)
        for l in range(L):
            for i in range(names.sizes[l]):
                for j in range(names.sizes[l + 1]):
                    self._add_edge(names.weight(l, i, j), lay.pos[names.neuron(l, i)],
                                   lay.pos[names.neuron(l + 1, j)])
        for l in range(L):
            for j in range(names.sizes[l + 1]):
                self._add_edge(names.bias(l, j), lay.bias[l], lay.pos[names.neuron(l + 1, j)],
                               highlight=not names.shared_biases)
        self.seg = np.array([[e.p1.x(), e.p1.y(), e.p2.x(), e.p2.y()] for e in self.edges])
        dense = len(self.edges) >= 300
        # Opaque colours (lightened instead of translucent): Qt strokes a batch of translucent lines as one
        # complex path, 10-50x slower than opaque lines.
        amount = 0.92 if labels else 0.6 if dense else 0.8
        self.edge_colors = [tint(c, amount) for c in (palette.NEGATIVE, palette.NEUTRAL, palette.POSITIVE)]
        self._halo_colors = [tint(palette.GRADIENT, 0.33 if labels else 0.2 if dense else 0.25)]
        self._halo_layer = LineLayer(scene, self.seg, Z_HALO, self._halo_colors)
        self._edge_layer = LineLayer(scene, self.seg, Z_EDGE, self.edge_colors)
        self.fast_paint = dense or images  # live playground frames: smooth lines only once the frames stop
        if has_inputs:
            for name in names.layer_neurons(0):
                p = lay.pos[name]
                self._add_label(self._input_labels, name, font, QPointF(p.x() - r - 8, p.y()), (1.0, 0.5))
        outs = names.layer_neurons(L)
        if has_targets:
            for k, name in enumerate(outs):
                p = lay.pos[name]
                self._add_label(self.target_labels, names.target(k), font, QPointF(p.x() + r + 10, p.y()),
                                (0.0, 0.5))
        if boxes:
            for l in range(1, L + 1):
                for name in names.layer_neurons(l):
                    p = lay.pos[name]
                    self._add_label(self._boxes, name, font, QPointF(p.x(), p.y() + r + 7), (0.5, 0.0),
                                    len(NEURON_QUANTITIES))
        if has_targets:  # E_total: under the output column, below the last output's value box
            last = lay.pos[outs[-1]]
            ey = last.y() + r + 12 + (self._box_size()[1] + 6 if boxes else 0)
            self._error_label = self._add_label({}, "E", font, QPointF(last.x(), ey), (0.5, 0.0))
        if names.shared_biases and labels:
            for l in range(L):
                b, p = names.bias(l, 0), lay.bias[l]
                self._add_label(self._bias_labels, b, font, QPointF(p.x() - lay.br - 8, p.y()), (1.0, 0.5), 3)
        if labels:
            self._place_edge_labels(names, font)
            for e in self.edges:  # small nets: every item up front, so stepping never adds any
                e.ensure_mark(scene)
        if labels or len(self.nodes) <= 40:
            for node in list(self.nodes.values()) + list(self.bias_nodes.values()):
                node.ensure_glow()
        self.scene_rect = self._reserved_rect().adjusted(*((-8, -6, 8, 6) if images else (-24, -16, 24, 16)))

    def _node_font(self, name, r, labels):
        if labels:
            return pixel_font(FONT_PX + 1, bold=True)
        if r < 11:
            return None
        px = min(FONT_PX, r * 0.8)
        while px > 7 and QFontMetricsF(pixel_font(px, True)).horizontalAdvance(name) > 1.75 * r:
            px -= 0.5
        return pixel_font(px, bold=True) if px > 7 else None

    def _input_text(self, name: str, value: str) -> str:
        """``i1 = 0.05``; with the feature the input is computed as (the playground's): ``i3 = sin(x₁) = 0.71``."""
        caption = self._shown.get(name, name)
        return f"{name} = {value}" if caption == name else f"{name} = {caption} = {value}"

    def _add_edge(self, eid, p1, p2, highlight=True):
        e = Edge(eid, len(self.edges), p1, p2)
        self.edges.append(e)
        self.edges_by_id.setdefault(eid, []).append(e)
        if highlight:
            self._elements.setdefault(eid, []).append(e)

    def _add_label(self, store, eid, font, anchor, align, capacity=1):
        lab = Label(self.scene, eid, font, anchor, align, capacity)
        store[eid] = lab
        self.labels.append(lab)
        self._elements.setdefault(eid, []).append(lab)
        return lab

    _box_reserve = [f"{q} = {BIG}" for _, q in NEURON_QUANTITIES]

    def _box_size(self) -> tuple[float, float]:
        return next(iter(self._boxes.values())).size_for(self._box_reserve)

    def _reserve(self, lab: Label, lines: list[str], bold_last: bool = False) -> QRectF:
        w, h = lab.size_for(lines, bold_last)
        return QRectF(lab.anchor.x() - lab.align[0] * w, lab.anchor.y() - lab.align[1] * h, w, h)

    def _reserved_rects(self) -> list[QRectF]:
        """Room kept for every label at its largest, so nothing moves or overlaps as values appear."""
        big = BIG
        rects = [QRectF(n.center.x() - n.r - 3, n.center.y() - n.r - 3, 2 * n.r + 6, 2 * n.r + 6)
                 for n in list(self.nodes.values()) + list(self.bias_nodes.values())]
        rects += [n.caption.sceneBoundingRect() for n in self.nodes.values() if n.caption is not None]
        rects += [m.sceneBoundingRect() for m in self.class_marks]
        for lab in self._boxes.values():
            rects.append(self._reserve(lab, self._box_reserve))
        for name, lab in self._input_labels.items():
            rects.append(self._reserve(lab, [self._input_text(name, self.key[4])]))
        for name, lab in self.target_labels.items():
            rects.append(self._reserve(lab, [f"{name} = {self.key[5]}"]))
        if self._error_label is not None:
            rects.append(self._reserve(self._error_label, [f"E_total = {big}"]))
        for name, lab in self._bias_labels.items():
            rects.append(self._reserve(lab, [f"{name} = {big}", f"∂E/∂{name} = {big}", f"{name}⁺ = {big}"], True))
        return rects

    def _reserved_rect(self) -> QRectF:
        rect = QRectF()
        for r in self._reserved_rects() + [e.label_rect for e in self.edges if e.label is not None]:
            rect = rect.united(r)
        for e in self.edges:
            rect = rect.united(QRectF(e.p1, e.p2).normalized())
        return rect

    def _place_edge_labels(self, names, font):
        """Label each edge where :func:`place_labels` finds it a free spot, sized for its values at their
        longest. A label that finds no free spot is left out (its values remain on hover)."""
        todo = [e for e in self.edges if e.eid in self.weight_names or not names.shared_biases]
        if not todo:
            return
        fixed = self._reserved_rects()
        probe = Label(self.scene, "", font, QPointF(), (0.5, 0.5))
        sizes = []
        for e in todo:
            lines = ([f"{e.eid} = {BIG}", f"∂E/∂{e.eid} = {BIG}", f"{e.eid}⁺ = {BIG}"]
                     if e.eid in self.weight_names else [e.eid])
            sizes.append(probe.size_for(lines, bold_last=len(lines) > 1))
        self.scene.removeItem(probe)
        spots = place_labels([(o.p1, o.p2) for o in self.edges], [e.index for e in todo], sizes, fixed)
        for e, rect in zip(todo, spots):
            if rect is None:
                continue
            lab = Label(self.scene, e.eid, font, rect.center(), (0.5, 0.5),
                        3 if e.eid in self.weight_names else 1)
            e.label, e.label_rect = lab, rect
            self.labels.append(lab)
            self._elements.setdefault(e.eid, []).append(lab)

    # updating -----------------------------------------------------------------------------------
    def _flat(self, weights, biases) -> np.ndarray:
        sizes = self.names.sizes
        parts = [np.asarray(w, dtype=float).ravel() for w in weights]
        parts += [np.broadcast_to(np.asarray(b, dtype=float).ravel(), (n,)) for b, n in zip(biases, sizes[1:])]
        return np.concatenate(parts) if parts else np.zeros(0)

    def update(self, s: DiagramState) -> None:
        """Restyle the items for ``s`` (same topology as the last ``build``)."""
        vals = self._flat(s.weights, s.biases)
        a = np.abs(vals)
        fin = np.isfinite(vals)
        m = a[fin].max() if fin.any() else 0.0
        crowded = len(self.edges) >= 150
        wmin, wmax = (1.0, 7.0) if self._labels_on else (0.6, 3.0 if crowded else 4.5)
        width = wmin + (wmax - wmin) * (np.where(fin, a, 0.0) / (m if m > 0 else 1.0))  # ratio first: no overflow
        sign = np.where(~fin | (vals == 0), 1, np.where(vals > 0, 2, 0))
        if self.width is None or not (np.array_equal(width, self.width) and np.array_equal(sign, self.sign)):
            self.width, self.sign = width, sign
            self._edge_layer.set_lines(sign, width)
        halo = None
        if s.weight_grads is not None:
            g = np.abs(self._flat(s.weight_grads, s.bias_grads if s.bias_grads is not None
                                  else [np.full(n, np.nan) for n in self.names.sizes[1:]]))
            gfin = np.isfinite(g)
            gm = g[gfin].max() if gfin.any() else 0.0
            extra = (16.0 if self._labels_on else 5.0 if crowded else 9.0) * (np.where(gfin, g, 0.0) / (gm or 1.0))
            halo = np.where(gfin, width + (2.0 if crowded else 3.0) + extra, np.nan)
        if not (halo is None and self.halo is None) and (
                halo is None or self.halo is None or not np.array_equal(halo, self.halo, equal_nan=True)):
            self.halo = halo
            self._halo_layer.set_lines(np.zeros(len(self.edges), int),
                                       np.full(len(self.edges), np.nan) if halo is None else halo)
        if self.maps_on:
            show_maps(self.nodes, s.neuron_images)
        if self._labels_on or self._boxes or self._input_labels:
            self._update_texts(s)
        self._update_highlights(s)

    def _update_texts(self, s: DiagramState) -> None:
        names = self.names
        for e in self.edges:
            if e.label is not None:
                e.label.set_lines(param_lines(names, s, e.eid) if e.eid in self.weight_names
                                  else [(e.eid, palette.MUTED, False)])
        for name, lab in self._bias_labels.items():
            lab.set_lines(param_lines(names, s, name))
        if s.input_values is not None:
            for (name, lab), x in zip(self._input_labels.items(), s.input_values):
                lab.set_lines([(self._input_text(name, fmt4(x)), palette.TEXT, False)])
        if s.targets is not None:
            for (name, lab), t in zip(self.target_labels.items(), s.targets):
                lab.set_lines([(f"{name} = {fmt4(t)}", palette.TEXT, False)])
        if self._error_label is not None:  # once known, or while a step works on it (E_o1 → E)
            known = is_known(s.error)
            shown = known or "E" in s.reads or "E" in s.writes
            self._error_label.set_lines([(f"E_total = {fmt4(s.error) if known else '—'}",
                                          palette.TEXT if known else palette.MUTED, known)] if shown else [])
        for name, lab in self._boxes.items():
            vals = s.neuron_values.get(name, ())
            last = len(vals) - 1 if name in s.writes else -1
            lab.set_lines([(f"{_QUANTITY_LABEL.get(k, k)} = {fmt4(v)}",
                            palette.GRADIENT if k in _BACKWARD else palette.TEXT, i == last)
                           for i, (k, v) in enumerate(vals)])

    def _update_highlights(self, s: DiagramState) -> None:
        new = {eid: "read" for eid in s.reads if eid in self._elements}
        new.update({eid: "write" for eid in s.writes if eid in self._elements})
        for eid in set(self.hl) | set(new):
            mode = new.get(eid)
            for obj in self._elements[eid]:
                if isinstance(obj, Edge):
                    if mode is not None or obj.hl is not None:  # always: the width may have changed
                        obj.set_highlight(mode, self.scene, float(self.width[obj.index]))
                else:
                    obj.set_highlight(mode)
        self.hl = new

    # what is where --------------------------------------------------------------------------------
    def label_rects(self) -> list[tuple[str, QRectF]]:
        """(element id, scene rect) of every visible text box (the maps' captions too)."""
        return [(lab.eid, lab.sceneBoundingRect()) for lab in self.labels if lab.isVisible()] + [
            (n.eid, n.caption.sceneBoundingRect()) for n in self.nodes.values() if n.caption is not None]

    def spot(self, name: str) -> QPointF:
        """Scene point where clicking selects this parameter: its label, its bias node, or a point of its
        edge as far as possible from the other edges."""
        if name in self._bias_labels:
            return self.bias_nodes[self.names.params[name].layer].center
        edges = self.edges_by_id.get(name)
        if not edges:
            raise KeyError(name)
        e = edges[0]
        if e.label is not None:
            return QPointF(e.label.anchor)
        others = np.array([k for k, o in enumerate(self.edges) if o is not e], dtype=int)
        covered = [r for _, r in self.label_rects()] + [
            QRectF(n.center.x() - n.r, n.center.y() - n.r, 2 * n.r, 2 * n.r)
            for n in list(self.nodes.values()) + list(self.bias_nodes.values())]
        best, best_d = None, -np.inf
        for t in np.linspace(0.05, 0.95, 91):
            c = e.p1 + (e.p2 - e.p1) * float(t)
            d = seg_dist(self.seg, c.x(), c.y())[others].min() if len(others) else 1e9
            if any(r.contains(c) for r in covered):
                d -= 1e6
            if d > best_d:
                best, best_d = c, d
        return best

    def pick(self, p: QPointF, scale: float) -> str | None:
        """The id of the element at scene point ``p`` (label, neuron, bias node or nearest edge) when drawn at
        ``scale`` view pixels per scene pixel; None if nothing is there."""
        for lab in reversed(self.labels):
            if lab.isVisible() and lab.sceneBoundingRect().contains(p):
                return lab.eid
        for node in list(self.nodes.values()) + list(self.bias_nodes.values()):
            if node.contains(p):
                return node.eid
        for node in self.nodes.values():
            if node.caption is not None and node.caption.sceneBoundingRect().contains(p):
                return node.eid
        if len(self.seg):
            d = seg_dist(self.seg, p.x(), p.y())
            k = int(np.argmin(d))
            if d[k] <= max(6.0 / scale, self.width[k] / 2 + 2):
                return self.edges[k].eid
        return None


__all__ = ["DiagramDrawing"]
