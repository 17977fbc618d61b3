"""The training playground with its real background thread: play, pause, step, reset, live settings,
divergence, closing. Waits are bounded; they wait on frames the page draws in the GUI thread."""

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt

from bpviz.engine.datasets import DatasetSpec
from bpviz.gui.main_window import MainWindow
from bpviz.gui.pages.playground import PlaygroundPage
from bpviz.training import TrainConfig


def start_page(qtbot, **settings):
    data = settings.pop("dataset", DatasetSpec("xor", n_samples=200, noise=0.1, seed=2))
    config = TrainConfig(dataset=data, **{"hidden": (6, 6), "lr": 0.1, "batch_size": 10, **settings})
    page = PlaygroundPage(config)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    return page


def snap(page):
    return page.frame.snapshot


def test_play_learns_xor_and_the_loss_falls(qtbot):
    page = start_page(qtbot)
    first_loss = snap(page).train_loss
    page.play()
    qtbot.waitUntil(lambda: page.frame.running and snap(page).test_accuracy >= 0.9, timeout=30000)
    page.pause()
    qtbot.waitUntil(lambda: not page.frame.running, timeout=5000)
    assert snap(page).train_loss < 0.8 * first_loss
    steps, train, _ = page.loss.curve_data()
    assert len(steps) == len(snap(page).history) == snap(page).epoch + 1  # every epoch reached the loss curve
    assert train[-1] < train[0]
    assert page.decision.region_image() is not None


def test_pause_stops_the_step_count(qtbot):
    page = start_page(qtbot)
    page.play()
    qtbot.waitUntil(lambda: snap(page).step > 100, timeout=10000)
    page.pause()
    qtbot.waitUntil(lambda: not page.frame.running, timeout=5000)
    paused_at = snap(page).step
    qtbot.wait(300)
    assert snap(page).step == paused_at == page.worker.trainer.step_count


def test_step_advances_exactly_one_step(qtbot):
    page = start_page(qtbot)
    assert snap(page).step == 0
    for expected in (1, 2, 3):
        with qtbot.waitSignal(page.frameShown, timeout=5000):
            page.step_action.trigger()
        assert snap(page).step == expected
    assert not page.frame.running


def test_reset_restores_the_initial_weights_of_the_seed(qtbot):
    page = start_page(qtbot)
    initial = [w.copy() for w in snap(page).weights]
    page.play()
    qtbot.waitUntil(lambda: snap(page).step > 200, timeout=10000)
    generation = page.frame.generation
    page.reset_action.trigger()
    qtbot.waitUntil(lambda: page.frame.generation > generation, timeout=5000)
    assert snap(page).step == 0 and not page.frame.running
    for w, w0 in zip(snap(page).weights, initial):
        np.testing.assert_array_equal(w, w0)
    assert page.loss.n_entries() == 1


def test_changing_the_learning_rate_while_running_takes_effect(qtbot):
    page = start_page(qtbot, lr=0.03)
    page.play()
    qtbot.waitUntil(lambda: snap(page).step > 50, timeout=10000)
    page.controls.lrChanged.emit(0.3)  # what choosing 0.3 in the learning-rate box sends
    qtbot.waitUntil(lambda: page.frame.running and page.frame.config.lr == 0.3, timeout=5000)
    page.pause()
    qtbot.waitUntil(lambda: not page.frame.running, timeout=5000)
    before = [w.copy() for w in snap(page).weights]
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        page.step()
    after, grads = snap(page).weights, snap(page).grad_weights
    for w0, w1, g in zip(before, after, grads):
        np.testing.assert_allclose(w0 - w1, 0.3 * g, rtol=1e-10, atol=1e-15)


def test_a_diverging_learning_rate_pauses_with_a_message(qtbot):
    # three linear layers multiply their weights: at learning rate 10 they overflow within an epoch
    page = start_page(qtbot, activation="linear", lr=10.0)
    page.play()
    qtbot.waitUntil(lambda: page.banner.isVisible() and not page.frame.running, timeout=10000)
    assert "diverged" in page.banner.text() and "learning rate" in page.banner.text()
    s = snap(page)
    assert s.diverged and np.isfinite(s.train_loss) and all(np.isfinite(w).all() for w in s.weights)
    page.reset_action.trigger()
    qtbot.waitUntil(lambda: not snap(page).diverged and snap(page).step == 0, timeout=5000)
    assert not page.banner.isVisible()


def test_live_settings_do_not_restart_but_new_data_does(qtbot):
    page = start_page(qtbot)
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        page.step()
    generation = page.frame.generation
    page.controls.batchSizeChanged.emit(0)
    qtbot.waitUntil(lambda: page.frame.config.batch_size == 0, timeout=5000)
    assert page.frame.generation == generation and snap(page).step == 1
    new = TrainConfig(dataset=DatasetSpec("spiral", seed=4), hidden=(8, 8))
    page.controls.configChanged.emit(new)
    qtbot.waitUntil(lambda: page.frame.generation > generation, timeout=5000)
    assert page.frame.config.dataset.name == "spiral" and snap(page).step == 0
    assert page.diagram.state().sizes == (2, 8, 8, 1)


def test_closing_the_window_while_training_stops_the_thread(qtbot):
    window = MainWindow(QSettings())
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.playground)
    page = window.playground
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    page.play()
    qtbot.waitUntil(lambda: snap(page).step > 20, timeout=10000)
    assert page.thread.isRunning()
    window.close()
    assert not page.thread.isRunning()


def test_shortcuts_follow_the_visible_tab(qtbot):
    window = MainWindow(QSettings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    page = window.playground
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    qtbot.keyClick(window, Qt.Key_Right)  # on the worked example: Next
    assert window.example.stepper.position() == 0 and snap(page).step == 0
    window.tabs.setCurrentWidget(page)
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        qtbot.keyClick(window, Qt.Key_Right)  # on the playground: Step
    assert snap(page).step == 1 and window.example.stepper.position() == 0
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        qtbot.keyClick(window, Qt.Key_Space)  # Play
    qtbot.waitUntil(lambda: page.frame.running, timeout=5000)
    qtbot.keyClick(window, Qt.Key_Space)  # Pause
    qtbot.waitUntil(lambda: not page.frame.running, timeout=5000)
    assert "Epoch" in window.status_label.text() and "step" in window.status_label.text()


def test_a_weight_typed_on_the_paused_diagram_changes_the_network(qtbot):
    page = start_page(qtbot, hidden=(3,))
    name = "w2"  # i2 → h1
    qtbot.mouseClick(page.diagram.viewport(), Qt.LeftButton, pos=page.diagram.edge_center(name))
    assert page.diagram.editing() == name
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        page.diagram.editor.setText("2.5")
        qtbot.keyClick(page.diagram.editor, Qt.Key_Return)
    assert snap(page).weights[0][1, 0] == 2.5
    trainer = page.worker.trainer
    expected = trainer.network.loss_value(trainer._X, trainer._Y)
    assert snap(page).train_loss == pytest.approx(expected)
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        page.step_action.trigger()  # training goes on from the edited weight
    assert snap(page).step == 1 and snap(page).weights[0][1, 0] != 2.5


def test_the_diagram_edits_only_while_training_is_paused(qtbot):
    page = start_page(qtbot)
    page.play()
    qtbot.waitUntil(lambda: page.frame.running, timeout=5000)
    qtbot.mouseClick(page.diagram.viewport(), Qt.LeftButton, pos=page.diagram.edge_center("w1"))
    assert page.diagram.editing() is None
    page.pause()
    qtbot.waitUntil(lambda: not page.frame.running, timeout=5000)
    qtbot.mouseClick(page.diagram.viewport(), Qt.LeftButton, pos=page.diagram.edge_center("w1"))
    assert page.diagram.editing() == "w1"
