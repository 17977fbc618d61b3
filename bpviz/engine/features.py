"""Input features computed from a point (x1, x2), as TensorFlow Playground offers them.

A single neuron draws a straight line in the space of its inputs; with x1² and x2² among the inputs that line
is a circle in the plane (seed 003's lesson). The plane here spans about ±1.5 (TensorFlow Playground: ±6), so
the sine features use sin(π·x): one and a half periods across the plane, as the playground shows.
"""

from __future__ import annotations

import numpy as np

from bpviz.engine.phrases import QT_TRANSLATE_NOOP

FEATURES = ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")
#: how each feature is shown to the user
FEATURE_LABELS = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁x₂",
                  "sin(x1)": "sin(πx₁)", "sin(x2)": "sin(πx₂)"}
FEATURE_TIPS = {
    "x1": "the horizontal coordinate", "x2": "the vertical coordinate",
    "x1^2": "x₁ squared: with x₂² a single neuron can draw a circle", "x2^2": "x₂ squared",
    "x1*x2": "the product x₁·x₂: positive in two opposite quadrants (xor)",
    "sin(x1)": "sin(π·x₁): waves along x₁", "sin(x2)": "sin(π·x₂): waves along x₂",
}


def check_features(names) -> tuple[str, ...]:
    names = tuple(names)
    if not names:
        raise ValueError(QT_TRANSLATE_NOOP("Features", "at least one input feature is needed"))
    unknown = [n for n in names if n not in FEATURES]
    if unknown:
        raise ValueError(QT_TRANSLATE_NOOP("Features", "unknown feature(s) {names} (choose from {choices})")
                         .format(names=", ".join(map(repr, unknown)), choices=", ".join(FEATURES)))
    if len(set(names)) != len(names):
        raise ValueError(QT_TRANSLATE_NOOP("Features", "each feature may be used once, got {names}")
                         .format(names=", ".join(names)))
    return names


def feature_columns(x1: np.ndarray, x2: np.ndarray, names) -> list[np.ndarray]:
    """Each named feature of the points, in the dtype of x1 (float32 for grids, float64 for training)."""
    pi = x1.dtype.type(np.pi)
    table = {
        "x1": lambda: x1, "x2": lambda: x2, "x1^2": lambda: x1 * x1, "x2^2": lambda: x2 * x2,
        "x1*x2": lambda: x1 * x2, "sin(x1)": lambda: np.sin(pi * x1), "sin(x2)": lambda: np.sin(pi * x2),
    }
    return [table[n]() for n in names]


def make_features(X: np.ndarray, names) -> np.ndarray:
    """(n, 2) points → (n, len(names)) float64 inputs, C-contiguous."""
    X = np.asarray(X, dtype=np.float64)
    return np.ascontiguousarray(np.stack(feature_columns(X[:, 0], X[:, 1], check_features(names)), axis=1))
