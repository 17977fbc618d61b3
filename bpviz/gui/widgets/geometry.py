"""Plane geometry shared by the diagrams' label placement (plain Python: the layouts are tested without Qt)."""

from __future__ import annotations


def segment_hits_rect(x0: float, y0: float, x1: float, y1: float,
                      left: float, top: float, right: float, bottom: float) -> bool:
    """Whether the segment (x0, y0)-(x1, y1) passes through the rectangle (Liang-Barsky clipping)."""
    if (x0 < left and x1 < left) or (x0 > right and x1 > right) or (y0 < top and y1 < top) \
            or (y0 > bottom and y1 > bottom):
        return False  # the common case, decided at once
    dx, dy, t0, t1 = x1 - x0, y1 - y0, 0.0, 1.0
    for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True
