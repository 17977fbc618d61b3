"""The decision region and neuron maps over the plane agree with the float64 network, oriented as documented."""

import numpy as np
import pytest

from bpviz.engine import Network
from bpviz.engine.features import make_features
from bpviz.engine.grid import EXTENT, GridEvaluator


def cell_centres(res):
    xmin, xmax, ymin, ymax = EXTENT
    xs = xmin + (np.arange(res) + 0.5) * (xmax - xmin) / res
    ys = ymin + (np.arange(res) + 0.5) * (ymax - ymin) / res
    x1, x2 = np.meshgrid(xs, ys)
    return np.stack([x1.ravel(), x2.ravel()], axis=1)


@pytest.mark.parametrize("hidden,output,loss,features", [
    ("tanh", "sigmoid", "bce", ("x1", "x2")),
    ("relu", "sigmoid", "half_sse", ("x1", "x2", "x1^2", "x2^2")),
    ("sigmoid", "softmax", "softmax_ce", ("x1*x2", "sin(x1)", "sin(x2)")),
])
def test_probability_matches_the_float64_network(hidden, output, loss, features):
    k = 2 if output == "softmax" else 1
    net = Network([len(features), 6, 5, k], hidden=hidden, output=output, loss=loss, seed=3)
    net.biases = [np.random.default_rng(1).normal(0, 0.5, b.shape) for b in net.biases]
    grid = GridEvaluator(net.sizes, features, hidden, output, res=40, neuron_res=16)
    maps = grid.evaluate(net.weights, net.biases)
    expected = net.predict(make_features(cell_centres(40), features))[:, -1].reshape(40, 40)
    assert maps.probability.dtype == np.float32 and maps.probability.shape == (40, 40)
    np.testing.assert_allclose(maps.probability, expected, atol=2e-6)
    assert set(maps.neurons) == {f"i{i + 1}" for i in range(len(features))} | \
        {f"h1_{j + 1}" for j in range(6)} | {f"h2_{j + 1}" for j in range(5)} | {f"o{j + 1}" for j in range(k)}
    for m in maps.neurons.values():
        assert m.shape == (16, 16) and np.all(np.abs(m) <= 1 + 1e-6)


def test_orientation_row_zero_is_the_bottom_column_zero_the_left():
    net = Network([2, 1], hidden="linear", output="sigmoid", loss="bce")
    net.weights = [np.array([[0.0], [5.0]])]  # P(blue) grows with x2: upwards
    maps = GridEvaluator(net.sizes, ("x1", "x2"), "linear", "sigmoid", res=10, neuron_res=10).evaluate(
        net.weights, net.biases)
    assert maps.probability[0].max() < 0.01 and maps.probability[-1].min() > 0.99
    x1_map = maps.neurons["i1"]
    assert x1_map[0, 0] < 0 < x1_map[0, -1]  # the x1 feature grows to the right
    assert x1_map.min() == pytest.approx(-x1_map.max()) and x1_map.max() == pytest.approx(1.0)


def test_hidden_maps_are_the_neuron_outputs():
    net = Network([2, 3, 1], hidden="tanh", seed=5)
    maps = GridEvaluator(net.sizes, ("x1", "x2"), "tanh", "sigmoid", res=8, neuron_res=8).evaluate(
        net.weights, net.biases)
    hidden = net.forward(cell_centres(8))[0]
    for j in range(3):
        np.testing.assert_allclose(maps.neurons[f"h{j + 1}"].ravel(), hidden[:, j], atol=2e-6)


def test_wrong_feature_count_is_refused():
    with pytest.raises(ValueError, match="3 features"):
        GridEvaluator((2, 4, 1), ("x1", "x2", "x1^2"), "tanh", "sigmoid")


@pytest.mark.parametrize("k", [3, 6])
def test_k_classes_give_each_class_probability(k):
    net = Network([2, 5, k], hidden="tanh", output="softmax", loss="softmax_ce", seed=7)
    net.biases = [np.random.default_rng(2).normal(0, 0.5, b.shape) for b in net.biases]
    grid = GridEvaluator(net.sizes, ("x1", "x2"), "tanh", "softmax", res=30, neuron_res=12)
    maps = grid.evaluate(net.weights, net.biases)
    expected = net.predict(cell_centres(30))  # (900, k) float64 softmax
    assert maps.n_classes == k and maps.classes.dtype == np.float32 and maps.classes.shape == (k, 30, 30)
    np.testing.assert_allclose(maps.classes.reshape(k, -1).T, expected, atol=2e-6)
    np.testing.assert_allclose(maps.classes.sum(axis=0), 1.0, atol=1e-5)
    np.testing.assert_allclose(maps.region, expected.max(axis=1).reshape(30, 30), atol=2e-6)  # the winner's p
    with pytest.raises(AttributeError, match="classes"):
        _ = maps.probability
    # each output neuron's map: 2·p_k − 1 of a softmax computed here, independently
    hidden = np.tanh(cell_centres(12) @ net.weights[0] + net.biases[0])
    z = hidden @ net.weights[1] + net.biases[1]
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    for j in range(k):
        np.testing.assert_allclose(maps.neurons[f"o{j + 1}"].ravel(), 2 * p[:, j] - 1, atol=5e-6)
    # a second frame of other weights does not write into the first one's arrays
    before = maps.classes.copy()
    grid.evaluate([w * 2 for w in net.weights], net.biases)
    np.testing.assert_array_equal(maps.classes, before)


def test_two_softmax_outputs_keep_their_maps():
    net = Network([2, 4, 2], hidden="tanh", output="softmax", loss="softmax_ce", seed=4)
    maps = GridEvaluator(net.sizes, ("x1", "x2"), "tanh", "softmax", res=10, neuron_res=10).evaluate(
        net.weights, net.biases)
    assert maps.classes is None and maps.n_classes == 2
    p = net.predict(cell_centres(10))
    np.testing.assert_allclose(maps.probability.ravel(), p[:, 1], atol=2e-6)
    np.testing.assert_allclose(maps.neurons["o1"].ravel(), 2 * p[:, 0] - 1, atol=5e-6)
    np.testing.assert_allclose(maps.neurons["o2"].ravel(), 2 * p[:, 1] - 1, atol=5e-6)


def test_a_diverged_k_class_network_gives_no_garbage_maps():
    net = Network([2, 3, 3], hidden="relu", output="softmax", loss="softmax_ce", seed=1)
    weights = [w * 1e30 for w in net.weights]  # beyond float32: ±inf logits
    maps = GridEvaluator(net.sizes, ("x1", "x2"), "relu", "softmax", res=8, neuron_res=8).evaluate(
        weights, net.biases)
    for m in maps.neurons.values():
        assert np.isfinite(m).all()
