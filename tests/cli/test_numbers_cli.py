"""Numbers out of range on the command line (DESIGN.md "Bad input and failures"): every number that cannot be
represented is one line on stderr and exit status 2; a diverged run is said in words; no traceback, no inf or
nan printed as a result, no number hundreds of characters long, no column running into its neighbour."""

from __future__ import annotations

import json
import re

import pytest

from bpviz.cli import main

# NumPy's overflow warnings would reach the user's terminal as stderr lines after a result; pytest records
# warnings instead of printing them, so here they fail the test.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

NOT_A_NUMBER = {"inf", "-inf", "+inf", "nan", "-nan", "infinity", "-infinity"}
FLOAT = re.compile(r"[-+−]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def run_main(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def params_file(tmp_path, **values) -> str:
    path = tmp_path / "params.json"
    path.write_text(json.dumps(values), encoding="utf-8")
    return str(path)


def glued_numbers(token: str) -> bool:
    """``-2.411e+912.9363e+183``: two or more numbers with nothing between them (``2-4-4-1`` is a name)."""
    parts = FLOAT.findall(token)
    return len(parts) > 1 and "".join(parts) == token and any("." in p or "e" in p.lower() for p in parts)


def assert_clean(code, out, err):
    """The contract every command keeps, whatever its arguments."""
    assert code in (0, 2), (code, err)
    assert "Traceback" not in out + err
    if code == 2:
        assert len(err.splitlines()) == 1 and err.startswith("bpviz: error: "), err
    else:
        assert err == "", err
    for token in out.split():
        bare = token.strip(",;:()[]{}\"'")
        assert bare.lower() not in NOT_A_NUMBER, f"{token!r} printed as a result:\n{out}"
        assert not (len(bare) > 40 and FLOAT.fullmatch(bare.replace(",", ""))), f"a number of {len(bare)} characters"
        assert not glued_numbers(bare), f"numbers run into each other: {token!r}\n{out}"


def single_line_error(capsys, *args) -> str:
    code, out, err = run_main(capsys, *args)
    assert_clean(code, out, err)
    assert code == 2 and out == "", out
    return err


# ------------------------------------------------------------------------------------------- the cases
def test_a_gradient_whose_divisor_squared_underflows_is_one_line_naming_the_node(capsys):
    err = single_line_error(capsys, "graph", "--expr", "1/x", "--let", "x=1e-200")  # was ZeroDivisionError
    assert "node f" in err and "too large for a float64" in err


@pytest.mark.parametrize("json_flag", [(), ("--json",)])
def test_a_gradient_that_overflows_is_refused_not_printed_as_inf(capsys, json_flag):
    err = single_line_error(capsys, "graph", "--expr", "log(x)", "--let", "x=1e-320", *json_flag)
    assert "node f: the local derivative" in err  # was exit 0 with a gradient of inf (Infinity in --json)


def test_a_softmax_whose_gradient_overflows_is_refused_naming_the_node(capsys):
    err = single_line_error(capsys, "graph", "softmax_loss", "--scores=-745,0", "--targets", "1,0")
    assert "node l1" in err


def test_the_graph_table_keeps_long_formulas_apart_from_their_values(capsys):
    name = "a_very_long_name_for_an_input_of_the_graph_x"
    code, out, err = run_main(capsys, "graph", "--expr", f"{name} * 2 + b", "--let", f"{name}=-1.234567891e-300",
                              "--let", "b=-3.3e-300")
    assert_clean(code, out, err)
    rows = out.split("Nodes (forward order)\n", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    assert len(rows) == 5
    for row in rows:
        value, gradient = row.split()[-2:]
        float(value), float(gradient)  # the value ran into the formula: "−1.23457e-300-1.234567891e-300"


def table_rows(out: str, header_start: str) -> list[list[str]]:
    lines = out.split("\n" + header_start, 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    return [line.split() for line in lines if "diverged" not in line]


def test_trajectories_tables_of_a_diverging_run_keep_their_columns(capsys):
    code, out, err = run_main(capsys, "trajectories", "--lr", "100")
    assert_clean(code, out, err)  # was "66-1.1251e+151-8.6017e+150..." and "-2.411e+912.9363e+183"
    finals = table_rows(out, "mode ")
    assert [row[0] for row in finals] == ["batch", "mini-batch", "stochastic"]
    for row in finals:
        assert len(row) == 8
        [float(cell.replace(",", "")) for cell in row[1:]]
    epochs = table_rows(out, "  epoch ")
    assert epochs and all(len(row) == 7 for row in epochs)
    for row in epochs:
        [float(cell) for cell in row if cell != "—"]
    assert out.count("diverged at step") == 2


def test_train_that_diverges_prints_readable_losses_and_says_so(capsys):
    code, out, err = run_main(capsys, "train", "--lr", "100", "--epochs", "50", "--activation", "relu",
                              "--dataset", "plane")
    assert_clean(code, out, err)  # the train loss was 296 characters of fixed point
    assert "training diverged" in out
    figures = re.search(r"train loss (\S+)\s+test loss (\S+)", out)
    assert figures and all(re.fullmatch(r"-?\d\.\d{1,2}e[-+]\d+", f) for f in figures.groups()), out
    assert float(figures.group(1)) > 1e100


def test_example_whose_error_overflows_is_one_line_naming_the_quantity(capsys, tmp_path):
    err = single_line_error(capsys, "example", "--params", params_file(tmp_path, t1=1e308))
    assert "E_o1" in err and "params.json" in err  # was a table with E_o1 = inf, exit 0


DIVERGING = {"t2": -1e88, "w2": -1e55, "w8": -1e238, "lr": 1e14}  # pass 1 is finite, pass 3 is not


def test_example_iterations_that_diverge_are_said_in_words(capsys, tmp_path):
    path = params_file(tmp_path, **DIVERGING)
    code, out, err = run_main(capsys, "example", "--params", path, "--iterations", "20")
    assert_clean(code, out, err)  # was "E_total = nan   out_o1 = nan"
    assert "the run diverged: the error stopped being a finite number at pass 3" in out
    code, out, err = run_main(capsys, "example", "--params", path, "--iterations", "20", "--json")
    assert_clean(code, out, err)
    assert json.loads(out)["after"] == {"E_total": None, "out_o1": None, "out_o2": None, "diverged_at_pass": 3}


def test_example_iterations_print_a_huge_error_in_scientific_notation(capsys, tmp_path):
    code, out, err = run_main(capsys, "example", "--params", params_file(tmp_path, t1=1e154), "--iterations", "5")
    assert_clean(code, out, err)  # was 319 characters of fixed point
    assert "E_total = 5e+307" in out


def test_a_diverging_warmup_run_never_prints_inf(capsys):
    code, out, err = run_main(capsys, "warmup", "--sizes", "3000,100,100,1", "--iterations", "30")
    assert_clean(code, out, err)  # was "8 inf", "inf at iteration 8" and RuntimeWarnings on stderr
    assert "The loss stopped being finite at iteration 8: training diverged." in out
    assert "it diverged too, at iteration 8" in out


def test_gradcheck_whose_loss_overflows_is_one_line(capsys):
    err = single_line_error(capsys, "gradcheck", "--regularization", "l2", "--reg-rate", "1e308")
    assert "overflows" in err and "--reg-rate" in err  # was a table of nan and "MISMATCH ... 0 of 37 disagree"


@pytest.mark.parametrize("args", [
    ["example", "--iterations", "99999999999999999999999"],  # was "ValueError: Maximum allowed dimension exceeded"
    ["example", "--iterations", "999999999999"],  # was "Unable to allocate 7.28 TiB"
    ["warmup", "--iterations", "1000001"],
    ["train", "--epochs", "1000001"],
])
def test_a_run_of_more_than_a_million_passes_is_refused(capsys, args):
    assert "must be at most 1,000,000" in single_line_error(capsys, *args)


@pytest.mark.parametrize("args", [["example", "--params", "x\x00y"], ["example", "--export", "x\x00y"],
                                  ["train", "--epochs", "1", "--export", "x\x00y"]])
def test_a_file_name_with_a_nul_character_is_refused(capsys, args):
    assert "NUL character" in single_line_error(capsys, *args)  # was ValueError: embedded null byte


# ------------------------------------------------------------------------------------------- odd arguments
ODD_ARGUMENTS = [
    # example
    ["example", "--iterations", "1"],
    ["example", "--iterations", "3", "--json", "--update-biases"],
    ["example", "--params", "PARAMS", "--iterations", "20"],
    ["example", "--params", "PARAMS", "--iterations", "20", "--json"],
    ["example", "--iterations", "0"],
    ["example", "--iterations", "1e9"],
    # graph
    ["graph", "--expr", "x/y", "--let", "x=1", "--let", "y=1e-200"],
    ["graph", "--expr", "x/y", "--let", "x=1e-200", "--let", "y=1e-200"],
    ["graph", "--expr", "x*y", "--let", "x=1e200", "--let", "y=1e200", "--json"],
    ["graph", "--expr", "x*y", "--let", "x=1e300", "--let", "y=1e-300"],
    ["graph", "--expr", "x*y + x*y", "--let", "x=1e154", "--let", "y=1e154"],
    ["graph", "--expr", "x*a + x*b", "--let", "x=1e-10", "--let", "a=1e308", "--let", "b=1e308"],
    ["graph", "--expr", "exp(x)", "--let", "x=709"],
    ["graph", "--expr", "exp(x)", "--let", "x=710"],
    ["graph", "--expr", "exp(x) * x", "--let", "x=700", "--json"],
    ["graph", "--expr", "log(x) * y", "--let", "x=1e-300", "--let", "y=1e300"],
    ["graph", "--expr", "log(exp(x))", "--let", "x=-1000"],
    ["graph", "--expr", "1/(x*x)", "--let", "x=1e-170"],
    ["graph", "--expr", "1/x", "--let", "x=1e-320", "--json"],
    ["graph", "--expr", "x - y", "--let", "x=1e308", "--let", "y=-1e308"],
    ["graph", "--expr", "1e308 * x", "--let", "x=10"],
    ["graph", "--expr", "x", "--let", "x=-1e-320"],
    ["graph", "--expr", "x", "--let", "x=1e999"],
    ["graph", "--expr", "x ** 2", "--let", "x=2"],
    ["graph", "sigmoid", "--x", "800"],
    ["graph", "sigmoid", "--x=-710"],
    ["graph", "sigmoid", "--x=-700", "--json"],
    ["graph", "sigmoid", "--x", "1e-320"],
    ["graph", "sigmoid", "--x=1e308"],
    ["graph", "sigmoid", "--x", "inf"],
    ["graph", "sigmoid", "--x", "nan"],
    ["graph", "softmax_loss", "--scores", "1000,0,0"],
    ["graph", "softmax_loss", "--scores=-1000,0,0"],
    ["graph", "softmax_loss", "--scores=-800,-800,-800"],
    ["graph", "softmax_loss", "--scores", "700,700,700", "--json"],
    ["graph", "softmax_loss", "--scores=-745,0", "--targets", "1,0", "--json"],
    ["graph", "softmax_loss", "--scores", "1e308,0"],
    ["graph", "softmax_loss", "--scores", "1,2", "--targets", "1e308,0"],
    ["graph", "softmax_loss", "--scores", "1,2", "--targets", "0.5,0.5"],
    ["graph", "softmax_loss", "--scores", "1,2", "--targets", "nan,1"],
    ["graph", "softmax_loss", "--scores", "1,2,3,4,5,6"],
    ["graph", "shopping", "--let", "discount=1e308"],
    ["graph", "shopping", "--let", "jacket_price=1e200", "--let", "discount=1e200"],
    ["graph", "shopping", "--let", "jacket_price=1e-320", "--let", "jacket_count=1e-320"],
    ["graph", "shopping", "--let", "discount=inf"],
    # train
    ["train", "--lr", "100", "--epochs", "50", "--activation", "relu", "--dataset", "plane", "--json"],
    ["train", "--lr", "1e308", "--epochs", "5"],
    ["train", "--lr", "100", "--epochs", "30", "--activation", "linear", "--dataset", "multi_gaussian"],
    ["train", "--lr", "50", "--epochs", "20", "--activation", "relu", "--dataset", "spiral", "--hidden", "8,8"],
    ["train", "--lr", "1e-320", "--epochs", "2"],
    ["train", "--lr=710", "--epochs", "10", "--dataset", "xor", "--regularization", "l2", "--reg-rate=710"],
    ["train", "--lr", "0", "--epochs", "2"],
    ["train", "--regularization", "l2", "--reg-rate", "1e308", "--epochs", "2"],
    ["train", "--regularization", "l1", "--reg-rate", "1e300", "--epochs", "2"],
    ["train", "--noise", "1e308", "--epochs", "2"],
    ["train", "--test-ratio", "0", "--epochs", "2"],
    ["train", "--batch-size", "100000", "--epochs", "2"],
    ["train", "--seed", "99999999999999999999", "--epochs", "2"],
    ["train", "--hidden", "8,x"],
    # gradcheck
    ["gradcheck", "--regularization", "l2", "--reg-rate", "1e308", "--json"],
    ["gradcheck", "--regularization", "l2", "--reg-rate", "1e306"],
    ["gradcheck", "--regularization", "l1", "--reg-rate", "1e300", "--json"],
    ["gradcheck", "--broken", "activation_derivative"],
    ["gradcheck", "--broken", "pre_activation", "--activation", "relu", "--hidden", "8,8"],
    ["gradcheck", "--broken", "bias_gradient", "--dataset", "plane", "--json"],
    ["gradcheck", "--example", "--broken", "pre_activation"],
    ["gradcheck", "--broken", "nope"],
    ["gradcheck", "--batch", "100000"],
    ["gradcheck", "--show=-3"],
    # warmup
    ["warmup", "--sizes", "3000,100,100,1", "--iterations", "30", "--json"],
    ["warmup", "--sizes", "1,1,1,1", "--iterations", "50", "--every", "7"],
    ["warmup", "--sizes", "2,2,2,2", "--iterations", "5", "--seed", "99999999999999999999999"],
    ["warmup", "--sizes", "0,1,1,1"],
    ["warmup", "--sizes", "100000000,100000000,1,1"],
    ["warmup", "--every", "0"],
    # trajectories
    ["trajectories", "--lr", "100", "--json"],
    ["trajectories", "--lr", "1e308"],
    ["trajectories", "--lr", "1e308", "--json"],
    ["trajectories", "--lr", "1e-320"],
    ["trajectories", "--lr", "10", "--activation", "relu"],
    ["trajectories", "--lr", "10", "--activation", "tanh"],
    ["trajectories", "--lr", "5", "--activation", "sigmoid"],
    ["trajectories", "--epochs", "1", "--samples", "1"],
    ["trajectories", "--epochs", "100000", "--samples", "10000"],
]


@pytest.mark.parametrize("args", ODD_ARGUMENTS, ids=lambda args: " ".join(args)[:60])
def test_odd_arguments_end_cleanly(capsys, tmp_path, args):
    args = [params_file(tmp_path, **DIVERGING) if a == "PARAMS" else a for a in args]
    assert_clean(*run_main(capsys, *args))


@pytest.mark.parametrize("name", ["t1", "t2", "i1", "w5", "b2", "lr"])
@pytest.mark.parametrize("value", [1e308, -1e308, 1e160, 1e-320])
def test_example_with_huge_or_tiny_starting_numbers_ends_cleanly(capsys, tmp_path, name, value):
    path = params_file(tmp_path, **{name: value, "w1": 1e300} if name == "i1" else {name: value})
    for extra in ((), ("--json",), ("--iterations", "30")):
        assert_clean(*run_main(capsys, "example", "--params", path, *extra))
