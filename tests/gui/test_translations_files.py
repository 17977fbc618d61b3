"""The refusals of files, sessions, data and exports in a Chinese window (issue 17), and the same in English.

Import data… with bad CSV files of every kind, File > Open with bad session files, saves and exports that cannot be
written, the export writer's and the background jobs' failures, the runs table's pin refusal and the drawing's
status messages: in a zh_CN window each message box (and the status bar) says it with no English word left, the
file's path aside; in an English window the very sentence the Qt-free code composes (tests/engine compare those).
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

import numpy as np
import pytest
from chinese_text import english_words
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from bpviz.datafile import read_points
from bpviz.engine.phrases import QT_TRANSLATE_NOOP
from bpviz.files import FileError, cannot

CHINESE = re.compile(r"[\u4e00-\u9fff]")

# (file name, bytes) of CSV files Import data… refuses: each kind of sentence datafile.py composes
BAD_CSV = {
    "bad_number": b"x1,x2,label\n0,0,0\n0.5,abc,1\n",
    "missing_column": b"x1,x2,label\n0,0,0\n1,1\n",
    "one_column": b"x1,x2,label\n0,0,0\n1\n",
    "header_columns": b"x1,x2\n0,0\n",
    "decimal_commas": b"1,5,2,25,0\n",
    "too_many_columns": b"0,0,0,x\n",
    "too_many_classes": "".join(f"{i},{i},{name}\n" for i, name in enumerate("abcdefg")).encode(),
    "class_too_large": b"0,0,0\n1,1,9\n",
    "negative_label": b"0,0,0\n1,1,-1\n",
    "fraction_label": b"x1,x2,label\n0,0,0\n1,1,0.5\n",
    "mixed_labels": b"x1,x2,label\n0,0,a\n1,1,1\n",
    "mixed_third": b"0,0,a\n1,1,1\n",
    "one_class": b"0,0,a\n1,1,a\n",
    "one_point": b"0,0,a\n",
    "long_name": b"0,0,a\n1,1," + b"b" * 41 + b"\n",
    "no_label": b"0,0,\n1,1,1\n",
    "no_x1": b",0,0\n1,1,1\n",
    "nan_value": b"0,0,nan\n1,1,0.5\n",
    "nan_x2": b"0,nan,0\n1,1,1\n",
    "huge_x1": b"1e999,0,0\n1,1,1\n",
    "decimal_comma": b"0;1,5;0\n1;1;1\n",
    "value_decimal_comma": b"x1;x2;value\n0;1;2,5\n",
    "unclosed_quote": b'0,0,"a\n1,1,b\n',
    "listed_classes_bad": b"# bpviz classes: nope\n0,0,a\n1,1,b\n",
    "not_listed": b'# bpviz classes: ["a", "b"]\n0,0,a\n1,1,c\n',
    "too_large_to_rescale": b"-1e308,0,0\n1e308,1,1\n",
    "not_utf8": b"x1,x2,label\n0,0,\xff\n",
    "utf16": "x1,x2,label\n0,0,0\n1,1,1\n".encode("utf-16"),
    "nul": b"x1,x2,label\n0,0\x00,0\n",
    "empty": b"",
    "header_only": b"x1,x2,label\n",
    "comments_only": b"# nothing here\n",
    "too_many_points": b"".join(b"0,0,%d\n" % (i % 2) for i in range(10_001)),
}


def bad_csv(tmp_path, kind):
    if kind == "folder":
        path = tmp_path / "folder.csv"
        path.mkdir()
    elif kind == "missing":
        path = tmp_path / "missing.csv"
    else:
        path = tmp_path / f"{kind}.csv"
        path.write_bytes(BAD_CSV[kind])
    return path


def good_session(window, tmp_path) -> dict:
    assert window.files.save_to(tmp_path / "good.bpviz"), window.files.last_error
    return json.loads((tmp_path / "good.bpviz").read_text(encoding="utf-8"))


def _set(data, keys, value):
    node = data
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value
    return data


# (text of the file, or a change to a good session's JSON) of session files File > Open refuses
BAD_SESSIONS = {
    "empty": "",
    "damaged": "{nope",
    "truncated": '{"format": "bpviz-session", "schema": 2, "playground": {"step": 12',
    "foreign": json.dumps({"name": "something else"}),
    "nan": '{"format": NaN}',
    "deep": "[" * 100_000 + "]" * 100_000,
    "digits": '{"format": "bpviz-session", "schema": ' + "9" * 5000 + "}",
    "schema": json.dumps({"format": "bpviz-session", "schema": 0}),
    "newer": json.dumps({"format": "bpviz-session", "schema": 7, "saved_by": "bpviz 9.0"}),
    "neither": json.dumps({"format": "bpviz-session", "schema": 2}),
    "not_text": b"\x89PNG\r\n\x1a\n\x00\x00",
    "not_utf8": b'{"format": "\xff"}',
    "playground_not_object": lambda d: _set(d, ["playground"], 3),
    "unknown_field": lambda d: _set(d, ["playground", "zz9"], 1),
    "no_config": lambda d: d["playground"].pop("config") and d,
    "layers": lambda d: _set(d, ["playground", "network", "weights"], []),
    "not_lists": lambda d: _set(d, ["playground", "network", "weights"], 3),
    "shapes": lambda d: _set(d, ["playground", "network", "weights", 0], [[1.0, 2.0]]),
    "not_numbers": lambda d: _set(d, ["playground", "network", "biases", 0, 0], "w"),
    "huge_weight": lambda d: _set(d, ["playground", "network", "biases", 0, 0], 10**400),
    "history_lengths": lambda d: _set(d, ["playground", "history", "train_loss"], [0.5] * 99),
    "history_backwards": lambda d: _set(d, ["playground", "history"], {"epochs": [0, 1], "steps": [5, 3],
                                                                       "train_loss": [0.5, 0.4],
                                                                       "test_loss": [0.6, 0.5]}),
    "history_epochs": lambda d: _set(d, ["playground", "history"], {"epochs": [1, 1], "steps": [3, 5],
                                                                    "train_loss": [0.5, 0.4],
                                                                    "test_loss": [0.6, 0.5]}),
    "history_counts": lambda d: _set(d, ["playground", "history", "steps"], [0.5]),
    "history_range": lambda d: _set(d, ["playground", "history", "steps"], [2**60]),
    "history_losses": lambda d: _set(d, ["playground", "history", "test_loss"], ["x"]),
    "history_huge": lambda d: _set(d, ["playground", "history", "test_loss"], [10**400]),
    "step": lambda d: _set(d, ["playground", "step"], -1),  # said by bpviz.engine.checks, the count named here
    "config": lambda d: _set(d, ["playground", "config", "zz9"], 1),  # said by TrainConfig
    "update_biases": lambda d: _set(d, ["example", "update_biases"], 3),
    "example_fields": lambda d: _set(d, ["example", "zz9"], 3),
}


def bad_session(window, tmp_path, kind):
    path = tmp_path / f"{kind}.bpviz"
    if kind == "missing":
        return path
    if kind == "folder":
        path.mkdir()
        return path
    content = BAD_SESSIONS[kind]
    if callable(content):
        content = json.dumps(content(good_session(window, tmp_path)))
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _window(qtbot):
    from bpviz.gui.main_window import MainWindow

    w = MainWindow(QSettings())
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.show_page("playground")
    qtbot.waitUntil(lambda: w.playground.frame is not None, timeout=5000)
    return w


@pytest.fixture
def zh_window(chinese, qtbot):
    return _window(qtbot)


@pytest.fixture
def en_window(qtbot):
    return _window(qtbot)


def message_boxes(window):
    return [w for w in window.findChildren(QMessageBox) if w.isVisible()]


def shown_message(qtbot, window) -> str:
    """The message of the one box open (its details hold the whole text when a long path is elided), which is
    also in the status bar; the box is closed."""
    qtbot.waitUntil(lambda: len(message_boxes(window)) == 1, timeout=2000)
    box = message_boxes(window)[0]
    text = box.detailedText() or box.text()
    assert text == window.files.last_error == window.statusBar().currentMessage()
    box.close()
    qtbot.waitUntil(lambda: not message_boxes(window), timeout=2000)
    return text


# Names that stay in every language: text encodings (UTF-8, UTF-16) and the NUL character.
TECHNICAL = {"utf", "nul"}
QUOTED = re.compile(r"'[^']*'")  # what the file holds, quoted as it is ('abc' where a number belongs)
HEX = re.compile(r"\b0x[0-9a-f]+\b")  # a byte (0xff)


def assert_chinese(text: str, *paths) -> None:
    """No English word in ``text`` once the paths, the quoted contents of the file, bytes and the names of
    encodings are taken out, and some Chinese."""
    for path in sorted(map(str, paths), key=len, reverse=True):
        text = text.replace(path, "")
    plain = HEX.sub("", QUOTED.sub("", text))
    assert CHINESE.search(text) and not [w for w in english_words(plain) if w.lower() not in TECHNICAL], text


# ------------------------------------------------------------------------------------------------ Import data…
@pytest.mark.parametrize("kind", [*BAD_CSV, "folder", "missing"])
def test_a_refused_csv_file_is_said_in_chinese(zh_window, qtbot, tmp_path, kind):
    path = bad_csv(tmp_path, kind)
    assert not zh_window.data_files.import_path(path)
    text = shown_message(qtbot, zh_window)
    assert str(path) in text
    assert_chinese(text, path)


@pytest.mark.parametrize("kind", [*BAD_CSV, "folder", "missing"])
def test_a_refused_csv_file_is_said_in_english_as_the_file_format_says(en_window, qtbot, tmp_path, kind):
    path = bad_csv(tmp_path, kind)
    with pytest.raises(FileError) as refused:
        read_points(path)
    assert not en_window.data_files.import_path(path)
    assert shown_message(qtbot, en_window) == str(refused.value)
    assert str(refused.value).startswith(("Cannot import ", "Cannot open "))


def test_the_english_sentences_of_a_few_files_are_unchanged(en_window, qtbot, tmp_path):
    for kind, sentence in (
            ("bad_number", "line 3 has the text 'abc' where its x2 (a number) belongs"),
            ("missing_column", "line 3 has 2 columns, expected 3 (x1, x2, label)"),
            ("too_many_classes", "line 7 has a 7th class, 'g'; a data set has at most 6 classes (a, b, c, d, e, f)"),
            ("not_utf8", "line 2 is not UTF-8 text (byte 0xff cannot be read); save the file as UTF-8"),
            ("empty", "the file holds no points"),
            ("nan_value", "line 1 has value 'nan'; every value must be a finite number")):
        path = bad_csv(tmp_path, kind)
        assert not en_window.data_files.import_path(path)
        assert shown_message(qtbot, en_window) == f"Cannot import {path}: {sentence}"


def test_an_imported_rescaled_file_and_the_drawing_speak_chinese(zh_window, qtbot, tmp_path):
    page = zh_window.playground
    path = tmp_path / "blobs.csv"
    rng = np.random.default_rng(2)
    path.write_text("x,y,label\n" + "".join(f"{a:.3f},{b:.3f},{k % 2}\n" for k, (a, b) in
                                             enumerate(rng.normal(20, 5, (40, 2)))), encoding="utf-8")
    assert zh_window.data_files.import_path(path)
    assert_chinese(zh_window.statusBar().currentMessage(), path)
    qtbot.waitUntil(lambda: page.frame.config.dataset.is_custom, timeout=5000)
    qtbot.waitUntil(lambda: page.data.panel.note.isVisible(), timeout=5000)
    assert_chinese(page.data.panel.note.text())
    said = []
    page.statusMessage.connect(said.append)
    page.data.panel.set_drawing(True)
    page.data.remove_near(1.4, 1.4)
    page.data.clear()
    page.data.add(np.zeros((10_001, 2)))
    assert len(said) == 4
    for text in said:
        assert_chinese(text)


def test_the_scripts_and_the_datas_refusals_speak_chinese(zh_window, qtbot, tmp_path):
    page = zh_window.playground
    assert not zh_window.data_files.export_data_to(tmp_path / "missing" / "points.csv")
    assert_chinese(shown_message(qtbot, zh_window), tmp_path / "missing" / "points.csv")
    assert not zh_window.data_files.export_script_to(tmp_path / "missing" / "net.py")
    assert_chinese(shown_message(qtbot, zh_window), tmp_path / "missing" / "net.py")
    page.data.clear()
    qtbot.waitUntil(lambda: page.frame.config.dataset.is_custom and not len(page.frame.data.X), timeout=5000)
    assert not zh_window.data_files.export_script_to(tmp_path / "net.py")  # no training points
    assert_chinese(shown_message(qtbot, zh_window), tmp_path / "net.py")


# ------------------------------------------------------------------------------------------------ sessions
@pytest.mark.parametrize("kind", [*BAD_SESSIONS, "folder", "missing"])
def test_a_refused_session_is_said_in_chinese(zh_window, qtbot, tmp_path, kind):
    path = bad_session(zh_window, tmp_path, kind)
    assert not zh_window.files.open_path(path)
    text = shown_message(qtbot, zh_window)
    assert str(path) in text
    assert_chinese(text, path)


@pytest.mark.parametrize("kind", [*BAD_SESSIONS, "folder", "missing"])
def test_a_refused_session_is_said_in_english_as_the_session_format_says(en_window, qtbot, tmp_path, kind):
    from bpviz.session import SessionError, load_session

    path = bad_session(en_window, tmp_path, kind)
    with pytest.raises(SessionError) as refused:
        load_session(path)
    assert not en_window.files.open_path(path)
    assert shown_message(qtbot, en_window) == str(refused.value)
    assert str(refused.value).startswith(f"Cannot open {path}: ")


def test_a_session_that_cannot_be_saved_is_said_in_chinese(zh_window, qtbot, tmp_path):
    target = tmp_path / "no" / "such" / "s.bpviz"
    assert not zh_window.files.save_to(target)
    assert_chinese(shown_message(qtbot, zh_window), target)


# ------------------------------------------------------------------------------------------------ exports
def test_failed_exports_are_said_in_chinese(zh_window, qtbot, tmp_path):
    files = zh_window.files
    (tmp_path / "folder.png").mkdir()
    missing = tmp_path / "missing"
    for export, path in ((lambda p: files.export_to("loss", p), missing / "loss.png"),
                         (lambda p: files.export_to("loss", p), tmp_path / "loss.jpg"),
                         (lambda p: files.export_to("loss", p), tmp_path / "folder.png"),
                         (lambda p: files.export_to("loss", p, (9000, 9000)), tmp_path / "big.png"),
                         (lambda p: files.export_table("loss_csv", p), missing / "loss.csv"),
                         (lambda p: files.export_in_background("loss", p), missing / "curve.svg")):
        assert not export(path)
        assert_chinese(shown_message(qtbot, zh_window), path)
    english = FileError(cannot("write", missing / "x.png", QT_TRANSLATE_NOOP("Files", "the folder does not exist")))
    assert str(english) == f"Cannot write {missing / 'x.png'}: the folder does not exist"


class _Unwritable:
    """A drawn picture whose write fails (the disk filled up while it was encoded)."""

    def __init__(self, path, error):
        self.path, self.error = path, error

    def write(self):
        raise self.error


@pytest.mark.parametrize("error", ["full", "memory"])
def test_the_writer_thread_says_its_failures_in_the_windows_language(chinese, qtbot, tmp_path, error):
    from bpviz.gui.workers.writer import BackgroundWriter

    path = tmp_path / "p.png"
    exc = (FileError(cannot("write", path, QT_TRANSLATE_NOOP("Files", "the disk is full"))) if error == "full"
           else MemoryError())
    writer = BackgroundWriter()
    try:
        with qtbot.waitSignal(writer.failed, timeout=5000) as said:
            writer.write(_Unwritable(path, exc))
    finally:
        writer.shutdown()
    assert str(path) in said.args[0]
    assert_chinese(said.args[0], path)


def test_a_failed_job_is_said_in_the_windows_language(chinese, qtbot):
    from bpviz.gui.workers.jobs import BackgroundJobs

    def job(_progress):
        raise ValueError(QT_TRANSLATE_NOOP("Files", "the file is empty"))

    jobs = BackgroundJobs("bpviz-test-jobs")
    try:
        with qtbot.waitSignal(jobs.failed, timeout=5000) as said:
            jobs.submit(job)
    finally:
        jobs.shutdown()
    assert said.args == ["文件是空的"]


def test_a_failed_job_says_its_english_sentence_in_english(qtbot):
    from bpviz.gui.workers.jobs import BackgroundJobs

    jobs = BackgroundJobs("bpviz-test-jobs")
    try:
        with qtbot.waitSignal(jobs.failed, timeout=5000) as said:
            jobs.submit(lambda _p: (_ for _ in ()).throw(ValueError(QT_TRANSLATE_NOOP("Files", "the file is empty"))))
    finally:
        jobs.shutdown()
    assert said.args == ["the file is empty"]


# ------------------------------------------------------------------------------------------------ compare runs
def test_pinning_one_run_too_many_is_refused_in_chinese(chinese, qtbot, monkeypatch):
    from bpviz.engine.datasets import DatasetSpec
    from bpviz.gui.widgets.plots import runs_table as module
    from bpviz.models.runs import MAX_PINNED, RunsModel
    from bpviz.training import TrainConfig, Trainer
    from bpviz.training.frames import Frame

    BASE = TrainConfig(dataset=DatasetSpec("circle", n_samples=40, noise=0.1, seed=0), hidden=(8, 8), lr=0.03)

    def run_to(model, generation, steps, config):
        """A run of ``generation``: a frame at step 0, then one at ``steps`` (the model keeps the run before)."""
        trainer = Trainer(config)
        for _ in range(2):
            model.take(Frame(generation, trainer.config, trainer.data, trainer.snapshot(), None, 0.0, False))
            trainer.run_steps(steps)

    tips = []

    class Tip:
        @staticmethod
        def showText(_where, text, _widget=None):  # noqa: N802 (Qt's name)
            tips.append(text)

    monkeypatch.setattr(module, "QToolTip", Tip)
    runs = RunsModel()
    configs = [replace(BASE, lr=0.3), replace(BASE, seed=7, activation="relu"), replace(BASE, hidden=()),
               replace(BASE, batch_size=0, regularization="l2", reg_rate=0.01), BASE,
               replace(BASE, dataset=replace(BASE.dataset, noise=0.3, seed=3)), replace(BASE, lr=0.1)]
    for generation, config in enumerate(configs, start=1):
        run_to(runs, generation, 10, config)  # keeps the run before
        if runs.earlier and sum(r.pinned for r in runs.earlier) < MAX_PINNED:
            runs.set_pinned(runs.earlier[-1].number, True)
    assert len(runs.earlier) == MAX_PINNED + 1 and not runs.earlier[-1].pinned
    table = module.RunsTable(runs)
    qtbot.addWidget(table)
    table.set_pinned(runs.earlier[-1].number, True)
    assert len(tips) == 1
    assert_chinese(tips[0])
    for row in table.row_texts()[1:]:  # the automatic names of the runs
        assert not english_words(row[0]), row
