"""Drawing one's own data on the playground's output panel (issue 14), with real mouse events on the plot and the real
training thread: a click adds a point of the chosen class where it was clicked, a right-click (or Ctrl+click) removes
the nearest, Shift+drag brushes a cloud, Clear empties the set; the network and its weights stay, and training goes
on over the new points."""

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from bpviz.engine.datasets import DatasetSpec
from bpviz.gui.pages.playground import PlaygroundPage
from bpviz.training import TrainConfig


def start_page(qtbot, dataset=None, **settings):
    dataset = dataset or DatasetSpec("circle", n_samples=40, noise=0.1, test_ratio=0.5, seed=3)
    config = TrainConfig(dataset=dataset, **{"hidden": (3,), "lr": 0.1, "batch_size": 10, **settings})
    page = PlaygroundPage(config)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    page.set_active(True)
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    return page


def viewport_pos(page, x, y):
    """Where the plane's point (x, y) is on the output plot's viewport."""
    plot = page.decision.plot
    scene = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
    return plot.mapFromScene(scene)


def click(page, x, y, button=Qt.LeftButton, modifiers=Qt.NoModifier):
    QTest.mouseClick(page.decision.plot.viewport(), button, modifiers, viewport_pos(page, x, y))


def points_of(page):
    spec = page.frame.config.dataset
    return spec.points


def wait_points(qtbot, page, count):
    qtbot.waitUntil(lambda: points_of(page) is not None and len(points_of(page)) == count, timeout=5000)
    return points_of(page)


def test_a_click_adds_a_point_of_the_chosen_class_where_it_was_clicked(qtbot):
    page = start_page(qtbot)
    weights = [w.copy() for w in page.frame.snapshot.weights]
    n = page.frame.config.dataset.n_samples
    page.data.panel.draw_action.trigger()
    assert page.data.editor.active
    page.data.panel.class_buttons[1].click()
    click(page, 0.3, -0.4)
    points = wait_points(qtbot, page, n + 1)
    assert points.y[-1] == 1.0
    np.testing.assert_allclose(points.X[-1], [0.3, -0.4], atol=0.03)  # within a pixel or two of the click
    assert page.frame.config.dataset.noise == 0.0  # the generated points, noise and all, became the user's
    for before, after in zip(weights, page.frame.snapshot.weights):  # the same network goes on
        np.testing.assert_array_equal(before, after)
    shown = sum(page.decision.point_counts().values())
    assert shown == n + 1

    page.data.panel.class_buttons[0].click()
    click(page, -0.2, 0.5, modifiers=Qt.NoModifier)
    points = wait_points(qtbot, page, n + 2)
    assert points.y[-1] == 0.0


def test_a_right_click_removes_the_nearest_point_and_ctrl_click_too(qtbot):
    page = start_page(qtbot)
    page.data.panel.set_drawing(True)
    n = page.frame.config.dataset.n_samples
    click(page, 1.3, 1.3)  # a corner no circle point reaches
    points = wait_points(qtbot, page, n + 1)
    click(page, 1.28, 1.31, button=Qt.RightButton)
    points = wait_points(qtbot, page, n)
    assert not np.any(np.all(np.abs(points.X - [1.3, 1.3]) < 0.05, axis=1))
    click(page, 1.3, -1.3)
    wait_points(qtbot, page, n + 1)
    click(page, 1.31, -1.29, modifiers=Qt.ControlModifier)
    wait_points(qtbot, page, n)
    click(page, 1.45, 0.0, button=Qt.RightButton)  # nothing within reach: nothing removed, and a word why
    assert len(points_of(page)) == n


def test_shift_drag_brushes_a_cloud_and_clear_empties_the_set_which_can_be_drawn_anew(qtbot):
    page = start_page(qtbot)
    page.data.panel.set_drawing(True)
    n = page.frame.config.dataset.n_samples
    viewport = page.decision.plot.viewport()
    QTest.mousePress(viewport, Qt.LeftButton, Qt.ShiftModifier, viewport_pos(page, -1.0, -1.0))
    for k in range(1, 6):
        QTest.mouseMove(viewport, viewport_pos(page, -1.0 + 0.1 * k, -1.0))
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.ShiftModifier, viewport_pos(page, -0.5, -1.0))
    qtbot.waitUntil(lambda: len(points_of(page) or ()) >= n + 8, timeout=5000)
    added = points_of(page).X[n:]
    assert np.all(np.abs(added - [-0.75, -1.0]).max(axis=0) < [0.5, 0.35])  # a cloud along the drag

    page.data.panel.clear_button.click()
    wait_points(qtbot, page, 0)
    assert sum(page.decision.point_counts().values()) == 0
    page.play()  # nothing to train on: no error, no step
    qtbot.wait(100)
    page.pause()
    assert np.isnan(page.frame.snapshot.train_loss)

    page.data.panel.class_buttons[0].click()
    click(page, -0.5, 0.0)
    page.data.panel.class_buttons[1].click()
    click(page, 0.5, 0.0)
    wait_points(qtbot, page, 2)
    step = page.frame.snapshot.step
    page.step()
    qtbot.waitUntil(lambda: page.frame.snapshot.step == step + 1, timeout=5000)
    assert np.isfinite(page.frame.snapshot.train_loss)


def test_right_click_menu_is_back_when_drawing_is_off(qtbot):
    page = start_page(qtbot)
    page.data.panel.set_drawing(True)
    page.data.panel.set_drawing(False)
    assert not page.data.editor.active
    n = page.frame.config.dataset.n_samples
    click(page, 0.0, 0.0)  # not drawing: a click adds nothing
    qtbot.wait(50)
    assert page.frame.config.dataset.points is None
    assert page.frame.config.dataset.n_samples == n


def test_regression_points_are_drawn_with_the_sliders_value(qtbot):
    page = start_page(qtbot, DatasetSpec("plane", n_samples=30, seed=1), loss="half_sse")
    panel = page.data.panel
    panel.set_drawing(True)
    assert panel.value_slider.isVisible() and not panel.class_buttons[0].isVisible()
    panel.value_slider.setValue(-5)  # −0.5
    click(page, 0.2, 0.2)
    points = wait_points(qtbot, page, 31)
    assert points.regression and points.y[-1] == -0.5


def test_a_setting_still_settling_is_kept_when_a_point_is_drawn(qtbot):
    """A click on the plot right after another activation is chosen: the new run has both (the settings shown win
    over the last frame's)."""
    page = start_page(qtbot)
    combo = page.controls.activation_combo
    index = combo.findData("relu")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # as a user's choice: a new run is on its way, not yet sent
    page.data.add(np.array([[0.4, 0.4]]))
    qtbot.waitUntil(lambda: page.frame.config.activation == "relu" and page.frame.config.dataset.is_custom,
                    timeout=5000)
    qtbot.wait(100)
    assert page.frame.config.activation == "relu" and page.controls.config().activation == "relu"
    np.testing.assert_allclose(page.frame.config.dataset.points.X[-1], [0.4, 0.4])
