"""What a page can export (its pictures and tables), and one function that writes any of them.

A page lists its views (``Page.export_pictures()``, ``Page.export_tables()``); File > Export, each view's right-click
menu and the command line's ``--export DIR`` all write them through ``write_picture`` / ``write_table`` (one
file) or ``write_folder`` (several), so a file looks the same whichever way it was asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from bpviz.files import write_text
from bpviz.gui.export.pictures import export_picture


@dataclass(frozen=True)
class Picture:
    text: str  # in menus: "Loss curve"
    stem: str  # the file name it is offered under: "loss-curve"
    target: object  # a pyqtgraph PlotWidget/PlotItem, a QGraphicsView or any QWidget (bpviz.gui.export.pictures)
    menu_on: QWidget | None = None  # the widget whose right-click menu offers it (None: only File > Export)


@dataclass(frozen=True)
class Table:
    text: str  # in menus: "Loss history (CSV)"
    stem: str
    suffix: str  # ".csv", ".md"
    file_filter: str  # for the file dialog: "CSV table (*.csv)"
    make: Callable[[], str]  # the file's text, made when asked for
    menu_on: QWidget | None = None


def write_picture(picture: Picture, path, size: tuple[int, int] | None = None) -> Path:
    """PNG or SVG by the file's extension; FileError (one sentence) when it cannot be written."""
    return export_picture(picture.target, path, size)


def write_table(table: Table, path) -> Path:
    return write_text(path, table.make())


def write_folder(folder: Path, pictures: dict[str, Picture], tables: dict[str, Table],
                 sizes: dict[str, tuple[int, int]] | None = None) -> list[Path]:
    """Every picture as ``<stem>.png`` and ``<stem>.svg`` and every table as ``<stem><suffix>`` in ``folder``
    (``sizes``: PNG sizes by key, default the size on screen). Returns the files written, in that order."""
    sizes = sizes or {}
    written = [write_table(table, folder / f"{table.stem}{table.suffix}") for table in tables.values()]
    for key, picture in pictures.items():
        written.append(write_picture(picture, folder / f"{picture.stem}.png", sizes.get(key)))
        written.append(write_picture(picture, folder / f"{picture.stem}.svg"))
    return written
