"""The axes of the app's curves: tick texts that read as numbers, and round bounds that keep the axes still.

pyqtgraph writes a log axis spanning less than a decade as a lone "7·10⁻¹" and counts as 2e+04: ``LossAxis`` (the
loss plot's y axis) and ``CountAxis`` (steps and epochs, in the loss plot and the trajectory plots) write numbers.
An axis whose range moves repaints all its tick text: ``anchor_points`` gives the loss plot two invisible points at
round bounds, so that while it follows the data its range changes only when the data pass them.
"""

from __future__ import annotations

import math

import numpy as np

import pyqtgraph as pg


class LossAxis(pg.AxisItem):
    """pyqtgraph's axis, but a log axis spanning less than a decade gets evenly spaced plain values (0.64, 0.66,
    ...) instead of a lone "7·10⁻¹", and log labels read as numbers (0.01, not 10⁻²) where short."""

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        self._linear_ticks = False
        if maxVal - minVal >= 1.0 or not (math.isfinite(minVal) and math.isfinite(maxVal)):
            return super().logTickValues(minVal, maxVal, size, stdTicks)
        self._linear_ticks = True
        lo, hi = 10.0 ** minVal, 10.0 ** maxVal
        levels = []
        for spacing, offset in self.tickSpacing(lo, hi, size)[:2]:
            first = math.ceil((lo - offset) / spacing) * spacing + offset
            values = first + spacing * np.arange(int((hi - first) / spacing) + 1)
            values = values[values > 0]
            levels.append((None, np.log10(values).tolist()))
        return levels

    def logTickStrings(self, values, scale, spacing):
        out = []
        for v in values:
            x = 10.0 ** float(v) * scale
            mantissa = round(10.0 ** (float(v) - math.floor(float(v) + 1e-9)))
            if not getattr(self, "_linear_ticks", False) and mantissa not in (1, 2, 5):
                out.append("")  # 3·10^k, 4·10^k, ... crowd the top of each decade: tick marks only
            else:
                out.append(f"{x:.3g}" if 1e-4 <= x < 1e4 else super().logTickStrings([v], scale, spacing)[0])
        return out


class CountAxis(pg.AxisItem):
    """Step and epoch counts as 20k, 1.5M instead of pyqtgraph's 2e+04, 1.5e+06 (also the trajectory plots')."""

    def tickStrings(self, values, scale, spacing):
        big = max((abs(v * scale) for v in values), default=0.0)
        if big < 1e4 or self.logMode:
            return super().tickStrings(values, scale, spacing)
        div, suffix = (1e6, "M") if big >= 1e6 else (1e3, "k")
        return [f"{v * scale / div:.4g}{suffix}" if v else "0" for v in values]


def anchor_points(x_last: float, values: np.ndarray, log: bool) -> tuple[list[float], list[float]]:
    """(x, y) of two points bounding the curves' ``values`` (finite; positive on a ``log`` axis; not empty) and
    their x up to ``x_last``: y to decades (log) or tenths of the top's decade, x up to the next round number."""
    lo, hi = float(values.min()), float(values.max())
    if log:
        lo, hi = 10.0 ** math.floor(math.log10(lo)), 10.0 ** math.ceil(math.log10(hi))
    else:
        step = 10.0 ** math.floor(math.log10(hi)) / 10 if hi > 0 else 1.0
        lo, hi = min(0.0, math.floor(lo / step) * step), math.ceil(hi / step) * step
    return [0.0, _nice_ceil(max(float(x_last), 1.0))], [lo, hi]


def _nice_ceil(v: float) -> float:
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) that is >= v: the x range grows
    in steps of at most 25 %, and stays put in between."""
    k = 10.0 ** math.floor(math.log10(v))
    return next(m * k for m in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0) if m * k >= v)
