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
    ("{\"format\": \"bpviz-session\", \"schema\": 2}", "newer bpviz"),
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
    (lambda p: p.__setitem__("step", -3), "whole numbers >= 0"),
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
