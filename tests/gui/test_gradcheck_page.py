"""The gradient-check page driven as a user drives it: Check, the Broken backward box and its faults, the
network source, sorting by a header, the playground's frames; numbers compared with the published worked
example and with networks rebuilt here from the Trainer. A check runs in the page's worker thread: the tests
wait for ``checkEnded``, which the page emits in the GUI thread once the result is shown."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from bpviz.engine.broken_backward import broken_gradients
from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.gradcheck import GradCheckResult, ParamCheck
from bpviz.gui.main_window import MainWindow
from bpviz.gui.pages.gradcheck import EXAMPLE, PLAYGROUND, GradCheckPage
from bpviz.models.gradcheck_problem import playground_problem
from bpviz.models.gradcheck_report import summary, verdict
from bpviz.models.playground import PlaygroundModel
from bpviz.training import TrainConfig, Trainer
from bpviz.training.frames import Frame


def make_frame(config=None, steps=0, generation=1):
    trainer = Trainer(config or TrainConfig())
    trainer.run_steps(steps)
    frame = Frame(generation, trainer.config, trainer.data, trainer.snapshot(), None, 0.0, False)
    return frame, trainer


@pytest.fixture
def page(qtbot):
    p = GradCheckPage(PlaygroundModel())  # no frame yet: the real playground sends one as soon as it starts
    qtbot.addWidget(p)
    p.resize(1280, 740)
    p.show()
    qtbot.waitExposed(p)
    return p


def column(page, name):
    model = page.table.model_
    col = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())].index(name)
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def rows(page):
    return dict(zip(column(page, "Parameter"), column(page, "Verdict")))


def checked(qtbot, page):
    """``with checked(qtbot, page): <what starts a check>``: waits until its result is shown."""
    return qtbot.waitSignal(page.checkEnded, timeout=20000)


def click_check(qtbot, page):
    with checked(qtbot, page):
        qtbot.mouseClick(page.check_button, Qt.LeftButton)


def test_check_on_the_worked_example_is_all_green(qtbot, page):
    click_check(qtbot, page)
    verdicts = rows(page)
    assert sorted(verdicts) == sorted([f"w{i}" for i in range(1, 9)] + ["b1", "b2"])
    assert set(verdicts.values()) == {"agrees"}
    assert page.summary.text().startswith("All 10 parameters agree: largest relative error ")
    backprop = dict(zip(column(page, "Parameter"), column(page, "Backprop")))
    assert backprop["w5"].startswith("0.08216704")  # the published dE/dw5 = 0.082167041
    assert round(float(backprop["w1"]), 9) == 0.000438568  # the published dE/dw1
    assert dict(zip(column(page, "Parameter"), column(page, "Connection")))["w6"] == "h2 → o1"
    assert not page.points.isEnabled()  # the worked example has its one point
    # sorted worst first by default
    errors = [float(e) for e in column(page, "Relative error")]
    assert errors == sorted(errors, reverse=True)


def test_broken_backward_turns_the_hidden_layer_red(qtbot, page):
    click_check(qtbot, page)
    numerical = dict(zip(column(page, "Parameter"), column(page, "Numerical")))
    qtbot.mouseClick(page.broken, Qt.LeftButton, pos=QPoint(8, page.broken.height() // 2))
    assert page.broken.isChecked()
    assert page.fault.currentData() == "activation_derivative"
    verdicts = rows(page)
    assert {n for n, v in verdicts.items() if v == "DISAGREES"} == {"w1", "w2", "w3", "w4", "b1"}
    assert {n for n, v in verdicts.items() if v == "agrees"} == {"w5", "w6", "w7", "w8", "b2"}
    assert page.summary.text().startswith("5 of 10 parameters disagree: largest 0.76 at ")
    assert "Untouched (backprop's own): w5–w8, b2." in page.fault_note.text()
    assert "f′(net)" in page.fault_text.text()
    assert set(column(page, "Parameter")[:5]) == {"w1", "w2", "w3", "w4", "b1"}  # worst first
    # the numerical derivatives do not depend on the backward: only backprop's column changed
    assert dict(zip(column(page, "Parameter"), column(page, "Numerical"))) == numerical
    # another fault: now the output layer's weights are wrong
    page.fault.setCurrentIndex(page.fault.findData("pre_activation"))
    assert {n for n, v in rows(page).items() if v == "DISAGREES"} == {"w5", "w6", "w7", "w8"}
    assert page.plot.bar_heights()["w5"] > -4 > page.plot.bar_heights()["w1"]
    # a fault that a single point cannot reveal: the note says why
    page.fault.setCurrentIndex(page.fault.findData("bias_gradient"))
    assert set(rows(page).values()) == {"agrees"}
    assert "cannot catch this bug" in page.fault_note.text()
    qtbot.mouseClick(page.broken, Qt.LeftButton, pos=QPoint(8, page.broken.height() // 2))
    assert set(rows(page).values()) == {"agrees"} and page.fault_note.isHidden()


def test_sorting_by_a_header(qtbot, page):
    click_check(qtbot, page)
    header = page.table.horizontalHeader()

    def click_header(section):
        x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))

    network_order = [f"w{i}" for i in range(1, 9)] + ["b1", "b2"]
    click_header(0)  # Parameter: network order (w1 .. w8, then the biases), not alphabetical
    assert header.sortIndicatorSection() == 0
    ascending = header.sortIndicatorOrder() == Qt.AscendingOrder
    assert column(page, "Parameter") == (network_order if ascending else network_order[::-1])
    click_header(0)  # the same header again: the other way round
    assert column(page, "Parameter") == (network_order[::-1] if ascending else network_order)
    click_header(2)  # Backprop: by value
    assert header.sortIndicatorSection() == 2
    values = [float(v.replace("−", "-")) for v in column(page, "Backprop")]
    assert values == sorted(values, reverse=header.sortIndicatorOrder() == Qt.DescendingOrder)
    assert values[0] != values[-1]


def test_no_frame_yet_says_so_and_offers_the_worked_example(qtbot, page):
    page.source.setCurrentIndex(PLAYGROUND)
    assert "has not made a network yet" in page.summary.text()
    assert page.table.model_.rowCount() == 0 and page.points.isEnabled()
    with checked(qtbot, page):
        page.summary.linkActivated.emit("example")  # the link in the message
    assert page.source.currentIndex() == EXAMPLE
    assert page.table.model_.rowCount() == 10 and page.summary.text().startswith("All 10 parameters agree")


def test_a_frame_is_kept_and_checked_on_request(qtbot, page):
    config = TrainConfig(dataset=DatasetSpec("xor", n_samples=60, noise=0.1, seed=3), hidden=(5, 3),
                         activation="sigmoid", loss="softmax_ce", features=("x1", "x2", "x1*x2"))
    frame, trainer = make_frame(config, steps=7)
    page.set_active(True)
    page.playground.take(frame)
    with checked(qtbot, page):
        page.source.setCurrentIndex(PLAYGROUND)
    assert page.problem.frame is frame
    assert page.table.model_.rowCount() == trainer.network.get_parameters().size
    assert page.summary.text().startswith(f"All {page.table.model_.rowCount()} parameters agree")
    assert "at step 7" in page.description.text() and "first 8 of its 30 training points" in page.description.text()
    _, dW, _ = trainer.network.gradients(trainer._X[:8], trainer._Y[:8])  # the Trainer's own, independently
    backprop = dict(zip(column(page, "Parameter"), column(page, "Backprop")))
    assert float(backprop["w1"].replace("−", "-")) == pytest.approx(dW[0][0, 0], rel=1e-9)
    # a newer frame: not checked until asked, but the page says the check is behind
    newer, _ = make_frame(config, steps=9)
    page.playground.take(newer)
    assert page.problem.frame is frame
    assert "step 9 now, step 7 in this check" in page.stale.plain_text() and page.stale.isVisible()
    with checked(qtbot, page):
        page.check_action.trigger()
    assert page.problem.frame is newer and page.stale.isHidden()
    # another batch size: checked once the spin box settles
    page.points.setValue(3)
    qtbot.waitUntil(lambda: len(page.problem.X) == 3, timeout=3000)
    assert "first 3 of its 30" in page.description.text()
    page.points.setValue(500)
    qtbot.waitUntil(lambda: len(page.problem.X) == 30, timeout=3000)
    assert "only 30 points" in page.description.text()


def test_a_big_network_is_checked_on_a_sample(qtbot, page):
    config = TrainConfig(hidden=(16,) * 4, activation="tanh", features=("x1", "x2", "x1^2", "x2^2"))
    frame, trainer = make_frame(config)
    page.playground.take(frame)
    with checked(qtbot, page):
        page.source.setCurrentIndex(PLAYGROUND)
    n = trainer.network.get_parameters().size
    assert n > 300 and page.table.model_.rowCount() == 300
    assert f"(a random sample of the network's {n:,})" in page.summary.text()


def test_f5_works_only_while_the_page_is_active(qtbot, page):
    assert not page.check_action.isEnabled() and not page.broken_action.isEnabled()
    with checked(qtbot, page):
        page.set_active(True)  # becoming active checks the current network
    assert page.check_action.isEnabled() and page.table.model_.rowCount() == 10
    page.broken_action.trigger()
    assert page.broken.isChecked() and "DISAGREES" in rows(page).values()
    page.set_active(False)
    assert not page.check_action.isEnabled()


def test_the_playground_of_the_window_after_one_step(qtbot):
    window = MainWindow(QSettings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    playground = window.playground
    qtbot.waitUntil(lambda: playground.frame is not None, timeout=10000)
    window.show_page("playground")  # as a user does: the playground's Step works on its own page
    with qtbot.waitSignal(playground.frameShown, timeout=5000):
        playground.step_action.trigger()
    qtbot.waitUntil(lambda: playground.frame.snapshot.step == 1, timeout=5000)
    page = next(p for p in window.lesson_pages if p.page_name == "gradcheck")
    with checked(qtbot, page):
        window.show_page("gradcheck")
    assert window.tabs.currentWidget() is page and page.check_action.isEnabled()
    with checked(qtbot, page):
        page.source.setCurrentIndex(PLAYGROUND)
    assert page.problem.frame is playground.frame
    # the same network, independently: the Trainer of that configuration after one step
    trainer = Trainer(playground.frame.config)
    trainer.run_steps(1)
    _, dW, db = trainer.network.gradients(trainer._X[:8], trainer._Y[:8])
    checks = {c.name: c for c in page.result.checks}
    assert len(checks) == trainer.network.get_parameters().size
    assert checks["w1"].analytic == pytest.approx(dW[0][0, 0], rel=1e-12)
    assert checks["b_o1"].analytic == pytest.approx(db[-1][0], rel=1e-12)
    assert page.summary.text().startswith(f"All {len(checks)} parameters agree")
    assert "at step 1 " in page.description.text()
    qtbot.mouseClick(page.broken, Qt.LeftButton, pos=QPoint(8, page.broken.height() // 2))
    assert " parameters disagree: largest " in page.summary.text()
    window.close()


def test_the_worked_example_source_checks_the_numbers_typed_on_its_page(qtbot):
    from bpviz.engine.presets import ExampleParams, worked_example

    window = MainWindow(QSettings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = next(p for p in window.lesson_pages if p.page_name == "gradcheck")
    with checked(qtbot, page):
        window.show_page("gradcheck")
    assert "published starting numbers" in page.description.text()
    window.show_page("example")
    window.example.model.set_param("w5", 0.9)  # what the starting-numbers panel does on an edit
    with checked(qtbot, page):
        window.show_page("gradcheck")  # shown again: the check is stale and runs again
    assert "your starting numbers" in page.description.text()
    p = ExampleParams(w5=0.9)
    _, dW, _ = worked_example(p).gradients(p.inputs, p.targets)
    checks = {c.name: c for c in page.result.checks}
    assert checks["w5"].analytic == pytest.approx(dW[1][0, 0], rel=1e-12)
    assert checks["w5"].analytic != pytest.approx(0.082167041, rel=1e-3)  # not the published dE/dw5
    assert page.summary.text().startswith("All 10 parameters agree")
    window.close()


# ---------------------------------------------------------------- plain helpers
def test_playground_problem_builds_the_trainers_batch():
    config = TrainConfig(dataset=DatasetSpec("circle", n_samples=40, seed=5), hidden=(3,), loss="softmax_ce",
                         features=("x1^2", "x2^2", "sin(x1)"), regularization="l2", reg_rate=0.01)
    frame, trainer = make_frame(config, steps=4)
    problem = playground_problem(frame, 6)
    np.testing.assert_array_equal(problem.X, trainer._X[:6])
    np.testing.assert_array_equal(problem.Y, trainer._Y[:6])
    np.testing.assert_array_equal(problem.net.get_parameters(), trainer.network.get_parameters())
    assert problem.net.regularization == "l2" and problem.net.reg_rate == 0.01
    assert problem.input_labels == ("x₁²", "x₂²", "sin(πx₁)")


def test_summary_sentences_and_verdicts():
    good = ParamCheck("w1", 0.5, 0.5 + 1.55e-11, False, 1e-14)
    doubtful = ParamCheck("w2", 1.0, 1.0 + 3e-6, False, 1e-14)
    bad = ParamCheck("w1_2", 0.16, 1.0, False, 1e-14)
    kink = ParamCheck("w3", 0.3, 0.1, True, 1e-14)
    tiny = ParamCheck("b1", 0.0, 2e-15, False, 1e-14)  # a dead unit: 0 exactly against rounding noise
    assert [verdict(c) for c in (good, doubtful, bad, kink, tiny)] == ["agree", "close", "disagree", "kink", "noise"]
    assert summary(GradCheckResult((good, kink, tiny), 3)) == (
        "All 3 parameters agree: largest relative error 3.1e-11 (1 at kinks and 1 within rounding: not judged)",
        "pass")
    assert summary(GradCheckResult((good, bad, doubtful), 20)) == (
        "1 of 3 checked parameters disagrees: largest 0.84 at w1_2; 1 more doubtful "
        "(a random sample of the network's 20)", "fail")
    assert summary(GradCheckResult((good, doubtful), 2)) == (
        "No parameter clearly disagrees, but 1 of 2 parameters is doubtful: largest relative error 3.0e-06 at w2",
        "doubtful")


def test_broken_gradients_shown_are_the_engines(qtbot, page):
    """The table's backprop column under a fault is broken_gradients' value for that parameter."""
    click_check(qtbot, page)
    page.broken.setChecked(True)
    p = page.problem
    dW, _ = broken_gradients(p.net, p.X, p.Y, "activation_derivative")
    w3 = next(c for c in page.shown_result.checks if c.name == "w3")  # i1 -> h2 = W[0][0, 1]
    assert w3.analytic == dW[0][0, 1]


def test_a_playground_without_points_is_said_in_words(qtbot, page):
    from bpviz.engine.points import PointSet

    empty = DatasetSpec("circle").with_points(PointSet(np.zeros((0, 2)), []))
    frame, _ = make_frame(TrainConfig(dataset=empty, hidden=(3,)))
    page.set_active(True)
    page.playground.take(frame)
    page.source.setCurrentIndex(PLAYGROUND)
    page.check_action.trigger()
    assert "no training points to check the gradients on" in page.summary.text()
    assert page.table.model_.rowCount() == 0
