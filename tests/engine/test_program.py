"""Programs and the new parts of the language: statements, single-assignment names, the statement each node
belongs to, the functions and powers (their backward against central differences), and every refusal with its
line and column."""

from __future__ import annotations

import math

import pytest

from bpviz.engine.expression import (
    MAX_NODES,
    MAX_STATEMENTS,
    ExpressionError,
    evaluate_expression,
    parse_expression,
)
from bpviz.engine.program import version_name


def central_difference(text: str, values: dict, name: str, h: float = 1e-6) -> float:
    up = evaluate_expression(text, {**values, name: values[name] + h}).output_value
    down = evaluate_expression(text, {**values, name: values[name] - h}).output_value
    return (up - down) / (2 * h)


# ------------------------------------------------------------------------------------------- functions
@pytest.mark.parametrize("text", ["tanh(x)", "relu(x)", "sigmoid(x)", "exp(x)", "log(x)", "sqrt(x)", "abs(x)",
                                  "x.tanh()", "x**3", "x**2", "x**-1", "x**-2.5", "x**0.5", "x**(1/3)"])
@pytest.mark.parametrize("x", [-2.3, -0.4, 0.3, 1.7])
def test_each_function_backward_equals_central_differences(text, x):
    if x <= 0 and (text in ("log(x)", "sqrt(x)") or "." in text.replace("x.tanh", "") or "/3" in text):
        with pytest.raises(ExpressionError, match="node f"):
            evaluate_expression(text, {"x": x})
        return
    ev = evaluate_expression(text, {"x": x})
    assert ev.grad("x") == pytest.approx(central_difference(text, {"x": x}, "x"), rel=1e-7, abs=1e-9)


@pytest.mark.parametrize("a, b", [(2.0, 3.0), (0.5, -1.5), (3.7, 0.25)])
def test_a_computed_exponent_has_both_local_derivatives(a, b):
    ev = evaluate_expression("a ** b", {"a": a, "b": b})
    assert ev.output_value == pytest.approx(a ** b, rel=1e-15)
    assert ev.grad("a") == pytest.approx(b * a ** (b - 1), rel=1e-14)
    assert ev.grad("b") == pytest.approx(a ** b * math.log(a), rel=1e-14)
    for name in "ab":
        assert ev.grad(name) == pytest.approx(central_difference("a ** b", {"a": a, "b": b}, name), rel=1e-7)
    edges = ev.steps[0].edges
    assert edges[0].formula == "∂(a^b)/∂a = b·a^(b − 1)"
    assert edges[1].formula == "∂(a^b)/∂b = a^b·log(a)"
    assert ev.node("f").op == "pow_var"


@pytest.mark.parametrize("text, value, grad, formula", [
    ("x**3", 8.0, 12.0, "∂(x^3)/∂x = 3·x^2"),  # integer exponent
    ("x**2", 4.0, 4.0, "∂(x^2)/∂x = 2·x"),
    ("x**-1", 0.5, -0.25, "∂(x^(−1))/∂x = −1·x^(−2)"),  # negative
    ("x**0.5", math.sqrt(2), 0.5 / math.sqrt(2), "∂(x^0.5)/∂x = 0.5·x^(−0.5)"),  # fractional
    ("x**0", 1.0, 0.0, "∂(x^0)/∂x = 0"),
])
def test_powers_with_a_number_exponent(text, value, grad, formula):
    ev = evaluate_expression(text, {"x": 2.0})
    assert ev.output_value == pytest.approx(value, rel=1e-15)
    assert ev.grad("x") == pytest.approx(grad, rel=1e-15)
    assert ev.steps[0].edges[0].formula == formula
    assert [n.op for n in ev.nodes] == ["input", "pow"]  # the exponent is the node's parameter, not a leaf


def test_powers_bind_as_in_python():
    assert evaluate_expression("-3**2").output_value == -9.0
    assert evaluate_expression("2**-1").output_value == 0.5
    assert evaluate_expression("2**3**2").output_value == 512.0
    assert evaluate_expression("-x**2", {"x": 3.0}).output_value == -9.0
    assert evaluate_expression("(-2)**3").output_value == -8.0
    assert evaluate_expression("x**2", {"x": -3.0}).grad("x") == -6.0


def test_relu_and_abs_at_zero_pass_nothing_back():
    """micrograd's relu: (out.data > 0) * out.grad, so 0 at x = 0; abs: sign(0) = 0."""
    assert evaluate_expression("relu(x)", {"x": 0.0}).grad("x") == 0.0
    assert evaluate_expression("abs(x)", {"x": 0.0}).grad("x") == 0.0
    assert evaluate_expression("abs(x)", {"x": -2.0}).grad("x") == -1.0


def test_sigmoid_has_no_overflow_for_large_negative_inputs():
    ev = evaluate_expression("sigmoid(x)", {"x": -800.0})
    assert ev.output_value == 0.0 and ev.grad("x") == 0.0
    assert evaluate_expression("sigmoid(x)", {"x": 3.0}).output_value == pytest.approx(1 / (1 + math.exp(-3)))


# ------------------------------------------------------------------------------------------- programs
def test_a_program_reads_the_latest_version_of_a_name_and_adds_up_gradients():
    ev = evaluate_expression("a = 3\nc = a * a\nc = c + a\nc")
    assert ev.output_value == 12.0
    assert ev.grad("a") == 7.0  # 2a + 1
    assert [s.name for s in ev.statements] == ["a", "c", "c′"]
    assert ev.output == "c′"
    assert ev.node("c′").inputs == ("c", "a")


def test_nodes_know_their_statement():
    parsed = parse_expression("x = 2\ny = x*x + 1\n\nz = tanh(y)  # the output\n")
    ev = parsed.evaluate()
    groups = {n.name: (n.group, n.line) for n in ev.nodes}
    assert groups["x"] == ("x", 1)
    assert groups["u1"] == ("y", 2) and groups["c1"] == ("y", 2) and groups["y"] == ("y", 2)
    assert groups["z"] == ("z", 4)
    assert [(s.name, s.line, s.text, s.node) for s in ev.statements] == [
        ("x", 1, "x = 2", "x"), ("y", 2, "y = x*x + 1", "y"), ("z", 4, "z = tanh(y)", "z")]
    assert parsed.variables == ("x",) and parsed.statements == ev.statements


def test_one_expression_has_no_groups():
    ev = evaluate_expression("x * y + 1", {"x": 1.0, "y": 2.0})
    assert {n.group for n in ev.nodes} == {None}
    assert {n.line for n in ev.nodes} == {1}
    assert ev.statements == ()


def test_names_given_from_outside_and_a_bare_final_expression_are_outside_every_group():
    ev = evaluate_expression("y = 2*x; y + x", {"x": 1.5})
    assert ev.node("x").group is None
    assert ev.node("f").group is None and ev.output == "f"
    assert ev.output_value == 4.5 and ev.grad("x") == 3.0


def test_reassigning_a_name_given_from_outside_makes_a_new_node():
    ev = evaluate_expression("c = c + 1; c = c * 2", {"c": 1.0})
    assert [n.name for n in ev.nodes if n.name.startswith("c") and n.op != "constant"] == ["c", "c′", "c″"]
    assert ev.output_value == 4.0 and ev.grad("c") == 2.0


def test_augmented_assignments_read_as_python_does():
    ev = evaluate_expression("c = 2\nc += c + 1\nc -= 1\nc *= 3\nc /= 2")
    assert ev.output_value == ((2 + (2 + 1)) - 1) * 3 / 2


def test_backward_marks_the_output_and_an_alias_makes_no_node():
    ev = evaluate_expression("a = 2; b = a * 3; c = b; d = c + 1; b.backward()")
    assert ev.output == "b" and ev.output_value == 6.0
    assert "c" not in [n.name for n in ev.nodes]
    # statements whose node does not reach the output are left out (c = b stands for b's node, which does)
    assert [(s.name, s.node) for s in ev.statements] == [("a", "a"), ("b", "b"), ("c", "b")]


def test_a_given_value_replaces_a_number_the_program_assigns():
    parsed = parse_expression("a = -4; b = a * 2", {"a": 3.0, "z": 1.0})
    assert parsed.evaluate().output_value == 6.0
    assert parsed.unused == ("z",)


def test_version_names():
    assert [version_name("c", k) for k in range(6)] == ["c", "c′", "c″", "c‴", "c⁽⁴⁾", "c⁽⁵⁾"]


def test_generated_names_avoid_the_programs_names():
    ev = evaluate_expression("u1 = 2; c1 = u1 * 3 + 1; f = c1 * c1; f + 1")
    names = [n.name for n in ev.nodes]
    assert len(set(names)) == len(names)
    assert ev.output_value == 50.0


def test_limits_are_generous_for_micrograd_and_refused_past_them():
    many = "\n".join(f"x{k} = {k}" for k in range(MAX_STATEMENTS))
    assert evaluate_expression(many).output_value == MAX_STATEMENTS - 1
    with pytest.raises(ExpressionError, match=f"too many statements \\(at most {MAX_STATEMENTS}\\)") as info:
        evaluate_expression(many + "\ny = 1")
    assert info.value.line == MAX_STATEMENTS + 1 and info.value.column == 1
    chain = "x = 1\n" + "\n".join("x = x + x + x" for _ in range(149)) + "\nx = x + x"  # 1 + 298 + 1 nodes
    ev = evaluate_expression(chain)
    assert len(ev.nodes) == MAX_NODES and ev.output_value == pytest.approx(2 * 3.0 ** 149, rel=1e-12)
    with pytest.raises(ExpressionError, match="too many nodes") as info:
        evaluate_expression(chain + "\nx = x + x")
    assert (info.value.line, info.value.column) == (152, 7)


# ------------------------------------------------------------------------------------------- refusals
@pytest.mark.parametrize("text, values, words, line, column", [
    ("a = 1\nb = 2\nc = a + * b", {}, "expected a number, a name or '\\(' but found '\\*'", 3, 9),
    ("a = 1\nb = (a + 2\nc = b", {}, "never closed", 2, 5),
    ("a = 1\na + 1\nb = a", {}, "not the last statement", 2, 1),
    ("a = 1\na.backward()\nb = a", {}, "must be the last statement", 2, 1),
    ("a = 1\nb = a.y", {}, "unexpected '.'", 2, 6),
    ("a = 1\nb = a.backward()", {}, "statement of its own", 2, 6),
    ("a = 1\nb = a.tanh(2)", {}, "nothing between its brackets", 2, 12),
    ("a = 1\nb = q * a", {}, "q has no value .* earlier statement", 2, 5),
    ("a = 1\nb =", {}, "needs an expression", 2, 4),
    ("a = 1\n3 = a", {}, "unexpected '='", 2, 3),
    ("a = 1\nb = log(a - 1)", {}, "node b: log\\(0\\) is undefined", 2, 5),
    ("a = 1e-200\nb = 1/a", {}, "node b: the local derivative .* too large", 2, 6),  # an inf gradient
    ("a = 1e-200\nb = a*a\nc = 1/b", {}, "node c: division by zero .* b underflowed", 3, 6),
    ("a = 1e200\nb = a**2", {}, "node b: .* overflows", 2, 6),
    ("a = 1e-300\nb = log(a)\nc = b * 1e300", {}, "node b: the gradient it sends to a", 2, 5),
    ("a = 0\nb = sqrt(a)", {}, "node b: sqrt is not differentiable at a = 0", 2, 5),
    ("a = -1\nb = sqrt(a)", {}, "node b: sqrt\\(−1\\) is undefined", 2, 5),
    ("a = -8\nb = a**(1/3)", {}, "node b: .* needs a positive base", 2, 6),
    ("a = -8\nb = a**0.5", {}, "node b: .* no real power 0.5", 2, 6),
    ("a = 0\nb = a**-1", {}, "node b: division by zero", 2, 6),
    ("a = 0\nb = a**0.5", {}, "node b: .* not differentiable at a = 0", 2, 6),
    ("a = 1 # fine\nb = a ^ 2", {}, "'\\^' is not a power here", 2, 7),
])
def test_refusals_name_the_line_and_column(text, values, words, line, column):
    with pytest.raises(ExpressionError, match=words) as info:
        evaluate_expression(text, values)
    assert (info.value.line, info.value.column) == (line, column)
    assert str(info.value).startswith(f"line {line}, column {column}: ")
    assert "\n" not in str(info.value)


def test_one_line_programs_keep_the_column_wording():
    with pytest.raises(ExpressionError) as info:
        evaluate_expression("a = 1; b = a + * 2")
    assert str(info.value).startswith("column 16: ") and info.value.line is None
    assert info.value.offset == 15


def test_a_new_line_inside_brackets_continues_the_statement():
    ev = evaluate_expression("y = (1 +\n     2)\nz = y * 2")
    assert ev.output_value == 6.0 and [s.line for s in ev.statements] == [1, 3]
