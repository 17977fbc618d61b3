"""The network as code: the script bpviz writes trains exactly as the Trainer does, needs only NumPy, reads well."""

import ast
import math
import re
import runpy
import subprocess
import sys

import numpy as np
import pytest

import bpviz
from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.points import PointSet
from bpviz.script import training_script, write_training_script
from bpviz.training import TrainConfig, Trainer

LINE = re.compile(r"epoch (\d+)  train loss (\S+)  test loss (\S+)(?:  train accuracy (\S+)  test accuracy (\S+))?$")


def custom_points() -> PointSet:
    rng = np.random.default_rng(7)
    X = rng.uniform(-1.0, 1.0, (40, 2))
    return PointSet(X, (X[:, 0] * X[:, 1] > 0).astype(float))


CASES = {
    "circle, 2 classes, tanh, bce": TrainConfig(
        DatasetSpec("circle", n_samples=60), hidden=(4, 4), activation="tanh", loss="bce", batch_size=10),
    "spiral, 3 classes, relu, softmax": TrainConfig(
        DatasetSpec("spiral", classes=3, n_samples=150), hidden=(8,), activation="relu", loss="softmax_ce",
        lr=0.1, batch_size=16),
    "plane, regression": TrainConfig(
        DatasetSpec("plane", n_samples=60), hidden=(3,), activation="tanh", loss="half_sse", lr=0.1, batch_size=7),
    "features x1^2 sin(x1), L2": TrainConfig(
        DatasetSpec("xor", n_samples=60), hidden=(5,), features=("x1", "x2", "x1^2", "sin(x1)", "x1*x2"),
        regularization="l2", reg_rate=0.01, lr=0.1, batch_size=8),
    "full batch, sigmoid, half_sse, L1, no test set": TrainConfig(
        DatasetSpec("moons", n_samples=50, test_ratio=0.0), hidden=(4,), activation="sigmoid", loss="half_sse",
        regularization="l1", reg_rate=0.003, lr=0.5, batch_size=0),
    "custom points, stochastic, linear hidden": TrainConfig(
        DatasetSpec("circle", noise=0.2, test_ratio=0.3).with_points(custom_points()), hidden=(3, 2),
        activation="linear", features=("x1", "x2", "x2^2", "sin(x2)"), batch_size=1, lr=0.05),
}


def run_script(path) -> list[tuple]:
    """The script's lines of numbers: (epoch, train loss, test loss[, train accuracy, test accuracy])."""
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=60, check=True)
    assert done.stderr == ""
    rows = [LINE.match(line) for line in done.stdout.splitlines()]
    assert all(rows), done.stdout
    return [(int(m[1]), *(float(v) for v in m.groups()[1:] if v is not None)) for m in rows]


@pytest.mark.parametrize("config", CASES.values(), ids=CASES.keys())
def test_the_script_prints_the_trainers_losses(config, tmp_path):
    epochs = 4
    path = write_training_script(tmp_path / "train.py", config, epochs)
    rows = run_script(path)
    trainer = Trainer(config)
    trainer.run_epochs(epochs)
    history = trainer.history.arrays()
    assert [row[0] for row in rows] == list(history.epochs) == list(range(epochs + 1))
    np.testing.assert_allclose([row[1] for row in rows], history.train, rtol=1e-9, atol=0)
    np.testing.assert_allclose([row[2] for row in rows], history.test, rtol=1e-9, atol=0)  # NaN without test set
    final = trainer.evaluate()
    if config.is_regression:
        assert len(rows[-1]) == 3
    else:
        assert rows[-1][3] == final["train_accuracy"]
        assert rows[-1][4] == final["test_accuracy"] or math.isnan(final["test_accuracy"])


def test_the_data_and_weights_are_inlined_exactly(tmp_path):
    config = CASES["spiral, 3 classes, relu, softmax"]
    path = tmp_path / "train.py"
    path.write_text(training_script(config, 1), encoding="utf-8")
    script = runpy.run_path(str(path), run_name="not_main")  # the definitions, without training
    data, net = config.dataset.make(), config.make_network()
    for name in ("X_train", "y_train", "X_test", "y_test"):
        np.testing.assert_array_equal(script[name], getattr(data, name))
    for mine, theirs in zip(script["weights"] + script["biases"], net.weights + net.biases):
        np.testing.assert_array_equal(mine, theirs)
    assert script["features"](data.X_train).shape == (len(data.X_train), 2)
    t_train = script["targets"](script["y_train"])
    np.testing.assert_array_equal(t_train.sum(axis=0), np.bincount(data.y_train.astype(int)))


def test_given_weights_and_data_are_the_scripts_start(tmp_path):
    config = CASES["circle, 2 classes, tanh, bce"]
    trainer = Trainer(config)
    trainer.run_epochs(3)
    net = trainer.network
    data = DatasetSpec("circle", n_samples=30, seed=5).make()
    text = training_script(config, 0, data=data, weights=net.weights, biases=net.biases)
    assert "the weights given to bpviz" in text
    path = tmp_path / "start.py"
    path.write_text(text, encoding="utf-8")
    [(epoch, train, test, *_)] = run_script(path)
    X, y = data.X_train, data.y_train.reshape(-1, 1)
    assert epoch == 0 and train == pytest.approx(net.loss_value(X, y), rel=1e-12)


def test_the_script_needs_only_numpy_and_reads_well():
    config = CASES["features x1^2 sin(x1), L2"]
    text = training_script(config, 5)
    tree = ast.parse(text)
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert imported == {"numpy"} and not any(isinstance(node, ast.ImportFrom) for node in ast.walk(tree))
    functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert {"features", "forward", "backward", "loss", "train_step", "minibatches", "main"} <= functions
    assert max(len(line) for line in text.splitlines()) <= 120
    assert f"bpviz {bpviz.__version__}" in text and "2-5-1" not in text and "5-5-1" in text
    assert "L2_RATE = 0.01" in text and "np.sin(np.pi * x1)" in text and "x1 * x1" in text


@pytest.mark.parametrize("config", CASES.values(), ids=CASES.keys())
def test_the_pytorch_version_compiles_and_shares_the_numbers(config):
    # PyTorch is not installed here: the script is compiled and compared, not run.
    text = training_script(config, 3, torch=True)
    compile(text, "train_torch.py", "exec")
    tree = ast.parse(text)
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert imported == {"numpy", "torch"}
    assert max(len(line) for line in text.splitlines()) <= 120
    numpy_text = training_script(config, 3)
    data = numpy_text[numpy_text.index("X_train = "):numpy_text.index("weights = [")]
    assert data in text  # the same points and starting weights, to the last digit
    assert "rng = np.random.default_rng([SHUFFLE_SEED, 1])" in text and "rng.permutation(n_train)" in text
    assert "objective.backward()" in text


def test_large_data_is_written_in_compact_rows():
    config = TrainConfig(DatasetSpec("gaussian", n_samples=4000))
    lines = training_script(config, 1).splitlines()
    assert len(lines) < 2500  # 4,000 points: two to a line, labels forty to a line
    assert max(map(len, lines)) <= 120


def test_refusals_are_sentences():
    config = CASES["circle, 2 classes, tanh, bce"]
    with pytest.raises(ValueError, match="shapes"):
        training_script(config, 1, weights=[np.zeros((2, 4))])
    net = config.make_network()
    bad = [w.copy() for w in net.weights]
    bad[0][0, 0] = np.nan
    with pytest.raises(ValueError, match="finite"):
        training_script(config, 1, weights=bad)
    with pytest.raises(ValueError, match="epochs"):
        training_script(config, -1)
    empty = DatasetSpec("circle").with_points(PointSet(np.zeros((0, 2)), np.zeros(0)))
    with pytest.raises(ValueError, match="no training points"):
        training_script(TrainConfig(empty), 1)
