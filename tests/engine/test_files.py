"""bpviz.files without Qt: every way a write or a read can fail is one FileError naming the file, and a failed
write leaves nothing behind (no temporary file either). The tests run as root, where permissions stop nothing:
real errors come from names and places no one can write (a file as a folder, /proc, /sys, a NUL character)."""

import errno
import os
import stat

import pytest

from bpviz.files import MAX_READ_BYTES, FileError, atomic_write, decode_json, read_text, write_text


def assert_nothing_left(folder, expected=()):
    assert sorted(os.listdir(folder)) == sorted(expected)


# ------------------------------------------------------------------------------------------------ writing
def test_a_name_too_long_is_a_sentence(tmp_path):
    target = tmp_path / ("n" * 300 + ".csv")  # ENAMETOOLONG (was an OSError from Path.is_dir)
    with pytest.raises(FileError) as info:
        write_text(target, "a\n")
    assert str(info.value) == f"Cannot write {target}: the name is too long"
    assert_nothing_left(tmp_path)


def test_a_long_name_the_system_takes_is_written(tmp_path):
    target = tmp_path / ("n" * 246 + ".csv")  # 250 characters: allowed (the temporary name was too long)
    assert write_text(target, "a\n") == target
    assert target.read_text() == "a\n"
    assert_nothing_left(tmp_path, [target.name])


@pytest.mark.parametrize("where,problem", [
    ("missing", "the folder does not exist"),
    ("file as folder", "a part of the path is not a folder"),  # ENOTDIR
    ("nul", "a file name cannot hold a NUL character"),
    ("empty", "its name is empty"),
    ("existing folder", "it is a folder"),
    ("unknown user", "the folder does not exist"),  # ~nobody-here/x: was RuntimeError from expanduser
])
def test_places_no_one_can_write(tmp_path, where, problem):
    (tmp_path / "plain.txt").write_text("x")
    (tmp_path / "folder.csv").mkdir()
    target = {
        "missing": tmp_path / "no such folder" / "x.csv",
        "file as folder": tmp_path / "plain.txt" / "x.csv",
        "nul": str(tmp_path / "x\0y.csv"),
        "empty": "",
        "existing folder": tmp_path / "folder.csv",
        "unknown user": "~bpviz-no-such-user/x.csv",
    }[where]
    with pytest.raises(FileError) as info:
        write_text(target, "a\n")
    message = str(info.value)
    assert message.startswith("Cannot write ") and message.endswith(problem) and "\n" not in message
    assert_nothing_left(tmp_path, ["plain.txt", "folder.csv"])
    assert os.listdir(tmp_path / "folder.csv") == []


@pytest.mark.parametrize("folder,problem", [
    ("/proc", "files cannot be created in this folder"),  # ENOENT in a folder that exists
    ("/sys", "permission denied"),  # EACCES, even for root
])
def test_system_folders_refuse_in_words(folder, problem):
    if not os.path.isdir(folder):
        pytest.skip(f"no {folder} here")
    with pytest.raises(FileError, match=problem) as info:
        write_text(os.path.join(folder, "bpviz-test.csv"), "a\n")
    assert str(info.value).startswith(f"Cannot write {folder}/bpviz-test.csv: ")
    assert not os.path.exists(os.path.join(folder, "bpviz-test.csv"))


def full_disk(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("step", ["write", "fsync", "chmod", "replace"])
def test_a_full_disk_at_any_step_keeps_the_old_file_whole(tmp_path, monkeypatch, step):
    target = tmp_path / "table.csv"
    target.write_text("old\n")

    def write(tmp):
        with open(tmp, "w") as f:
            f.write("new, half")
            if step == "write":
                full_disk()

    if step != "write":
        monkeypatch.setattr(f"bpviz.files.os.{step}", full_disk)
    with pytest.raises(FileError) as info:
        atomic_write(target, write)
    assert str(info.value) == f"Cannot write {target}: the disk is full"
    assert target.read_text() == "old\n"
    assert_nothing_left(tmp_path, ["table.csv"])


def test_a_writer_that_writes_nothing_or_fails_otherwise_leaves_nothing(tmp_path):
    with pytest.raises(FileError, match="nothing was written"):
        atomic_write(tmp_path / "x.bin", lambda tmp: None)
    with pytest.raises(ZeroDivisionError):  # not a file problem: it goes on up, but the temporary file goes
        atomic_write(tmp_path / "x.bin", lambda tmp: open(tmp, "w").write("x") / 0)
    assert_nothing_left(tmp_path)


# ------------------------------------------------------------------------------------------------ reading
@pytest.mark.parametrize("kind,problem", [
    ("missing", "the file does not exist"),
    ("folder", "it is a folder"),
    ("long name", "the name is too long"),
    ("file as folder", "a part of the path is not a folder"),
    ("nul", "a file name cannot hold a NUL character"),
    ("binary", "it is not a text file"),
    ("latin-1", "it is not UTF-8 text (an unreadable byte at position 12)"),
    ("utf-8 with NUL", "it is not a text file"),
    ("fifo", "it is not a regular file"),  # would block for ever in open()
    ("device", "it is not a regular file"),  # /dev/zero: would never end
])
def test_reading_fails_in_words(tmp_path, kind, problem):
    (tmp_path / "plain.txt").write_text("x")
    path = {
        "missing": tmp_path / "gone.bpviz",
        "folder": tmp_path,
        "long name": tmp_path / ("n" * 300),
        "file as folder": tmp_path / "plain.txt" / "x",
        "nul": str(tmp_path / "a\0b"),
        "binary": tmp_path / "b.bin",
        "latin-1": tmp_path / "l.txt",
        "utf-8 with NUL": tmp_path / "z.txt",
        "fifo": tmp_path / "pipe",
        "device": "/dev/zero",
    }[kind]
    if kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff")
    elif kind == "latin-1":
        path.write_bytes("{\"name\": \"Zoë\"}".encode("latin-1"))
    elif kind == "utf-8 with NUL":
        path.write_bytes(b"{}\x00")
    elif kind == "fifo":
        os.mkfifo(path)
    with pytest.raises(FileError) as info:
        read_text(path)
    message = str(info.value)
    assert message.startswith("Cannot open ") and message.endswith(problem) and "\n" not in message


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.bpviz"
    with open(path, "wb") as f:
        f.truncate(MAX_READ_BYTES + 1)  # sparse: takes no disk
    monkeypatch.setattr("bpviz.files.open", lambda *a, **k: pytest.fail("the file was opened"), raising=False)
    with pytest.raises(FileError, match=r"the file is too large \(67,108,865 bytes; at most 67,108,864\)"):
        read_text(path)


def test_the_limit_also_stops_a_file_larger_than_it_says(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text("x" * 100)
    assert read_text(path, limit=100) == "x" * 100
    with pytest.raises(FileError, match=r"too large \(100 bytes; at most 99\)"):
        read_text(path, limit=99)
    if not os.path.exists("/proc/self/status"):
        pytest.skip("no /proc here")
    assert os.stat("/proc/self/status").st_size == 0  # says 0 bytes, holds more: the read itself stops
    with pytest.raises(FileError, match="more than 99 bytes"):
        read_text("/proc/self/status", limit=99)


def test_a_written_file_reads_back_and_has_the_usual_permissions(tmp_path):
    path = write_text(tmp_path / "t.txt", "zoë\n")
    assert read_text(path) == "zoë\n"
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


# ------------------------------------------------------------------------------------------------ JSON
@pytest.mark.parametrize("text,problem", [
    ("", "the file is empty"),
    (" \n\t", "the file is empty"),
    ("[" * 100_000, "nested too deeply"),  # was RecursionError
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("{\"a\": NaN}", "it holds NaN"),  # Python's json takes these; JSON does not
    ("[Infinity]", "it holds Infinity"),
    ("[-Infinity]", "it holds -Infinity"),
    ("[1" + "0" * 5000 + "]", "a number with too many digits"),  # was ValueError (int max str digits)
    ("{\"a\" 1}", "damaged (not valid JSON at line 1, column 6)"),
    ("{\"a\": 1}}", "damaged"),
    ("\x00", "damaged"),
])
def test_json_that_cannot_be_read_is_a_sentence(text, problem):
    with pytest.raises(ValueError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        decode_json(text)


def test_every_cut_of_a_json_text_is_called_incomplete():
    text = '{"a": [1, -2.5e-3, true, false, null, "x\\"y"], "b": {"c": 0.125, "d": []}}'
    assert decode_json(text)["b"]["c"] == 0.125
    for cut in range(1, len(text)):
        if text[:cut].strip():
            with pytest.raises(ValueError, match="incomplete"):
                decode_json(text[:cut])
