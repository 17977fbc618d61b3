"""The computation graph's view with big graphs: an MLP of about 80 nodes built by hand with the engine's Graph,
drawn whole in the scene, zoomed with the wheel about the pointer and with the keys, the step's node kept in view,
and a program's statements boxed."""

from __future__ import annotations

import dataclasses
import time

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from test_graph_layout import mlp_graph  # the same hand-built micrograd-like MLP

from bpviz.engine.compgraph import Evaluation
from bpviz.engine.graph_builtins import shopping_graph
from bpviz.gui.export.pictures import export_picture
from bpviz.gui.widgets.graph.drawing import LARGE_GRAPH, short
from bpviz.gui.widgets.graph.view import GraphView
from bpviz.gui.widgets.graph.zoom import READABLE_SCALE


@pytest.fixture(scope="module")
def big() -> Evaluation:
    ev = mlp_graph(3, (4,)).evaluate()
    assert 70 <= len(ev.nodes) <= 80
    return ev


@pytest.fixture
def view(qtbot):
    v = GraphView()
    qtbot.addWidget(v)
    v.resize(860, 640)
    v.show()
    qtbot.waitExposed(v)
    return v


def visible_rect(view):
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_a_big_graph_is_drawn_whole_and_fast(view, big):
    start = time.perf_counter()
    view.set_evaluation(big)
    elapsed = time.perf_counter() - start
    print(f"\nset_evaluation of {len(big.nodes)} nodes: {elapsed * 1000:.0f} ms")
    assert len(big.nodes) > LARGE_GRAPH
    scene = view.sceneRect()
    for node in big.nodes:
        assert scene.contains(view.node_item(node.name).sceneBoundingRect()), node.name
    layout = view.layout
    for key in layout.routes:
        for rect in (layout.above[key], layout.below[key]):
            assert 0 <= rect.left and rect.right <= scene.width() and 0 <= rect.top <= scene.height()
    boxes = [layout.node_rect(n) for n in layout.specs]
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlap(b) > 0]
    # every edge left to right, the output alone at the right
    assert all(layout.centers[s][0] < layout.centers[n.name][0] for n in big.nodes for s in n.inputs)
    right = max(x for x, _y in layout.centers.values())
    assert [n for n, (x, _y) in layout.centers.items() if x == right] == [big.output]
    # too big to fit with readable text: the view keeps 8 px text and lets the user pan
    assert view.scale_factor == pytest.approx(READABLE_SCALE)
    assert view.whole_scale() < READABLE_SCALE


def wheel(view, pos: QPoint, delta: int) -> None:
    global_pos = view.viewport().mapToGlobal(pos)
    event = QWheelEvent(QPointF(pos), QPointF(global_pos), QPoint(0, 0), QPoint(0, delta), Qt.NoButton,
                        Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def test_the_wheel_zooms_about_the_pointer_and_0_fits_again(view, big, qtbot):
    view.set_evaluation(big)
    before = view.scale_factor
    pos = QPoint(300, 250)
    under = view.mapToScene(pos)
    wheel(view, pos, 240)  # two notches in
    assert view.scale_factor == pytest.approx(before * 1.0015 ** 240, rel=1e-6)
    assert view.user_zoomed
    after = view.mapToScene(pos)
    assert abs(after.x() - under.x()) < 2 / view.scale_factor and abs(after.y() - under.y()) < 2 / view.scale_factor
    # zooming out stops at the whole graph
    for _ in range(30):
        wheel(view, pos, -240)
    assert view.scale_factor == pytest.approx(view.whole_scale())
    # + zooms, 0 fits again (and the view goes on fitting)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_Plus)
    assert view.scale_factor == pytest.approx(view.whole_scale() * 1.25)
    qtbot.keyClick(view, Qt.Key_0)
    assert not view.user_zoomed and view.scale_factor == pytest.approx(view.fit_scale())
    qtbot.mouseClick(view.fit_button, Qt.LeftButton)
    assert view.scale_factor == pytest.approx(view.fit_scale())


def test_the_step_node_is_scrolled_into_view_without_changing_the_zoom(view, big):
    view.set_evaluation(big)
    wheel(view, QPoint(200, 200), 360)
    scale = view.scale_factor
    assert scale > view.fit_scale()
    moved = 0
    for position in range(len(big.steps)):
        view.set_position(position)
        node = view.node_item(big.steps[position].node).sceneBoundingRect()
        assert visible_rect(view).contains(node), (position, big.steps[position].node)
        assert view.scale_factor == scale
        moved += 1
    assert moved == len(big.steps)
    # set back to the first step (the output, far right): scrolled there
    view.centerOn(0, 0)
    view.set_position(0)
    assert visible_rect(view).contains(view.node_item(big.output).sceneBoundingRect())


def test_the_same_graph_with_other_numbers_keeps_the_users_zoom(view):
    view.set_evaluation(mlp_graph(3, (4,), seed=1).evaluate())
    wheel(view, QPoint(200, 200), 240)
    scale = view.scale_factor
    view.set_evaluation(mlp_graph(3, (4,), seed=2).evaluate())
    assert view.scale_factor == scale
    view.set_evaluation(shopping_graph().evaluate())  # another graph: fitted afresh
    assert not view.user_zoomed and view.scale_factor == pytest.approx(view.fit_scale())


def grouped(ev: Evaluation, groups: dict[str, str]) -> Evaluation:
    """``ev`` as a program's: each node with ``group`` (the engine adds the field; set it here either way)."""
    nodes = []
    for node in ev.nodes:
        if any(f.name == "group" for f in dataclasses.fields(node)):
            nodes.append(dataclasses.replace(node, group=groups.get(node.name)))
        else:
            copy = dataclasses.replace(node)
            object.__setattr__(copy, "group", groups.get(node.name))
            nodes.append(copy)
    return dataclasses.replace(ev, nodes=tuple(nodes), _index={})


def test_a_programs_statements_are_boxed_and_named(view, qtbot):
    ev = grouped(shopping_graph().evaluate(), {"jacket_cost": "jacket_cost", "trousers_cost": "trousers_cost",
                                              "subtotal": "total", "total": "total"})
    view.set_evaluation(ev)
    boxes = view.group_boxes()
    assert set(boxes) == {"total"}  # statements of one node need no box: the node carries the name
    layout = view.layout
    for name, group in (("subtotal", "total"), ("total", "total")):
        box = boxes[group].sceneBoundingRect()
        assert box.contains(view.node_item(name).sceneBoundingRect())
        assert layout.groups[group].top < layout.node_rect(name).top
    # behind the values and gradients, which stay visible
    assert all(b.zValue() < 0 for b in boxes.values())
    assert all(item.zValue() > 0 for item in view._drawing.forward.values())
    titles = [c.text() for b in boxes.values() for c in b.childItems()]
    assert any(t.startswith("total") for t in titles)
    # a single expression: no boxes
    view.set_evaluation(shopping_graph().evaluate())
    assert view.group_boxes() == {}


def test_the_export_holds_the_whole_big_graph(view, big, tmp_path):
    view.set_evaluation(big)
    wheel(view, QPoint(200, 200), 480)  # zoomed in: the picture is still the whole graph
    png = export_picture(view, tmp_path / "graph.png", (1600, 900))
    svg = export_picture(view, tmp_path / "graph.svg")
    assert png.stat().st_size > 10_000
    text = svg.read_text(encoding="utf-8")
    # every edge's forward value is there as text, the first leaf's and the output's too
    assert text.count("<text") >= sum(len(n.inputs) for n in big.nodes)
    for value in (big.nodes[0].value, big.output_value):
        assert short(value) in text


def test_the_caption_sizes_kept_stay_bounded_over_many_graphs(qtbot, big):
    """Captions are measured once per name and kept; names typed over hours must not grow the cache for ever."""
    from bpviz.gui.widgets.graph.drawing import MAX_CAPTION_SIZES

    view = GraphView()
    qtbot.addWidget(view)
    sizes = view._drawing._caption_sizes
    sizes.update({(f"old{i}", "font"): None for i in range(MAX_CAPTION_SIZES)})
    view.set_evaluation(big)
    assert 0 < len(sizes) <= MAX_CAPTION_SIZES
    assert all(key[0] in {n.name for n in big.nodes} for key in sizes)  # the old names went, the graph's stay
