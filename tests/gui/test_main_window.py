"""The desktop window, driven as a user drives it: buttons, clicks on the diagram, keys, menus.

Expected numbers are the published worked example's (DESIGN.md), or the engine's for other starting numbers.
"""

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from bpviz import __version__
from bpviz.engine.presets import ExampleParams, worked_example
from bpviz.engine.trace import trace_pass
from bpviz.gui.main_window import MainWindow


@pytest.fixture
def window(window):
    window.activateWindow()  # the keyboard tests send keys to it
    return window


def stepper(window):
    return window.example.stepper


def click_next(qtbot, window, times=1):
    for _ in range(times):
        qtbot.mouseClick(stepper(window).buttons["next"], Qt.LeftButton)


def go_to(qtbot, window, name):
    trace = stepper(window).trace()
    while stepper(window).position() < trace.index(name):
        click_next(qtbot, window)
    return stepper(window).current_step()


def test_next_walks_the_pass_and_shows_the_published_numbers(qtbot, window):
    shown = {}
    for k in range(len(stepper(window).trace())):
        click_next(qtbot, window)
        step = stepper(window).current_step()
        assert stepper(window).position() == k
        shown[step.name] = stepper(window).value_text()
    # Numbers as the panel prints them agree with the article to every printed digit.
    assert shown["out_o1"].startswith("0.75136507")
    assert shown["E_total"].startswith("0.298371109")
    assert shown["dE/dw5"].startswith("0.082167040")  # 0.0821670406 rounds to the article's 0.082167041
    assert round(float(shown["dE/dw5"]), 9) == 0.082167041
    assert shown["w5+"].startswith("0.35891648")
    assert not stepper(window).buttons["next"].isEnabled()
    assert window.example.apply_update_action.isEnabled()


def test_previous_steps_back(qtbot, window):
    click_next(qtbot, window, 5)
    qtbot.mouseClick(stepper(window).buttons["previous"], Qt.LeftButton)
    assert stepper(window).position() == 3
    assert stepper(window).current_step().name == "out_h2"


def test_clicking_a_step_in_the_list_jumps_to_it(qtbot, window):
    panel = stepper(window)
    target = panel.trace().index("dE/dw5")
    item = panel._items[target]
    panel._tree.scrollToItem(item)
    qtbot.mouseClick(panel._tree.viewport(), Qt.LeftButton, pos=panel._tree.visualItemRect(item).center())
    assert panel.position() == target
    # the diagram now shows the gradient of w5 and highlights what the step reads and writes
    diagram = window.example.diagram
    assert diagram.highlight_of("w5") == "write" and diagram.highlight_of("o1") == "read"
    assert "0.08217" in diagram.label_text("w5")


def test_editing_w5_on_the_diagram_changes_out_o1_to_the_engines_value(qtbot, window):
    go_to(qtbot, window, "out_o1")
    diagram = window.example.diagram
    qtbot.mouseClick(diagram.viewport(), Qt.LeftButton, pos=diagram.edge_center("w5"))
    assert diagram.editing() == "w5" and diagram.editor.isVisible()
    diagram.editor.selectAll()
    qtbot.keyClicks(diagram.editor, "0.1")
    qtbot.keyClick(diagram.editor, Qt.Key_Return)
    expected = trace_pass(worked_example(ExampleParams(w5=0.1)), [[0.05, 0.1]], [[0.01, 0.99]], 0.5)
    assert stepper(window).current_step().name == "out_o1"  # the position is kept
    assert stepper(window).current_step().value == expected.quantities["out_o1"]
    assert float(stepper(window).value_text()) == float(f"{expected.quantities['out_o1']:.9g}")
    assert window.example.params.fields["w5"].text() == "0.1"
    assert "w5 = 0.1" in window.statusBar().currentMessage()


def test_invalid_parameter_entry_is_refused_with_a_message(qtbot, window):
    field = window.example.params.fields["lr"]
    field.selectAll()
    qtbot.keyClick(field, Qt.Key_Delete)
    qtbot.keyClicks(field, "-2")
    qtbot.keyClick(field, Qt.Key_Return)
    assert "learning rate must be greater than 0" in window.example.params.message.text()
    assert field.text() == "0.5"
    assert window.example.model.params.lr == 0.5


def test_invalid_weight_typed_on_the_diagram_is_refused(qtbot, window):
    diagram = window.example.diagram
    diagram.open_editor("w2")
    diagram.editor.selectAll()
    qtbot.keyClicks(diagram.editor, "abc")
    qtbot.keyClick(diagram.editor, Qt.Key_Return)
    assert diagram.editing() == "w2" and diagram.editor_error()
    qtbot.keyClick(diagram.editor, Qt.Key_Escape)
    assert window.example.model.params.w2 == 0.2


def test_keyboard_shortcuts_move_through_the_pass(qtbot, window):
    panel = stepper(window)
    window.example.diagram.setFocus()
    qtbot.keyClick(window, Qt.Key_Right)
    qtbot.keyClick(window, Qt.Key_Right)
    assert panel.position() == 1
    qtbot.keyClick(window, Qt.Key_Left)
    assert panel.position() == 0
    qtbot.keyClick(window, Qt.Key_End)
    assert panel.position() == len(panel.trace()) - 1
    qtbot.keyClick(window, Qt.Key_N, Qt.ControlModifier)  # apply the update: a new pass starts
    assert panel.position() == -1
    assert f"{window.example.model.trace.quantities['E_total']:.9f}" == "0.291027774"
    qtbot.keyClick(window, Qt.Key_Right)
    qtbot.keyClick(window, Qt.Key_Home)
    assert panel.position() == -1


def test_run_many_passes(qtbot, window):
    page = window.example
    page.bottom.setCurrentWidget(page.iterate)
    page.iterate.passes.setCurrentText("10000")
    with qtbot.waitSignal(page.runEnded, timeout=20000):  # the passes run in the page's worker thread
        qtbot.mouseClick(page.iterate.run_button, Qt.LeftButton)
    assert "E_total = 0.0000351085" in page.iterate.summary.text()
    qtbot.mouseClick(page.iterate.continue_button, Qt.LeftButton)
    assert page.model.trace.quantities["E_total"] < 3.6e-5


def test_update_biases_toggle_adds_the_bias_steps(qtbot, window):
    qtbot.mouseClick(window.example.params.update_biases, Qt.LeftButton)
    names = [s.name for s in stepper(window).trace().steps]
    assert "dE/db1" in names and "b2+" in names


def test_about_shows_the_version_and_every_help_dialog_is_deleted_once_closed(qtbot, window):
    def dialogs():
        return [d for d in window.findChildren(QDialog) if d.isVisible()]

    window.show_about()
    [box] = dialogs()
    assert isinstance(box, QMessageBox)
    assert f"bpviz {__version__}" in box.text() and "lessons" in box.text().lower()
    for show in (window.show_lessons, window.show_shortcuts):
        show()
    assert len(dialogs()) == 3
    for _ in range(20):  # opened and closed again and again: nothing piles up
        for show in (window.show_about, window.show_lessons, window.show_shortcuts):
            show()
        for dialog in dialogs():
            dialog.close()
        qtbot.wait(1)
    qtbot.waitUntil(lambda: not window.findChildren(QDialog), timeout=2000)


def test_lessons_dialog_shows_the_readme(qtbot, window):
    from bpviz.gui.help_dialogs import LessonsDialog

    dialog = LessonsDialog(window)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "Lessons" in text and "0.75136507" in text


def test_layout_is_remembered_and_closing_is_clean(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.resize(796, 620)  # the offscreen screen is 800x800: restoreGeometry keeps windows on it
    first.show()
    qtbot.waitExposed(first)
    first.example.main.setSizes([600, 500])
    first.example.panel_actions["params"].setChecked(False)
    QApplication.processEvents()  # let the splitter lay out without the hidden panel
    sizes = first.example.main.sizes()
    assert first.close()
    second = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (796, 620)
    assert second.example.main.sizes() == sizes
    assert not second.example.bottom.isVisible()
    assert not second.example.panel_actions["params"].isChecked()


# pages -----------------------------------------------------------------------------------------------------
def test_every_lesson_page_has_a_tab_a_name_for_page_and_a_ctrl_number(window, qtbot):
    from bpviz.cli import PAGES

    names = ["example", "playground"] + [page.page_name for page in window.lesson_pages]
    assert names == list(PAGES)
    for index, name in enumerate(names):
        window.show_page("example")
        window.show_page(name)
        assert window.tabs.currentIndex() == index
        window.show_page("example")
        qtbot.keyClick(window, Qt.Key(Qt.Key_1 + index), Qt.ControlModifier)
        assert window.tabs.currentIndex() == index
    with pytest.raises(ValueError, match="no page called 'nope'"):
        window.show_page("nope")


def test_a_lesson_page_shows_its_figures_in_the_status_bar_and_only_while_shown(window, qtbot):
    window.show_page("warmup")
    page = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    window.show_page("example")
    window.show_page("warmup")
    assert window.status_label.text() == "Not trained yet · Train runs 500 iterations"  # not "loss nan"
    page.iterations.setValue(20)
    assert window.status_label.text() == "Not trained yet · Train runs 20 iterations"
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        page.train_button.click()
    qtbot.waitUntil(lambda: "Iteration 20" in window.status_label.text(), timeout=10000)
    window.show_page("example")
    assert window.status_label.text() == "E_total: not computed yet"
    window.show_page("warmup")
    page.reset_button.click()  # its frame arrives while the example is shown: the example's text stays
    window.show_page("example")
    qtbot.wait(200)
    assert window.status_label.text() == "E_total: not computed yet"


def test_run_opens_the_window_on_the_page_asked_for_and_quits_cleanly(qapp):
    from bpviz.gui import app as app_module
    from bpviz.gui.workers.sliced import running_threads

    seen = {}
    earlier = set(running_threads())  # pages other tests built on their own may still hold theirs

    def look_and_quit():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["page"] = window.tabs.currentWidget().page_name
        seen["threads"] = [t for t in running_threads() if t not in earlier]  # the playground's, the warm-up's…
        window.close()
        qapp.quit()

    QTimer.singleShot(300, look_and_quit)
    assert app_module.run(page="graph") == 0
    # Closing the last window posted a second quit; spend it here, or the next test's event loops end at once.
    QTimer.singleShot(0, qapp.quit)
    qapp.exec()
    assert seen["page"] == "graph"
    assert len(seen["threads"]) >= 2 and not any(t.isRunning() for t in seen["threads"])


def test_the_lessons_menu_holds_each_lesson_pages_commands_enabled_on_its_page(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Lessons")
    submenus = {a.text(): a.menu() for a in menu.actions()}
    assert list(submenus) == [page.tab_title for page in window.lesson_pages]
    for page in window.lesson_pages:
        commands = submenus[page.tab_title].actions()
        assert commands and commands == page.menu_actions()
        window.show_page("example")
        assert not any(c.isEnabled() for c in commands)  # their shortcuts must not act on another page
        window.show_page(page.page_name)
        assert any(c.isEnabled() for c in commands)
    graph = window.lesson_pages[0]
    window.show_page("graph")
    before = graph.position
    next(c for c in graph.menu_actions() if c.text().startswith("Next")).trigger()
    assert graph.position == before + 1


def test_a_script_that_never_closes_the_window_exits_cleanly(tmp_path):
    """Threads still running at interpreter exit are joined there (no "QThread: Destroyed while thread is still
    running", no abort), also when the window was garbage-collected first."""
    script = textwrap.dedent(f"""
        import gc, time
        from PySide6.QtCore import QCoreApplication, QSettings
        from bpviz.gui.app import create_app
        from bpviz.gui.main_window import MainWindow
        app = create_app(["bpviz"])
        kept = MainWindow(QSettings({str(tmp_path / "a.ini")!r}, QSettings.IniFormat))
        kept.show()
        dropped = MainWindow(QSettings({str(tmp_path / "b.ini")!r}, QSettings.IniFormat))
        dropped.playground.play()
        del dropped
        gc.collect()
        end = time.time() + 0.5
        while time.time() < end:
            QCoreApplication.processEvents()
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr[-2000:]
    assert "QThread" not in run.stderr


def test_every_page_keeps_the_same_height_and_offers_the_page_protocol(window, qtbot):
    """One toolbar for all pages, never hidden: a page switch that changed the pages' height laid out and
    repainted every plot of the page shown (the trajectories page took ~110 ms instead of ~40)."""
    from bpviz.gui.pages import Page

    heights = set()
    for page in window.pages:
        assert isinstance(page, Page), page.page_name
        window.tabs.setCurrentWidget(page)
        qtbot.wait(20)
        heights.add(window.tabs.height())
        toolbar_actions = [a for a in window.toolbar.actions() if a.isVisible() and a.text()]
        assert toolbar_actions == page.toolbar_actions()
        assert window.page_summary.text() == ("" if toolbar_actions else page.subject)
    assert len(heights) == 1
