"""The starting-numbers editor: typing a value emits it; a bad value is refused with a message."""

import pytest
from PySide6.QtCore import Qt

from bpviz.engine.presets import ExampleParams
from bpviz.gui.widgets.controls.params_editor import ParamsEditor


@pytest.fixture
def editor(qtbot):
    w = ParamsEditor()
    qtbot.addWidget(w)
    w.set_params(ExampleParams(), False)
    w.show()
    qtbot.waitExposed(w)
    return w


def type_into(qtbot, field, text):
    field.selectAll()
    qtbot.keyClick(field, Qt.Key_Delete)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key_Return)


def test_shows_the_published_numbers(editor):
    assert editor.fields["w5"].text() == "0.4" and editor.fields["lr"].text() == "0.5"
    assert not editor.update_biases.isChecked()


def test_valid_entry_is_emitted(qtbot, editor):
    with qtbot.waitSignal(editor.paramEdited, timeout=1000) as sig:
        type_into(qtbot, editor.fields["w5"], "0.1")
    assert sig.args == ["w5", 0.1]


@pytest.mark.parametrize("name,text,reason", [
    ("w5", "abc", "is not a number"),
    ("i1", "", "is not a number"),
    ("lr", "0", "learning rate must be greater than 0"),
    ("lr", "-0.5", "learning rate must be greater than 0"),
    ("t1", "1e999", "not a finite number"),
])
def test_invalid_entry_is_refused_with_a_message(qtbot, editor, name, text, reason):
    emitted = []
    editor.paramEdited.connect(lambda *a: emitted.append(a))
    type_into(qtbot, editor.fields[name], text)
    assert emitted == []
    assert reason in editor.message.text() and editor.message.text().startswith("Refused")
    assert editor.fields[name].text() == f"{ExampleParams().to_dict()[name]:.12g}"  # reverted


def test_comma_decimal_and_unicode_minus_are_understood(qtbot, editor):
    field = editor.fields["w2"]
    with qtbot.waitSignal(editor.paramEdited, timeout=1000) as sig:
        field.setText("−0,25")  # QTest cannot type "−" (it aborts on characters without a key)
        qtbot.keyClick(field, Qt.Key_Return)
    assert sig.args == ["w2", -0.25]


def test_update_biases_and_reset(qtbot, editor):
    with qtbot.waitSignal(editor.updateBiasesToggled, timeout=1000) as sig:
        qtbot.mouseClick(editor.update_biases, Qt.LeftButton)
    assert sig.args == [True]
    with qtbot.waitSignal(editor.resetRequested, timeout=1000):
        qtbot.mouseClick(editor.reset_button, Qt.LeftButton)


@pytest.mark.parametrize("text", ["1" * 10_000, "é中𝛼" * 3_334])
def test_a_huge_text_is_quoted_shortened_and_the_message_wraps_in_the_editors_width(qtbot, editor, text):
    width = editor.width()
    editor.fields["w3"].setText(text)
    qtbot.keyClick(editor.fields["w3"], Qt.Key_Return)
    message = editor.message.text()
    assert message.startswith("Refused") and "(10,00" in message and "characters)" in message
    assert len(message) < 200
    assert editor.minimumSizeHint().width() < 800 and editor.sizeHint().width() < 1200
    assert editor.message.minimumSizeHint().width() <= 80
    qtbot.wait(10)
    assert editor.width() == width
