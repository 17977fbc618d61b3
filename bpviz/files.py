"""Reading and writing files safely: nothing half-written is ever left behind, and failures read as one sentence.

Every file bpviz writes (sessions, exports) goes to a temporary file in the target's directory, is flushed to
disk, then renamed over the target in one step: a full disk, a crash or an unwritable place leaves either the
old file or nothing. Every file it reads is checked before it is read (a regular file, not larger than the
limit) and read with that limit, so a device or a file that grows meanwhile cannot fill the memory.

JSON text (sessions) is decoded by ``decode_json``, which turns every way a text can fail to be JSON (cut off,
nested too deeply for Python's recursive decoder, NaN literals, huge integers) into a sentence too.

Whatever the operating system says (a name too long, a missing folder, no permission, a full disk, a folder
where a file was expected, a name with a NUL character), the caller gets one ``FileError`` naming the file and
the problem in words, never an ``OSError``: the checks that look at the target (``stat``, ``is_dir``) can fail
too and are inside the same net. No Qt here: the CLI and the window share it.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from bpviz.engine.checks import show
from bpviz.engine.phrases import QT_TRANSLATE_NOOP, Phrase, phrase_of

MAX_READ_BYTES = 64 * 1024 * 1024  # a file bpviz reads is never larger: sessions and --params are far smaller
_TEMP_STEM_CHARS = 32  # of the target's name in the temporary file's name (a long name must still fit)


def _default_mode() -> int:
    mask = os.umask(0)  # read the umask (there is no other way), then put it back
    os.umask(mask)
    return 0o666 & ~mask


_MODE = _default_mode()  # what open() would give a new file


class FileError(Exception):
    """A file could not be written or read; the message names the file and says why, in words (a Phrase: the
    window shows it in its own language, bpviz.engine.phrases)."""


# The problems, said once each: the window translates them (bpviz.engine.phrases).
IS_A_FOLDER = QT_TRANSLATE_NOOP("Files", "it is a folder")
NO_FOLDER = QT_TRANSLATE_NOOP("Files", "the folder does not exist")
NOT_A_FOLDER = QT_TRANSLATE_NOOP("Files", "a part of the path is not a folder")
NOT_TEXT = QT_TRANSLATE_NOOP("Files", "it is not a text file")
NOT_A_FILE_NAME = QT_TRANSLATE_NOOP("Files", "not a valid file name")
_REASONS = {
    errno.EACCES: QT_TRANSLATE_NOOP("Files", "permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("Files", "permission denied"),
    errno.EROFS: QT_TRANSLATE_NOOP("Files", "the file system is read-only"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("Files", "the disk is full"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("Files", "the disk quota is exceeded"),
    errno.EFBIG: QT_TRANSLATE_NOOP("Files", "the file is too large for this file system"),
    errno.ENOENT: NO_FOLDER,
    errno.ENOTDIR: NOT_A_FOLDER,
    errno.EISDIR: IS_A_FOLDER,
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("Files", "the name is too long"),
    errno.EINVAL: QT_TRANSLATE_NOOP("Files", "the name is not valid here"),
    errno.ELOOP: QT_TRANSLATE_NOOP("Files", "the path has too many symbolic links"),
    errno.EIO: QT_TRANSLATE_NOOP("Files", "the device reported an input/output error"),
}


def reason(exc: OSError) -> str:
    """An OSError in words (a phrase; the system's own words, in English, for a rarer error)."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]


def cannot(verb: str, path, problem) -> Phrase:
    """"Cannot open PATH: PROBLEM" or "Cannot write PATH: PROBLEM" (``verb``), a phrase (``problem`` may be one)."""
    template = (QT_TRANSLATE_NOOP("Files", "Cannot open {path}: {problem}") if verb == "open"
                else QT_TRANSLATE_NOOP("Files", "Cannot write {path}: {problem}"))
    return template.format(path=path, problem=problem)


def file_path(path, verb: str = "write") -> Path:
    """``path`` as a Path, ``~`` expanded (``~nobody/x``, an unknown user, is the folder ``~nobody`` in the current
    folder, as a shell leaves it, not a RuntimeError); FileError when no file system could hold the name (empty,
    NUL)."""
    text = os.fspath(path) if isinstance(path, (str, os.PathLike)) else None
    if not isinstance(text, str):
        raise FileError(cannot(verb, show(path), QT_TRANSLATE_NOOP("Files", "not a file name")))
    if not text:
        raise FileError(QT_TRANSLATE_NOOP("Files", "Cannot open the file: its name is empty") if verb == "open"
                        else QT_TRANSLATE_NOOP("Files", "Cannot write the file: its name is empty"))
    if "\0" in text:  # no file system takes it (and Python raises ValueError, not OSError)
        shown = text.replace("\0", "\\0")
        raise FileError(cannot(verb, shown, QT_TRANSLATE_NOOP("Files", "a file name cannot hold a NUL character")))
    target = Path(text)
    try:
        return target.expanduser()
    except RuntimeError:  # ~someone who does not exist: the name as typed, made absolute so none expands it again
        try:
            return Path.cwd() / target
        except OSError as exc:
            raise FileError(cannot(verb, text, reason(exc))) from None


def _is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder; raises OSError only for a problem worth saying (a name too long)."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False


def writable_target(path) -> Path:
    """``path`` as a file to write, checked before any work goes into making it (a big picture takes a second to
    draw): a valid name, not a folder, in a folder that exists. FileError in words otherwise. The write itself
    can still fail (a full disk, a folder that takes no files): ``atomic_write`` says so then."""
    target = file_path(path, "write")
    if not target.name:
        raise FileError(cannot("write", path, NOT_A_FILE_NAME))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        if _is_dir(target):
            raise FileError(cannot("write", target, IS_A_FOLDER))
        if not os.path.exists(folder):
            raise FileError(cannot("write", target, NO_FOLDER))
        if not _is_dir(folder):
            raise FileError(cannot("write", target, NOT_A_FOLDER))
    except OSError as exc:
        raise FileError(cannot("write", target, _write_reason(exc, folder))) from None
    return target


def atomic_write(path, write: Callable[[str], None], suffix: str = "") -> Path:
    """Create ``path`` through ``write(temporary_path)``, then rename it into place.

    ``write`` must create the file at the path it is given (``suffix`` lets writers that choose a format by
    extension see the right one). Any failure raises FileError naming ``path``; the temporary file is removed.
    """
    target = file_path(path, "write")
    if not target.name:
        raise FileError(cannot("write", path, NOT_A_FILE_NAME))
    folder = target.parent if str(target.parent) else Path(".")
    tmp = None
    try:
        if _is_dir(target):
            raise FileError(cannot("write", target, IS_A_FOLDER))
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:_TEMP_STEM_CHARS]}.", suffix=suffix + ".part",
                                   dir=folder)
        os.close(fd)
        write(tmp)
        if not os.path.exists(tmp) or os.path.getsize(tmp) == 0:
            raise FileError(cannot("write", target, QT_TRANSLATE_NOOP("Files", "nothing was written")))
        with open(tmp, "rb+") as f:  # on disk before the rename, so a crash cannot leave a truncated file
            os.fsync(f.fileno())
        # mkstemp makes the file private; give it the permissions the file it replaces had, or a new file's
        try:
            mode = os.stat(target).st_mode & 0o777
        except FileNotFoundError:
            mode = _MODE
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except FileError:
        _remove(tmp)
        raise
    except OSError as exc:
        _remove(tmp)
        raise FileError(cannot("write", target, _write_reason(exc, folder))) from None
    except BaseException:
        _remove(tmp)
        raise
    return target


def _write_reason(exc: OSError, folder: Path) -> str:
    """ENOENT on creating a file in a folder that exists (/proc) means the folder takes no new files."""
    if exc.errno == errno.ENOENT:
        try:
            if _is_dir(folder):
                return QT_TRANSLATE_NOOP("Files", "files cannot be created in this folder")
        except OSError:
            pass
    return reason(exc)


def write_text(path, text: str) -> Path:
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write(text)

    suffix = Path(path).suffix if isinstance(path, (str, os.PathLike)) and "\0" not in os.fspath(path) else ""
    return atomic_write(path, write, suffix=suffix[:_TEMP_STEM_CHARS])


def read_text(path, limit: int = MAX_READ_BYTES) -> str:
    """A UTF-8 text file's contents; FileError naming the file if it cannot be read, is not a regular file, is
    not text or is larger than ``limit`` bytes (checked before reading, and the read stops there)."""
    p = file_path(path, "open")
    try:
        info = os.stat(p)
        if stat.S_ISDIR(info.st_mode):
            raise FileError(cannot("open", p, IS_A_FOLDER))
        if not stat.S_ISREG(info.st_mode):  # a pipe would block, a device never end
            raise FileError(cannot("open", p, QT_TRANSLATE_NOOP("Files", "it is not a regular file")))
        if info.st_size > limit:
            raise FileError(cannot("open", p, QT_TRANSLATE_NOOP(
                "Files", "the file is too large ({size:,} bytes; at most {limit:,})").format(size=info.st_size,
                                                                                           limit=limit)))
        with open(p, "rb") as f:
            data = f.read(limit + 1)
    except FileNotFoundError:
        raise FileError(cannot("open", p, QT_TRANSLATE_NOOP("Files", "the file does not exist"))) from None
    except OSError as exc:
        raise FileError(cannot("open", p, reason(exc))) from None
    if len(data) > limit:
        raise FileError(cannot("open", p, QT_TRANSLATE_NOOP("Files", "the file is too large (more than {limit:,} "
                                                                      "bytes)").format(limit=limit)))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problem = NOT_TEXT if b"\0" in data[:65536] else QT_TRANSLATE_NOOP(
            "Files", "it is not UTF-8 text (an unreadable byte at position {position:,})").format(position=exc.start)
        raise FileError(cannot("open", p, problem)) from None
    if "\0" in text:
        raise FileError(cannot("open", p, NOT_TEXT))
    return text


class _NotANumber(ValueError):
    pass


def _refuse_constant(name: str):
    raise _NotANumber(QT_TRANSLATE_NOOP("Files", "it holds {name}, which is not a number a bpviz file may hold")
                      .format(name=name))


_LITERALS = ("true", "false", "null", "NaN", "Infinity", "-Infinity")
_PARTIAL_NUMBER = re.compile(r"-?[0-9]*\.?[0-9]*(?:[eE][-+]?)?[0-9]*")


def decode_json(text: str):
    """The JSON value of ``text``; ValueError with a sentence for every way it can fail: empty, damaged,
    cut off, nested too deeply (Python's decoder recurses), NaN or Infinity (which Python's json accepts and
    JSON does not), an integer of more than 4,300 digits."""
    if not text.strip():
        raise ValueError(QT_TRANSLATE_NOOP("Files", "the file is empty"))
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise ValueError(QT_TRANSLATE_NOOP("Files", "it is nested too deeply")) from None
    except json.JSONDecodeError as exc:
        if _cut_off(text, exc):
            raise ValueError(QT_TRANSLATE_NOOP("Files", "the file is incomplete (it ends too early)")) from None
        raise ValueError(QT_TRANSLATE_NOOP("Files", "the file is damaged (not valid JSON at line {line}, column "
                                                    "{column})").format(line=exc.lineno, column=exc.colno)) from None
    except _NotANumber as exc:
        raise ValueError(phrase_of(exc)) from None
    except ValueError:  # int() refuses more than sys.get_int_max_str_digits() digits
        raise ValueError(QT_TRANSLATE_NOOP("Files", "it holds a number with too many digits")) from None


def _cut_off(text: str, exc: json.JSONDecodeError) -> bool:
    """The decoder stopped at the end of the text, or inside the last string, word or number: a truncated file
    (this looks at the end only: a 60 MB file is judged at once)."""
    if exc.msg.startswith("Unterminated string"):
        return True
    tail = text[exc.pos:].rstrip()
    return not tail or len(tail) < 12 and (any(word.startswith(tail) for word in _LITERALS)
                                           or _PARTIAL_NUMBER.fullmatch(tail) is not None)


def _remove(tmp: str | None) -> None:
    if tmp is None:
        return
    try:
        os.remove(tmp)
    except OSError:
        pass
