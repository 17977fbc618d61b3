"""The command line: the published numbers through ``bpviz example --json``, and the error contract
(every user error is one line on stderr, exit status 2, no traceback)."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from bpviz import __version__
from bpviz.cli import main

# Published values of the worked example (DESIGN.md "Reference numbers").
REFERENCE = {
    "out_h1": 0.593269992, "out_h2": 0.596884378, "out_o1": 0.75136507, "out_o2": 0.772928465,
    "E_total": 0.298371109, "dE/dw5": 0.082167041, "dE/dw1": 0.000438568,
    "w5+": 0.35891648, "w6+": 0.408666186, "w7+": 0.511301270, "w8+": 0.561370121,
    "w1+": 0.149780716, "w2+": 0.19956143, "w3+": 0.24975114, "w4+": 0.29950229,
}


def same_digits(actual: float, published: float) -> bool:
    """Equal to every digit the article prints (it rounds to 8-9 significant digits)."""
    text = f"{published:.10g}"
    digits = len(text.replace("0.", "").lstrip("0").replace(".", ""))
    return f"{actual:.{digits}g}" == f"{published:.{digits}g}"


def run_cli(*args, cwd=None):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "bpviz", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)


def run_main(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_example_json_has_every_reference_number(capsys):
    code, out, err = run_main(capsys, "example", "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    quantities = data["quantities"]
    for name, published in REFERENCE.items():
        assert same_digits(quantities[name], published), (name, quantities[name], published)
    required = ["net_h1", "out_h1", "net_h2", "out_h2", "net_o1", "out_o1", "net_o2", "out_o2", "E_o1", "E_o2",
                "E_total"] + [f"dE/dw{k}" for k in range(1, 9)] + [f"w{k}+" for k in range(1, 9)]
    assert set(required) <= set(quantities)
    assert "b1+" not in quantities and "after" not in data
    for step in data["steps"]:
        assert {"phase", "name", "formula", "value"} <= set(step)
        assert step["phase"] in ("forward", "error", "backward", "update")
        assert quantities[step["name"]] == step["value"]
    assert [s["phase"] for s in data["steps"]] == sorted(
        (s["phase"] for s in data["steps"]), key=["forward", "error", "backward", "update"].index)


def test_example_iterations_report_the_error_of_the_last_pass(capsys):
    code, out, _ = run_main(capsys, "example", "--json", "--iterations", "10000")
    after = json.loads(out)["after"]
    assert f"{after['E_total']:.10f}" == "0.0000351085"
    # the outputs approach the targets 0.01 and 0.99
    assert abs(after["out_o1"] - 0.01) < 0.006 and abs(after["out_o2"] - 0.99) < 0.006


def test_example_first_update_error_as_the_method_describes(capsys):
    # The pass after one update (all weights moved at once from the original ones): DESIGN.md's 0.291027774.
    _, out, _ = run_main(capsys, "example", "--json", "--iterations", "2")
    assert f"{json.loads(out)['after']['E_total']:.9f}" == "0.291027774"


def test_example_update_biases_adds_b1_and_b2(capsys):
    _, out, _ = run_main(capsys, "example", "--json", "--update-biases")
    q = json.loads(out)["quantities"]
    # b1 feeds both hidden neurons: dE/db1 = δ_h1 + δ_h2; b1+ = 0.35 − 0.5·dE/db1
    assert q["dE/db1"] == pytest.approx(q["delta_h1"] + q["delta_h2"], rel=1e-15)
    assert q["b1+"] == pytest.approx(0.35 - 0.5 * q["dE/db1"], rel=1e-15)
    assert q["b2+"] == pytest.approx(0.60 - 0.5 * (q["delta_o1"] + q["delta_o2"]), rel=1e-15)


def test_example_params_file_changes_the_starting_numbers(tmp_path, capsys):
    params = tmp_path / "params.json"
    params.write_text(json.dumps({"w5": 0.1, "lr": 0.25}))
    _, out, _ = run_main(capsys, "example", "--json", "--params", str(params))
    data = json.loads(out)
    q = data["quantities"]
    assert data["params"]["w5"] == 0.1 and data["params"]["w6"] == 0.45
    # net_o1 = w5·out_h1 + w6·out_h2 + b2, by hand from the published out_h1, out_h2
    assert q["net_o1"] == pytest.approx(0.1 * 0.593269992 + 0.45 * 0.596884378 + 0.6, rel=1e-8)
    assert q["w5+"] == pytest.approx(0.1 - 0.25 * q["dE/dw5"], rel=1e-15)


def test_example_table_is_readable(capsys):
    code, out, _ = run_main(capsys, "example")
    assert code == 0
    for heading in ("Forward pass", "Error", "Backward pass", "Update"):
        assert heading in out
    assert "net_h1" in out and "= w1·i1 + w2·i2 + b1·1" in out and "0.593269992" in out
    assert "∂E/∂w5" in out and "0.35891648" in out


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"bpviz {__version__}"


def test_train_reports_loss_and_accuracy(capsys):
    code, out, _ = run_main(capsys, "train", "--dataset", "xor", "--hidden", "8,8", "--epochs", "60",
                            "--lr", "0.1", "--json")
    data = json.loads(out)
    assert code == 0 and data["epochs"] == 60 and not data["diverged"]
    assert data["test_accuracy"] >= 0.9
    assert data["steps"] == 60 * 10  # 100 training points in batches of 10


def test_train_table_output(capsys):
    code, out, _ = run_main(capsys, "train", "--dataset", "linear", "--epochs", "20")
    assert code == 0
    assert "train loss" in out and "test accuracy" in out and "20 epochs" in out


@pytest.mark.parametrize("name,epochs,below", [("plane", 100, 0.005), ("multi_gaussian", 600, 0.02)])
def test_train_regression_reports_the_loss_only(capsys, name, epochs, below):
    # measured at noise 0 (seeds 1-3): plane 0.0003 (4,4 net), multi_gaussian 0.0067-0.0090 (8,8 net, 400 points,
    # learning rate 0.3); at the default noise 0.1 the noisy targets keep multi_gaussian's test loss near 0.02
    args = ["--noise", "0"] + (["--hidden", "8,8", "--lr", "0.3", "--samples", "400"] if name == "multi_gaussian"
                               else [])
    code, out, _ = run_main(capsys, "train", "--dataset", name, "--epochs", str(epochs), *args, "--json")
    data = json.loads(out)
    assert code == 0 and data["problem"] == "regression" and not data["diverged"]
    assert data["test_loss"] < below and data["train_loss"] < below
    assert not any("accuracy" in key for key in data)
    code, out, _ = run_main(capsys, "train", "--dataset", name, "--epochs", "5", *args)
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith(f"{name} (regression), 2-") and "linear output, half_sse" in lines[0]
    assert lines[1].startswith("train loss ") and "test loss " in lines[1] and "accuracy" not in out


def test_train_without_test_set_prints_none_and_valid_json(capsys):
    code, out, _ = run_main(capsys, "train", "--epochs", "3", "--test-ratio", "0", "--json")
    data = json.loads(out)  # NaN would not be JSON
    assert code == 0 and data["problem"] == "classification" and data["test_loss"] is None
    assert data["test_accuracy"] is None and 0 <= data["train_accuracy"] <= 1
    code, out, _ = run_main(capsys, "train", "--epochs", "3", "--test-ratio", "0")
    assert "test loss none (no test set)" in out and "nan" not in out


def test_train_help_lists_the_regression_sets():
    result = run_cli("train", "--help")
    assert "plane or multi_gaussian" in " ".join(result.stdout.split())


def test_gradcheck_passes_and_says_so(capsys):
    code, out, _ = run_main(capsys, "gradcheck", "--hidden", "3,3", "--activation", "sigmoid")
    assert code == 0
    assert "backprop agrees with central differences" in out
    assert "largest relative error" in out


BAD_INPUT = [
    (["train", "--dataset", "nope"], "unknown dataset 'nope'"),
    (["train", "--hidden", "8,x"], "'8,x' is not a comma-separated list"),
    (["train", "--lr", "-0.1"], "learning rate must be > 0"),
    (["train", "--lr", "0"], "learning rate must be > 0"),
    (["train", "--lr", "abc"], "expected a number"),
    (["train", "--noise", "3"], "noise must be between 0 and 1"),
    (["train", "--activation", "swish"], "unknown activation 'swish'"),
    (["train", "--epochs", "-5"], "must be at least 1"),
    (["gradcheck", "--loss", "hinge"], "unknown loss 'hinge'"),
    (["train", "--dataset", "plane", "--loss", "bce"], "loss bce (cross-entropy) is for classification, but plane "
     "is a regression data set (a value per point, not a class): use half_sse"),
    (["gradcheck", "--dataset", "multi_gaussian", "--loss", "softmax_ce"], "multi_gaussian is a regression data set"),
    (["example", "--params", "/no/such/file.json"], "cannot read /no/such/file.json"),
    (["example", "--iterations", "zero"], "expected a whole number"),
    (["frobnicate"], "invalid choice"),
]


@pytest.mark.parametrize("args,message", BAD_INPUT, ids=[" ".join(a) for a, _ in BAD_INPUT])
def test_user_errors_are_one_line_and_exit_2(args, message):
    result = run_cli(*args)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("bpviz: error: ") and message in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""


@pytest.mark.parametrize("content,message", [
    ("{\"w5\": ", "is not valid JSON"),
    ("[0.1, 0.2]", "expected a JSON object"),
    ("{\"w9\": 1}", "unknown parameter(s) w9"),
    ("{\"w5\": \"heavy\"}", "w5 must be a finite number"),
    ("{\"lr\": 0}", "must be > 0"),
    ("\udcff", "is not valid JSON"),
])
def test_malformed_params_files_are_refused(tmp_path, content, message):
    path = tmp_path / "params.json"
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    result = run_cli("example", "--params", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and str(path) in lines[0]


@pytest.mark.parametrize("content,message", [
    ("[" * 40_000 + "]" * 40_000, "nested too deeply"),  # was a RecursionError traceback
    ("{\"w5\": 1" + "0" * 5000 + "}", "too many digits"),  # was ValueError: Exceeds the limit (4300 digits)
    ("{\"w5\": 1" + "0" * 400 + "}", "too large for a float64"),  # was OverflowError: int too large
    ("{\"w5\": 1e400}", "w5 must be a finite number"),
    ("{\"w5\": NaN}", "w5 must be a finite number"),
    ("{\"w5\": true}", "w5 must be a finite number"),
    ("{\"w5\": " + " " * 200_000 + "1}", "too large for a file of starting numbers"),
])
def test_params_files_of_any_depth_size_or_number_are_refused_in_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "params.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run_main(capsys, "example", "--params", str(path))
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and message in err and str(path) in err, err


def test_train_export_writes_every_file(tmp_path):
    import xml.etree.ElementTree as ET

    from PySide6.QtGui import QImage

    from bpviz.session import load_session
    from bpviz.training import Trainer

    out = tmp_path / "run"
    result = run_cli("train", "--dataset", "xor", "--hidden", "4,4", "--epochs", "30", "--export", str(out))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["decision-region.png", "decision-region.svg", "loss-curve.png", "loss-curve.svg",
                     "loss-history.csv", "network.png", "network.svg", "session.bpviz"]
    lines = (out / "loss-history.csv").read_text().splitlines()
    assert lines[0] == "epoch,step,train_loss,test_loss" and len(lines) == 1 + 31  # the start and 30 epochs
    for name in ("decision-region", "loss-curve", "network"):
        assert not QImage(str(out / f"{name}.png")).isNull()
        assert ET.parse(out / f"{name}.svg").getroot().tag.endswith("svg")
    session = load_session(out / "session.bpviz").playground
    again = Trainer(session.config)  # the same settings and seed train to the same weights
    again.run_epochs(30)
    for a, b in zip(again.network.weights, session.weights, strict=True):
        np.testing.assert_array_equal(a, b)


def test_train_export_of_a_regression_run_uses_the_value_colours(tmp_path):
    from PySide6.QtGui import QColor, QImage

    from bpviz.session import load_session

    out = tmp_path / "plane"
    result = run_cli("train", "--dataset", "plane", "--epochs", "100", "--noise", "0", "--export", str(out))
    assert result.returncode == 0, result.stderr
    assert "accuracy" not in result.stdout
    assert len(list(out.iterdir())) == 8
    session = load_session(out / "session.bpviz").playground
    assert session.config.dataset.name == "plane" and session.config.output == "linear"
    image = QImage(str(out / "decision-region.png"))
    w, h = image.width(), image.height()

    def colour_near(fx, fy):  # the mean colour of a patch, at a fraction of the picture's width and height
        offsets = range(-6, 7, 3)
        px = [QColor(image.pixel(int(fx * w) + dx, int(fy * h) + dy)) for dx in offsets for dy in offsets]
        return np.mean([[c.red(), c.green(), c.blue()] for c in px], axis=0)

    # the plane rises towards the top right: blue there, orange at the bottom left, white-ish on the diagonal
    top_right, bottom_left = colour_near(0.8, 0.15), colour_near(0.25, 0.8)
    assert top_right[2] > top_right[0] + 40 and bottom_left[0] > bottom_left[2] + 40


def test_example_export_writes_tables_and_the_diagram(tmp_path):
    out = tmp_path / "example"
    result = run_cli("example", "--export", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["network.png", "network.svg", "trace.csv", "trace.md"]
    assert "0.35891648" in (out / "trace.md").read_text()


DROP_AND_EXPORT = """
import os, sys, tempfile
from bpviz.cli import main
with tempfile.TemporaryDirectory() as scratch:  # once as root: every module (and Qt plugin) gets loaded
    assert main(["train", "--epochs", "1", "--export", scratch]) == 0
os.setgid(65534)
os.setuid(65534)  # then run as an unprivileged user: root would ignore the folder's permissions
sys.exit(main(["train", "--epochs", "2", "--export", sys.argv[1]]))
"""


@pytest.mark.skipif(not hasattr(os, "setuid") or os.geteuid() != 0, reason="drops from root to an unprivileged user")
def test_export_into_a_read_only_folder_is_one_line_and_leaves_nothing(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    tmp_path.chmod(0o755)
    folder.chmod(0o755)  # writable by root only
    env = dict(os.environ, PYTHONIOENCODING="utf-8", HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", DROP_AND_EXPORT, str(folder)], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("bpviz: error:")]
    assert len(errors) == 1 and str(folder) in errors[0] and "permission denied" in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("argv", [["example"], ["graph", "shopping", "--json"]])
def test_a_reader_that_went_away_ends_the_command_quietly(argv):
    """`bpviz example | head`: the pipe's reader is gone before the output is written (or flushed)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered, as for users
    try:
        done = subprocess.run([sys.executable, "-m", "bpviz", *argv], stdout=write_end, stderr=subprocess.PIPE,
                              text=True, timeout=60, env=env)
    finally:
        os.close(write_end)
    assert done.returncode == 0
    assert done.stderr == ""
