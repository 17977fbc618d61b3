"""Text tables (no Qt): the loss history and a backprop pass as CSV, the pass as Markdown."""

import csv
import io
import math
import re
from dataclasses import replace

import numpy as np
import pytest

from bpviz.engine.presets import ExampleParams, worked_example
from bpviz.engine.trace import Step, Trace, trace_pass
from bpviz.reports import LOSS_HEADER, TRACE_HEADER, loss_history_csv, readable, text_table, trace_csv, trace_markdown
from bpviz.training import TrainConfig, Trainer


@pytest.fixture(scope="module")
def trace():
    p = ExampleParams()
    return trace_pass(worked_example(p), p.inputs, p.targets, p.lr)


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


# loss history ------------------------------------------------------------------------------------------
def test_loss_history_of_a_real_run_reads_back_exactly():
    trainer = Trainer(TrainConfig(seed=3))
    trainer.run_epochs(12)
    h = trainer.history.arrays()
    steps, train, test = h.steps, h.train, h.test
    text = loss_history_csv(h.epochs, steps, train, test)
    rows = rows_of(text)
    assert tuple(rows[0]) == LOSS_HEADER == ("epoch", "step", "train_loss", "test_loss")
    assert len(rows) == 1 + len(steps) == 1 + 13  # entry 0 (before training) and one per epoch
    for k, row in enumerate(rows[1:]):
        assert int(row[0]) == k
        assert int(row[1]) == steps[k]
        assert float(row[2]) == train[k]  # full precision: the same float, not a rounded one
        assert float(row[3]) == test[k]
    assert int(rows[1][1]) == 0 and int(rows[-1][1]) == trainer.step_count
    assert "\r" not in text and text.endswith("\n")


def test_nan_test_loss_is_an_empty_field_and_each_entry_has_its_epoch():
    steps = np.array([0, 10, 20])
    train = np.array([0.7, 0.5, 1e-17])
    test = np.array([math.nan, 0.6, math.nan])
    rows = rows_of(loss_history_csv([0, 4, 8], steps, train, test))  # a thinned history: every 4th epoch
    assert rows[1:] == [["0", "0", "0.7", ""], ["4", "10", "0.5", "0.6"], ["8", "20", "1e-17", ""]]


def test_empty_history_is_just_the_header_and_lengths_must_agree():
    assert loss_history_csv([], [], [], []) == "epoch,step,train_loss,test_loss\n"
    with pytest.raises(ValueError, match="same length"):
        loss_history_csv([0, 1], [0, 1], [0.5], [0.5])


# trace ---------------------------------------------------------------------------------------------------
def test_trace_csv_has_one_row_per_step_with_the_published_values(trace):
    rows = rows_of(trace_csv(trace))
    assert tuple(rows[0]) == TRACE_HEADER == ("index", "phase", "name", "symbol", "formula", "numbers", "value")
    body = rows[1:]
    assert len(body) == len(trace.steps)
    for k, (row, step) in enumerate(zip(body, trace.steps, strict=True), start=1):
        assert row == [str(k), step.phase, step.name, step.symbol, step.formula, step.numbers, repr(step.value)]
    by_name = {row[2]: row for row in body}
    published = {"out_o1": "0.75136507", "E_total": "0.298371109", "dE/dw5": "0.0821670406",
                 "w5+": "0.35891648", "w1+": "0.149780716", "out_h1": "0.593269992"}
    for name, value in published.items():
        assert f"{float(by_name[name][6]):.9g}" == value, name
    assert by_name["dE/dw5"][3] == "∂E/∂w5" and by_name["delta_o1"][3] == "δ_o1" and by_name["w5+"][3] == "w5⁺"
    assert [r[1] for r in body] == sorted((r[1] for r in body), key=("forward", "error", "backward",
                                                                      "update").index)


def test_given_parameters_come_first_with_an_empty_index(trace):
    p = ExampleParams()
    rows = rows_of(trace_csv(trace, {"w1": p.w1, "i1": p.i1, "lr": p.lr, "loss": "half_sse"}))
    assert rows[1:5] == [["", "given", "w1", "w1", "", "", "0.15"], ["", "given", "i1", "i1", "", "", "0.05"],
                         ["", "given", "lr", "lr", "", "", "0.5"], ["", "given", "loss", "loss", "", "", "half_sse"]]
    assert len(rows) == 1 + 4 + len(trace.steps)
    assert rows[5][0] == "1"
    given = {r[2]: float(r[6]) for r in rows_of(trace_csv(trace, p.to_dict()))[1:] if r[1] == "given"}
    assert given == p.to_dict()


def _odd_trace(trace) -> Trace:
    odd = Step("forward", "q", "net", "h1", 'a, "b" | c\nnext line', "1,5 · \"x\"", -0.5, (), (),
               trace.steps[0].where)
    return replace(trace, steps=(odd, *trace.steps[:2]))


def test_commas_quotes_pipes_and_newlines_survive_a_csv_round_trip(trace):
    odd = _odd_trace(trace)
    text = trace_csv(odd)
    rows = rows_of(text)
    assert len(rows) == 1 + 3
    assert rows[1][4] == 'a, "b" | c\nnext line'
    assert rows[1][5] == '1,5 · "x"'
    assert float(rows[1][6]) == -0.5
    assert text.encode("utf-8").decode("utf-8") == text  # plain UTF-8 text: ∂, δ, · as themselves


# markdown ------------------------------------------------------------------------------------------------
def _cells(line: str) -> list[str]:
    """Cells of a Markdown table row: split on pipes that are not escaped."""
    assert line.startswith("|") and line.endswith("|"), line
    return [c.strip() for c in re.split(r"(?<!\\)\|", line[1:-1])]


def test_markdown_table_has_a_header_a_separator_and_one_row_per_step(trace):
    text = trace_markdown(trace, title="Worked example")
    lines = text.splitlines()
    assert lines[0] == "# Worked example"
    table = [line for line in lines if line.startswith("|")]
    header, separator, body = table[0], table[1], table[2:]
    assert _cells(header) == ["#", "Phase", "Quantity", "Formula", "With numbers", "Value"]
    assert all(re.fullmatch(r":?-+:?", c) for c in _cells(separator))
    assert len(body) == len(trace.steps)
    width = len(_cells(header))
    for k, (line, step) in enumerate(zip(body, trace.steps, strict=True), start=1):
        cells = _cells(line)
        assert len(cells) == width
        assert cells[0] == str(k)
        assert cells[2] == step.symbol and cells[3] == step.formula and cells[4] == step.numbers
        assert cells[5] == f"{step.value:.9g}"
    rows = {_cells(line)[2]: _cells(line) for line in body}
    assert rows["out_o1"][5] == "0.75136507"
    assert rows["out_o1"][1] == "Forward pass" and rows["δ_o1"][1] == "Backward pass"
    assert rows["∂E/∂w5"][5] == "0.0821670406"
    assert rows["w5⁺"][5] == "0.35891648"
    assert len({len(line) for line in table}) == 1  # padded: the columns line up in plain text too


def test_markdown_escapes_pipes_and_keeps_each_row_on_one_line(trace):
    text = trace_markdown(_odd_trace(trace))
    table = [line for line in text.splitlines() if line.startswith("|")]
    assert len(table) == 2 + 3
    cells = _cells(table[2])
    assert len(cells) == 6
    assert cells[3] == 'a, "b" \\| c next line'
    assert "η = 0.5" in text and not text.startswith("#")


# numbers and columns for people ------------------------------------------------------------------------
@pytest.mark.parametrize("value, decimals, text", [
    (0.29837110876, 4, "0.2984"),
    (3.51085e-5, 10, "0.0000351085"),  # the worked example's error after 10,000 passes, as the article prints it
    (0.0, 4, "0.0000"),
    (123456.789, 4, "123456.7890"),
    (3.0101699257648015e290, 4, "3.01e+290"),  # a diverged loss: was 296 characters of fixed point
    (-2.5e9, 4, "-2.5e+09"),
    (1.2e-9, 4, "1.2e-09"),
    (float("inf"), 4, "not finite"),
    (float("nan"), 10, "not finite"),
])
def test_readable_numbers(value, decimals, text):
    assert readable(value, decimals) == text


def test_readable_numbers_are_never_long():
    for exponent in range(-323, 309):
        assert len(readable(-1.2345678901234567 * 10.0 ** exponent, 10)) <= 20


def test_text_table_keeps_columns_apart_whatever_the_numbers():
    rows = [("batch", "100", "-2.411e+91", "2.9363e+183"), ("mini-batch", "10", "-1.1251e+151", "4.4103e+302")]
    lines = text_table(("mode", "samples/step", "w1", "loss"), rows, "<>>>", (12, 13, 12, 12))
    # the minimum widths where the cells fit; w1 one wider than its 12-character number
    assert lines[0] == f"{'mode':<12}{'samples/step':>13}{'w1':>13}{'loss':>12}"
    assert [line.split() for line in lines[1:]] == [list(r) for r in rows]  # every cell reads back
    assert len({len(line) for line in lines}) == 1  # right-aligned columns line up


def test_text_table_indents_and_strips_trailing_blanks():
    lines = text_table(("name", "note"), [("x", "a long note"), ("yy", "")], "<<", indent="  ")
    assert lines == ["  name note", "  x    a long note", "  yy"]
    with pytest.raises(ValueError, match="one '<' or '>' per column"):
        text_table(("a", "b"), [], "<")
