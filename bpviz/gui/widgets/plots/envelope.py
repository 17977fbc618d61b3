"""A long curve reduced to the points a plot can show: in each of a few thousand bins its lowest and highest point.

The single neuron's stochastic run records every step (up to 10^6). Drawn whole, each curve cost the plots
their speed, and an SVG of the grid took 7 s and 7 MB. pyqtgraph's own answer (auto downsampling with
clip-to-view) fails once the view is zoomed out far (``ValueError: Maximum allowed dimension exceeded`` on every
redraw after a right-drag): its factor grows with the view's width until NumPy cannot shape the array. Reduced
once, when the data is set, a curve keeps its shape (every peak and trough of each bin, in their order) at any
zoom, and the plots need no downsampling at all.

NumPy only; no Qt.
"""

from __future__ import annotations

import numpy as np

MAX_POINTS = 2048  # points a curve keeps: two per bin; 1,024 bins are three a pixel of a plot on screen


def envelope(x, y, max_points: int = MAX_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) with at most ``max_points`` + 2 points: the first and last, and the lowest and highest y of each of
    ``max_points // 2`` runs of consecutive points, in their order. NaN (a gap) is kept where a whole run is NaN.
    Shorter data comes back as it is."""
    x, y = np.asarray(x), np.asarray(y, dtype=np.float64)
    n = len(y)
    if n <= max_points:
        return x, y
    per = -(-n // max(max_points // 2, 1))  # points per bin
    bins = -(-n // per)  # the last bin holds at least one point
    padded = np.full(bins * per, np.nan)
    padded[:n] = y
    rows = padded.reshape(bins, per)
    missing = np.isnan(rows)
    lowest = np.argmin(np.where(missing, np.inf, rows), axis=1)
    highest = np.argmax(np.where(missing, -np.inf, rows), axis=1)
    start = np.arange(bins) * per
    pairs = np.stack([np.minimum(lowest, highest), np.maximum(lowest, highest)], axis=1) + start[:, None]
    keep = np.concatenate([[0], np.minimum(pairs.ravel(), n - 1), [n - 1]])  # in order: bins follow each other
    keep = keep[np.concatenate([[True], np.diff(keep) > 0])]  # each point once
    return x[keep], y[keep]


__all__ = ["MAX_POINTS", "envelope"]
