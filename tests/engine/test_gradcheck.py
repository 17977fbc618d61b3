"""Backprop against central differences, for every hidden activation x loss, 2-4 weight layers, with and
without L1/L2 regularisation; plus an independent finite difference written in this file, and proof that the
check can fail."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from bpviz.engine import Network
from bpviz.engine.gradcheck import gradcheck
from bpviz.engine.presets import worked_example

# loss -> (output activation, number of outputs)
LOSS_OUTPUTS = {
    "half_sse": ("sigmoid", 2),
    "sse": ("linear", 2),
    "bce": ("sigmoid", 2),
    "softmax_ce": ("softmax", 3),
}
HIDDEN = ("sigmoid", "tanh", "relu", "linear")
N_LAYERS = (2, 3, 4)
REGS = ("none", "l1", "l2")
N_IN, BATCH = 3, 8

CASES = list(itertools.product(N_LAYERS, HIDDEN, sorted(LOSS_OUTPUTS), REGS))


def random_problem(n_layers, hidden, loss, reg, seed):
    """A random network (hidden widths 2-6, random biases) and a random batch with fitting targets."""
    rng = np.random.default_rng(seed)
    output, n_out = LOSS_OUTPUTS[loss]
    sizes = [N_IN] + [int(s) for s in rng.integers(2, 7, n_layers - 1)] + [n_out]
    net = Network(sizes, hidden=hidden, output=output, loss=loss, seed=seed,
                  regularization=reg, reg_rate=0.0 if reg == "none" else 0.03)
    net.biases = [rng.normal(0.0, 0.5, b.shape) for b in net.biases]
    X = rng.normal(size=(BATCH, N_IN))
    if loss == "softmax_ce":
        Y = rng.random((BATCH, n_out)) + 0.05
        Y /= Y.sum(axis=1, keepdims=True)
    elif loss in ("bce", "half_sse"):
        Y = rng.random((BATCH, n_out))
    else:
        Y = rng.normal(size=(BATCH, n_out))
    return net, X, Y


def _case_id(case):
    return "-".join(map(str, case))


KINK_COUNTS = []


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_backprop_matches_central_differences(case):
    n_layers, hidden, loss, reg = case
    seed = 1000 + CASES.index(case)
    net, X, Y = random_problem(n_layers, hidden, loss, reg, seed)
    before = net.get_parameters()
    result = gradcheck(net, X, Y)

    n_params = sum(w.size for w in net.weights) + sum(b.size for b in net.biases)
    assert result.n_parameters == n_params
    assert len(result.checks) == n_params  # every parameter was looked at
    assert len(result.smooth) >= 0.8 * n_params, f"{result.n_kinks} kinks of {n_params}"
    if hidden != "relu" and reg != "l1":
        assert result.n_kinks == 0  # a smooth loss has no kinks to excuse
    assert result.max_rel_error < 1e-7, f"worst: {result.worst}"
    # The comparison is not vacuous: the gradients are not all (near) zero.
    assert max(abs(c.analytic) for c in result.smooth) > 1e-3
    # gradcheck leaves the network exactly as it was.
    np.testing.assert_array_equal(net.get_parameters(), before)
    KINK_COUNTS.append((result.n_kinks, n_params))


@pytest.mark.parametrize("output", ["softmax", "tanh", "sigmoid", "linear"])
@pytest.mark.parametrize("loss", ["half_sse", "sse"])
def test_squared_losses_on_other_output_layers(output, loss):
    """The squared losses chain through any output activation (softmax through its full Jacobian)."""
    rng = np.random.default_rng(77)
    net = Network([3, 4, 5, 3], hidden="tanh", output=output, loss=loss, seed=2)
    net.biases = [rng.normal(0.0, 0.5, b.shape) for b in net.biases]
    X, Y = rng.normal(size=(BATCH, 3)), rng.random((BATCH, 3))
    result = gradcheck(net, X, Y)
    assert result.n_kinks == 0 and len(result.checks) == result.n_parameters
    assert result.max_rel_error < 1e-7, f"worst: {result.worst}"
    assert max(abs(c.analytic) for c in result.checks) > 1e-3
    # independently: the plain central difference agrees too
    _, dW, db = net.gradients(X, Y)
    num_dW, num_db = _plain_central_differences(net, X, Y)
    _assert_close_rel(dW, num_dW)
    _assert_close_rel(db, num_db)


def test_kinks_are_few_over_all_cases():
    if len(KINK_COUNTS) < len(CASES):
        pytest.skip("needs the full parametrised gradcheck run")
    kinks = sum(k for k, _ in KINK_COUNTS)
    total = sum(n for _, n in KINK_COUNTS)
    assert kinks <= 0.02 * total, f"{kinks} of {total} parameters were excused as kinks"


def test_regularisation_really_enters_the_checked_gradient():
    """With L2 the checked gradients differ from the unregularised ones by lambda*W (so the regularised cases
    above test something)."""
    net, X, Y = random_problem(3, "tanh", "sse", "l2", 7)
    _, dW_reg, db_reg = net.gradients(X, Y)
    plain = net.copy()
    plain.regularization = "none"
    _, dW, db = plain.gradients(X, Y)
    for a, b, w in zip(dW_reg, dW, net.weights):
        np.testing.assert_allclose(a - b, 0.03 * w, rtol=1e-9, atol=1e-15)
    for a, b in zip(db_reg, db):
        np.testing.assert_array_equal(a, b)


# ---------------------------------------------------------------- an independent finite difference
def _objective(net, X, Y):
    return net.loss_value(X, Y) + net.penalty()


def _plain_central_differences(net, X, Y, h=1e-6):
    """(f(p+h) - f(p-h)) / 2h for every weight and bias, through the public assignment API."""
    dW, db = [], []
    for l, W in enumerate(net.weights):
        W0 = W.copy()
        g = np.empty_like(W0)
        for idx in np.ndindex(W0.shape):
            for sign in (1, -1):
                Wp = W0.copy()
                Wp[idx] += sign * h
                net.weights[l] = Wp
                if sign == 1:
                    f_plus = _objective(net, X, Y)
                else:
                    f_minus = _objective(net, X, Y)
            g[idx] = (f_plus - f_minus) / (2 * h)
        net.weights[l] = W0
        dW.append(g)
    for l, b in enumerate(net.biases):
        b0 = b.copy()
        g = np.empty_like(b0)
        for j in range(b0.size):
            bp, bm = b0.copy(), b0.copy()
            bp[j] += h
            bm[j] -= h
            net.biases[l] = bp
            f_plus = _objective(net, X, Y)
            net.biases[l] = bm
            f_minus = _objective(net, X, Y)
            g[j] = (f_plus - f_minus) / (2 * h)
        net.biases[l] = b0
        db.append(g)
    return dW, db


def _assert_close_rel(analytic, numeric, rtol=1e-5, floor=1e-9):
    for a, n in zip(analytic, numeric):
        err = np.abs(a - n)
        scale = np.maximum(np.abs(a), np.abs(n))
        assert np.all(err <= rtol * scale + floor), f"max abs err {err.max():.3g}\n{a}\n{n}"


@pytest.mark.parametrize("hidden,loss,reg", [("tanh", "sse", "l2"), ("sigmoid", "softmax_ce", "l1"),
                                             ("sigmoid", "bce", "none")])
def test_independent_central_difference(hidden, loss, reg):
    net, X, Y = random_problem(3, hidden, loss, reg, 42)
    before = net.get_parameters()
    _, dW, db = net.gradients(X, Y)
    num_dW, num_db = _plain_central_differences(net, X, Y)
    np.testing.assert_array_equal(net.get_parameters(), before)
    _assert_close_rel(dW, num_dW)
    _assert_close_rel(db, num_db)
    big = sum(int(np.sum(np.abs(g) > 1e-4)) for g in num_dW + num_db)
    total = sum(g.size for g in num_dW + num_db)
    assert big >= 0.8 * total  # most gradients are far above the floor: the relative test bites


def test_independent_difference_can_fail():
    net, X, Y = random_problem(3, "tanh", "sse", "none", 42)
    _, dW, db = net.gradients(X, Y)
    num_dW, num_db = _plain_central_differences(net, X, Y)
    bad = [w.copy() for w in dW]
    bad[1][0, 0] *= 1.001
    with pytest.raises(AssertionError):
        _assert_close_rel(bad, num_dW)


# ---------------------------------------------------------------- the check can fail
def test_gradcheck_detects_a_gradient_off_by_a_tenth_of_a_percent():
    net, X, Y = random_problem(3, "tanh", "half_sse", "none", 3)
    _, dW, db = net.gradients(X, Y)
    assert gradcheck(net, X, Y, analytic=(dW, db)).max_rel_error < 1e-7
    wrong = [w.copy() for w in dW]
    idx = np.unravel_index(np.argmax(np.abs(wrong[0])), wrong[0].shape)  # a first-layer weight
    assert abs(wrong[0][idx]) > 1e-3
    wrong[0][idx] *= 1.001
    result = gradcheck(net, X, Y, analytic=(wrong, db))
    assert 0.5e-3 < result.max_rel_error < 2e-3
    assert not result.passed()
    bad = [c for c in result.checks if c.rel_error > 1e-4]
    assert len(bad) == 1 and result.worst is bad[0]
    assert bad[0].analytic == wrong[0][idx]


def test_gradcheck_detects_a_wrong_bias_gradient():
    net, X, Y = random_problem(2, "sigmoid", "bce", "none", 4)
    _, dW, db = net.gradients(X, Y)
    wrong = [b.copy() for b in db]
    wrong[-1][0] *= 1.001
    assert gradcheck(net, X, Y, analytic=(dW, wrong)).max_rel_error > 5e-4


def test_gradcheck_detects_a_sign_flipped_entry():
    net, X, Y = random_problem(2, "relu", "softmax_ce", "l2", 5)
    _, dW, db = net.gradients(X, Y)
    wrong = [w.copy() for w in dW]
    wrong[1][0, 1] = -wrong[1][0, 1]
    assert gradcheck(net, X, Y, analytic=(wrong, db)).max_rel_error > 1.0


def _worked_example_hand_gradients(flip_term=False):
    """dE/dw and dE/db of the worked example by hand; ``flip_term`` puts the classic bug in: the term that
    o2 sends back to h1 (delta_o2 * w7) with the wrong sign."""
    sig = lambda z: 1.0 / (1.0 + math.exp(-z))  # noqa: E731
    i1, i2, t1, t2 = 0.05, 0.10, 0.01, 0.99
    w1, w2, w3, w4, w5, w6, w7, w8, b1, b2 = 0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55, 0.35, 0.60
    h1, h2 = sig(w1 * i1 + w2 * i2 + b1), sig(w3 * i1 + w4 * i2 + b1)
    o1, o2 = sig(w5 * h1 + w6 * h2 + b2), sig(w7 * h1 + w8 * h2 + b2)
    d_o1, d_o2 = (o1 - t1) * o1 * (1 - o1), (o2 - t2) * o2 * (1 - o2)
    back_h1 = d_o1 * w5 + (-1 if flip_term else 1) * d_o2 * w7
    d_h1, d_h2 = back_h1 * h1 * (1 - h1), (d_o1 * w6 + d_o2 * w8) * h2 * (1 - h2)
    dW = [np.array([[d_h1 * i1, d_h2 * i1], [d_h1 * i2, d_h2 * i2]]),
          np.array([[d_o1 * h1, d_o2 * h1], [d_o1 * h2, d_o2 * h2]])]
    db = [np.full(2, d_h1 + d_h2), np.full(2, d_o1 + d_o2)]
    return dW, db


def test_shared_biases_of_the_worked_example_check_correctly():
    net = worked_example()
    X, T = np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]])
    result = gradcheck(net, X, T)
    names = [c.name for c in result.checks]
    assert names == [f"w{i}" for i in range(1, 9)] + ["b1", "b2"]
    assert result.n_parameters == 10 and result.n_kinks == 0
    assert result.max_rel_error < 1e-7
    # The hand-computed gradients pass too, and the shared bias is checked against delta_h1 + delta_h2.
    hand = _worked_example_hand_gradients()
    hand_result = gradcheck(net, X, T, analytic=hand)
    assert hand_result.max_rel_error < 1e-7
    b1 = next(c for c in hand_result.checks if c.name == "b1")
    assert abs(b1.numeric - hand[1][0][0]) <= 1e-9 * abs(hand[1][0][0])
    # A per-neuron bias gradient (delta_h1 alone) is wrong for a shared bias and must be caught.
    dW, db = hand
    per_neuron = [np.array([db[0][0] - dW[0][0, 1] / 0.05, 0.0]), db[1]]  # delta_h1 instead of the sum
    assert gradcheck(net, X, T, analytic=(dW, per_neuron)).max_rel_error > 0.1


def test_gradcheck_detects_a_sign_flipped_backprop_term():
    net = worked_example()
    X, T = np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]])
    result = gradcheck(net, X, T, analytic=_worked_example_hand_gradients(flip_term=True))
    bad = {c.name for c in result.checks if c.rel_error > 1e-3}
    assert {"w1", "w2"} <= bad and "b1" in bad  # everything downstream of delta_h1
    assert not bad & {"w3", "w4", "w5", "w6", "w7", "w8", "b2"}


# ---------------------------------------------------------------- ReLU kinks
def test_relu_input_exactly_zero_is_reported_as_a_kink():
    net = Network([2, 2, 1], hidden="relu", output="linear", loss="sse", seed=0)
    net.weights = [np.array([[0.5, 0.3], [-0.5, 0.4]]), np.array([[0.7], [-0.6]])]
    net.biases = [np.array([0.0, 0.1]), np.array([0.2])]
    X = np.array([[1.0, 1.0], [0.3, -0.2], [-0.4, 0.9]])
    Y = np.array([[1.0], [-0.5], [0.25]])
    z = X @ net.weights[0] + net.biases[0]
    assert z[0, 0] == 0.0  # h1's input is exactly 0 on the first sample
    assert np.all(z[1:, 0] != 0.0) and np.all(np.abs(z[:, 1]) > 0.01)

    result = gradcheck(net, X, Y)
    kinks = {c.name for c in result.checks if c.kink}
    # Only the parameters that move h1's input across 0 (w1 = i1->h1, w2 = i2->h1 and h1's bias).
    assert kinks == {"w1", "w2", "b_h1"}
    assert result.max_rel_error < 1e-7  # everything else is smooth and correct
    # The seed's convention (grad_h[h < 0] = 0): at exactly 0 the derivative is 1, i.e. the gradient is the
    # one-sided derivative in the direction that makes h1 active.
    _, dW, _ = net.gradients(X, Y)
    h = 1e-7
    f0 = net.loss_value(X, Y)
    W = net.weights[0].copy()
    W[0, 0] += h  # x = 1 > 0 on the kink sample: increasing w1 opens h1
    net.weights[0] = W
    right = (net.loss_value(X, Y) - f0) / h
    assert abs(dW[0][0, 0] - right) < 1e-5 * max(1.0, abs(right))


def test_gradcheck_sample_of_parameters():
    net, X, Y = random_problem(4, "tanh", "bce", "none", 9)
    result = gradcheck(net, X, Y, max_params=10, seed=1)
    assert len(result.checks) == 10 and len(set(c.name for c in result.checks)) == 10
    assert result.n_parameters > 10
    assert result.max_rel_error < 1e-7


def test_progress_counts_every_checked_parameter_and_changes_nothing():
    net, X, Y = random_problem(3, "relu", "softmax_ce", "l2", 4)
    calls = []
    result = gradcheck(net, X, Y, max_params=12, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(k, 12) for k in range(1, 13)]
    assert result == gradcheck(net, X, Y, max_params=12)  # the same check with or without a callback


def test_a_progress_callback_that_raises_stops_the_check_and_restores_the_network():
    net, X, Y = random_problem(3, "tanh", "bce", "none", 5)
    before = net.get_parameters().copy()

    class Stop(Exception):
        pass

    def stop_after_three(done, total):
        if done == 3:
            raise Stop

    with pytest.raises(Stop):
        gradcheck(net, X, Y, progress=stop_after_three)
    np.testing.assert_array_equal(net.get_parameters(), before)  # no parameter left nudged


def test_one_set_of_thresholds_for_the_engine_the_models_and_the_cli():
    from bpviz.commands import gradcheck as command
    from bpviz.engine.gradcheck import AGREE, DISAGREE, GradCheckResult, ParamCheck
    from bpviz.models import gradcheck_report

    assert (gradcheck_report.AGREE, gradcheck_report.DISAGREE) == (AGREE, DISAGREE) == (1e-7, 1e-4)
    assert not hasattr(command, "TOLERANCE")  # the command reads AGREE from the engine, keeps no copy
    just_below, at = ParamCheck("w", 1.0, 1.0 + 0.9 * AGREE, False), ParamCheck("w", 1.0, 1.0 + 1.01 * AGREE, False)
    assert GradCheckResult((just_below,), 1).passed() and not GradCheckResult((at,), 1).passed()
    assert [gradcheck_report.verdict(c) for c in (just_below, at)] == ["agree", "close"]
    assert gradcheck_report.legend().count("1e-7") == 2 and "1e-4 and above" in gradcheck_report.legend()
