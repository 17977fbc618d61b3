"""The computation-graph page driven as a user drives it: the chooser, the input fields, the step buttons and
keys, clicks on the step list and on the drawing; the numbers read back from the labels and the edge texts
are worked out by hand or with math in this file."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from bpviz.engine.expression import evaluate_expression, parse_values
from bpviz.engine.graph_builtins import shopping_graph, sigmoid_graph, softmax_loss_graph
from bpviz.gui.pages.graph import GraphPage
from bpviz.gui.widgets.graph.inputs import EXAMPLES
from bpviz.gui.widgets.graph.layout import OUTPUT_STUB
from bpviz.gui.widgets.graph.view import GraphView


@pytest.fixture
def page(qtbot):
    p = GraphPage()
    qtbot.addWidget(p)
    p.resize(1280, 760)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is p)  # its step shortcuts are window shortcuts
    p.set_active(True)
    return p


def plain_text(html: str) -> str:
    """What a rich-text label shows, as Qt itself reads the HTML."""
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText().replace("\u2029", "\n").replace("\u00a0", " ").replace("\u2060", "")


def explanation(page) -> str:
    return plain_text(page.explanation.text())


def check(page) -> str:
    return plain_text(page.check.text())


def click(qtbot, page, key, times=1):
    for _ in range(times):
        qtbot.mouseClick(page.buttons[key], Qt.LeftButton)


def choose(page, title):
    index = page.chooser.findText(title)
    assert index >= 0
    page.chooser.setCurrentIndex(index)


def type_into(qtbot, field, text):
    field.selectAll()
    qtbot.keyClick(field, Qt.Key_Delete)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key_Return)


# ---------------------------------------------------------------------------------------------- shopping
def test_shopping_shows_forward_values_first(page):
    assert page.chooser.currentText() == "Shopping"
    edges = page.view.edge_texts()
    assert edges[("jacket_cost", 0)] == ("400", "")  # price into jacket_price·jacket_count
    assert edges[("trousers_cost", 1)] == ("2", "")
    assert edges[("subtotal", 1)] == ("600", "")
    assert edges[("total", 0)] == ("1000", "")
    assert edges[("total", 1)] == ("0.7", "")
    assert edges[(OUTPUT_STUB, 0)] == ("700", "")
    assert "Forward pass done: total = 700" in explanation(page)
    assert not page.actions_by_key["previous"].isEnabled()
    assert page.actions_by_key["next"].isEnabled()


def test_shopping_backward_with_the_buttons(page, qtbot):
    click(qtbot, page, "next")
    text = explanation(page)
    assert "Step 1 of 4" in text
    # the chain rule in numbers: ∂total/∂subtotal = 1 · 0.7 and ∂total/∂discount = 1 · 1000
    assert "∂total/∂subtotal = ∂total/∂total · ∂total/∂subtotal = 1 · 0.7 = 0.7" in text
    assert "∂total/∂discount = ∂total/∂total · ∂total/∂discount = 1 · 1000 = 1000" in text
    edges = page.view.edge_texts()
    assert edges[(OUTPUT_STUB, 0)] == ("700", "1")
    assert edges[("total", 0)] == ("1000", "0.7")
    assert edges[("total", 1)] == ("0.7", "1000")
    assert edges[("subtotal", 0)] == ("400", "")  # not yet
    assert page.view.highlighted_node() == "total"
    assert page.view.leaf_gradient_text("discount") == "1000"
    assert page.view.leaf_gradient_text("jacket_price") == ""
    click(qtbot, page, "next", 3)
    assert "Step 4 of 4" in explanation(page)
    for leaf, grad in (("jacket_price", "0.7"), ("jacket_count", "280"), ("trousers_price", "1.4"),
                       ("trousers_count", "210"), ("discount", "1000")):
        assert page.view.leaf_gradient_text(leaf) == grad
    assert "Backward pass complete" in explanation(page)
    assert "one more jacket adds 280" in check(page)
    assert not page.actions_by_key["next"].isEnabled()
    click(qtbot, page, "reset")
    assert page.position == -1
    assert page.view.edge_texts()[("total", 0)] == ("1000", "")
    click(qtbot, page, "run_all")
    assert page.position == 3
    click(qtbot, page, "previous")
    assert page.position == 2 and page.view.highlighted_node() == "trousers_cost"


def test_changing_a_price_recomputes_and_keeps_the_step(page, qtbot):
    click(qtbot, page, "next", 2)
    type_into(qtbot, page.forms["shopping"].fields["jacket_price"], "500")
    assert page.evaluation.output_value == pytest.approx((500 + 600) * 0.7)
    assert page.position == 1  # same graph, same step
    assert page.view.edge_texts()[(OUTPUT_STUB, 0)][0] == "770"


def test_keyboard_shortcuts_step_only_while_active(page, qtbot):
    qtbot.keyClick(page, Qt.Key_Right)
    qtbot.keyClick(page, Qt.Key_Right)
    assert page.position == 1
    qtbot.keyClick(page, Qt.Key_Left)
    assert page.position == 0
    qtbot.keyClick(page, Qt.Key_End)
    assert page.position == 3
    qtbot.keyClick(page, Qt.Key_Home)
    assert page.position == -1
    page.set_active(False)
    assert not any(a.isEnabled() for a in page.actions_by_key.values())
    qtbot.keyClick(page, Qt.Key_Right)
    assert page.position == -1


def test_clicking_a_step_in_the_list_jumps_there(page, qtbot):
    tree = page.steps
    item = tree.topLevelItem(2)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=rect.center())
    assert page.position == 2
    assert "Step 3 of 4 · node trousers_cost" in explanation(page)
    assert item.text(1) == "0.7"  # its upstream gradient


def test_clicking_a_node_jumps_to_its_step(page, qtbot):
    view = page.view
    for name, step in (("subtotal", 1), ("discount", 0), ("jacket_cost", 3)):
        center = view.node_item(name).sceneBoundingRect().center()
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.mapFromScene(center))
        assert page.position == step, name


# ---------------------------------------------------------------------------------------------- sigmoid
def test_sigmoid_steps_to_y_times_one_minus_y(page, qtbot):
    choose(page, "Sigmoid")
    type_into(qtbot, page.forms["sigmoid"].x, "0.5")
    y = 1 / (1 + math.exp(-0.5))
    assert page.evaluation.output_value == pytest.approx(y)
    assert f"y(1 − y) = {y:.6g} · (1 − {y:.6g}) = {y * (1 - y):.6g}" in check(page)
    assert "✓" not in check(page)
    steps = []
    for _ in range(4):
        qtbot.keyClick(page, Qt.Key_Right)
        steps.append(page.view.highlighted_node())
    assert steps == ["y", "x3", "x2", "x1"]
    assert f"∂y/∂x from the backward pass: {y * (1 - y):.6g} ✓" in check(page)
    edges = page.view.edge_texts()
    assert edges[("x1", 0)] == ("0.5", f"{y * (1 - y):.4g}")  # x → ×(−1): the gradient reaching x
    assert edges[("x2", 0)] == ("−0.5", f"{-y * (1 - y):.4g}".replace("-", "−"))
    assert "∂y/∂x = ∂y/∂x1 · ∂x1/∂x" in explanation(page)


# ---------------------------------------------------------------------------------------------- softmax
def softmax(scores):
    exps = [math.exp(a) for a in scores]
    return [e / sum(exps) for e in exps]


def test_softmax_with_loss_ends_in_y_minus_t(page, qtbot):
    choose(page, "Softmax with loss")
    assert page.position == -1
    click(qtbot, page, "run_all")
    y = softmax([0.3, 2.9, 4.0])
    text = check(page)
    assert text.count("✓") == 3
    assert f"{y[2]:.6g} − 1 = {y[2] - 1:.6g}".replace("-", "−") in text
    assert page.view.leaf_gradient_text("a3") == f"{y[2] - 1:.4g}".replace("-", "−")
    form = page.forms["softmax_loss"]
    type_into(qtbot, form.scores, "1, 2, 3")
    type_into(qtbot, form.targets, "0, 1, 0")
    y = softmax([1, 2, 3])
    assert page.evaluation.output_value == pytest.approx(-math.log(y[1]))
    assert page.position == 15  # same shape: still at the end
    assert page.view.leaf_gradient_text("a2") == f"{y[1] - 1:.4g}".replace("-", "−")
    assert check(page).count("✓") == 3


def test_softmax_refuses_bad_targets_and_keeps_the_graph(page, qtbot):
    choose(page, "Softmax with loss")
    form = page.forms["softmax_loss"]
    before = page.evaluation
    type_into(qtbot, form.targets, "1, 1, 0")
    assert page.evaluation is before
    assert form.error_label.isVisible()
    assert "add up to 2" in plain_text(form.error_label.text())
    type_into(qtbot, form.scores, "1, x, 3")
    assert "'x' is not a number" in plain_text(form.error_label.text())
    type_into(qtbot, form.scores, "1, 2, 3")
    type_into(qtbot, form.targets, "1, 0, 0")
    assert not form.error_label.isVisible()
    assert page.evaluation.value("t1") == 1.0


# ---------------------------------------------------------------------------------------------- expressions
def test_an_expression_and_its_values(page, qtbot):
    choose(page, "Your expression")
    form = page.forms["expression"]
    type_into(qtbot, form.values, "x=3, y=1")
    type_into(qtbot, form.expression, "x*x + y")
    ev = page.evaluation
    assert ev.output_value == 10.0
    assert [n.name for n in ev.nodes if n.is_leaf] == ["x", "y"]
    click(qtbot, page, "next", 2)  # f = u1 + y, then u1 = x·x
    text = explanation(page)
    assert "x feeds 2 edges, so its gradients add up: ∂f/∂x = 0 + 3 = 3 (so far: 1 more edge to come)" in text
    assert "∂f/∂x = 3 + 3 = 6 (complete)" in text
    assert page.view.leaf_gradient_text("x") == "6"
    assert page.view.leaf_gradient_text("y") == "1"


def test_a_bad_expression_shows_the_message_and_keeps_the_graph(page, qtbot):
    choose(page, "Your expression")
    form = page.forms["expression"]
    before = page.evaluation
    edges_before = page.view.edge_texts()
    type_into(qtbot, form.expression, "(x + y) * foo(x)")
    assert page.evaluation is before
    assert page.view.edge_texts() == edges_before
    message = plain_text(form.error_label.text())
    assert form.error_label.isVisible()
    assert "Expression: column 11: unknown function foo()" in message
    assert "(x + y) * foo(x)" in message  # the text again, with the culprit marked
    type_into(qtbot, form.expression, "log(x - 2)")
    assert "log(0) is undefined" in plain_text(form.error_label.text())
    type_into(qtbot, form.expression, "__import__('os')")
    assert "'__' are not allowed" in plain_text(form.error_label.text())
    type_into(qtbot, form.values, "x=abc")
    assert "Values: column 3" in plain_text(form.error_label.text())
    assert page.evaluation is before
    type_into(qtbot, form.values, "x=2, y=-1, z=5")
    type_into(qtbot, form.expression, "x / y")
    assert not form.error_label.isVisible()
    assert page.evaluation.output_value == -2.0
    assert "Not used in the expression: z" in plain_text(form.note.text())


def test_a_value_used_twice_shows_its_sum_growing(page, qtbot):
    choose(page, "Your expression")  # (x + y) * exp(x) with x = 2, y = −1
    click(qtbot, page, "next", 2)  # f, then u2 = exp(x): the first of x's two edges
    e2 = math.exp(2)
    assert page.view.leaf_gradient_text("x") == f"{e2:.4g}…"  # not complete yet
    assert "(so far: 1 more edge to come)" in explanation(page)
    click(qtbot, page, "next")  # u1 = x + y: the second
    assert page.view.leaf_gradient_text("x") == f"{2 * e2:.4g}"
    assert page.view.leaf_gradient_text("y") == f"{e2:.4g}"


def test_an_example_from_the_menu(page, qtbot):
    choose(page, "Your expression")
    form = page.forms["expression"]
    action = next(a for a in form.examples.menu().actions() if a.text().startswith("x * x"))
    action.trigger()
    assert form.expression.text() == "x * x"
    assert page.evaluation.grad("x") == 6.0


def test_each_graph_keeps_its_own_step(page, qtbot):
    click(qtbot, page, "next", 2)
    choose(page, "Sigmoid")
    assert page.position == -1
    click(qtbot, page, "next")
    choose(page, "Shopping")
    assert page.position == 1 and page.view.highlighted_node() == "subtotal"
    choose(page, "Sigmoid")
    assert page.position == 0 and page.view.highlighted_node() == "y"


# ---------------------------------------------------------------------------------------------- the drawing
def overlaps(view):
    """Pairs of things on the drawing that cover each other: (label, label) and (label, node or caption)."""
    layout = view.layout
    labels = [(f"{k} {side}", r) for side, rects in (("above", layout.above), ("below", layout.below))
              for k, r in rects.items()]
    boxes = [(n, layout.node_rect(n)) for n in layout.specs] + [(f"caption {n}", r)
                                                                 for n, r in layout.captions.items()]
    found = [(a, b) for i, (a, ra) in enumerate(labels) for b, rb in labels[i + 1:] if ra.overlap(rb) > 0]
    # a label may touch the bounding box corner of a round node (the corner is not drawn): 15 % of its area
    found += [(a, b) for a, ra in labels for b, rb in boxes if ra.overlap(rb) > 0.15 * ra.width * ra.height]
    found += [(a, b) for i, (a, ra) in enumerate(boxes) for b, rb in boxes[i + 1:] if ra.overlap(rb) > 0]
    return found


@pytest.mark.parametrize("evaluation", [
    shopping_graph().evaluate(), sigmoid_graph(-3.0).evaluate(), sigmoid_graph(4.0).evaluate(),
    softmax_loss_graph().evaluate(), softmax_loss_graph((0.1, 0.2, 0.3, 0.4, 0.5), (0, 0, 0, 1, 0)).evaluate(),
    *[evaluate_expression(text, parse_values(values)) for text, values, _why in EXAMPLES],
], ids=lambda ev: ev.title[:24])
def test_labels_nodes_and_captions_do_not_cover_each_other(qtbot, evaluation):
    view = GraphView()
    qtbot.addWidget(view)
    view.set_evaluation(evaluation)
    assert overlaps(view) == []
    # every edge has both labels, the numbers shortened for the drawing
    assert len(view.layout.above) == sum(len(n.inputs) for n in evaluation.nodes) + 1
    assert all(len(fwd.replace("−", "").replace(".", "")) <= 6 for fwd, _g in view.edge_texts().values()
               if "e" not in fwd)


# ---------------------------------------------------------------------------------------------- in the window
def test_in_the_window_the_arrow_keys_step_the_shown_page_only(qtbot):
    from bpviz.gui.main_window import MainWindow

    window = MainWindow(QSettings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # window shortcuts need the active window
    window.show_page("graph")
    graph = next(p for p in window.lesson_pages if p.page_name == "graph")
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Computation graph"
    graph.view.setFocus()
    qtbot.keyClick(window, Qt.Key_Right)
    assert graph.position == 0
    assert window.example.stepper.position() == -1
    window.show_page("example")
    QApplication.processEvents()
    qtbot.keyClick(window, Qt.Key_Right)
    assert window.example.stepper.position() == 0
    assert graph.position == 0
    window.close()


def test_the_graph_shown_and_the_expression_come_back_in_the_next_run(qtbot, tmp_path):
    from bpviz.gui.main_window import MainWindow

    settings_file = str(tmp_path / "s.ini")
    first = MainWindow(QSettings(settings_file, QSettings.IniFormat))
    qtbot.addWidget(first)
    page = first.lesson_pages[0]
    page.choose("expression")
    page.forms["expression"].set_expression("a * log(b)", "a=3, b=2")
    assert page.evaluation.output_value == pytest.approx(3 * math.log(2))
    assert first.close()
    second = MainWindow(QSettings(settings_file, QSettings.IniFormat))
    qtbot.addWidget(second)
    page = second.lesson_pages[0]
    assert page.key == "expression" and page.chooser.currentText() == "Your expression"
    assert second.statusBar().currentMessage() == ""  # restored quietly: nothing said about a hidden page
    assert page.forms["expression"].expression.text() == "a * log(b)"
    assert page.evaluation.output_value == pytest.approx(3 * math.log(2))
    assert page.evaluation.grad("b") == pytest.approx(3 / 2)
    second.close()


def test_a_long_expression_is_refused_in_a_few_words_and_marked_near_the_culprit(page, qtbot):
    choose(page, "Your expression")
    form = page.forms["expression"]
    type_into(qtbot, form.values, "1" * 10_000)
    message = plain_text(form.error_label.text())
    assert "too long (10000 characters" in message and len(message) < 200
    type_into(qtbot, form.values, "x=2, y=-1")
    form.expression.setText("x + " + "y" * 300 + " $ 1")  # the marker shows the culprit and a few characters
    qtbot.keyClick(form.expression, Qt.Key_Return)
    message = plain_text(form.error_label.text())
    assert "unexpected character '$'" in message
    assert "…" + "y" * 15 + " $ 1" in message and len(message) < 200
    assert form.error_label.minimumSizeHint().width() <= 80
    assert page.minimumSizeHint().width() < 1000


def test_softmax_scores_of_ten_thousand_characters_are_quoted_shortened(page, qtbot):
    choose(page, "Softmax with loss")
    form = page.forms["softmax_loss"]
    form.scores.setText("é" * 10_000)
    qtbot.keyClick(form.scores, Qt.Key_Return)
    message = plain_text(form.error_label.text())
    assert "(10,000 characters) is not a number" in message and len(message) < 200
