"""Compare runs (issue 15), with the real training thread: earlier runs stay on the loss curve as faded lines named by
what differed, and in the table under it, where they are renamed, removed and pinned."""

from dataclasses import replace

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from bpviz.engine.datasets import DatasetSpec
from bpviz.gui.pages.playground import PlaygroundPage
from bpviz.gui.widgets.plots.runs_table import NAME, PIN
from bpviz.models.runs import MAX_UNPINNED
from bpviz.training import TrainConfig


def start_page(qtbot, **settings):
    data = settings.pop("dataset", DatasetSpec("xor", n_samples=60, noise=0.1, seed=2))
    config = TrainConfig(dataset=data, **{"hidden": (3, 2), "activation": "tanh", "lr": 0.1, "batch_size": 10,
                                          **settings})
    page = PlaygroundPage(config)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    page.set_active(True)
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    return page


def train(qtbot, page, steps=40):
    page.play()
    qtbot.waitUntil(lambda: page.frame.snapshot.step >= steps and page.frame.running, timeout=10000)
    page.pause()
    qtbot.waitUntil(lambda: not page.frame.running, timeout=5000)


def step_once(qtbot, page):
    page.step()
    qtbot.waitUntil(lambda: page.frame.snapshot.step >= 1, timeout=5000)


def new_run(qtbot, page, **change):
    generation = page.frame.generation
    config = replace(page.controls.config(), **change)
    page.controls.set_config(config)
    page.reconfigure(config)
    qtbot.waitUntil(lambda: page.frame.generation > generation and page.frame.config == config, timeout=5000)


def make_three_runs(qtbot, page):
    train(qtbot, page)  # hidden 3,2
    new_run(qtbot, page, hidden=(4,))
    train(qtbot, page)
    new_run(qtbot, page, hidden=(5,))
    train(qtbot, page)
    new_run(qtbot, page, hidden=(2, 2))
    qtbot.waitUntil(lambda: len(page.runs) == 3, timeout=5000)


def test_three_runs_are_drawn_faded_named_by_what_differed_and_listed(qtbot):
    page = start_page(qtbot)
    make_three_runs(qtbot, page)
    names = ["5 → 2,2", "4 → 2,2", "3,2 → 2,2"]  # newest first
    assert [r.name for r in page.runs.earlier[::-1]] == names
    assert page.loss.earlier_names() == names
    for i, run in enumerate(page.runs.earlier[::-1]):
        x, train_loss, test_loss = page.loss.earlier_curve_data(i)
        assert np.array_equal(x, run.history.steps) and np.array_equal(train_loss, run.history.train)
        assert run.figures.steps >= 40 and run.figures.train_loss == run.history.train[-1]
        curve = page.loss._earlier.items[2 * i]
        assert curve.opts["pen"].color().alphaF() < 0.5 and curve.zValue() < page.loss.train_curve.zValue()
    legend = [label.text for _sample, label in page.loss.legend.items]
    assert legend[2:] == names
    rows = page.runs_table.row_texts()
    assert rows[0][0] == "Current (run 4)" and [r[0] for r in rows[1:]] == names
    assert rows[1][2] == f"{page.runs.earlier[-1].figures.train_loss:.4f}"
    # the x axis and the log scale apply to the earlier runs too
    page.loss.set_x_axis("epochs")
    x, _tr, _te = page.loss.earlier_curve_data(0)
    assert np.array_equal(x, page.runs.earlier[-1].history.epochs)
    cx, _cy = page.loss._earlier.items[0].getOriginalDataset()
    assert np.array_equal(cx, x)
    page.loss.set_log_y(True)
    assert page.loss._earlier.items[0].opts["logMode"][1]


def test_rename_in_the_table_remove_with_delete_and_a_pin_survives_the_limit(qtbot):
    page = start_page(qtbot)
    make_three_runs(qtbot, page)
    page.loss.compare.click()  # the table shows under the curve
    table = page.runs_table.table
    assert page.runs_table.isVisible()
    first = page.runs.earlier[0]  # hidden 3,2
    # rename: F2 on its row opens the editor
    row = page.runs_table.row_of(first.number)
    table.setCurrentCell(row, NAME)
    table.setFocus()
    QTest.keyClick(table, Qt.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "3,2 → 2,2"
    editor.selectAll()
    QTest.keyClicks(editor, "the first")
    QTest.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: first.name == "the first", timeout=3000)
    assert "the first" in page.loss.earlier_names()
    assert page.runs_table.row_texts()[page.runs_table.row_of(first.number)][0] == "the first"
    # pin it with the box of its first column
    table.item(page.runs_table.row_of(first.number), PIN).setCheckState(Qt.Checked)
    qtbot.waitUntil(lambda: first.pinned, timeout=3000)
    # remove the middle one with Delete
    middle = page.runs.earlier[1]
    table.selectRow(page.runs_table.row_of(middle.number))
    table.setFocus()
    QTest.keyClick(table, Qt.Key_Delete)
    qtbot.waitUntil(lambda: len(page.runs) == 2, timeout=3000)
    assert middle not in page.runs.earlier and len(page.loss.earlier_names()) == 2
    # the current run has no menu actions; an earlier one has Rename, Pin, Remove run
    current_menu = page.runs_table.menu_for(0)
    assert [a.text() for a in current_menu.actions()] == ["Rename", "Pin", "Remove run"]
    assert not any(a.isEnabled() for a in current_menu.actions())
    current_menu.close()
    # six more runs: the pinned one stays, five unpinned kept
    for width in (1, 2, 3, 4, 6, 7):
        step_once(qtbot, page)
        new_run(qtbot, page, hidden=(width,))
    qtbot.waitUntil(lambda: len(page.runs) == 1 + MAX_UNPINNED, timeout=5000)
    assert first in page.runs.earlier and first.name == "the first"
    assert len(page.runs_table.row_texts()) == 2 + MAX_UNPINNED
    # remove through the right-click menu
    last = page.runs.earlier[-1]
    menu = page.runs_table.menu_for(page.runs_table.row_of(last.number))
    next(a for a in menu.actions() if a.text() == "Remove run").trigger()
    menu.close()
    assert last not in page.runs.earlier and len(page.loss.earlier_names()) == MAX_UNPINNED


def test_the_compare_table_fits_the_window_at_1280_by_800(window):
    window.show_page("playground")
    page = window.playground
    width = window.width()
    page.loss.compare.click()
    QApplication.processEvents()
    assert window.width() == width and page.runs_table.isVisible()
    assert page.runs_table.table.horizontalScrollBar().maximum() == 0  # every column shows
    assert page.loss.values.width() >= page.loss.values._doc.idealWidth()  # the losses above the curve too
