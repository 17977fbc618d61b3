"""The NumPy warm-up page with its real training thread, driven as a user drives it: clicks on the code lines
and on the drawing, keys, Train / Pause / Reset, the seed field. Waits are bounded and wait on frames the page
shows in the GUI thread. The expected losses come from the seed's loop, run literally
(tests/warmup_seed_program.py)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from warmup_seed_program import seed_program_losses

from bpviz.gui.formula import plain_text
from bpviz.gui.main_window import MainWindow
from bpviz.gui.pages.warmup import WarmupPage

LINES = ["h", "h_relu", "y_pred", "loss", "grad_y_pred", "grad_w2", "grad_h_relu", "grad_h", "grad_w1",
         "update_w1", "update_w2"]




@pytest.fixture
def page(qtbot):
    p = WarmupPage()
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    qtbot.waitExposed(p)
    qtbot.waitUntil(lambda: p.lesson is not None and p.frame is not None, timeout=10000)
    return p


def click_line(qtbot, page, key):
    lines = page.lines
    item = lines.item_of(LINES.index(key))
    lines.scrollToItem(item)
    qtbot.mouseClick(lines.viewport(), Qt.LeftButton, pos=lines.visualItemRect(item).center())


def card(page) -> str:
    return plain_text(page.card.text())


def test_the_page_shows_the_blocks_with_their_shapes(page):
    v = page.blocks
    expected = {"x": "64×1000", "w1": "1000×100", "h": "64×100", "h_relu": "64×100", "w2": "100×10",
                "y_pred": "64×10", "y": "64×10", "loss": "scalar", "grad_y_pred": "64×10", "grad_w2": "100×10",
                "grad_h_relu": "64×100", "grad_h": "64×100", "grad_w1": "1000×100"}
    assert sorted(v.block_names()) == sorted(expected)
    for name, shape in expected.items():
        assert v.label_text(name) == f"{name}  {shape}"
    # the proportions hint the shapes: x is wide and flat, w1 tall, each gradient as big as its block
    x, w1 = v.block_rect("x"), v.block_rect("w1")
    assert x.width() > x.height() and w1.height() > w1.width()
    for grad, block in (("grad_w1", "w1"), ("grad_w2", "w2"), ("grad_h", "h"), ("grad_y_pred", "y_pred")):
        assert v.block_rect(grad).size() == v.block_rect(block).size()
        assert v.block_rect(grad).center().x() == pytest.approx(v.block_rect(block).center().x())
        assert v.block_rect(grad).top() > v.block_rect(block).bottom()
    # the forward chain runs left to right
    order = [v.block_rect(n).center().x() for n in ("x", "w1", "h", "h_relu", "w2", "y_pred", "y", "loss")]
    assert order == sorted(order)
    assert all(v.rect().contains(v.block_rect(n).toRect()) for n in expected)
    tip = plain_text(v.tooltip_for("x").replace("<br>", "\n"))
    assert "shape N×Din = 64×1000" in tip and "norm" in tip
    # each block pictures its values; h_relu's zeros (the ReLU) are white
    image = v.image_of("h_relu")
    pixels = [image.pixel(i, j) & 0xFFFFFF for i in range(image.width()) for j in range(image.height())]
    white = sum(p == 0xFFFFFF for p in pixels) / len(pixels)
    assert 0.3 < white < 0.7  # about half the hidden values are cut to 0
    assert v.image_of("loss") is None
    # the list: every line of the code with its result shape, checked
    assert page.lines.row_texts(LINES.index("grad_w1"))[0] == "grad_w1 = x.T.dot(grad_h)"
    assert page.lines.row_texts(LINES.index("grad_w1"))[2] == "1000×100 ✓"
    assert page.lines.row_texts(LINES.index("grad_h"))[0] == "grad_h = grad_h_relu.copy()\ngrad_h[h < 0] = 0"


def test_selecting_a_gradient_line_shows_its_formula_and_shapes_and_highlights_its_blocks(qtbot, page):
    click_line(qtbot, page, "grad_w2")
    assert page.current_line().key == "grad_w2"
    text = card(page)
    assert "grad_w2 = h_relu.T.dot(grad_y_pred)" in text
    assert "∂L/∂W2 = hreluᵀ · ∂L/∂ŷ" in text  # W<sub>2</sub>, h<sub>relu</sub>: subscripts in the card
    assert "W<sub>2</sub>" in page.card.text() and "h<sub>relu</sub>ᵀ" in page.card.text()
    assert "(H×N)·(N×Dout) → (H×Dout)" in text
    assert "(100×64)·(64×10) → (100×10) ✓" in text
    blocks = page.blocks
    assert blocks.highlight_of("h_relu") == "read" and blocks.highlight_of("grad_y_pred") == "read"
    assert blocks.highlight_of("grad_w2") == "write"
    assert all(blocks.highlight_of(n) is None for n in ("x", "w1", "h", "w2", "y", "grad_w1", "grad_h"))

    click_line(qtbot, page, "grad_h")
    text = card(page)
    assert "∂L/∂h = ∂L/∂hrelu ⊙ 1[h ≥ 0]" in text and "(64×100) ⊙ (64×100) → (64×100) ✓" in text
    assert "set" in text and "entries to 0" in text  # how many entries the mask zeroed
    assert (blocks.highlight_of("grad_h_relu"), blocks.highlight_of("h"), blocks.highlight_of("grad_h")) == \
        ("read", "read", "write")

    click_line(qtbot, page, "update_w1")
    assert blocks.highlight_of("w1") == "read+write" and blocks.highlight_of("grad_w1") == "read"


def test_keys_and_buttons_move_through_the_lines(qtbot, page):
    page.select_line(0)
    page.lines.setFocus()
    qtbot.keyClick(page.lines, Qt.Key_Down)
    assert page.current_line().key == "h_relu"
    qtbot.keyClick(page.lines, Qt.Key_Down)
    qtbot.keyClick(page.lines, Qt.Key_Up)
    assert page.current_line().key == "h_relu"
    qtbot.mouseClick(page.next_button, Qt.LeftButton)
    assert page.current_line().key == "y_pred"
    assert page.blocks.highlight_of("y_pred") == "write"
    qtbot.mouseClick(page.previous_button, Qt.LeftButton)
    assert page.current_line().key == "h_relu"
    page.select_line(0)
    assert not page.previous_action.isEnabled()
    page.select_line(len(LINES) - 1)
    assert not page.next_action.isEnabled() and page.lines.currentItem() is page.lines.item_of(len(LINES) - 1)


def test_clicking_a_block_selects_the_line_that_writes_it(qtbot, page):
    centre = page.blocks.block_rect("grad_w1").center().toPoint()
    qtbot.mouseClick(page.blocks, Qt.LeftButton, pos=centre)
    assert page.current_line().key == "grad_w1"
    with qtbot.waitSignal(page.statusMessage, timeout=1000) as message:
        qtbot.mouseClick(page.blocks, Qt.LeftButton, pos=page.blocks.block_rect("x").center().toPoint())
    assert "x is data" in message.args[0] and page.current_line().key == "grad_w1"


def test_train_runs_the_seeds_500_iterations_and_matches_the_seed_loop(qtbot, page):
    assert page.iterations.value() == 500 and page.seed.value() == 0
    qtbot.mouseClick(page.train_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.frame.state == "finished", timeout=60000)
    expected = seed_program_losses(0, 500)
    shown = page.model.losses
    assert len(shown) == 500
    rel = np.abs(shown - expected) / expected
    assert rel.max() < 1e-10
    assert page.model.last_loss == pytest.approx(expected[-1], rel=1e-10)
    assert page.frame.checked == 500 and page.frame.rel_difference < 1e-10
    assert "the same losses" in plain_text(page.verdict.text())
    assert f"{expected[-1]:.6e}" in plain_text(page.verdict.text())
    assert "Updates 500 of 500" in page.progress.plain_text()
    # the lines now describe the pass with the trained weights
    assert "after 500 updates" in card(page)
    assert page.lesson.loss == pytest.approx(page.lesson.line("loss").summary["value"])
    assert page.lesson.loss < expected[-1]
    assert page.train_action.isEnabled() and not page.pause_action.isEnabled()


def test_pause_stops_training(qtbot, page):
    page.iterations.setValue(100_000)
    page.train_action.trigger()
    qtbot.waitUntil(lambda: page.frame.iteration > 30, timeout=20000)
    assert not page.iterations.isEnabled() and not page.seed.isEnabled()  # no edits mid-run
    qtbot.mouseClick(page.pause_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.frame.state == "paused", timeout=5000)
    stopped_at = page.frame.iteration
    qtbot.wait(300)
    assert page.frame.iteration == stopped_at == len(page.model.losses)
    assert page.iterations.isEnabled() and "Paused" in plain_text(page.verdict.text())


def test_reset_clears_the_run(qtbot, page):
    page.iterations.setValue(100_000)
    page.train()
    qtbot.waitUntil(lambda: page.frame.iteration > 30, timeout=20000)
    generation = page.frame.generation
    qtbot.mouseClick(page.reset_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.frame.generation > generation, timeout=5000)
    assert page.frame.iteration == 0 and page.frame.state == "ready"
    assert len(page.model.losses) == 0
    assert page.progress.plain_text().startswith("Updates 0 of")
    assert "with the initial weights" in card(page)


def test_a_new_seed_gives_new_data(qtbot, page):
    first_x = page.lesson.values["x"].copy()
    page.seed.setValue(3)
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        page.seed.editingFinished.emit()
    qtbot.waitUntil(lambda: page.frame.seed == 3, timeout=5000)
    expected_x = np.random.default_rng(3).standard_normal((64, 1000))
    np.testing.assert_array_equal(page.lesson.values["x"], expected_x)
    assert not np.array_equal(first_x, expected_x)


def test_shutdown_mid_training_leaves_no_running_thread(qtbot, page):
    page.iterations.setValue(100_000)
    page.train()
    qtbot.waitUntil(lambda: page.frame.state == "training", timeout=10000)
    assert page.thread.isRunning()
    page.shutdown()
    assert not page.thread.isRunning()


def test_in_the_window_the_tab_and_its_shortcuts(qtbot):
    window = MainWindow(QSettings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    page = next(p for p in window.lesson_pages if p.page_name == "warmup")
    assert window.tabs.tabText(window.tabs.indexOf(page)) == "NumPy warm-up (matrices)"
    qtbot.waitUntil(lambda: page.lesson is not None, timeout=10000)
    assert not page.next_action.isEnabled()  # another page is shown: its keys are not ours
    window.show_page("warmup")
    page.select_line(0)
    qtbot.keyClick(window, Qt.Key_Right)
    assert page.current_line().key == "h_relu"
    qtbot.keyClick(window, Qt.Key_Left)
    assert page.current_line().key == "h"
    page.iterations.setValue(100_000)
    window.tabs.setFocus()
    qtbot.keyClick(window, Qt.Key_Space)  # Train / pause
    qtbot.waitUntil(lambda: page.frame.state == "training", timeout=10000)
    window.close()
    assert not page.thread.isRunning()
