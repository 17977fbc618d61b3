"""The Network API contract (DESIGN.md, "Public contracts" and "Engine conventions").

Expected values are computed by hand in this file (plain NumPy formulas), never by the engine itself.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from bpviz.engine import Network

rng0 = np.random.default_rng(12345)
X4 = rng0.normal(size=(5, 2))
Y_BIN = (rng0.random((5, 1)) > 0.5).astype(float)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def small_net(**kw):
    args = dict(hidden="tanh", output="sigmoid", loss="bce", seed=3)
    args.update(kw)
    return Network([2, 4, 3, 1], **args)


def all_params(net):
    return [w.copy() for w in net.weights] + [b.copy() for b in net.biases]


def assert_params_equal(a, b):
    assert len(a) == len(b)
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)


# ---------------------------------------------------------------- shapes
def test_shapes_of_weights_biases_and_gradients():
    net = Network([2, 8, 8, 1], hidden="tanh", output="sigmoid", loss="bce", seed=0)
    assert net.n_layers == 3
    assert [w.shape for w in net.weights] == [(2, 8), (8, 8), (8, 1)]
    assert [b.shape for b in net.biases] == [(8,), (8,), (1,)]
    assert all(w.dtype == np.float64 for w in net.weights + net.biases)
    X = np.random.default_rng(0).normal(size=(10, 2))
    Y = np.zeros((10, 1))
    loss, dW, db = net.gradients(X, Y)
    assert isinstance(loss, float)
    assert [g.shape for g in dW] == [(2, 8), (8, 8), (8, 1)]
    assert [g.shape for g in db] == [(8,), (8,), (1,)]
    assert all(g.dtype == np.float64 for g in dW + db)


def test_forward_and_predict_shapes():
    net = small_net()
    X = np.random.default_rng(1).normal(size=(7, 2))
    outs = net.forward(X)
    assert [o.shape for o in outs] == [(7, 4), (7, 3), (7, 1)]
    np.testing.assert_array_equal(net.predict(X), outs[-1])
    assert net.predict(X[0]).shape == (1, 1)  # one sample as a 1-D vector
    # (a batch of 1 may round differently in BLAS than row 0 of a batch of 7: last-ulp agreement only)
    np.testing.assert_allclose(net.predict(X[0]), outs[-1][:1], rtol=1e-14)


def test_predict_of_a_one_layer_net_is_sigmoid_of_xw_plus_b():
    net = Network([3, 2], hidden="linear", output="sigmoid", loss="half_sse", seed=0)
    W = np.array([[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]])
    b = np.array([0.05, -0.15])
    net.weights = [W]
    net.biases = [b]
    X = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 0.0], [0.0, 0.0, 0.0]])
    expected = np.empty((3, 2))
    for n in range(3):
        for k in range(2):
            z = sum(X[n, i] * W[i, k] for i in range(3)) + b[k]
            expected[n, k] = 1.0 / (1.0 + np.exp(-z))
    np.testing.assert_allclose(net.predict(X), expected, rtol=1e-15)


def test_plain_python_lists_are_accepted():
    """Regression: a version of Network._load took ``getattr(X, "ndim", 2)``, so one sample given as a plain
    list [x1, x2] was read as a batch of len(X) = 2 samples and refused."""
    net = small_net()
    expected = net.predict(np.array([0.5, 0.1]))
    np.testing.assert_array_equal(net.predict([[0.5, 0.1]]), expected)  # a 2-D list works
    np.testing.assert_array_equal(net.predict([0.5, 0.1]), expected)  # and so does a 1-D list
    a, b = net.copy(), net.copy()
    assert a.step([[0.5, 0.1], [0.2, 0.3]], [1.0, 0.0], 0.1) == b.step(np.array([[0.5, 0.1], [0.2, 0.3]]),
                                                                      np.array([[1.0], [0.0]]), 0.1)
    assert_params_equal(all_params(a), all_params(b))


def test_forward_returns_new_arrays():
    net = small_net()
    outs = net.forward(X4)
    outs[-1][...] = 42.0
    assert not np.any(net.predict(X4) == 42.0)
    p = net.predict(X4)
    p[...] = 7.0
    assert not np.any(net.predict(X4) == 7.0)


# ---------------------------------------------------------------- gradients / step
def test_gradients_changes_nothing():
    net = small_net(regularization="l2", reg_rate=0.1)
    before = all_params(net)
    first = net.gradients(X4, Y_BIN)
    assert_params_equal(all_params(net), before)
    second = net.gradients(X4, Y_BIN)
    assert first[0] == second[0]
    assert_params_equal(first[1] + first[2], second[1] + second[2])


@pytest.mark.parametrize("reg", ["none", "l1", "l2"])
@pytest.mark.parametrize("update_biases", [True, False])
def test_step_is_params_minus_lr_times_gradients(reg, update_biases):
    net = small_net(regularization=reg, reg_rate=0.01, update_biases=update_biases)
    lr = 0.37
    W0, b0 = [w.copy() for w in net.weights], [b.copy() for b in net.biases]
    loss, dW, db = net.gradients(X4, Y_BIN)
    returned = net.step(X4, Y_BIN, lr)
    assert returned == loss
    for w, w_old, g in zip(net.weights, W0, dW):
        assert np.array_equal(w, w_old - lr * g)
    for b, b_old, g in zip(net.biases, b0, db):
        assert np.array_equal(b, b_old - lr * g if update_biases else b_old)
    assert any(np.any(g != 0) for g in db)  # the frozen-bias case is not vacuous


def test_returned_gradients_are_copies():
    net = small_net()
    before = all_params(net)
    loss, dW, db = net.gradients(X4, Y_BIN)
    keep = [g.copy() for g in dW + db]
    for g in dW + db:
        g[...] = 1e6  # mutating the returned arrays does not touch the network ...
    assert_params_equal(all_params(net), before)
    loss2, dW2, db2 = net.gradients(X4, Y_BIN)
    assert_params_equal(dW2 + db2, keep)  # ... nor what it computes next
    # Later steps do not change earlier returned arrays.
    for _ in range(3):
        net.step(X4, Y_BIN, 0.5)
    assert_params_equal(dW2 + db2, keep)
    dW_last, db_last = net.last_gradients()
    assert any(not np.array_equal(a, b) for a, b in zip(dW_last, keep))


def test_last_gradients_are_those_of_the_last_step():
    net = small_net()
    probe = net.copy()
    _, dW, db = probe.gradients(X4, Y_BIN)
    net.step(X4, Y_BIN, 0.1)
    dW_last, db_last = net.last_gradients()
    assert_params_equal(dW_last + db_last, dW + db)


@pytest.mark.parametrize("loss,factor,scale", [("half_sse", 1.0, 1 / 3), ("sse", 2.0, 1.0)])
def test_inspect_backward_quantities_are_the_hand_chain_rule(loss, factor, scale):
    """One sigmoid layer: dE/dy = factor·(y − t)·scale, delta = dE/dy · y(1 − y), dW = Xᵀ·delta, db = Σ delta."""
    net = Network([2, 2], hidden="linear", output="sigmoid", loss=loss, seed=0)
    W, b = np.array([[0.3, -0.4], [0.2, 0.9]]), np.array([0.1, -0.2])
    net.weights, net.biases = [W], [b]
    X = np.array([[1.0, 2.0], [0.5, -1.0], [-0.3, 0.0]])
    T = np.array([[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]])
    y = sigmoid(X @ W + b)
    g = factor * (y - T) * scale
    delta = g * y * (1 - y)
    p = net.inspect(X, T)
    np.testing.assert_allclose(p.nets[0], X @ W + b, rtol=1e-15)
    np.testing.assert_allclose(p.outs[0], y, rtol=1e-15)
    np.testing.assert_allclose(p.derivs[0], y * (1 - y), rtol=1e-14)
    np.testing.assert_allclose(p.outs_grad[0], g, rtol=1e-14)
    np.testing.assert_allclose(p.deltas[0], delta, rtol=1e-14)
    np.testing.assert_allclose(p.dW[0], X.T @ delta, rtol=1e-13)
    np.testing.assert_allclose(p.db[0], delta.sum(axis=0), rtol=1e-13)
    np.testing.assert_array_equal(p.inputs, X)
    np.testing.assert_array_equal(p.targets, T)
    assert p.penalty == 0.0 and p.objective == p.loss
    # inspect changes nothing and hands out copies
    p.dW[0][...] = 0.0
    np.testing.assert_array_equal(net.weights[0], W)
    np.testing.assert_allclose(net.inspect(X, T).dW[0], X.T @ delta, rtol=1e-13)


# ---------------------------------------------------------------- assignment
def test_assigning_weights_copies_in():
    net = small_net()
    new = [np.full(w.shape, 0.25) for w in net.weights]
    net.weights = new
    new[0][...] = 9.0
    assert np.all(net.weights[0] == 0.25)
    W = np.arange(12.0).reshape(4, 3)
    net.weights[1] = W
    W[...] = -1.0
    np.testing.assert_array_equal(net.weights[1], np.arange(12.0).reshape(4, 3))
    net.biases = [np.ones(4), np.zeros(3), np.array([0.5])]
    net.biases[2] = [1.5]
    assert net.biases[2][0] == 1.5 and np.all(net.biases[0] == 1.0)
    # The assigned values are the ones the network uses.
    X = np.array([[1.0, 2.0]])
    h1 = np.tanh(X @ np.full((2, 4), 0.25) + 1.0)
    h2 = np.tanh(h1 @ np.arange(12.0).reshape(4, 3) + 0.0)
    expected = sigmoid(h2 @ np.full((3, 1), 0.25) + 1.5)
    np.testing.assert_allclose(net.predict(X), expected, rtol=1e-14)


def test_assignment_with_a_wrong_shape_raises():
    net = small_net()
    with pytest.raises(ValueError):
        net.weights[0] = np.zeros((4, 2))
    with pytest.raises(ValueError):
        net.weights = [np.zeros((2, 4)), np.zeros((4, 3))]  # one array short
    with pytest.raises(ValueError):
        net.biases[1] = np.zeros(4)
    with pytest.raises(ValueError):
        net.biases = [np.zeros(4), np.zeros(3), np.zeros((1, 1))]


def test_failed_assignment_leaves_the_network_untouched():
    """Regression: ``Network._assign`` once copied the arrays in one by one, so a list whose last array had the
    wrong shape raised ValueError after the first layers were already overwritten."""
    net = small_net()
    before = all_params(net)
    with pytest.raises(ValueError):
        net.weights = [np.zeros((2, 4)), np.zeros((4, 3)), np.zeros((9, 9))]
    assert_params_equal(all_params(net), before)
    with pytest.raises(ValueError):
        net.biases = [np.ones(4), np.ones(3), np.ones(2)]
    assert_params_equal(all_params(net), before)


# ---------------------------------------------------------------- seeds and copies
def test_same_seed_same_weights_different_seed_different():
    a, b, c = small_net(seed=11), small_net(seed=11), small_net(seed=12)
    assert_params_equal(all_params(a), all_params(b))
    assert all(not np.array_equal(x, y) for x, y in zip(a.weights, c.weights))
    # Same seed, same run.
    for net in (a, b):
        for _ in range(5):
            net.step(X4, Y_BIN, 0.3)
    assert_params_equal(all_params(a), all_params(b))


def test_copy_is_independent():
    net = small_net()
    clone = net.copy()
    assert_params_equal(all_params(clone), all_params(net))
    assert clone.sizes == net.sizes and repr(clone) == repr(net)
    before = all_params(net)
    clone.step(X4, Y_BIN, 0.5)
    clone.weights[0] = np.zeros((2, 4))
    assert_params_equal(all_params(net), before)
    net.step(X4, Y_BIN, 0.5)
    assert not np.all(net.weights[0] == 0.0)
    assert np.all(clone.weights[0] == 0.0)
    # And the clone trains exactly as the original would.
    twin, ref = net.copy(), net.copy()
    assert twin.step(X4, Y_BIN, 0.2) == ref.step(X4, Y_BIN, 0.2)
    assert_params_equal(all_params(twin), all_params(ref))


# ---------------------------------------------------------------- invalid construction
@pytest.mark.parametrize("kwargs", [
    dict(sizes=[2]),
    dict(sizes=[]),
    dict(sizes=[2, 0, 1]),
    dict(sizes=[2, -3, 1]),
    dict(sizes=[2, 2.5, 1]),
    dict(sizes=[2, 3, 1], hidden="swish"),
    dict(sizes=[2, 3, 1], hidden="softmax", output="sigmoid", loss="bce"),
    dict(sizes=[2, 3, 1], output="gelu", loss="half_sse"),
    dict(sizes=[2, 3, 1], loss="hinge"),
    dict(sizes=[2, 3, 1], output="linear", loss="bce"),
    dict(sizes=[2, 3, 1], output="tanh", loss="bce"),
    dict(sizes=[2, 3, 3], output="sigmoid", loss="softmax_ce"),
    dict(sizes=[2, 3, 1], output="softmax", loss="half_sse"),
    dict(sizes=[2, 3, 1], init="uniformish"),
    dict(sizes=[2, 3, 1], regularization="l3"),
    dict(sizes=[2, 3, 1], regularization="l2", reg_rate=-0.1),
])
def test_invalid_construction_raises_value_error(kwargs):
    kwargs = dict(kwargs)
    sizes = kwargs.pop("sizes")
    with pytest.raises(ValueError):
        Network(sizes, **kwargs)


def test_valid_pairings_construct():
    Network([2, 3, 3], output="softmax", loss="softmax_ce")
    Network([2, 3, 1], output="sigmoid", loss="bce")
    Network([2, 3, 2], output="linear", loss="sse")
    Network([2, 3, 2], output="tanh", loss="half_sse")


# ---------------------------------------------------------------- regularisation
def test_l2_penalty_and_gradient():
    lam = 0.07
    net = small_net(regularization="l2", reg_rate=lam)
    plain = net.copy()
    plain.regularization = "none"
    hand = 0.5 * lam * sum(float(np.sum(w ** 2)) for w in net.weights)  # ½·λ·Σw², biases excluded
    assert net.penalty() == pytest.approx(hand, rel=1e-14)
    loss, dW, db = net.gradients(X4, Y_BIN)
    loss0, dW0, db0 = plain.gradients(X4, Y_BIN)
    assert plain.penalty() == 0.0
    assert loss == pytest.approx(loss0 + hand, rel=1e-14)
    for g, g0, w in zip(dW, dW0, net.weights):
        np.testing.assert_allclose(g, g0 + lam * w, rtol=1e-13, atol=1e-16)
    for g, g0 in zip(db, db0):
        np.testing.assert_array_equal(g, g0)  # biases are not regularised
    # The penalty does not depend on the biases.
    net.biases = [b + 3.0 for b in net.biases]
    assert net.penalty() == pytest.approx(hand, rel=1e-14)


def test_l1_penalty_and_gradient():
    lam = 0.03
    net = small_net(regularization="l1", reg_rate=lam)
    plain = net.copy()
    plain.regularization = "none"
    hand = lam * sum(float(np.sum(np.abs(w))) for w in net.weights)
    assert net.penalty() == pytest.approx(hand, rel=1e-14)
    loss, dW, db = net.gradients(X4, Y_BIN)
    loss0, dW0, db0 = plain.gradients(X4, Y_BIN)
    assert loss == pytest.approx(loss0 + hand, rel=1e-14)
    for g, g0, w in zip(dW, dW0, net.weights):
        np.testing.assert_allclose(g, g0 + lam * np.sign(w), rtol=1e-13, atol=1e-16)
    for g, g0 in zip(db, db0):
        np.testing.assert_array_equal(g, g0)


def test_zero_rate_means_no_regularisation():
    net = small_net(regularization="l2", reg_rate=0.0)
    plain = small_net()
    assert net.penalty() == 0.0
    assert net.gradients(X4, Y_BIN)[0] == plain.gradients(X4, Y_BIN)[0]


# ---------------------------------------------------------------- batch API
def test_train_batch_equals_step():
    net = small_net(regularization="l2", reg_rate=0.01)
    a, b = net.copy(), net.copy()
    batch = a.batch(len(X4)).load(X4, Y_BIN)
    for _ in range(4):
        assert a.train_batch(batch, 0.3) == b.step(X4, Y_BIN, 0.3)
        assert_params_equal(all_params(a), all_params(b))


def test_batch_load_accepts_1d_targets_for_one_output():
    net = small_net()
    a, b = net.copy(), net.copy()
    batch = a.batch(len(X4)).load(X4, Y_BIN.ravel())
    assert a.train_batch(batch, 0.3) == b.step(X4, Y_BIN, 0.3)
    with pytest.raises(ValueError):
        net.batch(3).load(X4, Y_BIN)  # 5 samples into a batch of 3


def test_gather_equals_load_of_the_indexed_rows():
    rng = np.random.default_rng(5)
    X = rng.normal(size=(20, 2))
    Y = (rng.random((20, 1)) > 0.5).astype(float)
    idx = np.array([3, 17, 0, 3, 9, 12])
    net = small_net()
    a, b = net.copy(), net.copy()
    ga = a.batch(len(idx)).gather(X, Y, idx)
    lb = b.batch(len(idx)).load(X[idx], Y[idx])
    np.testing.assert_array_equal(ga.X, X[idx])
    np.testing.assert_array_equal(ga.T, Y[idx])
    for _ in range(3):
        assert a.train_batch(ga, 0.2) == b.train_batch(lb, 0.2)
    assert_params_equal(all_params(a), all_params(b))


def test_gather_out_of_range_raises_index_error():
    X = np.zeros((4, 2))
    Y = np.zeros((4, 1))
    batch = small_net().batch(2)
    with pytest.raises(IndexError):
        batch.gather(X, Y, np.array([0, 4]))


def test_train_batch_refuses_another_networks_batch():
    """A batch is compiled against its network's buffers: training a copy with it must not silently
    train (or not train) the wrong network."""
    net = small_net()
    batch = net.batch(len(X4)).load(X4, Y_BIN)
    clone = net.copy()
    before = all_params(net)
    with pytest.raises(ValueError):
        clone.train_batch(batch, 0.1)
    assert_params_equal(all_params(net), before)
    assert_params_equal(all_params(clone), before)


# ---------------------------------------------------------------- it learns
def test_tanh_net_learns_xor():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    net = Network([2, 8, 1], hidden="tanh", output="sigmoid", loss="bce", seed=1)
    first = net.step(X, Y, 0.5)
    for _ in range(3000):
        last = net.step(X, Y, 0.5)
    assert first > 0.5  # it starts near ln 2 (chance) ...
    assert last < 0.05  # ... and ends near zero
    assert net.loss_value(X, Y) < 0.05
    np.testing.assert_array_equal(net.predict(X) > 0.5, Y > 0.5)


# ---------------------------------------------------------------- NumPy hygiene
@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "relu", "linear"])
def test_training_step_raises_no_numpy_deprecation_warning(hidden):
    """Regression: ReLU.forward_ops once passed ``out`` positionally to np.maximum, deprecated in NumPy 2.4
    (one DeprecationWarning per ReLU layer per step; an error in a future NumPy)."""
    for output, loss, n_out in [("sigmoid", "bce", 1), ("softmax", "softmax_ce", 3), ("linear", "sse", 1)]:
        net = Network([2, 3, 3, n_out], hidden=hidden, output=output, loss=loss, seed=0,
                      regularization="l1", reg_rate=0.01)
        Y = np.full((len(X4), n_out), 1.0 / n_out)
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)
            net.step(X4, Y, 0.01)
            net.gradients(X4, Y)
            net.inspect(X4, Y)
            net.predict(X4)


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "relu"])
def test_saturated_or_huge_networks_compute_without_numpy_warnings(hidden):
    """A damaged session's 1e300 weights: exp overflows inside the sigmoid and gives the right 0 or 1; the
    public calls say nothing on stderr (a diverged network's inf and NaN are for their callers to judge)."""
    from bpviz.engine.grid import GridEvaluator

    net = Network([2, 3, 1], hidden=hidden, output="sigmoid", loss="bce", seed=0)
    net.weights[0][:] = 1e300
    net.weights[1][:] = -1e300
    X, Y = np.array([[1.0, -1.0], [-1.0, 1.0]]), np.array([[1.0], [0.0]])
    assert set(np.unique(net.predict(X))) <= {0.0, 1.0, 0.5}
    net.forward(X), net.loss_value(X, Y), net.gradients(X, Y), net.inspect(X, Y)
    net.step(X, Y, 0.1)
    GridEvaluator((2, 3, 1), ("x1", "x2"), hidden, "sigmoid", res=5).evaluate(net.weights, net.biases)


def test_the_penalty_of_weights_whose_squares_overflow_is_inf_without_a_warning():
    """Seed 1's 10,000-action run: a gradient check of a diverged L2 network printed 'overflow encountered in dot'."""
    import warnings

    net = Network([2, 3, 1], regularization="l2", reg_rate=0.1, seed=0)
    net.weights = [np.full((2, 3), 1e200), np.full((3, 1), 1e200)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert net.penalty() == float("inf")
