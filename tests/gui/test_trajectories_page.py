"""The "Parameter trajectories" page, driven as a user drives it: settings typed in, Run clicked, the playground
stepped, played and reset, parameters ticked. Expected numbers come from the engine run independently."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpviz.engine.trajectories import MODES, NEURON_PARAMS, NeuronRunConfig, run_neuron_modes
from bpviz.gui.pages.trajectories import TrajectoriesPage


@pytest.fixture
def page(qtbot):
    p = TrajectoriesPage(None)
    qtbot.addWidget(p)
    p.resize(1280, 740)
    p.show()
    qtbot.waitExposed(p)
    return p


def trajectories_page(window) -> TrajectoriesPage:
    return next(p for p in window.lesson_pages if p.page_name == "trajectories")


def n_points(curve) -> int:
    y = curve.getOriginalDataset()[1]
    return 0 if y is None else len(y)


def type_into(qtbot, spin, text):
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key_Tab)


def test_run_shows_three_columns_ending_at_the_engines_final_weights(qtbot, page):
    view = page.neuron
    type_into(qtbot, view.epochs, "12")
    type_into(qtbot, view.batch_size, "8")
    view.activation.setCurrentIndex(view.activation.findData("sigmoid"))
    assert view.run_button.text() == "Run" or "changed" in view.run_button.text()
    with qtbot.waitSignal(view.resultShown, timeout=5000):
        qtbot.mouseClick(view.run_button, Qt.LeftButton)
    expected = run_neuron_modes(NeuronRunConfig(epochs=12, batch_size=8, activation="sigmoid"))
    grid = view.grid
    for mode in MODES:
        final = expected[mode].params[-1]
        curves = grid.curves[mode]
        for j, name in enumerate(NEURON_PARAMS):
            x, y = curves[name].getOriginalDataset()
            assert y[-1] == pytest.approx(final[j], abs=1e-15), (mode, name)
            assert x[-1] == 12.0 and len(y) == len(expected[mode].steps)
            _, g = curves[f"grad_{name}"].getOriginalDataset()
            assert g[-1] == pytest.approx(expected[mode].grads[-1, j], abs=1e-15)
        assert curves["loss"].getOriginalDataset()[1][-1] == pytest.approx(expected[mode].loss[-1], abs=1e-15)
        header = grid.headers[mode].text()
        assert f"{final[0]:.4f}" in header and "at the end" in header
    assert "Batch" in grid.headers["batch"].text() and "12 steps" in grid.headers["batch"].text()
    assert "8 samples per step" in grid.headers["mini-batch"].text()
    assert "1 sample per step" in grid.headers["stochastic"].text()
    # one y range per row, the same in every column
    for key in ("params", "grads", "loss"):
        ranges = [grid.plots[(key, m)].viewRange()[1] for m in MODES]
        assert ranges[0] == pytest.approx(ranges[1]) and ranges[0] == pytest.approx(ranges[2])
    assert view.run_button.text() == "Run"
    type_into(qtbot, view.seed, "4")
    assert view.run_button.text() == "Run (settings changed)"


def test_hovering_reads_the_values_at_that_epoch(qtbot, page):
    view = page.neuron
    with qtbot.waitSignal(view.resultShown, timeout=5000):
        qtbot.mouseClick(view.run_button, Qt.LeftButton)
    view.grid.show_cursor(2.0)
    traj = view.result["batch"]
    assert "at epoch 2 (step 2)" in view.grid.headers["batch"].text()
    assert f"{traj.params[2, 0]:.4f}" in view.grid.headers["batch"].text()
    assert "step 200" in view.grid.headers["stochastic"].text()
    view.grid.show_cursor(None)
    assert "at the end" in view.grid.headers["batch"].text()


def test_a_long_run_goes_to_a_thread_with_progress(qtbot, page):
    view = page.neuron
    qtbot.waitUntil(lambda: view.grid.is_built, timeout=5000)  # made one a turn once shown
    type_into(qtbot, view.epochs, "150")
    type_into(qtbot, view.n_samples, "200")
    with qtbot.waitSignal(view.resultShown, timeout=60000):
        qtbot.mouseClick(view.run_button, Qt.LeftButton)
        assert view.progress.isVisible() and view.cancel_button.isVisible()  # Run returned at once
    assert not view.progress.isVisible()
    expected = run_neuron_modes(NeuronRunConfig(epochs=150, n_samples=200))
    for mode in MODES:
        y = view.grid.curves[mode]["w1"].getOriginalDataset()[1]
        assert y[-1] == expected[mode].params[-1, 0]
    page.shutdown()
    assert not page._thread.isRunning()


def test_cancel_keeps_the_previous_picture(qtbot, page):
    view = page.neuron
    with qtbot.waitSignal(view.resultShown, timeout=5000):
        qtbot.mouseClick(view.run_button, Qt.LeftButton)
    before = view.result
    type_into(qtbot, view.epochs, "1000")
    type_into(qtbot, view.n_samples, "1000")
    qtbot.mouseClick(view.run_button, Qt.LeftButton)
    assert view.busy()
    qtbot.mouseClick(view.cancel_button, Qt.LeftButton)
    assert not view.busy() and "cancelled" in view.message.text()
    qtbot.wait(300)
    assert view.result is before
    page.shutdown()  # returns promptly: the run stops at the end of its current epoch
    assert not page._thread.isRunning()


def test_a_diverging_run_says_so(qtbot, page):
    view = page.neuron
    type_into(qtbot, view.lr, "5")
    with qtbot.waitSignal(view.resultShown, timeout=5000):
        qtbot.mouseClick(view.run_button, Qt.LeftButton)
    assert "diverged" in view.message.text() and "lower the learning rate" in view.message.text()
    assert "diverged at step" in view.grid.headers["stochastic"].text()
    y = view.grid.curves["stochastic"]["w1"].getOriginalDataset()[1]
    assert np.isfinite(y).all()


def test_shortcuts_follow_the_page_and_the_source(qtbot, page):
    page.set_active(False)
    assert not page.run_action.isEnabled()
    assert not any(a.isEnabled() for a in page.live.actions_list)
    page.set_active(True)
    assert page.run_action.isEnabled()
    qtbot.waitUntil(lambda: page.neuron.result is not None, timeout=5000)  # opening the page runs the defaults
    page.show_source("playground")
    assert not page.run_action.isEnabled()
    page.show_source("neuron")
    assert page.run_action.isEnabled()
    with qtbot.waitSignal(page.neuron.resultShown, timeout=5000):
        page.run_action.trigger()


def test_playground_frames_are_recorded_and_drawn(qtbot, window):
    page = trajectories_page(window)
    playground = window.playground
    qtbot.waitUntil(lambda: playground.frame is not None, timeout=5000)
    window.show_page("trajectories")
    page.show_source("playground")
    live = page.live
    assert live.selected() == ["w1", "w2", "b_h1_1"]  # into the first hidden neuron, and its bias
    assert live.step_action.isEnabled() and live.play_action.isEnabled()
    for expected in (1, 2, 3):
        with qtbot.waitSignal(playground.frameShown, timeout=5000):
            live.step_action.trigger()
        assert playground.frame.snapshot.step == expected
    snap = playground.frame.snapshot
    assert live.recorder.steps().tolist() == [0, 1, 2, 3]
    x, y = live.plots.value_curves["w2"].getOriginalDataset()
    assert x.tolist() == [0, 1, 2, 3] and y[-1] == snap.weights[0][1, 0]  # w2: x₂ → h1_1
    _, g = live.plots.grad_curves["b_h1_1"].getOriginalDataset()
    assert np.isnan(g[0]) and g[-1] == snap.grad_biases[0][0]
    assert "Steps 0 to 3" in live.steps_line.plain_text() and "4 frames" in live.status.plain_text()

    # ticking another parameter adds its curve, with the whole history
    item = live.items()["w3"]
    item.setCheckState(0, Qt.Checked)
    assert "w3" in live.plots.value_curves and live.selected()[-1] == "w3"
    x, y = live.plots.value_curves["w3"].getOriginalDataset()
    assert len(y) == 4 and y[-1] == snap.weights[0][0, 1]  # w3: x₁ → h1_2
    item.setCheckState(0, Qt.Unchecked)
    assert "w3" not in live.plots.value_curves

    # a reset starts the history again
    with qtbot.waitSignal(playground.frameShown, timeout=5000):
        live.reset_action.trigger()
    qtbot.waitUntil(lambda: live.recorder.steps().tolist() == [0], timeout=5000)
    assert len(live.plots.value_curves["w1"].getOriginalDataset()[1]) == 1


def test_recording_goes_on_while_the_page_is_hidden(qtbot, window):
    page = trajectories_page(window)
    playground = window.playground
    page.show_source("playground")
    window.show_page("playground")
    qtbot.waitUntil(lambda: playground.frame is not None, timeout=5000)
    playground.play()
    qtbot.waitUntil(lambda: playground.frame.snapshot.step > 500, timeout=20000)
    playground.pause()
    qtbot.waitUntil(lambda: not playground.frame.running, timeout=5000)
    rec = page.live.recorder
    assert len(rec) > 2 and rec.last_step == playground.frame.snapshot.step
    assert n_points(page.live.plots.value_curves["w1"]) < len(rec)  # not drawn while hidden
    window.show_page("trajectories")  # shown: drawn at once
    x, y = page.live.plots.value_curves["w1"].getOriginalDataset()
    assert x[-1] == rec.last_step and y[-1] == playground.frame.snapshot.weights[0][0, 0]
    assert not page.live.empty.isVisible()


def test_a_new_architecture_rebuilds_the_parameter_list(qtbot, window):
    from dataclasses import replace

    page = trajectories_page(window)
    playground = window.playground
    qtbot.waitUntil(lambda: playground.frame is not None, timeout=5000)
    page.live.items()["w5"].setCheckState(0, Qt.Checked)  # kept: w5 exists in the new network too
    config = replace(playground.frame.config, hidden=(3,))
    with qtbot.waitSignal(playground.frameShown, timeout=5000):
        playground.reconfigure(config)
    qtbot.waitUntil(lambda: playground.frame.config.hidden == (3,), timeout=5000)
    names = list(page.live.items())  # grouped by layer: its weights, then its biases
    assert names == ["w1", "w2", "w3", "w4", "w5", "w6", "b_h1", "b_h2", "b_h3", "w7", "w8", "w9", "b_o1"]
    assert page.live.selected() == ["w1", "w2", "w5"]  # still there; b_h1_1 is gone
    assert page.live.recorder.steps().tolist() == [0]
    assert page.live.items()["b_h1"].text(1) == "bias of h1"
    assert page.live.items()["w2"].text(1) == "x₂ → h1"


def test_keyboard_shortcuts_in_the_window(qtbot, window):
    page = trajectories_page(window)
    window.activateWindow()
    window.show_page("trajectories")
    page.show_source("neuron")
    qtbot.waitUntil(lambda: page.neuron.result is not None, timeout=5000)
    window.setFocus()
    with qtbot.waitSignal(page.neuron.resultShown, timeout=5000):
        qtbot.keyClick(window, Qt.Key_Return, Qt.ControlModifier)
    page.show_source("playground")
    qtbot.waitUntil(lambda: window.playground.frame is not None, timeout=5000)
    page.live.tree.setFocus()
    with qtbot.waitSignal(window.playground.frameShown, timeout=5000):
        qtbot.keyClick(window, Qt.Key_Right)
    assert window.playground.frame.snapshot.step == 1
    assert page.live.recorder.last_step == 1


def test_exported_views_are_listed(qtbot, page):
    pictures = page.export_pictures()
    assert set(pictures) == {"trajectories/modes", "trajectories/values", "trajectories/gradients"}
    assert pictures["trajectories/modes"].target is page.neuron.grid


def test_the_page_fits_a_small_window(qtbot, page):
    """It never forces the window wider than 800 pixels (its long texts are cut or wrapped, not widening)."""
    assert page.minimumSizeHint().width() <= 780
    page.show_source("playground")
    assert page.minimumSizeHint().width() <= 780


def test_at_most_twelve_parameters_are_plotted_and_the_thirteenth_is_refused_in_words(qtbot, window):
    from bpviz.gui.widgets.trajectory.live_view import MAX_PLOTTED

    page = trajectories_page(window)
    qtbot.waitUntil(lambda: window.playground.frame is not None, timeout=5000)
    window.show_page("trajectories")
    page.show_source("playground")
    live = page.live
    items = live.items()
    assert len(items) > MAX_PLOTTED == 12
    live.select([])
    messages = []
    live.statusMessage.connect(messages.append)
    names = list(items)
    for name in names[:MAX_PLOTTED]:
        items[name].setCheckState(0, Qt.Checked)
    assert live.selected() == names[:MAX_PLOTTED] and not messages
    assert len(set(live._colors.values())) == MAX_PLOTTED  # each its own colour
    items[names[MAX_PLOTTED]].setCheckState(0, Qt.Unchecked)
    items[names[MAX_PLOTTED]].setCheckState(0, Qt.Checked)
    assert items[names[MAX_PLOTTED]].checkState(0) == Qt.Unchecked
    assert names[MAX_PLOTTED] not in live.plots.value_curves
    assert messages and f"At most {MAX_PLOTTED} parameters" in messages[-1]
    live.select(names)  # a longer list: its first twelve
    assert live.selected() == names[:MAX_PLOTTED]


def test_a_plot_without_zoom_limits_can_go_to_log_scale(qtbot):
    """A run with no finite loss has no zoom limits; pyqtgraph's log mode compared None limits with a float
    (TypeError on every redraw: found by the monkey at action 8096 of seed 1, 'Log scale for the loss')."""
    import pyqtgraph as pg

    from bpviz.gui.widgets.trajectory.mode_grid import zoom_limits

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    vb = plot.getPlotItem().getViewBox()
    vb.setLimits(**zoom_limits(None, "X"), **zoom_limits(None, "Y"))
    plot.getPlotItem().setLogMode(False, True)
    vb.setYRange(-2.0, 1.0)
    vb.setXRange(0.0, 10.0)
    assert vb.viewRange()[1] == pytest.approx([-2.0, 1.0], abs=0.2)


def test_a_noisy_bias_curve_is_drawn_solid_a_calm_one_dashed(qtbot):
    """Qt lays a dash pattern along the whole path: the nine plots of a noisy run (tanh, learning rate 5, 814
    samples) took ~1 s to paint at 3582x2068 with the bias dashed, ~0.1 s solid (monkey seed 1, action 7287)."""
    import pyqtgraph as pg

    from bpviz.gui.widgets.trajectory.plots import pen_for, set_curve

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    curve = plot.plot(pen=pen_for("b", "#123456"))
    x = np.arange(2000.0)
    set_curve(curve, x, np.exp(-x / 500))  # a calm curve: travels its height once
    assert curve.opts["pen"].style() == Qt.DashLine
    set_curve(curve, x, np.where(x % 2 == 0, 1.0, -1.0))  # 1,999 swings
    assert curve.opts["pen"].style() == Qt.SolidLine and curve.opts["pen"].color().name() == "#123456"
    set_curve(curve, x, np.exp(-x / 500))
    assert curve.opts["pen"].style() == Qt.DashLine
    weight = plot.plot(pen=pen_for("w1", "#654321"))
    set_curve(weight, x, np.where(x % 2 == 0, 1.0, -1.0))
    assert weight.opts["pen"].style() == Qt.SolidLine


def test_closing_the_window_while_the_plots_are_made_leaves_no_thread(qtbot, window):
    """Shown for the first time, the page makes its nine plots one a turn and runs the defaults once they are made;
    a window closed meanwhile joined the page's threads, then the last plot started the run in a new thread
    nobody joined (found by checking for running threads after each test of this file)."""
    from bpviz.gui.workers.sliced import running_threads

    page = trajectories_page(window)
    window.show_page("trajectories")
    assert not page.neuron.grid.is_built and page.neuron.busy()  # the run waits for the plots
    window.close()
    qtbot.waitUntil(lambda: page.neuron.grid.is_built, timeout=10000)
    qtbot.wait(50)
    assert not [t for t in running_threads() if t.objectName() == "bpviz-trajectories"]
