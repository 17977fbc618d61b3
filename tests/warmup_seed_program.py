"""Seed 000's program (/work/shared/seeds/000_*.txt), literally, for the tests that hold the engine, the
warm-up lesson, its page and its command to it. Two changes only: ``np.random.randn`` is a seeded
``default_rng`` (so runs repeat) and ``print(t, loss)`` records the loss."""

import numpy as np


def seed_draws(seed, n=64, d_in=1000, h=100, d_out=10):
    """The seed's four randn draws, in its order."""
    rng = np.random.default_rng(seed)
    # Create random input and output data
    x = rng.standard_normal((n, d_in))
    y = rng.standard_normal((n, d_out))
    # Randomly initialize weights
    w1 = rng.standard_normal((d_in, h))
    w2 = rng.standard_normal((h, d_out))
    return x, y, w1, w2


def seed_loop(x, y, w1, w2, iterations=500):
    """The seed's training loop; ``w1`` and ``w2`` are updated in place, as in the seed. Returns the losses."""
    losses = []
    learning_rate = 1e-6
    for t in range(iterations):  # noqa: B007 (the seed's own line, kept literally)
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
    return np.array(losses)


def seed_program_losses(seed, iterations=500, n=64, d_in=1000, h=100, d_out=10):
    """The whole program: its draws, then its loop."""
    return seed_loop(*seed_draws(seed, n, d_in, h, d_out), iterations)
