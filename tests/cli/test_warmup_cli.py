"""``bpviz warmup``: the text table, the JSON object, --iterations/--every/--seed/--sizes, and bad input.

The losses are checked against the seed's program run literally (tests/warmup_seed_program.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from warmup_seed_program import seed_program_losses

from bpviz.cli import main


def run_main(capsys, *args):
    code = main(["warmup", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_table_shows_blocks_lines_and_the_printed_losses(capsys):
    code, out, err = run_main(capsys, "--iterations", "20", "--every", "5")
    assert code == 0 and err == ""
    lines = out.splitlines()
    # blocks: name, symbolic shape, measured shape
    assert any(row.split()[:3] == ["x", "N×D_in", "64×1000"] for row in lines)
    assert any(row.split()[:3] == ["w1", "D_in×H", "1000×100"] for row in lines)
    assert any(row.split()[:3] == ["grad_w1", "D_in×H", "1000×100"] for row in lines)
    assert any(row.split()[:3] == ["loss", "scalar", "scalar"] for row in lines)
    # each gradient line: code, formula, shape algebra with the numbers
    i = lines.index("  grad_w2 = h_relu.T.dot(grad_y_pred)")
    assert lines[i + 1].strip() == "∂L/∂W2 = h_reluᵀ · ∂L/∂ŷ"
    assert lines[i + 2].split() == ["(H×N)·(N×D_out)", "→", "(H×D_out)", "=", "(100×64)·(64×10)", "→",
                                    "(100×10)", "✓"]
    for code_line in ("grad_y_pred = 2.0 * (y_pred - y)", "grad_h_relu = grad_y_pred.dot(w2.T)",
                      "grad_h = grad_h_relu.copy()", "grad_h[h < 0] = 0", "grad_w1 = x.T.dot(grad_h)"):
        assert f"  {code_line}" in lines
    assert "(1000×64)·(64×100) → (1000×100)" in out
    # the losses as the seed prints them, at 0, 5, 10, 15 and the last
    expected = seed_program_losses(0, 20)
    printed = [row for row in lines if row.split() and row.split()[0].isdigit() and len(row.split()) == 2]
    assert [int(row.split()[0]) for row in printed] == [0, 5, 10, 15, 19]
    for row in printed:
        t, value = row.split()
        assert float(value) == pytest.approx(expected[int(t)], rel=1e-10)
    assert "the same losses" in lines[-1]


def test_json_is_one_object_with_shapes_lines_and_every_loss(capsys):
    code, out, _ = run_main(capsys, "--json", "--iterations", "30")
    assert code == 0
    data = json.loads(out)
    assert data["shapes"] == {
        "x": [64, 1000], "w1": [1000, 100], "h": [64, 100], "h_relu": [64, 100], "w2": [100, 10],
        "y_pred": [64, 10], "y": [64, 10], "loss": [], "grad_y_pred": [64, 10], "grad_w2": [100, 10],
        "grad_h_relu": [64, 100], "grad_h": [64, 100], "grad_w1": [1000, 100]}
    assert data["sizes"] == {"N": 64, "D_in": 1000, "H": 100, "D_out": 10}
    keys = [row["key"] for row in data["lines"]]
    assert keys == ["h", "h_relu", "y_pred", "loss", "grad_y_pred", "grad_w2", "grad_h_relu", "grad_h",
                    "grad_w1", "update_w1", "update_w2"]
    g = data["lines"][keys.index("grad_h_relu")]
    assert g["code"] == "grad_h_relu = grad_y_pred.dot(w2.T)"
    assert g["formula"] == "∂L/∂h_relu = ∂L/∂ŷ · W2ᵀ"
    assert g["shape_rule"] == "(N×D_out)·(D_out×H) → (N×H)"
    assert g["shapes"] == "(64×10)·(10×100) → (64×100)"
    assert g["result_shape"] == [64, 100] and g["reads"] == ["grad_y_pred", "w2"]
    expected = seed_program_losses(0, 30)
    assert len(data["losses"]) == 30
    np.testing.assert_allclose(data["losses"], expected, rtol=1e-10, atol=0)
    assert data["seed_loop"]["max_rel_difference"] < 1e-10
    assert data["diverged"] is False


def test_default_is_the_seeds_500_iterations(capsys):
    _, out, _ = run_main(capsys, "--json")
    losses = json.loads(out)["losses"]
    assert len(losses) == 500
    assert losses[-1] == pytest.approx(seed_program_losses(0, 500)[-1], rel=1e-10)


def test_seed_and_sizes_change_the_data(capsys):
    _, out, _ = run_main(capsys, "--json", "--iterations", "5", "--seed", "9", "--sizes", "8,30,6,4")
    data = json.loads(out)
    assert data["seed"] == 9 and data["sizes"] == {"N": 8, "D_in": 30, "H": 6, "D_out": 4}
    assert data["shapes"]["w1"] == [30, 6] and data["shapes"]["grad_h"] == [8, 6]
    np.testing.assert_allclose(data["losses"], seed_program_losses(9, 5, 8, 30, 6, 4), rtol=1e-10, atol=0)


def test_every_one_prints_every_iteration_as_the_seed(capsys):
    _, out, _ = run_main(capsys, "--iterations", "4", "--every", "1")
    printed = [row for row in out.splitlines() if row[:1].isdigit() and len(row.split()) == 2]
    assert [row.split()[0] for row in printed] == ["0", "1", "2", "3"]
    # the seed's print(t, loss): the shortest digits that give the float back (the last may differ: rounding)
    value = printed[0].split()[1]
    assert value == repr(float(value))
    assert float(value) == pytest.approx(seed_program_losses(0, 1)[0], rel=1e-14)


@pytest.mark.parametrize("args, words", [
    (["--iterations", "0"], "--iterations"),
    (["--iterations", "many"], "whole number"),
    (["--every", "0"], "--every"),
    (["--seed", "-1"], "seed"),
    (["--seed", "x"], "whole number"),
    (["--sizes", "64,1000,100"], "four sizes"),
    (["--sizes", "64,a,100,10"], "N,D_in,H,D_out"),
    (["--sizes", "0,1000,100,10"], "N must be"),
    (["--sizes", "100000,100000,1,1"], "numbers"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, args, words):
    code, out, err = run_main(capsys, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and words in err and "Traceback" not in err


def test_bad_input_through_the_real_command():
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "bpviz", "warmup", "--every", "-3"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.startswith("bpviz: error:") and proc.stderr.count("\n") == 1
