"""The live loss curve: entries appended, replaced after a restart, shown against steps or epochs, log scale,
no test set, and a run of a million entries (drawn from a bounded envelope, exact per bin)."""

import math

import numpy as np
import pytest

from bpviz.gui.widgets.plots.loss_plot import _BINS, _RAW_LIMIT, LossPlot


def _history(start, n, steps_per_epoch=10):
    k = np.arange(start, start + n)
    return k * steps_per_epoch, 1.0 / (k + 1.0), 2.0 / (k + 1.0)


@pytest.fixture
def plot(qtbot):
    w = LossPlot()
    qtbot.addWidget(w)
    w.resize(430, 240)
    w.show()
    return w


def test_append_continues_the_curve(plot):
    steps, train, test = _history(0, 5)
    plot.append(0, steps, train, test)
    plot.append(5, *_history(5, 3))
    assert plot.n_entries() == 8
    x, tr, te = plot.curve_data()
    steps, train, test = _history(0, 8)
    assert np.array_equal(x, steps)
    assert np.array_equal(tr, train) and np.array_equal(te, test)
    # what pyqtgraph draws (few entries: the entries themselves)
    cx, cy = plot.train_curve.getOriginalDataset()
    assert np.array_equal(cx, steps) and np.array_equal(cy, train)
    assert "train <b>0.1250</b>" in plot.values.text() and "test <b>0.2500</b>" in plot.values.text()


def test_empty_append_is_harmless(plot):
    plot.append(0, *_history(0, 4))
    plot.append(4, np.array([], np.int64), np.array([]), np.array([]))
    assert plot.n_entries() == 4


def test_restart_at_zero_replaces(plot):
    plot.append(0, *_history(0, 50))
    steps = np.array([0, 3, 6])
    plot.append(0, steps, np.array([0.9, 0.8, 0.7]), np.array([1.0, 0.9, 0.8]))
    assert plot.n_entries() == 3
    x, tr, te = plot.curve_data()
    assert np.array_equal(x, steps) and np.array_equal(tr, [0.9, 0.8, 0.7]) and np.array_equal(te, [1.0, 0.9, 0.8])


def test_start_inside_the_history_replaces_from_there(plot):
    plot.append(0, *_history(0, 10))
    plot.append(6, np.array([61, 62]), np.array([0.5, 0.4]), np.array([0.6, 0.5]))
    x, tr, _ = plot.curve_data()
    assert plot.n_entries() == 8
    assert np.array_equal(x[:6], _history(0, 6)[0]) and np.array_equal(x[6:], [61, 62])
    assert np.array_equal(tr[6:], [0.5, 0.4])


def test_clear(plot):
    plot.append(0, *_history(0, 10))
    plot.clear()
    assert plot.n_entries() == 0
    assert all(len(a) == 0 for a in plot.curve_data())
    plot.append(0, *_history(0, 2))
    assert plot.n_entries() == 2


def test_x_axis_in_steps_or_epochs(plot):
    plot.append(0, *_history(0, 20, steps_per_epoch=7))
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
    steps, train, test = _history(0, 30)
    plot.append(0, steps, train, test)
    plot.log_y.click()
    assert plot.log_y_enabled()
    assert plot.plot.getPlotItem().getAxis("left").logMode
    x, tr, te = plot.curve_data()
    assert np.array_equal(tr, train) and np.array_equal(te, test)
    plot.append(30, *_history(30, 5))  # keeps working in log mode
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
    plot.append(0, k * 10, 1.0 / (k + 1), np.full(6, np.nan))
    _, tr, te = plot.curve_data()
    assert np.isnan(te).all() and np.isfinite(tr).all()
    assert plot.test_curve.getOriginalDataset() == (None, None)  # nothing drawn for it
    assert "test" not in plot.values.text()
    plot.set_log_y(True)
    plot.append(6, np.array([60]), np.array([0.1]), np.array([np.nan]))
    assert plot.n_entries() == 7


def test_some_test_entries_missing(plot):
    plot.append(0, np.array([0, 10, 20]), np.array([1.0, 0.5, 0.3]), np.array([1.1, np.nan, 0.4]))
    _, te_y = plot.test_curve.getOriginalDataset()
    assert np.isnan(te_y[1]) and te_y[2] == 0.4
    plot.append(3, np.array([30]), np.array([0.2]), np.array([np.nan]))
    assert "test <b>—</b>" in plot.values.text()


def test_a_million_entries_in_chunks(plot, qtbot):
    n, chunk = 1_000_000, 50_000
    rng = np.random.default_rng(0)
    steps = np.arange(n) * 3
    train = 0.7 * np.exp(-np.arange(n) / 2e5) + 0.01 * rng.random(n)
    test = train + 0.05
    test[::1000] = np.nan
    for s in range(0, n, chunk):
        plot.append(s, steps[s:s + chunk], train[s:s + chunk], test[s:s + chunk])
    for s in range(n, n + 10):  # then one at a time, as the worker sends them
        plot.append(s, np.array([3 * s]), np.array([0.01]), np.array([0.06]))
    assert plot.n_entries() == n + 10
    x, tr, te = plot.curve_data()
    assert len(x) == len(tr) == len(te) == n + 10
    assert np.array_equal(tr[:n], train) and np.array_equal(x[:n], steps)
    # the curves draw a bounded min/max envelope while following the data...
    assert plot._mode == "envelope"
    cx, cy = plot.train_curve.getOriginalDataset()
    assert len(cx) <= 4 * _BINS + 4
    assert cx[0] == 0 and cx[-1] == 3 * (n + 9)
    assert math.isclose(np.nanmax(cy), tr.max()) and math.isclose(np.nanmin(cy), tr.min())
    # ...which is exact per bin
    env = plot._envelope
    size, nb = env.size, env.n_bins
    padded = np.full(nb * size, np.nan)
    padded[: n + 10] = tr
    assert np.array_equal(env.hi[0, :nb], np.fmax.reduce(padded.reshape(nb, size), axis=1))
    assert np.array_equal(env.lo[0, :nb], np.fmin.reduce(padded.reshape(nb, size), axis=1))
    # zooming into the x axis hands pyqtgraph the raw entries in view
    vb = plot.plot.getPlotItem().getViewBox()
    vb.setXRange(3 * 1000, 3 * 2000, padding=0)
    qtbot.waitUntil(lambda: plot._mode == "raw")
    cx, cy = plot.train_curve.getOriginalDataset()
    assert cx[0] <= 3 * 1000 and cx[-1] >= 3 * 2000 and len(cx) < 1100
    assert np.array_equal(cy, tr[cx[0] // 3 : cx[-1] // 3 + 1])
    vb.enableAutoRange()  # the 'A' button: follow the data again
    qtbot.waitUntil(lambda: plot._mode == "envelope")
    plot.set_log_y(True)
    plot.set_x_axis("epochs")
    assert plot.curve_data()[0][-1] == n + 9


def test_a_short_run_is_drawn_raw(plot):
    plot.append(0, *_history(0, _RAW_LIMIT))
    assert plot._mode == "raw"
    assert len(plot.train_curve.getOriginalDataset()[0]) == _RAW_LIMIT


def test_large_counts_read_as_k_and_m(plot):
    axis = plot.plot.getPlotItem().getAxis("bottom")
    assert axis.tickStrings([0.0, 500_000.0, 1_500_000.0], 1.0, 500_000.0) == ["0", "0.5M", "1.5M"]
    assert axis.tickStrings([0.0, 20_000.0, 40_000.0], 1.0, 20_000.0) == ["0", "20k", "40k"]
    assert axis.tickStrings([0.0, 500.0, 1000.0], 1.0, 500.0) == ["0", "500", "1000"]
