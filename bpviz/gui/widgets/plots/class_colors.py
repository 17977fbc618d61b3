"""How the decision plot colours the plane and the points: NumPy lookups only, since a region arrives ~30 times
a second.

Two classes (and regression, on the same scale): one ramp of P(blue), light orange at 0, white at 0.5, light blue
at 1 (``REGION_LUT``, ``REGION_ARGB``). K ≥ 3 classes: each place takes the colour of its most probable class
(``palette.class_color``), mixed into white by how sure the network is: a winning probability of 1/K (every class
as likely) is white, 1 is the class colour at ``REGION_STRENGTH``, linearly in between (``class_tables``,
``class_indices``). For K = 2 the same rule gives the ramp above: the winner's probability 0.5 … 1 is 2·P − 1 of
the strength. Points keep their full class colour, with a white rim (training) or a dark one (test).

In the dark scheme (``bpviz.gui.palette``) "white" is the dark background: the tints mix the class colours into
it (at ``DARK_REGION_STRENGTH``), training points get a dark rim and test points a light one. The tables are made
for the palette in use when asked for (``region_tables``, ``class_tables``, ``point_styles``).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from bpviz.gui import palette

REGION_STRENGTH = 0.55  # P = 0 or 1 shows the class colour mixed this much into white
DARK_REGION_STRENGTH = 0.45  # … into the dark background: the points in full colour stay apart from it
LEVELS = 256  # steps of the region's lightness
TRAIN_SIZE, TEST_SIZE = 8.0, 7.0  # the white rim of a train point melts into the region: one pixel larger


def point_styles() -> dict[str, tuple[float, str, float]]:
    """kind → (size, rim colour, rim width): training points rimmed with the background's colour (white), test
    points with the text's (dark); read from the palette in use."""
    return {"train": (TRAIN_SIZE, palette.POINT_RIM, 1.0), "test": (TEST_SIZE, palette.TEXT, 1.0)}


def region_strength() -> float:
    return DARK_REGION_STRENGTH if palette.is_dark() else REGION_STRENGTH


def _rgb(hex_color: str) -> np.ndarray:
    h = hex_color.lstrip("#")
    return np.array([int(h[i:i + 2], 16) for i in (0, 2, 4)], float)


def mix(hex_color: str, amount: float) -> np.ndarray:
    """``amount`` of the colour, the rest the background (white, or dark in the dark scheme), as RGB floats."""
    base = _rgb(palette.BACKGROUND)
    return base + amount * (_rgb(hex_color) - base)


def _argb(rgba: np.ndarray) -> np.ndarray:
    """RGBA uint8 (..., 4) as opaque 0xFFRRGGBB words (what a QImage of Format_RGB32 holds)."""
    rgb = rgba[..., :3].astype(np.uint32)
    return np.uint32(0xFF000000) | (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]


def region_lut(n: int = LEVELS) -> np.ndarray:
    """(n, 4) uint8 RGBA: P(blue) 0 → light orange, 0.5 → white (the background), 1 → light blue."""
    t = np.linspace(-1.0, 1.0, n)[:, None]
    neg, pos = mix(palette.NEGATIVE, region_strength()), mix(palette.POSITIVE, region_strength())
    white = _rgb(palette.BACKGROUND)
    rgb = np.where(t < 0, white + (-t) * (neg - white), white + t * (pos - white))
    lut = np.empty((n, 4), np.uint8)
    lut[:, :3] = np.round(rgb)
    lut[:, 3] = 255
    return lut


REGION_LUT = region_lut()  # in the palette in use when this module was imported: prefer region_tables()
#: the same colours as 0xFFRRGGBB words: one NumPy lookup turns P(blue) into the pixels of a QImage
REGION_ARGB = _argb(REGION_LUT)


def region_tables() -> tuple[np.ndarray, np.ndarray]:
    """(``REGION_LUT``, ``REGION_ARGB``) in the colours of the palette in use."""
    return _region_tables(palette.NEGATIVE, palette.POSITIVE, palette.BACKGROUND)


@lru_cache(maxsize=4)
def _region_tables(_negative: str, _positive: str, _background: str) -> tuple[np.ndarray, np.ndarray]:
    lut = region_lut()
    return lut, _argb(lut)


def class_tables(k: int) -> tuple[np.ndarray, np.ndarray]:
    """(RGBA (k·LEVELS, 4) uint8, ARGB (k·LEVELS,) uint32): entry c·LEVELS + i is class c at lightness step i,
    white at 0 and the class colour at ``REGION_STRENGTH`` at LEVELS − 1. Read-only (shared)."""
    return _class_tables(k, palette.CLASS_PALETTE, palette.BACKGROUND)


@lru_cache(maxsize=8)
def _class_tables(k: int, _classes: tuple, _background: str) -> tuple[np.ndarray, np.ndarray]:
    t = np.linspace(0.0, 1.0, LEVELS)[None, :, None]
    ends = np.stack([mix(palette.class_color(c), region_strength()) for c in range(k)])[:, None, :]
    base = _rgb(palette.BACKGROUND)
    rgba = np.empty((k, LEVELS, 4), np.uint8)
    rgba[..., :3] = np.round(base + t * (ends - base))
    rgba[..., 3] = 255
    rgba = rgba.reshape(k * LEVELS, 4)
    argb = _argb(rgba)
    rgba.setflags(write=False)
    argb.setflags(write=False)
    return rgba, argb


def class_indices(classes: np.ndarray, discretize: bool = False) -> np.ndarray:
    """Each place's entry of ``class_tables(K)`` for the K classes' probabilities (K, h, w): its most probable
    class and how sure (1/K → white, 1 → full); ``discretize``: the winners' flat colours. (h, w) intp."""
    k = len(classes)
    winner = np.argmax(classes, axis=0)
    index = winner * LEVELS
    if discretize:
        index += LEVELS - 1
        return index
    top = np.max(classes, axis=0)
    # (p − 1/K)·K/(K − 1) on the scale of the steps, rounded to the nearest one
    level = (top - np.float32(1.0 / k)) * np.float32((LEVELS - 1) * k / (k - 1)) + np.float32(0.5)
    np.clip(level, 0.0, LEVELS - 1, out=level)
    index += level.astype(np.intp)
    return index


def clean_classes(classes) -> np.ndarray:
    """The probabilities as float32 (K, h, w); places of a diverged network (NaN or inf) become undecided (1/K
    each: white) rather than garbage. ValueError for another shape."""
    c = np.asarray(classes, dtype=np.float32)
    if c.ndim != 3 or len(c) < 2:
        raise ValueError(f"class probabilities must be an array (K, rows, columns) of K >= 2, got shape {c.shape}")
    if not np.isfinite(c).all():
        bad = ~np.isfinite(c).all(axis=0)
        c = c.copy()
        c[:, bad] = 1.0 / len(c)
    return c


__all__ = ["DARK_REGION_STRENGTH", "LEVELS", "REGION_ARGB", "REGION_LUT", "REGION_STRENGTH", "class_indices",
           "class_tables", "clean_classes", "mix", "point_styles", "region_lut", "region_strength", "region_tables"]
