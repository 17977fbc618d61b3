"""The warm-up preset (seed 000) against the seed's own NumPy loop, run literally.

The seed's loop is copied below as it is printed in /work/shared/seeds/000_*.txt, with only two changes:
``np.random.randn`` is replaced by a seeded ``default_rng`` (so the run is reproducible) and ``print(t, loss)``
records the loss instead of printing it. The engine gets the very same initial arrays and must follow the
seed loss for loss and end on the same weights.
"""

from __future__ import annotations

import numpy as np
import pytest

from bpviz.engine.presets import WARMUP_LR, WARMUP_SIZES, warmup_network

N, D_in, H, D_out = 64, 1000, 100, 10
ITERATIONS = 500


def _seed_data(seed: int = 2024):
    rng = np.random.default_rng(seed)
    # Create random input and output data
    x = rng.standard_normal((N, D_in))
    y = rng.standard_normal((N, D_out))
    # Randomly initialize weights
    w1 = rng.standard_normal((D_in, H))
    w2 = rng.standard_normal((H, D_out))
    return x, y, w1, w2


def _run_seed_loop(x, y, w1, w2, iterations=ITERATIONS):
    """The seed's training loop, literally (w1 and w2 are updated in place, as in the seed)."""
    losses = []
    learning_rate = 1e-6
    for t in range(iterations):
        # Forward pass: compute predicted y
        h = x.dot(w1)
        h_relu = np.maximum(h, 0)
        y_pred = h_relu.dot(w2)

        # Compute and print loss
        loss = np.square(y_pred - y).sum()
        losses.append(loss)  # the seed: print(t, loss)

        # Backprop to compute gradients of w1 and w2 with respect to loss
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h_relu.T.dot(grad_y_pred)
        grad_h_relu = grad_y_pred.dot(w2.T)
        grad_h = grad_h_relu.copy()
        grad_h[h < 0] = 0
        grad_w1 = x.T.dot(grad_h)

        # Update weights
        w1 -= learning_rate * grad_w1
        w2 -= learning_rate * grad_w2
    return np.array(losses), w1, w2


@pytest.fixture(scope="module")
def seed_run():
    x, y, w1, w2 = _seed_data()
    w1_0, w2_0 = w1.copy(), w2.copy()
    losses, w1_end, w2_end = _run_seed_loop(x, y, w1, w2)
    return x, y, w1_0, w2_0, losses, w1_end, w2_end


def test_preset_matches_the_seed_shapes_and_rate():
    assert WARMUP_SIZES == (D_in, H, D_out)
    assert WARMUP_LR == 1e-6
    net = warmup_network()
    assert [w.shape for w in net.weights] == [(D_in, H), (H, D_out)]
    assert all(np.all(b == 0.0) for b in net.biases)
    assert (net.hidden.name, net.output.name, net.loss.name) == ("relu", "linear", "sse")


def test_seed_loop_actually_trains(seed_run):
    """Guard against a vacuous comparison: the seed's loss falls by orders of magnitude."""
    losses = seed_run[4]
    assert losses.shape == (ITERATIONS,)
    assert np.all(np.isfinite(losses))
    assert losses[-1] < 1e-3 * losses[0]


def test_engine_step_reproduces_the_seed_loss_for_loss(seed_run):
    x, y, w1_0, w2_0, seed_losses, w1_end, w2_end = seed_run
    net = warmup_network()
    net.weights = [w1_0.copy(), w2_0.copy()]
    engine_losses = np.array([net.step(x, y, WARMUP_LR) for _ in range(ITERATIONS)])

    rel = np.abs(engine_losses - seed_losses) / np.abs(seed_losses)
    assert rel.max() < 1e-10, f"worst iteration {rel.argmax()}: rel diff {rel.max():.3g}"
    np.testing.assert_allclose(net.weights[0], w1_end, rtol=1e-10, atol=0)
    np.testing.assert_allclose(net.weights[1], w2_end, rtol=1e-10, atol=0)
    # No biases in the seed's net: they stay exactly 0.
    assert all(np.all(b == 0.0) for b in net.biases)


def test_engine_batch_api_reproduces_the_seed(seed_run):
    """The batch API (load once, train_batch) follows the same path; 100 iterations keep the file fast."""
    x, y, w1_0, w2_0, seed_losses, _, _ = seed_run
    net = warmup_network()
    net.weights = [w1_0.copy(), w2_0.copy()]
    batch = net.batch(N).load(x, y)
    engine_losses = np.array([net.train_batch(batch, WARMUP_LR) for _ in range(100)])

    rel = np.abs(engine_losses - seed_losses[:100]) / np.abs(seed_losses[:100])
    assert rel.max() < 1e-10, f"worst iteration {rel.argmax()}: rel diff {rel.max():.3g}"
