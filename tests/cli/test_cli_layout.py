"""The command line's layering: ``bpviz.cli`` builds the parser and dispatches; the commands understand their
arguments through ``bpviz.commands.args`` and never import ``bpviz.cli`` back (no cycle through import_module)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import bpviz.cli
from bpviz.commands import args as command_args

COMMANDS_DIR = Path(bpviz.cli.__file__).parent / "commands"


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
    return names


@pytest.mark.parametrize("path", sorted(COMMANDS_DIR.glob("*.py")), ids=lambda p: p.name)
def test_no_command_imports_the_cli(path):
    assert "bpviz.cli" not in imported_modules(path)


def test_cli_defines_no_argument_converters():
    tree = ast.parse(Path(bpviz.cli.__file__).read_text(encoding="utf-8"))
    functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert functions == {"build_parser", "main", "_run_gui"}


def test_usage_error_and_pages_are_still_importable_from_the_cli():
    assert bpviz.cli.UsageError is command_args.UsageError
    assert bpviz.cli.PAGES == command_args.PAGES


def test_every_command_loads_without_the_cli():
    code = ("import sys; import bpviz.commands.example, bpviz.commands.train, bpviz.commands.gradcheck, "
            "bpviz.commands.graph, bpviz.commands.warmup, bpviz.commands.trajectories, "
            "bpviz.commands.explain, bpviz.commands.landscape; "
            "print('bpviz.cli' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
