"""``bpviz gradcheck --broken FAULT``: the check of a deliberately broken backward says MISMATCH, names the
fault, the worst parameters and the untouched ones; exit status 0 (a lesson); an unknown fault is a usage
error (one line, exit status 2)."""

import json
import os
import subprocess
import sys

import pytest

from bpviz.cli import main
from bpviz.engine.broken_backward import FAULT_NAMES


def run_main(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fault", FAULT_NAMES)
def test_broken_prints_mismatch_and_the_fault(capsys, fault):
    code, out, err = run_main(capsys, "gradcheck", "--broken", fault)
    assert code == 0 and err == ""
    assert f"BROKEN BACKWARD ({fault}" in out
    assert "MISMATCH: backprop and central differences disagree" in out
    assert "backprop agrees" not in out
    worst = next(line for line in out.splitlines() if "parameters disagree; worst:" in line)
    table = out.splitlines()[3]  # the first row of the table is the worst parameter
    assert worst.split("worst: ")[1].startswith(table.split()[0] + ",")
    assert "the fault changes the gradients of" in out and "untouched, so they still pass:" in out


def test_activation_derivative_leaves_the_output_layer(capsys):
    # the default network is 2-4-4-1: w25-w28 and b_o1 feed the output neuron
    code, out, _ = run_main(capsys, "gradcheck", "--broken", "activation_derivative")
    assert "the fault changes the gradients of w1–w24, b_h1_1–b_h2_4" in out
    assert "untouched, so they still pass: w25–w28, b_o1." in out


def test_example_broken_json(capsys):
    code, out, _ = run_main(capsys, "gradcheck", "--example", "--broken", "pre_activation", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["passed"] is False
    assert data["fault"]["name"] == "pre_activation"
    assert data["fault"]["changed"] == ["w5", "w6", "w7", "w8"]
    assert data["fault"]["unchanged"] == ["w1", "w2", "w3", "w4", "b1", "b2"]
    assert sorted(data["mismatched"]) == ["w5", "w6", "w7", "w8"]
    assert data["worst"] in data["mismatched"] and data["max_rel_error"] > 0.1
    checks = {c["name"]: c for c in data["checks"]}
    # the published dE/dw5 is the numerical column's; the broken backprop gives out_h1 -> net_h1 instead
    assert checks["w5"]["numeric"] == pytest.approx(0.082167041, abs=5e-10)
    assert checks["w5"]["analytic"] == pytest.approx(0.082167041 / 0.593269992 * 0.3775, rel=1e-6)


def test_json_without_a_fault(capsys):
    code, out, _ = run_main(capsys, "gradcheck", "--json", "--hidden", "3", "--activation", "relu")
    data = json.loads(out)
    assert data["passed"] is True and data["fault"] is None and data["mismatched"] == []
    assert all(isinstance(c["within_noise"], bool) and isinstance(c["kink"], bool) for c in data["checks"])


def test_a_fault_that_cannot_show_on_one_point(capsys):
    code, out, _ = run_main(capsys, "gradcheck", "--example", "--broken", "bias_gradient")
    assert code == 0
    assert "backprop agrees with central differences" in out and "MISMATCH" not in out
    assert "the fault changes no gradient of this network on this batch" in out
    assert "a gradient check on one point cannot catch this bug" in out


def test_unknown_fault_is_one_line_and_exit_2():
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    result = subprocess.run([sys.executable, "-m", "bpviz", "gradcheck", "--broken", "transpose"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("bpviz: error: ")
    assert "unknown fault 'transpose' (choose from activation_derivative, pre_activation, bias_gradient)" in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
