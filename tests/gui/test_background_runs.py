"""Long jobs run in the pages' worker threads, as a user meets them: progress, Cancel, a page that stays usable,
a newer request that supersedes an older one, starting numbers changed mid-run, and closing mid-run.

Every wait is on a signal the page emits in the GUI thread (``runEnded``, ``checkEnded``) or on a condition."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from gui_gaps import largest_playground_frame, pages_shown
from PySide6.QtCore import QSettings, Qt

from bpviz.gui.main_window import MainWindow
from bpviz.gui.pages.example import ExamplePage
from bpviz.gui.pages.gradcheck import EXAMPLE, PLAYGROUND, GradCheckPage
from bpviz.gui.workers.sliced import running_threads
from bpviz.models.playground import PlaygroundModel

LONG = 100_000  # passes: several seconds, a run that is surely still going when the test acts


@pytest.fixture
def show_page(qtbot):
    with pages_shown(qtbot) as show:
        yield show


def start_passes(qtbot, page, passes: int = LONG) -> None:
    page.iterate.passes.setCurrentText(str(passes))
    qtbot.mouseClick(page.iterate.run_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.iterate.progress.bar.value() > 0, timeout=10000)


# ---------------------------------------------------------------- the worked example's many passes
def test_a_long_run_shows_progress_the_page_stays_usable_and_cancel_stops_it(qtbot, show_page):
    page = show_page(ExamplePage())
    start_passes(qtbot, page)
    bar = page.iterate.progress.bar
    assert page.iterate.running and not page.iterate.run_button.isEnabled()
    assert bar.text().endswith(f"of {LONG:,} passes") and 0 < bar.value() < LONG
    position = page.stepper.position()
    page.stepper.actions["next"].trigger()  # the stepper works meanwhile
    assert page.stepper.position() == position + 1
    with qtbot.waitSignal(page.runEnded, timeout=5000):
        qtbot.mouseClick(page.iterate.progress.cancel_button, Qt.LeftButton)
    assert not page.iterate.running and page.iterate.run_button.isEnabled()
    assert page.iterate.message.message == f"The run of {LONG:,} passes was cancelled."
    assert page.model.last_run is None and page.iterate.curve.getOriginalDataset()[0] is None
    qtbot.wait(300)  # nothing of the cancelled run arrives later
    assert page.model.last_run is None and page.iterate.summary.text().startswith("Run passes")


def test_a_starting_number_changed_mid_run_cancels_it_and_says_so(qtbot, show_page):
    page = show_page(ExamplePage())
    with qtbot.waitSignal(page.runEnded, timeout=20000):
        page.run_passes(1000)
    first = page.model.last_run
    start_passes(qtbot, page)
    with qtbot.waitSignal(page.runEnded, timeout=5000):
        page.params.paramEdited.emit("w5", 0.3)  # what typing a number in the panel does
    assert "the starting numbers changed while it ran" in page.iterate.message.message
    assert page.model.params.w5 == 0.3 and page.model.last_run is first
    assert "Pass 1,000:" in page.iterate.summary.text()  # the finished run is still shown, and Continue goes on
    assert page.iterate.continue_button.isEnabled()
    page.iterate.continue_button.click()
    assert page.model.params.w5 == first.network.weights[1][0, 0]


def test_run_again_with_the_new_numbers_then_continue(qtbot, show_page):
    page = show_page(ExamplePage())
    page.edit_param("lr", 2.0)
    with qtbot.waitSignal(page.runEnded, timeout=20000):
        page.run_passes(10_000)
    assert "Pass 10,000:" in page.iterate.summary.text() and page.model.last_run.errors.size == 10_000
    page.continue_from_run()
    assert page.model.params.lr == 2.0 and page.model.params.w1 == page.model.last_run.network.weights[0][0, 0]


# ---------------------------------------------------------------- the gradient check
def test_a_long_check_shows_progress_and_cancel_keeps_the_last_result(qtbot, show_page):
    page = show_page(GradCheckPage(PlaygroundModel()))
    with qtbot.waitSignal(page.checkEnded, timeout=10000):
        page.set_active(True)
    shown_before = page.result
    page.playground.take(largest_playground_frame(2000))
    page.points.setValue(1000)
    page.source.setCurrentIndex(PLAYGROUND)
    bar = page.progress.bar
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=10000)
    assert page.progress.isVisible() and bar.text().startswith("Checking: ") and bar.maximum() == 300
    assert page.result is shown_before and page.table.model_.rowCount() == 10  # the last result stays
    with qtbot.waitSignal(page.checkEnded, timeout=5000):
        qtbot.mouseClick(page.progress.cancel_button, Qt.LeftButton)
    assert page.progress.isHidden() and page.result is shown_before
    qtbot.wait(300)
    assert page.result is shown_before  # the cancelled check never shows


def test_a_newer_check_supersedes_a_running_one(qtbot, show_page):
    page = show_page(GradCheckPage(PlaygroundModel()))
    page.set_active(True)
    page.playground.take(largest_playground_frame(2000))
    page.points.setValue(1000)
    page.source.setCurrentIndex(PLAYGROUND)
    qtbot.waitUntil(lambda: page.progress.bar.value() > 0, timeout=10000)
    ended = []
    page.checkEnded.connect(lambda: ended.append(page.problem))
    with qtbot.waitSignal(page.checkEnded, timeout=10000):
        page.source.setCurrentIndex(EXAMPLE)  # asked while the big check runs
    qtbot.wait(300)
    assert len(ended) == 1 and ended[0].frame is None  # only the newest check was shown: the worked example
    assert page.table.model_.rowCount() == 10 and page.summary.text().startswith("All 10 parameters agree")


# ---------------------------------------------------------------- closing mid-run
def test_closing_the_window_mid_run_joins_every_thread(qtbot):
    earlier = set(running_threads())  # left by other tests' pages (the exit handler joins those)
    window = MainWindow(QSettings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    example = window.example
    gradcheck = next(p for p in window.lesson_pages if p.page_name == "gradcheck")
    warmup = next(p for p in window.lesson_pages if p.page_name == "warmup")
    qtbot.waitUntil(lambda: warmup.frame is not None and window.playground.frame is not None, timeout=10000)
    start_passes(qtbot, example)
    gradcheck.playground.take(largest_playground_frame(2000))  # as if the playground had sent it
    gradcheck.points.setValue(1000)
    gradcheck.source.setCurrentIndex(PLAYGROUND)
    warmup.iterations.setValue(100_000)
    warmup.train()
    qtbot.waitUntil(lambda: gradcheck.jobs.busy and warmup.frame.state == "training", timeout=10000)
    threads = [t for t in running_threads() if t not in earlier]
    assert {t.objectName() for t in threads} >= {"bpviz-example-passes", "bpviz-gradcheck", "bpviz-warmup"}
    window.close()
    assert [t.objectName() for t in threads if t.isRunning()] == []
    assert set(running_threads()) <= earlier


def test_a_script_that_closes_the_window_mid_run_exits_cleanly(tmp_path):
    script = textwrap.dedent("""
        import os, sys
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QSettings, QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication(["bpviz"])
        QSettings.setDefaultFormat(QSettings.IniFormat)
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, sys.argv[1])
        from bpviz.gui.main_window import MainWindow
        window = MainWindow(QSettings())
        window.show()
        window.example.iterate.passes.setCurrentText("100000")
        QTimer.singleShot(200, window.example.iterate.run_button.click)
        gradcheck = next(p for p in window.lesson_pages if p.page_name == "gradcheck")
        QTimer.singleShot(200, lambda: (window.show_page("gradcheck"), gradcheck.check()))
        QTimer.singleShot(600, window.close)
        QTimer.singleShot(700, app.quit)
        app.exec()
        print("running at exit:", window.example.iterate.running, "closed")
    """)
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "running at exit: True closed" in done.stdout  # the run was still going when the window closed
    assert "QThread" not in done.stderr and "Traceback" not in done.stderr
