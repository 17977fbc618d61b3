"""Stepping through one pass of the playground's own network (issue 13), with its real training thread: the
stepper walks the pass on the playground's diagram, its numbers are the engine's, the update step moves the real
network exactly as one training step on that point would, and can be undone; right-clicks choose the point and
explain a gradient."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.features import make_features
from bpviz.gui.pages.playground import PlaygroundPage
from bpviz.training import TrainConfig
from bpviz.training.trainer import targets_for


def start_page(qtbot, **settings):
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


def engine_network(page):
    """A copy of the network the training thread holds (paused: nothing changes it meanwhile)."""
    return page.worker.trainer.network.copy()


def point_arrays(page, index):
    config, data = page.frame.config, page.frame.data
    X = make_features(data.X_train[index : index + 1], config.features)
    return X, targets_for(config.loss, data.y_train[index : index + 1])


def enter(qtbot, page, point=None):
    page.stepping.enter(point)
    qtbot.waitUntil(lambda: page.stepping.current is not None, timeout=5000)
    return page.stepping.panel.stepper


def test_the_stepper_walks_a_2_3_2_1_tanh_network_to_the_engines_gradients(qtbot):
    page = start_page(qtbot)
    page.step_action.trigger()  # a network that has trained a little: gradients of every size
    qtbot.waitUntil(lambda: page.frame.snapshot.step == 1, timeout=5000)
    stepper = enter(qtbot, page, point=7)
    assert page.left.currentWidget() is page.stepping.panel  # the pass's panel took the settings' place
    trace = stepper.trace()
    assert trace.names.sizes == (2, 3, 2, 1)
    seen_writes = set()
    for _ in range(len(trace)):  # Right arrow, as a user steps
        QTest.keyClick(page.window().windowHandle(), Qt.Key_Right)
        seen_writes |= page.diagram.state().writes
    assert stepper.position() == len(trace) - 1
    assert {"h1_1", "h2_2", "o1"} <= seen_writes  # the diagram outlined each neuron the pass computed
    net = engine_network(page)
    X, T = point_arrays(page, 7)
    loss, dW, db = net.gradients(X, T)
    q = trace.quantities
    assert q["E_total"] == pytest.approx(loss, rel=1e-12)
    last_gradient = [s for s in trace.steps if s.kind == "grad_param"][-1]  # the pass ends at the first layer
    ref = trace.names.params[last_gradient.target]
    expected = dW[ref.layer][ref.src, ref.dst] if ref.kind == "w" else db[ref.layer][ref.dst]
    assert last_gradient.value == pytest.approx(expected, rel=1e-12)
    state = page.diagram.state()  # the whole pass on the diagram: every gradient and every new weight
    for l in range(net.n_layers):
        np.testing.assert_allclose(state.weight_grads[l], dW[l], rtol=1e-12, atol=1e-15)
        assert np.isfinite(state.new_weights[l]).all()


def test_apply_update_moves_the_network_as_one_training_step_on_that_point_and_undo_takes_it_back(qtbot):
    page = start_page(qtbot)
    stepper = enter(qtbot, page, point=3)
    before = engine_network(page)
    X, T = point_arrays(page, 3)
    expected = before.copy()
    expected.step(X, T, page.frame.config.lr)
    apply_button = page.stepping.panel.buttons["apply"]
    assert not apply_button.isEnabled()  # not before the pass reaches its update
    stepper.run_all()
    assert apply_button.isEnabled()
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        qtbot.mouseClick(apply_button, Qt.LeftButton)
    after = page.worker.trainer.network
    for l in range(before.n_layers):
        np.testing.assert_array_equal(after.weights[l], expected.weights[l])
        np.testing.assert_array_equal(after.biases[l], expected.biases[l])
    assert page.stepping.current is not None  # still showing the pass that made the update
    undo = page.stepping.panel.buttons["undo"]
    assert undo.isEnabled() and not apply_button.isEnabled()
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        qtbot.mouseClick(undo, Qt.LeftButton)
    np.testing.assert_array_equal(page.worker.trainer.network.get_parameters(), before.get_parameters())


def test_play_continues_from_the_applied_update(qtbot):
    page = start_page(qtbot)
    stepper = enter(qtbot, page, point=0)
    stepper.run_all()
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        page.stepping.apply_update()
    applied = page.worker.trainer.network.get_parameters()
    page.step_action.setEnabled(True)
    page.toggle_play()  # Play leaves the pass and trains on from w⁺
    assert page.left.currentWidget() is page.controls and not page.stepping.stepping
    qtbot.waitUntil(lambda: page.frame.snapshot.step >= 1, timeout=5000)
    page.pause()
    qtbot.waitUntil(lambda: not page.frame.running, timeout=5000)
    assert not np.array_equal(page.worker.trainer.network.get_parameters(), applied)


def test_entering_while_training_pauses_first_and_steps_the_network_it_paused_at(qtbot):
    page = start_page(qtbot)
    page.play()
    qtbot.waitUntil(lambda: page.frame.running and page.frame.snapshot.step > 20, timeout=10000)
    stepper = enter(qtbot, page)
    assert not page.frame.running
    np.testing.assert_array_equal(stepper.trace().arrays["W"][0], page.worker.trainer.network.weights[0])


def test_reset_ends_the_pass_and_says_so(qtbot):
    page = start_page(qtbot)
    enter(qtbot, page)
    messages = []
    page.statusMessage.connect(messages.append)
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        page.reset()
    assert page.stepping.current is None and page.left.currentWidget() is page.controls
    assert any("reset" in m for m in messages)
    assert page.decision.marked_points() == []


def test_the_keys_belong_to_the_pass_while_it_is_shown(qtbot):
    page = start_page(qtbot)
    assert page.step_action.isEnabled()
    stepper = enter(qtbot, page)
    assert not page.step_action.isEnabled()  # Right is Next in the pass, not Step
    QTest.keyClick(page.window().windowHandle(), Qt.Key_Right)
    assert stepper.position() == 0 and page.frame.snapshot.step == 0
    QTest.keyClick(page.window().windowHandle(), Qt.Key_Escape)
    assert page.stepping.current is None and page.step_action.isEnabled()


def right_click_choose(widget, where: QPoint, text_start: str) -> list[str]:
    """Right-click ``widget``'s viewport at ``where`` as a user does; trigger the menu entry starting with
    ``text_start``; return the menu's texts."""
    seen = []

    def choose():
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            seen.extend(a.text() for a in menu.actions() if a.isVisible())
            chosen = next((a for a in menu.actions() if a.isVisible() and a.text().startswith(text_start)), None)
            menu.close()
            if chosen is not None:
                chosen.trigger()

    QTimer.singleShot(100, choose)
    target = widget.viewport()
    QTest.mouseClick(target.window().windowHandle(), Qt.RightButton, Qt.NoModifier, target.mapTo(target.window(),
                                                                                                 where))
    QTest.qWait(250)
    return seen


def test_a_right_click_on_a_training_point_steps_through_it_and_rings_it(qtbot):
    page = start_page(qtbot)
    data = page.frame.data
    k = 11
    plot = page.decision.plot
    vb = plot.getPlotItem().getViewBox()
    where = plot.mapFromScene(vb.mapViewToScene(QPointF(*data.X_train[k])))
    texts = right_click_choose(plot, where, "Step through this point")
    assert "Step through this point" in texts, texts
    qtbot.waitUntil(lambda: page.stepping.current is not None, timeout=5000)
    assert page.stepping.current.point == k
    assert page.decision.marked_points() == [pytest.approx(tuple(data.X_train[k]))]


def test_a_right_click_on_an_edge_explains_its_gradient_and_jumps_the_stepper(qtbot):
    page = start_page(qtbot)
    enter(qtbot, page, point=2)
    weight = page.stepping.current.trace.names.weight(0, 1, 0)  # i2 → h1_1: the longest chain
    where = page.diagram.edge_center(weight)
    texts = right_click_choose(page.diagram, where, "Explain")
    assert f"Explain ∂E/∂{weight}: its chain of factors" in texts, texts
    qtbot.waitUntil(lambda: page.stepping.dialog is not None and page.stepping.dialog.isVisible(), timeout=3000)
    dialog = page.stepping.dialog
    rows = dialog.rows()
    trace = page.stepping.current.trace
    assert rows[0][0] == f"∂E/∂{weight}"
    assert {"δ_h1_1", "δ_h2_1", "δ_o1", "out_o1", "out_h1_1"} <= {r[0] for r in rows}  # bce: δ_o1 = out − t
    stepper = page.stepping.panel.stepper
    assert stepper.current_step().name == f"dE/d{weight}"  # the stepper jumped to the gradient
    delta_row = next(r for r, row in enumerate(rows) if row[0] == "δ_o1")
    item = dialog.table.topLevelItem(delta_row)
    dialog.table.setCurrentItem(item)
    qtbot.mouseClick(dialog.show_button, Qt.LeftButton)
    assert stepper.current_step().name == "delta_o1"
    assert trace.index("delta_o1") == stepper.position()
    dialog.close()


def test_no_explanation_is_offered_off_the_edges(qtbot):
    page = start_page(qtbot)
    texts = right_click_choose(page.diagram, QPoint(3, 3), "nothing")
    assert not any(t.startswith("Explain") for t in texts), texts


def test_the_next_mini_batch_is_the_next_training_step_stepped_through(qtbot):
    page = start_page(qtbot, batch_size=4)
    page.step_action.trigger()
    qtbot.waitUntil(lambda: page.frame.snapshot.step == 1, timeout=5000)
    stepper = enter(qtbot, page)
    page.stepping.panel.source.setCurrentIndex(1)  # "the next mini-batch"
    current = page.stepping.current
    assert current.is_next_batch and len(current.points) == 4
    assert len(page.decision.marked_points()) == 4  # the first point bold, the other three thin
    rows = list(current.points)
    trainer = page.worker.trainer
    np.testing.assert_array_equal(rows, trainer.next_batch())
    config, data = page.frame.config, page.frame.data
    X = make_features(data.X_train[rows], config.features)
    T = targets_for(config.loss, data.y_train[rows])
    net = engine_network(page)
    loss, dW, _ = net.gradients(X, T)
    trace = stepper.trace()
    assert trace.batch_size == 4 and trace.quantities["E_total"] == pytest.approx(loss, rel=1e-12)
    np.testing.assert_allclose(trace.arrays["dW"][0], dW[0], rtol=1e-12, atol=1e-15)
    expected = net.copy()
    expected.step(X, T, config.lr)
    stepper.run_all()
    with qtbot.waitSignal(page.frameShown, timeout=5000):
        page.stepping.apply_update()
    assert page.frame.snapshot.step == 2  # the training step itself
    np.testing.assert_array_equal(trainer.network.get_parameters(), expected.get_parameters())
    page.stepping.panel.source.setCurrentIndex(0)  # back to one point: the network as it is now
    assert not page.stepping.current.is_next_batch and len(page.decision.marked_points()) == 1


def test_a_wide_layer_shows_its_vector_step_with_every_value(qtbot):
    page = start_page(qtbot, hidden=(6,))
    stepper = enter(qtbot, page)
    trace = stepper.trace()
    stepper.set_position(trace.index("net_h"))
    step = trace[trace.index("net_h")]
    assert stepper.value_text() == "[" + ", ".join(f"{v:.9g}" for v in step.values).replace("-", "−") + "]"
    state = page.diagram.state()
    assert state.writes == frozenset(trace.names.layer_neurons(1))  # the whole layer written at once
    assert np.isfinite(state.neuron_arrays["net"][0]).all()


def test_an_update_that_is_not_finite_is_refused_in_words(qtbot, monkeypatch):
    from bpviz.models.stepped_pass import SteppedPass

    page = start_page(qtbot)
    stepper = enter(qtbot, page, point=4)
    stepper.run_all()
    weights, biases = page.stepping.current.parameters_after
    overflowed = (tuple(np.full_like(w, np.inf) for w in weights), biases)  # as a far too large η makes them
    monkeypatch.setattr(SteppedPass, "parameters_after", property(lambda self: overflowed))
    before = page.worker.trainer.network.get_parameters()
    qtbot.mouseClick(page.stepping.panel.buttons["apply"], Qt.LeftButton)
    assert "not applied" in page.stepping.panel.message.message and not page.stepping.applied
    qtbot.wait(100)
    np.testing.assert_array_equal(page.worker.trainer.network.get_parameters(), before)
    with pytest.raises(ValueError, match="finite"):  # the trainer refuses them too, changing nothing
        page.worker.trainer.set_parameters(*overflowed)


def right_press(target, where: QPoint) -> None:
    """A right button press delivered to ``target`` itself (no context menu: Qt's window makes those)."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    local = QPointF(where)
    event = QMouseEvent(QEvent.MouseButtonPress, local, QPointF(target.mapToGlobal(where)), Qt.RightButton,
                        Qt.RightButton, Qt.NoModifier)
    QApplication.sendEvent(target, event)


def test_the_explanation_is_offered_by_a_press_on_the_view_or_its_viewport_where_an_edge_is(qtbot):
    page = start_page(qtbot)
    weight = "w2"
    on_edge = page.diagram.edge_center(weight)  # viewport coordinates
    for target, where in ((page.diagram.viewport(), on_edge),
                          (page.diagram, page.diagram.viewport().mapTo(page.diagram, on_edge))):
        right_press(target, where)
        assert page.stepping.explain_action.isVisible(), target
        assert page.stepping.explain_action.text() == f"Explain ∂E/∂{weight}: its chain of factors"
        right_press(target, QPoint(2, 2))
        assert not page.stepping.explain_action.isVisible()
