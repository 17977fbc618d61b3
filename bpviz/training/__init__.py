"""Running training over time, in plain NumPy (no Qt): the playground's Trainer (``trainer``), the NumPy warm-up's
run beside the seed's own loop (``warmup``), and the plain-data frames the window's worker threads send.

The engine (``bpviz.engine``) knows one step of a network; this package runs many of them, in time slices,
keeps the loss history in bounded memory and makes snapshots for the views.
"""

from bpviz.training.history import History, HistoryArrays
from bpviz.training.trainer import (
    CLASSIFICATION_LOSSES,
    LOSS_WORDS,
    MAX_LAYERS,
    MAX_WIDTH,
    MULTICLASS_LOSSES,
    REGRESSION_LOSSES,
    Snapshot,
    TrainConfig,
    Trainer,
    predicted_classes,
    targets_for,
)

__all__ = ["CLASSIFICATION_LOSSES", "History", "HistoryArrays", "LOSS_WORDS", "MAX_LAYERS", "MAX_WIDTH",
           "MULTICLASS_LOSSES", "REGRESSION_LOSSES", "Snapshot", "TrainConfig", "Trainer", "predicted_classes",
           "targets_for"]
