"""Losses, their gradients with respect to the network output, and the formulas the trace shows.

Conventions (DESIGN.md): ``half_sse`` = mean over samples of ½·Σ_k (y_k − t_k)²  (the worked example);
``sse`` = Σ over every entry of (y − t)²  (the NumPy warm-up seed); ``bce`` = mean over samples of the
binary cross-entropy summed over outputs (sigmoid output); ``softmax_ce`` = mean over samples of the
cross-entropy of a softmax output (backward (y − t)/N when each target row sums to 1, as one-hot labels do).

Arrays are batch-major, (N, n_outputs).
"""

from __future__ import annotations

import numpy as np


class Loss:
    name = ""
    #: the output activation this loss is tied to (its delta is fused), or None for any output
    requires_output: str | None = None
    #: True: the value is divided by the number of samples N
    mean_over_samples = True
    #: symbolic per-output term, with ``{out}`` and ``{target}``
    term_formula = ""
    #: symbolic ∂E/∂out of one output (one sample)
    grad_formula = ""
    #: ∂E/∂y = _grad_factor · (y − t) · scale, for the losses that are a squared residual
    _grad_factor = 1.0

    @property
    def fused(self) -> bool:
        """The output delta is formed directly as (y − t)/N: the activation's derivative cancels."""
        return self.requires_output is not None

    def scale(self, n: int) -> float:
        return 1.0 / n if self.mean_over_samples else 1.0

    def terms(self, y: np.ndarray, t: np.ndarray, z: np.ndarray) -> np.ndarray:
        """Per-entry contributions (N, n_outputs); the loss is their sum times ``scale(N)``."""
        raise NotImplementedError

    def value(self, y, t, z) -> float:
        return float(self.terms(y, t, z).sum()) * self.scale(y.shape[0])

    def grad(self, y, t, z) -> np.ndarray:
        """∂loss/∂y as a new array (for display: the training step forms it only where it needs it)."""
        return self._grad_factor * (y - t) * self.scale(y.shape[0])

    def compile_delta(self, ws, act):
        """The training step's first backward move, bound to the workspace ``ws``: a function that fills
        ``ws.D[-1]`` = ∂loss/∂z of the output layer from ``ws.Y`` and ``ws.T`` and returns the loss.

        For a squared residual: ``ws.G[-1]`` = ∂loss/∂y, then the activation's derivative (chain rule)."""
        y, t, g, scale = ws.Y, ws.T, ws.G[-1], ws.scale
        value_factor, grad_factor = self._value_factor * scale, self._grad_factor * scale
        chain = act.backward_ops(g, ws.Z[-1], y, ws.D[-1], ws.tmp[-1])
        subtract, multiply, vdot = np.subtract, np.multiply, np.vdot

        def delta() -> float:
            subtract(y, t, g)
            loss = vdot(g, g) * value_factor
            multiply(g, grad_factor, g)
            for op in chain:
                op()
            return float(loss)

        return delta

    _value_factor = 1.0

    def __repr__(self) -> str:
        return f"<loss {self.name}>"


class HalfSSE(Loss):
    name = "half_sse"
    term_formula = "½·({target} − {out})²"
    grad_formula = "{out} − {target}"  # = −({target} − {out})

    _value_factor = 0.5

    def terms(self, y, t, z):
        return 0.5 * (t - y) ** 2


class SSE(Loss):
    name = "sse"
    mean_over_samples = False
    term_formula = "({out} − {target})²"
    grad_formula = "2·({out} − {target})"
    _grad_factor = 2.0

    def terms(self, y, t, z):
        return (y - t) ** 2


class _FusedLoss(Loss):
    """A loss whose output delta is (y − t)/N. ∂loss/∂y itself is never formed: it is infinite where y
    rounds to 0 or 1, while the delta stays exact."""

    def compile_delta(self, ws, act):
        y, t, d, scale = ws.Y, ws.T, ws.D[-1], ws.scale
        value = self._compile_value(ws)

        def delta() -> float:
            loss = value()
            np.subtract(y, t, d)
            np.multiply(d, scale, d)
            return loss

        return delta

    def _compile_value(self, ws):
        return lambda: self.value(ws.Y, ws.T, ws.Z[-1])


class BinaryCrossEntropy(_FusedLoss):
    name = "bce"
    requires_output = "sigmoid"
    term_formula = "−[{target}·ln {out} + (1 − {target})·ln(1 − {out})]"
    grad_formula = "({out} − {target}) / ({out}·(1 − {out}))"

    def grad(self, y, t, z):
        with np.errstate(divide="ignore", invalid="ignore"):
            return (y - t) / (y * (1.0 - y)) * self.scale(y.shape[0])

    def terms(self, y, t, z):
        # −[t ln y + (1−t) ln(1−y)] with y = σ(z) equals softplus(z) − t·z: no log(0) when y rounds to 0 or 1.
        return np.logaddexp(0.0, z) - t * z

    def _compile_value(self, ws):
        z, t, tmp, ones, scale = ws.Z[-1], ws.T, ws.tmp[-1], ws.ones, ws.scale

        def value() -> float:
            np.logaddexp(0.0, z, tmp)
            return float((np.vdot(tmp, ones) - np.vdot(t, z)) * scale)

        return value


class SoftmaxCrossEntropy(_FusedLoss):
    name = "softmax_ce"
    requires_output = "softmax"
    term_formula = "−{target}·ln {out}"
    grad_formula = "−{target} / {out}"

    def grad(self, y, t, z):
        with np.errstate(divide="ignore", invalid="ignore"):
            return -t / y * self.scale(y.shape[0])

    def compile_delta(self, ws, act):
        # ∂/∂z of −Σ t·ln softmax(z) is y·Σt − t: the textbook y − t when the targets sum to 1 (one-hot), and
        # still exact when they do not.
        y, t, d, scale = ws.Y, ws.T, ws.D[-1], ws.scale

        def delta() -> float:
            loss = self.value(y, t, ws.Z[-1])
            np.multiply(y, t.sum(axis=1, keepdims=True), d)
            np.subtract(d, t, d)
            np.multiply(d, scale, d)
            return loss

        return delta

    def terms(self, y, t, z):
        # −t·ln y with ln y = z − logsumexp(z): finite even where y underflows to 0.
        m = z.max(axis=1, keepdims=True)
        log_y = z - (m + np.log(np.exp(z - m).sum(axis=1, keepdims=True)))
        return -t * log_y


LOSSES: dict[str, Loss] = {l.name: l for l in (HalfSSE(), SSE(), BinaryCrossEntropy(), SoftmaxCrossEntropy())}


def get_loss(name: str | Loss) -> Loss:
    if isinstance(name, Loss):
        return name
    try:
        return LOSSES[str(name).lower()]
    except KeyError:
        raise ValueError(f"unknown loss {name!r} (choose from {', '.join(LOSSES)})") from None
