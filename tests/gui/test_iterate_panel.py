"""Running many passes: the error curve and the summary, the refusals, the progress and Cancel."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpviz.engine.presets import ExampleParams, run_example
from bpviz.gui.widgets.controls.iterate_panel import MAX_PASSES, PASS_CHOICES, IteratePanel


def test_run_request_and_display(qtbot):
    panel = IteratePanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.passes.setCurrentText("1000")
    with qtbot.waitSignal(panel.runRequested, timeout=1000) as sig:
        qtbot.mouseClick(panel.run_button, Qt.LeftButton)
    assert sig.args == [1000]
    run = run_example(ExampleParams(), 1000)
    panel.show_run(run, ExampleParams())
    x, y = panel.curve.getOriginalDataset()
    assert len(x) == 1000 and x[0] == 1 and np.allclose(y, run.errors)
    assert np.all(np.diff(run.errors) < 0)  # the error falls at every pass
    assert "Pass 1,000" in panel.summary.text() and "target 0.01" in panel.summary.text()
    assert panel.continue_button.isEnabled()


def test_bad_pass_counts_are_refused(qtbot):
    panel = IteratePanel()
    qtbot.addWidget(panel)
    emitted = []
    panel.runRequested.connect(emitted.append)
    for text in ("0", "ten", "1000001"):
        panel.passes.setCurrentText(text)
        qtbot.mouseClick(panel.run_button, Qt.LeftButton)
        assert panel.message.text().startswith("Refused")
    assert emitted == []


def test_a_huge_text_typed_is_quoted_short_and_the_message_wraps(qtbot):
    """Typed whole into the refusal, 10,000 characters made the panel (and the window) ~77,000 px wide."""
    panel = IteratePanel()
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.show()
    width_before = panel.sizeHint().width()
    for typed in ("7" * 10_000, "x" * 10_000, "1 2 " * 2_499 + "1 2."):
        panel.passes.setCurrentText(typed)
        qtbot.mouseClick(panel.run_button, Qt.LeftButton)
        text = panel.message.message
        assert text.startswith("Refused: passes") and len(text) < 200
        assert "(10,000 characters)" in text  # the length is said, the text is not repeated
        assert panel.message.wordWrap()
        assert panel.sizeHint().width() <= max(width_before, 700)
        assert panel.minimumSizeHint().width() < 700
    assert panel.passes.count() == len(PASS_CHOICES)  # what was typed did not join the choices


def test_out_of_range_numbers_say_the_range():
    panel = IteratePanel()
    for typed, expected in (("0", "got 0"), ("-5", "got -5"), ("100001", "got 100,001"), ("100,000", None),
                            ("+00012", None), ("1_000", None)):
        panel.passes.setCurrentText(typed)
        if expected is None:
            assert 1 <= panel.requested_passes() <= MAX_PASSES
        else:
            with pytest.raises(ValueError, match=f"between 1 and 100,000, {expected}$"):
                panel.requested_passes()


def test_while_a_run_goes_progress_and_cancel_replace_run(qtbot):
    panel = IteratePanel()
    qtbot.addWidget(panel)
    panel.show()
    emitted = []
    panel.runRequested.connect(emitted.append)
    panel.set_running(100_000)
    assert panel.running and panel.progress.isVisible() and not panel.run_button.isEnabled()
    assert not panel.continue_button.isEnabled()
    panel.show_progress(2_500, 100_000)
    assert panel.progress.bar.text() == "2,500 of 100,000 passes" and panel.progress.bar.value() == 2_500
    panel.passes.lineEdit().returnPressed.emit()  # Enter in the field: nothing while a run goes
    assert emitted == []
    with qtbot.waitSignal(panel.cancelRequested, timeout=1000):
        qtbot.mouseClick(panel.progress.cancel_button, Qt.LeftButton)
    panel.show_stopped("The run of 100,000 passes was cancelled.")
    assert not panel.running and panel.progress.isHidden() and panel.run_button.isEnabled()
    assert "cancelled" in panel.message.message and not panel.continue_button.isEnabled()  # no run shown yet
    run = run_example(ExampleParams(), 10)
    panel.show_run(run, ExampleParams())
    panel.set_running(10)
    panel.show_stopped("cancelled")
    assert panel.continue_button.isEnabled()  # the curve still shows the finished run: Continue goes on from it


def test_in_the_page_at_1280x800_the_texts_are_never_drawn_over_the_plot(qtbot):
    from bpviz.gui.pages.example import ExamplePage

    page = ExamplePage()
    qtbot.addWidget(page)
    page.resize(1280, 760)  # the page's share of a 1280x800 window
    page.show()
    qtbot.waitExposed(page)
    panel = page.iterate
    page.bottom.setCurrentWidget(panel)
    with qtbot.waitSignal(page.runEnded, timeout=20000):
        page.run_passes(1000)  # a summary of two lines at this width
    panel.passes.setCurrentText("x" * 10_000)
    qtbot.mouseClick(panel.run_button, Qt.LeftButton)  # and a refusal under it
    qtbot.wait(50)
    below = [w for w in (panel.summary, panel.message) if w.isVisible()]
    assert len(below) == 2 and all(w.geometry().top() >= panel.plot.geometry().bottom() for w in below)
    assert panel.plot.height() >= panel.plot.minimumHeight()
    assert panel.message.geometry().top() >= panel.summary.geometry().bottom()
    page.shutdown()


def test_a_long_run_is_drawn_as_its_envelope(qtbot):
    """100,000 errors drawn as ~2,000 points that keep the curve's first, last, lowest and highest values (the
    plot needs no auto downsampling, which failed once zoomed far out: tests/gui/test_plot_zoom.py)."""
    panel = IteratePanel()
    qtbot.addWidget(panel)
    run = run_example(ExampleParams(), 20_000)
    panel.show_run(run, ExampleParams())
    x, y = panel.curve.getOriginalDataset()
    assert len(x) <= 2_050 and (x[0], x[-1]) == (1, 20_000)
    assert (y[0], y[-1]) == (run.errors[0], run.errors[-1]) and y.min() == run.errors.min()
    assert "Pass 20,000:" in panel.summary.text()
