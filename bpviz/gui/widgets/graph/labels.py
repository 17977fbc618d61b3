"""Where the computation graph's captions and edge labels go: geometry and a small search over spots.

Plain Python (no Qt), as ``graph_layout``, which calls it once the nodes and edges are placed. Each op node's
caption (its name) goes above or below it, where it crosses no edge and leaves every edge a free spot for its
labels; then each edge's two labels (forward value above the line, gradient below) go to the spot along the
edge that covers the fewest labels, nodes, captions and other edges, in two rounds so that an early edge can
move out of a later one's only spot.
"""

from __future__ import annotations

from dataclasses import dataclass

from bpviz.gui.widgets.geometry import segment_hits_rect

__all__ = ["Point", "EdgeKey", "OUTPUT_STUB", "NAME_GAP", "Rect", "place_captions", "place_labels", "label_rects"]

Point = tuple[float, float]
EdgeKey = tuple[str, int]  # (target node, input slot); the output stub is (OUTPUT_STUB, 0)
OUTPUT_STUB = "__output__"
NAME_GAP = 2.0  # px between a node and its caption


@dataclass(frozen=True)
class Rect:
    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def intersects(self, other: Rect, margin: float = 0.0) -> bool:
        return (self.left < other.right + margin and other.left < self.right + margin
                and self.top < other.bottom + margin and other.top < self.bottom + margin)

    def overlap(self, other: Rect) -> float:
        w = min(self.right, other.right) - max(self.left, other.left)
        h = min(self.bottom, other.bottom) - max(self.top, other.top)
        return w * h if w > 0 and h > 0 else 0.0

    def hits_segment(self, a: Point, b: Point) -> bool:
        """Whether the segment a-b passes through this rectangle."""
        return segment_hits_rect(*a, *b, self.left, self.top, self.left + self.width, self.top + self.height)


_SPOTS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.15, 0.85)  # where along a segment a label may go, best first


def place_captions(layout, sizes: dict[EdgeKey, tuple[float, float]]) -> None:
    """Each op node's name above or below it (centred, or flush with one side): where it crosses no edge and,
    above all, leaves every edge a free spot for its labels."""
    spots = {key: [label_rects(a, b, t, *sizes.get(key, (40.0, 14.0))) for a, b in zip(pts, pts[1:])
                   for t in _SPOTS] for key, pts in layout.routes.items()}
    segments = [seg for pts in layout.routes.values() for seg in zip(pts, pts[1:])]
    nodes = [layout.node_rect(n) for n in layout.specs]
    for name, spec in layout.specs.items():
        if not spec.name_height:
            continue
        r, w, h = layout.node_rect(name), spec.name_width, spec.name_height
        best = None
        for rank, (top, left) in enumerate((
                (r.top - NAME_GAP - h, r.left + (r.width - w) / 2), (r.bottom + NAME_GAP, r.left + (r.width - w) / 2),
                (r.top - NAME_GAP - h, r.right - w), (r.bottom + NAME_GAP, r.right - w),
                (r.top - NAME_GAP - h, r.left), (r.bottom + NAME_GAP, r.left))):
            rect = Rect(left, top, w, h)
            penalty = rank * 0.5 + sum(10 for seg in segments if rect.hits_segment(*seg))
            penalty += sum(50 for other in nodes if other.intersects(rect))
            penalty += sum(50 for other in layout.captions.values() if other.intersects(rect, 2))
            for options in spots.values():
                blocked = sum(1 for above, below in options if rect.intersects(above, 3) or rect.intersects(below, 3))
                penalty += 60 if blocked == len(options) else 4 * blocked / len(options)
            if best is None or penalty < best[0]:
                best = (penalty, rect)
        layout.captions[name] = best[1]


def place_labels(layout, sizes: dict[EdgeKey, tuple[float, float]]) -> list[tuple[EdgeKey, int]]:
    """Put each edge's two labels where they hit the fewest labels, nodes, captions and other edges (in that
    order of badness: a line crossing a label only disappears behind it), then once more with all the others
    in place, so an early edge can move out of a later one's only spot."""
    nodes = [layout.node_rect(n) for n in layout.specs]
    captions = list(layout.captions.values())
    segments = {key: list(zip(pts, pts[1:])) for key, pts in layout.routes.items()}
    every_segment = [(key, a, b) for key, segs in segments.items() for a, b in segs]
    placed: dict[EdgeKey, tuple[Rect, Rect]] = {}

    def best_spot(key: EdgeKey) -> tuple[Rect, Rect, int, bool]:
        w, h = sizes.get(key, (40.0, 14.0))
        others = [r for k, pair in placed.items() if k != key for r in pair]
        best = None
        for i, (a, b) in enumerate(segments[key]):
            steep = abs(b[1] - a[1]) / max(abs(b[0] - a[0]), 1.0)
            for t in _SPOTS:
                above, below = label_rects(a, b, t, w, h)
                penalty = abs(t - 0.5) * 4 + i * 0.5 + steep * 2
                covers = 0.0
                for rect in (above, below):
                    for other in others:
                        if rect.intersects(other, 4):
                            area = rect.overlap(other)
                            penalty += 600 + 10 * area
                            covers += area
                    for node in nodes:
                        if rect.intersects(node, 3):
                            area = rect.overlap(node)
                            penalty += 400 + area
                            covers += area
                    penalty += sum(300 + rect.overlap(c) for c in captions if rect.intersects(c, 2))
                    grown = Rect(rect.left - 2, rect.top - 2, rect.width + 4, rect.height + 4)
                    penalty += sum(30 for other, a2, b2 in every_segment if other != key and grown.hits_segment(a2, b2))
                if best is None or penalty < best[0]:
                    best = (penalty, above, below, i, covers > 0.05 * w * h)
        return best[1:]

    # the output stub first (it has one spot), then edges with the fewest segments (the least choice)
    keys = sorted(layout.routes, key=lambda k: (k[0] != OUTPUT_STUB, len(segments[k]), k))
    crowded = []
    for round_ in range(2):
        for key in keys:
            above, below, segment, covering = best_spot(key)
            placed[key] = (above, below)
            if round_ == 1 and covering:
                crowded.append((key, segment))
    for key, (above, below) in placed.items():
        layout.above[key], layout.below[key] = above, below
    return crowded


def label_rects(a: Point, b: Point, t: float, w: float, h: float) -> tuple[Rect, Rect]:
    """Label boxes on either side of the segment a-b at fraction t: pushed along the line's normal until they
    just touch it, so a slanted line stays visible between its two labels."""
    x = a[0] + (b[0] - a[0]) * t
    y = a[1] + (b[1] - a[1]) * t
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = max((dx * dx + dy * dy) ** 0.5, 1e-9)
    nx, ny = dy / length, -dx / length  # the normal on the upper side (screen y grows downwards)
    if ny > 0:
        nx, ny = -nx, -ny
    d = (abs(nx) * w + abs(ny) * h) / 2 + 1.0
    ax, ay = x + nx * d, y + ny * d
    bx, by = x - nx * d, y - ny * d
    return Rect(ax - w / 2, ay - h / 2, w, h), Rect(bx - w / 2, by - h / 2, w, h)
