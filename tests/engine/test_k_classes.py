"""Data sets of K classes and a softmax of K outputs (issue 14): the K-arm spiral of CS231n's "neural network case
study" learned as its case study learns it, K Gaussian blobs, accuracy over K classes, and custom point sets (drawn or
imported) edited point by point while the same network trains on."""

import numpy as np
import pytest

from bpviz.engine import Network
from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.points import PointSet, rescale_into_view
from bpviz.training import TrainConfig, Trainer, targets_for


def test_the_k_arm_spiral_has_n_points_per_class_each_on_its_own_arm():
    spec = DatasetSpec("spiral", n_samples=300, noise=0.0, test_ratio=0.0, seed=0, classes=3)
    data = spec.make()
    assert np.bincount(data.y.astype(int)).tolist() == [100, 100, 100]
    r = np.hypot(data.X[:, 0], data.X[:, 1])
    angle = np.arctan2(data.X[:, 0], data.X[:, 1])  # CS231n: x = r·(sin t, cos t)
    # without noise, arm j lies at t = 4·(j + r): the angle agrees with that up to whole turns
    expected = 4.0 * (data.y + r)
    gap = np.angle(np.exp(1j * (angle - expected)))
    assert np.abs(gap).max() < 1e-9
    assert r.max() <= 1.0


def test_k_gaussian_blobs_sit_round_a_circle_one_per_class():
    data = DatasetSpec("gaussian", n_samples=600, noise=0.0, test_ratio=0.0, seed=1, classes=6).make()
    centres = np.array([data.X[data.y == k].mean(axis=0) for k in range(6)])
    np.testing.assert_allclose(np.hypot(*centres.T), 0.75, atol=0.03)
    angles = np.sort(np.degrees(np.arctan2(centres[:, 1], centres[:, 0])) % 360)
    np.testing.assert_allclose(np.diff(angles), 60.0, atol=4.0)


def test_two_classes_are_the_same_points_as_before_classes_existed():
    for name in ("spiral", "gaussian"):
        a, b = DatasetSpec(name, seed=3).make(), DatasetSpec(name, seed=3, classes=2).make()
        np.testing.assert_array_equal(a.X, b.X)


def test_three_arm_spiral_learned_by_100_relu_neurons_to_95_percent():
    """CS231n's case study: 100 points per class, one hidden layer of 100 ReLUs, softmax, step size 1, L2 1e-3."""
    data = DatasetSpec("spiral", n_samples=300, noise=0.1, test_ratio=0.0, seed=0, classes=3).make()
    net = Network([2, 100, 3], hidden="relu", output="softmax", loss="softmax_ce", seed=0,
                  regularization="l2", reg_rate=1e-3)
    Y = targets_for("softmax_ce", data.y_train, 3)
    accuracy = 0.0
    for step in range(1, 3001):
        net.step(data.X_train, Y, lr=1.0)
        if step % 100 == 0:
            accuracy = np.mean(np.argmax(net.predict(data.X_train), axis=1) == data.y_train)
            if accuracy >= 0.95:
                break
    assert accuracy >= 0.95, accuracy
    assert step <= 2000


def test_the_trainer_learns_four_blobs_and_counts_accuracy_over_k_classes():
    config = TrainConfig(dataset=DatasetSpec("gaussian", classes=4, n_samples=200), hidden=(8,), loss="softmax_ce",
                         batch_size=0, lr=0.3)
    assert config.sizes == (2, 8, 4)
    trainer = Trainer(config)
    trainer.run_epochs(200)
    figures = trainer.evaluate()
    assert figures["train_accuracy"] > 0.95
    predicted = np.argmax(trainer.network.predict(trainer.data.X_test), axis=1)
    assert figures["test_accuracy"] == pytest.approx(np.mean(predicted == trainer.data.y_test))


def test_more_than_two_classes_need_a_softmax_and_a_set_that_has_them():
    with pytest.raises(ValueError, match="3 classes need a softmax output"):
        TrainConfig(dataset=DatasetSpec("spiral", classes=3), loss="bce")
    with pytest.raises(ValueError, match="only spiral and gaussian"):
        DatasetSpec("circle", classes=3)
    with pytest.raises(ValueError, match="classes must be a whole number from 2 to 6"):
        DatasetSpec("spiral", classes=7)
    adjusted = TrainConfig().for_data(DatasetSpec("spiral", classes=5))
    assert adjusted.loss == "softmax_ce" and adjusted.sizes[-1] == 5


def test_a_point_added_at_the_end_leaves_the_others_where_they_were():
    rng = np.random.default_rng(0)
    points = PointSet(rng.uniform(-1, 1, (50, 2)), np.arange(50) % 2)
    spec = DatasetSpec(noise=0.3, test_ratio=0.4, seed=2).with_points(points)
    before = spec.make()
    after = spec.with_points(points.with_points([[0.5, 0.5]], 1)).make()
    # every old point keeps its jitter and its side of the split; the new one is one more point
    np.testing.assert_array_equal(before.X_test, after.X_test[: len(before.X_test)])
    np.testing.assert_array_equal(before.X_train, after.X_train[: len(before.X_train)])
    assert len(after.X) == 51


def test_editing_points_keeps_the_network_and_the_history():
    rng = np.random.default_rng(1)
    points = PointSet(rng.uniform(-1, 1, (40, 2)), np.arange(40) % 3, class_names=("a", "b", "c"))
    spec = DatasetSpec(test_ratio=0.0).with_points(points)
    trainer = Trainer(TrainConfig(dataset=spec, hidden=(5,), loss="softmax_ce", lr=0.1))
    trainer.run_epochs(5)
    params, steps, history = trainer.network.get_parameters(), trainer.step_count, len(trainer.history.arrays().steps)
    index = points.nearest(*points.X[7])
    assert index == 7
    trainer.set_dataset(spec.with_points(points.without(7).with_points([[0.0, 0.0], [0.1, 0.1]], 2)))
    np.testing.assert_array_equal(trainer.network.get_parameters(), params)
    assert trainer.step_count == steps and len(trainer.history.arrays().steps) == history
    assert trainer.n_train == 41
    trainer.set_dataset(spec.with_points(points.cleared()))  # nothing to train on: no step, no error
    assert trainer.run_steps(10) == 0 and np.isnan(trainer.evaluate()["train_loss"])
    with pytest.raises(ValueError, match="do not fit the network"):
        trainer.set_dataset(DatasetSpec("spiral", classes=4))
    assert trainer.n_train == 0  # a refused set changes nothing


def test_points_from_far_away_are_rescaled_into_the_view_and_back():
    raw = np.array([[10.0, 100.0], [30.0, 300.0], [20.0, 150.0]])
    scale, offset = rescale_into_view(raw)
    points = PointSet(raw * scale + offset, [0, 1, 1], scale=scale, offset=offset)
    np.testing.assert_allclose(points.X.min(axis=0), [-1, -1])
    np.testing.assert_allclose(points.X.max(axis=0), [1, 1])
    np.testing.assert_allclose(points.to_raw(points.X), raw)
    assert "x1′ = 0.1·x1 − 2" in points.rescaling_text()
    assert rescale_into_view([[0.5, -1.2]]) == ((1.0, 1.0), (0.0, 0.0))  # already in the view: left alone
