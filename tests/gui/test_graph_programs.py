"""Programs on the computation-graph page (issue 16): micrograd's neuron and tests and Saito's apples as built-in
graphs with their published numbers, programs typed over several lines (Shift+Enter) with each statement boxed by
its name, a refusal that names the line, and a built-in program copied into "Your expression"."""

import pytest
from PySide6.QtCore import Qt

from bpviz.gui.pages.graph import GraphPage


@pytest.fixture
def page(qtbot):
    p = GraphPage()
    qtbot.addWidget(p)
    p.resize(1280, 760)
    p.show()
    p.set_active(True)
    qtbot.waitExposed(p)
    return p


def choose(page, title):
    index = page.chooser.findText(title)
    assert index >= 0, title
    page.chooser.setCurrentIndex(index)


def node(page, name):
    return {n.name: n for n in page.model.evaluation.nodes}[name]


def test_the_lecture_neuron_gives_its_published_output_and_gradients(page):
    choose(page, "Neuron (micrograd)")
    ev = page.model.evaluation
    assert ev.output_value == pytest.approx(0.7071, abs=5e-5)
    grads = {name: node(page, name).grad for name in ("x1", "w1", "x2", "w2", "b")}
    assert grads == pytest.approx({"x1": -1.5, "w1": 1.0, "x2": 0.5, "w2": 0.0, "b": 0.5}, abs=1e-6)
    page.run_all()
    assert page.view.highlighted_node() is not None or page.model.position == len(ev.steps) - 1
    assert page.view.group_boxes() == {}  # one node a statement: each node carries its statement's name


def test_micrograd_more_ops_and_apples(page):
    choose(page, "micrograd more ops")
    assert page.model.evaluation.output_value == pytest.approx(24.70408163265306, rel=1e-12)
    assert node(page, "a").grad == pytest.approx(138.83381924198252, rel=1e-12)
    assert node(page, "b").grad == pytest.approx(645.5772594752186, rel=1e-12)
    choose(page, "micrograd sanity check")
    assert page.model.evaluation.output_value == -20.0 and node(page, "x").grad == 46.0
    choose(page, "Apples")
    assert page.model.evaluation.output_value == pytest.approx(220.0)


def test_a_program_typed_over_several_lines_draws_with_its_statements_boxed(page, qtbot):
    choose(page, "Your expression")
    form = page.forms["expression"]
    field = form.expression
    field.selectAll()
    qtbot.keyClick(field, Qt.Key_Delete)
    for k, line in enumerate(("c = a + b", "d = c ** 2", "e = tanh(d) * a")):
        if k:
            qtbot.keyClick(field, Qt.Key_Return, Qt.ShiftModifier)  # a new line, not Draw
        qtbot.keyClicks(field, line)
    form.values.setText("a=0.5, b=-1")
    qtbot.keyClick(field, Qt.Key_Return)
    ev = page.model.evaluation
    assert field.text().count("\n") == 2 and not form.error_message
    assert set(page.view.group_boxes()) == {"e"}  # the statement of two nodes; c and d are one node each
    c, d = 0.5 - 1, (0.5 - 1) ** 2
    import math
    assert ev.output_value == pytest.approx(math.tanh(d) * 0.5, rel=1e-12)
    assert node(page, "b").grad == pytest.approx(0.5 * (1 - math.tanh(d) ** 2) * 2 * c, rel=1e-12)


def test_a_mistake_in_line_3_is_named_and_marked_and_the_graph_stays(page, qtbot):
    choose(page, "Your expression")
    form = page.forms["expression"]
    before = page.model.evaluation
    form.set_expression("a = 1\nb = a * 2\nc = b * * a", "")
    assert "line 3, column" in form.error_message
    assert page.model.evaluation is before
    assert "<tt>c = b * <span" in form.error_label.text()  # the culprit's line, its character marked


def test_edit_a_copy_opens_the_program_as_ones_own(page):
    choose(page, "micrograd sanity check")
    page.forms["micrograd_sanity"].edit.click()
    assert page.key == "expression"
    assert page.forms["expression"].expression.text().startswith("x = -4.0")
    assert page.model.evaluation.output_value == -20.0
