"""Keyboard only (issue 17): the worked example is stepped and a weight edited without the mouse; the diagram's
arrow keys move its cursor (and do not step the pass); a screen reader is told the element under the cursor;
the playground's settings are reachable with Tab and named."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from bpviz.engine.naming import NetworkNames
from bpviz.gui.widgets.diagram.keys import columns, describe, move
from bpviz.models.example import ExampleModel


@pytest.fixture
def window(window):
    window.activateWindow()  # the keys go to the focused widget of the active window
    return window


def focused() -> QWidget:
    return QApplication.focusWidget()


def press(key, times=1, modifier=Qt.NoModifier) -> None:
    for _ in range(times):
        QTest.keyClick(focused(), key, modifier)


def tab_until(qtbot, condition, limit=80) -> int:
    """Press Tab until ``condition(focus widget)``; the number of presses (fails after ``limit``)."""
    for n in range(1, limit + 1):
        press(Qt.Key_Tab)
        if condition(focused()):
            return n
    raise AssertionError(f"not reached with {limit} Tabs (focus on {focused()!r})")


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader says for a widget (its accessible name, else what Qt infers: a buddy label's
    text, a button's text)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Name) if iface is not None else ""


# ------------------------------------------------------------------ the cursor's moves and words (no widgets)
def test_the_arrow_keys_follow_the_edges_of_the_worked_example():
    names = NetworkNames((2, 2, 2), shared_biases=True)
    assert columns(names) == [["i1", "i2"], ["w1", "w2", "w3", "w4", "b1"], ["h1", "h2"],
                              ["w5", "w6", "w7", "w8", "b2"], ["o1", "o2"]]
    path, at = [], None
    for key in ("home", "right", "right", "right", "down", "right", "left", "left", "up", "end", "home"):
        at = move(names, at, key)
        path.append(at)
    assert path == ["i1", "w1", "h1", "w5", "w6", "o1", "w5", "h1", "h1", "o2", "i1"]
    assert move(names, "w3", "left") == "i1" and move(names, "w3", "right") == "h2"
    assert move(names, "h2", "left") == "w3" and move(names, "i2", "right") == "w2"
    assert move(names, "b1", "right") == "h1" and move(names, "b1", "up") == "w4"
    assert move(names, "o1", "right") == "o1" and move(names, "i1", "left") == "i1"  # the ends stay put


def test_the_description_says_the_numbers_as_the_diagram_shows_them():
    model = ExampleModel()
    trace = model.trace
    before = model.diagram_state(-1)
    assert describe(before, "w5") == "weight w5, 0.4, from h1 to o1, Enter edits"
    assert describe(before, "b1") == "bias b1, 0.35, to h1, h2, Enter edits"
    assert describe(before, "i2") == "input neuron i2, 0.1"
    assert describe(before, "h1") == "neuron h1, not computed yet"
    assert describe(before, "E") == ""
    forward = model.diagram_state(trace.index("out_h1"))
    assert describe(forward, "h1") == "neuron h1, net 0.3775, out 0.5933"
    backward = model.diagram_state(trace.index("dE/dw5"))
    assert describe(backward, "w5").startswith("weight w5, 0.4, gradient 0.08217, from h1 to o1")
    done = model.diagram_state(len(trace) - 1)
    assert "new value 0.3589" in describe(done, "w5")
    assert describe(done, "o1").startswith("output neuron o1, net 1.106, out 0.7514")
    assert describe(done, "o1").endswith("target 0.01")


# ------------------------------------------------------------------ the worked example, keyboard only
def test_the_worked_example_is_edited_and_stepped_with_the_keyboard_only(qtbot, window):
    page, diagram = window.example, window.example.diagram
    stepper = page.stepper
    assert window.tabs.currentWidget() is page
    assert diagram.accessibleName() == "Network diagram"
    window.tabs.tabBar().setFocus(Qt.TabFocusReason)  # the window's first control: the pages' tabs
    qtbot.waitUntil(lambda: focused() is window.tabs.tabBar())
    tab_until(qtbot, lambda w: w is diagram)
    assert diagram.cursor() == "i1"  # the cursor starts at the first input
    assert diagram.accessibleDescription().startswith("input neuron i1, 0.05")

    press(Qt.Key_Right, 3)  # i1 → w1 → h1 → w5: the arrows move the cursor, they do not step the pass
    assert diagram.cursor() == "w5"
    assert diagram.accessibleDescription().startswith("weight w5, 0.4,")
    assert QAccessible.queryAccessibleInterface(diagram).text(QAccessible.Description).startswith("weight w5")
    press(Qt.Key_Left)
    press(Qt.Key_Right)
    press(Qt.Key_Home)
    press(Qt.Key_End)
    assert stepper.position() == -1  # Left, Right, Home and End were the diagram's keys, not the stepper's
    assert diagram.cursor() == "o2"
    press(Qt.Key_Left)  # o2 → w7 (its first edge in), Up → w6, Up → w5
    press(Qt.Key_Up, 2)
    assert diagram.cursor() == "w5"

    press(Qt.Key_Return)  # Enter edits, as a click does
    assert diagram.editing() == "w5" and focused() is diagram.editor
    QTest.keyClicks(diagram.editor, "0.5")  # the old value is selected: typing replaces it
    press(Qt.Key_Return)
    assert diagram.editing() is None and focused() is diagram
    assert page.model.params.to_dict()["w5"] == 0.5
    assert "w5 = 0.5" in diagram.label_text("w5")
    assert diagram.accessibleDescription().startswith("weight w5, 0.5,")

    press(Qt.Key_F2)  # F2 too; Esc cancels and gives the focus back to the diagram
    QTest.keyClicks(diagram.editor, "9")
    press(Qt.Key_Escape)
    assert diagram.editing() is None and focused() is diagram
    assert page.model.params.to_dict()["w5"] == 0.5
    press(Qt.Key_Return)
    QTest.keyClicks(diagram.editor, "0.4")  # back to the published value
    press(Qt.Key_Return)
    assert page.model.params.to_dict()["w5"] == 0.4

    press(Qt.Key_Tab)  # Tab leaves the diagram; the cursor stays where it was
    assert focused() is not diagram and diagram.cursor() == "w5"
    tab_until(qtbot, lambda w: w is stepper.buttons["next"])
    press(Qt.Key_Space)  # the Next button, pressed with Space
    assert stepper.position() == 0
    target = stepper.trace().index("dE/dw5")
    press(Qt.Key_Right, target)  # away from the diagram, Right is Next again
    assert stepper.position() == target
    assert stepper.current_step().phase == "backward"
    assert "gradient 0.08217" in diagram.accessibleDescription()  # kept up to date for when it comes back
    press(Qt.Key_Left)
    assert stepper.position() == target - 1
    assert "gradient" not in diagram.accessibleDescription()


def test_the_diagram_shows_a_focus_frame_and_a_cursor(qtbot, window):
    diagram = window.example.diagram
    diagram.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(diagram.hasFocus)
    diagram.set_cursor("w5")
    item = diagram._drawing.cursor_item
    assert item is not None and item.isVisible() and item.pen().style() == Qt.DashLine
    assert diagram.frameWidth() > 0  # room for the focus frame
    window.example.stepper.buttons["next"].setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(lambda: not diagram.hasFocus())
    assert not item.isVisible()  # the cursor shows only while the diagram has the keys


def test_the_step_panel_controls_are_named(window):
    page = window.example
    for widget in [*page.stepper.buttons.values(), page.stepper.findChild(QWidget, "stepper_steps"), page.diagram]:
        assert spoken_name(widget), widget.objectName()
    for field in page.params.findChildren(QLineEdit):
        assert spoken_name(field) or any(lab.buddy() is field for lab in page.params.findChildren(QLabel))


# ------------------------------------------------------------------ the playground
@pytest.fixture
def playground(window, qtbot):
    window.tabs.setCurrentWidget(window.playground)
    qtbot.waitUntil(lambda: window.playground.isVisible())
    return window.playground


def _tab_cycle(start: QWidget, limit=400) -> list[QWidget]:
    start.setFocus(Qt.TabFocusReason)
    seen = [start]
    for _ in range(limit):
        press(Qt.Key_Tab)
        if focused() in seen:
            break
        seen.append(focused())
    return seen


def test_every_playground_setting_is_reachable_by_tab_and_named(playground, qtbot):
    controls = playground.controls
    first = controls.findChild(QComboBox, "lr_combo")
    cycle = _tab_cycle(first)
    names = {w.objectName() for w in cycle}
    for key in ("lr_combo", "activation_combo", "regularization_combo", "reg_rate_combo", "loss_combo",
                "ratio_slider", "noise_slider", "batch_slider", "points_spin", "seed_spin", "new_seed",
                "feature_x1", "add_layer", "remove_layer", "neuron_plus_0", "playground_diagram",
                "history_slider"):
        assert key in names, key
    assert any(n.startswith("dataset_") for n in names)
    kinds = (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit)
    for widget in cycle:
        if controls.isAncestorOf(widget) and isinstance(widget, kinds):
            name = spoken_name(widget)
            assert name and name not in ("+", "−", "-"), (widget.objectName(), name)


def test_arrows_in_the_playground_diagram_do_not_step(playground, qtbot):
    diagram = playground.diagram
    steps = []
    playground.step_action.triggered.connect(lambda: steps.append(1))
    diagram.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(diagram.hasFocus)
    assert diagram.cursor() == "i1"  # the focus puts the cursor on the first input
    press(Qt.Key_Right)
    assert steps == [] and diagram.cursor() == "w1"
    assert diagram.accessibleDescription().startswith("weight w1, ")
    press(Qt.Key_Down)
    assert diagram.cursor() == "w2"
    press(Qt.Key_Tab)
    assert not diagram.hasFocus()


def test_space_presses_the_focused_playground_button(playground, qtbot):
    plays = []
    playground.play_action.triggered.connect(lambda: plays.append(1))
    button = playground.controls.findChild(QAbstractButton, "new_seed")
    seed = playground.controls.findChild(QAbstractSpinBox, "seed_spin")
    before = seed.value()
    button.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    press(Qt.Key_Space)
    qtbot.waitUntil(lambda: seed.value() != before)
    assert plays == []


def test_the_graph_view_is_named_and_says_the_current_step(qtbot):
    from bpviz.gui.pages.graph import GraphPage

    page = GraphPage()
    qtbot.addWidget(page)
    view = page.findChild(QWidget, "graph_view")
    assert view.accessibleName() == "Computation graph"
    view.set_position(-1)
    assert view.accessibleDescription().startswith("before the backward pass")
    view.set_position(0)
    step = view.evaluation.steps[0]
    assert view.accessibleDescription().startswith(f"step 1 of {len(view.evaluation.steps)}: node {step.node}, ")
    assert "gradient 1" in view.accessibleDescription()  # the output's own gradient


def test_the_cursor_is_not_in_an_exported_picture_nor_after_a_click(window, qtbot, tmp_path):
    from PySide6.QtGui import QImage, QPainter

    diagram = window.example.diagram
    diagram.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(diagram.hasFocus)
    rect = diagram.sceneRect()

    def render() -> QImage:
        image = QImage(int(rect.width()), int(rect.height()), QImage.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        diagram.scene().render(painter)
        painter.end()
        return image

    without = render()
    diagram.set_cursor("w5")
    assert diagram._drawing.cursor_item.isVisible()
    assert render() == without  # scene.render (what exports use) leaves the cursor out
    diagram.clearFocus()
    diagram.setFocus(Qt.MouseFocusReason)  # a click gives the focus: no frame, no cursor until a key
    qtbot.waitUntil(diagram.hasFocus)
    assert not diagram._drawing.cursor_item.isVisible()
    press(Qt.Key_Down)
    assert diagram._drawing.cursor_item.isVisible() and diagram.cursor() == "w6"


def test_focus_passed_on_by_a_widget_that_hides_leaves_the_arrows_to_the_page(window, qtbot):
    """Qt gives the focus of a widget that hides to the next one in the Tab chain, with Tab's reason: the diagram
    got it as if tabbed into, took the arrow keys and drew its cursor, though no key was pressed."""
    page = window.example
    diagram = page.diagram
    before = diagram.previousInFocusChain()
    while not (before.focusPolicy() & Qt.TabFocus and before.isVisible()):
        before = before.previousInFocusChain()
    before.setFocus(Qt.MouseFocusReason)
    before.hide()
    qtbot.waitUntil(lambda: focused() is diagram, timeout=2000)
    assert not diagram.property("keyboardFocus")
    item = diagram._drawing.cursor_item
    assert item is None or not item.isVisible()
    position = page.stepper.position()
    press(Qt.Key_Right)  # the page's Next
    assert page.stepper.position() == position + 1
    before.show()
    before.setFocus(Qt.MouseFocusReason)
    press(Qt.Key_Tab)  # tabbed into: now the arrows are the diagram's
    assert focused() is diagram and diagram.property("keyboardFocus")
    press(Qt.Key_Right)
    assert page.stepper.position() == position + 1


def test_every_control_a_tab_reaches_has_a_name_for_screen_readers(window, qtbot):
    """On each of the pages (both sources of the trajectories and the landscape, every graph of the computation
    graph page), every visible widget that Tab stops at has an accessible name (its own, a buddy label's text or a
    button's text): a screen reader says what it is. A spin box's line edit and a view's viewport are parts of a
    named widget."""
    from PySide6.QtWidgets import QAbstractScrollArea

    unnamed, checked = set(), 0

    def look(where: str, page: QWidget) -> None:
        nonlocal checked
        qtbot.wait(20)
        for widget in page.findChildren(QWidget):
            parent = widget.parentWidget()
            if (not widget.isVisible() or not widget.focusPolicy() & Qt.TabFocus
                    or isinstance(parent, QAbstractSpinBox)
                    or isinstance(parent, QAbstractScrollArea) and widget is parent.viewport()):
                continue
            checked += 1
            if not spoken_name(widget).strip():
                unnamed.add(f"{where}: {type(widget).__name__}#{widget.objectName()}")

    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        look(window.tabs.tabText(index), window.tabs.widget(index))
    for name in ("trajectories", "landscape"):
        window.show_page(name)
        window.page(name).show_source("playground")
        look(f"{name} (playground)", window.page(name))
    graph = window.page("graph")
    window.show_page("graph")
    for key in range(graph.chooser.count()):
        graph.chooser.setCurrentIndex(key)
        look(f"graph {key}", graph)
    assert not unnamed, "\n".join(sorted(unnamed))
    assert checked > 100
