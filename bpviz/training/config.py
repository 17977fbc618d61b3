"""The settings of a playground run (``TrainConfig``) and the one statement of their limits.

The problem type follows the data set. Classification (labels 0 … K−1): the loss picks the output layer
(``CLASSIFICATION_LOSSES``; three classes or more: a softmax of K outputs, ``MULTICLASS_LOSSES``). Regression
(``plane``, ``multi_gaussian``, or points of one's own with values): one linear output neuron and the loss
``half_sse`` (mean ½(y − t)²), the only one offered (``REGRESSION_LOSSES``); a classification loss on such data is
refused. ``half_sse`` thus means a sigmoid output on classification data (as in every session saved before
regression existed) and a linear one on regression data.

Plain Python and NumPy (no Qt): sessions and the command line check settings here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from bpviz.engine import HIDDEN_ACTIVATIONS, Network
from bpviz.engine.checks import choice, is_whole, real_number, show, show_names, whole_number
from bpviz.engine.datasets import DATASET_WORDS, MAX_SAMPLES, MAX_SEED, DatasetSpec
from bpviz.engine.features import FEATURES, check_features
from bpviz.engine.phrases import QT_TRANSLATE_NOOP

#: losses offered for classification, and the output layer each implies
CLASSIFICATION_LOSSES = {"bce": ("sigmoid", 1), "half_sse": ("sigmoid", 1), "softmax_ce": ("softmax", 2)}
#: losses offered for regression, and the output layer each implies
REGRESSION_LOSSES = {"half_sse": ("linear", 1)}
#: losses offered for three or more classes: a softmax output of K neurons
MULTICLASS_LOSSES = {"softmax_ce": ("softmax", None)}
LOSS_WORDS = {"bce": QT_TRANSLATE_NOOP("Loss", "cross-entropy"), "half_sse": QT_TRANSLATE_NOOP("Loss", "squared error"),
              "softmax_ce": QT_TRANSLATE_NOOP("Loss", "softmax cross-entropy")}  # phrases: in words in Chinese
REGULARIZATIONS = ("none", "l1", "l2")

# What a TrainConfig may hold besides its DatasetSpec (whose limits are in bpviz.engine.datasets): the one
# statement of these limits. The playground's controls read them, and a session is checked against them, so that
# every configuration that passes can be shown by the controls. A rate may be any finite number from MIN_RATE (a
# combo box shows an odd loaded value as an extra item, but reads a rate within 1e-15 of 0 as 0).
MAX_LAYERS, MAX_WIDTH = 6, 16  # hidden layers, neurons per hidden layer
MAX_BATCH_SIZE = MAX_SAMPLES  # a batch of the whole training set at most (0 also means the whole set)
MIN_RATE = 1e-12  # the smallest learning rate, and regularization rate other than 0


@dataclass(frozen=True)
class TrainConfig:
    dataset: DatasetSpec = field(default_factory=DatasetSpec)
    hidden: tuple[int, ...] = (4, 4)
    activation: str = "tanh"
    loss: str = "bce"
    lr: float = 0.03
    batch_size: int = 10  # 1 = stochastic; >= the training set (or 0) = full batch
    regularization: str = "none"
    reg_rate: float = 0.0
    seed: int = 1  # initial weights and the order of the mini-batches
    features: tuple[str, ...] = ("x1", "x2")  # the network's inputs, computed from each point (x1, x2)

    def __post_init__(self):
        if not isinstance(self.dataset, DatasetSpec):
            raise ValueError(QT_TRANSLATE_NOOP("TrainConfig", "the data set must be a DatasetSpec, got {value}")
                             .format(value=show(self.dataset)))
        object.__setattr__(self, "hidden", _check_hidden(self.hidden))
        object.__setattr__(self, "features", _check_feature_names(self.features))
        choice(QT_TRANSLATE_NOOP("Setting", "activation"), self.activation, HIDDEN_ACTIVATIONS)
        choice(QT_TRANSLATE_NOOP("Setting", "loss"), self.loss, CLASSIFICATION_LOSSES)
        if self.dataset.n_classes > 2 and self.loss not in MULTICLASS_LOSSES:
            raise ValueError(QT_TRANSLATE_NOOP("TrainConfig", "{k} classes need a softmax output: use the loss "
                                                              "{losses} ({words}), not {loss}")
                             .format(k=self.dataset.n_classes, losses=", ".join(MULTICLASS_LOSSES),
                                     words=LOSS_WORDS["softmax_ce"], loss=self.loss))
        if self.is_regression and self.loss not in REGRESSION_LOSSES:
            raise ValueError(QT_TRANSLATE_NOOP("TrainConfig", "loss {loss} ({words}) is for classification, but "
                                                              "{dataset} is a regression data set (a value per point, "
                                                              "not a class): use {losses} (squared error with a "
                                                              "linear output)")
                             .format(loss=self.loss, words=LOSS_WORDS[self.loss],
                                     dataset=DATASET_WORDS.get(self.dataset.name, self.dataset.name),
                                     losses=", ".join(REGRESSION_LOSSES)))
        real_number(QT_TRANSLATE_NOOP("Setting", "learning rate"), self.lr, low=MIN_RATE)
        if not (is_whole(self.batch_size) and 0 <= self.batch_size <= MAX_BATCH_SIZE):
            raise ValueError(QT_TRANSLATE_NOOP("TrainConfig", "batch size must be a whole number from 1 to {max} "
                                                              "(0 = full batch), got {value}")
                             .format(max=MAX_BATCH_SIZE, value=show(self.batch_size)))
        object.__setattr__(self, "batch_size", int(self.batch_size))
        choice(QT_TRANSLATE_NOOP("Setting", "regularization"), self.regularization, REGULARIZATIONS)
        reg_rate = QT_TRANSLATE_NOOP("Setting", "regularization rate")
        if real_number(reg_rate, self.reg_rate, low=0.0) != 0.0 and self.reg_rate < MIN_RATE:
            raise ValueError(QT_TRANSLATE_NOOP("TrainConfig", "regularization rate must be 0 or at least {min:g}, "
                                                              "got {value}")
                             .format(min=MIN_RATE, value=show(self.reg_rate)))
        object.__setattr__(self, "seed", whole_number(QT_TRANSLATE_NOOP("Setting", "seed"), self.seed, 0, MAX_SEED))

    @property
    def is_regression(self) -> bool:
        """The data set's points carry values to predict: a linear output, no accuracy."""
        return self.dataset.is_regression

    @property
    def n_classes(self) -> int:
        """K, the number of classes (0 for regression)."""
        return self.dataset.n_classes

    @property
    def losses(self) -> dict:
        """The losses that fit this problem type, each with the output layer it implies."""
        if self.is_regression:
            return REGRESSION_LOSSES
        return MULTICLASS_LOSSES if self.n_classes > 2 else CLASSIFICATION_LOSSES

    @property
    def n_outputs(self) -> int:
        """One output, or one per class for a softmax."""
        return self.n_classes if self.output == "softmax" else 1

    @property
    def sizes(self) -> tuple[int, ...]:
        return (len(self.features), *self.hidden, self.n_outputs)

    @property
    def output(self) -> str:
        return self.losses[self.loss][0]

    def for_data(self, dataset: DatasetSpec) -> TrainConfig:
        """These settings over other data, the loss changed only where it cannot stay: softmax cross-entropy for
        three classes or more, squared error for values, cross-entropy when classes replace values."""
        loss = self.loss
        if dataset.is_regression:
            loss = next(iter(REGRESSION_LOSSES))
        elif dataset.n_classes > 2 and loss not in MULTICLASS_LOSSES:
            loss = next(iter(MULTICLASS_LOSSES))
        elif self.is_regression:
            loss = "bce"
        return replace(self, dataset=dataset, loss=loss)

    def make_network(self) -> Network:
        """The network this configuration trains, with the initial weights of its seed."""
        return Network(self.sizes, hidden=self.activation, output=self.output, loss=self.loss, seed=self.seed,
                       regularization=self.regularization, reg_rate=self.reg_rate)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["dataset"] = self.dataset.to_dict()
        d["hidden"] = list(self.hidden)
        d["features"] = list(self.features)
        return d

    @classmethod
    def from_dict(cls, data: dict) -> TrainConfig:
        if not isinstance(data, dict):
            raise ValueError(QT_TRANSLATE_NOOP("TrainConfig", "the training configuration must be a JSON object"))
        unknown = [key for key in data if key not in cls.__dataclass_fields__]
        if unknown:
            raise ValueError(QT_TRANSLATE_NOOP("TrainConfig", "unknown configuration key(s): {keys}")
                             .format(keys=show_names(unknown)))
        data = dict(data)
        if "dataset" in data:
            data["dataset"] = DatasetSpec.from_dict(data["dataset"])
        for key in ("hidden", "features"):
            if key in data:
                if not isinstance(data[key], list):
                    raise ValueError(QT_TRANSLATE_NOOP("TrainConfig", "hidden must be a list") if key == "hidden"
                                     else QT_TRANSLATE_NOOP("TrainConfig", "features must be a list"))
                data[key] = tuple(data[key])
        return cls(**data)


def _check_hidden(hidden) -> tuple[int, ...]:
    if isinstance(hidden, (str, dict)) or not hasattr(hidden, "__iter__"):
        raise ValueError(QT_TRANSLATE_NOOP("TrainConfig", "hidden layers must be a list of neuron counts, got {value}")
                         .format(value=show(hidden)))
    hidden = tuple(hidden)
    if len(hidden) > MAX_LAYERS or not all(is_whole(h) and 1 <= h <= MAX_WIDTH for h in hidden):
        raise ValueError(QT_TRANSLATE_NOOP("TrainConfig", "hidden layers: at most {layers} layers of 1 to {width} "
                                                          "neurons, got {value}")
                         .format(layers=MAX_LAYERS, width=MAX_WIDTH, value=show(list(hidden))))
    return tuple(int(h) for h in hidden)


def _check_feature_names(features) -> tuple[str, ...]:
    """Names of FEATURES, each once; a refusal quotes at most a few short values."""
    if isinstance(features, (str, dict)) or not hasattr(features, "__iter__"):
        raise ValueError(QT_TRANSLATE_NOOP("TrainConfig", "features must be a list of names, got {value}")
                         .format(value=show(features)))
    features = tuple(features)
    unknown = [f for f in features if not (isinstance(f, str) and f in FEATURES)]
    if unknown:
        raise ValueError(QT_TRANSLATE_NOOP("Features", "unknown feature(s) {names} (choose from {choices})")
                         .format(names=show_names(unknown), choices=", ".join(FEATURES)))
    return check_features(features)
