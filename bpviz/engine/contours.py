"""Contour lines (iso-lines) of a function sampled on a grid: marching squares, vectorised over the grid.

``contour_segments(x, y, z, level)`` gives the line segments where ``z`` crosses ``level``, as the loss
landscape draws them over its heat map; ``contour_levels`` chooses the levels (evenly spaced, or evenly spaced in
log10 for a range that spans decades). NumPy only, the grid's orientation that of ``bpviz.engine.landscape``:
``z[i, j]`` is at (``x[j]``, ``y[i]``).

Each grid cell has four corners, a = (i, j), b = (i, j+1), c = (i+1, j+1), d = (i+1, j); a corner is "above"
when its value is ≥ the level. Whichever corners are above, the line enters and leaves the cell through the edges
whose two ends differ, at the place found by linear interpolation; a cell with two opposite corners above (a
saddle) is split by the value at its centre (the mean of the four), as is usual. Cells with a corner that is
not a finite number have no line.
"""

from __future__ import annotations

import math

import numpy as np

# The edges of a cell: bottom a-b, right b-c, top d-c, left a-d (as (first corner, second corner)).
_BOTTOM, _RIGHT, _TOP, _LEFT = range(4)
# case (a + 2b + 4c + 8d over the corners above) → the pairs of edges joined by a segment. A saddle's two
# entries are (centre below, centre above).
_CASES: dict[int, tuple] = {
    1: ((_LEFT, _BOTTOM),), 2: ((_BOTTOM, _RIGHT),), 3: ((_LEFT, _RIGHT),), 4: ((_RIGHT, _TOP),),
    6: ((_BOTTOM, _TOP),), 7: ((_LEFT, _TOP),), 8: ((_TOP, _LEFT),), 9: ((_BOTTOM, _TOP),),
    11: ((_RIGHT, _TOP),), 12: ((_LEFT, _RIGHT),), 13: ((_BOTTOM, _RIGHT),), 14: ((_LEFT, _BOTTOM),),
}
# a and c above: centre below → a and c cut off on their own; centre above → b and d cut off
_SADDLES = {5: (((_LEFT, _BOTTOM), (_RIGHT, _TOP)), ((_BOTTOM, _RIGHT), (_TOP, _LEFT))),
            10: (((_BOTTOM, _RIGHT), (_TOP, _LEFT)), ((_LEFT, _BOTTOM), (_RIGHT, _TOP)))}


def _grid(x, y, z) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = np.asarray(x, dtype=np.float64).ravel()
    y = np.asarray(y, dtype=np.float64).ravel()
    z = np.asarray(z, dtype=np.float64)
    if z.shape != (len(y), len(x)):
        raise ValueError(f"z must have shape (len(y), len(x)) = ({len(y)}, {len(x)}), got {z.shape}")
    return x, y, z


def contour_segments(x, y, z, level: float) -> np.ndarray:
    """The iso-line ``z = level`` as segments, an array (K, 2, 2): segment k runs from (s[k, 0, 0], s[k, 0, 1])
    to (s[k, 1, 0], s[k, 1, 1]) in the coordinates of ``x`` and ``y``. Empty (0, 2, 2) if the level is not
    crossed (or the grid has fewer than 2 points along an axis)."""
    x, y, z = _grid(x, y, z)
    level = float(level)
    if len(x) < 2 or len(y) < 2 or not math.isfinite(level):
        return np.zeros((0, 2, 2))
    a, b, c, d = z[:-1, :-1], z[:-1, 1:], z[1:, 1:], z[1:, :-1]
    with np.errstate(invalid="ignore"):
        finite = np.isfinite(a) & np.isfinite(b) & np.isfinite(c) & np.isfinite(d)
        case = ((a >= level) * 1 + (b >= level) * 2 + (c >= level) * 4 + (d >= level) * 8).astype(np.intp)
    case[~finite] = 0
    rows, cols = np.nonzero((case != 0) & (case != 15))
    if len(rows) == 0:
        return np.zeros((0, 2, 2))
    points = _edge_points(x, y, z, level, rows, cols)  # (n, 4 edges, 2)
    cases = case[rows, cols]
    centre_above = (a[rows, cols] + b[rows, cols] + c[rows, cols] + d[rows, cols]) / 4.0 >= level
    parts = []
    for value, pairs in _CASES.items():
        (first, second), = pairs
        pick = np.flatnonzero(cases == value)
        if len(pick):
            parts.append(np.stack([points[pick, first], points[pick, second]], axis=1))
    for value, (below, above) in _SADDLES.items():
        for pairs, centre in ((below, False), (above, True)):
            pick = np.flatnonzero((cases == value) & (centre_above == centre))
            if len(pick):
                parts += [np.stack([points[pick, first], points[pick, second]], axis=1) for first, second in pairs]
    return np.concatenate(parts) if parts else np.zeros((0, 2, 2))


def _edge_points(x, y, z, level, rows, cols) -> np.ndarray:
    """Where ``level`` falls on each of the four edges of the cells (rows, cols), by linear interpolation
    (meaningful only on the edges it crosses): an array (n, 4, 2)."""
    x0, x1, y0, y1 = x[cols], x[cols + 1], y[rows], y[rows + 1]
    za, zb, zc, zd = z[rows, cols], z[rows, cols + 1], z[rows + 1, cols + 1], z[rows + 1, cols]

    def t(first, second):
        with np.errstate(invalid="ignore", divide="ignore"):
            out = (level - first) / (second - first)
        return np.clip(np.nan_to_num(out, nan=0.5), 0.0, 1.0)

    out = np.empty((len(rows), 4, 2))
    out[:, _BOTTOM] = np.column_stack([x0 + t(za, zb) * (x1 - x0), y0])
    out[:, _RIGHT] = np.column_stack([x1, y0 + t(zb, zc) * (y1 - y0)])
    out[:, _TOP] = np.column_stack([x0 + t(zd, zc) * (x1 - x0), y1])
    out[:, _LEFT] = np.column_stack([x0, y0 + t(za, zd) * (y1 - y0)])
    return out


def wide_range(low: float, high: float, decades: float = 2.0) -> bool:
    """Whether values from ``low`` to ``high`` (both > 0) span more than ``decades`` powers of ten: then a log
    scale shows them better than a linear one."""
    return low > 0.0 and math.isfinite(high) and high > 0.0 and math.log10(high / low) > decades


def contour_levels(z, count: int = 10, log: bool | None = None) -> np.ndarray:
    """``count`` levels strictly inside the range of the finite values of ``z``: evenly spaced, or evenly spaced in
    log10 (``log`` True, or None and the range ``wide_range``). Empty for a flat or empty grid."""
    values = np.asarray(z, dtype=np.float64)
    values = values[np.isfinite(values)]
    if values.size == 0 or count < 1:
        return np.zeros(0)
    low, high = float(values.min()), float(values.max())
    if not high > low:
        return np.zeros(0)
    if log is None:
        log = wide_range(low, high)
    if log and low > 0.0:
        return 10.0 ** np.linspace(math.log10(low), math.log10(high), count + 2)[1:-1]
    return np.linspace(low, high, count + 2)[1:-1]
