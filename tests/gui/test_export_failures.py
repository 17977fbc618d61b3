"""Exports that cannot be made: a wrong name or size, a missing or read-only folder, a write that fails midway.
Each gives a sentence (FileError) and leaves no file, not even half of one."""

import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from bpviz.files import FileError, write_text
from bpviz.gui.export.pictures import export_picture


@pytest.fixture
def label(qtbot):
    w = QLabel("a small picture")
    qtbot.addWidget(w)
    w.resize(200, 60)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_wrong_extension_is_refused_and_writes_nothing(label, tmp_path):
    for name in ("picture.jpg", "picture", "picture.svg.txt"):
        with pytest.raises(FileError, match=r"choose a \.png or \.svg file name") as info:
            export_picture(label, tmp_path / name)
        assert str(tmp_path / name) in str(info.value)
    assert os.listdir(tmp_path) == []
    export_picture(label, tmp_path / "UPPER.PNG")  # the extension in any case
    assert os.listdir(tmp_path) == ["UPPER.PNG"]


def test_missing_folder_and_folder_as_file_name(label, tmp_path):
    target = tmp_path / "no such folder" / "x.png"
    with pytest.raises(FileError, match="the folder does not exist") as info:
        export_picture(label, target)
    assert str(target) in str(info.value) and not target.parent.exists()
    folder = tmp_path / "pictures.svg"
    folder.mkdir()
    with pytest.raises(FileError, match="it is a folder") as info:
        export_picture(label, folder)
    assert str(folder) in str(info.value)
    assert os.listdir(folder) == [] and os.listdir(tmp_path) == ["pictures.svg"]


def test_a_write_that_fails_midway_leaves_nothing(label, tmp_path, monkeypatch):
    def full_disk(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("bpviz.files.os.replace", full_disk)
    for name in ("x.png", "x.svg"):
        with pytest.raises(FileError, match="the disk is full") as info:
            export_picture(label, tmp_path / name)
        assert str(tmp_path / name) in str(info.value)
    assert os.listdir(tmp_path) == []


def test_an_old_file_is_replaced_whole(label, tmp_path):
    path = tmp_path / "p.png"
    path.write_bytes(b"old")
    export_picture(label, path)
    assert not QImage(str(path)).isNull()
    assert oct(path.stat().st_mode & 0o777) == oct(0o666 & ~_umask())  # readable like any file the user saves


def _umask():
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_sizes_that_make_no_picture(label, tmp_path):
    with pytest.raises(FileError, match="too large") as info:
        export_picture(label, tmp_path / "huge.png", (200_000, 100_000))
    assert str(tmp_path / "huge.png") in str(info.value)
    for bad in ((0, 10), (10, -1), (10.5, 10), ("10", 10), (10,), (True, 5), 7):
        with pytest.raises(ValueError):
            export_picture(label, tmp_path / "bad.png", bad)
    with pytest.raises(TypeError):
        export_picture(object(), tmp_path / "x.png")
    assert os.listdir(tmp_path) == []


READ_ONLY_CHILD = textwrap.dedent(r"""
    import json, os, sys
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    from bpviz.files import FileError, atomic_write, write_text
    from bpviz.gui.export.pictures import export_picture
    label = QLabel("read-only"); label.resize(120, 40)
    folder = sys.argv[1]
    for warm in ("warm.png", "warm.svg"):  # every lazy import and font done while still root (~root is private)
        os.remove(export_picture(label, warm))
    try:
        os.setgroups([]); os.setgid(65534); os.setuid(65534)
    except OSError as exc:
        print(json.dumps({"skip": f"cannot drop privileges: {exc}"})); sys.exit(0)

    def raw(tmp):
        with open(tmp, "wb") as f:
            f.write(b"data")

    calls = {
        "png": lambda: export_picture(label, os.path.join(folder, "x.png")),
        "svg": lambda: export_picture(label, os.path.join(folder, "x.svg"), (240, 80)),
        "text": lambda: write_text(os.path.join(folder, "x.csv"), "a,b\n"),
        "atomic": lambda: atomic_write(os.path.join(folder, "x.bin"), raw),
    }
    out = {}
    for name, call in calls.items():
        try:
            call()
            out[name] = "written"
        except FileError as exc:
            out[name] = str(exc)
    print(json.dumps(out))
""")


def test_a_read_only_folder_gives_a_sentence_and_leaves_nothing():
    """Root writes anywhere, so the writes run in a child process that has dropped to nobody (65534)."""
    base = tempfile.mkdtemp(prefix="bpviz-ro-")
    try:
        os.chmod(base, 0o755)
        folder = os.path.join(base, "read-only")
        os.mkdir(folder)
        os.chmod(folder, 0o555)
        if os.geteuid() != 0:
            pytest.skip("not root: covered by test_a_read_only_folder_without_root")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        done = subprocess.run([sys.executable, "-c", READ_ONLY_CHILD, folder], capture_output=True, text=True,
                              env=env, cwd=base, timeout=120)
        assert done.returncode == 0, done.stderr
        result = json.loads(done.stdout.strip().splitlines()[-1])
        if "skip" in result:
            pytest.skip(result["skip"])
        for name, ext in (("png", "png"), ("svg", "svg"), ("text", "csv"), ("atomic", "bin")):
            message = result[name]
            assert message == f"Cannot write {os.path.join(folder, 'x.' + ext)}: permission denied", name
        assert os.listdir(folder) == []
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_a_read_only_folder_without_root(label, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores the folder's permissions: see test_a_read_only_folder_gives_a_sentence...")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(FileError, match="permission denied"):
            export_picture(label, folder / "x.png")
        with pytest.raises(FileError, match="permission denied"):
            write_text(folder / "x.csv", "a\n")
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("name,problem", [
    ("n" * 300 + ".png", "the name is too long"),  # was OSError (ENAMETOOLONG) from Path.is_dir
    ("x\0y.svg", "a file name cannot hold a NUL character"),  # was ValueError
    ("plain.txt/x.png", "a part of the path is not a folder"),  # ENOTDIR: root cannot write there either
])
def test_names_no_system_takes_give_a_sentence_and_leave_nothing(label, tmp_path, name, problem):
    (tmp_path / "plain.txt").write_text("x")
    with pytest.raises(FileError) as info:
        export_picture(label, str(tmp_path / name))
    assert str(info.value).endswith(problem) and "\n" not in str(info.value)
    assert os.listdir(tmp_path) == ["plain.txt"]


def test_the_longest_name_the_system_takes_is_exported(label, tmp_path):
    path = tmp_path / ("n" * 251 + ".png")  # 255 bytes: the temporary file's name was longer and failed
    assert export_picture(label, path) == path and not QImage(str(path)).isNull()
    assert os.listdir(tmp_path) == [path.name]
