"""micrograd's own test programs and lecture neuron, and Saito's apples, give their published numbers.

Sources (read from the repositories, not from memory):
- karpathy/micrograd, ``test/test_engine.py``: ``test_sanity_check`` and ``test_more_ops`` compare micrograd
  with PyTorch at run time (no constants in the file); ``README.md`` prints the more-ops program's
  ``g.data`` = 24.7041, ``a.grad`` = 138.8338 and ``b.grad`` = 645.5773 (``f'{...:.4f}'``).
- karpathy/nn-zero-to-hero, ``lectures/micrograd/micrograd_lecture_second_half_roughly.ipynb``: the neuron
  x1 = 2, x2 = 0, w1 = −3, w2 = 1, b = 6.8813735870195432, o = tanh(n), drawn with o data 0.7071,
  w1 grad 1.0000, w2 grad 0.0000, x1*w1 and x2*w2 grad 0.5000 (the chain rule gives x1 grad w1·0.5 = −1.5,
  x2 grad w2·0.5 = 0.5, b grad 0.5).
- Saito, "Deep Learning from Scratch", ch. 5 (``buy_apple.py``): price 220, dapple 2.2, dapple_num 110,
  dtax 200.
"""

from __future__ import annotations

import math

import pytest

from bpviz.engine.expression import evaluate_expression
from bpviz.engine.graph_builtins import PROGRAMS, builtin


def test_sanity_check_program():
    """test_sanity_check: x = −4, z = 2x + 2 + x = −10, q = relu(z) + z·x = 40, h = relu(z·z) = 100,
    y = h + q + q·x = −20. By hand: ∂y/∂q = 1 + x = −3, ∂y/∂z = 2z·1 + (−3)·x = −20 + 12 = −8 (relu(z) passes
    nothing at z = −10), ∂y/∂x = q + (−3)·z + (−8)·3 = 40 + 30 − 24 = 46, which is what PyTorch gives."""
    ev = builtin("micrograd_sanity").evaluate()
    assert ev.output == "y"
    assert ev.output_value == -20.0  # ymg.data == ypt.data.item(): exact
    assert ev.grad("x") == 46.0  # xmg.grad == xpt.grad.item(): exact


def test_sanity_check_typed_as_in_micrograd():
    text = ("x = -4.0; z = 2 * x + 2 + x; q = z.relu() + z * x; h = (z * z).relu(); y = h + q + q * x; "
            "y.backward()")
    ev = evaluate_expression(text)
    assert (ev.output_value, ev.grad("x")) == (-20.0, 46.0)


def test_more_ops_program_gives_the_readme_numbers():
    """test_more_ops / README: g = 24.7041, dg/da = 138.8338, dg/db = 645.5773 (printed with 4 decimals; the
    test's tolerance against PyTorch is 1e-6). By hand: c = −2, d = 0, c′ = −3, c″ = −1, d′ = 0, d″ = 6,
    e = −7, f = 49, g = 24.5, g′ = 24.5 + 10/49 = 2421/98."""
    ev = builtin("micrograd_more_ops").evaluate()
    assert f"{ev.output_value:.4f}" == "24.7041"
    assert f"{ev.grad('a'):.4f}" == "138.8338"
    assert f"{ev.grad('b'):.4f}" == "645.5773"
    assert ev.output_value == pytest.approx(2421 / 98, rel=1e-15)
    assert (ev.value("e"), ev.value("f"), ev.value("g")) == (-7.0, 49.0, 24.5)


def test_more_ops_names_each_assignment_as_a_new_node():
    ev = builtin("micrograd_more_ops").evaluate()
    statements = [s.name for s in ev.statements]
    assert statements == ["a", "b", "c", "d", "c′", "c″", "d′", "d″", "e", "f", "g", "g′"]
    assert ev.output == "g′"
    # c″ reads c′, which reads c (c += c + 1 is c = c + (c + 1), as Python reads it)
    assert ev.node("c′").inputs[0] == "c" and ev.node("c″").inputs[0] == "c′"
    assert ev.value("c′") == -3.0 and ev.value("c″") == -1.0  # c′ = −2 + (−2 + 1); c″ = −3 + (1 − 3 + 4)
    assert ev.value("d″") == 6.0  # d′ = 0 + (0·2 + relu(−2)); d″ = 0 + (3·0 + relu(6))
    for node in ev.nodes:
        if not node.is_leaf or node.op == "constant":
            assert node.group in statements, node.name


def test_the_lecture_neuron():
    ev = builtin("neuron").evaluate()
    assert ev.output == "o"
    assert ev.output_value == pytest.approx(math.sqrt(0.5), abs=1e-15)  # 0.7071
    assert f"{ev.output_value:.4f}" == "0.7071"
    grads = {name: ev.grad(name) for name in ("x1", "w1", "x2", "w2", "b")}
    assert grads == pytest.approx({"x1": -1.5, "w1": 1.0, "x2": 0.5, "w2": 0.0, "b": 0.5}, abs=1e-14)
    assert ev.grad("n") == pytest.approx(0.5, abs=1e-15)  # 1 − o²
    tanh_step = ev.steps[0]
    assert tanh_step.node == "o" and tanh_step.edges[0].formula == "∂tanh(n)/∂n = 1 − tanh(n)²"
    # the lecture's names for the intermediate results
    assert [n.name for n in ev.nodes if not n.is_leaf] == ["x1w1", "x2w2", "x1w1x2w2", "n", "o"]


def test_the_neuron_takes_new_leaf_values():
    ev = builtin("neuron", b=7.0).evaluate()
    assert ev.output_value == pytest.approx(math.tanh(1.0))
    with pytest.raises(ValueError, match="no input called z"):
        builtin("neuron", z=1.0)


def test_saitos_apples():
    ev = builtin("apples").evaluate()
    assert ev.output == "price"
    assert ev.output_value == pytest.approx(220.0)
    assert ev.grad("apple") == pytest.approx(2.2)
    assert ev.grad("apple_num") == pytest.approx(110.0)
    assert ev.grad("tax") == pytest.approx(200.0)


@pytest.mark.parametrize("key", sorted(PROGRAMS))
def test_every_program_builtin_is_a_program_the_cli_takes(key):
    assert evaluate_expression(PROGRAMS[key]).output_value == builtin(key).evaluate().output_value
