"""A fully connected network with exact float64 backprop and a lean training step.

The public layout is batch-major, as the seeds' ``x.dot(w1)``: ``X`` is (N, n_in), ``weights[l]`` is
(n_in, n_out), ``biases[l]`` is (n_out,).

A step costs about 0.5 µs per NumPy call, so the layout minimises calls. All parameters live in one flat
vector: layer ``l`` is an (n_in + 1, n_out) block whose last row is the bias; ``weights``/``biases`` are views
of it and the update is two calls for the whole network. Each layer's input buffer is (N, n_in + 1) with a
last column of ones, so that one ``np.dot`` gives ``a·W + b`` and one gives both ∂E/∂W and ∂E/∂b. A step
allocates nothing. The products are the seeds' own (``x.dot(w1)``, ``h_relu.T.dot(grad_y_pred)``,
``grad_y_pred.dot(w2.T)``) with the same memory layouts, so BLAS rounds them alike: trained from the same
arrays, the engine reproduces the warm-up seed's losses to about 1e-16 (relative).
"""

from __future__ import annotations

import copy
import functools
from collections import OrderedDict

import numpy as np

from bpviz.engine.activations import HIDDEN_ACTIVATIONS, get_activation
from bpviz.engine.batch import Batch, Pass
from bpviz.engine.losses import get_loss

REGULARIZATIONS = ("none", "l1", "l2")
INITS = ("auto", "glorot", "he", "normal")


class _ParamList(list):
    """A list of views into the parameter vector; ``lst[i] = array`` copies the values in (shape checked)."""

    def __init__(self, views, what):
        super().__init__(views)
        self._what = what

    def __setitem__(self, i, value):
        target = list.__getitem__(self, i)
        value = np.asarray(value, dtype=np.float64)
        if value.shape != target.shape:
            raise ValueError(f"{self._what}[{i}] must have shape {target.shape}, got {value.shape}")
        target[...] = value


def _quiet_overflow(method):
    """Run ``method`` without NumPy's floating-point warnings. A saturated sigmoid's exp overflows to inf and gives
    the right 0; a diverging network's inf and NaN are seen by the callers, which say so in words. (The Trainer's
    hot loop calls ``train_batch`` inside one errstate of its own.)"""

    @functools.wraps(method)
    def quiet(*args, **kwargs):
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            return method(*args, **kwargs)

    return quiet


class Network:
    """A feed-forward network: ``Network([2, 8, 8, 1], hidden="tanh", output="sigmoid", loss="bce", seed=0)``."""

    _MAX_WORKSPACES = 4

    def __init__(
        self,
        sizes,
        hidden="tanh",
        output="sigmoid",
        loss="bce",
        seed=0,
        *,
        init="auto",
        regularization="none",
        reg_rate=0.0,
        update_biases=True,
        shared_biases=False,
    ):
        sizes = tuple(sizes)
        if len(sizes) < 2 or not all(
            isinstance(s, (int, np.integer)) and not isinstance(s, bool) and s >= 1 for s in sizes
        ):
            raise ValueError(f"sizes must be at least two positive integers, got {sizes!r}")
        self.sizes = tuple(int(s) for s in sizes)
        # Fixed for the network's life: each batch compiles its step from them.
        self._hidden = get_activation(hidden)
        if self._hidden.name not in HIDDEN_ACTIVATIONS:
            raise ValueError(f"hidden activation must be one of {', '.join(HIDDEN_ACTIVATIONS)}")
        self._output = get_activation(output)
        self._loss = get_loss(loss)
        if self._loss.requires_output and self._output.name != self._loss.requires_output:
            raise ValueError(f"loss {self._loss.name} needs a {self._loss.requires_output} output layer")
        if self._output.name == "softmax" and self.sizes[-1] < 2:
            raise ValueError("a softmax output needs at least two outputs")
        if init not in INITS:
            raise ValueError(f"init must be one of {', '.join(INITS)}")
        self.regularization = regularization
        self.reg_rate = reg_rate
        self.update_biases = bool(update_biases)
        self.shared_biases = bool(shared_biases)
        self.seed = seed

        self._layout = []  # (offset, n_in, n_out) of each layer's block in the parameter vector
        offset = 0
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            self._layout.append((offset, n_in, n_out))
            offset += (n_in + 1) * n_out
        self._weight_mask = np.zeros(offset)  # 1 where a weight lives, 0 where a bias lives
        for start, n_in, n_out in self._layout:
            self._weight_mask[start : start + n_in * n_out] = 1.0
        self._bias_index = np.flatnonzero(self._weight_mask == 0.0)
        self._bind(np.zeros(offset), np.zeros(offset))
        self._initialize(init, np.random.default_rng(seed))

    def _bind(self, params: np.ndarray, grad: np.ndarray) -> None:
        """Adopt the parameter and gradient vectors and build the per-layer views into them."""
        self._params, self._grad = params, grad
        self._scratch = np.empty_like(params)
        self._P = [params[o : o + (i + 1) * n].reshape(i + 1, n) for o, i, n in self._layout]
        self._dP = [grad[o : o + (i + 1) * n].reshape(i + 1, n) for o, i, n in self._layout]
        self._WT = [p[:-1].T for p in self._P]
        self._workspaces: OrderedDict[int, Batch] = OrderedDict()

    # ------------------------------------------------------------------ parameters
    def _initialize(self, init, rng):
        relu = self.hidden.name == "relu"
        for l, (n_in, n_out) in enumerate(zip(self.sizes[:-1], self.sizes[1:])):
            if init == "normal":
                std = 1.0
            elif init == "he" or (init == "auto" and relu and l < self.n_layers - 1):
                std = np.sqrt(2.0 / n_in)
            else:  # Glorot
                std = np.sqrt(2.0 / (n_in + n_out))
            self._P[l][:-1] = rng.standard_normal((n_in, n_out)) * std
            self._P[l][-1] = 0.0

    @property
    def n_layers(self) -> int:
        """Number of weight layers."""
        return len(self.sizes) - 1

    @property
    def hidden(self):
        """The hidden layers' activation (read-only: the compiled step depends on it)."""
        return self._hidden

    @property
    def output(self):
        return self._output

    @property
    def loss(self):
        return self._loss

    @property
    def weights(self) -> list:
        """Views of the weight matrices (n_in, n_out); assign ``net.weights = [...]`` or ``net.weights[l] = W``."""
        return _ParamList([p[:-1] for p in self._P], "weights")

    @weights.setter
    def weights(self, values):
        self._assign(values, self.weights, "weights")

    @property
    def biases(self) -> list:
        """Views of the bias vectors (n_out,)."""
        return _ParamList([p[-1] for p in self._P], "biases")

    @biases.setter
    def biases(self, values):
        self._assign(values, self.biases, "biases")

    @staticmethod
    def _assign(values, views, what):
        """Copy every array in, or none: all shapes are checked before anything changes."""
        values = [np.asarray(v, dtype=np.float64) for v in values]
        if len(values) != len(views):
            raise ValueError(f"{what} needs {len(views)} arrays, got {len(values)}")
        for i, (v, target) in enumerate(zip(values, views)):
            if v.shape != target.shape:
                raise ValueError(f"{what}[{i}] must have shape {target.shape}, got {v.shape}")
        for v, target in zip(values, views):
            target[...] = v

    def get_parameters(self) -> np.ndarray:
        """All weights and biases as one flat vector (a copy)."""
        return self._params.copy()

    def set_parameters(self, vector) -> None:
        vector = np.asarray(vector, dtype=np.float64)
        if vector.shape != self._params.shape:
            raise ValueError(f"parameter vector must have shape {self._params.shape}, got {vector.shape}")
        self._params[...] = vector

    @property
    def regularization(self) -> str:
        return self._regularization

    @regularization.setter
    def regularization(self, kind):
        kind = "none" if kind in (None, "") else str(kind).lower()
        if kind not in REGULARIZATIONS:
            raise ValueError(f"regularization must be one of {', '.join(REGULARIZATIONS)}")
        self._regularization = kind

    @property
    def reg_rate(self) -> float:
        return self._reg_rate

    @reg_rate.setter
    def reg_rate(self, rate):
        rate = float(rate)
        if not rate >= 0.0:
            raise ValueError("regularization rate must be >= 0")
        self._reg_rate = rate

    def copy(self) -> Network:
        """An independent network with the same configuration, parameters and last gradients."""
        clone = copy.copy(self)
        clone._bind(self._params.copy(), self._grad.copy())
        return clone

    # ------------------------------------------------------------------ the pass
    def batch(self, n: int) -> Batch:
        """New buffers for batches of ``n`` samples (see ``Batch``); they belong to this network."""
        return Batch(self, int(n))

    def _workspace(self, n: int) -> Batch:
        ws = self._workspaces.get(n)
        if ws is None:
            ws = self._workspaces[n] = Batch(self, n)
            if len(self._workspaces) > self._MAX_WORKSPACES:
                self._workspaces.popitem(last=False)
        return ws

    def _load(self, X, Y=None) -> Batch:
        """The cached buffers for len(X) samples, loaded with (X, Y)."""
        if type(X) is not np.ndarray:
            X = np.asarray(X, dtype=np.float64)
        n = len(X) if X.ndim == 2 else 1
        ws = self._workspaces.get(n)
        return (ws if ws is not None else self._workspace(n)).load(X, Y)

    @staticmethod
    def _forward(ws: Batch) -> None:
        for op in ws.forward_ops:
            op()

    def _backward(self, ws: Batch) -> tuple[float, float]:
        """Fill the gradient vector from the forward pass in ``ws``; return (data loss, penalty)."""
        loss = ws.output_delta()
        for op in ws.backward_ops:
            op()
        if self.shared_biases:
            for g in self._dP:  # one bias per layer: its gradient is the sum over the neurons it feeds
                g[-1].fill(g[-1].sum())
        penalty = 0.0
        if self._regularization != "none" and self._reg_rate > 0.0:
            s = self._scratch
            if self._regularization == "l2":  # ½·λ·Σw²
                np.multiply(self._params, self._weight_mask, out=s)
                s *= self._reg_rate
                penalty = 0.5 * float(np.dot(s, self._params))
            else:  # λ·Σ|w|
                np.sign(self._params, out=s)
                s *= self._weight_mask
                s *= self._reg_rate
                penalty = float(np.dot(s, self._params))
            self._grad += s
        return loss, penalty

    def _update(self, lr: float) -> None:
        np.multiply(self._grad, lr, out=self._scratch)
        if self.update_biases:
            self._params -= self._scratch
        else:  # frozen biases: cheaper to put them back than to mask every parameter
            biases = self._params[self._bias_index]
            self._params -= self._scratch
            self._params[self._bias_index] = biases

    # ------------------------------------------------------------------ public API
    @_quiet_overflow
    def step(self, X, Y, lr: float) -> float:
        """One gradient-descent step on the batch (X, Y); returns the loss (with penalty) before the step."""
        return self.train_batch(self._load(X, Y), lr)

    def train_batch(self, batch: Batch, lr: float) -> float:
        """``step`` on data already in ``batch`` (from ``net.batch(n)``)."""
        if batch.owner is not self:
            raise ValueError("this batch belongs to another network: get one with net.batch(n)")
        for op in batch.forward_ops:
            op()
        loss, penalty = self._backward(batch)
        self._update(lr)
        return loss + penalty

    @_quiet_overflow
    def gradients(self, X, Y):
        """(loss, dW, db) on the batch; ``dW``/``db`` are new arrays shaped like ``weights``/``biases``.
        Changes no parameter."""
        ws = self._load(X, Y)
        self._forward(ws)
        loss, penalty = self._backward(ws)
        return loss + penalty, [g[:-1].copy() for g in self._dP], [g[-1].copy() for g in self._dP]

    def last_gradients(self):
        """(dW, db) of the most recent ``step``/``gradients`` call, as copies."""
        return [g[:-1].copy() for g in self._dP], [g[-1].copy() for g in self._dP]

    @_quiet_overflow
    def inspect(self, X, Y) -> Pass:
        """One forward/backward pass with every intermediate quantity, as copies. Changes no parameter."""
        ws = self._load(X, Y)
        self._forward(ws)
        loss, penalty = self._backward(ws)
        T = ws.T
        acts = [self.hidden] * (self.n_layers - 1) + [self.output]
        outs_grad = [g.copy() for g in ws.G]
        if self.loss.fused:  # the step forms the output delta directly; show ∂E/∂y for the record
            outs_grad[-1] = self.loss.grad(ws.Y, T, ws.Z[-1])
        return Pass(
            inputs=ws.X.copy(),
            targets=T.copy(),
            nets=[z.copy() for z in ws.Z],
            outs=[np.array(a) for a in ws.outs],
            derivs=[f.derivative(z, np.array(a)) for f, z, a in zip(acts, ws.Z, ws.outs)],
            outs_grad=outs_grad,
            deltas=[d.copy() for d in ws.D],
            dW=[g[:-1].copy() for g in self._dP],
            db=[g[-1].copy() for g in self._dP],
            terms=self.loss.terms(ws.Y, T, ws.Z[-1]),
            loss=loss,
            penalty=penalty,
        )

    @_quiet_overflow
    def forward(self, X) -> list:
        """Outputs of every layer (hidden layers, then the output layer) for the inputs X, as new arrays."""
        ws = self._load(X)
        self._forward(ws)
        return [np.array(a) for a in ws.outs]

    @_quiet_overflow
    def predict(self, X) -> np.ndarray:
        ws = self._load(X)
        self._forward(ws)
        return ws.Y.copy()

    @_quiet_overflow
    def loss_value(self, X, Y) -> float:
        """The data loss on (X, Y) without the regularisation term."""
        ws = self._load(X, Y)
        self._forward(ws)
        return self.loss.value(ws.Y, ws.T, ws.Z[-1])

    @_quiet_overflow
    def penalty(self) -> float:
        """The regularisation term for the current weights (inf, without NumPy's warning, for weights whose
        squares overflow: a diverged network, which the callers say in words)."""
        if self._regularization == "none" or self._reg_rate == 0.0:
            return 0.0
        w = self._params[self._weight_mask == 1.0]
        if self._regularization == "l2":
            return 0.5 * self._reg_rate * float(np.dot(w, w))
        return self._reg_rate * float(np.abs(w).sum())

    def __repr__(self) -> str:
        arch = "-".join(map(str, self.sizes))
        return f"Network({arch}, hidden={self.hidden.name}, output={self.output.name}, loss={self.loss.name})"
