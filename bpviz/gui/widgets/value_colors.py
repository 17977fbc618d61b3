"""The colour scale of regression values: −1 orange … 0 light grey … +1 blue, TensorFlow Playground's look.

Points of a regression data set carry a value instead of a class; the decision plot and the data set buttons
colour them with this scale (the region behind them uses the same hues, lighter). Values are clipped to
[-1, 1] and rounded to ``LEVELS`` steps of 0.05: a scatter plot then needs at most 41 brushes, whose symbols
pyqtgraph draws once and caches, and no one can tell two neighbouring steps apart.
"""

from __future__ import annotations

import numpy as np

from bpviz.gui import palette

LEVELS = 41  # −1, −0.95, …, +1
#: the colour of 0 is palette.VALUE_ZERO: grey enough that a point of value 0 shows on the white of a region at 0
MID = "#c9ced3"  # palette.VALUE_ZERO of the light scheme


def _rgb(hex_color: str) -> np.ndarray:
    h = hex_color.lstrip("#")
    return np.array([int(h[i:i + 2], 16) for i in (0, 2, 4)], float)


def value_levels(values) -> np.ndarray:
    """Indices 0..LEVELS-1 of the values' steps (NaN counts as 0, the middle)."""
    v = np.nan_to_num(np.asarray(values, float), nan=0.0)
    return np.round((np.clip(v, -1.0, 1.0) + 1.0) / 2.0 * (LEVELS - 1)).astype(np.intp)


def level_rgb() -> np.ndarray:
    """(LEVELS, 3) RGB 0..255 of each step: orange at −1 through VALUE_ZERO at 0 to blue at +1, linearly."""
    t = np.linspace(-1.0, 1.0, LEVELS)[:, None]
    neg, mid, pos = _rgb(palette.NEGATIVE), _rgb(palette.VALUE_ZERO), _rgb(palette.POSITIVE)
    return np.round(np.where(t < 0, mid + (-t) * (neg - mid), mid + t * (pos - mid)))


def level_colors() -> list[str]:
    """Each step's colour as "#rrggbb"."""
    return ["#{:02x}{:02x}{:02x}".format(*(int(c) for c in rgb)) for rgb in level_rgb()]


def value_color(value: float) -> str:
    """The colour of one value, as "#rrggbb"."""
    return level_colors()[int(value_levels([value])[0])]
