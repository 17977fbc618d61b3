"""``bpviz explain`` (issue 13): one pass of a playground network on one point, as text or as the JSON contract."""

import json

import numpy as np
import pytest

from bpviz.cli import main
from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.features import make_features
from bpviz.engine.presets import ExampleParams
from bpviz.session import ExampleState, PlaygroundState, Session, save_session
from bpviz.training import TrainConfig, Trainer
from bpviz.training.trainer import targets_for


def run_main(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_is_the_contract_and_its_gradients_are_the_engines(capsys):
    code, out, err = run_main(capsys, "explain", "--json", "--dataset", "spiral", "--hidden", "3,2",
                              "--activation", "relu", "--features", "x1,x2,sin(x1)", "--seed", "4",
                              "--regularization", "l2", "--reg-rate", "0.01", "--lr", "0.1", "--point", "5")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert set(data) == {"network", "x", "target", "loss", "gradients", "steps"}
    assert data["network"]["sizes"] == [3, 3, 2, 1]
    config = TrainConfig(dataset=DatasetSpec(name="spiral", seed=4), hidden=(3, 2), activation="relu",
                         features=("x1", "x2", "sin(x1)"), seed=4, regularization="l2", reg_rate=0.01, lr=0.1)
    net = config.make_network()
    data_set = config.dataset.make()
    x = make_features(data_set.X_train[5:6], config.features)
    t = targets_for(config.loss, data_set.y_train[5:6])
    assert data["x"] == x[0].tolist() and data["target"] == t[0].tolist()
    loss, dW, db = net.gradients(x, t)
    assert data["loss"] == pytest.approx(loss, rel=1e-12)
    for l in range(net.n_layers):
        assert np.array(data["network"]["weights"][l]).shape == net.weights[l].shape
        np.testing.assert_allclose(data["network"]["weights"][l], net.weights[l], rtol=0, atol=0)
        np.testing.assert_allclose(data["gradients"]["weights"][l], dW[l], rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(data["gradients"]["biases"][l], db[l], rtol=1e-12, atol=1e-15)
    steps = {s["name"]: s for s in data["steps"]}
    assert set(data["steps"][0]) == {"name", "formula", "numbers", "value"}
    assert steps["E_total"]["value"] == pytest.approx(loss, rel=1e-12)
    assert steps["w1+"]["value"] == pytest.approx(net.weights[0][0, 0] - 0.1 * dW[0][0, 0], rel=1e-12)


def test_a_point_of_the_plane_with_its_target(capsys):
    code, out, _ = run_main(capsys, "explain", "--json", "--x", "0.5,-1", "--target", "1", "--loss", "softmax_ce")
    assert code == 0
    data = json.loads(out)
    assert data["x"] == [0.5, -1.0] and data["target"] == [0.0, 1.0]  # one-hot (red, blue)


def test_the_playground_network_of_a_session(tmp_path, capsys):
    config = TrainConfig(hidden=(4,), dataset=DatasetSpec(name="xor"), lr=0.2)
    trainer = Trainer(config)
    trainer.run_epochs(3)
    s = trainer.snapshot()
    path = save_session(tmp_path / "run.bpviz", Session(playground=PlaygroundState(
        config, tuple(s.weights), tuple(s.biases), s.step, s.epoch, s.history)))
    code, out, _ = run_main(capsys, "explain", "--json", "--session", str(path), "--point", "2")
    assert code == 0
    data = json.loads(out)
    np.testing.assert_array_equal(data["network"]["weights"][0], trainer.network.weights[0])
    x = make_features(trainer.data.X_train[2:3], config.features)
    loss, dW, _ = trainer.network.gradients(x, targets_for(config.loss, trainer.data.y_train[2:3]))
    assert data["loss"] == pytest.approx(loss, rel=1e-12)
    w1_after = {s["name"]: s["value"] for s in data["steps"]}["w1+"]
    assert w1_after == pytest.approx(trainer.network.weights[0][0, 0] - 0.2 * dW[0][0, 0], rel=1e-12)
    code, out, _ = run_main(capsys, "explain", "--session", str(path))
    assert code == 0 and f"the session {path}" in out and "Backward pass" in out and "w1⁺" in out


@pytest.mark.parametrize("args, words", [
    (["--point", "100000"], "out of range"),
    (["--x", "1,2"], "needs --target"),
    (["--x", "1", "--target", "1"], "two numbers"),
    (["--x", "1,2", "--target", "0.5"], "0 (red) or 1 (blue)"),
    (["--target", "1"], "goes with --x"),
    (["--point", "1", "--x", "1,2", "--target", "1"], "either --point or --x"),
    (["--session", "/no/such/file.bpviz"], "does not exist"),
    (["--hidden", "99"], "hidden"),
    (["--lr", "0"], "learning rate"),
    (["--x", "a,b", "--target", "1"], "not a comma-separated list"),
])
def test_bad_options_get_one_line_and_exit_2(capsys, args, words):
    code, out, err = run_main(capsys, "explain", *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and words in err, err


def test_a_session_without_a_playground_network(tmp_path, capsys):
    path = save_session(tmp_path / "example.bpviz", Session(example=ExampleState(ExampleParams(), False)))
    code, _, err = run_main(capsys, "explain", "--session", str(path))
    assert code == 2 and "no playground network" in err


def test_a_pass_that_overflows_is_refused_in_words(tmp_path, capsys):
    config = TrainConfig(hidden=(2,))
    trainer = Trainer(config)
    s = trainer.snapshot()
    huge = tuple(np.full_like(w, 1e308) for w in s.weights)
    path = save_session(tmp_path / "huge.bpviz", Session(playground=PlaygroundState(
        config, huge, tuple(s.biases), s.step, s.epoch, s.history)))
    for extra in ([], ["--json"]):
        code, out, err = run_main(capsys, "explain", "--session", str(path), "--x", "1,1", "--target", "1", *extra)
        assert code == 2 and out == "" and "not a finite float64" in err and len(err.strip().splitlines()) == 1


def test_the_readmes_explain_commands_run(capsys):
    import shlex
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    lines = [line.split("#")[0] for line in readme.splitlines() if line.startswith("bpviz explain")]
    assert len(lines) >= 3
    for line in lines:
        if "--session" in line:  # needs the session the README's train --export line writes
            continue
        code, out, err = run_main(capsys, *shlex.split(line)[1:])
        assert code == 0 and err == "" and out, line
