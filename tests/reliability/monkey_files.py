"""Odd answers to the file dialogs: the places a careless user saves to and the files they open.

``OddFiles.patch()`` replaces QFileDialog's static helpers (getSaveFileName, getOpenFileName,
getOpenFileNames, getExistingDirectory), so every Open/Save/Export of the real menus gets one of these answers,
picked by the running action's random generator and noted with the action:

- saving: cancelled (''), a good path, a 300-character file name, a path longer than PATH_MAX, a file in a
  missing folder, a file under a FILE (not a folder), a path under /proc (the tests run as root, where a
  read-only folder does not stop writes: /proc does), an existing directory, a unicode name, no suffix;
- opening: cancelled, a session the run saved, corrupt and truncated JSON, JSON nested 100,000 deep, a 70 MB
  file, a foreign JSON object, a JSON list, an empty file, a binary file, a missing file, a directory, and
  copies of a good session with one field made wrong (booleans as weights, a history step of 1e30, a seed of
  2**40, a batch size of 10**30, NaN and infinite numbers, text where numbers belong, a newer format).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

DEEP = 100_000
HUGE_FILE_MB = 70
SESSION_SUFFIX = ".bpviz"


def suffix_of(name_filter: str, default: str = SESSION_SUFFIX) -> str:
    """'PNG image (*.png);;All files (*)' → '.png'."""
    match = re.search(r"\*(\.[\w.]+)", name_filter or "")
    return match.group(1) if match else default


def _mutate(data, key_pattern: str, new_value):
    """A copy of ``data`` where every value under a key matching ``key_pattern`` is ``new_value`` (a callable
    gets the old value)."""
    if isinstance(data, dict):
        return {k: (new_value(v) if callable(new_value) else new_value) if re.fullmatch(key_pattern, k)
                else _mutate(v, key_pattern, new_value) for k, v in data.items()}
    if isinstance(data, list):
        return [_mutate(v, key_pattern, new_value) for v in data]
    return data


def _replace_numbers(value, new):
    if isinstance(value, list):
        return [_replace_numbers(v, new) for v in value]
    return new if isinstance(value, (int, float)) and not isinstance(value, bool) else value


SESSION_MUTANTS = {  # name → (key pattern, new value or function of the old one)
    "booleans as weights": ("weights", lambda v: _replace_numbers(v, True)),
    "text as weights": ("weights", lambda v: _replace_numbers(v, "0.5")),
    "history step 1e30": ("steps", lambda v: _replace_numbers(v, 1e30) or [1e30]),
    "history step 10**30": ("steps", lambda v: _replace_numbers(v, 10**30) or [10**30]),
    "seed 2**40": (r"\w*seed\w*", 2**40),
    "batch size 10**30": (r"batch\w*", 10**30),
    "learning rate NaN": (r"(lr|learning_rate)", math.nan),
    "learning rate -Infinity": (r"(lr|learning_rate)", -math.inf),
    "step -1": ("step", -1),
    "null config": ("config", None),
    "newer format": ("schema", 999),
}


class OddFiles:
    def __init__(self, folder: Path, recorder, rng_source):
        """``rng_source()`` gives the running action's random generator; answers are noted on ``recorder``."""
        self.folder = Path(folder)
        self.recorder = recorder
        self.rng_source = rng_source
        self.saved_sessions: list[Path] = []  # good sessions this run saved (answers for Open)
        self.template: Path | None = None  # a good session, for the mutants
        self._inputs = self.folder / "inputs"
        self._inputs.mkdir(parents=True, exist_ok=True)
        (self.folder / "saved").mkdir(exist_ok=True)
        (self.folder / "a-file").write_text("a file, not a folder\n")
        self.big_file = self._inputs / "huge-70MB.bpviz"
        self._forced_save: str | None = None
        self._write_inputs()

    # ------------------------------------------------------------------ saving
    def save_answers(self, suffix: str) -> dict[str, str]:
        saved = self.folder / "saved"
        return {
            "cancelled": "",
            "a good path": str(saved / f"good{suffix}"),
            "a good path (another)": str(saved / f"run-2{suffix}"),
            "a 300-character file name": str(self.folder / ("n" * 300 + suffix)),
            "a path longer than PATH_MAX": str(self.folder.joinpath(*["d" * 250] * 20, f"file{suffix}")),
            "a file in a missing folder": str(self.folder / "no-such-folder" / "deeper" / f"file{suffix}"),
            "a file under a file": str(self.folder / "a-file" / f"file{suffix}"),
            "a path under /proc": f"/proc/bpviz-monkey/file{suffix}",
            "an existing directory": str(self._directory(f"existing-dir{suffix}")),
            "a unicode name": str(saved / f"séance ✓ 会话 🙂{suffix}"),
            "no suffix": str(saved / "no-suffix"),
            "a name with a line break": str(saved / f"line\nbreak{suffix}"),
        }

    def force_next_save(self, path: Path) -> None:
        """The next save dialog answers ``path`` (the set-up saves the template session this way)."""
        self._forced_save = str(path)

    def save_answer(self, suffix: str) -> str:
        if self._forced_save is not None:
            answer, self._forced_save = self._forced_save, None
            return answer
        answers = self.save_answers(suffix)
        label = self.rng_source().choice(sorted(answers))
        self.recorder.note(f"save dialog answered {label}")
        if label.startswith("a good path") and suffix == SESSION_SUFFIX:
            self.saved_sessions.append(Path(answers[label]))
        return answers[label]

    def _directory(self, name: str) -> Path:
        path = self.folder / name
        path.mkdir(exist_ok=True)
        return path

    # ------------------------------------------------------------------ opening
    def open_answers(self) -> dict[str, str]:
        answers = {p.stem.replace("-", " "): str(p) for p in sorted(self._inputs.iterdir())}
        answers["cancelled"] = ""
        answers["a missing file"] = str(self.folder / "does-not-exist.bpviz")
        answers["a directory"] = str(self._directory("existing-dir.bpviz"))
        existing = [p for p in self.saved_sessions if p.exists()]
        if existing:
            answers["a session saved by this run"] = str(existing[-1])
        return answers

    def open_answer(self) -> str:
        answers = self.open_answers()
        label = self.rng_source().choice(sorted(answers))
        self.recorder.note(f"open dialog answered {label}")
        return answers[label]

    def directory_answer(self) -> str:
        answers = {"cancelled": "", "a good folder": str(self._directory("exports")),
                   "a missing folder": str(self.folder / "no-such-folder"),
                   "a file": str(self.folder / "a-file"), "/proc": "/proc"}
        label = self.rng_source().choice(sorted(answers))
        self.recorder.note(f"folder dialog answered {label}")
        return answers[label]

    def use_template(self, path: Path) -> None:
        """A good session saved through the app: the mutants are copies of it with one field made wrong."""
        self.template = Path(path)
        data = json.loads(self.template.read_text(encoding="utf-8"))
        for name, (key, value) in SESSION_MUTANTS.items():
            text = json.dumps(_mutate(data, key, value))  # NaN and Infinity as JSON's common extension
            (self._inputs / f"session-{name.replace(' ', '-')}.bpviz").write_text(text, encoding="utf-8")
        self.saved_sessions.append(self.template)

    def _write_inputs(self) -> None:
        header = '{"format": "bpviz-session", "schema": 1, '
        files = {
            "corrupt-json": header + '"playground": {"config": {"dataset": "xor", ',
            "deeply-nested-json": "[" * DEEP + "]" * DEEP,
            "deeply-nested-session": header + '"playground": ' + "[" * DEEP + "]" * DEEP + "}",
            "foreign-json-object": '{"name": "not a session", "values": [1, 2, 3]}',
            "json-list": "[1, 2, 3]",
            "empty-file": "",
        }
        for name, text in files.items():
            (self._inputs / f"{name}.bpviz").write_text(text, encoding="utf-8")
        (self._inputs / "binary-file.bpviz").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
        (self._inputs / "utf16-text.bpviz").write_bytes(header.encode("utf-16"))
        with open(self.big_file, "w", encoding="ascii") as f:  # valid JSON: a session with 70 MB of padding
            f.write(header + '"padding": "')
            f.writelines("x" * 2**20 for _ in range(HUGE_FILE_MB))
            f.write('"}')

    def remove_big_file(self) -> None:
        self.big_file.unlink(missing_ok=True)

    # ------------------------------------------------------------------ the dialogs
    def patch(self) -> None:
        def get_save_file_name(*args, **kwargs):
            name_filter = kwargs.get("filter", args[3] if len(args) > 3 else "")
            return self.save_answer(suffix_of(name_filter)), ""

        def get_open_file_name(*args, **kwargs):
            return self.open_answer(), ""

        def get_open_file_names(*args, **kwargs):
            answer = self.open_answer()
            return ([answer] if answer else []), ""

        QFileDialog.getSaveFileName = staticmethod(get_save_file_name)
        QFileDialog.getOpenFileName = staticmethod(get_open_file_name)
        QFileDialog.getOpenFileNames = staticmethod(get_open_file_names)
        QFileDialog.getExistingDirectory = staticmethod(lambda *args, **kwargs: self.directory_answer())
