"""The computation-graph engine against numbers worked out by hand (seed 002's shopping bill), against the
closed forms y(1 − y) and softmax(a) − t (seed 004), and against central differences computed here."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bpviz.engine.compgraph import Graph, GraphError, format_number
from bpviz.engine.graph_builtins import (
    BUILTIN_GRAPHS,
    builtin,
    shopping_graph,
    sigmoid_check,
    sigmoid_graph,
    softmax_check,
    softmax_loss_graph,
)


# ---------------------------------------------------------------------------------------------- shopping (002)
def test_shopping_total_and_every_gradient_by_hand():
    ev = shopping_graph().evaluate()
    # (400·1 + 300·2)·0.7
    assert ev.output == "total"
    assert ev.output_value == pytest.approx(700.0, abs=1e-12)
    assert ev.value("jacket_cost") == 400.0
    assert ev.value("trousers_cost") == 600.0
    assert ev.value("subtotal") == 1000.0
    # d total / d jacket price = count · discount = 1 · 0.7; d / d jacket count = price · discount = 400 · 0.7
    assert ev.grad("jacket_price") == pytest.approx(0.7, abs=1e-12)
    assert ev.grad("jacket_count") == pytest.approx(280.0, abs=1e-12)
    assert ev.grad("trousers_price") == pytest.approx(1.4, abs=1e-12)  # 2 · 0.7
    assert ev.grad("trousers_count") == pytest.approx(210.0, abs=1e-12)  # 300 · 0.7
    assert ev.grad("discount") == pytest.approx(1000.0, abs=1e-12)  # the bill before the discount
    for inner in ("subtotal", "jacket_cost", "trousers_cost"):
        assert ev.grad(inner) == pytest.approx(0.7, abs=1e-12)
    assert ev.grad("total") == 1.0


def test_shopping_backward_steps_go_from_the_output_back():
    ev = shopping_graph().evaluate()
    assert [s.node for s in ev.steps] == ["total", "subtotal", "trousers_cost", "jacket_cost"]
    first = ev.steps[0]
    assert first.upstream == 1.0
    by_source = {e.source: e for e in first.edges}
    assert by_source["subtotal"].formula == "∂(subtotal·discount)/∂subtotal = discount"
    assert by_source["subtotal"].local == pytest.approx(0.7)
    assert by_source["discount"].local == 1000.0 and by_source["discount"].sent == 1000.0
    add_step = ev.steps[1]
    assert add_step.upstream == pytest.approx(0.7)
    assert [e.local for e in add_step.edges] == [1.0, 1.0]
    assert [e.sent for e in add_step.edges] == [pytest.approx(0.7)] * 2
    jacket = {e.source: e for e in ev.steps[3].edges}
    assert jacket["jacket_count"].local == 400.0
    assert jacket["jacket_count"].sent == pytest.approx(280.0)
    assert jacket["jacket_count"].local_text() == "∂(jacket_price·jacket_count)/∂jacket_count = jacket_price = 400"


def test_every_step_sends_upstream_times_local():
    for name in BUILTIN_GRAPHS:
        ev = builtin(name).evaluate()
        for step in ev.steps:
            assert step.upstream == ev.grad(step.node)  # complete when its step runs
            for edge in step.edges:
                assert edge.sent == pytest.approx(step.upstream * edge.local, rel=1e-15, abs=1e-300)
                assert edge.after == pytest.approx(edge.before + edge.sent, rel=1e-15, abs=1e-300)


def test_shopping_takes_other_numbers():
    ev = shopping_graph(jacket_price=100, jacket_count=3, trousers_price=50, trousers_count=1,
                        discount=0.5).evaluate()
    assert ev.output_value == pytest.approx((100 * 3 + 50 * 1) * 0.5)
    assert ev.grad("jacket_count") == pytest.approx(100 * 0.5)
    assert ev.grad("discount") == pytest.approx(350.0)


# ---------------------------------------------------------------------------------------------- sigmoid (004)
@pytest.mark.parametrize("x", [-3.0, -0.5, 0.0, 1.0, 4.0])
def test_sigmoid_backward_is_y_times_one_minus_y(x):
    ev = sigmoid_graph(x).evaluate()
    y_by_hand = 1.0 / (1.0 + math.exp(-x))
    assert ev.output == "y"
    assert ev.output_value == pytest.approx(y_by_hand, rel=1e-15)
    assert ev.grad("x") == pytest.approx(y_by_hand * (1.0 - y_by_hand), rel=1e-13)
    # and central differences of the graph's own forward pass
    h = 1e-5
    plus = sigmoid_graph(x).evaluate({"x": x + h}).output_value
    minus = sigmoid_graph(x).evaluate({"x": x - h}).output_value
    assert ev.grad("x") == pytest.approx((plus - minus) / (2 * h), rel=1e-8, abs=1e-12)
    y, dydx, closed = sigmoid_check(x)
    assert (y, dydx) == (ev.output_value, ev.grad("x"))
    assert closed == pytest.approx(y_by_hand * (1 - y_by_hand), rel=1e-13)


def test_sigmoid_graph_is_the_four_nodes_of_the_seed():
    ev = sigmoid_graph(1.0).evaluate()
    assert [(n.name, n.label) for n in ev.nodes] == [("x", "x"), ("x1", "×(−1)"), ("x2", "exp"), ("x3", "+1"),
                                                      ("y", "1/x")]
    e = math.exp(-1.0)
    # the seed's backward, line by line: dx3 = −1/x3², dx2 = dx3, dx1 = dx2·exp(x1), dx = dx1·(−1)
    assert ev.grad("x3") == pytest.approx(-1.0 / (1 + e) ** 2, rel=1e-15)
    assert ev.grad("x2") == ev.grad("x3")
    assert ev.grad("x1") == pytest.approx(-1.0 / (1 + e) ** 2 * e, rel=1e-15)
    assert ev.grad("x") == pytest.approx(e / (1 + e) ** 2, rel=1e-15)
    assert [s.node for s in ev.steps] == ["y", "x3", "x2", "x1"]


# ---------------------------------------------------------------------------------------------- softmax (004)
SCORE_CASES = [
    ((0.3, 2.9, 4.0), (0, 0, 1)),
    ((1.0, 2.0, 3.0), (1, 0, 0)),
    ((-2.0, 0.0, 0.5), (0, 1, 0)),
    ((10.0, -10.0), (0, 1)),
    ((0.1, 0.2, 0.3, 0.4, 0.5), (0, 0, 0, 1, 0)),
    ((0.5, -1.5, 2.0), (0.2, 0.3, 0.5)),  # a soft target distribution: still y − t
]


@pytest.mark.parametrize("scores, targets", SCORE_CASES)
def test_softmax_loss_backward_is_y_minus_t(scores, targets):
    ev = softmax_loss_graph(scores, targets).evaluate()
    a, t = np.array(scores, dtype=float), np.array(targets, dtype=float)
    y = np.exp(a - a.max())
    y /= y.sum()
    assert ev.output == "L"
    assert ev.output_value == pytest.approx(float(-(t * np.log(y)).sum()), rel=1e-12)
    for k in range(len(a)):
        assert ev.value(f"y{k + 1}") == pytest.approx(y[k], rel=1e-12)
        assert ev.grad(f"a{k + 1}") == pytest.approx(y[k] - t[k], rel=1e-9, abs=1e-15)
        assert ev.grad(f"t{k + 1}") == pytest.approx(-math.log(y[k]), rel=1e-12)  # L is linear in t
    rows = softmax_check(ev)
    assert [r[2] for r in rows] == [ev.grad(f"a{k + 1}") for k in range(len(a))]
    assert [r[3] for r in rows] == pytest.approx(list(y - t), abs=1e-15)
    # central differences on the scores
    h = 1e-6
    for k in range(len(a)):
        plus = softmax_loss_graph(scores, targets).evaluate({f"a{k + 1}": a[k] + h}).output_value
        minus = softmax_loss_graph(scores, targets).evaluate({f"a{k + 1}": a[k] - h}).output_value
        assert ev.grad(f"a{k + 1}") == pytest.approx((plus - minus) / (2 * h), abs=1e-8)


def test_softmax_graph_has_every_scalar_node_and_the_exponentials_add_two_paths():
    ev = softmax_loss_graph().evaluate()
    ops = [n.op for n in ev.nodes if not n.is_leaf]
    assert ops.count("exp") == 3 and ops.count("log") == 3 and ops.count("recip") == 1
    assert ops.count("mul") == 6 and ops.count("add") == 2 and ops.count("scale") == 1
    # e1 feeds the sum S and the product y1 = e1·r: two contributions add up to its gradient
    e1_edges = [e for s in ev.steps for e in s.edges if e.source == "e1"]
    assert [(e.share, e.fanout) for e in e1_edges] == [(1, 2), (2, 2)]
    assert e1_edges[0].before == 0.0
    assert e1_edges[1].before == e1_edges[0].after
    assert e1_edges[1].after == pytest.approx(e1_edges[0].sent + e1_edges[1].sent, rel=1e-15)
    assert ev.grad("e1") == e1_edges[1].after
    # r = 1/S feeds three products: ∂L/∂r = Σ_k ∂L/∂y_k · e_k
    r_edges = [e for s in ev.steps for e in s.edges if e.source == "r"]
    assert [e.share for e in r_edges] == [1, 2, 3]
    expected = sum(ev.grad(f"y{k}") * ev.value(f"e{k}") for k in (1, 2, 3))
    assert ev.grad("r") == pytest.approx(expected, rel=1e-14)
    # the seed's line 3: ∂L/∂log(y_k) = −t_k
    assert [ev.grad(f"l{k}") for k in (1, 2, 3)] == [0.0, 0.0, -1.0]


@pytest.mark.parametrize("scores, targets, words", [
    ((1.0,), (1,), "2 to 5 scores"),
    ((1, 2, 3, 4, 5, 6), (0, 0, 0, 0, 0, 1), "2 to 5 scores"),
    ((1, 2, 3), (0, 1), "need 3 targets"),
    ((1, 2, 3), (0, 1, 1), "add up to 2"),
    ((1, 2, 3), (-0.5, 0.5, 1), "negative"),
])
def test_softmax_refuses_bad_inputs(scores, targets, words):
    with pytest.raises(GraphError, match=words):
        softmax_loss_graph(scores, targets)


def test_softmax_underflow_to_log_zero_is_refused_naming_the_node():
    with pytest.raises(GraphError, match="l1") as info:
        softmax_loss_graph((-700.0, 700.0), (1, 0)).evaluate()
    assert info.value.node in ("l1", "e2")


# ---------------------------------------------------------------------------------------------- the Graph
def test_a_value_used_twice_adds_its_gradients():
    g = Graph("square-plus")
    x = g.input("x", 3.0)
    sq = g.mul(x, x, name="sq")  # x·x: two edges from x into one node
    g.add(sq, x, name="out")  # and x once more
    ev = g.evaluate()
    assert ev.output_value == 12.0
    assert ev.grad("x") == 7.0  # 2x + 1
    x_edges = [e for s in ev.steps for e in s.edges if e.source == "x"]
    assert [e.sent for e in x_edges] == [1.0, 3.0, 3.0]
    assert [e.after for e in x_edges] == [1.0, 4.0, 7.0]
    assert [(e.share, e.fanout) for e in x_edges] == [(1, 3), (2, 3), (3, 3)]
    assert ev.node("x").consumers == ("sq", "sq", "out")


def test_every_operation_against_central_differences():
    g = Graph("all-ops")
    a, b, c = g.input("a", 1.3), g.input("b", -0.4), g.input("c", 2.2)
    u1 = g.op("sub", (a, b), "u1")
    u2 = g.op("div", (u1, c), "u2")
    u3 = g.scale(u2, 2.5, name="u3")
    u4 = g.shift(u3, -0.3, name="u4")
    u5 = g.exp(u4, name="u5")
    u6 = g.log(c, name="u6")
    u7 = g.recip(u6, name="u7")
    u8 = g.add(u5, u7, a, name="u8")
    g.mul(u8, b, name="f")
    ev = g.evaluate()
    by_hand = (math.exp(2.5 * (1.3 + 0.4) / 2.2 - 0.3) + 1 / math.log(2.2) + 1.3) * -0.4
    assert ev.output_value == pytest.approx(by_hand, rel=1e-15)
    h = 1e-6
    for leaf, value in (("a", 1.3), ("b", -0.4), ("c", 2.2)):
        plus = g.evaluate({leaf: value + h}).output_value
        minus = g.evaluate({leaf: value - h}).output_value
        assert ev.grad(leaf) == pytest.approx((plus - minus) / (2 * h), rel=1e-7), leaf


def test_forward_errors_name_the_node():
    g = Graph("bad")
    x = g.input("x", -2.0)
    g.log(x, name="logx")
    with pytest.raises(GraphError, match=r"logx: log\(−2\)") as info:
        g.evaluate()
    assert info.value.node == "logx"
    g = Graph("zero")
    g.recip(g.input("z", 0.0), name="inv")
    with pytest.raises(GraphError, match="inv: division by zero"):
        g.evaluate()
    g = Graph("big")
    g.exp(g.input("x", 800.0), name="e")
    with pytest.raises(GraphError, match="overflows"):
        g.evaluate()


def test_building_mistakes_are_refused():
    g = Graph("g")
    x = g.input("x", 1.0)
    with pytest.raises(GraphError, match="unique"):
        g.input("x", 2.0)
    with pytest.raises(GraphError, match="does not exist"):
        g.mul(x, "nope", name="m")
    with pytest.raises(GraphError, match="unknown operation"):
        g.op("power", (x, x), "p")
    with pytest.raises(GraphError, match="takes 1 inputs"):
        g.op("tanh", (x, x), "t")
    with pytest.raises(GraphError, match="finite"):
        g.input("y", float("nan"))
    with pytest.raises(GraphError, match="not leaves"):
        g.evaluate({"q": 1.0})
    with pytest.raises(GraphError, match="no built-in graph"):
        builtin("nope")


def test_json_shape():
    d = sigmoid_graph(0.5).evaluate().to_dict()
    assert d["graph"] == "sigmoid"
    assert d["output"] == pytest.approx(1 / (1 + math.exp(-0.5)))
    assert [n["name"] for n in d["nodes"]] == ["x", "x1", "x2", "x3", "y"]
    assert set(d["nodes"][0]) >= {"name", "op", "inputs", "value", "grad"}
    assert [s["node"] for s in d["steps"]] == ["y", "x3", "x2", "x1"]
    assert set(d["steps"][0]["edges"][0]) >= {"input", "formula", "local", "sent"}


def test_format_number():
    assert format_number(-0.19661193324148188) == "−0.196612"
    assert format_number(1e-5) == "1e-05"
    assert format_number(-0.0) == "0"
    assert format_number(700.0) == "700"


# ---------------------------------------------------------------------------------------------- numbers out of range
def one_op_graph(op: str, values, param=None) -> Graph:
    g = Graph(op)
    leaves = [g.input(f"x{k}", v) for k, v in enumerate(values, 1)]
    g.op(op, leaves, "out", param)
    return g


@pytest.mark.parametrize("op, values, param", [
    ("add", (1e308, 1e308), None),
    ("sub", (1e308, -1e308), None),
    ("mul", (1e200, 1e200), None),
    ("div", (1e300, 1e-300), None),
    ("scale", (1e300,), 1e10),
    ("shift", (1e308,), 1e308),
    ("exp", (1000.0,), None),
    ("recip", (1e-320,), None),
])
def test_a_forward_value_that_overflows_is_refused_naming_the_node(op, values, param):
    with pytest.raises(GraphError, match="node out: .* overflows") as info:
        one_op_graph(op, values, param).evaluate()
    assert info.value.node == "out"


@pytest.mark.parametrize("op, values", [
    ("div", (1.0, 1e-200)),  # −a/b²: b² underflowed to 0 and the division raised ZeroDivisionError
    ("recip", (1e-200,)),  # −1/x², the same
    ("log", (1e-320,)),  # 1/x of a subnormal number is inf
])
def test_a_local_derivative_that_overflows_is_refused_naming_the_node(op, values):
    with pytest.raises(GraphError, match="node out: the local derivative .* too large for a float64") as info:
        one_op_graph(op, values).evaluate()
    assert info.value.node == "out"


def test_a_local_derivative_is_exact_where_the_square_of_the_divisor_underflows():
    ev = one_op_graph("div", (1e-200, 1e-200)).evaluate()  # ∂(a/b)/∂b = −a/b² = −1e200
    assert ev.grad("x2") == pytest.approx(-1e200, rel=1e-15)
    assert one_op_graph("recip", (1e-150,)).evaluate().grad("x1") == pytest.approx(-1e300, rel=1e-15)


def test_a_gradient_sent_down_an_edge_that_overflows_is_refused_naming_the_node():
    g = Graph("sent")
    x, y = g.input("x", 1e-300), g.input("y", 1e300)
    u = g.log(x, name="u")  # upstream ∂f/∂u = y = 1e300, local 1/x = 1e300: the product overflows
    g.mul(u, y, name="f")
    with pytest.raises(GraphError, match="node u: the gradient it sends to x") as info:
        g.evaluate()
    assert info.value.node == "u"


def test_a_gradient_summed_over_edges_that_overflows_is_refused_naming_the_leaf():
    g = Graph("sum")
    x, a, b = g.input("x", 1e-10), g.input("a", 1e308), g.input("b", 1e308)
    g.add(g.mul(x, a, name="xa"), g.mul(x, b, name="xb"), name="f")  # ∂f/∂x = a + b = 2e308
    with pytest.raises(GraphError, match="node x: its gradient summed over the edges") as info:
        g.evaluate()
    assert info.value.node == "x"


@pytest.mark.parametrize("graph, node, words", [
    (lambda: softmax_loss_graph((-800.0, -800.0, -800.0), (0, 0, 1)), "r", "S underflowed to 0"),
    (lambda: softmax_loss_graph((-750.0, 0.0), (1, 0)), "l1", "y1 underflowed to 0"),
])
def test_a_division_or_log_of_an_underflowed_number_says_so(graph, node, words):
    with pytest.raises(GraphError, match=words) as info:
        graph().evaluate()
    assert info.value.node == node


EXTREMES = (1e-320, -1e-200, 1e-160, 1e-5, 1.0, -3.0, 700.0, -745.0, 1e154, -1e200, 1e308)


@pytest.mark.parametrize("x", EXTREMES)
@pytest.mark.parametrize("y", EXTREMES)
def test_every_graph_of_extreme_numbers_is_finite_or_refused_naming_a_node(x, y):
    """The rule: a forward value, local derivative or gradient that is not a finite float64 is a GraphError
    naming the node; what evaluates shows finite numbers only."""
    builders = [lambda: sigmoid_graph(x), lambda: softmax_loss_graph((x, y), (0, 1)),
                lambda: shopping_graph(x, y, y, x, x)]
    for op in ("add", "sub", "mul", "div", "exp", "log", "recip"):
        builders.append(lambda op=op: one_op_graph(op, (x, y) if op in ("add", "sub", "mul", "div") else (x,)))
    for build in builders:
        try:
            ev = build().evaluate()
        except GraphError as exc:
            assert exc.node is not None and f"{exc.node}" in str(exc), str(exc)
            continue
        numbers = [v for n in ev.nodes for v in (n.value, n.grad)]
        numbers += [v for s in ev.steps for e in s.edges for v in (s.upstream, e.local, e.sent, e.before, e.after)]
        assert all(math.isfinite(v) for v in numbers), ev.to_dict()
