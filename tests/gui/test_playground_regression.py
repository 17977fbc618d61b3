"""Regression in the playground, driven as a user drives it: the data set buttons and the loss box, the output
panel's colour scale for values (region and points), Play with the real training thread, figures without
accuracy, a session saved and reopened exactly, and the gradient-check lesson fed a regression frame."""

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor

from bpviz.engine import Network
from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.features import make_features
from bpviz.engine.gradcheck import gradcheck
from bpviz.gui import palette
from bpviz.gui.main_window import MainWindow
from bpviz.gui.pages.playground import PlaygroundPage
from bpviz.gui.widgets.controls.playground import SETTLE_MS, PlaygroundControls
from bpviz.gui.widgets.plots.decision_plot import EXTENT, VALUE, DecisionPlot
from bpviz.gui.widgets.value_colors import MID
from bpviz.models.gradcheck_problem import playground_problem
from bpviz.training import TrainConfig, Trainer
from bpviz.training.frames import Frame

REGRESSION = TrainConfig(dataset=DatasetSpec("multi_gaussian", n_samples=300, noise=0.0, seed=3), hidden=(6, 6),
                         loss="half_sse", lr=0.1, batch_size=10, seed=3)


def rgb(hex_color):
    c = QColor(hex_color)
    return np.array([c.red(), c.green(), c.blue()], float)


def between(a, b, t):
    """The colour a fraction t of the way from a to b, rounded as 8-bit channels."""
    return np.round(rgb(a) + t * (rgb(b) - rgb(a)))


# --- the settings panel -------------------------------------------------------------------------------------------


@pytest.fixture
def controls(qtbot):
    w = PlaygroundControls()
    qtbot.addWidget(w)
    w.resize(280, 780)
    w.show()
    qtbot.waitExposed(w)
    return w


def click(qtbot, button):
    """Scroll the settings panel to the button, then click it with the mouse."""
    panel = button.parent()
    while not isinstance(panel, PlaygroundControls):
        panel = panel.parent()
    panel.scroll.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.LeftButton)


def loss_items(combo):
    return [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]


def test_choosing_a_regression_set_leaves_the_squared_error_only(qtbot, controls):
    buttons = controls.dataset_buttons
    assert buttons["plane"].text() == "Plane" and buttons["multi_gaussian"].text() == "Multi Gauss"
    assert "Regression" in buttons["plane"].toolTip() and "linear" in buttons["multi_gaussian"].toolTip()
    assert controls.datasets.regression_label.text() == "Regression: a value"
    assert buttons["plane"].width() >= 60 and not buttons["plane"].icon().isNull()
    with qtbot.waitSignal(controls.configChanged, timeout=1000) as sig:
        click(qtbot, buttons["plane"])
    config = sig.args[0]
    assert config.dataset.name == "plane" and config.loss == "half_sse" and config.output == "linear"
    assert buttons["plane"].isChecked() and not buttons["circle"].isChecked()
    assert loss_items(controls.loss_combo) == [("half_sse", "squared error (linear output)")]
    assert "linear" in controls.loss_combo.toolTip() and controls.loss_label.toolTip() == controls.loss_combo.toolTip()
    assert "linear" in controls.loss_combo.itemData(0, Qt.ToolTipRole)
    with qtbot.waitSignal(controls.configChanged, timeout=1000) as sig:  # the other regression set: same loss
        click(qtbot, buttons["multi_gaussian"])
    assert sig.args[0].dataset.name == "multi_gaussian" and sig.args[0].loss == "half_sse"


def test_back_to_classification_brings_back_the_loss_chosen_before(qtbot, controls):
    combo = controls.loss_combo
    combo.setCurrentIndex(combo.findData("softmax_ce"))
    combo.activated.emit(combo.currentIndex())  # as a click in the pop-up does
    qtbot.wait(SETTLE_MS)
    click(qtbot, controls.dataset_buttons["plane"])
    qtbot.wait(SETTLE_MS)
    with qtbot.waitSignal(controls.configChanged, timeout=1000) as sig:
        click(qtbot, controls.dataset_buttons["moons"])
    assert sig.args[0].loss == "softmax_ce" and sig.args[0].sizes == (2, 4, 4, 2)
    assert [d for d, _ in loss_items(combo)] == ["bce", "half_sse", "softmax_ce"]
    assert combo.currentText() == "softmax cross-entropy (2 outputs)"
    assert all(combo.itemData(i, Qt.ToolTipRole) for i in range(combo.count()))


def test_a_loaded_regression_config_is_shown_without_emitting(qtbot, controls):
    seen = []
    controls.configChanged.connect(seen.append)
    controls.set_config(REGRESSION)
    qtbot.wait(SETTLE_MS + 100)
    assert seen == [] and controls.config() == REGRESSION
    assert controls.dataset_buttons["multi_gaussian"].isChecked()
    assert controls.loss_combo.currentText() == "squared error (linear output)"
    classification = TrainConfig(loss="half_sse")  # the classification half_sse: the three losses again
    controls.set_config(classification)
    assert controls.config() == classification and controls.loss_combo.count() == 3


# --- the output panel ---------------------------------------------------------------------------------------------


@pytest.fixture
def plot(qtbot):
    w = DecisionPlot()
    qtbot.addWidget(w)
    w.resize(360, 360)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_points_are_coloured_by_their_value(plot):
    X = np.array([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8], [-0.5, 0.0]])
    y = np.array([-1.0, 0.0, 1.0, 0.5, -3.0])  # −3: beyond the scale, shown as −1
    plot.set_data(X[:4], y[:4], X[4:], y[4:], regression=True)
    assert plot.regression
    assert plot.point_counts() == {("train", VALUE): 4, ("test", VALUE): 1}
    assert all(len(plot.points[(k, c)].data) == 0 for k in ("train", "test") for c in (0, 1))
    shown = [rgb(c) for c in plot.point_colors("train")]
    expected = [rgb(palette.NEGATIVE), rgb(MID), rgb(palette.POSITIVE), between(MID, palette.POSITIVE, 0.5)]
    np.testing.assert_allclose(shown, expected, atol=1)
    np.testing.assert_allclose(rgb(plot.point_colors("test")[0]), rgb(palette.NEGATIVE), atol=1)
    x, _ = plot.points[("train", VALUE)].getData()
    np.testing.assert_array_equal(x, X[:4, 0])
    # train and test look different (white rim, dark rim), as for classes
    assert plot.points[("train", VALUE)].opts["pen"].color() != plot.points[("test", VALUE)].opts["pen"].color()
    plot.show_test.click()
    assert not plot.test_points_visible() and not plot.points[("test", VALUE)].isVisible()
    plot.show_test.click()
    # back to classes: the value items empty, the classes filled
    plot.set_data(X[:4], np.array([0.0, 1.0, 1.0, 0.0]), X[4:], np.array([1.0]))
    assert not plot.regression and plot.point_counts()[("train", 1)] == 2
    assert len(plot.points[("train", VALUE)].data) == 0


def _is_orange(px):
    r, g, b = (int(v) for v in px[:3])
    return r > 200 and r > g + 30 and g > b + 20


def _is_blue(px):
    r, g, b = (int(v) for v in px[:3])
    return b > 170 and b > r + 50


def test_the_region_shows_the_output_value_from_minus_1_to_plus_1(plot):
    plot.set_data(np.zeros((1, 2)), np.zeros(1), np.zeros((0, 2)), np.zeros(0), regression=True)
    values = np.tile(np.linspace(-2.0, 2.0, 81, dtype=np.float32), (81, 1))  # −2 … +2 from left to right
    plot.set_region(values, EXTENT)
    np.testing.assert_array_equal(plot.region_values(), values)  # kept as given, unclipped
    img = plot.region_image()
    assert _is_orange(img[40, 20]) and _is_blue(img[40, 60])  # −1 and +1
    assert all(int(v) >= 245 for v in img[40, 40, :3])  # 0 is white
    np.testing.assert_array_equal(img[40, 0], img[40, 20])  # beyond ±1: the colour of ±1
    np.testing.assert_array_equal(img[40, 80], img[40, 60])
    # the colour at +0.5 is the one P(blue) = 0.75 has in classification: the same hues, the same lightness
    classification = DecisionPlot()
    classification.set_region(np.full((2, 2), 0.75, np.float32), EXTENT)
    np.testing.assert_array_equal(img[40, 50], classification.region_image()[0, 0])
    classification.deleteLater()
    plot.discretize.click()  # the sign of the output
    img = plot.region_image()
    assert len(np.unique(img.reshape(-1, 4), axis=0)) == 2
    assert _is_orange(img[0, 40]) and _is_blue(img[0, 41])  # 0 exactly is orange, just above 0 is blue
    assert "sign" in plot.discretize.toolTip()
    assert plot.key.regression and "target value" in plot.key.toolTip()
    plot.set_data(np.zeros((1, 2)), np.ones(1), np.zeros((0, 2)), np.zeros(0))  # classes: the old values go
    assert plot.region_image().shape == (0, 0, 4) and plot.region_values() is None
    assert not plot.key.regression and "P(blue)" in plot.key.toolTip()


def test_a_diverged_regression_region_is_white(plot):
    plot.set_data(np.zeros((1, 2)), np.zeros(1), np.zeros((0, 2)), np.zeros(0), regression=True)
    v = np.zeros((10, 10), np.float32)
    v[2, 2], v[3, 3] = np.nan, np.inf
    plot.set_region(v, EXTENT)
    img = plot.region_image()
    assert all(int(c) >= 245 for c in img[2, 2, :3]) and _is_blue(img[3, 3])


# --- the page with its training thread ----------------------------------------------------------------------------


def start_page(qtbot, config=REGRESSION):
    page = PlaygroundPage(config)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    return page


def grid_predictions(frame, res):
    c, s = frame.config, frame.snapshot
    net = Network(c.sizes, hidden=c.activation, output=c.output, loss=c.loss)
    net.weights, net.biases = s.weights, s.biases
    xs = EXTENT[0] + (np.arange(res) + 0.5) * (EXTENT[1] - EXTENT[0]) / res
    x1, x2 = np.meshgrid(xs, xs)
    return net.predict(make_features(np.column_stack([x1.ravel(), x2.ravel()]), c.features))[:, 0].reshape(res, res)


def test_play_lowers_the_loss_and_nothing_speaks_of_accuracy(qtbot):
    page = start_page(qtbot)
    frame = page.frame
    assert frame.config.is_regression and frame.maps.regression
    assert page.decision.regression and "predicted value" in page.output_title.text()
    first = frame.snapshot.train_loss
    page.play()
    qtbot.waitUntil(lambda: page.frame.running and page.frame.snapshot.train_loss < 0.5 * first, timeout=30000)
    page.pause()
    qtbot.waitUntil(lambda: not page.frame.running, timeout=5000)
    snap = page.frame.snapshot
    assert snap.train_loss < 0.5 * first and np.isnan(snap.test_accuracy)
    figures = page.figures.text()
    assert "Test loss" in figures and "training loss" in figures and "accuracy" not in figures.lower()
    assert "nan" not in figures.lower() and "accuracy" not in page.status_text().lower()
    # the region is the network's output over the plane; the points carry their targets' colours
    np.testing.assert_allclose(page.decision.region_values(), grid_predictions(page.frame, 100), atol=1e-4)
    d = page.frame.data
    assert page.decision.point_counts() == {("train", VALUE): len(d.X_train), ("test", VALUE): len(d.X_test)}
    steps, train, _ = page.loss.curve_data()
    assert train[-1] < train[0]


def test_clicking_a_classification_set_starts_a_classification_run(qtbot):
    page = start_page(qtbot)
    generation = page.frame.generation
    click(qtbot, page.controls.dataset_buttons["xor"])
    qtbot.waitUntil(lambda: page.frame.generation > generation, timeout=5000)
    assert page.frame.config.dataset.name == "xor" and page.frame.config.loss == "bce"
    assert not page.decision.regression and not page.frame.maps.regression
    assert "decision region" in page.output_title.text()
    assert "test accuracy" in page.figures.text()
    generation = page.frame.generation
    click(qtbot, page.controls.dataset_buttons["plane"])
    qtbot.waitUntil(lambda: page.frame.generation > generation, timeout=5000)
    assert page.frame.config.output == "linear" and page.decision.regression


def test_a_regression_session_reopens_exactly(qtbot, tmp_path):
    window = MainWindow(QSettings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.playground
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    generation = page.frame.generation
    page.controls.set_config(REGRESSION)  # a loaded run, as File > Open does
    page.reconfigure(REGRESSION)
    qtbot.waitUntil(lambda: page.frame.generation > generation, timeout=5000)
    page.play()
    qtbot.waitUntil(lambda: page.frame.snapshot.step > 300, timeout=10000)
    page.pause()
    qtbot.waitUntil(lambda: not page.frame.running, timeout=5000)
    assert "accuracy" not in window.status_label.text().lower() and "loss" in window.status_label.text()
    saved, region = page.frame.snapshot, page.decision.region_image().copy()
    before = grid_predictions(page.frame, 60)
    path = tmp_path / "bumps.bpviz"
    assert window.files.save_to(path)

    page.controls.dataset_buttons["circle"].click()  # something else on screen, then open the file
    qtbot.waitUntil(lambda: page.frame.config.dataset.name == "circle", timeout=5000)
    generation = page.frame.generation
    assert window.files.open_path(path)
    qtbot.waitUntil(lambda: page.frame.generation > generation, timeout=5000)
    loaded = page.frame.snapshot
    assert page.frame.config == page.controls.config() == REGRESSION
    for a, b in zip(saved.weights + saved.biases, loaded.weights + loaded.biases):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(grid_predictions(page.frame, 60), before)  # the same predictions
    np.testing.assert_array_equal(page.decision.region_image(), region)
    assert page.decision.regression and page.controls.loss_combo.currentText() == "squared error (linear output)"
    window.close()


# --- the gradient-check lesson on a regression network -------------------------------------------------------------


def test_the_gradient_check_lesson_takes_a_regression_frame():
    trainer = Trainer(REGRESSION)
    trainer.run_steps(50)
    frame = Frame(1, trainer.config, trainer.data, trainer.snapshot(), None, 0.0, False)
    problem = playground_problem(frame, 8)
    assert problem.net.output.name == "linear" and problem.net.loss.name == "half_sse"
    np.testing.assert_array_equal(problem.Y, trainer.data.y_train[:8, None])  # the values, one column
    assert "linear output" in problem.description and "multi_gaussian" in problem.description
    result = gradcheck(problem.net, problem.X, problem.Y)
    assert result.passed(1e-7)
