"""Regression problems (TensorFlow Playground's "Problem type: Regression"): the plane and multi-Gaussian data
sets against their formulas written out here, the configuration rules (linear output, half_sse only), training
to a low test loss, no accuracy, the output grid, and sessions that keep a regression run exactly."""

import math

import numpy as np
import pytest

from bpviz.engine import Network
from bpviz.engine.datasets import (
    ALL_DATASETS,
    DATASETS,
    REGRESSION_DATASETS,
    DatasetSpec,
    make_points,
)
from bpviz.engine.features import make_features
from bpviz.engine.grid import GridEvaluator
from bpviz.session import PlaygroundState, Session, SessionError, parse_session, to_json
from bpviz.training import CLASSIFICATION_LOSSES, REGRESSION_LOSSES, TrainConfig, Trainer

# TensorFlow Playground's regressGaussian: centres (±4, ±2.5), (0, ±2.5) and signs, in a square of radius 6
TF_BUMPS = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]
SIGMA = 0.2  # the documented bump width, in our square of radius 1


def plane_by_hand(x1, x2):
    return min(1.0, max(-1.0, (x1 + x2) / 2))


def gaussians_by_hand(x1, x2):
    total = 0.0
    for cx, cy, sign in TF_BUMPS:
        d2 = (x1 - cx / 6) ** 2 + (x2 - cy / 6) ** 2
        total += sign * math.exp(-d2 / (2 * SIGMA * SIGMA))
    return min(1.0, max(-1.0, total))


BY_HAND = {"plane": plane_by_hand, "multi_gaussian": gaussians_by_hand}


def points(name, n=500, noise=0.0, seed=0):
    return make_points(name, n, noise, np.random.default_rng(seed))


def regression_config(name="plane", n=200, noise=0.0, seed=1, **kw):
    kw.setdefault("loss", "half_sse")
    return TrainConfig(dataset=DatasetSpec(name, n, noise, 0.5, seed), seed=seed, **kw)


# --- the data sets ----------------------------------------------------------------------------------------------


def test_names_keep_their_meaning():
    assert DATASETS == ("circle", "xor", "gaussian", "spiral", "linear", "moons")  # the classification sets
    assert REGRESSION_DATASETS == ("plane", "multi_gaussian")
    assert ALL_DATASETS == DATASETS + REGRESSION_DATASETS
    assert [DatasetSpec(n).is_regression for n in ALL_DATASETS] == [False] * 6 + [True] * 2
    assert DatasetSpec(" Multi_Gaussian ").name == "multi_gaussian"


@pytest.mark.parametrize("name", REGRESSION_DATASETS)
def test_targets_follow_the_formula_at_noise_0(name):
    X, t = points(name)
    assert X.shape == (500, 2) and t.shape == (500,) and X.dtype == t.dtype == np.float64
    assert X.min() >= -1.0 and X.max() <= 1.0  # uniform in the square of radius 1
    expected = [BY_HAND[name](x1, x2) for x1, x2 in X]
    np.testing.assert_allclose(t, expected, rtol=0, atol=1e-12)
    # the points fill the square (no clusters, no holes): every quarter holds about a quarter of them
    quarters = np.histogram2d(X[:, 0], X[:, 1], bins=2, range=[[-1, 1], [-1, 1]])[0]
    assert quarters.min() > 500 / 4 * 0.75


def test_plane_rises_linearly_from_minus_1_to_plus_1():
    X, t = points("plane", 2000)
    assert t.min() > -1.0 and t.max() < 1.0 and t.min() < -0.9 and t.max() > 0.9
    coef, *_ = np.linalg.lstsq(np.column_stack([X, np.ones(len(X))]), t, rcond=None)
    np.testing.assert_allclose(coef, [0.5, 0.5, 0.0], atol=1e-12)


def test_multi_gaussian_has_six_bumps_of_height_plus_and_minus_1():
    for cx, cy, sign in TF_BUMPS:  # at each centre, the bump's own sign (the others add < 1 %)
        X = np.array([[cx / 6, cy / 6]])
        assert abs(gaussians_by_hand(*X[0]) - sign) < 0.01
    _, t = points("multi_gaussian", 4000)
    assert t.max() > 0.9 and t.min() < -0.9 and np.abs(t).max() <= 1.0
    # between the bumps the value is near 0: far from every centre (> 3 σ) it is below 1.2 %
    X, t = points("multi_gaussian", 4000, seed=1)
    far = np.min([np.hypot(X[:, 0] - cx / 6, X[:, 1] - cy / 6) for cx, cy, _ in TF_BUMPS], axis=0) > 3 * SIGMA
    assert far.sum() > 50 and np.abs(t[far]).max() < 0.012  # 75 of 4000 points lie that far out


@pytest.mark.parametrize("name", REGRESSION_DATASETS)
def test_noise_reads_the_target_at_a_jittered_place_and_keeps_the_points(name):
    X0, t0 = points(name, noise=0.0, seed=4)
    X, t = points(name, noise=0.3, seed=4)
    np.testing.assert_array_equal(X, X0)  # the points stay where they are; only their targets move
    assert not np.allclose(t, t0)
    assert np.abs(t).max() <= 1.0
    # TensorFlow Playground's jitter: noise · u with u uniform in [-1, 1]² (drawn after the points)
    rng = np.random.default_rng(4)
    P = rng.uniform(-1, 1, (500, 2))
    u = rng.uniform(-1, 1, (500, 2))
    np.testing.assert_array_equal(P, X)
    np.testing.assert_allclose(t, [BY_HAND[name](a, b) for a, b in P + 0.3 * u], atol=1e-12)
    if name == "plane":  # a plane moves by at most the mean of the two offsets
        assert np.abs(t - t0).max() <= 0.3 + 1e-12


@pytest.mark.parametrize("name", REGRESSION_DATASETS)
def test_spec_is_seeded_and_split_like_the_others(name):
    a, b = DatasetSpec(name, 300, 0.2, 0.3, 7).make(), DatasetSpec(name, 300, 0.2, 0.3, 7).make()
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    assert len(a.X_test) == 90 and len(a.X_train) == 210
    c = DatasetSpec(name, 300, 0.2, 0.3, 8).make()
    assert not np.array_equal(a.X, c.X)
    assert DatasetSpec.from_dict(a.spec.to_dict()) == a.spec


# --- configuration ------------------------------------------------------------------------------------------------


def test_a_regression_config_has_one_linear_output_and_half_sse():
    c = regression_config("multi_gaussian", hidden=(8, 8))
    assert c.is_regression and c.output == "linear" and c.sizes == (2, 8, 8, 1)
    assert c.losses is REGRESSION_LOSSES and REGRESSION_LOSSES == {"half_sse": ("linear", 1)}
    # half_sse on classification data keeps its sigmoid output (sessions saved before regression load as before)
    old = TrainConfig(dataset=DatasetSpec("circle"), loss="half_sse")
    assert not old.is_regression and old.output == "sigmoid" and old.losses is CLASSIFICATION_LOSSES
    assert TrainConfig.from_dict(c.to_dict()) == c


@pytest.mark.parametrize("loss,words", [("bce", "cross-entropy"), ("softmax_ce", "softmax cross-entropy")])
def test_a_classification_loss_on_regression_data_is_refused(loss, words):
    with pytest.raises(ValueError) as err:
        regression_config("plane", loss=loss)
    assert str(err.value) == (f"loss {loss} ({words}) is for classification, but plane is a regression data set "
                              "(a value per point, not a class): use half_sse (squared error with a linear output)")
    with pytest.raises(ValueError, match="unknown loss 'mse'"):
        regression_config("plane", loss="mse")


# --- training -----------------------------------------------------------------------------------------------------


def test_targets_are_one_float_column_and_the_loss_is_mean_half_squared_error():
    trainer = Trainer(regression_config("multi_gaussian", noise=0.1))
    assert trainer._Y.shape == (100, 1) and trainer._Y.dtype == np.float64
    np.testing.assert_array_equal(trainer._Y[:, 0], trainer.data.y_train)
    net = trainer.network
    assert net.output.name == "linear" and net.loss.name == "half_sse"
    y = net.predict(trainer._X)[:, 0]
    by_hand = sum(0.5 * (a - b) ** 2 for a, b in zip(y, trainer.data.y_train)) / len(y)
    assert trainer.evaluate()["train_loss"] == pytest.approx(by_hand, rel=1e-12)
    # a linear output is not squashed: after training, some outputs are negative (−0.196 measured), which a
    # sigmoid output never is
    trainer.run_epochs(100)
    assert net.predict(trainer._X).min() < -0.1


@pytest.mark.parametrize("seed", [1, 2])
def test_a_small_tanh_net_fits_the_plane(seed):
    # measured (seeds 1-5, 100 epochs): test loss 0.0003-0.0016 against 0.07-0.085 for predicting 0
    trainer = Trainer(regression_config("plane", seed=seed, hidden=(4, 4), lr=0.03, batch_size=10))
    trainer.run_epochs(100)
    m = trainer.evaluate()
    assert m["test_loss"] < 0.005, m
    assert math.isnan(m["train_accuracy"]) and math.isnan(m["test_accuracy"])
    assert not trainer.diverged


@pytest.mark.parametrize("seed", [1, 2])
def test_a_small_tanh_net_fits_the_multi_gaussian(seed):
    # measured (seeds 1-5, 400 points, 600 epochs): test loss 0.005-0.0092 against 0.079-0.089 for predicting 0
    trainer = Trainer(regression_config("multi_gaussian", n=400, seed=seed, hidden=(8, 8), lr=0.3))
    baseline = 0.5 * np.mean(trainer.data.y_test ** 2)
    trainer.run_epochs(600)
    m = trainer.evaluate()
    assert m["test_loss"] < 0.02 and m["test_loss"] < 0.25 * baseline, (m, baseline)
    snap = trainer.snapshot()
    assert math.isnan(snap.train_accuracy) and math.isnan(snap.test_accuracy)


def test_labels_are_refused_for_regression():
    with pytest.raises(ValueError, match="plane is a regression data set: it has no labels"):
        Trainer(regression_config("plane")).predict_labels(np.zeros((3, 2)))


# --- the output over the plane ------------------------------------------------------------------------------------


def test_the_grid_holds_the_output_value_unbounded():
    trainer = Trainer(regression_config("plane", hidden=(3,)))
    net = trainer.network
    net.weights[1][:] = 4.0 * net.weights[1]  # outputs well beyond ±1 somewhere on the plane
    grid = GridEvaluator(net.sizes, ("x1", "x2"), "tanh", "linear", res=30, neuron_res=10)
    maps = grid.evaluate(net.weights, net.biases)
    assert maps.regression and grid.regression
    xs = -1.5 + (np.arange(30) + 0.5) * 0.1
    x1, x2 = np.meshgrid(xs, xs)  # row = x2 from the bottom, column = x1 from the left
    expected = net.predict(np.column_stack([x1.ravel(), x2.ravel()]))[:, 0].reshape(30, 30)
    np.testing.assert_allclose(maps.region, expected, atol=2e-5)
    assert np.abs(maps.region).max() > 1.0  # not clipped: the views clip the colour, not the value
    out = maps.neurons["o1"]  # the output neuron's own map: the value on −1 … +1
    assert out.min() >= -1.0 and out.max() <= 1.0 and np.isclose(np.abs(out).max(), 1.0)
    with pytest.raises(AttributeError, match="not a probability"):
        _ = maps.probability
    classification = GridEvaluator((2, 3, 1), ("x1", "x2"), "tanh", "sigmoid", res=5).evaluate(
        net.weights, net.biases)
    assert not classification.regression and classification.probability is classification.region


# --- sessions -----------------------------------------------------------------------------------------------------


def test_a_regression_session_reopens_with_the_same_predictions():
    trainer = Trainer(regression_config("multi_gaussian", noise=0.15, hidden=(5, 3), lr=0.1))
    trainer.run_epochs(40)
    s = trainer.snapshot()
    state = PlaygroundState(trainer.config, s.weights, s.biases, s.step, s.epoch, s.history)
    text = to_json(Session(playground=state))
    loaded = parse_session(text, "run.bpviz").playground
    assert loaded.config == trainer.config and loaded.config.output == "linear"
    X = make_features(np.random.default_rng(0).uniform(-1.5, 1.5, (300, 2)), loaded.config.features)
    net = Network(loaded.config.sizes, hidden="tanh", output=loaded.config.output, loss="half_sse")
    net.weights, net.biases = loaded.weights, loaded.biases
    np.testing.assert_array_equal(net.predict(X), trainer.network.predict(X))
    # a file that pairs a regression set with a classification loss is refused, naming the problem
    bad = text.replace('"loss": "half_sse"', '"loss": "bce"')
    with pytest.raises(SessionError, match="Cannot open run.bpviz: the training settings are not valid: loss bce"):
        parse_session(bad, "run.bpviz")
