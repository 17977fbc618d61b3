"""The history scrubber (issue 15), with the playground's real training thread: the slider rewinds the diagram, its
maps, the output region and the figures to a recorded step while training goes on; Live follows training again;
Continue from here starts a run from that step's exact weights."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.grid import GridEvaluator
from bpviz.gui.pages.playground import PlaygroundPage, figures_text
from bpviz.gui.widgets.plots.decision_plot import DecisionPlot
from bpviz.training import TrainConfig, Trainer


def start_page(qtbot, **settings):
    """As tests/gui/test_playground_pass.py starts one: xor, 2-3-2-1 tanh, batches of 10, paused at step 0."""
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


def enter(qtbot, page):
    page.stepping.enter()
    qtbot.waitUntil(lambda: page.stepping.current is not None, timeout=5000)


def trained_for(config, steps: int) -> Trainer:
    """The network the training thread had after ``steps`` steps, computed here (same seed: same run)."""
    trainer = Trainer(config)
    trainer.run_steps(steps)
    return trainer


def expected_maps(page, weights, biases):
    c = page.frame.config
    return GridEvaluator(c.sizes, c.features, c.activation, c.output, res=page.frame.maps.region.shape[0]).evaluate(
        weights, biases)


def shows(page, weights, biases) -> bool:
    state = page.diagram.state()
    return all(np.array_equal(a, b) for a, b in zip((*state.weights, *state.biases), (*weights, *biases)))


def assert_diagram_shows(page, weights, biases):
    state = page.diagram.state()
    for shown, expected in zip(state.weights, weights):
        np.testing.assert_array_equal(shown, expected)
    for shown, expected in zip(state.biases, biases):
        np.testing.assert_array_equal(shown, expected)


def region_drawn_for(page, maps) -> np.ndarray:
    reference = DecisionPlot()
    reference.set_region(maps.region, maps.extent, classes=maps.classes)
    return reference.region_image()


def play_until(qtbot, page, step: int) -> None:
    page.play()
    qtbot.waitUntil(lambda: page.frame.running and page.frame.snapshot.step > step, timeout=20000)


def test_the_slider_rewinds_the_views_to_the_recorded_weights_while_training_goes_on(qtbot):
    page = start_page(qtbot)
    play_until(qtbot, page, 300)
    slider = page.rewinding.scrubber.slider
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key_Home)
    for _ in range(5):
        QTest.keyClick(slider, Qt.Key_Right)  # one recorded entry each: every step is kept at the start
    rewind = page.model.rewind
    assert not rewind.live and rewind.state.step == 5
    expected = trained_for(page.frame.config, 5).network
    # the maps are evaluated by the training worker between two slices: the diagram and region follow at once
    qtbot.waitUntil(lambda: shows(page, expected.weights, expected.biases), timeout=5000)
    assert page.diagram.state().neuron_images is not None
    maps = expected_maps(page, expected.weights, expected.biases)
    for neuron, image in maps.neurons.items():
        np.testing.assert_array_equal(page.diagram.state().neuron_images[neuron], image)
    np.testing.assert_array_equal(page.decision.region_image(), region_drawn_for(page, maps))
    figures = rewind.measure(rewind.state, page.frame.config, page.frame.data)
    assert page.figures.text() == figures_text(type("F", (), figures)(), False)
    assert "Rewound to step 5 (epoch" in page.rewinding.scrubber.text()
    assert "training goes on" in page.rewinding.scrubber.text()
    assert page.loss.marker_x() == 5.0  # the loss curve marks the step shown (x axis: steps)

    step_then = page.frame.snapshot.step
    qtbot.waitUntil(lambda: page.frame.snapshot.step > step_then + 200, timeout=20000)  # frames keep coming
    assert page.frame.running and rewind.state.step == 5
    assert_diagram_shows(page, expected.weights, expected.biases)  # the views stayed on step 5
    assert slider.value() == 5 and slider.maximum() > step_then

    QTest.keyClick(slider, Qt.Key_End)  # live again
    assert rewind.live and "Live" in page.rewinding.scrubber.text()
    assert page.loss.marker_x() is None
    step_then = page.frame.snapshot.step
    qtbot.waitUntil(lambda: page.frame.snapshot.step > step_then, timeout=5000)
    page.pause()
    qtbot.waitUntil(lambda: not page.frame.running, timeout=5000)
    snap = page.frame.snapshot
    assert_diagram_shows(page, snap.weights, snap.biases)  # the views follow training again
    assert slider.value() == slider.maximum()


def test_arrows_on_the_slider_rewind_and_do_not_step_training(qtbot):
    page = start_page(qtbot)
    for _ in range(4):
        with qtbot.waitSignal(page.frameShown, timeout=5000):
            page.step_action.trigger()
    assert page.frame.snapshot.step == 4
    slider = page.rewinding.scrubber.slider
    assert slider.maximum() == 4  # steps 0 .. 4 recorded
    slider.setFocus()
    QTest.keyClick(page.window().windowHandle(), Qt.Key_Left)  # as a user presses it: the window's Right/Left
    qtbot.wait(100)
    assert page.model.rewind.state.step == 3 and page.frame.snapshot.step == 4  # no Step was taken
    QTest.keyClick(page.window().windowHandle(), Qt.Key_Right)
    assert page.model.rewind.state.step == 4
    assert page.rewinding.scrubber.live_button.isEnabled()
    qtbot.mouseClick(page.rewinding.scrubber.live_button, Qt.LeftButton)
    assert page.model.rewind.live and not page.rewinding.scrubber.live_button.isEnabled()


def test_continue_from_here_starts_a_run_from_the_recorded_weights(qtbot):
    page = start_page(qtbot)
    play_until(qtbot, page, 250)
    state = page.rewinding.rewind_to(150)
    assert state.step == 150
    expected = trained_for(page.frame.config, 150)
    np.testing.assert_array_equal(np.concatenate([w.ravel() for w in state.weights]),
                                  np.concatenate([w.ravel() for w in expected.network.weights]))
    generation = page.frame.generation
    first = []
    page.frameShown.connect(lambda f: first.append(f) if f.generation != generation and not first else None)
    button = page.rewinding.scrubber.continue_button
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(first), timeout=5000)
    frame = first[0]
    assert not frame.running and frame.snapshot.step == 150 and frame.snapshot.epoch == state.epoch
    for got, want in zip((*frame.snapshot.weights, *frame.snapshot.biases), (*state.weights, *state.biases)):
        np.testing.assert_array_equal(got, want)
    assert frame.snapshot.history.steps.max() <= 150  # the loss history cut at that step
    assert page.model.rewind.live
    assert page.model.rewind.record.steps()[0] == 0  # the steps before it can still be rewound to

    reference = Trainer(frame.config)  # one Step from there, as a Trainer takes it from those weights
    reference.restore(state.weights, state.biases, state.step, state.epoch, frame.snapshot.history)
    reference.run_steps(1)
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        page.step_action.trigger()
    qtbot.waitUntil(lambda: page.frame.snapshot.step == 151, timeout=5000)
    for got, want in zip(page.frame.snapshot.weights, reference.network.weights):
        np.testing.assert_array_equal(got, want)
    assert page.model.rewind.record.last_step == 151


def test_a_new_run_ends_the_rewind(qtbot):
    page = start_page(qtbot)
    for _ in range(3):
        with qtbot.waitSignal(page.frameShown, timeout=5000):
            page.step_action.trigger()
    page.rewinding.rewind_to(1)
    assert not page.model.rewind.live
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        page.reset()
    assert page.model.rewind.live and page.frame.snapshot.step == 0
    assert page.model.rewind.record.steps().tolist() == [0]
    assert_diagram_shows(page, page.frame.snapshot.weights, page.frame.snapshot.biases)


def test_the_scrubber_is_off_while_a_pass_is_stepped_through(qtbot):
    page = start_page(qtbot)
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        page.step_action.trigger()
    page.rewinding.rewind_to(0)
    enter(qtbot, page)
    scrubber = page.rewinding.scrubber
    assert page.model.rewind.live  # the pass is of the network as it is now
    assert not scrubber.slider.isEnabled() and "pass is stepped through" in scrubber.slider.toolTip()
    assert page.rewinding.rewind_to(0) is None and page.model.rewind.live
    page.stepping.leave()
    assert scrubber.slider.isEnabled()
