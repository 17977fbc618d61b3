"""Marching squares (bpviz.engine.contours): every segment lies on the iso-line, the lines of known shapes come out
where they should, saddles are split by the centre, and what is not a finite number draws nothing."""

from __future__ import annotations

import numpy as np
import pytest

from bpviz.engine.contours import contour_levels, contour_segments, wide_range


def grid(f, n=41, low=-2.0, high=2.0):
    x = np.linspace(low, high, n)
    y = np.linspace(low, high, n + 6)  # not square: catches a swapped x and y
    X, Y = np.meshgrid(x, y)
    return x, y, f(X, Y)


def test_a_plane_gives_a_straight_line_where_the_level_is():
    x, y, z = grid(lambda X, Y: X + 2 * Y)  # linear: interpolation is exact
    segments = contour_segments(x, y, z, 1.0)
    assert segments.shape[1:] == (2, 2) and len(segments) > 10
    ends = segments.reshape(-1, 2)
    np.testing.assert_allclose(ends[:, 0] + 2 * ends[:, 1], 1.0, atol=1e-12)
    assert ends[:, 0].min() >= x[0] and ends[:, 0].max() <= x[-1]
    assert ends[:, 1].min() >= y[0] and ends[:, 1].max() <= y[-1]


def test_a_bowl_gives_a_closed_circle_of_the_right_radius():
    x, y, z = grid(lambda X, Y: X**2 + Y**2, n=121)
    segments = contour_segments(x, y, z, 1.0)
    radii = np.hypot(segments[..., 0], segments[..., 1])
    np.testing.assert_allclose(radii, 1.0, atol=2e-3)  # interpolation of a curved surface: close, not exact
    # closed: every end point is shared by exactly two segments
    ends = np.round(segments.reshape(-1, 2), 9)
    _, counts = np.unique(ends, axis=0, return_counts=True)
    assert set(counts.tolist()) == {2}
    assert np.hypot(*segments.reshape(-1, 2).T).size == 2 * len(segments)
    assert abs(np.sum(np.hypot(*(segments[:, 1] - segments[:, 0]).T)) - 2 * np.pi) < 1e-2  # its length: 2π


def test_levels_outside_the_range_and_flat_grids_give_nothing():
    x, y, z = grid(lambda X, Y: X + Y)
    assert contour_segments(x, y, z, 100.0).shape == (0, 2, 2)
    assert contour_segments(x, y, np.zeros_like(z) + 3.0, 1.0).shape == (0, 2, 2)
    assert contour_segments(x, y, z, np.nan).shape == (0, 2, 2)
    assert contour_segments([0.0], [0.0], [[1.0]], 1.0).shape == (0, 2, 2)
    with pytest.raises(ValueError, match="shape"):
        contour_segments(x, y, z.T, 0.0)


def test_a_saddle_is_split_by_the_value_at_the_centre():
    x, y = np.array([0.0, 1.0]), np.array([0.0, 1.0])
    # corners a (0,0) = 1 and c (1,1) = 1 above 0.5; b and d = 0 below
    for centre_high, z in ((True, np.array([[1.0, 0.0], [0.2, 1.0]])), (False, np.array([[1.0, 0.0], [0.0, 0.9]]))):
        segments = contour_segments(x, y, z, 0.5 if centre_high else 0.6)
        assert len(segments) == 2
        mids = segments.mean(axis=1)
        if centre_high:  # a and c joined through the middle: b (1, 0) and d (0, 1) cut off
            assert sorted(np.sign(mids[:, 0] - mids[:, 1]).tolist()) == [-1.0, 1.0]  # one near b, one near d
            assert all(abs(m[0] - m[1]) > 0.3 for m in mids)
        else:  # a and c cut off on their own, near (0, 0) and (1, 1)
            assert all(abs(m[0] - m[1]) < 0.3 for m in mids)


def test_cells_with_a_value_that_is_not_finite_draw_nothing():
    x, y, z = grid(lambda X, Y: X)
    z[:, : len(x) // 2] = np.nan
    segments = contour_segments(x, y, z, -1.0)  # the line x = -1 lies in the NaN half
    assert len(segments) == 0
    z2 = grid(lambda X, Y: X)[2]
    z2[0, 0] = np.inf
    assert np.isfinite(contour_segments(x, y, z2, 0.5)).all()


def test_levels_are_linear_or_logarithmic():
    z = np.array([[1.0, 2.0], [3.0, 11.0]])
    np.testing.assert_allclose(contour_levels(z, 4), [3.0, 5.0, 7.0, 9.0])
    wide = np.array([[1e-4, 1.0], [1e-2, 10.0]])
    np.testing.assert_allclose(np.log10(contour_levels(wide, 4)), [-3.0, -2.0, -1.0, 0.0])
    assert wide_range(1e-4, 10.0) and not wide_range(1.0, 11.0) and not wide_range(0.0, 10.0)
    np.testing.assert_allclose(contour_levels(wide, 4, log=False), np.linspace(1e-4, 10, 6)[1:-1])
    assert contour_levels(np.ones((3, 3)), 5).size == 0
    assert contour_levels(np.full((2, 2), np.nan), 5).size == 0
