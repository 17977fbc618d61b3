"""The session file format, without Qt: exact round trips; every kind of bad file refused in words."""

import json

import numpy as np
import pytest

from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.presets import ExampleParams
from bpviz.files import FileError
from bpviz.session import (
    ExampleState,
    PlaygroundState,
    Session,
    SessionError,
    load_session,
    parse_session,
    save_session,
    to_json,
)
from bpviz.training import TrainConfig, Trainer


def trained_state(test_ratio=0.5):
    t = Trainer(TrainConfig(dataset=DatasetSpec("circle", seed=4, test_ratio=test_ratio), hidden=(3, 2), lr=0.1))
    t.run_epochs(7)
    return t, PlaygroundState(t.config, tuple(t.network.weights), tuple(t.network.biases), t.step_count, t.epoch,
                              t.history.arrays())


def test_round_trip_is_exact(tmp_path):
    t, state = trained_state()
    path = save_session(tmp_path / "s.bpviz", Session(state, ExampleState(ExampleParams(w5=0.1), True)))
    back = load_session(path)
    for a, b in zip(state.weights + state.biases, back.playground.weights + back.playground.biases):
        np.testing.assert_array_equal(a, b)  # repr floats: the same bits
    assert back.playground.config == t.config and back.playground.step == t.step_count
    for a, b in zip(vars(back.playground.history).values(), vars(state.history).values()):
        np.testing.assert_array_equal(a, b)
    assert back.example == ExampleState(ExampleParams(w5=0.1), True)


def test_missing_test_losses_are_stored_as_null_and_read_back_as_nan(tmp_path):
    _, state = trained_state(test_ratio=0.0)
    assert np.isnan(state.history.test).all()
    text = to_json(Session(state))
    assert json.loads(text)["playground"]["history"]["test_loss"][0] is None
    assert np.isnan(parse_session(text, "s").playground.history.test).all()


def test_every_truncation_is_reported_as_incomplete():
    _, state = trained_state()
    text = to_json(Session(state))
    for cut in range(1, len(text) - 2, 7):
        with pytest.raises(SessionError, match="incomplete"):
            parse_session(text[:cut], "cut.bpviz")


@pytest.mark.parametrize("text,problem", [
    ("{\"format\": \"bpviz-session\" \"schema\": 1}", "damaged"),
    ("[1, 2, 3]", "not a bpviz session file"),
    ("{\"format\": \"something-else\"}", "not a bpviz session file"),
    ("{\"format\": \"bpviz-session\", \"schema\": 3}", "newer bpviz"),
    ("{\"format\": \"bpviz-session\", \"schema\": \"one\"}", "format version is not valid"),
    ("{\"format\": \"bpviz-session\", \"schema\": 1}", "neither a playground nor a worked example"),
    ("{\"format\": \"bpviz-session\", \"schema\": 1, \"example\": {\"params\": {\"lr\": -1}}}", "must be > 0"),
])
def test_bad_files_are_refused_with_the_file_and_the_problem(text, problem):
    with pytest.raises(SessionError) as exc:
        parse_session(text, "/some/where/x.bpviz")
    assert str(exc.value).startswith("Cannot open /some/where/x.bpviz: ") and problem in str(exc.value)


@pytest.mark.parametrize("change,problem", [
    (lambda p: p["network"]["weights"].pop(), "needs 3 weight and bias layers"),
    (lambda p: p["network"]["weights"][1].append([0.0, 0.0]), "do not fit the layers"),
    (lambda p: p["network"]["biases"][0].__setitem__(0, "x"), "must hold numbers only"),
    (lambda p: p["config"].__setitem__("activation", "swish"), "training settings are not valid"),
    (lambda p: p["config"]["dataset"].__setitem__("name", "torus"), "unknown dataset"),
    (lambda p: p["history"]["steps"].reverse(), "go backwards"),
    (lambda p: p["history"]["train_loss"].pop(), "different lengths"),
    (lambda p: p.__setitem__("step", -3), "step count must be a whole number from 0"),
])
def test_inconsistent_contents_are_refused(change, problem):
    _, state = trained_state()
    data = json.loads(to_json(Session(state)))
    change(data["playground"])
    with pytest.raises(SessionError, match=problem):
        parse_session(json.dumps(data), "x.bpviz")


def test_a_failed_save_leaves_the_old_file(tmp_path, monkeypatch):
    _, state = trained_state()
    path = save_session(tmp_path / "s.bpviz", Session(state))
    before = path.read_bytes()

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")  # ENOSPC, as a full disk reports it

    monkeypatch.setattr("bpviz.files.os.fsync", broken)
    with pytest.raises(FileError, match="the disk is full"):
        save_session(path, Session(state, ExampleState(ExampleParams(), False)))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["s.bpviz"]  # no temporary file left


def test_a_network_that_is_not_finite_is_not_saved(tmp_path):
    _, state = trained_state()
    weights = (np.full_like(state.weights[0], np.inf),) + state.weights[1:]
    bad = PlaygroundState(state.config, weights, state.biases, state.step, state.epoch, state.history)
    with pytest.raises(SessionError, match="the network holds a number that is not finite"):  # was ValueError
        save_session(tmp_path / "s.bpviz", Session(bad))
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------------------------------ field by field
def session_data(test_ratio=0.5) -> dict:
    _, state = trained_state(test_ratio)
    return json.loads(to_json(Session(state, ExampleState(ExampleParams(), False))))


def put(data, path, value):
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


CONFIG, DATA, NET, HIST = ("playground", "config"), ("playground", "config", "dataset"), \
    ("playground", "network"), ("playground", "history")
BAD_FIELDS = [
    # out of the controls' ranges (a spin box holds a C int: 2^31 raised OverflowError half-way through an open)
    (CONFIG + ("seed",), 2**31, "seed must be a whole number from 0 to 2147483647, got 2147483648"),
    (DATA + ("seed",), 2**31, "seed must be a whole number from 0 to 2147483647"),
    (CONFIG + ("batch_size",), 10**30, "batch size must be a whole number from 1 to 100000 (0 = full batch)"),
    (CONFIG + ("hidden",), [3] * 7, "at most 6 layers of 1 to 16 neurons"),
    (CONFIG + ("hidden",), [17], "at most 6 layers of 1 to 16 neurons, got [17]"),
    (DATA + ("n_samples",), 10**6, "n_samples must be a whole number from 4 to 100000, got 1000000"),
    (DATA + ("noise",), 1.5, "noise must be between 0 and 1, got 1.5"),
    (DATA + ("test_ratio",), 0.95, "test_ratio must be between 0 and 0.9"),
    (("playground", "step"), 10**30, "step count must be a whole number from 0 to 9007199254740992, got 1e+30"),
    (HIST + ("steps", -1), 10**30, "the loss history's steps must be whole numbers from 0 to"),  # was accepted
    # true is not a number here (Python says it is)
    (NET + ("weights", 0, 0, 0), True, "the weights of layer 1 must hold numbers only, got True"),  # was loaded
    (NET + ("biases", 1, 0), False, "the biases of layer 2 must hold numbers only, got False"),
    (CONFIG + ("lr",), True, "learning rate must be a finite number, got True"),
    (CONFIG + ("hidden",), [3, True], "hidden layers"),
    (("playground", "epoch"), True, "epoch count must be a whole number"),
    (HIST + ("epochs", 0), True, "the loss history's epochs must be a list of whole numbers"),
    (HIST + ("train_loss", 0), True, "the loss history's train loss must be a list of numbers"),
    (("example", "params", "w1"), True, "w1 must be a finite number, got True"),
    (("example", "update_biases"), 1, "update_biases must be true or false, got 1"),
    # a list or an object where a name belongs
    (CONFIG + ("loss",), ["bce"], "unknown loss ['bce']"),  # was "unhashable type: 'list'"
    (CONFIG + ("activation",), {"tanh": 1}, "unknown activation {'tanh': 1}"),
    (DATA + ("name",), ["circle"], "name must be a dataset name"),
    (CONFIG + ("features",), ["x1", ["x2"]], "unknown feature(s) ['x2']"),
    # numbers beyond float64 (were OverflowError)
    (CONFIG + ("lr",), 10**400, "learning rate is too large for a float64"),
    (DATA + ("noise",), 10**400, "noise is too large for a float64"),
    (NET + ("weights", 0, 0, 0), 10**400, "the weights of layer 1: a number is too large for a float64"),
    (HIST + ("train_loss", 0), 10**400, "the loss history's train loss holds a number too large for a float64"),
    (("example", "params", "w5"), -(10**400), "w5 is too large for a float64"),
    # shapes and keys
    (NET + ("weights", 0, 0), "ab", "the weights do not fit the layers"),
    (NET + ("extra",), 1, "the network's weights has unknown field(s) extra"),
    (("playground", "histroy"), {}, "the playground part has unknown field(s) histroy"),
    (("example",), [], "the worked example part is not an object"),
    (("schema",), True, "its session format version is not valid (True)"),
    (("schema",), 1.0, "its session format version is not valid (1.0)"),
    (("format",), ["bpviz-session"], "it is not a bpviz session file"),
]


@pytest.mark.parametrize("path,value,problem", BAD_FIELDS, ids=lambda v: str(v)[:30])
def test_each_field_is_checked_before_anything_is_built(path, value, problem):
    text = json.dumps(put(session_data(), path, value))
    with pytest.raises(SessionError) as info:
        parse_session(text, "s.bpviz")
    message = str(info.value)
    assert message.startswith("Cannot open s.bpviz: ") and problem in message
    assert "\n" not in message and len(message) < 250


@pytest.mark.parametrize("literal,problem", [
    ("NaN", "it holds NaN"), ("Infinity", "it holds Infinity"), ("-Infinity", "it holds -Infinity"),
    ("1e999", "a number is too large for a float64"),  # Python reads it as inf
    ("[" * 100_000 + "]" * 100_000, "it is nested too deeply"),  # was RecursionError
    ("1" + "0" * 5000, "a number with too many digits"),  # was ValueError
])
def test_numbers_json_does_not_have_are_refused(literal, problem):
    text = json.dumps(put(session_data(), NET + ("weights", 0, 0, 0), "HERE")).replace('"HERE"', literal)
    with pytest.raises(SessionError, match=problem):
        parse_session(text, "s.bpviz")


@pytest.mark.parametrize("text,problem", [
    ("", "the file is empty"), ("\n  \n", "the file is empty"), ("1", "not a bpviz session file"),
    ("\"bpviz-session\"", "not a bpviz session file"), ("null", "not a bpviz session file"),
    ("[" * 100_000, "nested too deeply"), ("true", "not a bpviz session file"),
])
def test_any_json_value_that_is_not_a_session_object(text, problem):
    with pytest.raises(SessionError, match=problem):
        parse_session(text, "s.bpviz")


def test_files_that_are_not_utf8_text(tmp_path):
    (tmp_path / "latin.bpviz").write_bytes(json.dumps(session_data()).replace("circle", "cercl\xe9")
                                          .encode("latin-1"))
    (tmp_path / "binary.bpviz").write_bytes(bytes(range(256)) * 10)
    with pytest.raises(SessionError, match="it is not UTF-8 text"):
        load_session(tmp_path / "latin.bpviz")
    with pytest.raises(SessionError, match="it is not a text file"):
        load_session(tmp_path / "binary.bpviz")


def test_the_limits_of_every_field_load():
    from bpviz.engine.datasets import MAX_SAMPLES, MAX_SEED, MIN_SAMPLES
    from bpviz.session import MAX_COUNT

    data = session_data()
    for path, value in ((CONFIG + ("seed",), MAX_SEED), (DATA + ("seed",), MAX_SEED),
                        (DATA + ("n_samples",), MAX_SAMPLES), (CONFIG + ("batch_size",), MAX_SAMPLES),
                        (DATA + ("noise",), 1), (DATA + ("test_ratio",), 0.9), (("playground", "step"), MAX_COUNT),
                        (CONFIG + ("lr",), 1e308), (NET + ("weights", 0, 0, 0), -1e308)):
        put(data, path, value)
    back = parse_session(json.dumps(data), "s.bpviz").playground
    assert back.config.seed == back.config.dataset.seed == MAX_SEED and back.step == MAX_COUNT
    put(data, DATA + ("n_samples",), MIN_SAMPLES)
    assert parse_session(json.dumps(data), "s.bpviz").playground.config.dataset.n_samples == MIN_SAMPLES


def test_a_million_history_entries_load_and_are_thinned(tmp_path):
    """An old bpviz kept every epoch: such a file (~53 MB, under the 64 MB limit) opens, evenly thinned to what the
    Trainer keeps, the last entry kept."""
    from bpviz.engine.thinning import DEFAULT_CAPACITY
    from bpviz.training import History

    n = 1_000_000
    data = session_data()
    rng = np.random.default_rng(0)
    data["playground"]["history"] = {"epochs": list(range(n)), "steps": list(range(0, 10 * n, 10)),
                                     "train_loss": rng.random(n).tolist(), "test_loss": [None] * n}
    data["playground"]["step"], data["playground"]["epoch"] = 10 * (n - 1), n - 1
    path = tmp_path / "long.bpviz"
    path.write_text(json.dumps(data, separators=(",", ":")))
    history = load_session(path).playground.history
    assert len(history) <= DEFAULT_CAPACITY + 1 and history.epochs[-1] == n - 1 and np.isnan(history.test).all()
    gaps = np.diff(history.epochs[:-1])
    assert (gaps == gaps[0]).all() and gaps[0] * len(history) >= n  # evenly over the whole run
    np.testing.assert_array_equal(history.steps, 10 * history.epochs)
    np.testing.assert_array_equal(history.train, np.asarray(data["playground"]["history"]["train_loss"])[
        history.epochs])
    restored = History()
    restored.restore(history)
    np.testing.assert_array_equal(restored.arrays().epochs, history.epochs)  # kept as they are


# ------------------------------------------------------------------------------------------------ fuzz
def test_thousands_of_damaged_sessions_load_or_are_refused_in_one_sentence():
    from session_fuzz import documents

    valid = session_data()
    loaded = refused = 0
    for k, text in enumerate(documents(valid, seed=11, n=3000)):
        try:
            session = parse_session(text, "fuzz.bpviz")
        except SessionError as exc:
            message = str(exc)
            assert message.startswith("Cannot open fuzz.bpviz: ") and "\n" not in message, (k, message)
            assert len(message) < 300, (k, message)
            assert not any(word in message for word in ("unhashable", "Error", "object of type")), (k, message)
            refused += 1
        except Exception as exc:  # noqa: BLE001 - the point of the test: nothing but SessionError
            pytest.fail(f"document {k} raised {type(exc).__name__}: {exc}"[:500])
        else:
            assert session.playground is not None or session.example is not None
            loaded += 1
    assert loaded > 100 and refused > 2000  # both kinds were tried


def _custom_state(points):
    spec = DatasetSpec("circle", noise=0.2, test_ratio=0.3, seed=5).with_points(points)
    loss = "half_sse" if points.regression else "softmax_ce" if points.n_classes > 2 else "bce"
    t = Trainer(TrainConfig(dataset=spec, hidden=(4,), loss=loss))
    t.run_epochs(3)
    return t, PlaygroundState(t.config, tuple(t.network.weights), tuple(t.network.biases), t.step_count, t.epoch,
                              t.history.arrays())


@pytest.mark.parametrize("regression", [False, True])
def test_drawn_points_of_k_classes_or_values_round_trip_in_a_session(tmp_path, regression):
    from bpviz.engine.points import PointSet

    rng = np.random.default_rng(1)
    X = rng.uniform(-1.2, 1.2, (30, 2))
    if regression:
        points = PointSet(X, rng.uniform(-1, 1, 30), regression=True)
    else:
        points = PointSet(X, np.arange(30) % 3, class_names=("cat", "dog", "bird, small"),
                          scale=(0.5, 0.25), offset=(1.0, -2.0))
    t, state = _custom_state(points)
    back = load_session(save_session(tmp_path / "drawn.bpviz", Session(state))).playground
    assert back.config == t.config  # the points compare by content: every coordinate, label, name and scale
    assert back.config.dataset.points == points
    data, again = t.data, back.config.dataset.make()
    np.testing.assert_array_equal(data.X_train, again.X_train)
    np.testing.assert_array_equal(data.y_test, again.y_test)


def test_a_format_1_session_still_opens():
    t, state = trained_state()
    data = json.loads(to_json(Session(state)))
    data["schema"] = 1
    del data["playground"]["config"]["dataset"]["classes"]  # format 1 knew no classes
    back = parse_session(json.dumps(data), "old.bpviz").playground
    assert back.config == t.config and back.config.dataset.classes == 2


def test_damaged_points_in_a_session_are_refused_in_one_sentence():
    from bpviz.engine.points import PointSet

    _, state = _custom_state(PointSet(np.zeros((4, 2)), [0, 1, 0, 1]))
    for change, problem in ((lambda p: p.update(labels=[0, 1, 0, 7]), "labels must be class numbers 0 to 1"),
                            (lambda p: p.update(x1=[0, 0, 0]), "different lengths"),
                            (lambda p: p.update(x2=[0, 0, 0, 9]), "view's square"),
                            (lambda p: p.update(values=[1, 2, 3, 4]), "either labels"),
                            (lambda p: p.update(x1="none"), "must be a list of numbers")):
        data = json.loads(to_json(Session(state)))
        change(data["playground"]["config"]["dataset"]["points"])
        with pytest.raises(SessionError, match=problem) as err:
            parse_session(json.dumps(data), "drawn.bpviz")
        assert "\n" not in str(err.value)
