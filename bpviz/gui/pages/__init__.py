"""The window's six pages, and what a page offers the window (``Page``).

The worked example and the playground come first; the lesson pages of the other seeds follow (computation graphs,
the warm-up in matrix form, gradient checking, parameter trajectories). Each page owns its Qt-free model
(bpviz.models) and its worker threads; pages that show the playground's network get its model, not its page.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QSettings


@runtime_checkable
class Page(Protocol):
    """What the main window asks of a page (a QWidget with a ``statusMessage = Signal(str)``)."""

    tab_title: str  # its tab's text
    page_name: str  # one of bpviz.commands.args.PAGES, for ``bpviz gui --page NAME``

    def set_active(self, active: bool) -> None:
        """Shown or hidden: its window-wide shortcuts work only while it is shown."""

    def menu_actions(self) -> list:
        """Its commands (QActions with their shortcuts) for the window's menus."""

    def status_text(self) -> str:
        """Its figures for the status bar ('' for none), refreshed when it emits ``statusTextChanged``."""

    def export_pictures(self) -> dict:
        """Its views for File > Export: ``{"<page_name>/<view>": (menu text, file stem, widget)}``."""

    def save_settings(self, settings: QSettings) -> None:
        """Keep what it remembers between runs."""

    def restore_settings(self, settings: QSettings) -> None:
        """Take back what it kept."""

    def shutdown(self) -> None:
        """Stop and join every thread it runs (the window calls it on close)."""


def make_lesson_pages(example_model, playground_model) -> list:
    """The lesson pages in tab order, after the worked example (its ExampleModel ``example_model``) and the
    playground (its PlaygroundModel ``playground_model``)."""
    from bpviz.gui.pages.gradcheck import GradCheckPage
    from bpviz.gui.pages.graph import GraphPage
    from bpviz.gui.pages.trajectories import TrajectoriesPage
    from bpviz.gui.pages.warmup import WarmupPage

    return [GraphPage(), WarmupPage(), GradCheckPage(playground_model, example_model),
            TrajectoriesPage(playground_model)]
