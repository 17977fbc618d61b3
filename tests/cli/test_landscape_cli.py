"""``bpviz landscape --example``: the JSON contract (keys, shapes, orientation), its numbers against the engine and
against E_total worked out by hand, the readable summary, and every bad input as one line with exit status 2."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

import bpviz.cli
from bpviz.cli import main
from bpviz.engine.landscape import example_landscape, example_path
from bpviz.engine.presets import ExampleParams


def run_main(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def e_total(**changed) -> float:
    v = {**ExampleParams().to_dict(), **changed}

    def sigmoid(z):
        return 1.0 / (1.0 + math.exp(-z))

    h1 = sigmoid(v["w1"] * v["i1"] + v["w2"] * v["i2"] + v["b1"])
    h2 = sigmoid(v["w3"] * v["i1"] + v["w4"] * v["i2"] + v["b1"])
    o1 = sigmoid(v["w5"] * h1 + v["w6"] * h2 + v["b2"])
    o2 = sigmoid(v["w7"] * h1 + v["w8"] * h2 + v["b2"])
    return 0.5 * (v["t1"] - o1) ** 2 + 0.5 * (v["t2"] - o2) ** 2


def test_the_json_contract(capsys):
    code, out, err = run_main(capsys, "landscape", "--example", "--axes", "w5,w1", "--span", "2.0", "--steps", "21",
                              "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert list(data) == ["axes", "x", "y", "loss", "path"]
    assert data["axes"] == ["w5", "w1"] and data["path"] == []
    x, y, loss = np.array(data["x"]), np.array(data["y"]), np.array(data["loss"])
    assert x.shape == (21,) and y.shape == (21,) and loss.shape == (21, 21)
    np.testing.assert_allclose(x, 0.4 + np.linspace(-2, 2, 21), atol=1e-15)
    np.testing.assert_allclose(y, 0.15 + np.linspace(-2, 2, 21), atol=1e-15)
    assert x[10] == 0.4 and y[10] == 0.15
    assert loss[10][10] == pytest.approx(0.298371109, abs=5e-10)
    # loss[i][j]: the first weight (w5) at x[j], the second (w1) at y[i]
    for i, j in [(0, 20), (20, 0), (3, 17), (12, 5)]:
        assert loss[i][j] == pytest.approx(e_total(w5=x[j], w1=y[i]), rel=1e-13)
    engine = example_landscape(ExampleParams(), ("w5", "w1"), 2.0, 21)
    assert data["x"] == engine.x.tolist() and data["y"] == engine.y.tolist() and data["loss"] == engine.loss.tolist()


def test_the_path_of_the_passes(capsys):
    code, out, _ = run_main(capsys, "landscape", "--example", "--axes", "w5,w1", "--iterations", "3", "--json")
    assert code == 0
    path = json.loads(out)["path"]
    assert len(path) == 3 and all(len(point) == 2 for point in path)
    assert path[0][0] == pytest.approx(0.35891648, abs=5e-9) and path[0][1] == pytest.approx(0.149780716, abs=5e-10)
    assert path == example_path(ExampleParams(), ("w5", "w1"), 3).tolist()
    code, out, _ = run_main(capsys, "landscape", "--example", "--axes", "b2,w7", "--iterations", "4",
                            "--update-biases", "--json")
    path = np.array(json.loads(out)["path"])
    np.testing.assert_array_equal(path, example_path(ExampleParams(), ("b2", "w7"), 4, update_biases=True))
    assert path[-1, 0] < 0.6  # b2 moves: the outputs are too high on average


def test_params_file_and_any_two_parameters(capsys, tmp_path):
    start = tmp_path / "start.json"
    start.write_text(json.dumps({"w6": -1.0, "b1": 0.1, "t2": 0.5}), encoding="utf-8")
    code, out, _ = run_main(capsys, "landscape", "--example", "--axes", "B1,w6", "--span", "0.5", "--steps", "4",
                            "--params", str(start), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["axes"] == ["b1", "w6"]
    np.testing.assert_allclose(data["x"], 0.1 + np.linspace(-0.5, 0.5, 4), atol=1e-15)
    np.testing.assert_allclose(data["y"], -1.0 + np.linspace(-0.5, 0.5, 4), atol=1e-15)
    for i in range(4):
        for j in range(4):
            assert data["loss"][i][j] == pytest.approx(e_total(w6=data["y"][i], b1=data["x"][j], t2=0.5), rel=1e-13)


def test_the_readable_summary(capsys):
    code, out, err = run_main(capsys, "landscape", "--example", "--iterations", "10")
    assert code == 0 and err == ""
    assert "over w5 (x) and w1 (y)" in out
    assert "E_total at the start (w5 = 0.4, w1 = 0.15): 0.298371109" in out
    assert "∂E/∂w5 = 0.082167041, ∂E/∂w1 = 0.000438568" in out
    assert "lowest E_total on the grid: 0.129056590 at w5 = -1.6, w1 = 2.15" in out
    assert "after 10 passes" in out
    assert "E_total at 7 × 7 points" in out
    table = [line.split() for line in out.splitlines() if line.startswith("  0.15 ")]
    assert table and table[0][4] == "0.2984"  # the centre column of the start's row
    assert len(out.splitlines()) < 25 and "nan" not in out and "inf" not in out


def test_a_huge_span_saturates_and_stays_finite(capsys):
    code, out, _ = run_main(capsys, "landscape", "--example", "--axes", "w1,b2", "--span", "1e300", "--json")
    assert code == 0
    loss = np.array(json.loads(out)["loss"])
    assert np.all(np.isfinite(loss)) and loss.max() < 1


def test_landscape_is_a_registered_command(capsys):
    assert "landscape" in bpviz.cli.COMMANDS
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "landscape" in capsys.readouterr().out


def bad_file(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("args", [
    [],
    ["--axes", "w5,w1"],
    ["--example", "--axes", "w9,w1"],
    ["--example", "--axes", "w5"],
    ["--example", "--axes", "w5,w5"],
    ["--example", "--axes", "w5,w1,w2"],
    ["--example", "--axes", ""],
    ["--example", "--axes", "x" * 100_000 + ",w1"],
    ["--example", "--span", "0"],
    ["--example", "--span", "-1"],
    ["--example", "--span", "nan"],
    ["--example", "--span", "inf"],
    ["--example", "--span", "1e400"],
    ["--example", "--span", "two"],
    ["--example", "--steps", "1"],
    ["--example", "--steps", "1000000"],
    ["--example", "--steps", "2.5"],
    ["--example", "--iterations", "-1"],
    ["--example", "--iterations", "1000001"],
    ["--example", "--iterations", "many"],
    ["--example", "--params", "/no/such/file.json"],
    ["--example", "--export"],  # no folder given
])
def test_every_bad_input_is_one_line_and_exit_2(capsys, args):
    code, out, err = run_main(capsys, "landscape", *args)
    assert code == 2 and out == ""
    assert err.startswith("bpviz: error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert len(err) < 400


@pytest.mark.parametrize("content, words", [
    ("[1", "not valid JSON"),
    ('{"w5": "big"}', "w5"),
    ('{"w0": 1}', "unknown parameter"),
    ('{"lr": -1}', "lr"),
    ('{"t1": 1e300}', "too large"),  # ½(t − out)² overflows on the grid
    ('{"lr": 1e300, "t1": 1e100}', "diverged"),  # with --iterations: the first pass overflows
    ('{"w5": 1e308}', "beyond the largest float64"),  # with --span 1e308
])
def test_bad_params_files_are_one_line_and_exit_2(capsys, tmp_path, content, words):
    path = bad_file(tmp_path, "start.json", content)
    code, out, err = run_main(capsys, "landscape", "--example", "--params", path, "--iterations", "5",
                              "--span", "1e308" if "1e308" in content else "2")
    assert code == 2 and out == ""
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


# --export DIR ------------------------------------------------------------------------------------------------
def svg_paths(path) -> list[list[tuple[float, float]]]:
    """The points of every <path> of an SVG file (M and L commands)."""
    import re
    import xml.etree.ElementTree as ET

    out = []
    for element in ET.parse(path).getroot().iter():
        if element.tag.endswith("}path") and element.get("d"):
            pairs = re.findall(r"[ML]\s*(-?[\d.e+-]+)[ ,](-?[\d.e+-]+)", element.get("d"))
            out.append([(float(x), float(y)) for x, y in pairs])
    return out


def test_export_writes_the_map_with_its_path_as_png_and_svg(capsys, tmp_path):
    folder = tmp_path / "maps" / "new"  # made if missing
    code, out, err = run_main(capsys, "landscape", "--example", "--iterations", "1000", "--span", "4",
                              "--export", str(folder))
    assert code == 0 and err == ""
    assert f"Exported 2 files to {folder}" in out
    png, svg = folder / "landscape.png", folder / "landscape.svg"
    assert sorted(p.name for p in folder.iterdir()) == ["landscape.png", "landscape.svg"]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 50_000  # a picture, not a blank
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert image.width() >= 1200 and image.height() >= 1000  # twice the size on screen
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 37) for y in range(0, image.height(), 41)}
    assert len(colours) > 50  # the heat map's many colours
    text = svg.read_text(encoding="utf-8")
    assert "E_total over w5 and w1" in text and "path of 1,000 passes" in text
    lines = svg_paths(svg)
    path = [line for line in lines if len(line) == 1001]  # the start and the 1,000 passes
    assert path, sorted(len(line) for line in lines)[-5:]
    xs = [x for x, _ in path[0]]
    assert xs[0] > xs[-1]  # w5 falls: the path runs to the left


def test_export_with_json_lists_the_files(capsys, tmp_path):
    code, out, _ = run_main(capsys, "landscape", "--example", "--axes", "b2,w7", "--steps", "11", "--json",
                            "--export", str(tmp_path))
    assert code == 0
    data = json.loads(out)
    assert data["exported"] == [str(tmp_path / "landscape.png"), str(tmp_path / "landscape.svg")]
    assert data["path"] == [] and len(data["loss"]) == 11


def test_export_to_a_place_that_cannot_be_written_is_one_line(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, out, err = run_main(capsys, "landscape", "--example", "--export", str(blocker / "sub"))
    assert code == 2 and out == ""
    assert err.startswith("bpviz: error: ") and err.count("\n") == 1 and "Traceback" not in err
