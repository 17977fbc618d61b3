"""File > Import data…, Export data… and Export as Python script… in the real window (issue 14): a CSV file's points
become the playground's data (a new run), a bad file is one message naming the line and the data stays, the points
go out and come back the same, the exported script prints the losses bpviz records; "Your data" and the Classes box
work on points of one's own; a session keeps drawn points."""

import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from bpviz.datafile import read_points


@pytest.fixture
def window(window, qtbot):
    window.show_page("playground")
    page = window.playground
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    return window


def message_boxes(window):
    return [w for w in window.findChildren(QMessageBox) if w.isVisible()]


def three_blobs(path):
    rng = np.random.default_rng(2)
    rows = ["x,y,label"]
    for name, centre in (("ant", (0, 0)), ("bee", (40, 5)), ("cat", (20, 30))):
        rows += [f"{a:.3f},{b:.3f},{name}" for a, b in rng.normal(centre, 3.0, (30, 2))]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_an_imported_file_starts_a_run_on_its_points_and_classes(window, qtbot, tmp_path):
    page = window.playground
    assert window.data_files.import_path(three_blobs(tmp_path / "blobs.csv"))
    qtbot.waitUntil(lambda: page.frame.config.dataset.is_custom, timeout=5000)
    config = page.frame.config
    assert config.n_classes == 3 and config.loss == "softmax_ce" and config.sizes[-1] == 3
    assert config.dataset.class_names == ("ant", "bee", "cat")
    assert len(page.frame.data.X) == 90
    assert page.controls.datasets.name() == "custom" and not page.controls.points_spin.isEnabled()
    assert page.controls.classes_spin.value() == 3
    assert page.decision.class_names == ("ant", "bee", "cat")
    assert "rescaled into the view" in window.statusBar().currentMessage()
    note = page.data.panel.note
    assert note.isVisible() and "rescaled into the view: x1′ = " in note.text()


@pytest.mark.parametrize("content, problem", [
    ("x1,x2,label\n0,0,0\n1,1\n", "line 3"),
    ("x1,x2,label\n0,0,0\n0.5,abc,1\n", "line 3"),
    ("", "holds no points"),
])
def test_a_bad_file_is_one_message_and_the_data_stays(window, qtbot, tmp_path, content, problem):
    page = window.playground
    before = page.frame.config
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    assert not window.data_files.import_path(path)
    boxes = message_boxes(window)
    assert len(boxes) == 1 and problem in boxes[0].text() and "bad.csv" in boxes[0].text()
    boxes[0].close()
    qtbot.wait(50)
    assert page.frame.config == before and page.controls.config() == before


def test_exported_points_come_back_the_same(window, qtbot, tmp_path):
    page = window.playground
    page.data.panel.set_drawing(True)
    page.data.add(np.array([[0.25, -0.5]]))
    qtbot.waitUntil(lambda: page.frame.config.dataset.is_custom, timeout=5000)
    shown = page.frame.config.dataset.points
    assert window.data_files.export_data_to(tmp_path / "mine.csv")
    assert read_points(tmp_path / "mine.csv") == shown


def test_the_exported_script_prints_the_losses_bpviz_records(window, qtbot, tmp_path):
    page = window.playground
    page.step()
    qtbot.waitUntil(lambda: page.frame.snapshot.step >= 1, timeout=5000)
    assert window.data_files.export_script_to(tmp_path / "net.py", epochs=3)
    out = subprocess.run([sys.executable, str(tmp_path / "net.py")], capture_output=True, text=True,
                         check=True).stdout
    printed = [float(line.split()[4]) for line in out.splitlines() if line.startswith("epoch")]

    from bpviz.training import Trainer

    trainer = Trainer(page.frame.config)  # the same settings from the seed's starting weights
    trainer.run_epochs(3)
    np.testing.assert_allclose(printed, trainer.history.arrays().train, rtol=1e-9)


def test_your_data_makes_the_shown_points_ones_own_and_classes_can_be_added(window, qtbot):
    page = window.playground
    n = page.frame.config.dataset.n_samples
    page.controls.datasets.buttons["custom"].click()
    qtbot.waitUntil(lambda: page.frame.config.dataset.is_custom, timeout=5000)
    assert page.data.panel.drawing and len(page.frame.config.dataset.points) == n
    page.controls.classes_spin.setValue(4)  # two more classes to draw: a network with four outputs
    qtbot.waitUntil(lambda: page.frame.config.sizes[-1] == 4, timeout=5000)
    assert page.frame.config.loss == "softmax_ce"
    assert len(page.data.panel.class_buttons) == 4
    page.data.panel.class_buttons[3].click()
    page.data.add(np.array([[1.2, 1.2]]))
    qtbot.waitUntil(lambda: len(page.frame.config.dataset.points) == n + 1, timeout=5000)
    assert page.frame.config.dataset.points.y[-1] == 3.0


def test_a_session_keeps_drawn_points(window, qtbot, tmp_path):
    page = window.playground
    page.data.add(np.array([[0.1, 0.2], [0.3, 0.4]]))
    qtbot.waitUntil(lambda: page.frame.config.dataset.is_custom, timeout=5000)
    drawn = page.frame.config.dataset.points
    assert window.files.save_to(tmp_path / "drawn.bpviz")
    page.controls.datasets.buttons["xor"].click()
    qtbot.waitUntil(lambda: page.frame.config.dataset.name == "xor", timeout=5000)
    assert window.files.open_path(tmp_path / "drawn.bpviz")
    qtbot.waitUntil(lambda: page.frame.config.dataset.is_custom, timeout=5000)
    assert page.frame.config.dataset.points == drawn


def test_an_empty_set_is_said_in_words_wherever_points_are_needed(window, qtbot, tmp_path):
    page = window.playground
    page.data.clear()
    qtbot.waitUntil(lambda: page.frame.config.dataset.is_custom and not len(page.frame.data.X), timeout=5000)
    assert not window.data_files.export_data_to(tmp_path / "none.csv")
    assert "no points to export" in window.files.last_error
    assert not window.data_files.export_script_to(tmp_path / "none.py")
    assert "no training points" in window.files.last_error
    for box in message_boxes(window):
        box.close()
    page.stepping.enter()
    assert page.stepping.current is None and not page.stepping.action.isChecked()
    assert "no training point to step through" in window.statusBar().currentMessage()
    assert not (tmp_path / "none.csv").exists() and not (tmp_path / "none.py").exists()


def test_back_from_ones_own_points_to_a_generated_set_keeps_its_count(window, qtbot):
    """Seed 1 of the 10,000-action run: Clear, then a click on Gaussian made a set of 0 points (ValueError)."""
    page = window.playground
    before = page.controls.points_spin.value()
    page.data.clear()
    qtbot.waitUntil(lambda: page.frame.config.dataset.is_custom, timeout=5000)
    assert page.controls.points_spin.value() == 0 and not page.controls.points_spin.isEnabled()
    page.controls.datasets.buttons["gaussian"].click()
    qtbot.waitUntil(lambda: page.frame.config.dataset.name == "gaussian", timeout=5000)
    assert page.frame.config.dataset.n_samples == before and page.controls.points_spin.isEnabled()
    page.controls.datasets.buttons["custom"].click()  # one's own points again: the empty set, as left
    qtbot.waitUntil(lambda: page.frame.config.dataset.is_custom, timeout=5000)
    assert len(page.frame.config.dataset.points) == 0


def test_step_through_this_point_without_points_says_so(window, qtbot):
    """Seed 1 of the 10,000-action run: the right-click menu's 'Step through this point' on an empty set raised."""
    page = window.playground
    page.data.clear()
    qtbot.waitUntil(lambda: page.frame.config.dataset.is_custom and not len(page.frame.data.X), timeout=5000)
    page.stepping.point_action.trigger()
    assert "no training point to step through" in window.statusBar().currentMessage()
    assert page.stepping.current is None


def test_a_point_chosen_while_training_runs_is_found_again_in_the_points_of_the_next_frame(window, qtbot):
    """Seed 2 of the 10,000-action run: 'Step through this point' chose point 117 while training ran; the first
    paused frame to arrive was a new run's, of 100 training points, and starting the pass raised IndexError. The
    frames are handed to the page here as the worker would send them, without waiting in between."""
    from bpviz.training import Trainer
    from bpviz.training.frames import Frame

    page = window.playground
    frame = page.frame
    page.show_frame(replace(frame, running=True))  # training runs: the pass waits for the pause
    page.stepping.enter(len(frame.data.X_train) - 1, xy=(0.9, 0.9))
    assert page.stepping.current is None and page.stepping.stepping
    smaller = replace(frame.config, dataset=replace(frame.config.dataset, n_samples=20))
    trainer = Trainer(smaller)
    page.show_frame(Frame(frame.generation + 1, smaller, trainer.data, trainer.snapshot(), None, 0.0, False))
    X = trainer.data.X_train
    assert page.stepping.current is not None and page.stepping.current.frame.config == smaller
    assert page.stepping.current.point == np.argmin(((X - [0.9, 0.9]) ** 2).sum(axis=1)) and len(X) == 10


def test_the_next_mini_batch_of_no_points_is_said_in_words(window, qtbot):
    """Seed 2 of the 10,000-action run: with a pass shown, choosing 'the next mini-batch' of a network whose latest
    frame had no training points raised IndexError (and Explain ∂E/∂w a ValueError)."""
    from bpviz.engine.points import PointSet
    from bpviz.training import Trainer
    from bpviz.training.frames import Frame

    page = window.playground
    page.stepping.enter(0)
    qtbot.waitUntil(lambda: page.stepping.current is not None, timeout=5000)
    frame = page.frame
    empty = replace(frame.config, dataset=frame.config.dataset.with_points(PointSet(np.zeros((0, 2)), [])))
    trainer = Trainer(empty)
    page.show_frame(Frame(frame.generation, empty, trainer.data, trainer.snapshot(), None, 0.0, False))
    page.stepping.choose_batch(True)
    assert page.stepping.current is None
    assert "no training point to step through" in window.statusBar().currentMessage()
    page.stepping.explain("w1")  # no pass: one is asked for, and refused in words once the frame is taken
    page.show_frame(Frame(frame.generation, empty, trainer.data, trainer.snapshot(), None, 0.0, False))
    assert page.stepping.current is None and not page.stepping.stepping
