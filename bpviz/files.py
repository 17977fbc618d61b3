"""Writing files safely: nothing half-written is ever left behind, and failures read as one sentence.

Every file bpviz writes (sessions, exports) goes to a temporary file in the target's directory, is flushed to
disk, then renamed over the target in one step: a full disk, a crash or an unwritable place leaves either the
old file or nothing. No Qt here: the CLI and the window share it.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def _default_mode() -> int:
    mask = os.umask(0)  # read the umask (there is no other way), then put it back
    os.umask(mask)
    return 0o666 & ~mask


_MODE = _default_mode()  # what open() would give a new file


class FileError(Exception):
    """A file could not be written or read; the message names the file and says why, in words."""


_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EINVAL: "the name is not valid here",
}


def reason(exc: OSError) -> str:
    """An OSError in words."""
    return _REASONS.get(exc.errno, exc.strerror or str(exc))


def atomic_write(path, write: Callable[[str], None], suffix: str = "") -> Path:
    """Create ``path`` through ``write(temporary_path)``, then rename it into place.

    ``write`` must create the file at the path it is given (``suffix`` lets writers that choose a format by
    extension see the right one). Any failure raises FileError naming ``path``; the temporary file is removed.
    """
    target = Path(path).expanduser()
    if not target.name or "\0" in str(target):
        raise FileError(f"Cannot write {path}: not a valid file name")
    if target.is_dir():
        raise FileError(f"Cannot write {target}: it is a folder")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix + ".part", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise FileError(f"Cannot write {target}: {reason(exc)}") from None
    try:
        write(tmp)
        if not os.path.exists(tmp) or os.path.getsize(tmp) == 0:
            raise FileError(f"Cannot write {target}: nothing was written")
        with open(tmp, "rb+") as f:  # on disk before the rename, so a crash cannot leave a truncated file
            os.fsync(f.fileno())
        # mkstemp makes the file private; give it the permissions the file it replaces had, or a new file's
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else _MODE)
        os.replace(tmp, target)
    except FileError:
        _remove(tmp)
        raise
    except OSError as exc:
        _remove(tmp)
        raise FileError(f"Cannot write {target}: {reason(exc)}") from None
    except BaseException:
        _remove(tmp)
        raise
    return target


def write_text(path, text: str) -> Path:
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write(text)

    return atomic_write(path, write, suffix=Path(path).suffix)


def read_text(path, limit: int = 64 * 1024 * 1024) -> str:
    """A text file's contents; FileError naming the file if it cannot be read, is not text or is huge."""
    p = Path(path).expanduser()
    try:
        if p.stat().st_size > limit:
            raise FileError(f"Cannot open {p}: the file is too large ({p.stat().st_size:,} bytes)")
        return p.read_text(encoding="utf-8")
    except FileError:
        raise
    except UnicodeDecodeError:
        raise FileError(f"Cannot open {p}: it is not a text file") from None
    except FileNotFoundError:
        raise FileError(f"Cannot open {p}: the file does not exist") from None
    except OSError as exc:
        raise FileError(f"Cannot open {p}: {reason(exc)}") from None


def _remove(tmp: str) -> None:
    try:
        os.remove(tmp)
    except OSError:
        pass
