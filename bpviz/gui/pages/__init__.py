"""The window's seven pages, and what a page offers the window (``Page``).

The worked example and the playground come first; the lesson pages of the other seeds follow (computation graphs,
the warm-up in matrix form, gradient checking, parameter trajectories). Each page owns its Qt-free model
(bpviz.models) and its worker threads; pages that show the playground's network get its model, not its page.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QSettings


@runtime_checkable
class Page(Protocol):
    """What the main window asks of a page. A page is a QWidget with two signals: ``statusMessage(str)`` (a
    passing message for the status bar) and ``statusTextChanged()`` (its ``status_text()`` changed)."""

    tab_title: str  # its tab's text
    page_name: str  # one of bpviz.commands.args.PAGES, for ``bpviz gui --page NAME``
    subject: str  # what it teaches, in one line (shown in the toolbar of a page without commands there)

    def set_active(self, active: bool) -> None:
        """Shown or hidden: its window-wide shortcuts work only while it is shown."""

    def menu_actions(self) -> list:
        """Its commands (QActions with their shortcuts; None for a separator) for its menu in the menu bar."""

    def toolbar_actions(self) -> list:
        """The commands of its toolbar, shown with the page ([] for none)."""

    def view_actions(self) -> list:
        """Checkable actions for the View menu (panels shown or hidden)."""

    def status_text(self) -> str:
        """Its figures for the status bar's right-hand label ('' for none)."""

    def export_pictures(self) -> dict:
        """Its views for File > Export and their right-click menus: ``{key: bpviz.gui.export.views.Picture}``."""

    def export_tables(self) -> dict:
        """Its tables for File > Export: ``{key: bpviz.gui.export.views.Table}``."""

    def save_settings(self, settings: QSettings) -> None:
        """Keep what it remembers between runs (layout, last inputs)."""

    def restore_settings(self, settings: QSettings) -> None:
        """Take back what ``save_settings`` kept."""

    def reset_layout(self) -> None:
        """Its panels and splitters back to the defaults (View > Reset layout)."""

    def shutdown(self) -> None:
        """Stop and join every thread it runs (the window calls it on close and at quit)."""


class PageDefaults:
    """The parts of ``Page`` that most pages do not need, as do-nothing defaults. Listed first among a page's
    bases: ``class GraphPage(PageDefaults, QWidget)``."""

    subject = ""

    def toolbar_actions(self) -> list:
        return []

    def view_actions(self) -> list:
        return []

    def status_text(self) -> str:
        return ""

    def export_pictures(self) -> dict:
        return {}

    def export_tables(self) -> dict:
        return {}

    def save_settings(self, settings: QSettings) -> None:
        pass

    def restore_settings(self, settings: QSettings) -> None:
        pass

    def reset_layout(self) -> None:
        pass

    def shutdown(self) -> None:
        pass


def make_lesson_pages(example_model, playground_model) -> list:
    """The lesson pages in tab order, after the worked example (its ExampleModel ``example_model``) and the
    playground (its PlaygroundModel ``playground_model``)."""
    from bpviz.gui.pages.gradcheck import GradCheckPage
    from bpviz.gui.pages.graph import GraphPage
    from bpviz.gui.pages.landscape import LandscapePage
    from bpviz.gui.pages.trajectories import TrajectoriesPage
    from bpviz.gui.pages.warmup import WarmupPage

    return [GraphPage(), WarmupPage(), GradCheckPage(playground_model, example_model),
            TrajectoriesPage(playground_model), LandscapePage(example_model, playground_model)]
