"""The landscape's colour scale: viridis (perceptually uniform, readable in grey and by colour-blind eyes), on a
linear or a log10 scale of the loss; places where the loss is not a finite number get ``BLANK``.

Plain NumPy over pyqtgraph's own copy of the map (no matplotlib): ``ColorScale(low, high, log).rgb(values)`` gives
the colour of each value, the same table the map's pixels and its colour bar are drawn from.
"""

from __future__ import annotations

import math

import numpy as np

import pyqtgraph as pg

COLOR_MAP = "viridis"
LEVELS = 256
BLANK = (235, 235, 235)  # a loss too large for a float64


def color_table() -> np.ndarray:
    """(LEVELS, 3) uint8 RGB, low to high."""
    return np.asarray(pg.colormap.get(COLOR_MAP).getLookupTable(nPts=LEVELS, alpha=False), dtype=np.uint8)


class ColorScale:
    """Values from ``low`` to ``high`` (finite; ``log``: both > 0, spaced by ratio) onto the table's colours."""

    def __init__(self, low: float, high: float, log: bool = False):
        low, high = float(low), float(high)
        self.log = bool(log) and low > 0.0
        if not high > low:  # a flat map: one colour, the middle
            pad = max(abs(low) * 1e-9, 1e-300)
            low, high = low - pad, high + pad
        self.low, self.high = low, high
        self.table = color_table()

    @classmethod
    def for_values(cls, values, log: bool) -> ColorScale:
        v = np.asarray(values, dtype=np.float64)
        v = v[np.isfinite(v)]
        if v.size == 0:
            return cls(0.0, 1.0, False)
        return cls(float(v.min()), float(v.max()), log)

    def bar_range(self) -> tuple[float, float]:
        """The colour bar's axis: the values, or their log10."""
        if self.log:
            return math.log10(self.low), math.log10(self.high)
        return self.low, self.high

    def fraction(self, values) -> np.ndarray:
        """Where each value lies on the scale, 0 … 1 (NaN for a value that is not finite)."""
        v = np.asarray(values, dtype=np.float64)
        low, high = self.bar_range()
        with np.errstate(invalid="ignore", divide="ignore"):
            t = ((np.log10(v) if self.log else v) - low) / (high - low)
        return np.where(np.isfinite(v), np.clip(t, 0.0, 1.0), np.nan)

    def indices(self, values) -> np.ndarray:
        """The table row of each value (-1 where not finite)."""
        t = self.fraction(values)
        return np.where(np.isfinite(t), np.rint(np.nan_to_num(t) * (LEVELS - 1)), -1).astype(np.intp)

    def rgb(self, values) -> np.ndarray:
        """(..., 3) uint8 colours of the values (``BLANK`` where not finite)."""
        i = self.indices(values)
        out = self.table[np.maximum(i, 0)]
        out[i < 0] = BLANK
        return out

    def argb32(self, values) -> np.ndarray:
        """The colours as 0xAARRGGBB uint32 (QImage.Format_RGB32)."""
        c = self.rgb(values).astype(np.uint32)
        return (0xFF000000 | (c[..., 0] << 16) | (c[..., 1] << 8) | c[..., 2]).astype(np.uint32)

    def ticks(self) -> list[tuple[float, str]]:
        """Tick marks of the colour bar on a log scale: (log10 value, the value in words) at whole powers of ten,
        or at 1, 2, 5 × powers of ten when the range spans fewer than three decades."""
        if not self.log:
            return []
        low, high = self.bar_range()
        decades = range(math.floor(low), math.ceil(high) + 1)
        steps = (1,) if high - low >= 3 else (1, 2, 5)
        out = []
        for d in decades:
            for s in steps:
                position = d + math.log10(s)
                if low - 1e-9 <= position <= high + 1e-9:
                    out.append((position, _short(s * 10.0**d)))
        return out


def _short(value: float) -> str:
    text = f"{value:.3g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{int(exponent)}" if mantissa != "1" else f"1e{int(exponent)}"
    return text.replace("-", "−")
