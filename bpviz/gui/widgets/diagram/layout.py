"""Where the network diagram puts things: pure geometry, no widgets and no items.

``DiagramLayout`` places the neurons and bias nodes of one topology (layers are columns); ``place_labels`` finds
each edge label a spot on its edge clear of nodes, boxes and other labels; ``seg_dist`` measures how far a point
is from each edge. Coordinates are scene pixels, about 1:1 with a 1000x600 view.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF

from bpviz.gui.widgets.geometry import segment_hits_rect

FONT_PX = 16  # scene pixels; the scene is laid out at about 1:1 for a 1000x600 view
# With per-neuron maps (the playground) the scene is laid out for the view's size instead (at least 420 high,
# MAP_VIEW), the maps as big as the rows allow: about 43 px for 2-8-8-1 at 700x420, up to MAP_MAX for small nets,
# down to MAP_MIN for 16 rows.
MAP_VIEW = (700.0, 420.0)
MAP_MAX, MAP_MIN, MAP_GAP = 56.0, 14.0, 0.15  # map side (scene px); gap between maps, as a fraction of it


class DiagramLayout:
    """Where everything goes, for one topology (scene coordinates, about 1:1 with a 1000x600 view; with maps,
    with the view the layout is made for)."""

    def __init__(self, names, labels: bool, boxes: bool, images: bool = False, left_room: float = 0.0,
                 canvas: tuple[float, float] | None = None):
        """``images``: neurons are maps (squares of side 2 r, names beside them), laid out to fill ``canvas``
        (width, height; default ``MAP_VIEW``); ``left_room``: width kept left of the inputs for their captions."""
        sizes = names.sizes
        L, max_n = len(sizes) - 1, max(sizes)
        if images:
            w0, h0 = canvas or MAP_VIEW
            self.br = 8.0  # room for its "b"
            room = h0 - 2 * self.br - 18  # for the columns of maps
            across = (w0 - left_room - 16) / (2.4 * L + 1)  # a narrow view: room between the columns first
            side = max(MAP_MIN, min(MAP_MAX, across, room / (max_n + MAP_GAP * (max_n - 1))))
            self.r, self.sy = side / 2, side * (1 + MAP_GAP)
            if max_n > 1:  # few rows in a tall view: spread them a little
                self.sy = max(self.sy, min(1.5 * side, (room - side) / (max_n - 1)))
            self.sx = max(side + 60.0, min(300.0, (w0 - left_room - side - 16) / L))
            self.bias_dy = self.r + self.br + 8
        elif labels:
            self.r, self.sx, self.sy = 27.0, 385.0, 270.0 if boxes else 230.0
            self.br, self.bias_dy = 19.0, 105.0
        else:
            self.sx = min(300.0, 880.0 / L)
            self.sy = min(90.0, 520.0 / max_n)
            self.r = max(4.0, min(22.0, 0.3 * self.sy))
            self.br, self.bias_dy = max(5.0, 0.75 * self.r), max(0.9 * self.sy, 42.0)
        self.pos = {}
        for l, n in enumerate(sizes):
            for j in range(n):
                self.pos[names.neuron(l, j)] = QPointF(l * self.sx, (j - (n - 1) / 2) * self.sy)
        top = -(max_n - 1) / 2 * self.sy
        at = 0.36 if labels and not images else 0.42
        self.bias = {l: QPointF(l * self.sx + at * self.sx, top - self.bias_dy) for l in range(L)}


def _seg_hits_rect(a: QPointF, b: QPointF, r: QRectF) -> bool:
    """Does the segment a-b cross the rectangle r?"""
    return segment_hits_rect(a.x(), a.y(), b.x(), b.y(), r.left(), r.top(), r.right(), r.bottom())


def _overlap_cost(cands: np.ndarray, rects: np.ndarray, mx: float = 6.0, my: float = 2.0) -> np.ndarray:
    """For each candidate box (x0, y0, x1, y1), 1000 per rectangle it comes within (mx, my) of, plus the
    overlapping area."""
    if len(rects) == 0:
        return np.zeros(len(cands))
    a, b = cands[:, None, :], rects[None, :, :]
    ix = np.minimum(a[..., 2] + mx, b[..., 2]) - np.maximum(a[..., 0] - mx, b[..., 0])
    iy = np.minimum(a[..., 3] + my, b[..., 3]) - np.maximum(a[..., 1] - my, b[..., 1])
    hit = (ix > 0) & (iy > 0)
    return np.where(hit, 1000 + ix * iy, 0.0).sum(1)


def seg_dist(seg: np.ndarray, x: float, y: float) -> np.ndarray:
    """Distance from (x, y) to each segment (rows x0, y0, x1, y1)."""
    ax, ay, bx, by = seg[:, 0], seg[:, 1], seg[:, 2], seg[:, 3]
    dx, dy = bx - ax, by - ay
    t = np.clip(((x - ax) * dx + (y - ay) * dy) / np.maximum(dx * dx + dy * dy, 1e-12), 0, 1)
    return np.hypot(ax + t * dx - x, ay + t * dy - y)


def place_labels(edges: list[tuple[QPointF, QPointF]], todo: list[int], sizes: list[tuple[float, float]],
                 fixed: list[QRectF]) -> list[QRectF | None]:
    """Where to put a (w, h) = ``sizes[i]`` label on edge ``edges[todo[i]]`` (edges: the end points of every
    edge): on its edge where it covers no ``fixed`` rect or other label and as few other edges as possible (in
    the 2-2-2 layout: away from where w6 and w7 cross). Candidates are points along the edge; a greedy pass then
    a few sweeps of moving one label at a time to its best spot given the others. None for a label that still
    finds no free spot."""
    ts = np.linspace(0.16, 0.84, 35)
    fixed_boxes = np.array([[r.left(), r.top(), r.right(), r.bottom()] for r in fixed])
    cands, static = [], []
    for e, (w, h) in zip(todo, sizes):
        p1, p2 = edges[e]
        cx = p1.x() + (p2.x() - p1.x()) * ts
        cy = p1.y() + (p2.y() - p1.y()) * ts
        rects = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], 1)
        cost = 8 * np.abs(ts - 0.5) + _overlap_cost(rects, fixed_boxes)
        for k, r in enumerate(rects):
            q = QRectF(r[0], r[1], w, h)
            cost[k] += 40 * sum(1 for j, (a, b) in enumerate(edges) if j != e and _seg_hits_rect(a, b, q))
        cands.append(rects)
        static.append(cost)
    choice: list[int | None] = [None] * len(todo)

    def total(i):
        others = np.array([cands[j][choice[j]] for j in range(len(todo)) if j != i and choice[j] is not None])
        return static[i] + (_overlap_cost(cands[i], others) if len(others) else 0)

    for _sweep in range(8):
        changed = False
        for i in range(len(todo)):
            k = int(np.argmin(total(i)))
            changed |= k != choice[i]
            choice[i] = k
        if not changed:
            break
    spots: list[QRectF | None] = []
    for i in range(len(todo)):
        if total(i)[choice[i]] >= 1000:
            spots.append(None)
            continue
        r = cands[i][choice[i]]
        spots.append(QRectF(r[0], r[1], r[2] - r[0], r[3] - r[1]))
    return spots


__all__ = ["DiagramLayout", "FONT_PX", "MAP_VIEW", "place_labels", "seg_dist"]
