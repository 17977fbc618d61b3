"""The trace keeps the pass's arrays: every step points at its own value in them, and what is known after step k
is the arrays masked by the step that computes each element (the diagram reads them so)."""

import itertools

import numpy as np
import pytest

from bpviz.engine import Network
from bpviz.engine.presets import ExampleParams, with_weights, worked_example
from bpviz.engine.trace import ARRAYS, NOT_YET, trace_pass

NETWORKS = [
    dict(sizes=[2, 2, 2], hidden="sigmoid", output="sigmoid", loss="half_sse", shared_biases=True),
    dict(sizes=[2, 2, 2], hidden="sigmoid", output="sigmoid", loss="half_sse", shared_biases=True,
         update_biases=True),
    dict(sizes=[3, 4, 2, 1], hidden="tanh", output="sigmoid", loss="bce"),
    dict(sizes=[2, 3, 3], hidden="relu", output="softmax", loss="softmax_ce", regularization="l2", reg_rate=0.01),
    dict(sizes=[2, 3, 1], hidden="linear", output="linear", loss="half_sse", regularization="l1", reg_rate=0.1),
]


def traced(spec, seed=0):
    net = Network(spec["sizes"], seed=seed, **{k: v for k, v in spec.items() if k != "sizes"})
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, spec["sizes"][0])
    t = np.eye(spec["sizes"][-1])[0] if spec["loss"] == "softmax_ce" else rng.uniform(0.1, 0.9, spec["sizes"][-1])
    return trace_pass(net, x, t, 0.3)


@pytest.mark.parametrize("spec", NETWORKS)
def test_every_step_points_at_its_own_value(spec):
    trace = traced(spec)
    for step in trace.steps:
        w = step.where
        held = np.asarray(trace.arrays[w.array][w.layer])[... if w.index is None else w.index]
        assert np.all(held == step.value), (step.name, w, held, step.value)


@pytest.mark.parametrize("spec", NETWORKS)
def test_known_from_is_the_first_step_that_computes_each_element(spec):
    trace = traced(spec)
    for name in ARRAYS:
        for layer, first in enumerate(trace.known_from[name]):
            for index in itertools.product(*map(range, first.shape)):
                steps = [k for k, s in enumerate(trace.steps) if s.where.array == name and s.where.layer == layer
                         and (s.where.index is None or s.where.index == index)]
                if name in ("W", "b"):
                    assert first[index] == -1  # given before the pass
                else:
                    assert first[index] == (steps[0] if steps else NOT_YET), (name, layer, index)


def test_masks_show_the_pass_part_way_through():
    p = ExampleParams()
    trace = trace_pass(worked_example(p), p.inputs, p.targets, p.lr)
    before = trace.index("out_h1")
    nets = trace.known("nets", before)
    assert nets[0][0] == pytest.approx(0.3775) and np.isnan(nets[0][1]) and np.isnan(nets[1]).all()
    assert not trace.any_known("dW", trace.index("E_total"))
    grads = trace.known("dW", trace.index("dE/dw5"))
    assert grads[1][0, 0] == pytest.approx(0.082167041) and np.isnan(grads[1][1, 0]) and np.isnan(grads[0]).all()
    done = trace.known("new_W", len(trace) - 1)
    assert done[1][0, 0] == pytest.approx(0.35891648) and done[0][0, 0] == pytest.approx(0.149780716)


def test_the_update_gives_the_next_passes_starting_numbers():
    p = ExampleParams()
    trace = trace_pass(worked_example(p), p.inputs, p.targets, p.lr)
    after = with_weights(p, trace.arrays["new_W"], trace.arrays["new_b"])
    assert after.w5 == trace.quantities["w5+"] and after.w1 == trace.quantities["w1+"]
    assert (after.b1, after.b2) == (p.b1, p.b2)  # biases stay, as published
    net = worked_example(after)
    assert net.weights[1][0, 0] == after.w5 and net.weights[0][1, 0] == after.w2  # the inverse of worked_example
