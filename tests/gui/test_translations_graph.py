"""The computation graph page in Simplified Chinese (issue 17): the texts its engine composes.

The built-in graphs' descriptions and titles, the nodes' notes (tooltips), the relu's local derivative, and the
refusals of the expression parser and evaluator (a syntax error in line 3 of a program, a name with no value, an
overflow, sqrt at 0, the limits, the values field, the softmax targets) are phrases (bpviz.engine.phrases): in a
zh_CN window they show in Chinese, in an English one as the CLI prints them.
"""

from __future__ import annotations

import re

import pytest
from chinese_text import untranslated, widget_texts

from bpviz.engine.expression import MAX_DEPTH, MAX_LENGTH, MAX_NODES
from bpviz.engine.graph_builtins import BUILTIN_GRAPHS
from bpviz.gui.formula import plain_text

LONG = "x" + " + x" * MAX_NODES  # more nodes than an expression may have
DEEP = "(" * (MAX_DEPTH + 5) + "x" + ")" * (MAX_DEPTH + 5)
# (expression, values, the English refusal under the fields): what a learner may type; every text typed is one
# the engine refuses, in the field it names
REFUSED = (
    ("a = 1\nb = 2\nc = a * + * b", "", "Expression: line 3, column 11: expected a number, a name or '(' but found "
                                        "'*'"),
    ("a = 1\nb = (a + 2\nc = b", "", "Expression: line 2, column 5: this '(' is never closed"),
    ("a = 2\nb = a + 1\nc = b * q", "", "Expression: line 3, column 9: q has no value (give it one, e.g. q=1, or "
                                        "assign it in an earlier statement)"),
    ("x * y", "x=2", "Expression: column 5: y has no value (give it one, e.g. y=1)"),
    ("exp(1000)", "", "Expression: column 1: node f: exp(1000) overflows (too large for a float64)"),
    ("x * 1e300 * 1e300", "x=1", "Expression: column 11: node f: 1e+300·1e+300 overflows (too large for a float64)"),
    ("sqrt(x)", "x=0", "Expression: column 1: node f: sqrt is not differentiable at x = 0: its derivative "
                       "1/(2·√x) is infinite"),
    ("sqrt(x - 3)", "x=1", "Expression: column 1: node f: sqrt(−2) is undefined: the square root needs a number ≥ 0"),
    ("log(x)", "x=0", "Expression: column 1: node f: log(0) is undefined: the logarithm needs a positive number"),
    ("1 / (x - x)", "x=1", "Expression: column 3: node f: division by zero (1/0)"),
    ("y = x\nz = (y - 2)**0.5\nz", "x=1", "Expression: line 2, column 12: node z: (−1)^0.5 is undefined: a negative "
                                          "number has no real power 0.5 (only whole-number powers)"),
    ("x ^ 2", "x=1", "Expression: column 3: '^' is not a power here (as in Python): write x**2"),
    ("2x", "x=1", "Expression: column 2: a number cannot run into 'x': write a * between them"),
    ("x == 2", "x=1", "Expression: column 3: '==' compares, which expressions do not: write name = expression to "
                      "give a name a value"),
    ("x @ 2", "x=1", "Expression: column 3: unexpected character '@': only numbers, names, functions such as "
                     "tanh(x), + - * / ** ( ) = and ; are allowed"),
    ("tanh", "", "Expression: column 1: tanh needs brackets: tanh(x)"),
    ("cosh(x)", "x=1", "Expression: column 1: unknown function cosh() (known: tanh, relu, sigmoid, exp, log, sqrt, "
                       "abs)"),
    ("x y", "x=1, y=2", "Expression: column 3: unexpected 'y' after a complete expression (an operator is missing)"),
    ("x + 1\ny = 2", "x=1", "Expression: line 1, column 1: an expression that is not the last statement is never "
                            "used: give it a name (y = ...)"),
    ("x + ()", "x=1", "Expression: column 6: empty brackets"),
    ("1e999", "", "Expression: column 1: 1e999 is too large for a float64"),
    (LONG, "x=1", f"Expression: column {len(LONG) - 2}: the graph has too many nodes (at most {MAX_NODES}); this is "
                  f"node {MAX_NODES + 1}"),
    (DEEP, "x=1", f"Expression: column {MAX_DEPTH + 1}: nested too deeply (more than {MAX_DEPTH} levels of "
                  f"brackets, functions, signs and powers)"),
    ("x" * (MAX_LENGTH + 1), "", f"Expression: the expression is too long ({MAX_LENGTH + 1} characters; at most "
                                 f"{MAX_LENGTH})"),
    ("x + 1", "x=", "Values: column 3: the value of x must be a number such as 2, -0.5 or 1e-3, not nothing"),
    ("x + 1", "x=1, 5", "Values: column 6: '5' needs a value: write name=number, e.g. x=2"),
    ("x + 1", "x=1, x=2", "Values: column 6: x is given two values"),
    ("x + 1", "x=1e999", "Values: column 3: the value of x is too large for a float64"),
)
SOFTMAX_REFUSED = (("0.5, 0.6, 0.1", "the targets add up to 1.2, not 1: use one-hot targets such as 0, 0, 1"),
                   ("-1, 1, 1", "target t1 = −1 is negative: targets are probabilities"),
                   ("0, 1", "3 scores need 3 targets, got 2"))
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _without(text: str, symbols: set[str]) -> str:
    """``text`` with the names typed (and the graphs' node names) put as '·': they are symbols, not English."""
    if not symbols:
        return text
    return re.sub(r"\b(" + "|".join(map(re.escape, sorted(symbols, key=len, reverse=True))) + r")\b", "·", text)


def _page(window):
    window.show_page("graph")
    return window.page("graph")


def _type(page, qtbot, text: str, values: str) -> tuple[str, str, str]:
    """Type ``text`` and ``values`` into 'Your expression' and draw: (the refusal under the fields as plain text,
    the label's rich text with the culprit marked, the status message)."""
    form = page.forms["expression"]
    said: list[str] = []
    page.statusMessage.connect(said.append)
    try:
        form.set_expression(text, values)
    finally:
        page.statusMessage.disconnect(said.append)
    assert form.error_label.isVisible(), text
    return form.error_label.message, form.error_label.text(), said[-1]


def _explanations(page, key: str) -> str:
    """The explanations of every step of graph ``key``, one after the other."""
    page.choose(key)
    texts = []
    for position in range(len(page.evaluation.steps)):
        page.set_position(position)
        texts.append(page.explanation.text())
    return "\n".join(texts)


# ------------------------------------------------------------------------------------------------ Chinese
def test_the_built_in_graphs_descriptions_titles_notes_and_steps_are_chinese(zh_window, qtbot):
    from PySide6.QtWidgets import QGraphicsPathItem

    page = _page(zh_window)
    texts = []
    for key in BUILTIN_GRAPHS:
        said: list[str] = []
        page.statusMessage.connect(said.append)
        page.choose(key)
        page.recompute(key)  # says the graph's title and output in the status bar
        page.statusMessage.disconnect(said.append)
        qtbot.wait(5)
        names = {n.name for n in page.evaluation.nodes} | {"backward"}  # the graph's own names: symbols
        found = [(f"{key} description", page.description.text()), (f"{key} status", said[-1])]
        found += [(f"{key} node tooltip", item.toolTip()) for item in page.view.scene().items()
                  if isinstance(item, QGraphicsPathItem) and item.toolTip()]
        for position in range(-1, len(page.evaluation.steps)):
            page.set_position(position)
            found.append((f"{key} explanation {position}", page.explanation.text()))
        found += [t for t in widget_texts(page.forms[key]) if "program" not in t[0]]  # a program is code
        texts += [(where, _without(text, names)) for where, text in found]
        assert re.search(r"[\u4e00-\u9fff]", page.description.text()), key
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    assert "否则为 0" in _explanations(page, "micrograd_sanity")  # relu's local derivative: 1 if z > 0 else 0
    page.choose("shopping")
    assert "一件夹克的价格" in [i.toolTip().split("\n")[0] for i in page.view.scene().items()
                              if isinstance(i, QGraphicsPathItem)]


def test_the_refusals_of_typed_expressions_and_values_are_chinese(zh_window, qtbot):
    page = _page(zh_window)
    page.choose("expression")
    texts = []
    for text, values, english in REFUSED:
        message, rich, status = _type(page, qtbot, text, values)
        typed = set(WORD.findall(text + " " + values)) | {"backward"}  # the names typed: symbols
        shown = re.sub(r"<tt>.*</tt>", "", rich)  # the message, without the text as typed (<tt>) under it
        texts += [(f"{text[:30]!r} message", _without(message, typed)),
                  (f"{text[:30]!r} label", _without(shown, typed)), (f"{text[:30]!r} status", _without(status, typed))]
        assert message != english and re.search(r"[\u4e00-\u9fff]", message), (text, message)
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    message, rich, status = _type(page, qtbot, *REFUSED[0][:2])
    assert message == "表达式：第 3 行第 11 列：这里应为一个数、一个名称或 '('，却遇到了 '*'"
    assert status == "已拒绝：" + message
    assert "<b>*</b>" in rich  # the culprit marked in its line, under the message


def test_the_built_in_graphs_refusals_are_chinese(zh_window, qtbot):
    page = _page(zh_window)
    page.choose("softmax_loss")
    form = page.forms["softmax_loss"]
    texts = []
    for targets, _english in SOFTMAX_REFUSED:
        form.targets.setText(targets)
        form.changed.emit()
        assert form.error_label.isVisible()
        texts.append((targets, form.error_label.text()))
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    assert plain_text(texts[0][1]).startswith("目标值之和是 1.2，不是 1")


# ------------------------------------------------------------------------------------------------ English
@pytest.fixture
def en_window(window):
    """The main window in English (no translator installed: the texts are the engine's own)."""
    return window


def test_in_english_the_texts_are_the_engines(en_window, qtbot):
    page = _page(en_window)
    for key, (_title, description, _builder) in BUILTIN_GRAPHS.items():
        page.choose(key)
        assert page.description.text() == description
    page.choose("expression")
    for text, values, english in REFUSED:
        message, _rich, status = _type(page, qtbot, text, values)
        assert (message, status) == (english, f"Refused: {english}")
    page.choose("softmax_loss")
    form = page.forms["softmax_loss"]
    for targets, english in SOFTMAX_REFUSED:
        form.targets.setText(targets)
        form.changed.emit()
        assert form.error_message == english
    assert "∂relu(z)/∂z = 1 if z &gt; 0 else 0" in _explanations(page, "micrograd_sanity")
