"""``--data FILE.csv`` and ``--classes K`` on the command line: a file's points train as any data set, and a bad
file, a misplaced option or a loss that does not fit is one line on stderr with exit status 2."""

import json

import numpy as np
import pytest

from bpviz.cli import main


def run_main(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code, out, err, *expected):
    assert code == 2 and out == ""
    assert err.startswith("bpviz: error: ") and err.count("\n") == 1 and "Traceback" not in err
    for text in expected:
        assert text in err, err


@pytest.fixture
def blobs(tmp_path):
    """Three well-separated named clouds, in coordinates far from the view (rescaled when read)."""
    rng = np.random.default_rng(5)
    lines = ["sepal,petal,species"]
    for name, centre in (("setosa", (10, 10)), ("versi,color", (30, 12)), ("virginica", (20, 30))):
        field = f'"{name}"' if "," in name else name
        lines += [f"{x:.4f},{y:.4f},{field}" for x, y in rng.normal(centre, 2.0, (40, 2))]
    path = tmp_path / "blobs.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_train_on_a_three_class_file(capsys, blobs):
    code, out, err = run_main(capsys, "train", "--data", str(blobs), "--epochs", "100", "--lr", "0.1")
    lines = out.splitlines()
    assert code == 0 and err == ""
    assert lines[0].startswith(f"{blobs}: 120 points, 3 classes (setosa, versi,color, virginica), 2-4-4-3 tanh net, "
                               "softmax_ce")
    assert lines[1].startswith("rescaled into the view: x1′ = ")
    assert "train accuracy" in lines[2] and "test accuracy" in lines[2]
    code, out, _ = run_main(capsys, "train", "--data", str(blobs), "--epochs", "100", "--lr", "0.1", "--json")
    data = json.loads(out)
    assert code == 0 and data["classes"] == 3 and data["problem"] == "classification"
    assert data["test_accuracy"] >= 0.95  # measured 1.0: the clouds are 5 of their widths apart


def test_train_on_a_file_of_values(capsys, tmp_path):
    path = tmp_path / "values.csv"
    path.write_text("0.1\t0.2\t0.5\n0.3\t-0.4\t-0.7\n-0.5\t0.5\t0.25\n0.6\t0.6\t0.125\n", encoding="utf-8")
    code, out, _ = run_main(capsys, "train", "--data", str(path), "--epochs", "5", "--json")
    data = json.loads(out)
    assert code == 0 and data["problem"] == "regression" and data["classes"] is None
    assert "train_accuracy" not in data


def test_a_bad_file_is_one_line(capsys, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("x1,x2,label\n0.1,0.2,0\n0.3,oops,1\n", encoding="utf-8")
    assert_one_line_error(*run_main(capsys, "train", "--data", str(path)),
                          f"Cannot import {path}: line 3 has the text 'oops' where its x2 (a number) belongs")
    assert_one_line_error(*run_main(capsys, "train", "--data", str(tmp_path / "none.csv")), "does not exist")
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"x1,x2,label\n0.1,0.2,caf\xe9\n")
    assert_one_line_error(*run_main(capsys, "explain", "--data", str(latin)), "line 2 is not UTF-8 text")


@pytest.mark.parametrize("extra,expected", [
    (["--dataset", "spiral"], "--data takes the points, classes and size of the file: leave out --dataset"),
    (["--samples", "50", "--classes", "3"], "leave out --samples and --classes"),
    (["--loss", "bce"], "blobs.csv holds 3 classes: use --loss softmax_ce, not bce"),
    (["--loss", "nope"], "unknown loss 'nope'"),
])
def test_options_that_do_not_go_with_a_file(capsys, blobs, extra, expected):
    assert_one_line_error(*run_main(capsys, "train", "--data", str(blobs), *extra), expected)


def test_spiral_in_three_classes(capsys):
    code, out, err = run_main(capsys, "train", "--dataset", "spiral", "--classes", "3", "--epochs", "20", "--json")
    data = json.loads(out)
    assert code == 0 and err == "" and data["classes"] == 3 and 0 <= data["train_accuracy"] <= 1
    code, out, _ = run_main(capsys, "train", "--dataset", "gaussian", "--classes", "4", "--epochs", "3")
    assert code == 0 and out.startswith("gaussian, 4 classes, 2-4-4-4 tanh net, softmax_ce")


@pytest.mark.parametrize("args,expected", [
    (["--dataset", "circle", "--classes", "3"], "only spiral and gaussian come in more than two classes, not circle"),
    (["--dataset", "spiral", "--classes", "7"], "argument --classes: must be from 2 to 6, got 7"),
    (["--dataset", "spiral", "--classes", "3", "--loss", "bce"], "3 classes need a softmax output"),
])
def test_classes_that_do_not_fit(capsys, args, expected):
    assert_one_line_error(*run_main(capsys, "train", *args), expected)


def test_explain_and_gradcheck_take_a_file(capsys, blobs):
    code, out, err = run_main(capsys, "explain", "--data", str(blobs), "--point", "2")
    assert code == 0 and err == "" and "2-4-4-3 network" in out and "softmax" in out
    code, out, err = run_main(capsys, "gradcheck", "--data", str(blobs), "--json")
    assert code == 0 and err == "" and json.loads(out)["passed"]


@pytest.mark.parametrize("data", [("--dataset", "circle"), ("--dataset", "spiral", "--classes", "3")])
def test_code_writes_a_script_whose_last_loss_is_the_runs(capsys, tmp_path, data):
    """``bpviz train --code FILE.py``: the script, run with python, ends on the train and test losses bpviz ends on."""
    import subprocess
    import sys

    script = tmp_path / "net.py"
    loss = ["--loss", "softmax_ce"] if "--classes" in data else []
    code, out, err = run_main(capsys, "train", *data, *loss, "--hidden", "5", "--epochs", "4", "--json",
                              "--code", str(script))
    assert code == 0, err
    figures = json.loads(out)
    printed = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout
    last = printed.strip().splitlines()[-1].split()
    assert last[:2] == ["epoch", "4"]
    train, test = float(last[last.index("train") + 2]), float(last[last.index("test") + 2])
    assert train == pytest.approx(figures["train_loss"], rel=1e-9)
    assert test == pytest.approx(figures["test_loss"], rel=1e-9)


def test_torch_without_code_and_an_unwritable_script_are_one_line(capsys, tmp_path):
    assert_one_line_error(*run_main(capsys, "train", "--epochs", "1", "--torch"), "--torch goes with --code")
    assert_one_line_error(*run_main(capsys, "train", "--epochs", "1", "--code", str(tmp_path / "no" / "x.py")),
                          "does not exist")


def test_explain_x_takes_a_rescaled_files_own_coordinates(capsys, blobs):
    """The file's scale and offset are kept for predictions: --x in the file's units lands where its points did."""
    from bpviz.datafile import read_points

    points = read_points(blobs)
    code, out, err = run_main(capsys, "explain", "--data", str(blobs), "--x", "30,12", "--target", "1", "--json")
    assert code == 0, err
    expected = points.to_view([[30.0, 12.0]])[0]
    assert json.loads(out)["x"] == pytest.approx(expected.tolist())
