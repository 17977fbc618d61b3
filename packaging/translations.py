"""Update the window's translation sources from the code, and compile them.

    python packaging/translations.py            # lupdate: resources/translations/bpviz_LANG.ts from bpviz/
                                                # lrelease: bpviz_LANG.qm next to each .ts
    python packaging/translations.py --check    # exit 1 if a .ts has an unfinished message (CI, before a release)

``pyside6-lupdate`` and ``pyside6-lrelease`` come with PySide6 (the venv's bin/ or Scripts/ folder). Both the .ts
and the .qm are committed: ``pip install .`` then ships the .qm without Qt's tools at build time
(tests/gui/test_translations.py checks the .qm is up to date). Locations are left out of the .ts (``-locations
none``): line numbers would change it at every edit of the code. Translate the new (unfinished) messages of the
.ts with Qt Linguist or a text editor (remove ``type="unfinished"``), then run this again.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "bpviz"  # the window, and the phrases the Qt-free code composes (bpviz.engine.phrases)
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease``: beside this Python first (a venv not activated), else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: pip install PySide6-Essentials (it provides it)")
    return found


def source_files(root: Path = SOURCES) -> list[Path]:
    return sorted(root.rglob("*.py"))


def lupdate(ts: Path, files: list[Path] | None = None) -> str:
    """Update ``ts`` from ``files`` (default: every module of bpviz); lupdate's summary."""
    files = source_files() if files is None else files
    done = subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *map(str, files),
                           "-ts", str(ts)], capture_output=True, text=True, check=True)
    # lupdate takes a "#:" comment as a note to translators for the next message, however far below; in bpviz
    # "#:" documents a module's constant (Sphinx's style), so the notes it attached were about something else
    text = ts.read_text(encoding="utf-8")
    ts.write_text(_EXTRA_COMMENT.sub("", text), encoding="utf-8")
    return done.stdout + done.stderr


_EXTRA_COMMENT = re.compile(r"\n\s*<extracomment>[^<]*</extracomment>")


def lrelease(ts: Path, qm: Path) -> str:
    done = subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], capture_output=True, text=True,
                          check=True)
    return done.stdout + done.stderr


def unfinished(ts: Path) -> int:
    return len(re.findall(r'type="unfinished"', ts.read_text(encoding="utf-8")))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only count unfinished messages (exit 1 if any)")
    args = parser.parse_args(argv)
    status = 0
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"bpviz_{lang}.ts"
        if args.check:
            count = unfinished(ts)
            print(f"{ts.relative_to(ROOT)}: {count} unfinished")
            status |= count > 0
            continue
        TRANSLATIONS.mkdir(parents=True, exist_ok=True)
        print(lupdate(ts).strip())
        print(lrelease(ts, ts.with_suffix(".qm")).strip())
    return int(status)


if __name__ == "__main__":
    sys.exit(main())
