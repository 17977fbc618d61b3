"""Where the computation graph's nodes, edges and edge labels go: a small layered (Sugiyama-style) layout.

Plain Python (no Qt), so it is cheap to test; the view measures the texts and hands in sizes.

1. Columns: an operation sits one column right of its deepest input; a leaf sits just left of its first
   reader (the discount next to the subtotal, the targets next to the logs), not far away at the left edge.
2. An edge that skips columns gets a waypoint in each column it crosses, so it has a lane of its own and no
   node is drawn on top of it.
3. Order in each column: barycentre sweeps, keeping the order with the fewest crossings.
4. Heights: each node is pulled towards the mean height of its neighbours (waypoints harder, so long edges
   run straight), then the column is fitted to those wishes keeping its order and minimum gaps (isotonic
   regression with gaps, solved exactly by pool-adjacent-violators).
5. Column gaps are as wide as the widest label that has to sit between them.
6. Captions and edge labels: see ``graph_labels``. Where labels still cover each other or a node, the gaps
   there are widened and the layout made again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bpviz.engine.graph_layout import fit_in_order
from bpviz.gui.widgets.graph.labels import NAME_GAP, OUTPUT_STUB, EdgeKey, Point, Rect, place_captions, place_labels

__all__ = ["NodeSpec", "GraphLayout", "layout_graph", "OUTPUT_STUB", "Rect"]


@dataclass(frozen=True)
class NodeSpec:
    name: str
    inputs: tuple[str, ...]
    width: float
    height: float
    name_height: float = 0.0  # a caption (the op node's name) above or below the node; 0 for none
    name_width: float = 0.0
    round: bool = True  # a circle/stadium (ports on its curve) or a box


@dataclass
class GraphLayout:
    centers: dict[str, Point] = field(default_factory=dict)
    specs: dict[str, NodeSpec] = field(default_factory=dict)
    columns: dict[str, int] = field(default_factory=dict)
    routes: dict[EdgeKey, list[Point]] = field(default_factory=dict)  # from the source's border to the target's
    captions: dict[str, Rect] = field(default_factory=dict)  # where each op node's name goes
    above: dict[EdgeKey, Rect] = field(default_factory=dict)  # forward value labels
    below: dict[EdgeKey, Rect] = field(default_factory=dict)  # gradient labels
    groups: dict[str, Rect] = field(default_factory=dict)  # a box per program statement (large.py), by its text
    width: float = 0.0
    height: float = 0.0

    def node_rect(self, name: str) -> Rect:
        (x, y), s = self.centers[name], self.specs[name]
        return Rect(x - s.width / 2, y - s.height / 2, s.width, s.height)


def layout_graph(nodes: Sequence[NodeSpec], output: str, label_sizes: dict[EdgeKey, tuple[float, float]],
                 **options) -> GraphLayout:
    """Place ``nodes`` (in forward order, inputs before readers) left to right; ``label_sizes[key]`` is the
    (width, height) of the larger of an edge's two labels. The output gets a short stub to the right.
    Where labels still cover each other or a node, the gaps around are widened and the layout made again
    (twice at most)."""
    extra: dict[int, float] = {}
    for _attempt in range(3):
        layout, crowded = _layout_once(nodes, output, label_sizes, extra, **options)
        if not crowded:
            break
        step = max((w for w, _h in label_sizes.values()), default=40.0) / 2 + 10
        for c in crowded:
            extra[c] = extra.get(c, 0.0) + step
    return layout


def _layout_once(nodes: Sequence[NodeSpec], output: str, label_sizes: dict[EdgeKey, tuple[float, float]],
                 extra_gaps: dict[int, float], *, row_gap: float = 10.0, label_pad: float = 6.0,
                 margin: float = 10.0, min_column_gap: float = 44.0, max_column_gap: float = 110.0
                 ) -> tuple[GraphLayout, set[int]]:
    specs = {n.name: n for n in nodes}
    order = [n.name for n in nodes]
    columns = _columns(specs, order)
    label_h = max((h for _, h in label_sizes.values()), default=14.0)
    # lanes: real nodes and one waypoint per column an edge crosses
    lanes: dict[int, list[str]] = {}
    chains: dict[EdgeKey, list[str]] = {}
    waypoint_of: dict[str, EdgeKey] = {}
    for name in order:
        lanes.setdefault(columns[name], []).append(name)
    for name in order:
        for slot, source in enumerate(specs[name].inputs):
            chain = [source]
            for c in range(columns[source] + 1, columns[name]):
                w = f"\0{name}\0{slot}\0{c}"
                waypoint_of[w] = (name, slot)
                lanes.setdefault(c, []).append(w)
                chain.append(w)
            chains[(name, slot)] = chain + [name]
    parallel: dict[tuple[str, str], list[EdgeKey]] = {}  # x·x: two edges between the same two nodes
    for key, chain in chains.items():
        if len(chain) == 2:
            parallel.setdefault((chain[0], key[0]), []).append(key)
    neighbours: dict[str, list[str]] = {v: [] for col in lanes.values() for v in col}
    for chain in chains.values():
        for a, b in zip(chain, chain[1:]):
            neighbours[a].append(b)
            neighbours[b].append(a)
    n_columns = max(lanes) + 1
    _order_columns(lanes, neighbours, columns, n_columns)

    def extent(v: str) -> tuple[float, float]:  # (above centre, below centre): room for a caption either side
        if v in waypoint_of:
            return label_h + 2, label_h + 2
        s = specs[v]
        half = s.height / 2 + (s.name_height + NAME_GAP if s.name_height else 0)
        return half, half

    ys = _heights(lanes, neighbours, waypoint_of, extent, 2 * label_h + row_gap)
    # column x positions: wide enough for the node and for the labels of the edges arriving from the left
    widths = {c: max((max(specs[v].width, specs[v].name_width) for v in lanes[c] if v in specs), default=0.0)
              for c in range(n_columns)}
    gaps = {c: min_column_gap for c in range(1, n_columns + 1)}
    for key, chain in chains.items():
        w = label_sizes.get(key, (0.0, 0.0))[0] + 2 * label_pad
        for a, b in zip(chain, chain[1:]):
            c = columns[b] if b in columns else _column_of_waypoint(b)
            # wide enough for the labels, and wider for a very steep edge (then at most about 63°)
            gaps[c] = max(gaps[c], w, min(0.5 * abs(ys[b] - ys[a]), max_column_gap))
        if len(parallel.get((chain[0], key[0]), ())) > 1:  # bowed twins: each half takes a label
            gaps[columns[key[0]]] = max(gaps[columns[key[0]]], 2 * w + 40)
    for c, more in extra_gaps.items():  # a crowded gap (see layout_graph) gets wider, whatever set it
        if c in gaps:
            gaps[c] += more
    out_w = label_sizes.get((OUTPUT_STUB, 0), (40.0, 0.0))[0] + 2 * label_pad
    xs, x = {}, margin
    for c in range(n_columns):
        x += widths[c] / 2 if c == 0 else widths[c - 1] / 2 + gaps[c] + widths[c] / 2
        xs[c] = x
    right_edge = xs[n_columns - 1] + widths[n_columns - 1] / 2

    result = GraphLayout(specs=specs, columns=columns)
    for c, col in lanes.items():
        for v in col:
            if v in specs:
                result.centers[v] = (xs[c], ys[v])
    arrivals: dict[str, list[tuple[float, EdgeKey]]] = {}  # a node's inputs, by the height they come from
    for key, chain in chains.items():
        before = chain[-2]
        arrivals.setdefault(key[0], []).append((ys[before], key[1], key))
    ports = {key: (rank, len(group)) for group in arrivals.values()
             for rank, (_y, _slot, key) in enumerate(sorted(group))}
    for key, chain in chains.items():
        target = key[0]
        points = [_port(result, chain[0], out=True)]
        points += [(xs[_column_of_waypoint(w)], ys[w]) for w in chain[1:-1]]
        points.append(_port(result, target, slot=ports[key][0], of=ports[key][1]))
        twins = parallel.get((chain[0], target), [key])
        if len(twins) > 1:  # bow them apart, each with room for its labels
            (x0, y0), (x1, y1) = points
            bow = (twins.index(key) - (len(twins) - 1) / 2) * (2 * label_h + 8)
            points = [points[0], ((x0 + x1) / 2, (y0 + y1) / 2 + bow), points[1]]
        result.routes[key] = points
    ox, oy = _port(result, output, out=True)
    result.routes[(OUTPUT_STUB, 0)] = [(ox, oy), (ox + max(out_w, min_column_gap), oy)]
    place_captions(result, label_sizes)
    segment_columns = {key: [columns[b] if b in columns else _column_of_waypoint(b) for b in chain[1:]]
                       for key, chain in chains.items()}
    crowded = {segment_columns[key][i] for key, i in place_labels(result, label_sizes)
               if key in segment_columns}
    boxes = [result.node_rect(n) for n in specs] + list(result.captions.values())
    top = min([r.top for r in result.above.values()] + [r.top for r in boxes])
    bottom = max([r.bottom for r in result.below.values()] + [r.bottom for r in boxes])
    _shift(result, margin - top)
    result.width = max(right_edge, ox + max(out_w, min_column_gap)) + margin
    result.height = bottom - top + 2 * margin
    return result, crowded


def _column_of_waypoint(w: str) -> int:
    return int(w.rsplit("\0", 1)[1])


def _columns(specs: dict[str, NodeSpec], order: list[str]) -> dict[str, int]:
    col: dict[str, int] = {}
    for name in order:
        s = specs[name]
        col[name] = 1 + max((col[i] for i in s.inputs), default=-1) if s.inputs else 0
    readers: dict[str, list[str]] = {name: [] for name in order}
    for name in order:
        for source in specs[name].inputs:
            readers[source].append(name)
    for name in order:  # leaves just left of their first reader
        if not specs[name].inputs and readers[name]:
            col[name] = min(col[r] for r in readers[name]) - 1
    shift = min(col.values())
    return {name: c - shift for name, c in col.items()}


def _order_columns(lanes, neighbours, columns, n_columns) -> None:
    position = {v: i for col in lanes.values() for i, v in enumerate(col)}
    column_of = {v: (columns[v] if v in columns else _column_of_waypoint(v)) for v in position}

    def crossings() -> int:
        total = 0
        for c in range(n_columns - 1):
            edges = [(position[a], position[b]) for a in lanes.get(c, []) for b in neighbours[a]
                     if column_of[b] == c + 1]
            total += sum(1 for i, (a1, b1) in enumerate(edges) for a2, b2 in edges[i + 1:]
                         if (a1 - a2) * (b1 - b2) < 0)
        return total

    best, best_count = {c: list(col) for c, col in lanes.items()}, crossings()
    for sweep in range(8):
        forward = sweep % 2 == 0
        for c in (range(1, n_columns) if forward else range(n_columns - 2, -1, -1)):
            side = c - 1 if forward else c + 1

            def bary(v, side=side):
                near = [position[u] for u in neighbours[v] if column_of[u] == side]
                return sum(near) / len(near) if near else position[v]

            lanes[c].sort(key=lambda v: (bary(v), position[v]))
            position.update((v, i) for i, v in enumerate(lanes[c]))
        count = crossings()
        if count < best_count:
            best, best_count = {c: list(col) for c, col in lanes.items()}, count
    lanes.clear()
    lanes.update(best)


def _heights(lanes, neighbours, waypoint_of, extent, gap) -> dict[str, float]:
    ys: dict[str, float] = {}
    for col in lanes.values():  # start: stacked, centred on 0
        y = 0.0
        for i, v in enumerate(col):
            if i:
                y += extent(col[i - 1])[1] + gap + extent(v)[0]
            ys[v] = y
        mid = (ys[col[0]] + ys[col[-1]]) / 2
        for v in col:
            ys[v] -= mid
    columns = sorted(lanes)
    for sweep in range(24):
        for c in (columns if sweep % 2 == 0 else reversed(columns)):
            col = lanes[c]
            wishes, weights = [], []
            for v in col:
                near = neighbours[v]
                wish = sum(ys[u] for u in near) / len(near) if near else ys[v]
                wishes.append(wish)
                weights.append(4.0 if v in waypoint_of else 1.0)
            gaps = [extent(a)[1] + gap + extent(b)[0] for a, b in zip(col, col[1:])]
            for v, y in zip(col, fit_in_order(wishes, weights, gaps)):
                ys[v] = y
    return ys


def _port(layout: GraphLayout, name: str, out: bool = False, slot: int = 0, of: int = 1) -> Point:
    """Where an edge leaves (right side, middle) or enters (left side; several inputs spread out) a node."""
    (x, y), s = layout.centers[name], layout.specs[name]
    if out:
        return x + s.width / 2, y
    r = s.height / 2
    spread = min(r * 0.55, 8.0 * (of - 1))
    dy = 0.0 if of == 1 else -spread + 2 * spread * slot / (of - 1)
    left = x - s.width / 2
    if s.round:
        return left + r - (r * r - dy * dy) ** 0.5, y + dy
    return left, y + dy


def _shift(layout: GraphLayout, dy: float) -> None:
    layout.centers = {n: (x, y + dy) for n, (x, y) in layout.centers.items()}
    layout.routes = {k: [(x, y + dy) for x, y in pts] for k, pts in layout.routes.items()}
    layout.above = {k: Rect(r.left, r.top + dy, r.width, r.height) for k, r in layout.above.items()}
    layout.below = {k: Rect(r.left, r.top + dy, r.width, r.height) for k, r in layout.below.items()}
    layout.captions = {k: Rect(r.left, r.top + dy, r.width, r.height) for k, r in layout.captions.items()}
