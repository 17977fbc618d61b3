"""The 2-D datasets and the seeds' small data sets, checked against the facts the app promises (shapes, balance,
determinism, geometry at noise 0, learnability at noise 0.1), not against the generator's own formulas."""

import json
import subprocess
import sys

import numpy as np
import pytest

from bpviz.engine.datasets import (
    DATASETS,
    DOMAIN,
    Dataset,
    DatasetSpec,
    make_points,
    one_neuron_data,
    warmup_data,
)


def points(name, n=1000, noise=0.0, seed=0):
    return make_points(name, n, noise, np.random.default_rng(seed))


def nearest_neighbour_accuracy(d: Dataset) -> float:
    """1-NN from the train split, scored on the test split."""
    dist = ((d.X_test[:, None, :] - d.X_train[None, :, :]) ** 2).sum(-1)
    return float((d.y_train[dist.argmin(1)] == d.y_test).mean())


def perceptron_separates(X, y, epochs=2000) -> bool:
    """True when the perceptron rule reaches zero mistakes (it does iff the classes are linearly separable)."""
    Xb = np.column_stack([X, np.ones(len(X))])
    t = 2 * y - 1
    w = np.zeros(3)
    for _ in range(epochs):
        wrong = np.flatnonzero(t * (Xb @ w) <= 0)
        if wrong.size == 0:
            return True
        for i in wrong:
            if t[i] * (Xb[i] @ w) <= 0:
                w += t[i] * Xb[i]
    return False


def fit_circle(P):
    """Algebraic least-squares circle x^2 + y^2 + D x + E y + F = 0 -> centre, radius, largest residual."""
    A = np.column_stack([P[:, 0], P[:, 1], np.ones(len(P))])
    b = -(P ** 2).sum(1)
    (D, E, F), *_ = np.linalg.lstsq(A, b, rcond=None)
    centre = np.array([-D / 2, -E / 2])
    radius = np.sqrt(centre @ centre - F)
    return centre, radius, np.abs(np.linalg.norm(P - centre, axis=1) - radius).max()


# --- public names ------------------------------------------------------------------------------------------------


def test_public_constants():
    assert DATASETS == ("circle", "xor", "gaussian", "spiral", "linear", "moons")
    assert DOMAIN == (-1.5, 1.5)


def test_engine_module_imports_no_gui_or_sklearn():
    code = ("import sys, bpviz.engine.datasets; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'sklearn')]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)


# --- shapes, labels, domain --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("noise", [0.0, 0.1, 0.5, 1.0])
def test_dataset_arrays_shapes_dtypes_labels_and_domain(name, noise):
    d = DatasetSpec(name, n_samples=301, noise=noise, test_ratio=0.3, seed=7).make()
    for X, y in ((d.X_train, d.y_train), (d.X_test, d.y_test), (d.X, d.y)):
        assert X.dtype == np.float64 and y.dtype == np.float64
        assert X.ndim == 2 and X.shape[1] == 2 and y.shape == (X.shape[0],)
        assert X.flags.c_contiguous
        assert np.all(np.isfinite(X))
        assert set(np.unique(y)) <= {0.0, 1.0}
        assert np.all((X >= DOMAIN[0]) & (X <= DOMAIN[1]))
    assert abs(d.y.sum() - (len(d.y) - d.y.sum())) <= 1  # balanced over train + test
    assert d.spec.name == name


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("n", [1, 2, 7, 200, 1001])
def test_make_points_balanced(name, n):
    X, y = points(name, n=n, noise=0.3)
    assert X.shape == (n, 2) and y.shape == (n,)
    assert abs(int(y.sum()) - int((1 - y).sum())) <= 1


@pytest.mark.parametrize("name", DATASETS)
def test_points_are_shuffled_not_sorted_by_class(name):
    _, y = points(name, n=200)
    assert 0 < y[:100].sum() < 100


@pytest.mark.parametrize("name", DATASETS)
def test_clean_shapes_lie_in_about_the_unit_square(name):
    X, _ = points(name, n=2000)
    assert np.abs(X).max() <= 1.2
    assert np.abs(X).max() >= 0.8  # and use it, not a corner of it


# --- determinism and split ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DATASETS)
def test_same_spec_same_points_other_seed_other_points(name):
    a = DatasetSpec(name, 120, 0.2, 0.25, seed=3).make()
    b = DatasetSpec(name, 120, 0.2, 0.25, seed=3).make()
    c = DatasetSpec(name, 120, 0.2, 0.25, seed=4).make()
    for field in ("X_train", "y_train", "X_test", "y_test"):
        assert np.array_equal(getattr(a, field), getattr(b, field))
    assert not np.array_equal(a.X_train, c.X_train)
    x1, y1 = points(name, 50, 0.1, seed=9)
    x2, y2 = points(name, 50, 0.1, seed=9)
    assert np.array_equal(x1, x2) and np.array_equal(y1, y2)


@pytest.mark.parametrize("name", DATASETS)
def test_noise_only_blurs_the_same_points(name):
    # same seed, other noise: same labels and split, displacement proportional to the noise (where not clipped)
    d = [DatasetSpec(name, 200, nz, 0.5, seed=1).make() for nz in (0.0, 0.1, 0.2)]
    assert np.array_equal(d[0].y, d[1].y) and np.array_equal(d[0].y, d[2].y)
    inside = np.all(np.abs(d[2].X) < DOMAIN[1], axis=1)
    np.testing.assert_allclose((d[2].X - d[0].X)[inside], 2 * (d[1].X - d[0].X)[inside], atol=1e-12)
    assert not np.array_equal(d[0].X, d[1].X)


@pytest.mark.parametrize(
    "n, ratio, n_test",
    [(200, 0.5, 100), (200, 0.0, 0), (200, 0.9, 180), (10, 0.33, 3), (7, 0.5, round(3.5)), (4, 0.9, 3),
     (5, 0.9, 4), (1000, 0.25, 250)],
)
def test_split_sizes(n, ratio, n_test):
    d = DatasetSpec("xor", n, 0.1, ratio, seed=2).make()
    assert len(d.X_test) == len(d.y_test) == n_test
    assert len(d.X_train) == len(d.y_train) == n - n_test
    assert len(d.X_train) >= 1  # the train set is never empty
    assert d.X_test.shape == (n_test, 2)


def test_split_is_a_partition_and_x_y_are_train_then_test():
    d = DatasetSpec("spiral", 300, 0.1, 0.4, seed=5).make()
    assert np.array_equal(d.X, np.concatenate([d.X_train, d.X_test]))
    assert np.array_equal(d.y, np.concatenate([d.y_train, d.y_test]))
    rows = {tuple(p) for p in d.X}
    assert len(rows) == 300  # no point used twice
    # changing only the ratio moves the cut, not the points
    other = DatasetSpec("spiral", 300, 0.1, 0.1, seed=5).make()
    assert {tuple(p) for p in other.X} == rows


def test_split_is_random_not_a_block():
    spec = DatasetSpec("circle", 400, 0.1, 0.5, seed=0)
    X, _ = make_points(spec.name, spec.n_samples, spec.noise, np.random.default_rng(spec.seed))
    d = spec.make()
    where = {tuple(p): i for i, p in enumerate(X)}
    test_rows = sorted(where[tuple(p)] for p in d.X_test)
    assert test_rows[-1] - test_rows[0] > len(test_rows)  # drawn from all over, not a contiguous block
    assert 0.3 < d.y_test.mean() < 0.7


def test_dataset_is_immutable():
    d = DatasetSpec().make()
    for arr in (d.X_train, d.y_train, d.X_test, d.y_test, d.X, d.y):
        with pytest.raises(ValueError):
            arr[0] = 5.0
    with pytest.raises(AttributeError):
        d.spec.noise = 0.3


# --- geometry at noise 0 -----------------------------------------------------------------------------------------


def test_circle_clean_disc_and_ring():
    X, y = points("circle", 2000)
    r = np.linalg.norm(X, axis=1)
    assert r[y == 1].max() <= 0.5
    assert r[y == 0].min() >= 0.7 and r[y == 0].max() <= 1.0 + 1e-12
    assert r[y == 1].max() > 0.45 and r[y == 0].min() < 0.75 and r[y == 0].max() > 0.95
    # points all round the centre, not on one side
    assert np.all(np.abs(X[y == 1].mean(0)) < 0.05) and np.all(np.abs(X[y == 0].mean(0)) < 0.05)


def test_xor_clean_labels_are_sign_of_product_and_avoid_axes():
    X, y = points("xor", 2000)
    assert np.array_equal(y, (X[:, 0] * X[:, 1] > 0).astype(float))
    assert np.abs(X).min() >= 0.02  # a small margin away from the axes
    quadrants = {(a, b) for a, b in np.sign(X)}
    assert quadrants == {(1, 1), (1, -1), (-1, 1), (-1, -1)}


def test_gaussian_clean_means_near_centres():
    X, y = points("gaussian", 2000)
    np.testing.assert_allclose(X[y == 1].mean(0), [0.5, 0.5], atol=0.05)
    np.testing.assert_allclose(X[y == 0].mean(0), [-0.5, -0.5], atol=0.05)
    assert np.mean((X.sum(1) > 0) == (y == 1)) > 0.99  # the diagonal x + y = 0 splits them


def test_linear_clean_is_separable_by_a_slanted_line():
    X, y = points("linear", 400)
    assert perceptron_separates(X, y)
    w, *_ = np.linalg.lstsq(np.column_stack([X, np.ones(len(X))]), 2 * y - 1, rcond=None)
    assert min(abs(w[0]), abs(w[1])) > 0.1 * np.hypot(w[0], w[1])  # slanted, not axis-aligned
    assert abs(w[2]) < 0.2 * np.hypot(w[0], w[1])  # passes near the origin


def test_moons_clean_are_two_interleaving_half_circles_in_the_unit_square():
    X, y = points("moons", 1000)
    assert np.abs(X).max() <= 1.0 + 1e-12
    assert X[:, 0].min() < -0.99 and X[:, 0].max() > 0.99  # centred and scaled to [-1, 1]
    (c0, r0, e0), (c1, r1, e1) = fit_circle(X[y == 0]), fit_circle(X[y == 1])
    assert e0 < 1e-9 and e1 < 1e-9  # every point on its circle
    assert abs(r0 - r1) < 1e-9
    # half circles opening in opposite directions
    assert np.all(X[y == 0][:, 1] >= c0[1] - 1e-9) and np.all(X[y == 1][:, 1] <= c1[1] + 1e-9)
    assert np.ptp(X[y == 0][:, 0]) > 1.95 * r0 and np.ptp(X[y == 1][:, 0]) > 1.95 * r1
    # interleaving: each moon reaches into the other's circle
    assert np.any(np.linalg.norm(X[y == 1] - c0, axis=1) < r0)
    assert np.any(np.linalg.norm(X[y == 0] - c1, axis=1) < r1)
    assert not perceptron_separates(X, y, epochs=50)


def test_spiral_clean_two_arms_of_about_one_and_a_half_turns():
    X, y = points("spiral", 2000)
    r = np.linalg.norm(X, axis=1)
    assert 0.95 <= r.max() <= 1.0 + 1e-12
    for label in (0.0, 1.0):
        P = X[y == label]
        order = np.argsort(np.linalg.norm(P, axis=1))
        angle = np.unwrap(np.arctan2(P[order, 1], P[order, 0]))
        steps = np.diff(angle)
        assert np.all(steps >= -1e-9) or np.all(steps <= 1e-9)  # the angle winds one way as the radius grows
        assert 1.3 <= abs(angle[-1] - angle[0]) / (2 * np.pi) <= 1.7
    # the two arms interleave: the red arm is the blue arm turned by half a turn
    red, blue = X[y == 0], X[y == 1]
    gap = np.sqrt(((-red[:, None, :] - blue[None, :, :]) ** 2).sum(-1)).min(1)
    assert np.quantile(gap, 0.99) < 0.05


# --- learnability ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_nearest_neighbour_learns_each_dataset_at_low_noise(name, seed):
    d = DatasetSpec(name, 400, 0.1, 0.5, seed=seed).make()
    assert nearest_neighbour_accuracy(d) > 0.9


@pytest.mark.parametrize(
    "name, rule",
    [
        ("circle", lambda X: np.linalg.norm(X, axis=1) < 0.6),
        ("xor", lambda X: X[:, 0] * X[:, 1] > 0),
        ("gaussian", lambda X: X.sum(1) > 0),
    ],
)
def test_simple_rules_classify_the_noisy_test_split(name, rule):
    d = DatasetSpec(name, 400, 0.1, 0.5, seed=0).make()
    assert np.mean(rule(d.X_test) == (d.y_test == 1)) > 0.9


@pytest.mark.parametrize("name", DATASETS)
def test_more_noise_is_harder(name):
    def acc(noise):
        return np.mean([nearest_neighbour_accuracy(DatasetSpec(name, 300, noise, 0.5, s).make()) for s in range(3)])

    assert acc(1.0) < acc(0.1) - 0.1


# --- validation --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"name": "spiralz"}, ["unknown dataset 'spiralz'", "circle, xor, gaussian, spiral, linear, moons"]),
        ({"name": 3}, ["name", "3"]),
        ({"name": None}, ["name", "None"]),
        ({"noise": 1.5}, ["noise must be between 0 and 1, got 1.5"]),
        ({"noise": -0.1}, ["noise", "-0.1"]),
        ({"noise": float("nan")}, ["noise", "nan"]),
        ({"noise": float("inf")}, ["noise", "inf"]),
        ({"noise": True}, ["noise", "True"]),
        ({"noise": "0.1"}, ["noise", "'0.1'"]),
        ({"n_samples": 2}, ["n_samples must be a whole number from 4 to 100000, got 2"]),
        ({"n_samples": 100001}, ["n_samples", "100001"]),
        ({"n_samples": 200.0}, ["n_samples", "200.0"]),
        ({"n_samples": True}, ["n_samples", "True"]),
        ({"n_samples": "200"}, ["n_samples", "'200'"]),
        ({"test_ratio": 0.95}, ["test_ratio must be between 0 and 0.9, got 0.95"]),
        ({"test_ratio": -0.5}, ["test_ratio", "-0.5"]),
        ({"test_ratio": float("nan")}, ["test_ratio", "nan"]),
        ({"test_ratio": False}, ["test_ratio", "False"]),
        ({"seed": -1}, ["seed", "-1"]),
        ({"seed": 1.5}, ["seed", "1.5"]),
        ({"seed": True}, ["seed", "True"]),
        ({"seed": None}, ["seed", "None"]),
        ({"seed": 2**31}, ["seed must be a whole number from 0 to 2147483647, got 2147483648"]),  # a spin box's
        ({"noise": 10**400}, ["noise is too large for a float64"]),  # was OverflowError
        ({"test_ratio": -(10**400)}, ["test_ratio is too large for a float64", "about 401 digits"]),
        ({"n_samples": 10**400}, ["n_samples", "a whole number of about 401 digits"]),
        ({"name": "x" * 100_000}, ["unknown dataset 'xxxxxxxx", "…"]),  # quoted short, not 100,000 characters
        ({"name": ["circle"]}, ["name must be a dataset name", "got ['circle']"]),
    ],
)
def test_bad_fields_raise_one_clear_sentence(kwargs, words):
    with pytest.raises(ValueError) as info:
        DatasetSpec(**kwargs)
    message = str(info.value)
    assert "\n" not in message and len(message) < 200
    for word in words:
        assert word in message


def test_fields_are_normalised():
    spec = DatasetSpec(" MOONS", np.int64(50), np.float32(0.25), 0, np.int32(3))
    assert spec == DatasetSpec("moons", 50, 0.25, 0.0, 3)
    assert type(spec.n_samples) is int and type(spec.noise) is float
    assert type(spec.test_ratio) is float and type(spec.seed) is int
    assert DatasetSpec("Spiral").make().spec.name == "spiral"


def test_make_points_validates_and_matches_names_case_insensitively():
    with pytest.raises(ValueError, match="unknown dataset 'blobs'"):
        points("blobs")
    with pytest.raises(ValueError, match="noise"):
        make_points("xor", 10, 2.0, np.random.default_rng(0))
    X, y = make_points("XOR", 10, 0.0, np.random.default_rng(0))
    assert X.shape == (10, 2)


# --- to_dict / from_dict -----------------------------------------------------------------------------------------


def test_dict_round_trip_through_json():
    spec = DatasetSpec("gaussian", 333, 0.35, 0.2, 42)
    data = spec.to_dict()
    assert data == {"name": "gaussian", "n_samples": 333, "noise": 0.35, "test_ratio": 0.2, "seed": 42, "classes": 2}
    again = DatasetSpec.from_dict(json.loads(json.dumps(data)))
    assert again == spec
    assert np.array_equal(again.make().X, spec.make().X)


def test_from_dict_refuses_unknown_keys_wrong_types_and_non_objects():
    with pytest.raises(ValueError, match="colour"):
        DatasetSpec.from_dict({"name": "xor", "colour": "red"})
    with pytest.raises(ValueError, match="noise"):
        DatasetSpec.from_dict({"noise": "high"})
    with pytest.raises(ValueError, match="n_samples"):
        DatasetSpec.from_dict({"n_samples": [200]})
    for bad in ([], "circle", None, 3):
        with pytest.raises(ValueError):
            DatasetSpec.from_dict(bad)
    with pytest.raises(ValueError) as info:  # a thousand long keys: named a few, briefly
        DatasetSpec.from_dict({f"{k}" * 500: 1 for k in range(1000)})
    assert "and 997 more" in str(info.value) and len(str(info.value)) < 300


def test_from_dict_missing_keys_take_defaults():
    assert DatasetSpec.from_dict({"name": "Linear"}) == DatasetSpec(name="linear")
    assert DatasetSpec.from_dict({}) == DatasetSpec()


# --- seed 000: the NumPy warm-up data ------------------------------------------------------------------------------


def test_warmup_data_is_the_seeds_randn_draws():
    x, y = warmup_data()
    assert x.shape == (64, 1000) and y.shape == (64, 10)
    assert x.dtype == np.float64 and y.dtype == np.float64
    rng = np.random.default_rng(0)
    assert np.array_equal(x, rng.standard_normal((64, 1000)))
    assert np.array_equal(y, rng.standard_normal((64, 10)))


def test_warmup_data_custom_sizes_and_seeds():
    x, y = warmup_data(seed=5, n=8, d_in=3, d_out=2)
    rng = np.random.default_rng(5)
    assert np.array_equal(x, rng.standard_normal((8, 3))) and np.array_equal(y, rng.standard_normal((8, 2)))
    assert np.array_equal(warmup_data(5)[0], warmup_data(5)[0])
    assert not np.array_equal(warmup_data(5)[0], warmup_data(6)[0])


# --- seed 001: one neuron ----------------------------------------------------------------------------------------


def test_one_neuron_data_label_is_the_first_feature():
    X, y = one_neuron_data()
    assert X.shape == (100, 3) and y.shape == (100, 1)
    assert X.dtype == np.float64 and y.dtype == np.float64
    assert set(np.unique(X)) == {0.0, 1.0}
    assert np.array_equal(y[:, 0], X[:, 0])
    assert np.array_equal(one_neuron_data(50, seed=3)[0], one_neuron_data(50, seed=3)[0])
    assert not np.array_equal(one_neuron_data(50, seed=3)[0], one_neuron_data(50, seed=4)[0])


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_one_neuron_data_has_both_labels(n):
    for seed in range(50):
        X, y = one_neuron_data(n, seed=seed)
        assert set(y[:, 0]) == {0.0, 1.0}
        assert np.array_equal(y[:, 0], X[:, 0])
