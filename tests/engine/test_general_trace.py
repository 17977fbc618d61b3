"""The general trace (issue 13): one pass of any network the playground allows, on one sample or a mini-batch.

Checked against the engine's own compiled pass (``Network.gradients``, ``Network.step``) and against central
differences of the loss, for every hidden activation × loss, with and without L1/L2 terms."""

import itertools

import numpy as np
import pytest

from bpviz.engine import Network
from bpviz.engine.activations import HIDDEN_ACTIVATIONS
from bpviz.engine.explain import explain_record, gradient_chain
from bpviz.engine.trace import trace_pass

LOSSES = {"bce": "sigmoid", "half_sse": "linear", "softmax_ce": "softmax", "sse": "sigmoid"}
REGULARIZATIONS = (("none", 0.0), ("l1", 0.03), ("l2", 0.05))
CASES = list(itertools.product(HIDDEN_ACTIVATIONS, LOSSES, REGULARIZATIONS))


def make(activation, loss, reg, sizes=(3, 4, 3, 2), seed=7, **options):
    kind, rate = reg
    net = Network(sizes, hidden=activation, output=LOSSES[loss], loss=loss, seed=seed, regularization=kind,
                  reg_rate=rate, **options)
    rng = np.random.default_rng(seed)
    for l, b in enumerate(net.biases):  # non-zero biases, so that their gradients are tested too
        net.biases[l] = rng.normal(0, 0.5, b.shape)
    return net, rng


def sample(rng, net, n):
    X = rng.uniform(-1.5, 1.5, (n, net.sizes[0]))
    if net.loss.name == "softmax_ce":
        T = np.eye(net.sizes[-1])[rng.integers(0, net.sizes[-1], n)]
    else:
        T = rng.uniform(0.05, 0.95, (n, net.sizes[-1]))
    return X, T


@pytest.mark.parametrize("activation,loss,reg", CASES)
@pytest.mark.parametrize("n", [1, 5])
def test_the_trace_gives_the_engines_gradients_loss_and_update(activation, loss, reg, n):
    net, rng = make(activation, loss, reg)
    X, T = sample(rng, net, n)
    trace = trace_pass(net, X, T, 0.3)
    value, dW, db = net.gradients(X, T)
    assert trace.arrays["loss"][0] == pytest.approx(value, rel=1e-12, abs=1e-15)
    assert trace.quantities["E_total"] == pytest.approx(value, rel=1e-12, abs=1e-15)
    for l in range(net.n_layers):
        np.testing.assert_allclose(trace.arrays["dW"][l], dW[l], rtol=1e-10, atol=1e-14)
        np.testing.assert_allclose(trace.arrays["db"][l], db[l], rtol=1e-10, atol=1e-14)
    stepped = net.copy()
    stepped.step(X, T, 0.3)
    names = trace.names
    for name, ref in names.params.items():  # every update step's value is the real step's parameter
        expected = stepped.weights[ref.layer][ref.src, ref.dst] if ref.kind == "w" else \
            stepped.biases[ref.layer][ref.dst]
        assert trace.quantities[f"{name}+"] == expected
        grad = dW[ref.layer][ref.src, ref.dst] if ref.kind == "w" else db[ref.layer][ref.dst]
        assert trace.quantities[f"dE/d{name}"] == pytest.approx(grad, rel=1e-10, abs=1e-14)


@pytest.mark.parametrize("activation,loss", [("tanh", "bce"), ("relu", "softmax_ce"), ("sigmoid", "half_sse")])
def test_batch_gradients_are_central_differences_of_the_batch_loss(activation, loss):
    net, rng = make(activation, loss, ("l2", 0.05), sizes=(2, 3, 2))
    X, T = sample(rng, net, 4)
    trace = trace_pass(net, X, T, 0.1)
    params, h = net.get_parameters(), 1e-6
    grads = np.concatenate([np.vstack([w, b[None]]).ravel() for w, b in zip(trace.arrays["dW"], trace.arrays["db"])])
    for k in range(len(params)):
        up, down = params.copy(), params.copy()
        up[k] += h
        down[k] -= h
        net.set_parameters(up)
        e_up = net.loss_value(X, T) + net.penalty()
        net.set_parameters(down)
        e_down = net.loss_value(X, T) + net.penalty()
        assert grads[k] == pytest.approx((e_up - e_down) / (2 * h), rel=1e-5, abs=1e-8)


def test_a_batch_trace_steps_its_first_sample_then_the_mean_of_every_samples_own_gradient():
    net, rng = make("tanh", "bce", ("none", 0.0), sizes=(2, 3, 1))
    X, T = sample(rng, net, 3)
    trace = trace_pass(net, X, T, 0.1)
    phases = [s.phase for s in trace.steps]
    assert phases == sorted(phases, key=("forward", "error", "backward", "batch", "update").index)
    first = trace_pass(net.copy(), X[:1], T[:1], 0.1)
    q = trace.quantities
    assert q["E1"] == first.quantities["E_total"] and q["out_o1"] == first.quantities["out_o1"]
    own = [net.gradients(X[k : k + 1], T[k : k + 1])[1][1][0, 0] for k in range(3)]  # ∂E_k/∂w(h1→o1)
    name = trace.names.weight(1, 0, 0)
    assert q[f"dE1/d{name}"] == pytest.approx(own[0], rel=1e-12)
    assert q[f"dE/d{name}"] == pytest.approx(sum(own) / 3, rel=1e-12)
    step = trace[trace.index(f"dE/d{name}")]
    assert step.formula == f"(∂E1/∂{name} + ∂E2/∂{name} + ∂E3/∂{name})/3"


def test_the_chain_of_a_first_layer_gradient_reaches_back_to_the_output():
    net, rng = make("tanh", "half_sse", ("none", 0.0), sizes=(2, 3, 2, 1))
    X, T = sample(rng, net, 1)
    trace = trace_pass(net, X, T, 0.1)
    w = trace.names.weight(0, 1, 2)  # i2 → h1_3
    chain = [trace[k].name for k in gradient_chain(trace, w)]
    assert chain[0] == f"dE/d{w}"
    for needed in ("delta_h1_3", "dE/dout_h1_3", "dout_h1_3/dnet_h1_3", "delta_h2_1", "delta_h2_2",
                   "delta_o1", "dE/dout_o1", "out_o1"):
        assert needed in chain, needed
    assert "delta_h1_1" not in chain and "dE/dw1" not in chain  # not a factor of this gradient
    positions = gradient_chain(trace, w)[1:]
    assert list(positions) == sorted(positions, reverse=True)
    with pytest.raises(KeyError):
        gradient_chain(trace, "w999")


def test_explain_record_is_the_contract_of_bpviz_explain():
    net, rng = make("relu", "softmax_ce", ("l2", 0.01), sizes=(2, 4, 2))
    X, T = sample(rng, net, 1)
    record = explain_record(net, X[0], T[0], 0.1)
    assert set(record) == {"network", "x", "target", "loss", "gradients", "steps"}
    assert record["network"]["sizes"] == [2, 4, 2]
    assert np.array(record["network"]["weights"][0]).shape == (2, 4)
    value, dW, db = net.gradients(X, T)
    assert record["loss"] == pytest.approx(value)
    np.testing.assert_allclose(record["gradients"]["weights"][1], dW[1], rtol=1e-12)
    np.testing.assert_allclose(record["gradients"]["biases"][0], db[0], rtol=1e-12)
    assert set(record["steps"][0]) == {"name", "formula", "numbers", "value"}


@pytest.mark.parametrize("activation", HIDDEN_ACTIVATIONS)
def test_a_wide_layer_is_also_computed_at_once_in_vector_form(activation):
    net, rng = make(activation, "bce", ("none", 0.0), sizes=(2, 6, 5, 1))
    X, T = sample(rng, net, 1)
    trace = trace_pass(net, X, T, 0.1)
    pass_ = net.inspect(X, T)
    for name, array, layer in (("net_h1", pass_.nets, 0), ("out_h1", pass_.outs, 0), ("net_h2", pass_.nets, 1),
                               ("out_h2", pass_.outs, 1), ("delta_h1", pass_.deltas, 0),
                               ("delta_h2", pass_.deltas, 1)):
        step = trace[trace.index(name)]
        assert step.is_vector and np.isnan(step.value)
        np.testing.assert_array_equal(step.values, array[layer][0])
        neuron_steps = [trace.index(f"{name}_{j + 1}") for j in range(len(step.values))]
        assert trace.index(name) < min(neuron_steps)  # the layer at once, then each neuron's own step
        assert all(trace[k].value == v for k, v in zip(neuron_steps, step.values))
    assert trace[trace.index("net_h1")].formula == "i·W1 + b1"
    assert trace[trace.index("delta_h1")].formula == f"(δ_h2·W2ᵀ) ⊙ {activation}′(net_h1)"
    assert "net_o" not in [s.name for s in trace.steps]  # one output neuron: no vector form
    chain = [trace[k] for k in gradient_chain(trace, trace.names.weight(0, 0, 0))]
    assert not any(s.is_vector for s in chain) and "delta_h1_1" in [s.name for s in chain]
    record = explain_record(net, X[0], T[0], 0.1)
    values = {s["name"]: s["value"] for s in record["steps"]}
    assert values["out_h2"] == pytest.approx(list(pass_.outs[1][0]))
    assert isinstance(values["out_h2_1"], float)


def test_layers_of_four_neurons_or_fewer_have_no_vector_steps():
    net, rng = make("tanh", "half_sse", ("none", 0.0), sizes=(2, 4, 4, 1))
    X, T = sample(rng, net, 1)
    assert not any(s.is_vector for s in trace_pass(net, X, T, 0.1).steps)
