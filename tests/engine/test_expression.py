"""The expression parser: values and gradients of good expressions worked out by hand, and every kind of bad
or unsafe input refused with a message and a column."""

from __future__ import annotations

import builtins
import math

import pytest

from bpviz.engine.expression import (
    MAX_DEPTH,
    MAX_LENGTH,
    MAX_NODES,
    ExpressionError,
    evaluate_expression,
    parse_expression,
    parse_values,
)


def test_the_briefs_example_by_hand():
    ev = evaluate_expression("(x + y) * exp(x)", {"x": 2.0, "y": -1.0})
    e2 = math.exp(2.0)
    assert ev.output_value == pytest.approx(e2, rel=1e-15)  # (2 − 1)·e²
    # ∂f/∂x = exp(x) + (x + y)·exp(x) = 2e² (two paths from x); ∂f/∂y = exp(x)
    assert ev.grad("x") == pytest.approx(2 * e2, rel=1e-15)
    assert ev.grad("y") == pytest.approx(e2, rel=1e-15)
    x_nodes = [n for n in ev.nodes if n.name == "x"]
    assert len(x_nodes) == 1  # one leaf, however often the name occurs
    x_edges = [e for s in ev.steps for e in s.edges if e.source == "x"]
    assert len(x_edges) == 2
    assert x_edges[1].after == pytest.approx(x_edges[0].sent + x_edges[1].sent)


def test_shopping_typed_as_numbers_gives_the_seed_gradients():
    ev = evaluate_expression("(400*1 + 300*2)*0.7")
    assert ev.output_value == pytest.approx(700.0)
    constants = [n for n in ev.nodes if n.op == "constant"]
    assert [n.value for n in constants] == [400.0, 1.0, 300.0, 2.0, 0.7]
    assert [n.grad for n in constants] == pytest.approx([0.7, 280.0, 1.4, 210.0, 1000.0])
    assert [n.name for n in constants] == ["c1", "c2", "c3", "c4", "c5"]
    assert ev.output == "f"


@pytest.mark.parametrize("text, values, value, grads", [
    ("2 + 3 * 4", {}, 14.0, {}),
    ("2 - 3 - 4", {}, -5.0, {}),  # left to right
    ("8 / 4 / 2", {}, 1.0, {}),
    ("-2 * 3", {}, -6.0, {}),
    ("1e-3 * 1000 + .5 + 1.", {}, 2.5, {}),
    ("x * x * x", {"x": 2.0}, 8.0, {"x": 12.0}),  # 3x²
    ("x / y", {"x": 3.0, "y": 2.0}, 1.5, {"x": 0.5, "y": -0.75}),  # 1/y, −x/y²
    ("-(x - y)", {"x": 1.0, "y": 4.0}, 3.0, {"x": -1.0, "y": 1.0}),
    ("--x", {"x": 5.0}, 5.0, {"x": 1.0}),
    ("+x", {"x": 5.0}, 5.0, {"x": 1.0}),
    ("log(exp(x))", {"x": 0.3}, 0.3, {"x": 1.0}),
    ("exp(-x) / (1 + exp(-x))", {"x": 0.0}, 0.5, {"x": -0.25}),
    ("1 / (1 + exp(-x))", {"x": 2.0}, 1 / (1 + math.exp(-2)),
     {"x": math.exp(-2) / (1 + math.exp(-2)) ** 2}),
    ("log(w_1) * w_1", {"w_1": math.e}, math.e, {"w_1": 2.0}),  # log w + 1
    ("x − y × 2 · 1 ÷ 4", {"x": 1.0, "y": 2.0}, 0.0, {"x": 1.0, "y": -0.5}),  # the app's own symbols
    ("x", {"x": 7.0}, 7.0, {"x": 1.0}),  # a lone leaf: no steps, ∂x/∂x = 1
])
def test_good_expressions(text, values, value, grads):
    ev = evaluate_expression(text, values)
    assert ev.output_value == pytest.approx(value, rel=1e-14)
    for name, grad in grads.items():
        assert ev.grad(name) == pytest.approx(grad, rel=1e-13), name


def test_a_minus_before_a_number_belongs_to_it_but_not_before_a_bracket():
    ev = evaluate_expression("-3 * x", {"x": 2.0})
    assert [(n.name, n.value) for n in ev.nodes if n.is_leaf] == [("c1", -3.0), ("x", 2.0)]
    ev = evaluate_expression("-(3)")
    assert [n.op for n in ev.nodes] == ["constant", "scale"]


def test_generated_names_avoid_the_users_names():
    ev = evaluate_expression("c1 * u1 + f", {"c1": 2.0, "u1": 3.0, "f": 4.0})
    names = [n.name for n in ev.nodes]
    assert len(set(names)) == len(names)
    assert ev.output_value == 10.0 and ev.grad("f") == 1.0 and ev.grad("c1") == 3.0


def test_unused_values_are_reported():
    parsed = parse_expression("x + 1", {"x": 1.0, "y": 2.0})
    assert parsed.variables == ("x",)
    assert parsed.unused == ("y",)


def test_columns_are_recorded_for_the_drawing_and_errors():
    parsed = parse_expression("x + log(x)", {"x": 1.0})
    assert parsed.graph.node_column("f") == 3
    assert parsed.graph.node_column("u1") == 5


@pytest.mark.parametrize("text, values, words, column", [
    ("__import__('os')", {}, "'__'", 1),
    ("x.y", {"x": 1.0, "y": 1.0}, "unexpected '.'", 2),
    ("os.system('ls')", {}, "unexpected '.'", 3),
    ("2 +", {}, "ends too early", 4),
    ("exp(", {}, "never closed", 4),
    ("(1 + 2", {}, "never closed", 1),
    ("1 + 2)", {}, "has no '\\('", 6),
    ("()", {}, "empty brackets", 2),
    ("foo(1)", {}, "unknown function foo", 1),
    ("exp", {}, "needs brackets", 1),
    ("1/0", {}, "division by zero", 2),
    ("x / (y - y)", {"x": 1.0, "y": 2.0}, "division by zero", 3),
    ("log(-1)", {}, "positive number", 1),
    ("2 * log(x - 1)", {"x": 1.0}, r"log\(0\)", 5),
    ("exp(1000)", {}, "overflows", 1),
    ("1/x", {"x": 1e-200}, "node f: the local derivative .* too large for a float64", 2),  # was ZeroDivisionError
    ("log(x)", {"x": 1e-320}, "node f: the local derivative", 1),  # was a gradient of inf
    ("log(x) * y", {"x": 1e-300, "y": 1e300}, "node u1: the gradient it sends to x", 1),
    ("1/(x*x)", {"x": 1e-170}, "u1 underflowed to 0", 2),
    ("a", {}, "a has no value", 1),
    ("1 + b", {"a": 1.0}, "b has no value", 5),
    ("x ** y", {"x": -1.0, "y": 2.0}, "node f: .* needs a positive base", 3),  # a computed exponent
    ("x ** 0.5", {"x": -4.0}, "no real power 0.5", 3),
    ("x ^ 2", {"x": 1.0}, "power", 3),
    ("2x", {"x": 1.0}, "write a \\*", 2),
    ("1 2", {}, "operator is missing", 3),
    ("lambda: 1", {}, "unexpected character ':'", 7),
    ("x; y", {"x": 1.0, "y": 1.0}, "not the last statement is never used", 1),
    ("x = 1 = 2", {}, "unexpected '='", 7),
    ("x == 1", {}, "'==' compares", 3),
    ("x.foo()", {"x": 1.0}, "unexpected '.'", 2),
    ("exp = 2", {}, "is a function", 1),
    ("[1]", {}, "unexpected character '\\['", 1),
    ("1e999", {}, "too large", 1),
    ("", {}, "empty", None),
    ("   ", {}, "empty", None),
])
def test_bad_expressions_are_refused_with_a_message_and_column(text, values, words, column):
    with pytest.raises(ExpressionError, match=words) as info:
        evaluate_expression(text, values)
    assert isinstance(info.value, ValueError)
    assert info.value.column == column
    if column is not None:
        assert str(info.value).startswith(f"column {column}: ")


def test_ten_thousand_nested_brackets_are_refused_without_recursing():
    text = "(" * 10000 + "1" + ")" * 10000
    with pytest.raises(ExpressionError, match="too long"):
        evaluate_expression(text)


def test_deep_nesting_within_the_length_limit_is_refused():
    ok = "(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH
    assert evaluate_expression(ok).output_value == 1.0
    deep = "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1)
    with pytest.raises(ExpressionError, match="nested too deeply"):
        evaluate_expression(deep)
    with pytest.raises(ExpressionError, match="nested too deeply"):
        evaluate_expression("-" * (MAX_DEPTH + 5) + "x", {"x": 1.0})


def test_very_long_input_is_refused():
    text = "+".join(["1"] * (MAX_LENGTH // 2 + 1))
    assert len(text) > MAX_LENGTH
    with pytest.raises(ExpressionError, match=f"at most {MAX_LENGTH}"):
        evaluate_expression(text)
    longest = "+".join(["1"] * (MAX_LENGTH // 2))  # 3999 characters: 2000 leaves, more than MAX_NODES
    with pytest.raises(ExpressionError, match=f"too many nodes \\(at most {MAX_NODES}\\)") as info:
        evaluate_expression(longest)
    assert info.value.column == MAX_NODES  # nodes 1, 1, +, 1, +, ...: node 301 is the 150th '+', column 300
    within = "+".join(["1"] * ((MAX_NODES + 1) // 2))  # 150 leaves and 149 additions: 299 nodes
    assert evaluate_expression(within).output_value == (MAX_NODES + 1) // 2


def test_the_parser_never_evaluates_python(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("the parser must not run Python code")

    for name in ("eval", "exec", "compile", "__import__"):
        monkeypatch.setattr(builtins, name, refuse)
    assert evaluate_expression("(x + 1) * exp(x)", {"x": 0.0}).output_value == 1.0
    with pytest.raises(ExpressionError):
        evaluate_expression("__import__('os').system('true')")


# ---------------------------------------------------------------------------------------------- values
def test_values_syntax():
    assert parse_values("x=2, y=-1") == {"x": 2.0, "y": -1.0}
    assert parse_values(" a = 1e-3 ; b=.5\nc = −2 ") == {"a": 0.001, "b": 0.5, "c": -2.0}
    assert parse_values("") == {}
    assert parse_values("x=1,") == {"x": 1.0}


@pytest.mark.parametrize("text, words, column", [
    ("x", "needs a value", 1),
    ("x=", "must be a number", 3),
    ("x=abc", "must be a number", 3),
    ("x=nan", "must be a number", 3),
    ("x=inf", "must be a number", 3),
    ("x=1e999", "too large", 3),
    ("x=2, x=3", "two values", 6),
    ("1x=2", "not a name", 1),
    ("exp=2", "is a function", 1),
    ("x=1+1", "must be a number", 3),
    ("__class__=1", "not a name", 1),
])
def test_bad_values_are_refused(text, words, column):
    with pytest.raises(ExpressionError, match=words) as info:
        parse_values(text)
    assert info.value.column == column
