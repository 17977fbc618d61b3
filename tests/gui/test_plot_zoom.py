"""Zooming out far on any plot of the window, with a real right-drag, then redrawing: no exception (issue 11).

pyqtgraph's auto downsampling with clip-to-view raised ``ValueError: Maximum allowed dimension exceeded`` on every
redraw of a trajectory plot once a few right-drags had zoomed it out to 10^21 epochs. Each plot of every page is
dragged here as a user would, then redrawn (new data, a repaint), with exceptions in Qt's callbacks captured.
"""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QTabWidget

import pyqtgraph as pg

from bpviz.engine.trajectories import NeuronRunConfig, run_neuron_modes
from bpviz.gui.widgets.plots.envelope import envelope
from bpviz.gui.widgets.trajectory.mode_grid import ModeGrid


def right_drag_out(widget, times: int = 6) -> None:
    """Right-button drags from the centre of the plot down and to the left, as far as the plot allows: each one
    zooms out (pyqtgraph scales by exp(distance)), ``times`` times."""
    viewport = widget.viewport()
    centre = viewport.rect().center()

    def send(kind, pos, buttons, button):
        event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons, Qt.NoModifier)
        QApplication.sendEvent(viewport, event)

    for _ in range(times):
        send(QEvent.MouseButtonPress, centre, Qt.RightButton, Qt.RightButton)
        pos = centre
        for step in range(1, 25):
            pos = QPoint(centre.x() - step * 15, centre.y() + step * 15)
            send(QEvent.MouseMove, pos, Qt.RightButton, Qt.NoButton)
        send(QEvent.MouseButtonRelease, pos, Qt.NoButton, Qt.RightButton)
        QApplication.processEvents()


def plots_shown(root) -> list[pg.PlotWidget]:
    return [w for w in root.findChildren(pg.PlotWidget) if w.isVisible() and w.width() > 50]


def every_tab(page):
    """Show each tab of each tab widget on ``page`` in turn (a plot on a tab not shown cannot be dragged)."""
    tab_widgets = page.findChildren(QTabWidget)
    yield
    for tabs in tab_widgets:
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            yield


def test_a_trajectory_plot_zoomed_out_by_right_drags_redraws(qtbot):
    grid = ModeGrid()
    qtbot.addWidget(grid)
    grid.resize(900, 600)
    grid.show()
    qtbot.waitExposed(grid)
    result = run_neuron_modes(NeuronRunConfig(epochs=200))
    grid.show_result(result)
    QApplication.processEvents()  # laid out at the window's size
    widget = grid.widgets[("params", "batch")]
    with qtbot.captureExceptions() as exceptions:
        right_drag_out(widget)
        x_range = widget.getPlotItem().vb.viewRange()[0]
        grid.show_result(result)  # a redraw after the zoom
        right_drag_out(widget, times=1)
        widget.grab()
    assert not exceptions, exceptions[0][1]
    assert x_range[1] - x_range[0] <= 20 * 200 * 1.001  # zooming out stops at 20 times the run
    qtbot.mouseDClick(widget.viewport(), Qt.LeftButton, pos=widget.viewport().rect().center())
    x_range = widget.getPlotItem().vb.viewRange()[0]
    assert x_range[0] < 0 < 200 < x_range[1] < 210  # a double-click shows the whole run again


@pytest.mark.parametrize("page_name", ["example", "playground", "graph", "warmup", "gradcheck", "trajectories"])
def test_every_plot_of_every_page_survives_a_far_zoom_out(qtbot, window, page_name):
    window.show_page(page_name)
    page = window.page(page_name)
    QApplication.processEvents()
    sources = [None]
    if page_name == "trajectories":
        sources = ["neuron", "playground"]
    for source in sources:
        if source is not None:
            page.show_source(source)
            if source == "playground":
                window.playground.step()
            qtbot.waitUntil(lambda: bool(plots_shown(page)), timeout=5000)
        for _ in every_tab(page):
            with qtbot.captureExceptions() as exceptions:
                for widget in plots_shown(page):
                    right_drag_out(widget)
                window.playground.step()  # new data everywhere that follows the playground
                QApplication.processEvents()
                for widget in plots_shown(page):
                    widget.grab()
            assert not exceptions, f"{page_name}: {exceptions[0][1]!r}"


def test_the_passes_plot_zoomed_out_after_a_run_redraws(qtbot, window):
    page = window.example
    panel = page.iterate
    tabs = next(t for t in page.findChildren(QTabWidget) if t.isAncestorOf(panel))
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(panel)
                              or tabs.widget(i) is panel))
    with qtbot.waitSignal(page.runEnded, timeout=20000):
        qtbot.mouseClick(panel.run_button, Qt.LeftButton)
    (plot,) = plots_shown(panel)
    with qtbot.captureExceptions() as exceptions:
        right_drag_out(plot, times=8)
        plot.grab()
    assert not exceptions, repr(exceptions[0][1])


def test_an_envelope_keeps_every_bins_extremes_in_order():
    x = np.arange(1_000_001, dtype=float)
    y = np.sin(x / 5000.0) + (x == 123_457) * 5.0  # one spike
    ex, ey = envelope(x, y, max_points=2000)
    assert len(ex) <= 2002 and ex[0] == 0 and ex[-1] == 1_000_000
    assert np.all(np.diff(ex) > 0)
    assert ey.max() == y.max() and ey.min() == y.min() and 123_457 in ex
    short = np.arange(10.0)
    assert envelope(short, short)[1] is not None and len(envelope(short, short)[1]) == 10
    gaps = np.full(10_000, np.nan)
    gaps[:10] = 1.0
    assert np.isnan(envelope(np.arange(10_000), gaps, max_points=100)[1]).any()


def test_a_zoom_beyond_float64_keeps_the_view(qtbot):
    """Dragging the y axis of a log-scale loss plot of a diverged run scaled the view past 1.8e308: pyqtgraph
    raised "Cannot set range [-inf, -inf]" inside its mouse handling (monkey seed 1, action 8024)."""
    import warnings

    from bpviz.gui.widgets.plots.fast_plot import FastPlotWidget

    plot = FastPlotWidget()
    qtbot.addWidget(plot)
    vb = plot.getPlotItem().getViewBox()
    vb.setRange(yRange=(-1e307, 1e307), xRange=(0, 1), padding=0)
    before = vb.viewRange()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        vb.scaleBy(y=1e6)  # what a long drag on the axis asks for
        vb.setRange(yRange=(float("-inf"), 0.0))
    assert vb.viewRange() == before
    vb.scaleBy(y=0.5)  # an ordinary zoom still works
    assert vb.viewRange()[1][1] - vb.viewRange()[1][0] < before[1][1] - before[1][0]
