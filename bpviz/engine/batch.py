"""The buffers of one network for a batch of ``n`` samples, and its training step compiled over them (``Batch``);
and everything one inspected pass computed (``Pass``).

A step costs about 0.5 µs per NumPy call, so the step is a list of bound NumPy calls over preallocated buffers:
each layer's input buffer is (N, n_in + 1) with a last column of ones, so that one ``np.dot`` gives ``a·W + b``
and one gives both ∂E/∂W and ∂E/∂b (bpviz.engine.network keeps the parameters as one flat vector of such blocks).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from bpviz.engine.network import Network


@dataclass(frozen=True)
class Pass:
    """Everything one forward/backward pass computed, as batch-major copies (for the trace and the views).

    Lists run over the weight layers l = 0 .. n_layers-1 and describe the neurons layer l feeds:
    ``nets`` (net inputs), ``outs`` (activations), ``derivs`` (f'(net)), ``outs_grad`` (∂E/∂out),
    ``deltas`` (∂E/∂net); ``dW``/``db`` are the parameter gradients (regularisation included). ``terms`` are
    the loss's per-output contributions (N, n_out); ``loss`` is the data loss and ``penalty`` the
    regularisation term: the gradients differentiate their sum.
    """

    inputs: np.ndarray
    targets: np.ndarray
    nets: list
    outs: list
    derivs: list
    outs_grad: list
    deltas: list
    dW: list
    db: list
    terms: np.ndarray
    loss: float
    penalty: float

    @property
    def objective(self) -> float:
        return self.loss + self.penalty


class Batch:
    """Buffers for ``n`` samples of one network, and its training step compiled over them: lists of bound
    NumPy calls (about 0.5 µs each; running a list costs little more than the calls themselves).

    Get one with ``net.batch(n)``, fill it with ``load`` or ``gather``, train with ``net.train_batch``. Data
    that does not change (full-batch training) is loaded once, not copied at every step."""

    def __init__(self, net: Network, n: int):
        sizes, L = net.sizes, net.n_layers
        self.n = n
        self.scale = net.loss.scale(n)  # the loss's 1/N (or 1 for a summed loss)
        self.A = [np.ones((n, s + 1)) for s in sizes[:-1]]  # input of each weight layer, last column ones
        self.AT = [a.T for a in self.A]
        self.X = self.A[0][:, :-1]
        # Hidden outputs are computed into contiguous buffers (ufuncs on strided views cost twice as much) and
        # copied once into the next layer's augmented input.
        self.H = [np.empty((n, s)) for s in sizes[1:-1]]
        self.Z = [np.empty((n, s)) for s in sizes[1:]]
        self.Y = np.empty((n, sizes[-1]))
        self.T = np.empty((n, sizes[-1]))  # targets
        self.G = [np.empty((n, s)) for s in sizes[1:]]  # ∂E/∂out
        self.D = [np.empty((n, s)) for s in sizes[1:]]  # ∂E/∂net
        self.tmp = [np.empty((n, s)) for s in sizes[1:]]
        self.ones = np.ones((n, sizes[-1]))
        self.outs = self.H + [self.Y]

        acts = [net.hidden] * (L - 1) + [net.output]
        self.forward_ops = []
        for l in range(L):
            self.forward_ops.append(partial(np.dot, self.A[l], net._P[l], self.Z[l]))  # a·W + b
            self.forward_ops += acts[l].forward_ops(self.Z[l], self.outs[l])
            if l < L - 1:
                self.forward_ops.append(partial(np.copyto, self.A[l + 1][:, :-1], self.H[l]))
        self.output_delta = net.loss.compile_delta(self, net.output)
        self.backward_ops = []
        for l in range(L - 1, -1, -1):
            self.backward_ops.append(partial(np.dot, self.AT[l], self.D[l], net._dP[l]))  # ∂E/∂W and ∂E/∂b
            if l:
                self.backward_ops.append(partial(np.dot, self.D[l], net._WT[l], self.G[l - 1]))  # ∂E/∂out below
                self.backward_ops += net.hidden.backward_ops(self.G[l - 1], self.Z[l - 1], self.H[l - 1],
                                                             self.D[l - 1], self.tmp[l - 1])
        self.owner = net

    def load(self, X, Y=None) -> Batch:
        """Copy inputs (n, n_in) and, if given, targets (n, n_out) or (n,) into the batch."""
        if not (type(X) is np.ndarray and X.shape == self.X.shape):  # the common case skips all conversion
            X = np.asarray(X, dtype=np.float64)
            if X.ndim == 1:
                X = X.reshape(1, -1)
            if X.shape != self.X.shape:
                raise ValueError(f"inputs must have shape {self.X.shape}, got {X.shape}")
        np.copyto(self.X, X)
        if Y is not None:
            if not (type(Y) is np.ndarray and Y.shape == self.T.shape):
                Y = np.asarray(Y, dtype=np.float64)
                if Y.ndim == 1 and self.T.shape[1] == 1:
                    Y = Y.reshape(-1, 1)
                if Y.shape != self.T.shape:
                    raise ValueError(f"targets must have shape {self.T.shape}, got {Y.shape}")
            np.copyto(self.T, Y)
        return self

    def gather(self, X: np.ndarray, Y: np.ndarray, index: np.ndarray) -> Batch:
        """Fill the batch with rows ``index`` of X and Y: float64 arrays (M, n_in) and (M, n_out), as the
        Trainer keeps them. An index out of range raises IndexError."""
        X.take(index, 0, self.X, "raise")  # the method form: half the overhead of np.take
        Y.take(index, 0, self.T, "raise")
        return self
