"""The NumPy backprop engine. Imports NumPy and the standard library only: never Qt."""

from bpviz.engine.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS, get_activation
from bpviz.engine.losses import LOSSES, get_loss
from bpviz.engine.naming import NetworkNames
from bpviz.engine.network import Network, Pass

__all__ = [
    "ACTIVATIONS",
    "HIDDEN_ACTIVATIONS",
    "LOSSES",
    "Network",
    "NetworkNames",
    "Pass",
    "get_activation",
    "get_loss",
]
