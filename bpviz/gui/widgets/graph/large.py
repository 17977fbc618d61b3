"""The layout of a large computation graph (or a program's, grouped by statement): the engine's layered layout
(``bpviz.engine.graph_layout``) with the view's sizes, edges routed through its dummies, captions above the
nodes, each edge's two labels on its last segment, and a box around each statement's nodes.

Plain Python (no Qt) and fast (the hand-tuned ``layout_graph`` searches every label spot against every other
one: half a second for 40 nodes; this takes a few milliseconds for 80). Labels are checked for overlaps through
a grid of cells, so each check looks at its neighbourhood only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bpviz.engine.graph_layout import is_dummy, layered_layout
from bpviz.gui.widgets.graph.labels import NAME_GAP, OUTPUT_STUB, EdgeKey, Rect, label_rects
from bpviz.gui.widgets.graph.layout import GraphLayout, NodeSpec, _port

__all__ = ["layout_large", "GROUP_PAD", "GROUP_TITLE_H"]

GROUP_PAD = 8.0  # px between a statement's box and its nodes
GROUP_TITLE_H = 16.0  # the statement's text at the top of its box
_SPOTS = (0.5, 0.35, 0.65, 0.25, 0.75)
_CELL = 80.0


class _Grid:
    """Rectangles hashed into square cells: which placed ones may touch a new one."""

    def __init__(self):
        self.cells: dict[tuple[int, int], list[Rect]] = {}

    def _keys(self, r: Rect):
        for i in range(int(r.left // _CELL), int(r.right // _CELL) + 1):
            for j in range(int(r.top // _CELL), int(r.bottom // _CELL) + 1):
                yield i, j

    def add(self, r: Rect) -> None:
        for k in self._keys(r):
            self.cells.setdefault(k, []).append(r)

    def hits(self, r: Rect, margin: float = 2.0) -> bool:
        return any(o.intersects(r, margin) for k in self._keys(r) for o in self.cells.get(k, ()))

    def overlap(self, r: Rect) -> float:
        near = {id(o): o for k in self._keys(r) for o in self.cells.get(k, ())}
        return sum(r.overlap(o) for o in near.values())


def layout_large(nodes: Sequence[NodeSpec], output: str, label_sizes: dict[EdgeKey, tuple[float, float]],
                 groups: Mapping[str, str | None] | None = None, *, row_gap: float = 10.0, label_pad: float = 6.0,
                 margin: float = 10.0, min_column_gap: float = 44.0, max_column_gap: float = 110.0) -> GraphLayout:
    """``layout_graph``'s result for a big graph: leaves next to their readers, the output alone at the right,
    the nodes of a group (``groups[name]``: its statement) kept together and boxed (``GraphLayout.groups``)."""
    groups = {n: g for n, g in (groups or {}).items() if g}
    specs = {n.name: n for n in nodes}
    inputs = {n.name: n.inputs for n in nodes}
    label_h = max((h for _w, h in label_sizes.values()), default=14.0)
    extents = {n.name: (n.height / 2 + (n.name_height + NAME_GAP if n.name_height else 0.0), n.height / 2)
               for n in nodes}
    room = 2 * label_h + row_gap  # an edge's two labels fit between two neighbours
    if groups:
        room += GROUP_TITLE_H
    lay = layered_layout(inputs, output, widths={n.name: max(n.width, n.name_width) for n in nodes},
                         extents=extents, groups=groups, leaves_near_readers=True, row_gap=room,
                         dummy_extent=label_h + 2)
    extra: dict[int, float] = {}
    step = max((w for w, _h in label_sizes.values()), default=40.0) / 2 + 10
    for _attempt in range(4):  # where labels found no free spot, the gap there is widened and all placed again
        result, crowded = _place(lay, specs, output, label_sizes, groups, extra, label_h, label_pad, margin,
                                 min_column_gap, max_column_gap)
        if not crowded:
            break
        for k in crowded:
            extra[k] = extra.get(k, 0.0) + step
    return result


def _place(lay, specs, output, label_sizes, groups, extra, label_h, label_pad, margin, min_column_gap,
           max_column_gap) -> tuple[GraphLayout, set[int]]:
    ys = lay.y
    # x: each gap wide enough for the labels of the edges arriving there, and wider for a steep edge
    n_layers = lay.n_layers
    gaps = [min_column_gap] * (n_layers + 1)
    for key, chain in lay.chains.items():
        w = label_sizes.get(key, (0.0, 0.0))[0] + 2 * label_pad
        a, b = chain[-2], chain[-1]
        k = lay.layers[b]
        gaps[k] = max(gaps[k], w, min(0.5 * abs(ys[b] - ys[a]), max_column_gap))
        if len(chain) == 2 and sum(1 for c in lay.chains.values() if c[0] == a and c[-1] == b) > 1:
            gaps[k] = max(gaps[k], 2 * w + 40)  # bowed twins (x·x): each half takes a label
    for k, more in extra.items():
        gaps[k] += more
    widths = [max((max(specs[v].width, specs[v].name_width) for v in row if not is_dummy(v)), default=0.0)
              for row in lay.rows]
    xs: dict[int, float] = {}
    x = margin
    for k in range(n_layers):
        x += widths[k] / 2 if k == 0 else widths[k - 1] / 2 + gaps[k] + widths[k] / 2
        xs[k] = x
    result = GraphLayout(specs=specs, columns={n: lay.layers[n] for n in specs})
    for name in specs:
        result.centers[name] = (xs[lay.layers[name]], ys[name])
    # routes: from the source's right side through the dummies to a port on the target's left side
    arrivals: dict[str, list] = {}
    for key, chain in lay.chains.items():
        arrivals.setdefault(key[0], []).append((ys[chain[-2]], key[1], key))
    ports = {key: (rank, len(group)) for group in arrivals.values()
             for rank, (_y, _slot, key) in enumerate(sorted(group))}
    twins: dict[tuple[str, str], list[EdgeKey]] = {}
    for key, chain in lay.chains.items():
        if len(chain) == 2:
            twins.setdefault((chain[0], key[0]), []).append(key)
    for key, chain in lay.chains.items():
        points = [_port(result, chain[0], out=True)]
        points += [(xs[lay.layers[d]], ys[d]) for d in chain[1:-1]]
        points.append(_port(result, key[0], slot=ports[key][0], of=ports[key][1]))
        pair = twins.get((chain[0], key[0]), [key])
        if len(pair) > 1:
            (x0, y0), (x1, y1) = points
            bow = (pair.index(key) - (len(pair) - 1) / 2) * (2 * label_h + 8)
            points = [points[0], ((x0 + x1) / 2, (y0 + y1) / 2 + bow), points[1]]
        result.routes[key] = points
    out_w = label_sizes.get((OUTPUT_STUB, 0), (40.0, 0.0))[0] + 2 * label_pad
    ox, oy = _port(result, output, out=True)
    result.routes[(OUTPUT_STUB, 0)] = [(ox, oy), (ox + max(out_w, min_column_gap), oy)]
    # captions above the op nodes; then each edge's labels on its last segment, where they cover nothing
    grid = _Grid()
    for name, spec in specs.items():
        r = result.node_rect(name)
        grid.add(r)
        if spec.name_height:
            cap = Rect(r.left + (r.width - spec.name_width) / 2, r.top - NAME_GAP - spec.name_height,
                       spec.name_width, spec.name_height)
            result.captions[name] = cap
            grid.add(cap)
    crowded: set[int] = set()
    for key in sorted(result.routes, key=lambda k: (k[0] != OUTPUT_STUB, len(result.routes[k]), k)):
        points = result.routes[key]
        w, h = label_sizes.get(key, (40.0, 14.0))
        segments = list(zip(points, points[1:]))
        spots = [(a, b, t) for a, b in (segments[-1:] + segments[:-1]) for t in _SPOTS]
        # the first free spot usually comes early: the rectangles of the others are not made
        free = next((pair for a, b, t in spots if not grid.hits((pair := label_rects(a, b, t, w, h))[0])
                     and not grid.hits(pair[1])), None)
        if free is None:
            if key[0] != OUTPUT_STUB:
                crowded.add(lay.layers[key[0]])
            free = min((label_rects(a, b, t, w, h) for a, b, t in spots),
                       key=lambda pair: grid.overlap(pair[0]) + grid.overlap(pair[1]))
        above, below = free
        grid.add(above)
        grid.add(below)
        result.above[key], result.below[key] = above, below
    # a box around each statement's nodes (and their captions and arriving labels inside the layer)
    for name, group in groups.items():
        if name not in specs:
            continue
        boxes = [result.node_rect(name)] + ([result.captions[name]] if name in result.captions else [])
        left = min(r.left for r in boxes) - GROUP_PAD
        top = min(r.top for r in boxes) - GROUP_PAD - GROUP_TITLE_H
        right = max(r.right for r in boxes) + GROUP_PAD
        bottom = max(r.bottom for r in boxes) + GROUP_PAD
        if group in result.groups:
            old = result.groups[group]
            left, top = min(left, old.left), min(top, old.top)
            right, bottom = max(right, old.right), max(bottom, old.bottom)
        result.groups[group] = Rect(left, top, right - left, bottom - top)
    everything = ([result.node_rect(n) for n in specs] + list(result.captions.values())
                  + list(result.above.values()) + list(result.below.values()) + list(result.groups.values()))
    top = min(r.top for r in everything)
    bottom = max(r.bottom for r in everything)
    right = max(r.right for r in everything)
    _shift_all(result, margin - top)
    result.width = max(right, ox + max(out_w, min_column_gap)) + margin
    result.height = bottom - top + 2 * margin
    return result, crowded


def _shift_all(layout: GraphLayout, dy: float) -> None:
    def moved(r: Rect) -> Rect:
        return Rect(r.left, r.top + dy, r.width, r.height)

    layout.centers = {n: (x, y + dy) for n, (x, y) in layout.centers.items()}
    layout.routes = {k: [(x, y + dy) for x, y in pts] for k, pts in layout.routes.items()}
    layout.above = {k: moved(r) for k, r in layout.above.items()}
    layout.below = {k: moved(r) for k, r in layout.below.items()}
    layout.captions = {k: moved(r) for k, r in layout.captions.items()}
    layout.groups = {k: moved(r) for k, r in layout.groups.items()}
