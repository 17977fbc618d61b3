"""The live loss curve: it draws the (bounded) history it is given, against steps or epochs, in log scale, with
or without a test set, and follows a long run that the Trainer's history keeps in a few thousand entries."""

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpviz.gui.widgets.plots.loss_plot import LossPlot
from bpviz.training import History, HistoryArrays


def _history(start, n, steps_per_epoch=10):
    k = np.arange(start, start + n)
    return HistoryArrays(k, k * steps_per_epoch, 1.0 / (k + 1.0), 2.0 / (k + 1.0))


@pytest.fixture
def plot(qtbot):
    w = LossPlot()
    qtbot.addWidget(w)
    w.resize(430, 240)
    w.show()
    return w


def test_the_curve_draws_the_history_it_is_given(plot):
    plot.set_history(_history(0, 5))
    plot.set_history(_history(0, 8))  # the next frame: the same run, three epochs on
    assert plot.n_entries() == 8
    x, tr, te = plot.curve_data()
    h = _history(0, 8)
    assert np.array_equal(x, h.steps)
    assert np.array_equal(tr, h.train) and np.array_equal(te, h.test)
    cx, cy = plot.train_curve.getOriginalDataset()  # what pyqtgraph draws: the entries themselves
    assert np.array_equal(cx, h.steps) and np.array_equal(cy, h.train)
    assert "train <b>0.1250</b>" in plot.values.text() and "test <b>0.2500</b>" in plot.values.text()


def test_a_history_stored_without_drawing_is_drawn_on_draw(plot):
    plot.set_history(_history(0, 4))
    plot.set_history(_history(0, 9), draw=False)  # while training runs: the page's timer draws
    assert len(plot.train_curve.getOriginalDataset()[0]) == 4
    plot.draw()
    assert len(plot.train_curve.getOriginalDataset()[0]) == 9


def test_a_new_run_replaces_the_curve_and_follows_the_data_again(plot):
    plot.set_history(_history(0, 50))
    plot.plot.getPlotItem().getViewBox().setXRange(100, 200)  # the user zoomed in
    assert not plot.plot.getPlotItem().getViewBox().autoRangeEnabled()[0]
    plot.set_history(HistoryArrays(np.array([0, 1, 2]), np.array([0, 3, 6]), np.array([0.9, 0.8, 0.7]),
                                   np.array([1.0, 0.9, 0.8])))
    assert plot.n_entries() == 3
    x, tr, te = plot.curve_data()
    assert np.array_equal(x, [0, 3, 6]) and np.array_equal(tr, [0.9, 0.8, 0.7]) and np.array_equal(te, [1.0, 0.9, 0.8])
    assert plot.plot.getPlotItem().getViewBox().autoRangeEnabled()[0]


def test_clear(plot):
    plot.set_history(_history(0, 10))
    plot.clear()
    assert plot.n_entries() == 0
    assert all(len(a) == 0 for a in plot.curve_data())
    plot.set_history(_history(0, 2))
    assert plot.n_entries() == 2


def test_x_axis_in_steps_or_epochs(plot):
    plot.set_history(_history(0, 20, steps_per_epoch=7))
    assert plot.x_axis() == "steps"
    assert np.array_equal(plot.curve_data()[0], np.arange(20) * 7)
    plot.x_unit.setCurrentText("epochs")  # the combo drives the view
    assert plot.x_axis() == "epochs"
    assert np.array_equal(plot.curve_data()[0], np.arange(20))
    assert np.array_equal(plot.train_curve.getOriginalDataset()[0], np.arange(20))
    assert plot.plot.getPlotItem().getAxis("bottom").labelText == "epoch"
    plot.set_x_axis("steps")  # and the method drives the combo
    assert plot.x_unit.currentText() == "steps"
    assert plot.plot.getPlotItem().getAxis("bottom").labelText == "step"
    with pytest.raises(ValueError):
        plot.set_x_axis("seconds")


def test_log_scale_keeps_the_original_data(plot):
    h = _history(0, 30)
    train, test = h.train, h.test
    plot.set_history(h)
    plot.log_y.click()
    assert plot.log_y_enabled()
    assert plot.plot.getPlotItem().getAxis("left").logMode
    x, tr, te = plot.curve_data()
    assert np.array_equal(tr, train) and np.array_equal(te, test)
    plot.set_history(_history(0, 35))  # keeps working in log mode
    assert plot.n_entries() == 35
    plot.set_log_y(False)
    assert not plot.log_y.isChecked() and not plot.plot.getPlotItem().getAxis("left").logMode


def test_log_axis_labels_a_narrow_range_with_plain_numbers(plot):
    axis = plot.plot.getPlotItem().getAxis("left")
    plot.set_log_y(True)
    levels = axis.tickValues(math.log10(0.64), math.log10(0.71), 150)
    values = [10 ** v for _, vs in levels for v in vs]
    assert len(values) >= 3 and all(0.64 <= v <= 0.71 for v in values)
    assert axis.tickStrings([math.log10(0.66), -2.0], 1.0, 1.0) == ["0.66", "0.01"]
    axis.tickValues(-2.0, 0.0, 150)  # two decades: powers of ten, and only 2 and 5 among the minor ticks
    assert axis.tickStrings([-2.0, math.log10(0.03), math.log10(0.05), math.log10(0.2)], 1.0, 1.0) == [
        "0.01", "", "0.05", "0.2"]


def test_no_test_set(plot):
    k = np.arange(6)
    plot.set_history(HistoryArrays(k, k * 10, 1.0 / (k + 1), np.full(6, np.nan)))
    _, tr, te = plot.curve_data()
    assert np.isnan(te).all() and np.isfinite(tr).all()
    assert plot.test_curve.getOriginalDataset() == (None, None)  # nothing drawn for it
    assert "test" not in plot.values.text()
    plot.set_log_y(True)
    k = np.arange(7)
    plot.set_history(HistoryArrays(k, k * 10, 1.0 / (k + 1), np.full(7, np.nan)))
    assert plot.n_entries() == 7


def test_some_test_entries_missing(plot):
    k = np.arange(3)
    plot.set_history(HistoryArrays(k, k * 10, np.array([1.0, 0.5, 0.3]), np.array([1.1, np.nan, 0.4])))
    _, te_y = plot.test_curve.getOriginalDataset()
    assert np.isnan(te_y[1]) and te_y[2] == 0.4
    k = np.arange(4)
    plot.set_history(HistoryArrays(k, k * 10, np.array([1.0, 0.5, 0.3, 0.2]), np.array([1.1, np.nan, 0.4, np.nan])))
    assert "test <b>—</b>" in plot.values.text()


def test_a_run_of_a_million_epochs_is_drawn_from_a_few_thousand_entries(plot):
    history = History()
    rng = np.random.default_rng(0)
    for epoch in range(1_000_000):
        history.append(epoch, 3 * epoch, 0.7 * math.exp(-epoch / 2e5) + 0.01 * rng.random(), math.nan)
    h = history.arrays()
    plot.set_history(h)
    cx, cy = plot.train_curve.getOriginalDataset()
    assert len(cx) == len(h) <= 4097
    assert cx[0] == 0 and cx[-1] == 3 * 999_999  # the whole run, to the latest epoch
    assert np.array_equal(cy, h.train)
    plot.set_log_y(True)
    plot.set_x_axis("epochs")
    assert plot.curve_data()[0][-1] == 999_999


def test_large_counts_read_as_k_and_m(plot):
    axis = plot.plot.getPlotItem().getAxis("bottom")
    assert axis.tickStrings([0.0, 500_000.0, 1_500_000.0], 1.0, 500_000.0) == ["0", "0.5M", "1.5M"]
    assert axis.tickStrings([0.0, 20_000.0, 40_000.0], 1.0, 20_000.0) == ["0", "20k", "40k"]
    assert axis.tickStrings([0.0, 500.0, 1000.0], 1.0, 500.0) == ["0", "500", "1000"]


class _Run:
    def __init__(self, history, name, slot):
        self.history, self.name, self.slot = history, name, slot


def test_earlier_runs_are_faded_curves_under_the_current_run_with_a_legend_entry(plot):
    plot.set_history(_history(0, 30))
    runs = [_Run(_history(0, 20, steps_per_epoch=5), "lr 0.3", 0), _Run(_history(0, 40), "8,8 → 4", 3)]
    plot.set_earlier_runs(runs)
    assert plot.earlier_names() == ["lr 0.3", "8,8 → 4"]
    legend = [label.text for _sample, label in plot.legend.items]
    assert legend == ["test", "train", "lr 0.3", "8,8 → 4"]
    train, test = plot._earlier.items[:2]
    assert np.array_equal(train.getOriginalDataset()[0], np.arange(20) * 5)
    assert np.array_equal(test.getOriginalDataset()[1], runs[0].history.test)
    assert train.opts["pen"].color().alphaF() == pytest.approx(0.35, abs=0.01)
    assert test.opts["pen"].style() == Qt.DashLine
    assert train.zValue() < plot.train_curve.zValue()
    assert train.opts["pen"].color().name() not in (plot.train_curve.opts["pen"].color().name(),
                                                    plot.test_curve.opts["pen"].color().name())
    items = list(plot._earlier.items)
    plot.set_earlier_runs(runs)  # nothing changed: nothing redone
    assert plot._earlier.items == items
    runs[1].name = "wide"
    plot.set_earlier_runs(runs)
    assert [label.text for _sample, label in plot.legend.items][2:] == ["lr 0.3", "wide"]
    plot.set_x_axis("epochs")  # they follow the x axis ...
    assert np.array_equal(plot._earlier.items[0].getOriginalDataset()[0], np.arange(20))
    plot.set_log_y(True)  # ... and the log scale
    assert all(c.opts["logMode"][1] for c in plot._earlier.items)
    plot.set_earlier_runs([])
    assert plot.earlier_names() == [] and len(plot.legend.items) == 2
    assert not any(c in plot.plot.getPlotItem().items for c in items)


def test_a_marker_at_a_step_maps_to_epochs_through_the_current_history(plot):
    plot.set_history(_history(0, 10, steps_per_epoch=8))  # epoch k ends at step 8k
    assert plot.marker_x() is None
    plot.set_marker(20)
    assert plot.marker_x() == 20.0
    plot.set_x_axis("epochs")
    assert plot.marker_x() == pytest.approx(2.5)
    plot.set_marker(None)
    assert plot.marker_x() is None
    plot.set_marker(40)
    assert plot.marker_x() == pytest.approx(5.0)
    plot.set_x_axis("steps")
    assert plot.marker_x() == 40.0


def test_a_long_earlier_run_is_drawn_from_a_few_hundred_points_keeping_its_ends(plot):
    h = _history(0, 4096)
    plot.set_earlier_runs([_Run(h, "long", 1)])
    x, y = plot.earlier_drawn(0)
    assert len(x) <= 602 and x[0] == h.steps[0] and x[-1] == h.steps[-1] and y[-1] == h.train[-1]
    assert set(y) <= set(h.train)  # entries themselves, never interpolated
