"""The Trainer: learning the playground's datasets, batches and epochs, reset, divergence, snapshots."""

import math

import numpy as np
import pytest

from bpviz.engine.datasets import DatasetSpec
from bpviz.training import TrainConfig, Trainer


def config(name="xor", **kw):
    data = dict(name=name, n_samples=200, noise=0.1, test_ratio=0.5, seed=kw.pop("data_seed", 3))
    return TrainConfig(dataset=DatasetSpec(**data), **kw)


@pytest.mark.parametrize("name", ["xor", "circle"])
def test_small_tanh_net_reaches_95_percent_test_accuracy(name):
    trainer = Trainer(config(name, hidden=(6, 6), activation="tanh", lr=0.1, batch_size=10, seed=1))
    trainer.run_epochs(300)
    m = trainer.evaluate()
    assert m["test_accuracy"] >= 0.95, m
    assert m["train_loss"] < trainer.history.arrays().train[0] / 4  # and the loss fell a long way


def test_epochs_steps_and_history():
    trainer = Trainer(config(batch_size=10))  # 100 training points
    assert trainer.step_count == 0 and len(trainer.history) == 1  # the initial state is recorded
    trainer.run_epochs(3)
    assert trainer.epoch == 3 and trainer.step_count == 30
    h = trainer.snapshot().history
    assert list(h.epochs) == [0, 1, 2, 3] and list(h.steps) == [0, 10, 20, 30]
    assert len(h.train) == len(h.test) == 4
    trainer.run_epochs(1)
    assert list(h.steps) == [0, 10, 20, 30]  # a snapshot's history is a copy: it does not change later


@pytest.mark.parametrize("batch_size,steps_per_epoch", [(1, 100), (7, 15), (100, 1), (0, 1), (500, 1)])
def test_batch_size_sets_steps_per_epoch(batch_size, steps_per_epoch):
    trainer = Trainer(config(batch_size=batch_size))
    trainer.run_epochs(2)
    assert trainer.step_count == 2 * steps_per_epoch


def test_full_batch_step_is_plain_gradient_descent_on_the_training_set():
    trainer = Trainer(config(batch_size=0, lr=0.2))
    net = trainer.network
    X, y = trainer.data.X_train, trainer.data.y_train
    loss, dW, db = net.gradients(X, y)
    expected = [w - 0.2 * g for w, g in zip(net.weights, dW)]
    trainer.run_steps(1)
    for w, e in zip(trainer.network.weights, expected):
        np.testing.assert_array_equal(w, e)


def test_an_epoch_visits_every_training_point_once():
    trainer = Trainer(config(batch_size=7))
    seen = []
    original = trainer.network.train_batch

    def spy(batch, lr):
        seen.extend(map(tuple, batch.X.copy()))
        return original(batch, lr)

    trainer.network.train_batch = spy
    trainer.run_epochs(1)
    assert sorted(seen) == sorted(map(tuple, trainer.data.X_train))


def test_same_seed_same_run_and_reset_restores_the_initial_weights():
    a, b = Trainer(config(seed=5)), Trainer(config(seed=5))
    initial = [w.copy() for w in a.network.weights]
    a.run_steps(57)
    b.run_steps(57)
    for wa, wb in zip(a.network.weights, b.network.weights):
        np.testing.assert_array_equal(wa, wb)
    a.reset()
    assert a.step_count == 0 and a.epoch == 0 and len(a.history) == 1
    for w, w0 in zip(a.network.weights, initial):
        np.testing.assert_array_equal(w, w0)
    a.run_steps(57)
    np.testing.assert_array_equal(a.network.get_parameters(), b.network.get_parameters())


def test_learning_rate_change_applies_to_the_next_step():
    trainer = Trainer(config(batch_size=0))
    trainer.set_lr(0.5)
    before = trainer.network.get_parameters()
    _, dW, db = trainer.network.gradients(trainer.data.X_train, trainer.data.y_train)
    trainer.run_steps(1)
    moved = before - trainer.network.get_parameters()
    grad = np.concatenate([np.vstack([w, b[None]]).ravel() for w, b in zip(dW, db)])
    np.testing.assert_allclose(moved, 0.5 * grad, rtol=1e-12, atol=1e-15)


def test_divergence_stops_and_keeps_the_last_finite_state():
    # A linear 3-layer net multiplies its weights: at learning rate 10 they overflow within an epoch.
    trainer = Trainer(config(name="circle", activation="linear", hidden=(8, 8), loss="bce", lr=0.01))
    trainer.run_epochs(2)
    good = trainer.network.get_parameters()
    trainer.set_lr(10.0)
    trainer.run_epochs(50)
    assert trainer.diverged and trainer.epoch == 2 and trainer.step_count == 20
    np.testing.assert_array_equal(trainer.network.get_parameters(), good)
    assert np.isfinite(trainer.network.get_parameters()).all()
    snap = trainer.snapshot()
    assert snap.diverged and math.isfinite(snap.train_loss)
    assert trainer.run_steps(10) == 0  # stays paused until reset
    trainer.reset()
    assert not trainer.diverged and trainer.run_steps(10) == 10


def test_snapshot_is_a_copy():
    trainer = Trainer(config())
    trainer.run_steps(5)
    snap = trainer.snapshot()
    w0 = snap.weights[0].copy()
    g0 = snap.grad_weights[0].copy()
    trainer.run_steps(5)
    np.testing.assert_array_equal(snap.weights[0], w0)
    np.testing.assert_array_equal(snap.grad_weights[0], g0)
    assert not np.array_equal(trainer.network.weights[0], w0)


def test_softmax_output_classifies_with_two_outputs():
    trainer = Trainer(config(name="gaussian", loss="softmax_ce", lr=0.1))
    assert trainer.network.sizes[-1] == 2
    trainer.run_epochs(30)
    assert trainer.evaluate()["test_accuracy"] >= 0.95


@pytest.mark.parametrize("changes,message", [
    (dict(hidden=(8, 0)), "hidden layers"),
    (dict(hidden=(17,)), "hidden layers"),
    (dict(activation="swish"), "unknown activation"),
    (dict(loss="hinge"), "unknown loss"),
    (dict(lr=0.0), "learning rate must be >"),
    (dict(lr=float("nan")), "learning rate must be a finite number"),
    (dict(batch_size=-1), "batch size"),
    (dict(regularization="l3"), "unknown regularization"),
    (dict(reg_rate=-0.1), "regularization rate must be >="),
    (dict(seed=-1), "seed must be"),
])
def test_invalid_configuration_is_refused_with_a_message(changes, message):
    with pytest.raises(ValueError, match=message):
        config(**changes)


@pytest.mark.parametrize("changes,message", [
    # what JSON can put anywhere: each refused in a sentence naming the field, never "unhashable type" or an
    # OverflowError, and never the whole offending value
    (dict(seed=2**31), "seed must be a whole number from 0 to 2147483647, got 2147483648"),  # a spin box's int
    (dict(seed=True), "seed must be a whole number"),
    (dict(batch_size=10**30), "batch size must be a whole number from 1 to 100000 (0 = full batch), got 1e+30"),
    (dict(batch_size=False), "batch size"),
    (dict(lr=10**400), "learning rate is too large for a float64, got a whole number of about 401 digits"),
    (dict(lr=True), "learning rate must be a finite number, got True"),
    (dict(reg_rate=-(10**400)), "regularization rate is too large for a float64"),
    (dict(lr=5e-324), "learning rate must be >= 1e-12"),  # a combo box would show it as 0
    (dict(reg_rate=1e-300), "regularization rate must be 0 or at least 1e-12"),
    (dict(loss=["bce"]), "unknown loss ['bce'] (choose from bce, half_sse, softmax_ce)"),  # was unhashable
    (dict(loss={"bce": 1}), "unknown loss {'bce': 1}"),
    (dict(activation=["tanh"] * 50), "unknown activation a list of 50 items"),
    (dict(regularization=None), "unknown regularization None"),
    (dict(hidden=(True, 4)), "hidden layers: at most 6 layers of 1 to 16 neurons, got [True, 4]"),
    (dict(hidden=(4,) * 7), "hidden layers"),
    (dict(hidden=(4, 4.0)), "hidden layers"),
    (dict(hidden=4), "hidden layers must be a list of neuron counts, got 4"),
    (dict(features=("x1", ["x2"])), "unknown feature(s) ['x2']"),
    (dict(features=tuple(f"f{k}" for k in range(10_000))), "unknown feature(s) f0, f1, f2 and 9,997 more"),
    (dict(features="x1"), "features must be a list of names"),
    (dict(dataset="circle"), "the data set must be a DatasetSpec"),
])
def test_any_wrong_value_is_refused_in_a_short_sentence(changes, message):
    with pytest.raises(ValueError) as info:
        TrainConfig(**changes)
    assert message in str(info.value) and len(str(info.value)) < 200


def test_the_limits_themselves_are_accepted():
    from bpviz.engine.datasets import MAX_SAMPLES, MAX_SEED
    from bpviz.training.trainer import MAX_BATCH_SIZE, MAX_LAYERS, MAX_WIDTH, MIN_RATE

    c = TrainConfig(dataset=DatasetSpec(n_samples=MAX_SAMPLES, seed=MAX_SEED), hidden=(MAX_WIDTH,) * MAX_LAYERS,
                    batch_size=MAX_BATCH_SIZE, seed=MAX_SEED, lr=1e300, reg_rate=1e300)
    assert TrainConfig.from_dict(c.to_dict()) == c
    assert TrainConfig(lr=MIN_RATE, reg_rate=MIN_RATE).lr == MIN_RATE
    assert type(TrainConfig(batch_size=np.int64(5), seed=np.int32(2)).seed) is int  # plain ints (JSON-able)


def test_configuration_round_trips_through_a_dict():
    c = config(hidden=(3, 5), activation="relu", regularization="l2", reg_rate=0.01)
    assert TrainConfig.from_dict(c.to_dict()) == c
    with pytest.raises(ValueError, match="unknown configuration key"):
        TrainConfig.from_dict({**c.to_dict(), "momentum": 0.9})


def test_a_long_run_keeps_the_whole_history_in_bounded_memory():
    from bpviz.training import History

    h = History(capacity=64)
    nbytes = h.nbytes
    for epoch in range(100_000):
        h.append(epoch, 10 * epoch, 1.0 / (epoch + 1), 2.0 / (epoch + 1))
    a = h.arrays()
    assert len(a) <= 65 and h.nbytes == nbytes  # the same few bytes after 10^5 epochs
    assert a.epochs[0] == 0 and a.epochs[-1] == 99_999  # from the start to the latest epoch
    gaps = np.diff(a.epochs[:-1])
    assert (gaps == h.stride).all() and h.stride >= 100_000 // 64  # evenly thinned over the whole run
    np.testing.assert_array_equal(a.steps, 10 * a.epochs)
    np.testing.assert_array_equal(a.train, 1.0 / (a.epochs + 1))
    np.testing.assert_array_equal(a.test, 2.0 / (a.epochs + 1))


def test_features_turn_circle_into_a_problem_one_neuron_solves():
    # Seed 003: a neuron is a line. In the plane it cannot separate a disc from a ring; with x1² and x2² as
    # inputs the line becomes a circle.
    plain = Trainer(config("circle", hidden=(), lr=0.3, batch_size=10))
    squares = Trainer(config("circle", hidden=(), lr=0.3, batch_size=10, features=("x1", "x2", "x1^2", "x2^2")))
    plain.run_epochs(200)
    squares.run_epochs(200)
    assert plain.evaluate()["test_accuracy"] < 0.75
    assert squares.evaluate()["test_accuracy"] >= 0.97
    assert squares.network.sizes == (4, 1)


def test_unknown_feature_is_refused():
    with pytest.raises(ValueError, match="unknown feature"):
        config(features=("x1", "x3"))
    with pytest.raises(ValueError, match="at least one input feature"):
        config(features=())


def test_set_parameter_edits_one_weight_or_bias_by_its_diagram_name():
    trainer = Trainer(TrainConfig(dataset=DatasetSpec("xor", n_samples=40, seed=1), hidden=(3,)))
    before = trainer.network.get_parameters()
    trainer.set_parameter("w4", 1.25)  # 2 inputs × 3 hidden: w3 = i1→h2, w4 = i2→h2
    assert trainer.network.weights[0][1, 1] == 1.25
    trainer.set_parameter("b_o1", -0.5)
    assert trainer.network.biases[1][0] == -0.5
    changed = np.flatnonzero(trainer.network.get_parameters() != before)
    assert len(changed) == 2
    with pytest.raises(ValueError, match="no parameter called 'w99'"):
        trainer.set_parameter("w99", 1.0)
    with pytest.raises(ValueError, match="finite"):
        trainer.set_parameter("w1", float("nan"))
