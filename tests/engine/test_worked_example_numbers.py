"""The worked 2-2-2 example against the published numbers (DESIGN.md, "Reference numbers").

Only the public API is used: ``presets.worked_example`` and ``Network.forward/gradients/step/inspect``.
Expected values are the published digits or hand calculations written out in this file, never values
produced by the engine.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from bpviz.engine.presets import ExampleParams, worked_example

X = np.array([[0.05, 0.10]])
T = np.array([[0.01, 0.99]])
LR = 0.5


def _sig_digits(expected: str) -> int:
    """Significant digits of a published decimal string, e.g. '0.0000351085' -> 6."""
    mantissa = expected.lstrip("+-").replace(".", "").lstrip("0")
    return len(mantissa)


def assert_sig(actual: float, expected, digits: int | None = None) -> None:
    """``actual`` rounded to ``digits`` significant digits equals ``expected`` (given as the published string,
    whose digit count is the default; trailing zeros count)."""
    text = expected if isinstance(expected, str) else repr(expected)
    if digits is None:
        digits = _sig_digits(text)
    value = float(text)
    got = float(f"{actual:.{digits}g}")
    want = float(f"{value:.{digits}g}")
    assert got == want, f"{actual!r} rounds to {got!r} at {digits} significant digits, expected {text}"


def test_assert_sig_can_fail():
    assert_sig(0.29102777369, "0.291027774")
    assert _sig_digits("0.0000351085") == 6
    assert _sig_digits("0.511301270") == 9
    with pytest.raises(AssertionError):
        assert_sig(0.29102777369, "0.291027924")  # the article's figure: differs in the 7th digit
    with pytest.raises(AssertionError):
        assert_sig(0.5113012706, "0.511301270")  # rounds to ...271
    with pytest.raises(AssertionError):
        assert_sig(0.75136507 * (1 + 2e-8), "0.75136507")


def test_starting_parameters_follow_the_naming():
    net = worked_example()
    W1, W2 = net.weights
    b1, b2 = net.biases
    # w1 = W1[0,0] (i1->h1), w2 = W1[1,0] (i2->h1), w3 = W1[0,1], w4 = W1[1,1]; w5..w8 likewise in W2.
    assert (W1[0, 0], W1[1, 0], W1[0, 1], W1[1, 1]) == (0.15, 0.20, 0.25, 0.30)
    assert (W2[0, 0], W2[1, 0], W2[0, 1], W2[1, 1]) == (0.40, 0.45, 0.50, 0.55)
    assert np.all(b1 == 0.35) and np.all(b2 == 0.60)
    p = ExampleParams()
    np.testing.assert_array_equal(p.inputs, X)
    np.testing.assert_array_equal(p.targets, T)
    assert p.lr == LR


def test_forward_pass_outputs():
    hidden, out = worked_example().forward(X)
    assert hidden.shape == (1, 2) and out.shape == (1, 2)
    assert_sig(hidden[0, 0], "0.593269992")  # out_h1
    assert_sig(hidden[0, 1], "0.596884378")  # out_h2
    assert_sig(out[0, 0], "0.75136507")  # out_o1
    assert_sig(out[0, 1], "0.772928465")  # out_o2


def test_forward_pass_equals_hand_calculation():
    sig = lambda z: 1.0 / (1.0 + math.exp(-z))  # noqa: E731
    net_h1 = 0.15 * 0.05 + 0.20 * 0.10 + 0.35
    net_h2 = 0.25 * 0.05 + 0.30 * 0.10 + 0.35
    h1, h2 = sig(net_h1), sig(net_h2)
    o1, o2 = sig(0.40 * h1 + 0.45 * h2 + 0.60), sig(0.50 * h1 + 0.55 * h2 + 0.60)
    hidden, out = worked_example().forward(X)
    np.testing.assert_allclose(hidden, [[h1, h2]], rtol=1e-14)
    np.testing.assert_allclose(out, [[o1, o2]], rtol=1e-14)


def test_total_error_and_first_gradients():
    net = worked_example()
    loss, dW, db = net.gradients(X, T)
    assert_sig(loss, "0.298371109")  # E_total
    assert_sig(dW[1][0, 0], "0.082167041")  # dE/dw5
    assert_sig(dW[0][0, 0], "0.000438568")  # dE/dw1


def test_inspect_agrees_with_published_numbers():
    p = worked_example().inspect(X, T)
    assert_sig(p.loss, "0.298371109")
    assert p.penalty == 0.0
    assert_sig(p.outs[0][0, 0], "0.593269992")
    assert_sig(p.outs[1][0, 1], "0.772928465")
    assert_sig(p.dW[1][0, 0], "0.082167041")
    assert_sig(p.dW[0][0, 0], "0.000438568")
    # E_o1 = ½(t1 - out_o1)², E_o2 = ½(t2 - out_o2)²: the published 0.274811083 and 0.023560026.
    assert_sig(p.terms[0, 0], "0.274811083")
    assert_sig(p.terms[0, 1], "0.023560026")


EXPECTED_AFTER_ONE_STEP = {
    # name: (layer, src, dst, published value)
    "w1+": (0, 0, 0, "0.149780716"),
    "w2+": (0, 1, 0, "0.19956143"),
    "w3+": (0, 0, 1, "0.24975114"),
    "w4+": (0, 1, 1, "0.29950229"),
    "w5+": (1, 0, 0, "0.35891648"),
    "w6+": (1, 1, 0, "0.408666186"),
    "w7+": (1, 0, 1, "0.511301270"),
    "w8+": (1, 1, 1, "0.561370121"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED_AFTER_ONE_STEP))
def test_weights_after_one_step(name):
    layer, src, dst, expected = EXPECTED_AFTER_ONE_STEP[name]
    net = worked_example()
    loss = net.step(X, T, LR)
    assert_sig(loss, "0.298371109")  # step returns the error of the pass it took
    assert_sig(net.weights[layer][src, dst], expected)


def test_biases_do_not_move_by_default():
    net = worked_example()
    assert net.update_biases is False
    net.step(X, T, LR)
    assert np.all(net.biases[0] == 0.35) and np.all(net.biases[1] == 0.60)


def _hand_pass():
    """The example's backward pass written out by hand (scalar formulas of the article)."""
    sig = lambda z: 1.0 / (1.0 + math.exp(-z))  # noqa: E731
    i1, i2, t1, t2 = 0.05, 0.10, 0.01, 0.99
    w1, w2, w3, w4, w5, w6, w7, w8, b1, b2 = 0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55, 0.35, 0.60
    h1 = sig(w1 * i1 + w2 * i2 + b1)
    h2 = sig(w3 * i1 + w4 * i2 + b1)
    o1 = sig(w5 * h1 + w6 * h2 + b2)
    o2 = sig(w7 * h1 + w8 * h2 + b2)
    delta_o1 = (o1 - t1) * o1 * (1 - o1)
    delta_o2 = (o2 - t2) * o2 * (1 - o2)
    delta_h1 = (delta_o1 * w5 + delta_o2 * w7) * h1 * (1 - h1)
    delta_h2 = (delta_o1 * w6 + delta_o2 * w8) * h2 * (1 - h2)
    return dict(delta_o1=delta_o1, delta_o2=delta_o2, delta_h1=delta_h1, delta_h2=delta_h2, b1=b1, b2=b2)


def test_shared_bias_gradients_are_sums_of_deltas():
    h = _hand_pass()
    _, dW, db = worked_example().gradients(X, T)
    # One bias per layer feeds both neurons: dE/db1 = delta_h1 + delta_h2, dE/db2 = delta_o1 + delta_o2.
    np.testing.assert_allclose(db[0], [h["delta_h1"] + h["delta_h2"]] * 2, rtol=1e-12)
    np.testing.assert_allclose(db[1], [h["delta_o1"] + h["delta_o2"]] * 2, rtol=1e-12)
    # Sanity of the hand pass against the published dE/dw5 = delta_o1 * out_h1.
    assert_sig(h["delta_o1"] * 0.593269992, "0.082167041")


def test_biases_move_when_asked():
    h = _hand_pass()
    net = worked_example(update_biases=True)
    net.step(X, T, LR)
    b1_new = h["b1"] - LR * (h["delta_h1"] + h["delta_h2"])
    b2_new = h["b2"] - LR * (h["delta_o1"] + h["delta_o2"])
    np.testing.assert_allclose(net.biases[0], [b1_new, b1_new], rtol=1e-12)
    np.testing.assert_allclose(net.biases[1], [b2_new, b2_new], rtol=1e-12)
    assert net.biases[0][0] != 0.35 and net.biases[1][0] != 0.60
    # The weights still follow the published update (biases only enter through the next pass).
    assert_sig(net.weights[1][0, 0], "0.35891648")
    assert_sig(net.weights[0][0, 0], "0.149780716")


def test_error_after_first_update_is_the_simultaneous_update_value():
    """DESIGN.md: all weights updated at once from the original weights gives 0.291027774, not the
    article's 0.291027924 (which uses the already-updated w5..w8 for the hidden layer)."""
    net = worked_example()
    net.step(X, T, LR)
    loss, _, _ = net.gradients(X, T)
    assert_sig(loss, "0.291027774")
    assert f"{loss:.9g}" != "0.291027924"
    # The second call to step() reports the same number: the error computed in the second pass.
    assert_sig(net.step(X, T, LR), "0.291027774")


def test_error_in_the_10000th_pass():
    net = worked_example()
    losses = [net.step(X, T, LR) for _ in range(10_000)]
    assert_sig(losses[-1], "0.0000351085")
    assert all(a > b for a, b in zip(losses, losses[1:]))  # plain gradient descent on this net never goes up


def test_params_override():
    net = worked_example(ExampleParams(w5=0.1, b2=0.2))
    assert net.weights[1][0, 0] == 0.1 and np.all(net.biases[1] == 0.2)
    assert net.weights[1][1, 1] == 0.55


def test_the_general_trace_of_the_preset_gives_every_published_number():
    """The worked example is a preset of the one general trace (bpviz.engine.trace.trace_pass): the stepper, the
    CLI and the playground's stepped passes all read their numbers from it."""
    from bpviz.engine.trace import trace_pass

    q = trace_pass(worked_example(), X, T, LR).quantities
    published = {"out_h1": "0.593269992", "out_h2": "0.596884378", "out_o1": "0.75136507", "out_o2": "0.772928465",
                 "E_o1": "0.274811083", "E_o2": "0.023560026", "E_total": "0.298371109",
                 "dE/dw5": "0.082167041", "dE/dw1": "0.000438568"}
    published.update({name: value for name, (_, _, _, value) in EXPECTED_AFTER_ONE_STEP.items()})
    for name, value in published.items():
        assert_sig(q[name], value)
