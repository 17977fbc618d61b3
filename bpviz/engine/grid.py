"""The network evaluated over the input plane: the decision region and each neuron's output map.

Run by the training worker for every frame it sends, so it is built for speed: float32, grid points on the
second axis (features × points, 2-5x faster than points × features here), preallocated buffers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.engine.datasets import DOMAIN
from bpviz.engine.features import check_features, feature_columns
from bpviz.engine.naming import NetworkNames

EXTENT = (DOMAIN[0], DOMAIN[1], DOMAIN[0], DOMAIN[1])  # xmin, xmax, ymin, ymax


@dataclass(frozen=True)
class GridMaps:
    """``region``: (res, res) the network's answer over the plane, row 0 = bottom (ymin), column 0 = left:
    P(class 1, blue) for two classes; for K ≥ 3 classes (a softmax of K outputs) the probability of the most
    probable class, 1/K … 1 (how sure the network is; which class it is: ``classes``); for regression
    (``regression``: a linear output) the output value itself, unbounded (views clip its colour to [-1, 1]).
    ``classes``: K ≥ 3 classes only, (K, res, res) the softmax probability of each class (summing to 1 over the
    first axis); None otherwise.
    ``neurons``: neuron id → (r, r) map of its output in [-1, 1] (same orientation), inputs included; a softmax
    output neuron k shows 2·p_k − 1."""

    extent: tuple[float, float, float, float]
    region: np.ndarray
    neurons: dict
    regression: bool = False
    classes: np.ndarray | None = None

    @property
    def n_classes(self) -> int:
        """K: 2 for a classifier of one sigmoid or two softmax outputs, more with ``classes``; 0 for regression."""
        return 0 if self.regression else 2 if self.classes is None else len(self.classes)

    @property
    def probability(self) -> np.ndarray:
        """P(blue) over the plane (two classes: the name the region had before regression)."""
        if self.regression:
            raise AttributeError("a regression network's output is a value, not a probability: use GridMaps.region")
        if self.classes is not None:
            raise AttributeError(f"{len(self.classes)} classes have no P(blue): use GridMaps.classes")
        return self.region


def _plane(res: int, extent) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates of the centres of a res × res grid of cells, as float32 (x1, x2) each (res*res,)."""
    xmin, xmax, ymin, ymax = extent
    xs = (xmin + (np.arange(res) + 0.5) * (xmax - xmin) / res).astype(np.float32)
    ys = (ymin + (np.arange(res) + 0.5) * (ymax - ymin) / res).astype(np.float32)
    x1, x2 = np.meshgrid(xs, ys)  # row = y (bottom first), column = x
    return x1.ravel(), x2.ravel()


class GridEvaluator:
    def __init__(self, sizes, features, hidden: str, output: str, res: int = 100, neuron_res: int = 32,
                 extent=EXTENT):
        features = check_features(features)
        if sizes[0] != len(features):
            raise ValueError(f"the network has {sizes[0]} inputs but {len(features)} features were given")
        self.sizes, self.hidden, self.output = tuple(sizes), hidden, output
        self.res, self.neuron_res, self.extent = res, neuron_res, tuple(extent)
        self.names = NetworkNames(sizes)
        self._fine = np.stack(feature_columns(*_plane(res, extent), features))  # (k, res*res) float32
        self._coarse = np.stack(feature_columns(*_plane(neuron_res, extent), features))
        scale = np.abs(self._coarse).max(axis=1, keepdims=True)
        self._input_maps = self._coarse / np.where(scale > 0, scale, 1)  # each feature shown in [-1, 1]
        self._fine_buf = [np.empty((n, res * res), np.float32) for n in sizes[1:]]
        self._coarse_buf = [np.empty((n, neuron_res * neuron_res), np.float32) for n in sizes[1:]]
        self.n_classes = sizes[-1] if output == "softmax" and sizes[-1] > 2 else None  # K ≥ 3: per-class maps
        self._column = {n: np.empty((1, n), np.float32) for n in (res * res, neuron_res * neuron_res)}

    def evaluate(self, weights, biases) -> GridMaps:
        # A weight beyond float32's range (a damaged or diverging network) maps to ±inf: the maps then show
        # saturated neurons, which is what such a weight does; NumPy's warnings about it are noise.
        with np.errstate(over="ignore", invalid="ignore"):
            W = [np.asarray(w, np.float32).T for w in weights]  # (n_out, n_in): features stay on the leading axis
            b = [np.asarray(v, np.float32)[:, None] for v in biases]
            fine = self._forward(self._fine, W, b, self._fine_buf)
            coarse = self._forward(self._coarse, W, b, self._coarse_buf)
            if self.n_classes is None:
                region, classes = self._blue_probability(fine[-1]).reshape(self.res, self.res).copy(), None
            else:
                p = self._softmax(fine[-1])
                classes = p.reshape(self.n_classes, self.res, self.res).copy()
                region = classes.max(axis=0)
            maps = self._neuron_maps(coarse)
        return GridMaps(self.extent, region, maps, regression=self.regression, classes=classes)

    @property
    def regression(self) -> bool:
        """A linear output: the region is the output value, not P(blue)."""
        return self.output == "linear"

    def _forward(self, a, W, b, buffers) -> list[np.ndarray]:
        last = len(W) - 1
        for l, (w, bias, z) in enumerate(zip(W, b, buffers)):
            np.dot(w, a, out=z)
            z += bias
            if l < last:
                self._activate(self.hidden, z)
            elif self.output != "softmax":
                self._activate(self.output, z)
            a = z
        return buffers

    @staticmethod
    def _activate(name: str, z: np.ndarray) -> None:
        if name == "tanh":
            np.tanh(z, out=z)
        elif name == "sigmoid":
            np.negative(z, out=z)
            np.exp(z, out=z)
            z += 1
            np.reciprocal(z, out=z)
        elif name == "relu":
            np.maximum(z, 0, out=z)
        # linear: nothing to do

    def _softmax(self, z: np.ndarray) -> np.ndarray:
        """The K outputs' logits (K, n) turned into their probabilities in place (shifted by the column maximum:
        no overflow)."""
        top = self._column[z.shape[1]]
        np.max(z, axis=0, keepdims=True, out=top)
        z -= top
        np.exp(z, out=z)
        np.sum(z, axis=0, keepdims=True, out=top)
        z /= top
        return z

    def _blue_probability(self, out: np.ndarray) -> np.ndarray:
        if self.output == "softmax":  # two outputs: P(blue) = softmax(z)[1] = σ(z1 − z0)
            return 1.0 / (1.0 + np.exp(out[0] - out[-1]))
        return out[-1]  # a sigmoid output already is P(blue); a linear one is the predicted value

    def _neuron_maps(self, outs: list[np.ndarray]) -> dict:
        r = self.neuron_res
        maps = {self.names.neuron(0, i): m.reshape(r, r) for i, m in enumerate(self._input_maps)}
        last = len(outs) - 1
        for l, a in enumerate(outs):
            if l == last:
                if self.n_classes is not None:  # K ≥ 3: each output's probability p_k, as 2·p_k − 1
                    p = self._softmax(a)
                    shown = [2 * p[k] - 1 for k in range(len(p))]
                elif self.output == "softmax":
                    p = self._blue_probability(a)
                    shown = [2 * (1 - p) - 1, 2 * p - 1]
                elif self.regression:  # the value on the targets' own scale, −1 … +1
                    shown = [np.clip(a[k], -1.0, 1.0) for k in range(len(a))]
                else:
                    shown = [2 * a[k] - 1 for k in range(len(a))]
            elif self.hidden == "tanh":
                shown = list(a)
            elif self.hidden == "sigmoid":
                shown = [2 * x - 1 for x in a]
            else:  # relu, linear: unbounded, scaled per neuron
                peak = np.abs(a).max(axis=1)
                shown = [x / m if m > 0 and np.isfinite(m) else np.zeros_like(x) for x, m in zip(a, peak)]
            for j, m in enumerate(shown):
                image = np.nan_to_num(m, nan=0.0).reshape(r, r)
                maps[self.names.neuron(l + 1, j)] = image.astype(np.float32, copy=True)
        return maps
