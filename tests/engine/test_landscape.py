"""The loss landscape (bpviz.engine.landscape): the worked example's grid against E_total computed here by hand,
its path and gradient against the published numbers, the playground's plane against ``Network.loss_value``
point by point, and the directions (filter-normalised, principal) with the projection onto their plane."""

from __future__ import annotations

import math

import numpy as np
import pytest

import bpviz.engine.landscape as landscape_module
from bpviz.engine import Network
from bpviz.engine.landscape import (
    EXAMPLE_AXES,
    Landscape,
    example_gradient,
    example_landscape,
    example_path,
    grid_offsets,
    pca_directions,
    plane_landscape,
    plane_losses,
    project,
    random_directions,
)
from bpviz.engine.presets import ExampleParams, run_example
from bpviz.training.trainer import targets_for


def e_total_by_hand(p: ExampleParams, **changed) -> float:
    """The published example's E_total, one scalar at a time (w1 = i1→h1, w2 = i2→h1, w3 = i1→h2, w4 = i2→h2,
    w5 = h1→o1, w6 = h2→o1, w7 = h1→o2, w8 = h2→o2; one bias per layer)."""
    v = {**p.to_dict(), **changed}

    def sigmoid(z):
        return 1.0 / (1.0 + math.exp(-z))

    out_h1 = sigmoid(v["w1"] * v["i1"] + v["w2"] * v["i2"] + v["b1"])
    out_h2 = sigmoid(v["w3"] * v["i1"] + v["w4"] * v["i2"] + v["b1"])
    out_o1 = sigmoid(v["w5"] * out_h1 + v["w6"] * out_h2 + v["b2"])
    out_o2 = sigmoid(v["w7"] * out_h1 + v["w8"] * out_h2 + v["b2"])
    return 0.5 * (v["t1"] - out_o1) ** 2 + 0.5 * (v["t2"] - out_o2) ** 2


# ---------------------------------------------------------------------------------------------- worked example
@pytest.mark.parametrize("axes", [("w5", "w1"), ("w1", "w5"), ("w2", "w8"), ("b1", "w3"), ("w6", "b2"),
                                  ("b2", "b1"), ("w4", "w7")])
def test_example_grid_equals_e_total_computed_by_hand(axes):
    p = ExampleParams()
    land = example_landscape(p, axes, 1.5, 9)
    assert land.axes == axes and land.x.shape == (9,) and land.y.shape == (9,) and land.loss.shape == (9, 9)
    np.testing.assert_allclose(land.x, getattr(p, axes[0]) + np.linspace(-1.5, 1.5, 9), rtol=0, atol=1e-15)
    np.testing.assert_allclose(land.y, getattr(p, axes[1]) + np.linspace(-1.5, 1.5, 9), rtol=0, atol=1e-15)
    for i, j in [(0, 0), (0, 8), (8, 0), (8, 8), (4, 4), (2, 7), (6, 1), (3, 5)]:
        expected = e_total_by_hand(p, **{axes[0]: land.x[j], axes[1]: land.y[i]})
        assert land.loss[i, j] == pytest.approx(expected, rel=1e-13)


def test_example_grid_from_other_starting_numbers():
    p = ExampleParams(i1=0.7, i2=-0.3, t1=0.2, t2=0.4, w3=-1.0, w6=2.0, b1=-0.5, b2=0.1)
    land = example_landscape(p, ("w6", "w3"), 3.0, 6)
    for i in range(6):
        for j in range(6):
            assert land.loss[i, j] == pytest.approx(e_total_by_hand(p, w6=land.x[j], w3=land.y[i]), rel=1e-13)


def test_the_centre_of_an_odd_grid_is_the_published_error():
    land = example_landscape(ExampleParams(), ("w5", "w1"), 2.0, 21)
    assert land.x[10] == 0.4 and land.y[10] == 0.15  # exactly: the centre is a grid point
    assert land.x[0] == pytest.approx(-1.6, abs=1e-15) and land.x[-1] == pytest.approx(2.4, abs=1e-15)
    assert land.loss[10, 10] == pytest.approx(0.298371109, abs=5e-10)
    assert np.all(np.diff(land.x) > 0) and np.allclose(np.diff(land.x), 0.2)


def test_the_path_after_one_pass_is_the_published_update():
    path = example_path(ExampleParams(), ("w5", "w1"), 1)
    assert path.shape == (1, 2)
    assert path[0, 0] == pytest.approx(0.35891648, abs=5e-9)
    assert path[0, 1] == pytest.approx(0.149780716, abs=5e-10)
    assert example_path(ExampleParams(), ("w5", "w1"), 0).shape == (0, 2)


def test_the_path_follows_the_engine_run():
    p = ExampleParams()
    for update_biases in (False, True):
        path = example_path(p, ("w8", "b1"), 50, update_biases)
        net = run_example(p, 50, update_biases).network
        assert path[-1, 0] == net.weights[1][1, 1] and path[-1, 1] == net.biases[0][0]
        assert np.all(path[:, 1] == 0.35) != update_biases  # the biases move only when asked
    path = example_path(p, ("w5", "w1"), 10_000)
    assert path[-1, 0] == run_example(p, 10_000).network.weights[1][0, 0]


def test_a_long_path_reports_its_progress_and_can_be_dropped():
    """The window's worker computes 100,000 passes with progress and Cancel (its callback raises)."""
    calls = []
    path = example_path(ExampleParams(), ("w5", "w1"), 1_234, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(500, 1_234), (1_000, 1_234), (1_234, 1_234)]
    assert np.array_equal(path, example_path(ExampleParams(), ("w5", "w1"), 1_234))

    class Dropped(Exception):
        pass

    def cancel(done, _total):
        raise Dropped

    with pytest.raises(Dropped):
        example_path(ExampleParams(), ("w5", "w1"), 1_000, progress=cancel)


def test_the_gradient_is_the_published_one():
    gx, gy = example_gradient(ExampleParams(), ("w5", "w1"))
    assert gx == pytest.approx(0.082167041, abs=5e-10)
    assert gy == pytest.approx(0.000438568, abs=5e-10)


def test_the_gradient_of_every_parameter_matches_central_differences():
    p = ExampleParams()
    h = 1e-6
    for name in EXAMPLE_AXES:
        value = getattr(p, name)
        numeric = (e_total_by_hand(p, **{name: value + h}) - e_total_by_hand(p, **{name: value - h})) / (2 * h)
        other = "w1" if name != "w1" else "w2"
        assert example_gradient(p, (name, other))[0] == pytest.approx(numeric, rel=1e-6, abs=2e-10)


@pytest.mark.parametrize("axes, words", [
    (("w9", "w1"), "unknown parameter"), (("w5", "w5"), "different"), (("w5",), "two parameter names"),
    ("w5,w1", "two parameter names"), (("w5", "w1", "w2"), "two parameter names"), (("lr", "w1"), "unknown"),
])
def test_bad_axes_are_one_sentence(axes, words):
    with pytest.raises(ValueError, match=words) as info:
        example_landscape(ExampleParams(), axes, 1.0, 5)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("span", [0, -1.0, float("nan"), float("inf"), "2", None, True])
def test_bad_spans_are_refused(span):
    with pytest.raises(ValueError, match="span"):
        example_landscape(ExampleParams(), ("w5", "w1"), span, 5)


@pytest.mark.parametrize("steps", [1, 0, -3, 402, 10**6, 2.0, "5", True])
def test_bad_step_counts_are_refused(steps):
    with pytest.raises(ValueError, match="steps"):
        example_landscape(ExampleParams(), ("w5", "w1"), 1.0, steps)


def test_bad_iteration_counts_are_refused():
    for iterations in (-1, 1.5, "3"):
        with pytest.raises(ValueError, match="passes"):
            example_path(ExampleParams(), ("w5", "w1"), iterations)


def test_a_huge_span_stays_finite_and_an_overflow_is_refused():
    land = example_landscape(ExampleParams(), ("w5", "b1"), 1e300, 11)  # the sigmoids saturate
    assert np.all(np.isfinite(land.loss)) and land.loss.max() < 1.0
    with pytest.raises(ValueError, match="too large"):  # ½(t − out)² with t = 1e300
        example_landscape(ExampleParams(t1=1e300), ("w5", "w1"), 1.0, 5)
    with pytest.raises(ValueError, match="beyond the largest float64"):
        example_landscape(ExampleParams(w5=1e308), ("w5", "w1"), 1e308, 5)


def test_grid_offsets_are_symmetric_with_an_exact_centre():
    for steps in (3, 21, 61, 201, 401):
        offsets = grid_offsets(0.7, steps)
        assert offsets[steps // 2] == 0.0 and offsets[0] == -0.7 and offsets[-1] == 0.7
        np.testing.assert_array_equal(offsets, -offsets[::-1])
    assert grid_offsets(1.0, 2).tolist() == [-1.0, 1.0]


def test_a_landscape_is_read_only_and_knows_its_lowest_point():
    land = example_landscape(ExampleParams(), ("w5", "w1"), 2.0, 21)
    with pytest.raises(ValueError):
        land.loss[0, 0] = 1.0
    x, y, low = land.lowest()
    assert low == land.loss.min() and low == pytest.approx(e_total_by_hand(ExampleParams(), w5=x, w1=y), rel=1e-13)


# ---------------------------------------------------------------------------------------------- playground plane
def points(n=60, seed=3):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, (n, 2))
    labels = (X[:, 0] * X[:, 1] > 0).astype(np.float64)
    return X, labels, rng


def loss_point_by_point(net, X, Y, centre, d1, d2, a, b):
    probe = net.copy()
    out = np.empty((len(b), len(a)))
    for i, bi in enumerate(b):
        for j, aj in enumerate(a):
            probe.set_parameters(centre + aj * d1 + bi * d2)
            out[i, j] = probe.loss_value(X, Y)
    return out


@pytest.mark.parametrize("sizes, hidden, output, loss, classes", [
    ([2, 8, 8, 1], "tanh", "sigmoid", "bce", 2),
    ([2, 5, 1], "sigmoid", "sigmoid", "half_sse", 2),
    ([2, 4, 3, 1], "relu", "linear", "half_sse", 0),
    ([2, 6, 3], "tanh", "softmax", "softmax_ce", 3),
    ([2, 1], "linear", "sigmoid", "bce", 2),
    ([2, 4, 2], "sigmoid", "linear", "sse", 0),
])
def test_the_plane_equals_loss_value_point_by_point(sizes, hidden, output, loss, classes):
    X, labels, rng = points()
    if classes == 3:
        labels = rng.integers(0, 3, len(X)).astype(np.float64)
    net = Network(sizes, hidden=hidden, output=output, loss=loss, seed=4)
    if classes:
        Y = targets_for(loss, labels, classes)
    else:  # regression: any values
        Y = rng.normal(size=(len(X), sizes[-1]))
    d1, d2 = random_directions(net, 7)
    d2 = d2 + 0.1 * rng.normal(size=d2.shape)  # biases move too
    centre = net.get_parameters()
    before = net.get_parameters()
    land = plane_landscape(net, X, Y, d1, d2, 1.5, 7)
    np.testing.assert_array_equal(net.get_parameters(), before)  # the network is left as it was
    expected = loss_point_by_point(net, X, Y, centre, d1, d2, land.x, land.y)
    np.testing.assert_allclose(land.loss, expected, rtol=1e-12, atol=0)
    assert land.loss[3, 3] == pytest.approx(net.loss_value(X, Y), rel=1e-13)


def test_uneven_coefficients_small_chunks_and_progress(monkeypatch):
    X, labels, _ = points(40)
    net = Network([2, 8, 8, 1], hidden="tanh", output="sigmoid", loss="bce", seed=0)
    Y = targets_for("bce", labels)
    d1, d2 = random_directions(net, 1)
    a, b = np.linspace(-1, 2, 5), np.array([-0.5, 0.0, 0.25])
    whole = plane_losses(net, X, Y, net.get_parameters(), d1, d2, a, b)
    assert whole.shape == (3, 5)
    monkeypatch.setattr(landscape_module, "CHUNK_BYTES", 1)  # one grid point per chunk
    calls = []
    chunked = plane_losses(net, X, Y, net.get_parameters(), d1, d2, a, b, progress=lambda d, t: calls.append((d, t)))
    np.testing.assert_allclose(chunked, whole, rtol=1e-14, atol=0)
    assert calls == [(k, 15) for k in range(1, 16)]
    np.testing.assert_allclose(whole, loss_point_by_point(net, X, Y, net.get_parameters(), d1, d2, a, b),
                               rtol=1e-12, atol=0)

    def stop(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        plane_losses(net, X, Y, net.get_parameters(), d1, d2, a, b, progress=stop)


def test_the_plane_refuses_wrong_shapes():
    X, labels, _ = points(10)
    net = Network([2, 3, 1], seed=0)
    theta = net.get_parameters()
    with pytest.raises(ValueError, match="inputs"):
        plane_losses(net, X[:, :1], labels, theta, theta, theta, [0.0], [0.0])
    with pytest.raises(ValueError, match="targets"):
        plane_losses(net, X, labels[:5], theta, theta, theta, [0.0], [0.0])
    with pytest.raises(ValueError, match="d2"):
        plane_losses(net, X, labels, theta, theta, theta[:-1], [0.0], [0.0])


# ---------------------------------------------------------------------------------------------- directions
def test_random_directions_are_filter_normalised_and_leave_biases_alone():
    net = Network([2, 8, 8, 1], hidden="tanh", output="sigmoid", loss="bce", seed=2)
    net.weights[1][:, 3] = 0.0  # a neuron without incoming weights gets none in the direction either
    d1, d2 = random_directions(net, 11)
    assert not np.allclose(d1, d2)
    for d in (d1, d2):
        probe = net.copy()
        probe.set_parameters(d)
        for W, Wd, bd in zip(net.weights, probe.weights, probe.biases):
            np.testing.assert_allclose(np.linalg.norm(Wd, axis=0), np.linalg.norm(W, axis=0), rtol=1e-13)
            assert np.all(bd == 0.0)
    again = random_directions(net, 11)
    np.testing.assert_array_equal(again[0], d1)  # same seed, same directions
    assert not np.allclose(random_directions(net, 12)[0], d1)


def test_pca_of_a_straight_line_explains_everything_with_one_direction():
    start, end = np.array([1.0, -2.0, 0.5, 3.0]), np.array([0.0, 1.0, 1.5, -1.0])
    trajectory = start + np.linspace(0.0, 1.0, 30)[:, None] * (end - start)
    d1, d2, explained = pca_directions(trajectory)
    np.testing.assert_allclose(explained, [1.0, 0.0], atol=1e-12)
    np.testing.assert_allclose(abs(d1 @ (end - start)), np.linalg.norm(end - start), rtol=1e-12)
    np.testing.assert_allclose([d1 @ d1, d2 @ d2, d1 @ d2], [1.0, 1.0, 0.0], atol=1e-12)


def test_pca_directions_are_orthonormal_and_project_a_plane_trajectory_exactly():
    rng = np.random.default_rng(5)
    final = rng.normal(size=40)
    u, v = rng.normal(size=40), rng.normal(size=40)  # not orthonormal: PCA finds the same plane
    t = np.linspace(0.0, 1.0, 50)
    coeffs = np.column_stack([3 * (1 - t) ** 2, np.sin(6 * t) * (1 - t)])
    trajectory = final + coeffs @ np.vstack([u, v])
    d1, d2, explained = pca_directions(trajectory)
    np.testing.assert_allclose(np.array([[d1 @ d1, d1 @ d2], [d2 @ d1, d2 @ d2]]), np.eye(2), atol=1e-12)
    assert explained[0] >= explained[1] > 0 and explained.sum() == pytest.approx(1.0, rel=1e-12)
    xy = project(trajectory, final, d1, d2)
    np.testing.assert_allclose(xy @ np.vstack([d1, d2]) + final, trajectory, atol=1e-12)
    np.testing.assert_allclose(xy, (trajectory - final) @ np.column_stack([d1, d2]), atol=1e-12)  # dot products
    np.testing.assert_allclose(xy[-1], [0.0, 0.0], atol=1e-12)  # the current point is the centre


def test_projection_on_random_directions_is_least_squares():
    net = Network([2, 8, 8, 1], seed=0)
    d1, d2 = random_directions(net, 0)
    centre = net.get_parameters()
    coeffs = np.array([[0.0, 0.0], [1.0, -2.0], [0.3, 0.7]])
    xy = project(centre + coeffs @ np.vstack([d1, d2]), centre, d1, d2)
    np.testing.assert_allclose(xy, coeffs, atol=1e-12)
    with pytest.raises(ValueError, match="plane"):
        project(centre[None], centre, d1, 2 * d1)


@pytest.mark.parametrize("trajectory, words", [
    (np.zeros((2, 5)), "at least 3"),
    (np.ones((10, 5)), "does not move"),
    (np.full((10, 5), np.nan), "finite"),
    (np.zeros(5), "shape"),
])
def test_degenerate_trajectories_are_refused(trajectory, words):
    with pytest.raises(ValueError, match=words):
        pca_directions(trajectory)


def test_landscape_fields():
    land = Landscape(("a", "b"), [0.0, 1.0], [2.0, 3.0], [[1.0, 2.0], [3.0, 0.5]])
    assert land.axes == ("a", "b") and land.lowest() == (1.0, 3.0, 0.5)
