"""``bpviz trajectories``: the plain report, the JSON object against the seed's formulas, and the error contract."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from bpviz.cli import main
from bpviz.engine.datasets import one_neuron_data
from bpviz.engine.presets import single_neuron


def run_main(capsys, *args):
    code = main(["trajectories", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_plain_report_lists_each_mode_and_a_few_epochs(capsys):
    code, out, err = run_main(capsys, "--epochs", "20")
    assert code == 0 and err == ""
    lines = out.splitlines()
    rows = {line.split()[0]: line.split() for line in lines if line.split() and line.split()[0] in
            ("batch", "mini-batch", "stochastic")}
    assert rows["batch"][1:3] == ["100", "20"]  # samples per step, steps
    assert rows["mini-batch"][1:3] == ["10", "200"]
    assert rows["stochastic"][1:3] == ["1", "2,000"]
    assert float(rows["stochastic"][3]) == pytest.approx(1.0, abs=1e-6)  # w1 learned: the target is x1
    header = next(i for i, line in enumerate(lines) if line.split()[:1] == ["epoch"])
    assert [line.split()[0] for line in lines[header + 1:]] == ["0", "1", "2", "5", "10", "20"]
    assert "linear(w1·x1 + w2·x2 + w3·x3 + b)" in out and "learning rate 0.05" in out


def test_json_holds_every_step_and_matches_the_seeds_formulas(capsys):
    code, out, err = run_main(capsys, "--json", "--epochs", "3", "--samples", "8", "--batch-size", "3",
                              "--lr", "0.4", "--seed", "2", "--activation", "sigmoid")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["config"] == {"epochs": 3, "lr": 0.4, "batch_size": 3, "n_samples": 8, "seed": 2,
                              "activation": "sigmoid"}
    assert set(data["modes"]) == {"batch", "mini-batch", "stochastic"}
    keys = ["steps", "epoch", "w1", "w2", "w3", "b", "grad_w1", "grad_w2", "grad_w3", "grad_b", "loss"]
    for mode, per_epoch in (("batch", 1), ("mini-batch", 3), ("stochastic", 8)):
        m = data["modes"][mode]
        for key in keys:
            assert len(m[key]) == 3 * per_epoch + 1, (mode, key)
        assert m["grad_w1"][0] is None and m["diverged_at_step"] is None
        assert m["epoch"][-1] == 3.0
    # the batch mode, by hand: a = σ(Xw + b), dz = (a − y)·a(1 − a), dw = Xᵀdz/m, db = Σdz/m
    X, Y = one_neuron_data(8, 2)
    y = Y[:, 0]
    net = single_neuron("sigmoid", 2)
    w, b = net.weights[0][:, 0].copy(), float(net.biases[0][0])
    assert data["initial"] == {"w1": w[0], "w2": w[1], "w3": w[2], "b": b}
    batch = data["modes"]["batch"]
    for k in range(1, 4):
        a = 1 / (1 + np.exp(-(X @ w + b)))
        dz = (a - y) * a * (1 - a)
        dw, db = X.T @ dz / 8, dz.sum() / 8
        w, b = w - 0.4 * dw, b - 0.4 * db
        assert batch["grad_w1"][k] == pytest.approx(dw[0], abs=1e-13)
        assert batch["grad_b"][k] == pytest.approx(db, abs=1e-13)
        assert [batch[n][k] for n in ("w1", "w2", "w3", "b")] == pytest.approx([*w, b], abs=1e-13)
        a = 1 / (1 + np.exp(-(X @ w + b)))
        assert batch["loss"][k] == pytest.approx(np.mean(0.5 * (a - y) ** 2), abs=1e-13)


def test_a_diverging_run_is_reported_not_crashed(capsys):
    code, out, err = run_main(capsys, "--lr", "5", "--epochs", "5")
    assert code == 0
    assert "diverged at step" in out and "lower the learning rate" in out
    code, out, err = run_main(capsys, "--lr", "5", "--epochs", "5", "--json")
    data = json.loads(out)  # strict JSON: no NaN or Infinity
    assert data["modes"]["stochastic"]["diverged_at_step"] > 0


@pytest.mark.parametrize("args, words", [
    (["--epochs", "0"], "--epochs"),
    (["--epochs", "x"], "whole number"),
    (["--lr", "-0.1"], "learning rate must be > 0"),
    (["--lr", "nan"], "finite"),
    (["--batch-size", "0"], "--batch-size"),
    (["--samples", "-3"], "--samples"),
    (["--seed", "-1"], "--seed"),
    (["--activation", "softmax"], "invalid choice"),
    (["--epochs", "100000"], "at most"),
])
def test_user_errors_are_one_line_and_exit_2(capsys, args, words):
    code, out, err = run_main(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith("bpviz: error: ") and words in err and err.count("\n") == 1
    assert "Traceback" not in err


def test_the_installed_command_runs_as_a_subprocess():
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    ok = subprocess.run([sys.executable, "-m", "bpviz", "trajectories", "--epochs", "2"], capture_output=True,
                        text=True, env=env, timeout=120)
    assert ok.returncode == 0 and "stochastic" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "bpviz", "trajectories", "--lr", "0"], capture_output=True,
                         text=True, env=env, timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
