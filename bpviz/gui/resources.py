"""Finding bpviz's data files: installed wheel, source checkout or PyInstaller bundle."""

from __future__ import annotations

import sys
from importlib import resources as _resources
from pathlib import Path


def resource_dir() -> Path:
    """The directory holding icons/, the desktop entry and the screenshots."""
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder bundle
    if bundle and (Path(bundle) / "bpviz" / "resources").is_dir():
        return Path(bundle) / "bpviz" / "resources"
    try:
        return Path(str(_resources.files("bpviz.resources")))
    except ModuleNotFoundError:  # running from a source checkout that was never installed
        return Path(__file__).resolve().parents[2] / "resources"


def resource_path(relative: str) -> Path:
    path = resource_dir() / relative
    if not path.exists():
        raise FileNotFoundError(f"bpviz resource missing: {relative} (looked in {resource_dir()})")
    return path
