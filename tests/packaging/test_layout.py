"""House rules that keep the project installable: packages listed, engine free of Qt, README and CI in step."""

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_subpackage_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "bpviz").rglob("__init__.py")}
    resources = {"bpviz.resources"} | {f"bpviz.resources.{d.name}" for d in (ROOT / "resources").iterdir()
                                       if d.is_dir() and not d.name.startswith((".", "__"))}
    assert on_disk | resources == listed


def test_pyside6_6_12_0_is_kept_out():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pyside = [d for d in deps if d.lower().startswith("pyside6")]
    assert pyside and all("!=6.12.0" in d.replace(" ", "") for d in pyside)


def test_engine_and_trainer_import_no_qt():
    for path in [p for d in ("engine", "models", "training") for p in (ROOT / "bpviz" / d).glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                assert not name.startswith(("PySide6", "pyqtgraph", "shiboken6", "bpviz.gui")), (path, name)


def test_headless_code_loads_without_qt():
    code = ("import sys, bpviz.engine, bpviz.training, bpviz.cli, bpviz.commands.example; "
            "from bpviz.cli import build_parser; build_parser(); "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_icon_is_found_where_the_package_is_installed():
    from bpviz.gui.resources import resource_path

    svg = resource_path("icons/bpviz.svg")
    assert svg.read_text().lstrip().startswith("<?xml") and "<svg" in svg.read_text()


def test_readme_has_two_setup_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text()
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", setup, re.S)
    assert len(commands) == 2
    assert commands[0].strip().endswith("pip install . && bpviz")
    assert "pip install \".[test]\"" in commands[1] and commands[1].strip().endswith("pytest")
    extracted = subprocess.run([str(ROOT / ".ci" / "run"), "--print-test-command"], capture_output=True,
                               text=True, check=True).stdout
    assert extracted.strip() == commands[1].strip()
