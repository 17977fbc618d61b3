"""The "Loss landscape" page driven as a user drives it, its drawing compared with the engine (bpviz.engine.landscape):
the worked example's heat map pixel by pixel, the path of the passes run on the worked-example page, the gradient
arrow, a real mouse click on the map that sets two weights (and the worked-example page shows them); the
playground's plane computed in the page's worker from real frames of the Trainer, its trajectory projected, the
words when there is nothing to show, and the map's pictures. Maps arrive through the page's worker thread: the
tests wait for ``mapShown`` / ``mapFailed``, which the page emits in the GUI thread."""

from __future__ import annotations

import threading
import time
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from bpviz.engine.landscape import example_gradient, example_landscape, example_path, project
from bpviz.gui.pages.example import ExamplePage
from bpviz.gui.pages.landscape import LandscapePage
from bpviz.gui.widgets.landscape.colors import ColorScale
from bpviz.gui.workers.landscape import recorded_trajectory
from bpviz.models.example import ExampleModel
from bpviz.models.playground import PlaygroundModel
from bpviz.training import TrainConfig, Trainer
from bpviz.training.frames import Frame

WAIT_MS = 20000


@pytest.fixture
def pages(qtbot):
    """The worked-example page and the landscape page on one ExampleModel, wired as the main window wires them."""
    model = ExampleModel()
    example = ExamplePage(model)
    qtbot.addWidget(example)
    playground = PlaygroundModel()
    page = LandscapePage(model, playground)
    qtbot.addWidget(page)
    page.exampleParamEdited.connect(example.edit_param)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.mapShown, timeout=WAIT_MS):
        page.set_active(True)
    return example, page, playground


def shown(qtbot, page, start):
    with qtbot.waitSignal(page.mapShown, timeout=WAIT_MS):
        start()
    return page.map.loss_map


# ---------------------------------------------------------------------------------------------- worked example
def test_the_map_is_the_engines_landscape_pixel_by_pixel(pages):
    _example, page, _ = pages
    engine = example_landscape(page.example_model.params, ("w5", "w1"), 2.0, 61)
    land = page.map.loss_map.landscape
    np.testing.assert_array_equal(land.loss, engine.loss)
    np.testing.assert_array_equal(land.x, engine.x)
    np.testing.assert_array_equal(land.y, engine.y)
    pixels = page.map.pixel_colors()
    assert pixels.shape == (61, 61, 3)
    scale = ColorScale(engine.loss.min(), engine.loss.max(), log=False)  # 0.13 … 0.43: a linear scale
    assert not page.map.scale.log
    for i, j in [(0, 0), (30, 30), (60, 60), (5, 50), (47, 12), *np.argwhere(engine.loss == engine.loss.min())[:1],
                 *np.argwhere(engine.loss == engine.loss.max())[:1]]:
        assert pixels[i, j].tolist() == scale.rgb(engine.loss[i, j]).tolist(), (i, j)
        # the pixel of loss[i, j] is drawn centred on (x[j], y[i])
        centre = page.map.image.mapToParent(QPointF(j + 0.5, i + 0.5))
        assert centre.x() == pytest.approx(engine.x[j], abs=1e-9) and centre.y() == pytest.approx(engine.y[i],
                                                                                                  abs=1e-9)
    lowest = np.unravel_index(engine.loss.argmin(), engine.loss.shape)
    assert pixels[lowest].sum() < pixels[np.unravel_index(engine.loss.argmax(), engine.loss.shape)].sum()
    item = page.map.plot.getPlotItem()
    assert item.getAxis("bottom").labelText == "w5" and item.getAxis("left").labelText == "w1"
    assert page.map.bar.levels() == pytest.approx((engine.loss.min(), engine.loss.max()))
    assert len(page.map.loss_map.contours) > 100  # contour segments over the map
    assert "No passes run" in page.note.message


def test_other_axes_and_a_wide_range_get_a_log_colour_scale(qtbot, pages):
    _example, page, _ = pages
    loss_map = shown(qtbot, page, lambda: page.example_controls.set_axes("b2", "w7"))
    engine = example_landscape(page.example_model.params, ("b2", "w7"), 2.0, 61)
    np.testing.assert_array_equal(loss_map.landscape.loss, engine.loss)
    loss_map = shown(qtbot, page, lambda: page.example_controls.span.setValue(20.0))
    assert loss_map.log and page.map.scale.log  # E_total from ~1e-5 to ~1: decades
    assert "log colour scale" in page.map.bar.getAxis("left").labelText
    ticks = [text for _pos, text in page.map.scale.ticks()]
    assert "1" in ticks or "0.1" in ticks
    # the same parameter on both axes cannot be chosen: the other axis swaps
    with qtbot.waitSignal(page.mapShown, timeout=WAIT_MS):
        page.example_controls.x_axis.setCurrentText("w7")
    assert page.example_controls.axes() == ("w7", "b2")


def test_the_path_of_the_passes_run_on_the_example_page_is_drawn(qtbot, pages):
    example, page, _ = pages
    with qtbot.waitSignal(example.runEnded, timeout=WAIT_MS):
        example.run_passes(1000)
    page.set_active(False)
    loss_map = shown(qtbot, page, lambda: page.set_active(True))  # shown again: the map follows the run
    params = page.example_model.params
    expected = np.vstack([[params.w5, params.w1], example_path(params, ("w5", "w1"), 1000)])
    drawn = page.map.path_points()
    assert drawn.shape == (1001, 2)
    np.testing.assert_array_equal(drawn, expected)
    assert "path of 1,000 passes" in loss_map.path_label and "path of 1,000 passes" in page.map.legend.text
    assert "leaves the map" in page.note.message  # w5 goes to −3.06: beyond 0.4 − 2
    loss_map = shown(qtbot, page, lambda: page.example_controls.span.setValue(4.0))  # the path is reused
    np.testing.assert_array_equal(page.map.path_points(), expected)
    assert "leaves the map" not in page.note.message


def test_the_arrow_points_the_way_descent_goes(pages):
    _example, page, _ = pages
    gx, gy = example_gradient(page.example_model.params, ("w5", "w1"))
    dx, dy = page.map.arrow_vector()
    assert dx * -gx + dy * -gy > 0  # along −∇
    assert abs(dx * gy - dy * gx) < 1e-9 * np.hypot(dx, dy) * np.hypot(gx, gy)  # parallel
    tail = page.map.arrow.getData()
    assert (tail[0][0], tail[1][0]) == (0.4, 0.15)  # from the numbers now
    assert "−∇E" in page.map.legend.text and "direction only" in page.map.legend.text


def test_a_click_on_the_map_sets_the_two_weights_and_the_example_page_shows_them(qtbot, pages):
    example, page, _ = pages
    land = page.map.loss_map.landscape
    cell = land.x[1] - land.x[0]
    x, y = land.x[12] + 0.3 * cell, land.y[47] - 0.2 * cell
    pos = page.map.viewport_position(x, y)
    with qtbot.waitSignal(page.mapShown, timeout=WAIT_MS):
        QTest.mouseClick(page.map.plot.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
    params = page.example_model.params
    assert params.w5 == pytest.approx(x, abs=cell) and params.w1 == pytest.approx(y, abs=cell)
    assert params.w2 == 0.2 and params.w6 == 0.45  # the others as they were
    assert example.params.fields["w5"].text() == f"{params.w5:.12g}"
    assert example.params.fields["w1"].text() == f"{params.w1:.12g}"
    assert example.model.trace.quantities["E_total"] == pytest.approx(
        example_landscape(params, ("w5", "w1"), 0.1, 3).loss[1, 1], rel=1e-12)
    # the map is centred on the new numbers
    new = page.map.loss_map
    assert new.centre == (params.w5, params.w1)
    assert new.landscape.x[30] == pytest.approx(params.w5) and new.landscape.y[30] == pytest.approx(params.w1)
    # outside the map (on an axis) nothing happens
    outside = page.map.viewport_position(new.landscape.x[0] - 20 * cell, new.landscape.y[30])
    QTest.mouseClick(page.map.plot.viewport(), Qt.LeftButton, Qt.NoModifier, outside)
    assert page.example_model.params == params


def test_a_click_without_the_example_page_sets_the_model(qtbot):
    model = ExampleModel()
    page = LandscapePage(model)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.mapShown, timeout=WAIT_MS):
        page.set_active(True)
    land = page.map.loss_map.landscape
    with qtbot.waitSignal(page.mapShown, timeout=WAIT_MS):
        QTest.mouseClick(page.map.plot.viewport(), Qt.LeftButton, Qt.NoModifier,
                         page.map.viewport_position(land.x[40], land.y[20]))
    assert model.params.w5 == pytest.approx(land.x[40], abs=0.07) and model.params.w1 == pytest.approx(land.y[20],
                                                                                                       abs=0.07)
    page.close()  # joins its thread now (qtbot holds the page weakly: collected first, it would close nothing)
    assert page.jobs.thread is None


# ---------------------------------------------------------------------------------------------- playground
def frames(config=None, steps=(0,), generation=1):
    trainer = Trainer(config or TrainConfig())
    done = 0
    for target in steps:
        trainer.run_steps(target - done)
        done = target
        yield Frame(generation, trainer.config, trainer.data, trainer.snapshot(), None, 0.0, False)


def test_the_playground_plane_is_computed_in_the_worker_with_the_trajectory_projected(qtbot, pages):
    _example, page, playground = pages
    for frame in frames(steps=range(0, 400, 20)):
        playground.take(frame)
    seen = {}
    original = page.jobs.submit

    def spy(job):
        def wrapped(progress):
            seen["thread"] = threading.current_thread()
            return job(progress)
        original(wrapped)

    page.jobs.submit = spy
    started = time.perf_counter()
    loss_map = shown(qtbot, page, lambda: page.show_source("playground"))
    print(f"playground map: {1000 * (time.perf_counter() - started):.0f} ms")
    assert seen["thread"] is not threading.main_thread()
    request = loss_map.request
    trajectory = recorded_trajectory(playground.recorder)
    assert len(trajectory) == 20
    np.testing.assert_array_equal(trajectory[-1], request.net.get_parameters())
    assert playground.frame.snapshot.step == 380
    assert loss_map.landscape.loss.shape == (61, 61)
    drawn = page.map.path_points()
    d1, d2 = _directions(request)
    np.testing.assert_allclose(drawn, project(trajectory, request.net.get_parameters(), d1, d2), atol=1e-12)
    assert drawn[-1] == pytest.approx((0.0, 0.0), abs=1e-9)  # it ends at the centre: the weights now
    assert "trajectory (20 recorded steps" in page.map.legend.text
    # principal directions: the path lies mostly along PC1
    loss_map = shown(qtbot, page, lambda: page.plane_controls.set_direction_kind("pca"))
    assert loss_map.axis_names[0].startswith("PC1 (")
    spread = np.abs(page.map.path_points()).max(axis=0)
    assert spread[0] >= spread[1]
    assert page.map.loss_map.landscape.x[-1] == pytest.approx(1.25 * np.abs(page.map.path_points()).max())


def _directions(request):
    from bpviz.engine.landscape import random_directions

    return random_directions(request.net, request.seed)


def test_the_plane_follows_training_live(qtbot, pages):
    _example, page, playground = pages
    batches = list(frames(steps=range(0, 300, 10)))
    for frame in batches[:5]:
        playground.take(frame)
    shown(qtbot, page, lambda: page.show_source("playground"))
    first_step = page.map.loss_map.request.step
    for frame in batches[5:]:  # frames arrive while the page is shown: a new map soon after, without asking
        playground.take(frame)
        qtbot.wait(5)
    qtbot.waitUntil(lambda: page.map.loss_map.request.step == 290 and not page.jobs.busy, timeout=WAIT_MS)
    assert page.map.loss_map.request.step > first_step
    assert len(page.map.path_points()) == 30


def test_words_when_there_is_nothing_to_show(qtbot, pages):
    _example, page, playground = pages
    with qtbot.waitSignal(page.mapFailed, timeout=WAIT_MS) as failed:
        page.show_source("playground")
    assert "has not made a network yet" in failed.args[0] and "not made a network" in page.message.message
    assert page.map.loss_map is None  # nothing of the worked example left on the map
    playground.take(next(frames(steps=(0,))))
    shown(qtbot, page, page.compute)  # random directions: the map, and words for the missing trajectory
    assert "No trajectory yet" in page.note.message and len(page.map.path_points()) == 0
    with qtbot.waitSignal(page.mapFailed, timeout=WAIT_MS) as failed:
        page.plane_controls.set_direction_kind("pca")
    assert failed.args[0].startswith("No principal directions yet") and "at least 3" in failed.args[0]
    assert "principal directions" in page.message.message
    assert page.map.loss_map is None  # not the random plane's map under words about another


def test_the_map_exports_as_png_and_svg_with_its_path(qtbot, pages, tmp_path):
    from bpviz.gui.export.views import write_picture

    example, page, _ = pages
    with qtbot.waitSignal(example.runEnded, timeout=WAIT_MS):
        example.run_passes(200)
    shown(qtbot, page, page.compute)
    picture = page.export_pictures()["landscape/map"]
    png = write_picture(picture, tmp_path / "map.png")
    svg = write_picture(picture, tmp_path / "map.svg")
    assert png.stat().st_size > 20_000
    assert svg_path_lengths(svg).count(201) >= 1  # the path: the start and 200 passes, one vector line
    assert "E_total over w5 and w1" in svg.read_text(encoding="utf-8")


def svg_path_lengths(path) -> list[int]:
    """The number of points of each <path> of an SVG file."""
    root = ET.parse(path).getroot()
    counts = []
    for element in root.iter():
        if element.tag.endswith("}path") and element.get("d"):
            counts.append(len([p for p in element.get("d").replace("M", " L").split("L") if p.strip()]))
    return counts


def test_the_page_is_a_tab_of_the_window(window, qtbot):
    page = window.page("landscape")
    assert page in window.lesson_pages and page.example_model is window.example.model
    with qtbot.waitSignal(page.mapShown, timeout=WAIT_MS):
        window.show_page("landscape")
    assert page.map.loss_map.axis_names == ("w5", "w1")
    assert "E_total" in window.status_label.text()
    land = page.map.loss_map.landscape
    with qtbot.waitSignal(page.mapShown, timeout=WAIT_MS):  # a click in the window: the example tab follows
        QTest.mouseClick(page.map.plot.viewport(), Qt.LeftButton, Qt.NoModifier,
                         page.map.viewport_position(land.x[45], land.y[10]))
    w5 = window.example.model.params.w5
    assert w5 == pytest.approx(land.x[45], abs=land.x[1] - land.x[0]) and w5 != 0.4
    assert window.example.params.fields["w5"].text() == f"{w5:.12g}"


def test_a_slow_map_shows_its_progress_and_can_be_cancelled(qtbot, pages):
    from bpviz.engine.datasets import DatasetSpec
    from bpviz.training import MAX_LAYERS, MAX_WIDTH

    _example, page, playground = pages
    config = TrainConfig(dataset=DatasetSpec(n_samples=8000, test_ratio=0.5), hidden=(MAX_WIDTH,) * MAX_LAYERS)
    for frame in frames(config, steps=(0, 5, 10)):
        playground.take(frame)
    page.plane_controls.steps.setValue(21)
    shown(qtbot, page, lambda: page.show_source("playground"))
    assert "random sample of 2,000 of the 4,000 training points" in page.note.message
    assert not page.progress.running
    page.plane_controls.steps.setValue(201)  # 201 × 201 of the largest network on 2,000 points: seconds
    qtbot.waitUntil(lambda: page.progress.running and page.progress.bar.value() > 0, timeout=WAIT_MS)
    assert page.jobs.busy and page.map.loss_map.landscape.loss.shape == (21, 21)  # the last map stays meanwhile
    assert "Computing the map" in page.progress.bar.format()
    with qtbot.waitSignal(page.statusMessage, timeout=WAIT_MS) as said:
        qtbot.mouseClick(page.progress.cancel_button, Qt.LeftButton)
    assert "cancelled" in said.args[0] and not page.progress.running and not page.jobs.busy
    qtbot.wait(300)
    assert page.map.loss_map.landscape.loss.shape == (21, 21)
