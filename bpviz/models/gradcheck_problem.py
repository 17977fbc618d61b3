"""What the gradient-check page checks: a network, a batch and words for them (plain data, no Qt).

Two sources: the worked 2-2-2 example (its published numbers, one point) and the training playground's latest
frame. A frame holds the configuration, the dataset and a snapshot of the weights; the network is rebuilt
from them exactly as the Trainer builds it (same sizes, activations, loss and regularisation; the snapshot's
weights) and the batch is the first k training points turned into the network's inputs (the feature columns)
and targets (one-hot for softmax) as the Trainer turns them.

``check_problem`` is the whole computation behind the page's table: the check, and the same check with each
broken backward's gradients (engine.broken_backward) beside it, so that ticking "Broken backward" or choosing
another fault shows at once, without a second round trip to the worker thread that runs it. Networks with more
than ``SAMPLE_ABOVE`` parameters are checked on a random sample of that many: the sample keeps a check of the
largest playground network (1,522 parameters) on its largest batch (1,000 points) near 3 s here, not 14.

The words (the description, the note, the connections) are phrases (bpviz.engine.phrases): English for the tests
and scripts, the window's language on the page.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from bpviz.engine import Network, NetworkNames
from bpviz.engine.broken_backward import FAULTS, broken_gradients, changed_parameters, with_analytic
from bpviz.engine.datasets import DATASET_WORDS
from bpviz.engine.features import FEATURE_LABELS, make_features
from bpviz.engine.gradcheck import GradCheckResult, gradcheck
from bpviz.engine.phrases import QT_TRANSLATE_NOOP, Phrase
from bpviz.engine.presets import ExampleParams, worked_example
from bpviz.training import targets_for

SAMPLE_ABOVE = 300  # networks with more parameters are checked on a random sample of this many

LOSS_WORDS = {"half_sse": QT_TRANSLATE_NOOP("GradCheck", "½·squared error"),
              "sse": QT_TRANSLATE_NOOP("GradCheck", "squared error"),
              "bce": QT_TRANSLATE_NOOP("GradCheck", "binary cross-entropy"),
              "softmax_ce": QT_TRANSLATE_NOOP("GradCheck", "softmax cross-entropy")}


@dataclass(frozen=True)
class Problem:
    net: Network
    X: np.ndarray  # (k, n_in) network inputs
    Y: np.ndarray  # (k, n_out) targets
    description: str  # one sentence: which network, at which point of training, on which points
    input_labels: tuple[str, ...]  # how the input neurons are called in the table
    frame: object = None  # the playground Frame it came from (None: the worked example)
    note: str = ""  # something the user should know about the batch (fewer points than asked)
    params: ExampleParams | None = None  # the worked example's starting numbers (None: a playground network)

    @property
    def names(self) -> NetworkNames:
        return NetworkNames(self.net.sizes, self.net.shared_biases)


def architecture(net: Network) -> Phrase:
    """The network in words: "2-2-2 network, sigmoid hidden, sigmoid output, ½·squared error, L2 0.001"."""
    sizes, loss = "-".join(map(str, net.sizes)), LOSS_WORDS.get(net.loss.name, net.loss.name)
    if net.n_layers == 1:
        text = QT_TRANSLATE_NOOP("GradCheck", "{sizes} network (no hidden layer), {output} output, {loss}")
    else:
        text = QT_TRANSLATE_NOOP("GradCheck", "{sizes} network, {hidden} hidden, {output} output, {loss}")
    text = text.format(sizes=sizes, hidden=net.hidden.name, output=net.output.name, loss=loss)
    if net.regularization != "none" and net.reg_rate > 0:
        text += QT_TRANSLATE_NOOP("GradCheck", ", {penalty} {rate:g}").format(penalty=net.regularization.upper(),
                                                                                rate=net.reg_rate)
    return text


def worked_example_problem(params: ExampleParams | None = None) -> Problem:
    p = params or ExampleParams()
    net = worked_example(p)
    if p == ExampleParams():
        description = QT_TRANSLATE_NOOP("GradCheck", "The worked example with the published starting numbers: "
                                                     "{architecture}, one shared bias per layer; one point "
                                                     "(i1 = {i1:g}, i2 = {i2:g}; targets {t1:g}, {t2:g}).")
    else:
        description = QT_TRANSLATE_NOOP("GradCheck", "The worked example with your starting numbers: {architecture}, "
                                                     "one shared bias per layer; one point (i1 = {i1:g}, i2 = {i2:g}; "
                                                     "targets {t1:g}, {t2:g}).")
    description = description.format(architecture=architecture(net), i1=p.i1, i2=p.i2, t1=p.t1, t2=p.t2)
    return Problem(net, p.inputs, p.targets, description, ("i1", "i2"), params=p)


def playground_problem(frame, n_points: int) -> Problem:
    """The network of a playground Frame on its first ``n_points`` training points (ValueError without any)."""
    c, snap = frame.config, frame.snapshot
    net = c.make_network()
    net.weights = list(snap.weights)
    net.biases = list(snap.biases)
    available = len(frame.data.X_train)
    if available == 0:
        raise ValueError(QT_TRANSLATE_NOOP("GradCheck", "the playground has no training points to check the "
                                                        "gradients on: draw some first"))
    k = min(int(n_points), available)
    X = make_features(frame.data.X_train[:k], c.features)
    Y = targets_for(c.loss, frame.data.y_train[:k], c.n_classes)
    if snap.step == 0:
        description = QT_TRANSLATE_NOOP("GradCheck", "The playground's network before training: {architecture}; the "
                                                     "first {k} of its {available} training points ({dataset}).")
    else:
        description = QT_TRANSLATE_NOOP("GradCheck", "The playground's network at step {step:,} (epoch {epoch:,}): "
                                                     "{architecture}; the first {k} of its {available} training "
                                                     "points ({dataset}).")
    description = description.format(step=snap.step, epoch=snap.epoch, architecture=architecture(net), k=k,
                                     available=available,
                                     dataset=DATASET_WORDS.get(c.dataset.name, c.dataset.name))
    note = (QT_TRANSLATE_NOOP("GradCheck", "The training set has only {available} points: all of them are "
                                           "used.").format(available=available) if n_points > available else "")
    return Problem(net, X, Y, description, tuple(FEATURE_LABELS[f] for f in c.features), frame, note)


def connections(problem: Problem) -> dict[str, str]:
    """Each parameter's place in the network, in words: "x₁ → h1_2", "bias → o1", "bias → h1, h2"."""
    names = problem.names
    labels = list(problem.input_labels)

    def neuron(layer, j):
        return labels[j] if layer == 0 and j < len(labels) else names.neuron(layer, j)

    bias = QT_TRANSLATE_NOOP("GradCheck", "bias → {neurons}")
    out = {}
    for name, ref in names.params.items():
        if ref.kind == "w":
            out[name] = f"{neuron(ref.layer, ref.src)} → {neuron(ref.layer + 1, ref.dst)}"
        elif ref.dst is None:
            out[name] = bias.format(neurons=", ".join(names.layer_neurons(ref.layer + 1)))
        else:
            out[name] = bias.format(neurons=neuron(ref.layer + 1, ref.dst))
    return out


def layer_groups(problem: Problem) -> list[tuple[str, int, int]]:
    """(label, first index, last index) of each layer's weights and each layer's biases, in network order."""
    subscript = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
    groups = []
    for i, ref in enumerate(problem.names.params.values()):
        label = f"{'W' if ref.kind == 'w' else 'b'}{str(ref.layer + 1).translate(subscript)}"
        if groups and groups[-1][0] == label:
            groups[-1][2] = i
        else:
            groups.append([label, i, i])
    return [tuple(g) for g in groups]


@dataclass(frozen=True)
class BrokenCheck:
    result: GradCheckResult  # the check with the broken backward's gradients (the same numerical ones)
    changed: list[str]  # the parameters whose gradient the fault changes, in network order


@dataclass(frozen=True)
class CheckedProblem:
    """A problem and everything the page shows of it (the names too: ~20 ms for the largest network)."""

    problem: Problem
    result: GradCheckResult  # backprop's own gradients against the numerical ones
    broken: dict[str, BrokenCheck]  # by fault name (engine.broken_backward.FAULTS)
    seconds: float  # how long the check took
    order: dict[str, int]  # each parameter's place in network order
    connections: dict[str, str]  # each parameter's place in words (``connections``)
    groups: list[tuple[str, int, int]]  # ``layer_groups``


def check_problem(problem: Problem, progress=None) -> CheckedProblem:
    """Check ``problem`` (a sample of ``SAMPLE_ABOVE`` parameters of a bigger network, seed 0: the same sample
    every time), then derive the check of every broken backward and the words for the table. ``progress(done,
    total)`` is called after each parameter checked; an exception it raises stops the check."""
    started = time.perf_counter()
    net, X, Y = problem.net, problem.X, problem.Y
    n = net.get_parameters().size
    result = gradcheck(net, X, Y, max_params=SAMPLE_ABOVE if n > SAMPLE_ABOVE else None, seed=0,
                       progress=progress)
    broken = {}
    for name, fault in FAULTS.items():
        dW, db = broken_gradients(net, X, Y, fault)
        broken[name] = BrokenCheck(with_analytic(result, net, dW, db), changed_parameters(net, X, Y, fault))
    order = {name: i for i, name in enumerate(problem.names.params)}
    return CheckedProblem(problem, result, broken, time.perf_counter() - started, order, connections(problem),
                          layer_groups(problem))
