"""The network as code: a standalone Python script that trains the playground's network exactly as bpviz does.

``training_script(config, epochs)`` returns the text of a script that needs only NumPy: the raw 2-D points and
the starting weights inline (every float written with ``repr``, so it reads back bit for bit), the features, the
forward and backward passes in the articles' notation, the Trainer's mini-batches in the Trainer's order (the
same ``default_rng([seed, 1])`` permutation at the start of every epoch) and its updates. After each epoch it
prints the train and test losses bpviz's loss history records (the data loss, without the penalty), with ``repr``
so that they can be compared. The text comes from one template (bpviz.script_template) with the numbers and the
few pieces that differ (activation, output and loss, regularization) filled in.

NumPy and the standard library only: the CLI (``bpviz train --code``) and the window's menu share it.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

import numpy as np

import bpviz
from bpviz import script_template as tpl
from bpviz.engine.checks import whole_number
from bpviz.engine.datasets import Dataset
from bpviz.engine.phrases import QT_TRANSLATE_NOOP
from bpviz.files import write_text
from bpviz.training import LOSS_WORDS, TrainConfig

LINE_WIDTH = 119  # the script's lines stay within this (ruff's 120 with room to spare)
INDENT = "    "
MAX_EPOCHS = 10**9


def training_script(config: TrainConfig, epochs: int, *, data: Dataset | None = None, weights=None,
                    biases=None, torch: bool = False) -> str:
    """The text of a NumPy script that trains ``config``'s network for ``epochs`` epochs as the Trainer does.

    ``data`` defaults to the configuration's data set (``config.dataset.make()``); ``weights``/``biases`` (lists
    of arrays shaped like ``Network.weights``/``Network.biases``) to the starting weights of its seed. ``torch``:
    the same run written with PyTorch (autograd for the backward pass; NumPy's generator still shuffles).
    ValueError for weights of the wrong shape, numbers that are not finite or no training points."""
    if not isinstance(config, TrainConfig):
        raise ValueError(f"the configuration must be a TrainConfig, got {type(config).__name__}")
    epochs = whole_number("epochs", epochs, 0, MAX_EPOCHS)
    data = config.dataset.make() if data is None else data
    if len(data.X_train) == 0:
        raise ValueError(QT_TRANSLATE_NOOP("Script", "there are no training points: a script would have nothing to "
                                                     "train on"))
    given = weights is not None or biases is not None
    start = config.make_network()
    weights = _parameters(QT_TRANSLATE_NOOP("Script", "weights"), start.weights if weights is None else weights,
                          start.weights)
    biases = _parameters(QT_TRANSLATE_NOOP("Script", "biases"), start.biases if biases is None else biases,
                         start.biases)
    n_train = len(data.X_train)
    batch = n_train if config.batch_size == 0 or config.batch_size >= n_train else config.batch_size
    regularization = config.regularization if config.reg_rate > 0 else "none"
    report = tpl.REGRESSION_REPORT if config.is_regression else tpl.CLASSIFICATION_REPORT
    fields = {
        "title": f"Train the {_architecture(config)} network of bpviz's playground on the {_data_name(data)} "
                 "data set.",
        "version": bpviz.__version__,
        "summary": _summary(config, epochs, data, batch, given),
        "lr": repr(float(config.lr)),
        "batch_size": batch,
        "batch_words": _batch_words(batch, n_train),
        "epochs": epochs,
        "seed": config.seed,
        "regularization_settings": tpl.REGULARIZATIONS[regularization][0].format(rate=float(config.reg_rate)),
        "label_words": "values to predict" if config.is_regression else "classes",
        "data_source": f" ({len(data.X_train)} for training, {len(data.X_test)} for testing)",
        "data": _data_code(config, data),
        "weights": _weights_code(config, weights, biases, torch),
        "feature_names": ", ".join(config.features),
        "feature_columns": ", ".join(tpl.FEATURE_CODE[name] for name in config.features),
        **_targets_fields(config),
        **report,
    }
    kind = "regression" if config.is_regression else "classification"
    if torch:
        fields.update(needs="Needs NumPy and PyTorch (its autograd does the backward pass, in float64)",
                      imports="import numpy as np\nimport torch",
                      activation=tpl.TORCH_ACTIVATIONS[config.activation],
                      output_and_loss=tpl.torch_output_and_loss(config.loss, config.output),
                      penalty=tpl.torch_penalty(regularization), evaluate_return=tpl.TORCH_EVALUATE[kind])
        predicted = tpl.TORCH_PREDICTED
    else:
        fields.update(needs="Needs only NumPy", imports="import numpy as np",
                      activation=tpl.ACTIVATIONS[config.activation],
                      output_and_loss=tpl.OUTPUTS_AND_LOSSES[(config.loss, config.output)],
                      regularize=tpl.REGULARIZATIONS[regularization][1])
        predicted = tpl.PREDICTED
    if not config.is_regression:
        guess, actual = predicted[config.output]
        fields["evaluate_return"] = fields["evaluate_return"].format(predicted=guess, actual=actual)
    return Template(tpl.TORCH_SCRIPT if torch else tpl.SCRIPT).substitute(fields)


def write_training_script(path, config: TrainConfig, epochs: int, **kw) -> Path:
    """Write ``training_script(config, epochs, **kw)`` to ``path`` (atomically: all of it or nothing); FileError
    in one sentence if the file cannot be written."""
    return write_text(path, training_script(config, epochs, **kw))


# ---------------------------------------------------------------------------------------------- the header
def _architecture(config: TrainConfig) -> str:
    return "-".join(str(n) for n in config.sizes)


def _data_name(data: Dataset) -> str:
    return "custom (drawn or imported)" if data.spec.is_custom else data.spec.name


def _summary(config: TrainConfig, epochs: int, data: Dataset, batch: int, given: bool) -> str:
    widths = ", ".join(map(str, config.hidden))
    hidden = ("no hidden layer" if not config.hidden
              else f"a hidden layer of {widths} neurons ({config.activation})" if len(config.hidden) == 1
              else f"hidden layers of {widths} neurons ({config.activation})")
    outputs = f"{config.n_outputs} output{'s' if config.n_outputs > 1 else ''} ({config.output})"
    spec = data.spec
    kind = "values to predict" if config.is_regression else f"{config.n_classes} classes"
    origin = "points given one by one" if spec.is_custom else f"data seed {spec.seed}"
    regularization = ("no regularization" if config.regularization == "none" or config.reg_rate == 0
                      else f"{config.regularization.upper()} regularization λ = {config.reg_rate!r}")
    start = "the weights given to bpviz" if given else f"the starting weights of seed {config.seed} (biases 0)"
    lines = [
        f"Network:  {_architecture(config)}: inputs {', '.join(config.features)} → {hidden} → {outputs}",
        f"Loss:     {config.loss} ({LOSS_WORDS[config.loss]}) on a {config.output} output",
        f"Training: η = {config.lr!r}, {_batch_words(batch, len(data.X_train))}, {regularization}, "
        f"{epochs} epoch{'s' if epochs != 1 else ''}, shuffling seed {config.seed}",
        f"Data:     {_data_name(data)}, {kind}: {len(data.X_train) + len(data.X_test)} points (noise "
        f"{spec.noise!r}, test ratio {spec.test_ratio!r}, {origin}): {len(data.X_train)} for training, "
        f"{len(data.X_test)} for testing",
        f"Weights:  {start}",
    ]
    return "\n".join(_wrap(line, " " * 10) for line in lines)


def _batch_words(batch: int, n_train: int) -> str:
    if batch >= n_train:
        return f"full batch: all {n_train} training points at each step"
    if batch == 1:
        return "stochastic: one point per step"
    return f"mini-batches of {batch} points"


def _wrap(text: str, indent: str) -> str:
    """A line of the header, wrapped at spaces within LINE_WIDTH."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > LINE_WIDTH:
            lines.append(line)
            line = indent + word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


# ---------------------------------------------------------------------------------------------- the numbers
def _parameters(what: str, given, like) -> list[np.ndarray]:
    arrays = [np.asarray(a, dtype=np.float64) for a in given]
    shapes = [a.shape for a in like]
    if [a.shape for a in arrays] != shapes:
        raise ValueError(QT_TRANSLATE_NOOP("Script", "{what} must have the shapes {shapes} of this network, got "
                                                     "{given}").format(what=what, shapes=shapes,
                                                                       given=[a.shape for a in arrays]))
    if not all(np.isfinite(a).all() for a in arrays):
        raise ValueError(QT_TRANSLATE_NOOP("Script", "every one of the {what} must be a finite number")
                         .format(what=what))
    return arrays


def _data_code(config: TrainConfig, data: Dataset) -> str:
    for name in ("X_train", "y_train", "X_test", "y_test"):
        if not np.isfinite(getattr(data, name)).all():
            raise ValueError(QT_TRANSLATE_NOOP("Script", "the data's {name} holds a number that is not finite")
                             .format(name=name))
    labels = "float" if config.is_regression else "int"
    return "\n".join([_array_code("X_train", data.X_train), _array_code("y_train", data.y_train, labels),
                      _array_code("X_test", data.X_test), _array_code("y_test", data.y_test, labels)])


def _weights_code(config: TrainConfig, weights, biases, torch: bool) -> str:
    names = ["the inputs", *(f"hidden layer {i}" for i in range(1, len(config.hidden) + 1)), "the output"]
    lines = []
    for l, (w, b) in enumerate(zip(weights, biases), start=1):
        lines.append(f"# layer {l}: {names[l - 1]} → {names[l]} ({w.shape[0]} × {w.shape[1]})")
        lines += [_array_code(f"w{l}", w), _array_code(f"b{l}", b)]
    count = range(1, len(weights) + 1)
    for what, letter in (("weights", "w"), ("biases", "b")):
        names = ", ".join(f"{letter}{l}" for l in count)
        if torch:  # tensors that autograd follows, made from the same numbers
            lines.append(f"{what} = [torch.tensor(p, requires_grad=True) for p in [{names}]]")
        else:
            lines.append(f"{what} = [{names}]")
    return "\n".join(lines)


def _array_code(name: str, values: np.ndarray, kind: str = "float") -> str:
    """``name = np.array([...])`` with every number exact (``repr`` of the float64, or a whole class number),
    several numbers or rows per line within LINE_WIDTH."""
    values = np.asarray(values)
    dtype = ", dtype=int" if kind == "int" else ""
    if values.size == 0:
        return f"{name} = np.zeros({values.shape}{dtype})"
    number = (lambda v: str(int(v))) if kind == "int" else (lambda v: repr(float(v)))
    if values.ndim == 1:
        one_line = f"{name} = np.array([{', '.join(number(v) for v in values)}]{dtype})"
        if len(one_line) <= LINE_WIDTH:
            return one_line
    if values.ndim == 1:
        lines = _pack([f"{number(v)}," for v in values], INDENT, INDENT)
    else:
        rows = [[f"{number(v)}," for v in row] for row in values]
        texts = ["[" + " ".join(row)[:-1] + "]," for row in rows]
        if max(map(len, texts)) + len(INDENT) <= LINE_WIDTH:  # whole rows, several to a line
            lines = _pack(texts, INDENT, INDENT)
        else:  # each row over several lines
            lines = []
            for row in rows:
                row[-1] = row[-1][:-1] + "],"
                lines += _pack(row, INDENT + "[", INDENT + " ")
    return f"{name} = np.array([\n" + "\n".join(lines) + f"\n]{dtype})"


def _pack(items: list[str], first: str, rest: str) -> list[str]:
    """Items joined by spaces into lines within LINE_WIDTH: the first line starts with ``first``, the others
    with ``rest``."""
    lines, line = [], first
    for item in items:
        if line.strip() not in ("", "[") and len(line) + 1 + len(item) > LINE_WIDTH:
            lines.append(line)
            line = rest + item
        else:
            line = line + item if line.strip() in ("", "[") else f"{line} {item}"
    lines.append(line)
    return lines


def _targets_fields(config: TrainConfig) -> dict:
    kind = "softmax" if config.output == "softmax" else "values" if config.is_regression else "classes"
    doc, expression = tpl.TARGETS[kind]
    return {"targets_doc": doc, "targets_expression": expression.format(n_classes=max(config.n_classes, 2))}

