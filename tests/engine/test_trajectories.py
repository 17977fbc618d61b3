"""Seed 001's neuron trained by batch, mini-batch and stochastic descent, against literal NumPy loops written from
the seed's formulas; and the live recorder's series, thinning and bookkeeping."""

import numpy as np
import pytest

from bpviz.engine import Network
from bpviz.engine.datasets import one_neuron_data
from bpviz.engine.presets import single_neuron
from bpviz.engine.trajectories import (
    MODES,
    NeuronRunConfig,
    TrajectoryRecorder,
    run_neuron_modes,
    train_trajectory,
)
from bpviz.training import TrainConfig, Trainer

ACTIVATIONS = {
    # f(z) and f'(z) written out as the seed does, independently of the engine
    "sigmoid": (lambda z: 1.0 / (1.0 + np.exp(-z)), lambda a: a * (1.0 - a)),
    "linear": (lambda z: z, lambda a: np.ones_like(a)),
    "tanh": (np.tanh, lambda a: 1.0 - a * a),
}


def literal_run(activation, X, y, w, b, lr, batches):
    """The seed's neuron: a = f(X·w + b); L = mean over the m samples of ½(a − y)²;
    dz = (a − y)·f'(z); dw = Xᵀ·dz / m; db = Σdz / m; w ← w − lr·dw; b ← b − lr·db.
    Returns per step (w1, w2, w3, b), (dw1, dw2, dw3, db) and the loss over the whole set after the step."""
    f, df = ACTIVATIONS[activation]
    params, grads, losses = [np.r_[w, b]], [np.full(4, np.nan)], [np.mean(0.5 * (f(X @ w + b) - y) ** 2)]
    for idx in batches:
        xb, yb = X[idx], y[idx]
        m = len(idx)
        a = f(xb @ w + b)
        dz = (a - yb) * df(a)
        dw = xb.T @ dz / m
        db = dz.sum() / m
        w = w - lr * dw
        b = b - lr * db
        params.append(np.r_[w, b])
        grads.append(np.r_[dw, db])
        losses.append(np.mean(0.5 * (f(X @ w + b) - y) ** 2))
    return np.array(params), np.array(grads), np.array(losses)


def batches_of(traj, n):
    """The sample indices of every step, from the orders the run reports."""
    size = traj.samples_per_step
    return [order[s : s + size] for order in traj.orders for s in range(0, n, size)]


@pytest.mark.parametrize("activation", ["sigmoid", "linear", "tanh"])
@pytest.mark.parametrize("mode", MODES)
def test_each_mode_equals_a_literal_numpy_loop(activation, mode):
    config = NeuronRunConfig(epochs=6, lr=0.3, batch_size=7, n_samples=40, seed=3, activation=activation)
    result = run_neuron_modes(config)
    traj = result[mode]
    X, y = one_neuron_data(40, 3)
    y = y[:, 0]
    net = single_neuron(activation, 3)
    w0, b0 = net.weights[0][:, 0].copy(), float(net.biases[0][0])
    np.testing.assert_array_equal(result.initial, np.r_[w0, b0])
    params, grads, losses = literal_run(activation, X, y, w0, b0, config.lr, batches_of(traj, 40))
    assert traj.samples_per_step == {"batch": 40, "mini-batch": 7, "stochastic": 1}[mode]
    assert len(traj.steps) == len(params) == 1 + 6 * {"batch": 1, "mini-batch": 6, "stochastic": 40}[mode]
    np.testing.assert_allclose(traj.params, params, rtol=0, atol=1e-12)
    np.testing.assert_allclose(traj.grads[1:], grads[1:], rtol=0, atol=1e-12)
    assert np.isnan(traj.grads[0]).all()  # no step before the start
    np.testing.assert_allclose(traj.loss, losses, rtol=0, atol=1e-12)


def test_sample_orders_are_seeded_permutations_shared_by_the_shuffled_modes():
    result = run_neuron_modes(NeuronRunConfig(epochs=4, n_samples=25, seed=5))
    rng = np.random.default_rng([5, 1])
    expected = np.array([rng.permutation(25) for _ in range(4)])
    np.testing.assert_array_equal(result["mini-batch"].orders, expected)
    np.testing.assert_array_equal(result["stochastic"].orders, expected)
    np.testing.assert_array_equal(result["batch"].orders, np.tile(np.arange(25), (4, 1)))
    # the order changes from epoch to epoch
    assert not (expected[0] == expected[1]).all()


def test_epoch_positions_are_the_share_of_samples_used():
    result = run_neuron_modes(NeuronRunConfig(epochs=2, batch_size=4, n_samples=10))
    np.testing.assert_allclose(result["batch"].epoch, [0, 1, 2])
    # 10 samples in batches of 4: 4, 8, then the 2 left over end the epoch
    np.testing.assert_allclose(result["mini-batch"].epoch, [0, 0.4, 0.8, 1.0, 1.4, 1.8, 2.0])
    np.testing.assert_allclose(result["stochastic"].epoch, np.arange(21) / 10)
    np.testing.assert_array_equal(result["stochastic"].steps, np.arange(21))


def test_all_modes_start_from_the_same_weights():
    result = run_neuron_modes(NeuronRunConfig(epochs=1, seed=8, activation="sigmoid"))
    for mode in MODES:
        np.testing.assert_array_equal(result[mode].params[0], result.initial)
        assert result[mode].loss[0] == result["batch"].loss[0]


def test_batch_mode_on_a_one_sample_dataset_is_stochastic():
    result = run_neuron_modes(NeuronRunConfig(epochs=25, n_samples=1, lr=0.5, activation="sigmoid"))
    batch, stochastic = result["batch"], result["stochastic"]
    np.testing.assert_array_equal(batch.params, stochastic.params)
    np.testing.assert_array_equal(batch.grads[1:], stochastic.grads[1:])
    np.testing.assert_array_equal(batch.loss, stochastic.loss)
    np.testing.assert_array_equal(batch.epoch, stochastic.epoch)


def test_defaults_learn_the_rule_of_the_first_feature():
    result = run_neuron_modes()  # the article's neuron: no activation, lr 0.05
    X_new, y_new = one_neuron_data(60, seed=12345)  # samples never seen in training
    for mode in MODES:
        w1, w2, w3, b = result[mode].params[-1]
        assert w1 > max(abs(w2), abs(w3)), mode  # the first weight grows the largest
        assert result[mode].loss[-1] < result[mode].loss[0]
    for mode in ("mini-batch", "stochastic"):  # the modes that take many steps per epoch have converged
        w = result[mode].params[-1]
        np.testing.assert_allclose(w, [1, 0, 0, 0], atol=0.03)
        predicted = X_new @ w[:3] + w[3]
        np.testing.assert_allclose(predicted, y_new[:, 0], atol=0.05)
    # the seed's point: per epoch, one sample per step moves much further than the whole set per step
    assert result["stochastic"].loss[-1] < result["mini-batch"].loss[-1] < result["batch"].loss[-1]


def test_sigmoid_neuron_predicts_the_rule_while_its_bias_turns_negative():
    result = run_neuron_modes(NeuronRunConfig(epochs=60, activation="sigmoid"))
    w1, w2, w3, b = result["stochastic"].params[-1]
    assert w1 > 3 and b < -1 and abs(w2) < 0.5 and abs(w3) < 0.5
    X_new, y_new = one_neuron_data(60, seed=777)
    predicted = 1 / (1 + np.exp(-(X_new @ np.array([w1, w2, w3]) + b)))
    assert ((predicted > 0.5) == (y_new[:, 0] == 1)).all()


def test_divergence_keeps_only_finite_steps():
    result = run_neuron_modes(NeuronRunConfig(epochs=20, lr=5.0))
    traj = result["stochastic"]
    assert traj.diverged_at is not None and traj.diverged_at == len(traj.steps)
    assert np.isfinite(traj.params).all() and np.isfinite(traj.loss).all()
    assert traj.to_dict()["diverged_at_step"] == traj.diverged_at


def test_train_trajectory_in_order_without_shuffling():
    X, Y = one_neuron_data(12, 1)
    net = single_neuron("linear", 1)
    traj = train_trajectory(net, X, Y, 0.1, 2, 5, None, "custom")
    np.testing.assert_array_equal(traj.orders, [np.arange(12)] * 2)
    np.testing.assert_allclose(traj.epoch, [0, 5 / 12, 10 / 12, 1, 1 + 5 / 12, 1 + 10 / 12, 2])
    np.testing.assert_array_equal(traj.params[-1], net.get_parameters())


@pytest.mark.parametrize("bad, message", [
    (dict(epochs=0), "epochs"), (dict(lr=0.0), "learning rate"), (dict(lr=float("nan")), "learning rate"),
    (dict(batch_size=0), "batch size"), (dict(activation="softmax"), "activation"), (dict(seed=-1), "seed"),
    (dict(epochs=10**6), "at most"),
])
def test_config_refuses_bad_values(bad, message):
    with pytest.raises(ValueError, match=message):
        NeuronRunConfig(**bad)


# ---------------------------------------------------------------------- the recorder
def worked_example_like(step):
    """Weights and gradients of a 2-2-2 network whose every entry encodes (step, layer, src, dst)."""
    weights = [np.array([[step + 0.00, step + 0.01], [step + 0.10, step + 0.11]]),
               np.array([[step + 1.00, step + 1.01], [step + 1.10, step + 1.11]])]
    biases = [np.array([step + 0.5, step + 0.6]), np.array([step + 1.5, step + 1.6])]
    return weights, biases, [-w for w in weights], [-b for b in biases]


def test_recorder_names_parameters_as_the_worked_example():
    rec = TrajectoryRecorder([2, 2, 2])
    rec.add(3, *worked_example_like(3))
    # w1 = W1[0,0] (i1→h1), w2 = W1[1,0] (i2→h1), w3 = W1[0,1], w4 = W1[1,1], w5 = W2[0,0], ..., w8 = W2[1,1]
    expected = {"w1": 3.00, "w2": 3.10, "w3": 3.01, "w4": 3.11, "w5": 4.00, "w6": 4.10, "w7": 4.01, "w8": 4.11,
                "b_h1": 3.5, "b_h2": 3.6, "b_o1": 4.5, "b_o2": 4.6}
    assert rec.names == tuple(expected)
    for name, value in expected.items():
        steps, values, grads = rec.series(name)
        assert steps.tolist() == [3] and values.tolist() == [pytest.approx(value)]
        assert grads.tolist() == [pytest.approx(-value)]


def test_recorder_shared_biases_and_selection():
    rec = TrajectoryRecorder([2, 2, 2], shared_biases=True, names=["w5", "b2"])
    rec.add(1, *worked_example_like(1))
    assert rec.values("w5").tolist() == [2.0] and rec.values("b2").tolist() == [2.5]
    with pytest.raises(KeyError):
        rec.values("w1")
    with pytest.raises(ValueError, match="unknown"):
        TrajectoryRecorder([2, 2, 2], names=["w9"])


def test_recorder_records_a_real_trainer():
    config = TrainConfig(hidden=(3,), batch_size=5, lr=0.1)
    trainer = Trainer(config)
    rec = TrajectoryRecorder(config.sizes)
    rec.add_snapshot(trainer.snapshot())
    for _ in range(4):
        trainer.run_steps(2)
        rec.add_snapshot(trainer.snapshot())
    net = trainer.network
    assert rec.steps().tolist() == [0, 2, 4, 6, 8]
    assert rec.values("w2")[-1] == net.weights[0][1, 0]  # i2 → h1
    assert rec.values("b_o1")[-1] == net.biases[1][0]
    dW, db = net.last_gradients()
    assert rec.gradients("w3")[-1] == dW[0][0, 1]  # i1 → h2 (two inputs per hidden neuron: w3 starts h2)
    assert np.isnan(rec.gradients("w1")[0])  # step 0: no gradient yet


def test_recorder_thins_evenly_and_always_keeps_the_latest():
    rec = TrajectoryRecorder([1, 1], capacity=8)
    for step in range(101):
        rec.add(step, [np.array([[2.0 * step]])], [np.array([step + 0.5])], [np.array([[1.0]])], [np.array([1.0])])
        assert len(rec) <= 9
        assert rec.last_step == step  # the latest snapshot is always there
    steps = rec.steps()
    assert rec.stride == 16
    # snapshots 0, 16, 32, ..., 96 kept (7 of them), and the latest, 100, off that grid
    assert steps.tolist() == [0, 16, 32, 48, 64, 80, 96, 100]
    np.testing.assert_array_equal(rec.values("w1"), 2.0 * steps)
    np.testing.assert_array_equal(rec.values("b_o1"), steps + 0.5)


def test_recorder_same_step_replaces_and_going_back_drops_what_followed():
    rec = TrajectoryRecorder([1, 1])
    for step, value in ((0, 1.0), (5, 2.0), (5, 2.5), (10, 3.0), (15, 4.0), (7, 9.0), (12, 10.0)):
        rec.add(step, [np.array([[value]])], [np.zeros(1)], [np.array([[value]])], [np.zeros(1)])
    assert rec.steps().tolist() == [0, 5, 7, 12]
    assert rec.values("w1").tolist() == [1.0, 2.5, 9.0, 10.0]
    rec.clear()
    assert len(rec) == 0 and rec.steps().tolist() == [] and rec.last_step is None


def test_recorder_stays_small_and_fast_over_a_long_run():
    import time

    config = TrainConfig(hidden=(8, 8), batch_size=10)
    trainer = Trainer(config)
    snap = trainer.snapshot()
    rec = TrajectoryRecorder(config.sizes, capacity=512)
    start = time.perf_counter()
    for k in range(20_000):  # a long session's frames, stepping 50 steps each: 10^6 steps
        rec.add(50 * k, snap.weights, snap.biases, snap.grad_weights, snap.grad_biases)
    per_add = (time.perf_counter() - start) / 20_000
    assert len(rec) <= 513 and rec.last_step == 50 * 19_999
    assert np.all(np.diff(rec.steps()) > 0)
    assert per_add < 1e-3  # a frame arrives every ~30 ms: recording must be a tiny part of it


def test_recorder_refuses_a_network_of_another_shape():
    rec = TrajectoryRecorder([2, 3, 1])
    other = Network([2, 2, 1])
    with pytest.raises(ValueError, match="2-3-1"):
        rec.add(1, other.weights, other.biases, other.weights, other.biases)


def test_progress_reports_every_epoch_and_can_cancel():
    from bpviz.engine.trajectories import RunCancelled

    config = NeuronRunConfig(epochs=3, n_samples=10, batch_size=5)
    seen = []
    run_neuron_modes(config, progress=lambda done, total: seen.append((done, total)) or True)
    total = config.total_steps()
    assert total == 3 * (1 + 2 + 10)
    assert seen == [(1, total), (2, total), (3, total), (5, total), (7, total), (9, total),
                    (19, total), (29, total), (39, total)]
    with pytest.raises(RunCancelled):
        run_neuron_modes(config, progress=lambda done, total: done < 5)
