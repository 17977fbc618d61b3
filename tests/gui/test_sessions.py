"""Sessions in the window: saved and reopened exactly; bad files refused without touching the open session."""

import json
from dataclasses import replace

import numpy as np
import pytest

from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.features import make_features
from bpviz.training import TrainConfig


@pytest.fixture
def window(window, qtbot):
    window.tabs.setCurrentWidget(window.playground)
    qtbot.waitUntil(lambda: window.playground.frame is not None, timeout=5000)
    return window


def train_a_little(qtbot, page, config=None):
    if config is not None:
        generation = page.frame.generation
        page.controls.configChanged.emit(config)
        qtbot.waitUntil(lambda: page.frame.generation > generation, timeout=5000)
    page.play()
    qtbot.waitUntil(lambda: page.frame.snapshot.step > 300, timeout=10000)
    page.pause()
    qtbot.waitUntil(lambda: not page.frame.running, timeout=5000)


def predictions(page, config):
    X = np.random.default_rng(0).uniform(-1.5, 1.5, (500, 2))
    s = page.frame.snapshot
    from bpviz.engine import Network

    net = Network(config.sizes, hidden=config.activation, output=config.output, loss=config.loss)
    net.weights, net.biases = s.weights, s.biases
    return net.predict(make_features(X, config.features))


def test_saved_session_reopens_the_exact_network(qtbot, window, tmp_path):
    page = window.playground
    config = TrainConfig(dataset=DatasetSpec("moons", n_samples=300, noise=0.2, seed=5), hidden=(5, 3),
                         activation="relu", lr=0.1, features=("x1", "x2", "x1*x2"))
    train_a_little(qtbot, page, config)
    saved = page.frame.snapshot
    region = page.decision.region_image().copy()
    history = page.model.history
    before = predictions(page, config)
    path = tmp_path / "moons.bpviz"
    assert window.files.save_to(path)
    data = json.loads(path.read_text())
    assert data["format"] == "bpviz-session" and data["schema"] == 2
    assert data["playground"]["config"]["dataset"] == {"name": "moons", "n_samples": 300, "noise": 0.2,
                                                       "test_ratio": 0.5, "seed": 5, "classes": 2}
    assert "points" not in json.dumps(data["playground"]["config"]["dataset"])
    assert window.windowTitle().startswith("moons.bpviz")

    page.reset()  # something else on screen, then open the file
    qtbot.waitUntil(lambda: page.frame.snapshot.step == 0, timeout=5000)
    generation = page.frame.generation
    assert window.files.open_path(path)
    qtbot.waitUntil(lambda: page.frame.generation > generation, timeout=5000)
    loaded = page.frame.snapshot
    for a, b in zip(saved.weights + saved.biases, loaded.weights + loaded.biases):
        np.testing.assert_array_equal(a, b)
    assert loaded.step == saved.step and loaded.epoch == saved.epoch
    np.testing.assert_array_equal(predictions(page, config), before)
    np.testing.assert_array_equal(page.decision.region_image(), region)  # the same decision region
    for a, b in zip(vars(page.model.history).values(), vars(history).values()):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(page.loss.curve_data()[1], history.train)  # and the curve shows it
    assert page.controls.config() == config
    # and training goes on from there
    page.step()
    qtbot.waitUntil(lambda: page.frame.snapshot.step == saved.step + 1, timeout=5000)


def test_worked_example_numbers_travel_in_the_session(qtbot, window, tmp_path):
    window.example.edit_param("w5", 0.123)
    window.example.set_update_biases(True)
    path = tmp_path / "example.bpviz"
    assert window.files.save_to(path)
    window.example.reset_params()
    window.example.set_update_biases(False)
    assert window.files.open_path(path)
    assert window.example.model.params.w5 == 0.123 and window.example.model.update_biases
    assert window.example.params.fields["w5"].text() == "0.123"


def test_save_adds_the_suffix_and_remembers_recent_files(window, tmp_path):
    assert window.files.save_to(tmp_path / "plain")
    assert (tmp_path / "plain.bpviz").exists()
    assert window.files.recent()[0] == str((tmp_path / "plain.bpviz").resolve())


BAD_FILES = {
    "damaged": ("{\"format\": \"bpviz-session\", \"schema\": 1, oops", "damaged"),
    "foreign": (json.dumps({"name": "something else"}), "not a bpviz session file"),
    "newer": (json.dumps({"format": "bpviz-session", "schema": 7, "saved_by": "bpviz 9.0"}), "newer bpviz"),
    "wrong shapes": (None, "do not fit the layers"),
    "not text": (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
}


@pytest.mark.parametrize("kind", [*BAD_FILES, "truncated", "missing"])
def test_bad_session_files_are_refused_and_change_nothing(qtbot, window, tmp_path, kind):
    page = window.playground
    train_a_little(qtbot, page)
    good = tmp_path / "good.bpviz"
    assert window.files.save_to(good)
    weights = [w.copy() for w in page.frame.snapshot.weights]
    generation = page.frame.generation
    path = tmp_path / f"{kind.replace(' ', '_')}.bpviz"
    if kind == "truncated":
        text = good.read_text()
        path.write_text(text[: len(text) // 2])
        problem = "incomplete"
    elif kind == "missing":
        problem = "the file does not exist"
    elif kind == "wrong shapes":
        data = json.loads(good.read_text())
        data["playground"]["network"]["weights"][0] = [[1.0, 2.0]]
        path.write_text(json.dumps(data))
        problem = BAD_FILES[kind][1]
    else:
        content, problem = BAD_FILES[kind]
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert not window.files.open_path(path)
    assert str(path) in window.files.last_error and problem in window.files.last_error
    qtbot.wait(100)
    assert page.frame.generation == generation
    for a, b in zip(page.frame.snapshot.weights, weights):
        np.testing.assert_array_equal(a, b)


def test_saving_into_a_missing_folder_fails_cleanly(window, tmp_path):
    target = tmp_path / "no" / "such" / "dir" / "s.bpviz"
    assert not window.files.save_to(target)
    assert str(target) in window.files.last_error and "does not exist" in window.files.last_error
    assert not target.parent.exists()


# ------------------------------------------------------------------------------------------------ refusals
def window_state(window):
    """What an open must not change when it refuses a file."""
    page, example = window.playground, window.example.model
    s = page.frame.snapshot
    return (page.frame.generation, page.frame.config, page.controls.config(), example.params, example.update_biases,
            [a.tobytes() for a in s.weights + s.biases])


@pytest.mark.parametrize("field,value,problem", [
    (("config", "seed"), 2**31, "seed must be a whole number from 0 to 2147483647"),  # was OverflowError, half open
    (("config", "batch_size"), 10**30, "batch size must be a whole number from 1 to 100000"),  # was loaded
    (("step",), 10**30, "step count must be a whole number"),  # was OverflowError
    (("history", "steps", -1), 10**30, "steps must be whole numbers"),
    (("network", "weights", 0, 0, 0), True, "must hold numbers only, got True"),  # was loaded as 1.0
])
def test_a_refused_session_changes_nothing_at_all(qtbot, window, tmp_path, field, value, problem):
    page = window.playground
    train_a_little(qtbot, page)
    assert window.files.save_to(tmp_path / "good.bpviz")
    data = json.loads((tmp_path / "good.bpviz").read_text())
    data["example"]["params"]["w5"] = 0.77  # the example part is fine: it must not be applied alone either
    node = data["playground"]
    for key in field[:-1]:
        node = node[key]
    node[field[-1]] = value
    path = tmp_path / "bad.bpviz"
    path.write_text(json.dumps(data))
    before = window_state(window)
    assert not window.files.open_path(path)
    assert problem in window.files.last_error and str(path) in window.files.last_error
    qtbot.wait(100)
    assert window_state(window) == before and window.example.model.params.w5 != 0.77


def test_random_damaged_sessions_through_file_open_load_whole_or_change_nothing(qtbot, window, tmp_path):
    """The fuzz of tests/engine/test_session.py through the window: a refused file leaves the playground (its
    run, settings and weights) and the worked example as they were; an accepted one is shown exactly."""
    from PySide6.QtWidgets import QMessageBox
    from session_fuzz import documents

    from bpviz.session import SessionError, parse_session

    page = window.playground
    assert window.files.save_to(tmp_path / "valid.bpviz")
    valid = json.loads((tmp_path / "valid.bpviz").read_text())
    path = tmp_path / "fuzz.bpviz"
    opened = refused = 0
    for k, text in enumerate(documents(valid, seed=5, n=250)):
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            expected = parse_session(text, path)
        except SessionError:
            expected = None
        before = window_state(window)
        ok = window.files.open_path(path)
        assert ok == (expected is not None), (k, window.files.last_error)
        if ok:
            opened += 1
            if expected.playground is not None:
                qtbot.waitUntil(lambda old=before[0]: page.frame.generation > old, timeout=5000)
                shown, loaded = page.controls.config(), expected.playground.config
                assert shown == loaded or shown.batch_size == 0 and replace(loaded, batch_size=0) == shown, k
            if expected.example is not None:
                assert window.example.model.params == expected.example.params, k
        else:
            refused += 1
            assert window_state(window) == before, (k, window.files.last_error)
            for box in window.findChildren(QMessageBox):
                box.close()
    assert opened >= 10 and refused >= 150


def test_a_big_older_session_is_announced_and_waited_for_with_a_busy_cursor(window, tmp_path, monkeypatch):
    """An older bpviz kept every epoch: its 50 MB files take a second to decode, which the window says first."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    import bpviz.gui.file_menu as file_menu

    path = tmp_path / "old.bpviz"
    assert window.files.save_to(path)
    seen = {}
    real_load = file_menu.load_session

    def load(p):
        cursor = QApplication.overrideCursor()
        seen["busy"] = cursor is not None and cursor.shape() == Qt.WaitCursor
        seen["status"] = window.statusBar().currentMessage()
        return real_load(p)

    monkeypatch.setattr(file_menu, "load_session", load)
    monkeypatch.setattr(file_menu, "BIG_SESSION_BYTES", path.stat().st_size - 1)
    assert window.files.open_path(path)
    assert seen["busy"] and seen["status"].startswith(f"Opening {path}")
    assert QApplication.overrideCursor() is None  # and back to normal afterwards
