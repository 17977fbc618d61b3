"""``bpviz graph``: the node table and the backward steps, the JSON numbers (worked out by hand here), --list,
and the error contract (one line on stderr, exit status 2)."""

from __future__ import annotations

import json
import math

import pytest

from bpviz.cli import main


def run_main(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_shopping_table_lists_every_node_and_step(capsys):
    code, out, err = run_main(capsys, "graph", "shopping")
    assert code == 0 and err == ""
    assert "Output total = 700" in out
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith("  ")
            and len(line.split()) >= 4}
    # node, operation, formula ..., value, gradient
    assert rows["jacket_price"][1] == "input" and rows["jacket_price"][-2:] == ["400", "0.7"]
    assert rows["jacket_count"][-2:] == ["1", "280"]
    assert rows["trousers_price"][-2:] == ["300", "1.4"]
    assert rows["trousers_count"][-2:] == ["2", "210"]
    assert rows["discount"][-2:] == ["0.7", "1000"]
    assert rows["total"][1] == "×" and rows["total"][-2:] == ["700", "1"]
    steps = [line.strip() for line in out.splitlines() if line.strip()[:3] in ("1. ", "2. ", "3. ", "4. ")]
    assert [s.split()[1] for s in steps] == ["total", "subtotal", "trousers_cost", "jacket_cost"]
    assert "∂(subtotal·discount)/∂subtotal = discount = 0.7" in out
    assert "∂total/∂jacket_count = 0.7 · 400 = 280" in out


def test_sigmoid_json_numbers(capsys):
    code, out, _ = run_main(capsys, "graph", "sigmoid", "--json", "--x", "0.5")
    assert code == 0
    data = json.loads(out)
    y = 1 / (1 + math.exp(-0.5))
    assert data["graph"] == "sigmoid"
    assert data["output"] == pytest.approx(y, rel=1e-15)
    nodes = {n["name"]: n for n in data["nodes"]}
    assert set(nodes) == {"x", "x1", "x2", "x3", "y"}
    assert nodes["x"]["grad"] == pytest.approx(y * (1 - y), rel=1e-13)
    assert nodes["x2"]["value"] == pytest.approx(math.exp(-0.5), rel=1e-15)
    assert nodes["x3"]["grad"] == pytest.approx(-1 / (1 + math.exp(-0.5)) ** 2, rel=1e-14)
    assert nodes["x1"]["inputs"] == ["x"] and nodes["x1"]["op"] == "scale"
    assert [s["node"] for s in data["steps"]] == ["y", "x3", "x2", "x1"]
    assert data["steps"][0]["upstream"] == 1.0
    assert data["check"]["y_times_1_minus_y"] == pytest.approx(y * (1 - y), rel=1e-13)


def test_softmax_json_with_scores_and_targets(capsys):
    code, out, _ = run_main(capsys, "graph", "softmax_loss", "--json", "--scores", "1,2,3", "--targets", "0,1,0")
    assert code == 0
    data = json.loads(out)
    exps = [math.exp(a) for a in (1, 2, 3)]
    y = [e / sum(exps) for e in exps]
    assert data["output"] == pytest.approx(-math.log(y[1]), rel=1e-13)
    grads = {n["name"]: n["grad"] for n in data["nodes"]}
    assert [grads[f"a{k}"] for k in (1, 2, 3)] == pytest.approx([y[0], y[1] - 1, y[2]], abs=1e-14)
    assert data["check"]["y_minus_t"] == pytest.approx([y[0], y[1] - 1, y[2]], abs=1e-15)
    assert len(data["steps"]) == 16  # 3 exp, sum, 1/x, 3 products, 3 logs, 3 products, sum, ×(−1)


def test_softmax_default_targets_are_one_hot_on_the_last_class(capsys):
    _, out, _ = run_main(capsys, "graph", "softmax_loss", "--json", "--scores=-1,0,1,2")
    data = json.loads(out)
    assert data["check"]["t"] == [0.0, 0.0, 0.0, 1.0]


def test_expression_with_let_values(capsys):
    code, out, _ = run_main(capsys, "graph", "--expr", "(x + y) * exp(x)", "--let", "x=2", "--let", "y=-1",
                            "--json")
    assert code == 0
    data = json.loads(out)
    grads = {n["name"]: n["grad"] for n in data["nodes"]}
    assert data["graph"] == "expression"
    assert data["output"] == pytest.approx(math.exp(2))
    assert grads["x"] == pytest.approx(2 * math.exp(2)) and grads["y"] == pytest.approx(math.exp(2))
    x_edges = [e for s in data["steps"] for e in s["edges"] if e["input"] == "x"]
    assert [(e["share"], e["fanout"]) for e in x_edges] == [(1, 2), (2, 2)]


def test_expression_table_shows_the_running_sum(capsys):
    code, out, _ = run_main(capsys, "graph", "--expr", "x*x", "--let", "x=3")
    assert code == 0
    assert "contribution 2 of 2; ∂f/∂x = 3 + 3 = 6 (complete)" in out


def test_let_changes_a_leaf_of_a_builtin_graph(capsys):
    _, out, _ = run_main(capsys, "graph", "shopping", "--let", "discount=0.8", "--json")
    assert json.loads(out)["output"] == pytest.approx(800.0)


def test_list(capsys):
    code, out, _ = run_main(capsys, "graph", "--list")
    assert code == 0
    names = [line.split()[0] for line in out.splitlines()]
    expected = ["shopping", "apples", "sigmoid", "softmax_loss", "neuron", "micrograd_sanity", "micrograd_more_ops"]
    assert names[:7] == expected
    _, out, _ = run_main(capsys, "graph", "--list", "--json")
    assert [g["name"] for g in json.loads(out)["graphs"]] == expected


def test_the_commands_names_are_the_engines_builtins():
    from bpviz.commands.graph import NAMES
    from bpviz.engine.graph_builtins import BUILTIN_GRAPHS

    assert NAMES == tuple(BUILTIN_GRAPHS)


def test_the_neuron_json_has_the_lectures_gradients_and_groups(capsys):
    code, out, _ = run_main(capsys, "graph", "neuron", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["output_node"] == "o" and round(data["output"], 4) == 0.7071
    nodes = {n["name"]: n for n in data["nodes"]}
    assert {k: round(nodes[k]["grad"], 12) for k in ("x1", "w1", "x2", "w2", "b")} == {
        "x1": -1.5, "w1": 1.0, "x2": 0.5, "w2": 0.0, "b": 0.5}
    assert (nodes["o"]["group"], nodes["o"]["line"]) == ("o", 10)
    assert [s["name"] for s in data["statements"]][-2:] == ["n", "o"]


def test_apples(capsys):
    _, out, _ = run_main(capsys, "graph", "apples", "--json")
    grads = {n["name"]: n["grad"] for n in json.loads(out)["nodes"]}
    assert grads["apple"] == pytest.approx(2.2) and grads["apple_num"] == pytest.approx(110.0)
    assert grads["tax"] == pytest.approx(200.0)


MORE_OPS = """# micrograd's README
a = -4.0
b = 2.0
c = a + b
d = a * b + b**3
c += c + 1
c += 1 + c + (-a)
d += d * 2 + (b + a).relu()
d += 3 * d + (b - a).relu()
e = c - d
f = e**2
g = f / 2.0
g += 10.0 / f
g.backward()
"""


def test_a_program_from_a_file(capsys, tmp_path):
    path = tmp_path / "more_ops.txt"
    path.write_text(MORE_OPS, encoding="utf-8")
    code, out, err = run_main(capsys, "graph", "--file", str(path), "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    grads = {n["name"]: n["grad"] for n in data["nodes"]}
    assert f"{data['output']:.4f}" == "24.7041"
    assert (f"{grads['a']:.4f}", f"{grads['b']:.4f}") == ("138.8338", "645.5773")
    assert data["output_node"] == "g′"
    code, out, _ = run_main(capsys, "graph", "--file", str(path))
    assert code == 0 and "Output g′ = 24.70408163" in out
    assert "line  13  g′" in out  # the statements, each with its line


def test_a_program_in_expr_with_let(capsys):
    code, out, _ = run_main(capsys, "graph", "--expr", "a = -4; b = 2; c = a + b; d = a*b + b**3; d",
                            "--let", "b=3", "--json")
    assert code == 0
    data = json.loads(out)
    grads = {n["name"]: n["grad"] for n in data["nodes"]}
    assert data["output"] == -12.0 + 27.0
    assert grads["a"] == 3.0 and grads["b"] == -4.0 + 27.0


@pytest.mark.parametrize("args, words", [
    (["graph"], "give a graph NAME"),
    (["graph", "nope"], "no graph called 'nope'"),
    (["graph", "shopping", "--expr", "x"], "not several"),
    (["graph", "shopping", "--x", "1"], "--x is the input of the sigmoid"),
    (["graph", "sigmoid", "--x", "abc"], "expected a number"),
    (["graph", "sigmoid", "--x", "nan"], "finite"),
    (["graph", "sigmoid", "--scores", "1,2"], "belong to the softmax_loss"),
    (["graph", "softmax_loss", "--scores", "1,a"], "not a comma-separated list"),
    (["graph", "softmax_loss", "--scores", "1"], "2 to 5"),
    (["graph", "softmax_loss", "--targets", "1,1,0"], "add up to 2"),
    (["graph", "softmax_loss", "--targets", "0,1"], "need 3 targets"),
    (["graph", "--expr", "__import__('os')"], "not allowed"),
    (["graph", "--expr", "1/0"], "division by zero"),
    (["graph", "--expr", "log(x)", "--let", "x=-1"], "positive number"),
    (["graph", "--expr", "a + 1"], "a has no value"),
    (["graph", "--expr", "x", "--let", "x"], "needs a value"),
    (["graph", "--expr", "x", "--let", "x=1", "--let", "x=2"], "given twice"),
    (["graph", "--expr", "x", "--let", "x=1,y=2"], "one NAME=VALUE"),
    (["graph", "sigmoid", "--let", "z=1"], "no input called z"),
    (["graph", "softmax_loss", "--scores=-800,800", "--targets", "1,0"], "exp(800) overflows"),
    (["graph", "softmax_loss", "--scores=-700,700", "--targets", "1,0"], "log(0) is undefined"),
    (["graph", "neuron", "--expr", "x"], "not several"),
    (["graph", "--expr", "x", "--file", "p.txt"], "not several"),
    (["graph", "neuron", "--let", "z=1"], "no input called z"),
    # numbers that cannot be represented: never a traceback, never inf
    (["graph", "--expr", "1/x", "--let", "x=1e-200"], "node f: the local derivative"),
    (["graph", "--expr", "1/x", "--let", "x=1e-200", "--json"], "too large for a float64"),
    (["graph", "--expr", "x**3", "--let", "x=1e200"], "node f: 1e+200^3 overflows"),  # overflow, forward
    (["graph", "--expr", "y = x*x; z = 1/y", "--let", "x=1e-170"], "node z: division by zero (1/0): y underflowed"),
    (["graph", "--expr", "log(x) * y", "--let", "x=1e-300", "--let", "y=1e300", "--json"],
     "node u1: the gradient it sends to x"),  # an inf gradient
    (["graph", "--expr", "a = 1\nb = 2\nc = a + * b"], "--expr: line 3, column 9: expected a number"),
    (["graph", "--expr", "sqrt(x)", "--let", "x=0"], "sqrt is not differentiable at x = 0"),
    (["graph", "--expr", "x**0.5", "--let", "x=-1"], "no real power 0.5"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, args, words):
    code, out, err = run_main(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("bpviz: error: ")
    assert words in err
    assert "Traceback" not in err


def test_a_bad_program_file_is_one_line_with_its_line_and_column(capsys, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("a = 1\nb = 2\nc = a + * b\n", encoding="utf-8")
    code, out, err = run_main(capsys, "graph", "--file", str(path))
    assert code == 2 and out == ""
    assert err == f"bpviz: error: --file {path}: line 3, column 9: expected a number, a name or '(' but found '*'\n"


@pytest.mark.parametrize("content, words", [(None, "does not exist"), (b"\xff\xfe", "not UTF-8"),
                                            (b"x" * 5000, "too long (5000 characters; at most 4000)")])
def test_an_unreadable_program_file_is_one_line(capsys, tmp_path, content, words):
    path = tmp_path / "prog.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run_main(capsys, "graph", "--file", str(path))
    assert code == 2 and out == "" and err.count("\n") == 1 and words in err


def test_a_program_file_that_is_a_folder(capsys, tmp_path):
    code, _, err = run_main(capsys, "graph", "--file", str(tmp_path))
    assert code == 2 and "folder" in err
