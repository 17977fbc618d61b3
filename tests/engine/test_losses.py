"""The losses of DESIGN.md "Engine conventions" (half_sse, sse, bce, softmax_ce), alone and inside a Network:
values against the hand formulas written here, and finite results for huge net inputs."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from bpviz.engine import Network, get_loss


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def test_half_sse_value_is_the_hand_formula():
    y = np.array([[0.2, 0.7], [0.9, 0.1], [0.5, 0.5]])
    t = np.array([[0.0, 1.0], [1.0, 0.0], [0.25, 0.75]])
    hand = sum(0.5 * sum((y[n, k] - t[n, k]) ** 2 for k in range(2)) for n in range(3)) / 3
    assert get_loss("half_sse").value(y, t, None) == pytest.approx(hand, rel=1e-15)


def test_sse_value_is_the_hand_formula():
    y = np.array([[0.2, -0.7], [1.9, 0.1]])
    t = np.array([[0.0, 1.0], [1.0, 0.5]])
    hand = (0.2 ** 2) + (1.7 ** 2) + (0.9 ** 2) + (0.4 ** 2)
    assert get_loss("sse").value(y, t, None) == pytest.approx(hand, rel=1e-14)


def test_bce_value_is_the_hand_formula():
    z = np.array([[0.3, -1.2], [2.0, 0.1]])
    y = sigmoid(z)
    t = np.array([[1.0, 0.0], [0.0, 0.3]])
    hand = -np.sum(t * np.log(y) + (1 - t) * np.log(1 - y)) / 2
    assert get_loss("bce").value(y, t, z) == pytest.approx(hand, rel=1e-13)


def test_softmax_ce_value_is_the_hand_formula():
    z = np.array([[0.3, -1.2, 2.0], [0.0, 0.0, 0.0]])
    y = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    t = np.array([[0.0, 0.0, 1.0], [0.2, 0.3, 0.5]])
    hand = -np.sum(t * np.log(y)) / 2
    assert get_loss("softmax_ce").value(y, t, z) == pytest.approx(hand, rel=1e-13)


@pytest.mark.parametrize("loss,output,n_out", [("half_sse", "sigmoid", 2), ("sse", "linear", 2),
                                               ("bce", "sigmoid", 2), ("softmax_ce", "softmax", 3)])
def test_network_loss_values_are_the_hand_formulas(loss, output, n_out):
    rng = np.random.default_rng(8)
    net = Network([3, n_out], hidden="linear", output=output, loss=loss, seed=1)
    W, b = rng.normal(size=(3, n_out)), rng.normal(size=n_out)
    net.weights, net.biases = [W], [b]
    X = rng.normal(size=(4, 3))
    z = X @ W + b
    if loss == "softmax_ce":
        T = np.eye(3)[[0, 2, 1, 2]]
        y = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        hand = -np.sum(T * np.log(y)) / 4
    else:
        T = rng.random((4, n_out))
        y = z if output == "linear" else sigmoid(z)
        if loss == "half_sse":
            hand = np.sum(0.5 * (y - T) ** 2) / 4
        elif loss == "sse":
            hand = np.sum((y - T) ** 2)
        else:
            hand = -np.sum(T * np.log(y) + (1 - T) * np.log(1 - y)) / 4
    assert net.loss_value(X, T) == pytest.approx(hand, rel=1e-13)
    assert net.gradients(X, T)[0] == pytest.approx(hand, rel=1e-13)
    assert net.step(X, T, 0.0) == pytest.approx(hand, rel=1e-13)


def test_bce_with_huge_net_inputs_stays_finite():
    net = Network([1, 1], hidden="linear", output="sigmoid", loss="bce", seed=0)
    net.weights, net.biases = [np.array([[1000.0]])], [np.zeros(1)]
    X = np.array([[1.0], [-1.0], [1.0], [-1.0]])  # z = ±1000
    T = np.array([[0.0], [1.0], [1.0], [0.0]])
    # Hand limits: -ln(1 - σ(1000)) = 1000, -ln σ(-1000) = 1000, the right answers cost ~e^-1000 = 0.
    expected = (1000.0 + 1000.0 + 0.0 + 0.0) / 4
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # exp overflow inside σ(−1000) is allowed
        loss, dW, db = net.gradients(X, T)
        assert net.loss_value(X, T) == expected
    assert loss == expected
    # ∂E/∂z = (σ(z) − t)/N exactly: (1, -1, 0, 0)/4 ⇒ dW = Σ x·δ = (1 + 1)/4, db = (1 − 1)/4.
    assert np.isfinite(dW[0]).all() and np.isfinite(db[0]).all()
    np.testing.assert_allclose(dW[0], [[0.5]], rtol=1e-15)
    np.testing.assert_allclose(db[0], [0.0], atol=1e-15)


def test_softmax_ce_with_huge_net_inputs_stays_finite():
    net = Network([1, 3], hidden="linear", output="softmax", loss="softmax_ce", seed=0)
    net.weights, net.biases = [np.array([[1000.0, -1000.0, 0.0]])], [np.zeros(3)]
    X, T = np.array([[1.0]]), np.array([[0.0, 1.0, 0.0]])
    loss, dW, db = net.gradients(X, T)
    assert loss == pytest.approx(2000.0, rel=1e-15)  # -ln softmax_1 = 1000 + 1000 + ln(1 + e^-1000 + e^-2000)
    np.testing.assert_allclose(db[0], [1.0, -1.0, 0.0], atol=1e-15)
