"""The layered layout of big computation graphs (bpviz.engine.graph_layout), on its own: layers, dummies,
crossings, coordinates; its time is printed (run with -s), not asserted."""

from __future__ import annotations

import random
import time

import pytest

from bpviz.engine.compgraph import Graph
from bpviz.engine.graph_layout import (
    add_dummies,
    assign_layers,
    count_crossings,
    fit_in_order,
    is_dummy,
    layered_layout,
)


def mlp_graph(n_in: int = 3, hidden: tuple[int, ...] = (4,), seed: int = 0) -> Graph:
    """A micrograd-like MLP by hand: each neuron Σ x·w + b, then tanh as (exp(2n) − 1)/(exp(2n) + 1)."""
    rnd = random.Random(seed)
    g = Graph("mlp", "MLP")
    layer = [g.input(f"x{i}", rnd.uniform(-1, 1)) for i in range(n_in)]
    for li, width in enumerate([*hidden, 1]):
        outs = []
        for j in range(width):
            name = f"n{li}{j}"
            prods = [g.mul(x, g.input(f"w{li}{j}{i}", rnd.uniform(-1, 1)), name=f"{name}_xw{i}")
                     for i, x in enumerate(layer)]
            n = g.add(*prods, g.input(f"b{li}{j}", rnd.uniform(-1, 1)), name=f"{name}_n")
            e = g.exp(g.scale(n, 2.0, name=f"{name}_2n"), name=f"{name}_e")
            outs.append(g.mul(g.shift(e, -1.0, name=f"{name}_em1"),
                              g.recip(g.shift(e, 1.0, name=f"{name}_ep1"), name=f"{name}_r"), name=f"{name}_o"))
        layer = outs
    return g


def graph_inputs(graph: Graph):
    ev = graph.evaluate()
    return {n.name: n.inputs for n in ev.nodes}, ev.output


def tree(depth: int) -> dict[str, tuple[str, ...]]:
    """A full binary tree of additions: 2**depth leaves, the root last."""
    inputs: dict[str, tuple[str, ...]] = {}
    level = [f"l{i}" for i in range(2 ** depth)]
    for name in level:
        inputs[name] = ()
    k = 0
    while len(level) > 1:
        nxt = []
        for a, b in zip(level[::2], level[1::2]):
            inputs[f"s{k}"] = (a, b)
            nxt.append(f"s{k}")
            k += 1
        level = nxt
    return inputs


def segments(layout):
    return [(a, b) for chain in layout.chains.values() for a, b in zip(chain, chain[1:])]


def test_layers_are_the_longest_path_from_the_leaves_and_the_output_is_alone_at_the_right():
    inputs = {"a": (), "b": (), "c": (), "ab": ("a", "b"), "e": ("ab",), "out": ("e", "c", "a")}
    layers = assign_layers(inputs, "out")
    assert layers == {"a": 0, "b": 0, "c": 0, "ab": 1, "e": 2, "out": 3}
    near = assign_layers(inputs, "out", leaves_near_readers=True)
    assert near["c"] == 2 and near["a"] == 0 and near["b"] == 0  # c next to its reader; a's first reader is ab
    # a node as deep as the output (not one of its ancestors) does not share its layer
    lonely = assign_layers({"x": (), "y": ("x",), "z": ("x",)}, "y")
    assert lonely["y"] > lonely["z"]
    with pytest.raises(ValueError, match="cycle"):
        assign_layers({"p": ("q",), "q": ("p",)})


def test_a_long_edge_gets_one_dummy_per_layer_it_crosses():
    inputs = {"a": (), "b": ("a",), "c": ("b",), "d": ("c", "a")}
    layers, chains = add_dummies(inputs, assign_layers(inputs, "d"))
    assert chains[("d", 0)] == ["c", "d"]
    long = chains[("d", 1)]
    assert long[0] == "a" and long[-1] == "d" and len(long) == 4  # a, dummies in layers 1 and 2, d
    assert all(is_dummy(v) for v in long[1:-1]) and [layers[v] for v in long] == [0, 1, 2, 3]


def test_a_tree_has_no_crossings_and_every_edge_goes_left_to_right():
    inputs = tree(4)  # 31 nodes
    # scrambled, so the first order has crossings to remove
    rnd = random.Random(3)
    keys = {n: rnd.random() for n in inputs}
    order = sorted(inputs, key=lambda n: (bool(inputs[n]), keys[n]))
    scrambled = {n: inputs[n] for n in order}
    layout = layered_layout(scrambled, "s14")
    assert layout.crossings_before > 0
    assert layout.crossings == 0 == count_crossings(layout.rows, segments(layout), layout.layers)
    for a, b in segments(layout):
        assert layout.layers[a] < layout.layers[b] and layout.x[a] < layout.x[b]
    assert layout.rows[-1] == ["s14"]


@pytest.mark.parametrize("hidden", [(2,), (4,), (3, 3)])
def test_crossings_drop_on_micrograd_like_graphs(hidden):
    inputs, output = graph_inputs(mlp_graph(3, hidden))
    layout = layered_layout(inputs, output, leaves_near_readers=True)
    print(f"\nMLP 3-{'-'.join(map(str, hidden))}-1, {len(inputs)} nodes: crossings {layout.crossings_before} "
          f"-> {layout.crossings}")
    assert layout.crossings < layout.crossings_before
    assert layout.crossings <= 0.7 * layout.crossings_before
    assert layout.rows[-1] == [output]
    assert all(not inputs[v] for v in layout.rows[0])  # the first layer: leaves only


def test_nodes_of_one_layer_do_not_overlap_and_chains_run_straight():
    inputs, output = graph_inputs(mlp_graph(3, (4,)))
    heights = {n: (50.0 if not inputs[n] else 34.0) for n in inputs}
    layout = layered_layout(inputs, output, heights=heights, row_gap=12.0, layer_gap=50.0)
    for row in layout.rows:
        for a, b in zip(row, row[1:]):
            reach_a = 8.0 if is_dummy(a) else heights[a] / 2
            reach_b = 8.0 if is_dummy(b) else heights[b] / 2
            assert layout.y[b] - layout.y[a] >= reach_a + 12.0 + reach_b - 1e-6
    xs = [layout.x[row[0]] for row in layout.rows]
    assert xs == sorted(xs) and all(b - a >= 50.0 for a, b in zip(xs, xs[1:]))
    # a chain of one-input nodes (2n -> exp) runs straight: the same height
    assert layout.y["n00_2n"] == pytest.approx(layout.y["n00_e"], abs=1.0)


def test_groups_stay_together_in_their_layers():
    inputs = {"a": (), "b": (), "c": (), "p": ("a", "b"), "q": ("b", "c"), "r": ("a", "c"), "out": ("p", "q", "r")}
    groups = {"p": "one", "r": "one", "q": "two"}
    layout = layered_layout(inputs, "out", groups=groups)
    row = layout.rows[1]
    positions = [row.index(v) for v in ("p", "r")]
    assert abs(positions[0] - positions[1]) == 1


def test_fit_in_order_keeps_the_order_and_the_gaps():
    ys = fit_in_order([0.0, 0.0, 10.0], [1.0, 1.0, 1.0], [5.0, 5.0])
    assert ys[1] - ys[0] >= 5.0 - 1e-9 and ys[2] - ys[1] >= 5.0 - 1e-9
    assert sum(ys) / 3 == pytest.approx(10.0 / 3)


def test_the_layout_is_deterministic_and_its_time_is_printed():
    for hidden in [(4,), (8, 8)]:
        inputs, output = graph_inputs(mlp_graph(3, hidden))
        first = layered_layout(inputs, output, leaves_near_readers=True)
        start = time.perf_counter()
        again = layered_layout(inputs, output, leaves_near_readers=True)
        elapsed = time.perf_counter() - start
        assert again.rows == first.rows and again.y == first.y
        print(f"\nlayered layout of {len(inputs)} nodes: {elapsed * 1000:.1f} ms, {first.n_layers} layers, "
              f"crossings {first.crossings_before} -> {first.crossings}")
