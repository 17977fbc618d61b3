"""The warm-up preset (seed 000) against the seed's own NumPy loop, run literally.

The seed's program is tests/warmup_seed_program.py, copied as it is printed in /work/shared/seeds/000_*.txt
(randn seeded, print recorded). The engine gets the very same initial arrays and must follow the seed loss for
loss and end on the same weights.
"""

from __future__ import annotations

import numpy as np
import pytest
from warmup_seed_program import seed_draws, seed_loop

from bpviz.engine.presets import WARMUP_LR, WARMUP_SIZES, warmup_network

N, D_in, H, D_out = 64, 1000, 100, 10
ITERATIONS = 500


@pytest.fixture(scope="module")
def seed_run():
    x, y, w1, w2 = seed_draws(2024)
    w1_0, w2_0 = w1.copy(), w2.copy()
    losses = seed_loop(x, y, w1, w2, ITERATIONS)  # w1, w2 end where the seed leaves them
    return x, y, w1_0, w2_0, losses, w1, w2


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
