"""The deliberately broken backward of the gradient-check lesson: without a fault it is exactly the engine's
backward; each fault is checked against a literal per-sample, per-neuron loop written in this file, changes
exactly the gradients it should, and makes the gradient check fail where (and only where) it matters."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from bpviz.engine import Network, NetworkNames
from bpviz.engine.broken_backward import (
    FAULT_NAMES,
    FAULTS,
    broken_gradients,
    changed_parameters,
    get_fault,
    name_ranges,
    with_analytic,
)
from bpviz.engine.gradcheck import gradcheck
from bpviz.engine.presets import ExampleParams, worked_example
from bpviz.training import TrainConfig, Trainer

LOSS_OUTPUTS = {"half_sse": ("sigmoid", 2), "sse": ("linear", 2), "bce": ("sigmoid", 1), "softmax_ce": ("softmax", 3)}


def random_problem(sizes, hidden, loss, reg="none", n=8, seed=0):
    rng = np.random.default_rng(seed)
    output, _ = LOSS_OUTPUTS[loss]
    net = Network(sizes, hidden=hidden, output=output, loss=loss, seed=seed,
                  regularization=reg, reg_rate=0.0 if reg == "none" else 0.05)
    net.biases = [rng.normal(0.0, 0.5, b.shape) for b in net.biases]
    X = rng.normal(size=(n, sizes[0]))
    Y = rng.random((n, sizes[-1]))
    if loss == "softmax_ce":
        Y /= Y.sum(axis=1, keepdims=True)
    return net, X, Y


# ---------------------------------------------------------------- no fault: the engine's backward, bit for bit
NO_FAULT_CASES = list(itertools.product(("sigmoid", "tanh", "relu", "linear"), sorted(LOSS_OUTPUTS),
                                        ("none", "l1", "l2"), (1, 2, 4), (1, 8)))


@pytest.mark.parametrize("hidden,loss,reg,n_layers,n", NO_FAULT_CASES,
                         ids=["-".join(map(str, c)) for c in NO_FAULT_CASES])
def test_without_a_fault_it_is_exactly_the_engines_gradients(hidden, loss, reg, n_layers, n):
    sizes = [3, *[5, 4, 3][: n_layers - 1], LOSS_OUTPUTS[loss][1]]
    net, X, Y = random_problem(sizes, hidden, loss, reg, n=n, seed=n_layers + 10 * n)
    before = net.get_parameters()
    dW, db = broken_gradients(net, X, Y)
    _, ref_dW, ref_db = net.gradients(X, Y)
    for mine, engine in zip(dW + db, ref_dW + ref_db):
        np.testing.assert_array_equal(mine, engine)
    np.testing.assert_array_equal(net.get_parameters(), before)


def test_without_a_fault_shared_biases_of_the_worked_example_are_exact():
    p = ExampleParams()
    net = worked_example(p)
    dW, db = broken_gradients(net, p.inputs, p.targets, None)
    _, ref_dW, ref_db = net.gradients(p.inputs, p.targets)
    for mine, engine in zip(dW + db, ref_dW + ref_db):
        np.testing.assert_array_equal(mine, engine)
    assert dW[1][0, 0] == pytest.approx(0.082167041, abs=5e-10)  # the published dE/dw5


# ---------------------------------------------------------------- against a literal loop
def _act(name):
    if name == "sigmoid":
        return lambda z: 1.0 / (1.0 + np.exp(-z)), lambda z, a: a * (1.0 - a)
    if name == "tanh":
        return np.tanh, lambda z, a: 1.0 - a * a
    return (lambda z: max(z, 0.0)), (lambda z, a: 1.0 if z >= 0 else 0.0)


def loop_gradients(Ws, bs, X, T, hidden, fault=None):
    """½·squared error (mean over samples) of a sigmoid-output net, one sample and one neuron at a time."""
    f, df = _act(hidden)
    sig, dsig = _act("sigmoid")
    L, N = len(Ws), len(X)
    dW = [np.zeros_like(W) for W in Ws]
    db = [np.zeros_like(b) for b in bs]
    for n in range(N):
        nets, outs = [], [list(X[n])]
        for l in range(L):
            act = sig if l == L - 1 else f
            z = [sum(outs[-1][i] * Ws[l][i, j] for i in range(Ws[l].shape[0])) + bs[l][j]
                 for j in range(Ws[l].shape[1])]
            nets.append(z)
            outs.append([float(act(v)) for v in z])
        y = outs[-1]
        delta = [(y[k] - T[n, k]) * dsig(nets[-1][k], y[k]) / N for k in range(len(y))]
        for l in range(L - 1, -1, -1):
            source = outs[l] if (l == 0 or fault != "pre_activation") else nets[l - 1]
            for i in range(Ws[l].shape[0]):
                for j in range(Ws[l].shape[1]):
                    dW[l][i, j] += source[i] * delta[j]
            for j in range(Ws[l].shape[1]):
                if fault != "bias_gradient" or n == 0:
                    db[l][j] += delta[j]
            if l:
                back = [sum(delta[j] * Ws[l][i, j] for j in range(Ws[l].shape[1])) for i in range(Ws[l].shape[0])]
                if fault == "activation_derivative":
                    delta = back
                else:
                    delta = [back[i] * df(nets[l - 1][i], outs[l][i]) for i in range(len(back))]
    return dW, db


@pytest.mark.parametrize("fault", [None, *FAULT_NAMES])
@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "relu"])
def test_each_fault_against_a_literal_loop(fault, hidden):
    net, X, Y = random_problem([3, 4, 3, 2], hidden, "half_sse", n=5, seed=3)
    dW, db = broken_gradients(net, X, Y, fault)
    loop_dW, loop_db = loop_gradients(net.weights, net.biases, X, Y, hidden, fault)
    for mine, loop in zip(dW + db, loop_dW + loop_db):
        np.testing.assert_allclose(mine, loop, rtol=1e-12, atol=1e-17)


# ---------------------------------------------------------------- what each fault touches
def _changed(a, b):
    return [not np.array_equal(x, y) for x, y in zip(a, b)]


def test_activation_derivative_leaves_the_output_layer_and_changes_every_hidden_gradient():
    net, X, Y = random_problem([3, 5, 4, 2], "tanh", "half_sse", n=8, seed=4)
    _, dW, db = net.gradients(X, Y)
    bad_dW, bad_db = broken_gradients(net, X, Y, "activation_derivative")
    np.testing.assert_array_equal(bad_dW[-1], dW[-1])
    np.testing.assert_array_equal(bad_db[-1], db[-1])
    for l in range(2):  # tanh' < 1 everywhere: every hidden entry moves
        assert np.all(bad_dW[l] != dW[l]) and np.all(bad_db[l] != db[l])


def test_pre_activation_leaves_the_first_layer_and_the_biases():
    net, X, Y = random_problem([3, 5, 4, 2], "sigmoid", "half_sse", n=8, seed=5)
    _, dW, db = net.gradients(X, Y)
    bad_dW, bad_db = broken_gradients(net, X, Y, "pre_activation")
    np.testing.assert_array_equal(bad_dW[0], dW[0])
    assert _changed(bad_db, db) == [False, False, False]
    assert np.all(bad_dW[1] != dW[1]) and np.all(bad_dW[2] != dW[2])


def test_bias_gradient_leaves_the_weights_and_hides_on_one_point():
    net, X, Y = random_problem([3, 5, 4, 2], "tanh", "sse", n=8, seed=6)
    _, dW, db = net.gradients(X, Y)
    bad_dW, bad_db = broken_gradients(net, X, Y, "bias_gradient")
    assert _changed(bad_dW, dW) == [False, False, False]
    assert all(np.all(b != c) for b, c in zip(bad_db, db))
    assert changed_parameters(net, X[:1], Y[:1], "bias_gradient") == []


@pytest.mark.parametrize("fault", ["activation_derivative", "pre_activation"])
def test_faults_about_the_activation_are_invisible_without_one(fault):
    linear, X, Y = random_problem([3, 4, 4, 1], "linear", "bce", n=8, seed=7)
    assert changed_parameters(linear, X, Y, fault) == []
    no_hidden, X, Y = random_problem([3, 2], "tanh", "half_sse", n=8, seed=8)
    assert changed_parameters(no_hidden, X, Y, fault) == []


def test_regularisation_is_added_to_the_broken_gradients_too():
    net, X, Y = random_problem([3, 4, 2], "tanh", "sse", reg="l2", n=8, seed=9)
    plain = net.copy()
    plain.regularization = "none"
    bad, _ = broken_gradients(net, X, Y, "activation_derivative")
    bad_plain, _ = broken_gradients(plain, X, Y, "activation_derivative")
    for a, b, w in zip(bad, bad_plain, net.weights):
        np.testing.assert_allclose(a - b, 0.05 * w, rtol=1e-9, atol=1e-15)


# ---------------------------------------------------------------- the gradient check catches them
def test_worked_example_check_fails_exactly_where_each_fault_matters():
    p = ExampleParams()
    net = worked_example(p)
    X, T = p.inputs, p.targets
    correct = gradcheck(net, X, T)
    assert correct.passed()
    expected = {"activation_derivative": ["w1", "w2", "w3", "w4", "b1"],
                "pre_activation": ["w5", "w6", "w7", "w8"], "bias_gradient": []}
    for fault, names in expected.items():
        assert changed_parameters(net, X, T, fault) == names
        result = gradcheck(net, X, T, analytic=broken_gradients(net, X, T, fault))
        assert sorted(c.name for c in result.checks if c.counted_error >= 1e-7) == sorted(names)
        assert all(c.rel_error > 0.1 for c in result.checks if c.name in names)  # visibly, not marginally
        assert result.passed() == (not names)


@pytest.mark.parametrize("fault", FAULT_NAMES)
def test_typical_playground_net_fails_with_each_fault_and_passes_without(fault):
    trainer = Trainer(TrainConfig())  # 2-4-4-1 tanh, bce, on the circle: the playground's default
    net, X, Y = trainer.network, trainer._X[:8], trainer._Y[:8]
    assert gradcheck(net, X, Y).passed()
    changed = set(changed_parameters(net, X, Y, fault))
    result = gradcheck(net, X, Y, analytic=broken_gradients(net, X, Y, fault))
    assert not result.passed() and result.max_rel_error > 0.1
    failing = {c.name for c in result.checks if c.counted_error >= 1e-7}
    assert failing <= changed and len(failing) >= 0.5 * len(changed)
    untouched = [c for c in result.checks if c.name not in changed]
    assert untouched and all(c.counted_error < 1e-7 for c in untouched)
    names = NetworkNames(net.sizes).params
    layers = {(names[n].kind, names[n].layer) for n in changed}
    if fault == "activation_derivative":
        assert layers == {("w", 0), ("w", 1), ("b", 0), ("b", 1)}  # not the output layer (2)
    elif fault == "pre_activation":
        assert layers == {("w", 1), ("w", 2)}
    else:
        assert layers == {("b", 0), ("b", 1), ("b", 2)}


def test_with_analytic_is_gradcheck_with_those_gradients():
    net, X, Y = random_problem([3, 4, 3, 2], "relu", "softmax_ce", n=8, seed=11)
    correct = gradcheck(net, X, Y)
    for fault in FAULT_NAMES:
        dW, db = broken_gradients(net, X, Y, fault)
        assert with_analytic(correct, net, dW, db) == gradcheck(net, X, Y, analytic=(dW, db))
    sample = gradcheck(net, X, Y, max_params=7, seed=3)
    dW, db = broken_gradients(net, X, Y, "pre_activation")
    assert with_analytic(sample, net, dW, db) == gradcheck(net, X, Y, max_params=7, seed=3, analytic=(dW, db))


# ---------------------------------------------------------------- names and messages
def test_get_fault():
    assert get_fault(None) is None and get_fault("none") is None and get_fault("") is None
    assert get_fault("bias-gradient") is FAULTS["bias_gradient"]
    assert get_fault(" Activation_Derivative ") is FAULTS["activation_derivative"]
    with pytest.raises(ValueError, match="unknown fault 'transpose' \\(choose from activation_derivative"):
        get_fault("transpose")
    for fault in FAULTS.values():  # each reads as one sentence in the window
        for text in (fault.explanation, fault.still_right):
            assert text.endswith(".") and text[0].isupper()


def test_name_ranges():
    order = ["w1", "w2", "w3", "w4", "w5", "b1", "b2"]
    assert name_ranges(["w1", "w2", "w3", "w4"], order) == "w1–w4"
    assert name_ranges(["b2", "w1", "w2", "w5"], order) == "w1, w2, w5, b2"
    assert name_ranges(["w5", "b1", "b2", "w3"], order) == "w3, w5–b2"
    assert name_ranges([], order) == ""


@pytest.mark.parametrize("fault", [None, *FAULT_NAMES])
def test_a_diverged_network_gives_no_numpy_warning(fault):
    """The gradient-check page checks a diverged playground network too: its inf and NaN are said in words there,
    not warned about by NumPy (the 10,000-action run of seed 2 printed 14 RuntimeWarnings from here)."""
    import warnings

    net = Network([2, 3, 1], hidden="tanh", output="sigmoid", loss="bce", seed=0)
    net.weights = [np.full((2, 3), 1e200), np.full((3, 1), 1e200)]
    X = np.array([[1e200, -1e200], [3.0, 4.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dW, db = broken_gradients(net, X, np.array([[1.0], [0.0]]), fault)
    assert len(dW) == 2 and len(db) == 2
