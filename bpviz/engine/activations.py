"""Activation functions: the in-place forms the training step uses and the formulas the trace shows.

Arrays are batch-major, (N, n_neurons). Every activation writes into caller-owned buffers (``out``, ``tmp``)
so that one training step allocates nothing. ``backward`` multiplies an upstream gradient by the derivative;
it never changes its inputs.
"""

from __future__ import annotations

from functools import partial

import numpy as np


class Activation:
    """f(z) applied to a layer's net inputs ``z`` (shape (N, n)).

    Ufuncs get ``out`` positionally: a keyword costs more than the call itself on these small arrays
    (except ``np.maximum``, where the positional form is deprecated).

    The maths is written once, as lists of bound NumPy calls (``forward_ops``/``backward_ops``): the
    network compiles them into its training step, and ``forward``/``backward`` run the same lists."""

    name = ""
    #: symbolic f, with ``{net}`` for the neuron's net input
    formula = ""
    #: symbolic f'(net), in terms of ``{out}`` and/or ``{net}``
    derivative_formula = ""

    def forward_ops(self, z: np.ndarray, out: np.ndarray) -> list:
        """Calls that write f(z) into ``out``."""
        raise NotImplementedError

    def backward_ops(self, g, z, a, out, tmp) -> list:
        """Calls that write g * f'(z) into ``out``, where a = f(z); ``tmp`` is scratch of the same shape."""
        raise NotImplementedError

    def forward(self, z: np.ndarray, out: np.ndarray) -> None:
        for op in self.forward_ops(z, out):
            op()

    def backward(self, g, z, a, out, tmp) -> None:
        for op in self.backward_ops(g, z, a, out, tmp):
            op()

    def derivative(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """f'(z) as a new array (for display)."""
        out = np.empty_like(z)
        self.backward(np.ones_like(z), z, a, out, np.empty_like(z))
        return out

    def __repr__(self) -> str:
        return f"<activation {self.name}>"


class Sigmoid(Activation):
    name = "sigmoid"
    formula = "1/(1 + e^(−{net}))"
    derivative_formula = "{out}·(1 − {out})"

    def forward_ops(self, z, out):
        # The textbook 1/(1+e^-z), so that hand calculations agree to the last digit. For z < -709 the
        # exponential overflows to inf and the result is the correct limit 0.
        return [partial(np.negative, z, out), partial(np.exp, out, out), partial(np.add, out, 1.0, out),
                partial(np.reciprocal, out, out)]

    def backward_ops(self, g, z, a, out, tmp):
        # a(1 - a) = a - a·a
        return [partial(np.multiply, a, a, tmp), partial(np.subtract, a, tmp, tmp), partial(np.multiply, g, tmp, out)]


class Tanh(Activation):
    name = "tanh"
    formula = "tanh({net})"
    derivative_formula = "1 − {out}²"

    def forward_ops(self, z, out):
        return [partial(np.tanh, z, out)]

    def backward_ops(self, g, z, a, out, tmp):
        return [partial(np.multiply, a, a, tmp), partial(np.subtract, 1.0, tmp, tmp), partial(np.multiply, g, tmp, out)]


class ReLU(Activation):
    name = "relu"
    formula = "max(0, {net})"
    # As the warm-up seed's code: grad_h[h < 0] = 0, so the derivative at exactly 0 is 1.
    derivative_formula = "(1 if {net} ≥ 0 else 0)"

    def forward_ops(self, z, out):
        return [partial(np.maximum, z, 0.0, out=out)]

    def backward_ops(self, g, z, a, out, tmp):
        # heaviside(z, 1): 0 below zero, 1 from zero up: the seed's convention in one call
        return [partial(np.heaviside, z, 1.0, tmp), partial(np.multiply, g, tmp, out)]


class Linear(Activation):
    name = "linear"
    formula = "{net}"
    derivative_formula = "1"

    def forward_ops(self, z, out):
        return [partial(np.copyto, out, z)]

    def backward_ops(self, g, z, a, out, tmp):
        return [partial(np.copyto, out, g)]


class Softmax(Activation):
    """Softmax over the neurons of a layer (axis 1); only meaningful on the output layer."""

    name = "softmax"
    formula = "e^({net}) / Σₖ e^(netₖ)"
    derivative_formula = "{out}·(1 − {out})"

    @staticmethod
    def _forward(z, out):
        np.exp(z - z.max(axis=1, keepdims=True), out=out)  # the shift changes nothing but avoids overflow
        out /= out.sum(axis=1, keepdims=True)

    @staticmethod
    def _backward(g, a, out, tmp):
        # Jacobian-vector product: a * (g - sum_k g_k a_k)
        np.multiply(g, a, out=tmp)
        np.subtract(g, tmp.sum(axis=1, keepdims=True), out=tmp)
        np.multiply(a, tmp, out=out)

    def forward_ops(self, z, out):
        return [partial(self._forward, z, out)]

    def backward_ops(self, g, z, a, out, tmp):
        return [partial(self._backward, g, a, out, tmp)]

    def derivative(self, z, a):
        return a * (1.0 - a)  # the Jacobian's diagonal, ∂out_k/∂net_k


ACTIVATIONS: dict[str, Activation] = {a.name: a for a in (Sigmoid(), Tanh(), ReLU(), Linear(), Softmax())}
HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu", "linear")


def get_activation(name: str | Activation) -> Activation:
    if isinstance(name, Activation):
        return name
    try:
        return ACTIVATIONS[str(name).lower()]
    except KeyError:
        raise ValueError(f"unknown activation {name!r} (choose from {', '.join(ACTIVATIONS)})") from None
