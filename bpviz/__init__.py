"""bpviz: see and learn backpropagation."""

__version__ = "0.1.0"
