"""The worked-example stepper panel, driven as a user drives it (pytest-qt)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from bpviz.engine import Network
from bpviz.engine.presets import ExampleParams, worked_example
from bpviz.engine.trace import trace_pass
from bpviz.gui import palette
from bpviz.gui.formula import MINUS, name_html, plain_text, to_html
from bpviz.gui.widgets.controls.stepper import StepperPanel

# The published worked example (DESIGN.md "Reference numbers")
# (as printed there, to as many decimals as printed: the shown value rounds to them)
PUBLISHED = {
    "out_h1": "0.593269992", "out_h2": "0.596884378", "out_o1": "0.75136507", "out_o2": "0.772928465",
    "E_total": "0.298371109", "dE/dw5": "0.082167041", "dE/dw1": "0.000438568",
    "w5+": "0.35891648", "w6+": "0.408666186", "w7+": "0.511301270", "w8+": "0.561370121",
    "w1+": "0.149780716", "w2+": "0.19956143", "w3+": "0.24975114", "w4+": "0.29950229",
}


def example_trace(**params):
    p = ExampleParams(**{k: v for k, v in params.items() if k != "update_biases"})
    net = worked_example(p, update_biases=params.get("update_biases", False))
    return trace_pass(net, p.inputs, p.targets, p.lr)


@pytest.fixture(scope="module")
def trace():
    return example_trace()


@pytest.fixture
def host(qtbot, trace):
    """A shown top-level window holding a panel with the default trace."""
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    panel = StepperPanel()
    layout.addWidget(panel)
    panel.set_trace(trace)
    qtbot.addWidget(window)
    window.resize(420, 760)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.panel = panel
    return window


@pytest.fixture
def panel(host):
    return host.panel


def text_of(label: QLabel) -> str:
    return plain_text(label.text())


def shown_value(panel) -> float:
    return float(text_of(panel._card.value_label).replace(MINUS, "-"))


def positions(panel):
    seen = []
    panel.positionChanged.connect(seen.append)
    return seen


def test_before_the_first_step(panel, trace):
    assert panel.trace() is trace
    assert panel.position() == -1
    assert text_of(panel._header).startswith("Step 0 of 39")
    assert panel._card.hint_label.isVisible()
    hint = text_of(panel._card.hint_label)
    assert "Press Next (→) to compute neth1, the first quantity of the forward pass" in hint
    assert name_html("net_h1") in panel._card.hint_label.text()
    assert not panel._card.value_label.isVisible() and not panel._card.formula_label.isVisible()
    assert panel.value_text() == ""


def test_next_button_walks_every_step_in_order(qtbot, panel, trace):
    seen = positions(panel)
    unchecked = dict(PUBLISHED)
    button = panel.buttons["next"]
    for i, step in enumerate(trace.steps):
        qtbot.mouseClick(button, Qt.LeftButton)
        assert panel.position() == i
        assert panel.current_step() is step
        phase = {"forward": "Forward pass", "error": "Error", "backward": "Backward pass", "update": "Update"}
        assert text_of(panel._header) == f"Step {i + 1} of 39 · {phase[step.phase]}"
        assert text_of(panel._card.name_label) == plain_text(name_html(step.name))
        assert text_of(panel._card.formula_label) == plain_text(to_html(step.formula))
        assert text_of(panel._card.numbers_label) == plain_text(to_html(step.numbers))
        assert text_of(panel._card.value_label) == f"{step.value:.9g}".replace("-", MINUS)
        assert panel.value_text() == text_of(panel._card.value_label)
        assert shown_value(panel) == pytest.approx(step.value, rel=1e-8)
        if step.name in unchecked:
            published = unchecked.pop(step.name)
            decimals = len(published.split(".")[1])
            assert f"{shown_value(panel):.{decimals}f}" == published, step.name
        for eq in panel._card.equals:
            assert eq.isVisible() and text_of(eq) == "="
    assert not unchecked, "every published number was checked"
    assert seen == list(range(39))
    assert not panel.actions["next"].isEnabled()
    qtbot.mouseClick(button, Qt.LeftButton)  # a disabled button does nothing
    assert panel.position() == 38 and seen == list(range(39))


def test_published_numbers_as_displayed(panel, trace):
    expected = {"out_o1": "0.75136507", "E_total": "0.298371109", "dE/dw5": "0.0821670406", "w5+": "0.35891648",
                "delta_o2": f"{MINUS}0.0380982365"}
    for name, text in expected.items():
        panel.set_position(trace.index(name))
        assert panel.value_text() == text
        assert text_of(panel._card.value_label) == text


def test_previous_steps_back(qtbot, panel, trace):
    panel.set_position(5)
    seen = positions(panel)
    for expected in (4, 3, 2, 1, 0, -1):
        qtbot.mouseClick(panel.buttons["previous"], Qt.LeftButton)
        assert panel.position() == expected
    assert seen == [4, 3, 2, 1, 0, -1]
    assert text_of(panel._header).startswith("Step 0 of 39")
    assert not panel.actions["previous"].isEnabled()


def test_run_all_and_reset(qtbot, panel, trace):
    seen = positions(panel)
    qtbot.mouseClick(panel.buttons["run_all"], Qt.LeftButton)
    assert panel.position() == 38
    assert text_of(panel._header) == "Step 39 of 39 · Update"
    assert text_of(panel._card.name_label) == plain_text(name_html("w8+"))
    assert "last step" in text_of(panel._card.hint_label)
    qtbot.mouseClick(panel.buttons["reset"], Qt.LeftButton)
    assert panel.position() == -1
    assert seen == [38, -1]
    panel.run_all()
    panel.reset()
    assert seen == [38, -1, 38, -1]


def test_actions_enable_and_disable_at_the_ends(panel):
    a = panel.actions
    assert set(a) == {"previous", "next", "run_all", "reset"}
    state = lambda: {k: v.isEnabled() for k, v in a.items()}  # noqa: E731
    assert state() == {"previous": False, "next": True, "run_all": True, "reset": False}
    panel.next()
    assert state() == {"previous": True, "next": True, "run_all": True, "reset": True}
    panel.run_all()
    assert state() == {"previous": True, "next": False, "run_all": False, "reset": True}
    for key, button in panel.buttons.items():
        assert button.isEnabled() == a[key].isEnabled()


def test_actions_carry_icons_shortcuts_and_tooltips(panel):
    a = panel.actions
    expected = {"previous": ["Left"], "next": ["Right"], "run_all": ["End", "Ctrl+Return"], "reset": ["Home"]}
    for key, keys in expected.items():
        action = a[key]
        assert action.parent() is panel
        assert not action.icon().isNull()
        assert action.shortcutContext() == Qt.WindowShortcut
        assert [s.toString() for s in action.shortcuts()] == keys
        for k in keys:
            assert k.split("+")[-1] in action.toolTip()
        assert action in panel.buttons[key].actions()
        assert panel.buttons[key].toolButtonStyle() == Qt.ToolButtonTextBesideIcon
    assert [a[k].text() for k in ("previous", "next", "run_all", "reset")] == \
        ["Previous", "Next", "Run whole pass", "Reset"]


def test_keyboard_shortcuts_move_the_position(qtbot, panel):
    seen = positions(panel)
    qtbot.keyClick(panel, Qt.Key_Right)
    qtbot.keyClick(panel, Qt.Key_Right)
    assert panel.position() == 1
    qtbot.keyClick(panel, Qt.Key_Left)
    assert panel.position() == 0
    qtbot.keyClick(panel, Qt.Key_End)
    assert panel.position() == 38
    qtbot.keyClick(panel, Qt.Key_Home)
    assert panel.position() == -1
    qtbot.keyClick(panel, Qt.Key_Return, Qt.ControlModifier)
    assert panel.position() == 38
    assert seen == [0, 1, 0, 38, -1, 38]


def test_keys_keep_working_with_focus_in_the_step_list(qtbot, panel):
    tree = panel._tree
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    for key, expected in ((Qt.Key_Right, 0), (Qt.Key_Right, 1), (Qt.Key_Down, 2), (Qt.Key_Left, 1),
                          (Qt.Key_Up, 0), (Qt.Key_End, 38), (Qt.Key_Home, -1), (Qt.Key_Down, 0)):
        qtbot.keyClick(tree, key)
        assert panel.position() == expected, QKeySequence(key).toString()
        assert tree.hasFocus()
    qtbot.keyClick(tree, Qt.Key_X)  # type-ahead search must not move the selection
    assert panel.position() == 0 and tree.selectedItems() == [panel._items[0]]


def test_keys_work_from_the_card_but_not_from_a_text_field(qtbot, host, panel):
    edit = QLineEdit("0.15", host)  # e.g. a starting number being edited elsewhere in the window
    host.layout().insertWidget(0, edit)
    panel.next()
    panel._card.formula_label.setFocus()
    qtbot.keyClick(panel._card.formula_label, Qt.Key_Right)
    assert panel.position() == 1
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.setCursorPosition(0)
    for key in (Qt.Key_Right, Qt.Key_Left, Qt.Key_End):
        qtbot.keyClick(edit, key)
    assert panel.position() == 1  # the arrows moved the text cursor instead
    assert edit.cursorPosition() == 4


def test_clicking_a_step_row_jumps_to_it(qtbot, panel, trace):
    tree = panel._tree
    target = trace.index("out_o2")
    item = panel._items[target]
    tree.scrollToItem(item)
    with qtbot.waitSignal(panel.positionChanged, timeout=1000) as blocker:
        qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=tree.visualItemRect(item).center())
    assert blocker.args == [target]
    assert panel.position() == target
    assert text_of(panel._card.value_label) == f"{trace[target].value:.9g}"
    # a later step, far down the list
    target = trace.index("w5+")
    item = panel._items[target]
    tree.scrollToItem(item)
    with qtbot.waitSignal(panel.positionChanged, timeout=1000) as blocker:
        qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=tree.visualItemRect(item).center())
    assert blocker.args == [target]


def test_clicking_a_phase_row_does_not_move(qtbot, panel):
    panel.set_position(3)
    seen = positions(panel)
    tree = panel._tree
    head = tree.topLevelItem(1)  # Error
    tree.scrollToItem(head)
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=tree.visualItemRect(head).center())
    assert panel.position() == 3 and seen == []
    assert tree.selectedItems() == [panel._items[3]]


def test_phase_groups(panel, trace):
    tree = panel._tree
    assert tree.topLevelItemCount() == 4
    counts = [tree.topLevelItem(k).childCount() for k in range(4)]
    assert counts == [8, 3, 20, 8]
    titles = [tree.topLevelItem(k).text(0) for k in range(4)]
    assert titles == ["Forward pass · 8 steps", "Error · 3 steps", "Backward pass · 20 steps", "Update · 8 steps"]
    first = tree.topLevelItem(0).child(0)
    assert first.text(0) == "net_h1"
    assert [tree.topLevelItem(3).child(k).text(0) for k in range(8)] == [f"w{k}⁺" for k in range(1, 9)]
    assert all(tree.topLevelItem(k).isExpanded() for k in range(4))


def shown_color(tree, item, column: int) -> QColor:
    """The colour a row's text is painted in: its own, or the list's text colour."""
    brush = item.data(column, Qt.ForegroundRole)
    return brush.color() if brush is not None else tree.palette().color(QPalette.Text)


def test_list_shows_values_of_reached_steps_and_greys_the_rest(qtbot, panel, trace):
    tree = panel._tree
    for pos in (-1, 0, 10, 38):
        panel.set_position(pos)
        for i, item in enumerate(panel._items):
            if i <= pos:
                assert item.text(1) == f"{trace[i].value:.9g}".replace("-", MINUS)
                assert shown_color(tree, item, 0) == QColor(palette.TEXT)
            else:
                assert item.text(1) == ""
                assert shown_color(tree, item, 0) == shown_color(tree, item, 1) == QColor(palette.MUTED)
        if pos >= 0:
            current = panel._items[pos]
            assert tree.selectedItems() == [current]
            assert tree.currentItem() is current
            assert tree.viewport().rect().contains(tree.visualItemRect(current))
        else:
            assert tree.selectedItems() == []
    assert panel._items[trace.index("dE/dw5")].foreground(1).color() == QColor(palette.GRADIENT)
    assert panel._items[trace.index("w5+")].foreground(1).color() == QColor(palette.NEW_VALUE)


def test_set_position_clamps_and_emits_only_on_change(panel):
    seen = positions(panel)
    panel.set_position(1000)
    panel.set_position(38)
    panel.set_position(-5)
    panel.set_position(-1)
    assert seen == [38, -1]


def test_set_trace_keeps_the_position_and_shows_the_new_numbers(panel, trace):
    out_o1 = trace.index("out_o1")
    panel.set_position(out_o1)
    old = text_of(panel._card.value_label)
    seen = positions(panel)
    changed = example_trace(w5=0.1)
    panel.set_trace(changed)
    assert panel.trace() is changed
    assert panel.position() == out_o1 and seen == []
    assert text_of(panel._card.value_label) == f"{changed[out_o1].value:.9g}" != old
    assert panel._items[out_o1 - 1].text(1) == f"{changed[out_o1 - 1].value:.9g}"
    assert panel._tree.selectedItems() == [panel._items[out_o1]]
    panel.previous()  # net_o1 = w5·out_h1 + ...
    assert text_of(panel._card.numbers_label).startswith("0.1·0.593269992 + ")


def test_set_trace_with_another_shape_keeps_the_same_step(panel, trace):
    panel.set_position(trace.index("dE/dout_h1"))
    seen = positions(panel)
    with_biases = example_trace(update_biases=True)
    assert len(with_biases) == 43
    panel.set_trace(with_biases)
    assert panel.position() == with_biases.index("dE/dout_h1") == 22
    assert seen == [22]
    assert text_of(panel._header).startswith("Step 23 of 43")
    assert [panel._tree.topLevelItem(k).childCount() for k in range(4)] == [8, 3, 22, 10]
    panel.run_all()  # b2+, which the default trace has not: clamp
    panel.set_trace(trace)
    assert panel.position() == 38
    assert seen == [22, 42, 38]


def test_without_a_trace(qtbot):
    panel = StepperPanel()
    qtbot.addWidget(panel)
    assert panel.trace() is None and panel.position() == -1
    assert not any(a.isEnabled() for a in panel.actions.values())
    panel.next()
    panel.run_all()
    assert panel.position() == -1
    panel.set_trace(example_trace())
    panel.set_position(3)
    panel.set_trace(None)
    assert panel.position() == -1 and panel._tree.topLevelItemCount() == 0


def test_note_is_shown_muted_and_italic(qtbot):
    net = Network([2, 2, 2], hidden="sigmoid", output="softmax", loss="softmax_ce", seed=0)
    trace = trace_pass(net, [0.3, -0.2], [1.0, 0.0], 0.1)
    panel = StepperPanel()
    qtbot.addWidget(panel)
    panel.set_trace(trace)
    panel.show()
    panel.set_position(trace.index("delta_o1"))
    assert panel._card.note_label.isVisible()
    assert "simplifies to outo1 − t1" in text_of(panel._card.note_label)
    assert "<i" in panel._card.note_label.text() and palette.MUTED in panel._card.note_label.text()
    panel.set_position(trace.index("net_h1"))
    assert not panel._card.note_label.isVisible()


def _deep_trace():
    net = Network([2, 3, 3, 2], hidden="tanh", output="softmax", loss="softmax_ce", seed=0)
    return trace_pass(net, [0.3, -0.2], [1.0, 0.0], 0.1)


@pytest.mark.parametrize("width", [300, 420, 600])
def test_long_formulas_wrap_inside_the_card(qtbot, width):
    trace = _deep_trace()
    window = QWidget()
    layout = QVBoxLayout(window)
    panel = StepperPanel()
    layout.addWidget(panel)
    panel.set_trace(trace)
    qtbot.addWidget(window)
    window.resize(width, 760)
    window.show()
    qtbot.waitExposed(window)
    panel.set_position(trace.index("dE/dout_h1_1"))  # 3 long products
    card = panel._card
    labels = (panel._card.name_label, panel._card.formula_label, panel._card.numbers_label, panel._card.value_label)
    line = panel._card.value_label.fontMetrics().height()

    def laid_out():
        assert card.width() <= panel.width()
        for lab in labels:
            assert lab.geometry().right() <= card.contentsRect().right()
            assert lab.heightForWidth(lab.width()) <= lab.height() or not lab.wordWrap()
        if width <= 420:
            assert panel._card.numbers_label.height() > 1.5 * line  # wrapped, not cut off

    qtbot.waitUntil(laid_out, timeout=2000)  # layouts settle over a few event-loop turns, slower under load


@pytest.mark.parametrize("width, rows", [(300, 2), (600, 1)])
def test_buttons_fit_narrow_panels_on_two_rows(qtbot, width, rows):
    panel = StepperPanel()
    qtbot.addWidget(panel)
    panel.set_trace(example_trace())
    panel.resize(width, 700)
    panel.show()
    qtbot.waitExposed(panel)
    tops = {b.geometry().top() for b in panel.buttons.values()}
    assert len(tops) == rows
    for b in panel.buttons.values():
        assert b.width() >= b.sizeHint().width()
        assert b.geometry().right() <= panel.width()


def test_step_names_fit_their_column(qtbot, panel):
    tree = panel._tree
    delegate = tree.itemDelegate()
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(tree)
    widest = max(delegate.sizeHint(option, tree.indexFromItem(item, 0)).width() for item in panel._items)
    assert tree.header().sectionSize(0) + tree.indentation() >= widest
    assert not tree.grab().isNull()


def test_a_steps_tooltip_is_made_when_hovered(qtbot, panel, trace):
    """Tooltips are made on demand (a big network's pass has thousands of steps): hovering a row shows its
    formula, and its value's column the numbers once computed."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    tree = panel._tree
    k = trace.index("out_o1")
    panel.set_position(k)
    for column, expected in ((0, "out"), (1, "= ")):
        rect = tree.visualRect(tree.indexFromItem(panel._items[k], column))
        where = rect.center()
        QApplication.sendEvent(tree.viewport(), QHelpEvent(QEvent.ToolTip, where, tree.viewport().mapToGlobal(where)))
        assert QToolTip.isVisible() and expected in QToolTip.text(), (column, QToolTip.text())
        QToolTip.hideText()
    assert panel._tooltip(k + 1, 1) == "not computed yet"
