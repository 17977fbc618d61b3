"""The computation-graph page's model: each graph keeps its last good evaluation and its step."""

import pytest

from bpviz.engine.expression import evaluate_expression
from bpviz.engine.graph_builtins import shopping_graph
from bpviz.models.graph import GraphModel


def recorder(model):
    heard = []
    for event in GraphModel.EVENTS:
        model.subscribe(event, lambda event=event: heard.append(event))
    return heard


def test_a_graph_rebuilt_with_the_same_nodes_keeps_its_step_and_another_starts_over():
    model = GraphModel("shopping")
    model.put("shopping", shopping_graph().evaluate())
    model.put("expression", evaluate_expression("x * y", {"x": 2, "y": 3}))
    heard = recorder(model)
    model.set_position(2)
    assert model.position == 2 and heard == ["position"]
    model.put("shopping", shopping_graph().evaluate({"jacket_price": 500}))  # new numbers, the same nodes
    assert model.position == 2 and model.evaluation.output_value == pytest.approx(0.7 * (500 + 600))
    assert heard == ["position", "shown"]
    model.choose("expression")
    model.set_position(0)
    model.put("expression", evaluate_expression("x * y + exp(x)", {"x": 2, "y": 3}))  # other nodes: from the start
    assert model.position == -1
    model.choose("shopping")
    assert model.position == 2  # found as it was


def test_steps_are_clamped_and_only_a_new_one_is_announced():
    model = GraphModel("expression")
    model.put("expression", evaluate_expression("x * y", {"x": 2, "y": 3}))
    heard = recorder(model)
    model.set_position(99)
    assert model.position == len(model.evaluation.steps) - 1
    model.set_position(99)
    model.set_position(-7)
    assert model.position == -1 and heard == ["position", "position"]
    with pytest.raises(KeyError):
        model.choose("sigmoid")
