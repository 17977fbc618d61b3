"""The lessons of the other seeds, one window page each (computation graphs, the warm-up in matrix form,
gradient checking, parameter trajectories).

Every page is a QWidget with
- ``tab_title`` (its tab's text) and ``page_name`` (one of bpviz.cli.PAGES, for ``bpviz gui --page NAME``);
- ``statusMessage = Signal(str)`` (shown in the status bar);
- ``set_active(bool)``: its window-wide shortcuts work only while it is shown;
- ``shutdown()``: stops and joins any thread it runs (the window calls it on close);
- ``status_text()`` (optional): its figures for the status bar, refreshed on its ``frameShown(object)`` or
  ``statusTextChanged()`` signal;
- ``menu_actions()``: its commands (QActions with their shortcuts) for the window's Lessons menu;
- ``save_settings(QSettings)`` / ``restore_settings(QSettings)`` (optional): what it keeps between runs;
- ``export_pictures()`` (optional): its views for File > Export,
  ``{"<page_name>/<view>": (menu text, file stem, widget)}``
  (a pyqtgraph PlotItem/PlotWidget, a QGraphicsView or any widget; see bpviz.gui.export.sources).
Pages that read the playground's network get the PlaygroundPage and listen to its ``frameShown`` signal.
"""

from __future__ import annotations


def make_pages(example, playground) -> list:
    """The lesson pages in tab order, after the worked example (``example``, an ExamplePage) and the playground
    (a PlaygroundPage)."""
    pages = []
    # one import and one append per lesson page
    from bpviz.gui.pages.graph import GraphPage
    pages.append(GraphPage())
    from bpviz.gui.pages.warmup import WarmupPage
    pages.append(WarmupPage())
    from bpviz.gui.pages.gradcheck import GradCheckPage
    pages.append(GradCheckPage(playground, example.session))
    from bpviz.gui.pages.trajectories import TrajectoriesPage
    pages.append(TrajectoriesPage(playground))
    return pages
