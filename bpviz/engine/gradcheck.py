"""Gradient check: backprop against central differences, parameter by parameter (seed 004's lesson).

The numerical derivative is the fourth-order central difference
    f'(p) ≈ [f(p − 2h) − 8 f(p − h) + 8 f(p + h) − f(p + 2h)] / 12h,   h = 1e-3,
whose truncation error (~h⁴) and rounding error (~1e-16·|f|/h) are both near 1e-13, so relative errors
of a correct backward sit far below 1e-7. Where a ReLU input (or, with L1, a weight) changes side inside the
stencil, the loss has a kink there and no finite difference can match: such parameters are flagged
``kink`` and kept out of ``max_rel_error``. A difference smaller than the stencil's own rounding noise
(``noise``, e.g. a dead ReLU unit whose exact gradient 0 comes back as 1e-14) cannot be measured and counts
as agreement.

The verdict's thresholds live here, the one place the CLI, the models and the page read them from: a relative
error below ``AGREE`` agrees; from ``DISAGREE`` on the gradient is wrong; in between it is doubtful.

A check of a big network on a big batch takes seconds (300 of 1,522 parameters on 1,000 points: ~3 s here), so
``gradcheck`` reports its progress through a callback, as plain code does (DESIGN.md: Orange3's learners): the
GUI's worker thread shows it and stops a superseded check by raising from the callback.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.engine.naming import NetworkNames
from bpviz.engine.network import Network

STEP = 1e-3
AGREE = 1e-7  # a relative error below this agrees (a correct backward lands far below it)
DISAGREE = 1e-4  # from here on the gradient is wrong; in between it is doubtful
_OFFSETS = (-2, -1, 1, 2)
_WEIGHTS = (1.0, -8.0, 8.0, -1.0)
_NOISE_SAFETY = 4.0  # each loss value is rounded by a few ulps, not one


@dataclass(frozen=True)
class ParamCheck:
    name: str
    analytic: float
    numeric: float
    kink: bool
    noise: float = 0.0  # rounding error of the finite difference itself


    @property
    def abs_error(self) -> float:
        return abs(self.analytic - self.numeric)

    @property
    def rel_error(self) -> float:
        """|a − n| / max(|a|, |n|) (0 when both are 0)."""
        scale = max(abs(self.analytic), abs(self.numeric))
        return self.abs_error / scale if scale > 0.0 else 0.0

    @property
    def within_noise(self) -> bool:
        """The difference is below the finite difference's own rounding error: it cannot be measured."""
        return bool(self.abs_error <= self.noise)  # a Python bool: JSON and the CLI print it

    @property
    def counted_error(self) -> float:
        """The relative error that decides the check: 0 within the noise or at a kink."""
        return 0.0 if self.within_noise or self.kink else self.rel_error


@dataclass(frozen=True)
class GradCheckResult:
    checks: tuple[ParamCheck, ...]
    n_parameters: int  # all trainable parameters of the network (``checks`` may be a sample)

    @property
    def smooth(self) -> list[ParamCheck]:
        return [c for c in self.checks if not c.kink]

    @property
    def max_rel_error(self) -> float:
        """The largest relative error of a smooth parameter whose difference is measurable."""
        return max((c.counted_error for c in self.checks), default=0.0)

    @property
    def worst(self) -> ParamCheck | None:
        return max(self.smooth, key=lambda c: (c.counted_error, c.rel_error), default=None)

    @property
    def n_kinks(self) -> int:
        return sum(c.kink for c in self.checks)

    def passed(self, tolerance: float = AGREE) -> bool:
        return self.max_rel_error < tolerance


def _objective(net: Network, X, Y) -> float:
    """What ``Network.gradients`` differentiates: the data loss plus the regularisation term."""
    return net.loss_value(X, Y) + net.penalty()


def _relu_pattern(net: Network, X) -> tuple:
    if net.hidden.name != "relu" or net.n_layers < 2:
        return ()
    return tuple((a > 0.0).tobytes() for a in net.forward(X)[:-1])


def gradcheck(net: Network, X, Y, *, step: float = STEP, max_params: int | None = None, seed: int = 0,
              analytic=None, progress=None) -> GradCheckResult:
    """Compare ``net.gradients(X, Y)`` (or ``analytic`` = (dW, db)) with central differences.

    ``max_params`` checks a random sample of that many parameters (for big networks). ``progress(done, total)``,
    if given, is called after each parameter; an exception it raises stops the check and propagates. Either way
    the network is left exactly as it was."""
    names = NetworkNames(net.sizes, net.shared_biases)
    if analytic is None:
        _, dW, db = net.gradients(X, Y)
    else:
        dW, db = analytic
    refs = list(names.params.items())
    if max_params is not None and max_params < len(refs):
        chosen = np.sort(np.random.default_rng(seed).choice(len(refs), size=max_params, replace=False))
        refs = [refs[i] for i in chosen]

    saved = net.get_parameters()
    base_pattern = _relu_pattern(net, X)
    l1 = net.regularization == "l1" and net.reg_rate > 0.0
    checks = []
    try:
        for name, ref in refs:
            if ref.kind == "w":
                view = net.weights[ref.layer][ref.src : ref.src + 1, ref.dst]
                grad = dW[ref.layer][ref.src, ref.dst]
            elif ref.dst is None:  # a shared bias: the whole vector moves together
                view = net.biases[ref.layer]
                grad = db[ref.layer][0]
            else:
                view = net.biases[ref.layer][ref.dst : ref.dst + 1]
                grad = db[ref.layer][ref.dst]
            start = view.copy()
            total, spread, kink = 0.0, 0.0, l1 and ref.kind == "w" and abs(start[0]) < 2 * step
            for k, c in zip(_OFFSETS, _WEIGHTS):
                view[...] = start + k * step
                value = _objective(net, X, Y)
                total += c * value
                spread += abs(c * value)
                kink = kink or _relu_pattern(net, X) != base_pattern
            view[...] = start
            noise = _NOISE_SAFETY * np.finfo(np.float64).eps * spread / (12.0 * step)
            checks.append(ParamCheck(name, float(grad), total / (12.0 * step), bool(kink), noise))
            if progress is not None:
                progress(len(checks), len(refs))
    finally:
        net.set_parameters(saved)
    return GradCheckResult(tuple(checks), len(names.params))
