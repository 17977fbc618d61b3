"""The network diagram, driven as a user would: real widget, real clicks and keys (pytest-qt)."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from bpviz.engine import Network
from bpviz.engine.presets import ExampleParams, worked_example
from bpviz.engine.trace import trace_pass
from bpviz.gui import palette
from bpviz.gui.widgets.diagram.layout import FONT_PX
from bpviz.gui.widgets.diagram.view import NetworkDiagram
from bpviz.models.diagram import from_parameters, from_trace


@pytest.fixture(scope="module")
def example():
    p = ExampleParams()
    net = worked_example(p)
    tr = trace_pass(net, p.inputs, p.targets, p.lr)

    def state(k):
        if isinstance(k, str):
            k = tr.index(k)
        return from_trace(tr, k)

    state.trace = tr
    return state


@pytest.fixture
def view(qtbot):
    v = NetworkDiagram()
    qtbot.addWidget(v)
    v.resize(900, 600)
    v.show()
    qtbot.waitExposed(v)
    return v


def net_state(sizes, seed=0, grads=True, **kw):
    n = Network(sizes, seed=seed)
    X = np.random.default_rng(seed).normal(size=(8, sizes[0]))
    Y = (X[:, :1] > 0).astype(float) if sizes[-1] == 1 else np.eye(sizes[-1])[np.arange(8) % sizes[-1]]
    _, dW, db = n.gradients(X, Y)
    return from_parameters(n.sizes, n.weights, n.biases, weight_grads=dW if grads else None,
                           bias_grads=db if grads else None, **kw)


def hue_of(hex_or_color):
    return QColor(hex_or_color).hsvHue()


# structure ----------------------------------------------------------------------------------------
def test_worked_example_has_every_element(view, example):
    view.set_state(example(-1))
    assert sorted(view.neuron_ids()) == ["h1", "h2", "i1", "i2", "o1", "o2"]
    assert sorted(view.edge_ids(), key=lambda w: int(w[1:])) == [f"w{k}" for k in range(1, 9)]
    assert view.bias_node_count() == 2
    assert sorted(view.bias_edge_ids()) == ["b1", "b1", "b2", "b2"]  # one shared bias feeds two neurons


def test_bigger_network_has_every_element(view):
    view.set_state(net_state([2, 8, 8, 1]))
    assert len(view.neuron_ids()) == 19
    assert len(view.edge_ids()) == 2 * 8 + 8 * 8 + 8
    assert view.bias_node_count() == 3
    assert len(view.bias_edge_ids()) == 8 + 8 + 1


def test_edge_colour_follows_sign_and_width_follows_magnitude(view):
    weights = [np.array([[0.9, -0.3], [0.0, 0.2]]), np.array([[-0.8], [0.4]])]
    view.set_state(from_parameters([2, 2, 1], weights, [np.zeros(2), np.zeros(1)]))
    names = view.state().names
    pos, neg, zero = names.weight(0, 0, 0), names.weight(0, 0, 1), names.weight(0, 1, 0)
    assert hue_of(view.edge_style(pos)[0]) == pytest.approx(hue_of(palette.POSITIVE), abs=3)
    assert hue_of(view.edge_style(neg)[0]) == pytest.approx(hue_of(palette.NEGATIVE), abs=3)
    assert view.edge_style(zero)[0].hsvSaturation() == 0  # neutral grey
    small, big = names.weight(0, 1, 1), names.weight(0, 0, 0)  # |0.2| < |0.9|
    assert view.edge_style(big)[1] > view.edge_style(small)[1]
    assert view.edge_style(names.weight(1, 0, 0))[1] > view.edge_style(names.weight(1, 1, 0))[1]  # 0.8 > 0.4


def test_gradient_halo_appears_once_the_gradient_is_known(view, example):
    view.set_state(example(-1))
    assert view.halo_width("w5") is None
    view.set_state(example("dE/dw5"))
    assert view.halo_width("w5") is not None
    assert view.halo_width("w1") is None  # not computed yet at that step
    view.set_state(example(len(example.trace) - 1))
    assert view.halo_width("w5") > view.halo_width("w1")  # |∂E/∂w5| = 0.082 >> |∂E/∂w1| = 0.00044


# text -------------------------------------------------------------------------------------------------
def test_labels_show_values_as_they_become_known(view, example):
    view.set_state(example(-1))
    assert view.label_text("w5") == "w5 = 0.4"
    assert view.label_text("i1") == "i1 = 0.05"
    assert view.label_text("t1") == "t1 = 0.01"
    assert view.label_text("h1") == ""  # nothing known under the neuron yet
    view.set_state(example("out_h1"))
    assert view.label_text("h1").splitlines() == ["net = 0.3775", "out = 0.5933"]
    view.set_state(example(len(example.trace) - 1))
    assert view.label_text("w5").splitlines() == ["w5 = 0.4", "∂E/∂w5 = 0.08217", "w5⁺ = 0.3589"]
    assert view.label_text("E") == "E_total = 0.2984"


def test_tooltips_carry_exact_values(view, example):
    tr = example.trace
    view.set_state(example(len(tr) - 1))
    q = tr.quantities
    tip = view.tooltip_for("h1")
    assert repr(q["out_h1"]) in tip and repr(q["net_h1"]) in tip and repr(q["delta_h1"]) in tip
    tip = view.tooltip_for("w5")
    assert tip.startswith("w5: h1 → o1")
    assert repr(0.4) in tip and repr(q["dE/dw5"]) in tip and repr(q["w5+"]) in tip
    assert repr(q["E_total"]) in view.tooltip_for("E")
    assert "0.35" in view.tooltip_for("b1") and "h1, h2" in view.tooltip_for("b1")


def test_hovering_shows_the_tooltip(view, example, qtbot):
    view.set_state(example(len(example.trace) - 1))
    pos = view.neuron_center("o1")
    event = QHelpEvent(QEvent.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text() == view.tooltip_for("o1")
    QToolTip.hideText()


def test_picking_finds_every_edge_and_neuron_of_a_bigger_net(view):
    view.set_state(net_state([2, 8, 8, 1]))
    for name in view.edge_ids():
        assert view.element_at(view.edge_center(name)) == name
    for name in view.neuron_ids():
        assert view.element_at(view.neuron_center(name)) == name


def test_nan_and_inf_are_never_drawn_as_text(view):
    state = net_state([2, 3, 1])  # small enough for edge labels
    grads = [g.copy() for g in state.weight_grads]
    grads[0][0, 0] = np.nan
    grads[1][:] = np.inf
    weights = [w.copy() for w in state.weights]
    weights[1][0, 0] = np.nan
    view.set_state(from_parameters(state.sizes, weights, state.biases, weight_grads=grads,
                                   bias_grads=[np.full_like(b, np.nan) for b in state.biases]))
    texts = " ".join(view.scene_texts()).lower()
    assert texts and "nan" not in texts and "inf" not in texts
    names = view.state().names
    assert view.label_text(names.weight(1, 0, 0)).startswith(f"{names.weight(1, 0, 0)} = —")
    for eid in view.neuron_ids() + view.edge_ids():
        tip = view.tooltip_for(eid).lower()
        assert "nan" not in tip and "inf" not in tip


# highlights ----------------------------------------------------------------------------------------
def test_reads_glow_and_writes_are_outlined(view, example):
    view.set_state(example("net_h1"))
    assert view.highlight_of("h1") == "write"
    for eid in ("i1", "i2", "w1", "w2", "b1"):
        assert view.highlight_of(eid) == "read"
    assert view.highlight_of("w5") is None
    view.set_state(example("E_o1"))
    assert view.highlight_of("t1") == "read" and view.highlight_of("o1") == "read"
    assert view.highlight_of("E") == "write"
    assert view.highlight_of("h1") is None and view.highlight_of("w1") is None  # the previous step's are gone
    view.set_state(example("w5+"))
    assert view.highlight_of("w5") == "write"


# editing --------------------------------------------------------------------------------------------
def open_by_click(view, qtbot, name):
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.edge_center(name))
    assert view.editor.isVisible()
    assert view.editing() == name


def test_click_opens_editor_and_enter_applies(view, example, qtbot):
    view.set_state(example(-1))
    open_by_click(view, qtbot, "w5")
    assert view.editor.text() == "0.4" and view.editor.selectedText() == "0.4"
    with qtbot.waitSignal(view.weightEdited, timeout=1000) as blocker:
        qtbot.keyClicks(view.editor, "0.1")
        qtbot.keyClick(view.editor, Qt.Key_Enter)
    assert blocker.args == ["w5", 0.1]
    assert not view.editor.isVisible()


def test_click_on_a_bias_node_edits_the_bias(view, example, qtbot):
    view.set_state(example(-1))
    open_by_click(view, qtbot, "b1")
    assert view.editor.text() == "0.35"
    with qtbot.waitSignal(view.weightEdited, timeout=1000) as blocker:
        qtbot.keyClicks(view.editor, "-0.5")
        qtbot.keyClick(view.editor, Qt.Key_Return)
    assert blocker.args == ["b1", -0.5]


@pytest.mark.parametrize("text, value", [("1e-3", 1e-3), ("−0.25", -0.25), (" 2 ", 2.0)])
def test_editor_accepts_numbers_as_people_type_them(view, example, qtbot, text, value):
    view.set_state(example(-1))
    view.open_editor("w2")
    with qtbot.waitSignal(view.weightEdited, timeout=1000) as blocker:
        view.editor.setText(text)
        qtbot.keyClick(view.editor, Qt.Key_Enter)
    assert blocker.args == ["w2", value]


@pytest.mark.parametrize("text, why", [("abc", "not a number"), ("", "Type a number"),
                                       ("1e999", "must be finite"), ("nan", "finite")])
def test_editor_refuses_invalid_text_and_says_why(view, example, qtbot, text, why):
    view.set_state(example(-1))
    open_by_click(view, qtbot, "w5")
    with qtbot.assertNotEmitted(view.weightEdited):
        qtbot.keyClick(view.editor, Qt.Key_Backspace)
        qtbot.keyClicks(view.editor, text)
        qtbot.keyClick(view.editor, Qt.Key_Enter)
    assert view.editor.isVisible() and view.editing() == "w5"
    assert why in view.editor_error()
    assert view.editor_message.isVisible() and why in view.editor_message.text()
    assert palette.ERROR_COLOR in view.editor.styleSheet()
    qtbot.keyClicks(view.editor, "7")  # typing again clears the complaint
    assert view.editor_error() is None and why not in view.editor_message.text()


def test_escape_cancels(view, example, qtbot):
    view.set_state(example(-1))
    open_by_click(view, qtbot, "w3")
    with qtbot.assertNotEmitted(view.weightEdited):
        qtbot.keyClicks(view.editor, "0.9")
        qtbot.keyClick(view.editor, Qt.Key_Escape)
    assert not view.editor.isVisible() and view.editing() is None
    assert not view.editor_message.isVisible()


def test_focus_loss_cancels(view, example, qtbot):
    view.set_state(example(-1))
    view.open_editor("w3")
    with qtbot.assertNotEmitted(view.weightEdited):
        view.editor.clearFocus()
    assert not view.editor.isVisible()


def test_read_only_diagram_opens_no_editor(view, qtbot):
    state = net_state([2, 3, 1])  # from_parameters: not editable unless asked
    view.set_state(state)
    name = view.edge_ids()[0]
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.edge_center(name))
    assert not view.editor.isVisible()


# redrawing ------------------------------------------------------------------------------------------
def test_same_topology_reuses_items(view, example):
    view.set_state(example(-1))
    items = set(view.scene().items())
    for k in range(len(example.trace)):
        view.set_state(example(k))
    assert set(view.scene().items()) == items

    view.set_state(net_state([2, 8, 8, 1], seed=1))
    items = set(view.scene().items())
    view.set_state(net_state([2, 8, 8, 1], seed=2))
    assert set(view.scene().items()) == items
    view.set_state(net_state([2, 8, 1], seed=2))  # new topology: rebuilt
    assert set(view.scene().items()) != items


# layout -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [(800, 500), (1280, 800)])
def test_worked_example_is_readable_and_nothing_overlaps(view, example, size, qtbot):
    view.resize(*size)
    view.set_state(example(len(example.trace) - 1))  # every label at its fullest
    qtbot.wait(10)
    rects = view.label_rects()
    assert len(rects) >= 8 + 2 + 4 + 2 + 2 + 1  # edges, inputs, value boxes, targets, biases, E
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1:]:
            assert not ra.intersects(rb), f"labels {a} and {b} overlap"
        for n in view.neuron_ids():
            c = view.neuron_item(n).sceneBoundingRect()
            assert not ra.intersects(c.adjusted(4, 4, -4, -4)), f"label {a} covers neuron {n}"
    viewport = view.viewport().rect()
    for eid, r in rects:  # nothing cut off
        assert viewport.contains(view.mapFromScene(r).boundingRect()), eid
    assert FONT_PX * view.transform().m11() >= 11.5  # ≈ 9 pt on screen
    assert view.legend.isVisible() and view.legend.geometry().top() >= view.viewport().geometry().bottom()


# neuron maps (the training playground) ------------------------------------------------------------------
def maps_for(sizes, res=32, seed=0, **special):
    """A map per neuron (smooth random patterns in [-1, 1]), or the given ones."""
    rng, x = np.random.default_rng(seed), np.linspace(-1, 1, res)
    gx, gy = np.meshgrid(x, x)
    names = from_parameters(sizes, [np.zeros((a, b)) for a, b in zip(sizes[:-1], sizes[1:])], []).names
    out = {names.neuron(l, j): np.tanh(2 * (rng.normal() * gx + rng.normal() * gy + rng.normal()))
           for l, n in enumerate(sizes) for j in range(n)}
    return {**out, **special}


def map_state(sizes=(2, 8, 8, 1), seed=0, **kw):
    kw.setdefault("neuron_images", maps_for(sizes, seed=seed))
    kw.setdefault("input_labels", ("x₁", "x₂", "x₁²", "sin(x₁)")[: sizes[0]])
    return net_state(list(sizes), seed=seed, **kw)


HALF = np.where(np.arange(32) < 16, -1.0, 1.0)
LEFT_RIGHT = np.tile(HALF, (32, 1))  # left half −1 (orange), right half +1 (blue)
TOP_BLUE = LEFT_RIGHT.T.copy()  # rows 16.. (the upper half of the plane: row 0 is the bottom) +1


def is_orange(c: QColor) -> bool:
    return c.saturation() > 80 and abs(c.hsvHue() - hue_of(palette.NEGATIVE)) <= 12


def is_blue(c: QColor) -> bool:
    return c.saturation() > 80 and abs(c.hsvHue() - hue_of(palette.POSITIVE)) <= 12


def on_screen(view, name, fx, fy):
    """Colour of the window at (fx, fy) half-sides from the centre of a neuron's map."""
    c, half = view.neuron_center(name), view.neuron_item(name).rect().width() * view.transform().m11() / 2
    return view.grab().toImage().pixelColor(int(c.x() + fx * half), int(c.y() + fy * half))


def inside(view, scene_rect) -> bool:
    return view.viewport().rect().contains(view.mapFromScene(scene_rect).boundingRect())


@pytest.fixture
def small_view(view):
    view.resize(700, 450)
    return view


def test_every_neuron_gets_a_legible_map(small_view, qtbot):
    view = small_view
    view.set_state(map_state())
    assert len(view.neuron_ids()) == 19  # inputs too: their feature over the plane
    for name in view.neuron_ids():
        image = view.neuron_image(name)
        assert image is not None and (image.width(), image.height()) == (32, 32), name
        rect = view.neuron_item(name).rect()
        assert rect.width() == pytest.approx(rect.height())  # a square, not a circle
        assert 40 <= rect.width() * view.transform().m11() <= 60, name  # big enough to read at 700x450
    assert any("map" in t for t in view.legend.texts())
    side = view.neuron_item("h1_1").rect().width() * view.transform().m11()
    view.set_state(map_state((2, 16, 16, 16, 16, 1)))  # bigger nets: smaller maps that still fit
    qtbot.wait(10)
    assert 12 <= view.neuron_item("h1_1").rect().width() * view.transform().m11() < side
    assert all(inside(view, view.neuron_item(n).sceneBoundingRect()) for n in view.neuron_ids())


def test_map_colours_follow_the_sign_and_row_zero_is_the_bottom(small_view):
    view = small_view
    view.set_state(map_state(neuron_images=maps_for((2, 8, 8, 1), h1_3=LEFT_RIGHT, o1=TOP_BLUE,
                                                    h2_2=np.zeros((32, 32)))))
    image = view.neuron_image("h1_3")
    assert is_orange(image.pixelColor(3, 16)) and is_blue(image.pixelColor(28, 16))
    image = view.neuron_image("o1")
    assert is_blue(image.pixelColor(16, 2)) and is_orange(image.pixelColor(16, 29))
    white = view.neuron_image("h2_2").pixelColor(16, 16)
    assert min(white.red(), white.green(), white.blue()) >= 250  # 0 is white
    # and on screen: each picture fills its square, not tiled, shifted or upside down
    assert is_orange(on_screen(view, "h1_3", -0.6, 0)) and is_blue(on_screen(view, "h1_3", 0.6, 0))
    assert is_blue(on_screen(view, "o1", 0, -0.6)) and is_orange(on_screen(view, "o1", 0, 0.6))


def test_new_maps_reuse_the_items_and_odd_maps_break_nothing(small_view):
    view = small_view
    view.set_state(map_state(neuron_images=maps_for((2, 8, 8, 1), h1_1=LEFT_RIGHT)))
    items = set(view.scene().items())
    view.set_state(map_state(neuron_images=maps_for((2, 8, 8, 1), seed=3, h1_1=-LEFT_RIGHT)))
    assert set(view.scene().items()) == items
    image = view.neuron_image("h1_1")
    assert is_blue(image.pixelColor(3, 16)) and is_orange(image.pixelColor(28, 16))  # the new picture
    weird = np.full((32, 32), np.nan)
    weird[0, 0], weird[0, 1] = np.inf, -7.0
    view.set_state(map_state(neuron_images={"h1_1": weird, "h1_2": np.ones((16, 16)), "o1": None}))
    assert set(view.scene().items()) == items
    assert view.neuron_image("h1_1").pixelColor(16, 16).lightness() >= 250  # NaN: white
    assert view.neuron_image("h1_2").width() == 16
    assert view.neuron_image("o1") is None and view.neuron_image("h2_1") is None  # plain squares
    view.grab()


def test_input_labels_captions_and_tooltips(small_view):
    view = small_view
    view.set_state(map_state((4, 8, 8, 1)))
    texts = view.scene_texts()
    assert {"x₁", "x₂", "x₁²", "sin(x₁)", "h1_3"} <= set(texts) and "i1" not in texts
    assert "x₁²" in view.tooltip_for("i3") and "x₁ over the input plane" in view.tooltip_for("i1")
    tip = view.tooltip_for("h1_3")
    assert tip.startswith("h1_3 (hidden)") and "output of h1_3 over the input plane: blue > 0, orange < 0" in tip
    assert view.element_at(view.neuron_center("h2_8")) == "h2_8"
    view.set_state(net_state([3, 4, 1], input_labels=("x₁", "x₂", "x₁x₂")))  # without maps: in the circles
    assert {"x₁", "x₂", "x₁x₂"} <= set(view.scene_texts())


@pytest.mark.parametrize("sizes", [(2, 8, 8, 1), (4, 6, 6, 6, 1), (2, 16, 16, 16, 16, 1)])
def test_captions_and_maps_do_not_overlap(small_view, qtbot, sizes):
    view = small_view
    view.set_state(map_state(sizes))
    qtbot.wait(10)
    rects = view.label_rects()
    assert len(rects) == len(view.neuron_ids())  # one caption per map
    squares = {n: view.neuron_item(n).sceneBoundingRect() for n in view.neuron_ids()}
    for i, (a, ra) in enumerate(rects):
        assert inside(view, ra), a
        assert not any(ra.intersects(rb) for _, rb in rects[i + 1:]), a
        assert not any(ra.intersects(sq) for sq in squares.values()), a


def test_maps_are_laid_out_again_for_a_narrow_view(small_view, qtbot):
    view = small_view
    view.set_state(map_state())
    view.resize(420, 600)
    qtbot.wait(10)
    assert view.neuron_item("h1_1").rect().width() * view.transform().m11() >= 40  # not a wide layout shrunk
    assert view.neuron_image("h1_1") is not None  # the maps came back with the new items
    assert all(inside(view, view.neuron_item(n).sceneBoundingRect()) for n in view.neuron_ids())


def test_gradient_halo_shows_with_maps_and_nan_gradients_draw_none(small_view):
    view = small_view
    state = map_state()
    view.set_state(state)
    assert all(view.halo_width(e) is not None for e in view.edge_ids())
    view.set_state(from_parameters(state.sizes, state.weights, state.biases,
                                   weight_grads=[np.full_like(g, np.nan) for g in state.weight_grads],
                                   bias_grads=[np.full_like(g, np.nan) for g in state.bias_grads],
                                   neuron_images=state.neuron_images, input_labels=state.input_labels))
    assert all(view.halo_width(e) is None for e in view.edge_ids() + view.bias_edge_ids())
    texts = " ".join(view.scene_texts()).lower()
    assert "nan" not in texts and "inf" not in texts
    assert not any("nan" in view.tooltip_for(e).lower() for e in view.neuron_ids() + view.edge_ids())


def test_worked_example_draws_as_before_after_maps(view, example, qtbot):
    """Maps only with neuron_images: a view that showed maps draws the worked example exactly as a fresh one."""
    fresh = NetworkDiagram()
    qtbot.addWidget(fresh)
    fresh.resize(view.size())
    fresh.show()
    qtbot.waitExposed(fresh)
    view.set_state(map_state())
    for k in (-1, example.trace.index("dE/dw5"), len(example.trace) - 1):
        view.set_state(example(k))
        fresh.set_state(example(k))
        assert view.neuron_image("h1") is None and not any("map" in t for t in view.legend.texts())
        assert view.grab().toImage() == fresh.grab().toImage(), k


def test_a_huge_text_in_the_editor_stays_inside_the_view_and_is_quoted_shortened(view, example, qtbot):
    view.set_state(example(-1))
    open_by_click(view, qtbot, "w5")
    view.editor.setText("7x" * 5_000)
    qtbot.keyClick(view.editor, Qt.Key_Enter)
    assert "(10,000 characters) is not a number" in view.editor_error()
    viewport = view.viewport().rect()
    assert viewport.contains(view.editor.geometry())
    assert view.editor_message.width() <= viewport.width() and len(view.editor_message.text()) < 200


def test_weights_and_gradients_near_the_largest_float_draw_without_overflow(view):
    import warnings


    n = Network([2, 3, 1], seed=0)
    weights = [w.copy() for w in n.weights]
    weights[0][0, 0], weights[1][1, 0] = 1.7e308, -1e-300
    grads = [np.full_like(w, 1e308) for w in weights]
    state = from_parameters(n.sizes, weights, n.biases, weight_grads=grads, bias_grads=[b * 0 for b in n.biases])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # was "overflow encountered in multiply" (a session with such weights)
        view.set_state(state)
        view.grab()
