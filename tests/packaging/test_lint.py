"""The house rules as checks that fail the suite: ruff's lint and the import contracts of pyproject.toml
(the engine, models, training and file formats never import Qt; main window > pages > widgets > models > engine).
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _tool(name: str) -> str:
    """The tool installed beside this Python (the test extra installs both), else one on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install '.[test]' installs it")
    return found


def test_ruff_finds_nothing():
    run = subprocess.run([_tool("ruff"), "check", "--no-cache", "bpviz", "tests", "packaging"], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_import_contracts_are_kept():
    run = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr


@pytest.mark.parametrize("module, line, broken", [
    ("engine/sneaky.py", "import PySide6.QtCore", "bpviz.engine.sneaky -> PySide6"),
    ("gui/widgets/sneaky.py", "from bpviz.gui.pages import playground",
     "bpviz.gui.widgets.sneaky -> bpviz.gui.pages.playground"),
])
def test_import_contracts_catch_a_broken_rule(tmp_path, module, line, broken):
    """The contracts are not vacuous: a copy of the tree with one forbidden import added breaks them."""
    copy = tmp_path / "tree"
    shutil.copytree(ROOT / "bpviz", copy / "bpviz", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    (copy / "bpviz" / module).write_text(line + "\n")
    run = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=copy, capture_output=True, text=True,
                         env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"})
    assert run.returncode != 0
    assert broken in run.stdout
