"""The NumPy warm-up page's engine texts in a Chinese window (issue 17): what bpviz.engine.warmup writes about each
line of the seed's code (``why``, shown in the line's card) and about each matrix block (``meaning``, the first line
of its tooltip), the loss's shape "scalar", and the refusals of the warm-up's sizes. The code itself, the formulas,
the symbols and the seed's variable names stay as they are; the English window shows the same English as before.
"""

from __future__ import annotations

import re

import pytest
from chinese_text import english_words, untranslated
from PySide6.QtCore import Qt

from bpviz.engine.warmup import WarmupSizes
from bpviz.gui import i18n
from bpviz.gui.formula import plain_text, to_html
from bpviz.gui.pages.warmup import WarmupPage
from bpviz.training.warmup import relative_difference


def click_line(qtbot, page, index: int) -> None:
    """A click on line ``index`` of the code list, as a user selects it."""
    lines = page.lines
    item = lines.item_of(index)
    lines.scrollToItem(item)
    qtbot.mouseClick(lines.viewport(), Qt.LeftButton, pos=lines.visualItemRect(item).center())
    assert page.current_line() is page.lesson.lines[index]


def without_code(card_html: str, line) -> str:
    """The card without what is code: its first paragraph (the seed's line, verbatim) and the seed's variable
    names it reads and writes (``loss`` is a name of the code, like ``h_relu``)."""
    prose = card_html.split("</p>", 1)[1]
    for name in {*line.reads, *line.writes}:
        prose = prose.replace(f"<b>{to_html(name)}</b>", " ")
    return prose


def without_name(tooltip: str, name: str) -> str:
    return tooltip.replace(f"<b>{name}</b>", " ", 1)


def trained_page(window, qtbot, iterations: int = 5) -> WarmupPage:
    page = window.page("warmup")
    window.show_page("warmup")
    qtbot.waitUntil(lambda: page.lesson is not None and page.frame is not None, timeout=10000)
    page.iterations.setValue(iterations)
    page.train()
    qtbot.waitUntil(lambda: page.frame.state == "finished" and page.model.lesson_iteration == iterations,
                    timeout=60000)
    return page


def test_every_line_card_and_block_tooltip_of_the_warm_up_is_chinese(zh_window, qtbot):
    """After a short run, each line selected by a click shows a card with no English word (the code, formulas and
    names aside), and every block's whole tooltip has none."""
    page = trained_page(zh_window, qtbot)
    texts = []
    for i, line in enumerate(page.lesson.lines):
        click_line(qtbot, page, i)
        texts.append((f"card of {line.key}", without_code(page.card.text(), line)))
    for name in page.blocks.block_names():
        texts.append((f"tooltip of {name}", without_name(page.blocks.tooltip_for(name), name)))
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    cards = dict(texts)
    assert "形状与 W<sub>2</sub> 相同" in cards["card of grad_w2"]  # the derivation, translated
    assert "更新 5 次后的权重" in cards["card of grad_w2"]
    assert "标量" in cards["card of loss"]  # (N×D_out) − (N×D_out) → Σ → scalar
    assert "第一层的权重" in cards["tooltip of w1"] and "标量" in cards["tooltip of loss"]
    # the code's lines stay the seed's code
    click_line(qtbot, page, 1)
    assert "h_relu = np.maximum(h, 0)" in plain_text(page.card.text())


def test_the_warm_up_refusals_are_chinese(chinese):
    """The refusals of the warm-up's sizes and of a comparison of losses, as the window would show them."""
    said = []
    for sizes in ((0, 1000, 100, 10), (64, 1000, 100_000, 10)):
        with pytest.raises(ValueError) as refused:
            WarmupSizes(*sizes)
        said.append(i18n.localise(refused.value))
    with pytest.raises(ValueError) as refused:
        relative_difference([1.0, 2.0], [1.0])
    said.append(i18n.localise(refused.value))
    assert said[0] == "N 必须是 1 到 100,000 之间的整数，而给出的是 0"
    assert not [words for text in said if (words := english_words(text))], said


def test_the_english_window_shows_the_same_english(qtbot):
    """No translator: the card and the tooltips say what the engine wrote, as before."""
    page = WarmupPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitUntil(lambda: page.lesson is not None and page.frame is not None, timeout=10000)
    click_line(qtbot, page, 8)  # grad_w1
    card = plain_text(page.card.text())
    assert ("The same argument as for W2, one layer down: d\u2009h = x·d\u2009W1, so the gradient is xᵀ·∂L/∂h, "
            "with W1's shape.") in card
    click_line(qtbot, page, 3)  # the loss
    card = plain_text(page.card.text())
    assert "(N×Dout) − (N×Dout) → Σ → scalar" in card
    assert "The squared Frobenius norm ‖ŷ − y‖²: the sum over all N×Dout entries, one number." in card
    tip = plain_text(page.blocks.tooltip_for("x"))
    assert tip.startswith("x: the input batch: N samples of Din features")
    assert plain_text(page.blocks.tooltip_for("loss")).startswith("loss: L = Σ (ŷ − y)², one number")
    assert re.search(r"shape scalar = scalar", plain_text(page.blocks.tooltip_for("loss")))
