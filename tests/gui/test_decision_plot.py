"""The decision region: points by class and kind, test points on/off, colours of P(blue), the discretized
view, orientation and extent of the image."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor

from bpviz.engine.datasets import DOMAIN, DatasetSpec
from bpviz.gui import palette
from bpviz.gui.widgets.plots.decision_plot import EXTENT, DecisionPlot


@pytest.fixture
def plot(qtbot):
    w = DecisionPlot()
    qtbot.addWidget(w)
    w.resize(360, 360)
    w.show()
    qtbot.waitExposed(w)
    return w


def _scatter_xy(item):
    x, y = item.getData()
    return np.column_stack([x, y]) if x is not None else np.zeros((0, 2))


def test_points_by_class_and_kind(plot):
    d = DatasetSpec("circle", n_samples=120, test_ratio=0.25, seed=3).make()
    plot.set_data(d.X_train, d.y_train, d.X_test, d.y_test)
    for kind, X, y in (("train", d.X_train, d.y_train), ("test", d.X_test, d.y_test)):
        for label in (0, 1):
            pts = _scatter_xy(plot.points[(kind, label)])
            expected = X[y == label]
            assert len(pts) == len(expected) == plot.point_counts()[(kind, label)]
            assert np.allclose(np.sort(pts, axis=0), np.sort(expected, axis=0))
    assert plot.point_counts()[("train", 0)] + plot.point_counts()[("train", 1)] == 90
    # class colours and the two kinds look different: white rim for train, dark rim for test
    for label in (0, 1):
        train, test = plot.points[("train", label)], plot.points[("test", label)]
        assert train.opts["brush"].color() == QColor(palette.CLASS_COLORS[label])
        assert test.opts["brush"].color() == QColor(palette.CLASS_COLORS[label])
        assert train.opts["pen"].color() != test.opts["pen"].color()
    # a new dataset replaces the points
    plot.set_data(d.X_train[:4], np.array([0.0, 1.0, 1.0, 1.0]), np.zeros((0, 2)), np.zeros(0))
    assert plot.point_counts() == {("train", 0): 1, ("train", 1): 3, ("test", 0): 0, ("test", 1): 0}
    assert len(_scatter_xy(plot.points[("train", 1)])) == 3


def test_show_test_hides_test_points(plot):
    d = DatasetSpec("xor", n_samples=60, seed=1).make()
    plot.set_data(d.X_train, d.y_train, d.X_test, d.y_test)
    assert plot.show_test.isChecked() and plot.test_points_visible()
    plot.show_test.click()
    assert not plot.test_points_visible()
    assert not plot.points[("test", 0)].isVisible() and not plot.points[("test", 1)].isVisible()
    assert plot.points[("train", 0)].isVisible() and plot.points[("train", 1)].isVisible()
    plot.set_data(d.X_train, d.y_train, d.X_test, d.y_test)  # a new dataset keeps the choice
    assert not plot.test_points_visible()
    plot.show_test.click()
    assert plot.test_points_visible()


def _gradient(res=101):
    """P(blue) growing from 0 at the left edge to 1 at the right edge."""
    return np.tile(np.linspace(0.0, 1.0, res, dtype=np.float32), (res, 1))


def _is_orange(px):
    r, g, b = (int(v) for v in px[:3])
    return r > 200 and r > g + 30 and g > b + 20


def _is_blue(px):
    r, g, b = (int(v) for v in px[:3])
    return b > 170 and b > r + 50


def _is_white(px):
    return all(int(v) >= 245 for v in px[:3])


def test_probabilities_map_to_orange_white_blue(plot):
    plot.set_region(_gradient(), EXTENT)
    img = plot.region_image()
    assert img.shape == (101, 101, 4) and img.dtype == np.uint8
    assert (img[..., 3] == 255).all()
    assert _is_orange(img[50, 0]) and _is_white(img[50, 50]) and _is_blue(img[50, 100])
    # light enough that the points on top stay visible
    assert img[50, 0, :3].astype(int).sum() > 3 * 160 and img[50, 100, :3].astype(int).sum() > 3 * 140
    # the colour moves steadily from orange to blue across the plane: red minus blue only falls
    red_minus_blue = img[50, :, 0].astype(int) - img[50, :, 2].astype(int)
    assert np.all(np.diff(red_minus_blue) <= 0) and red_minus_blue[0] > 80 and red_minus_blue[-1] < -60


def test_discretize_draws_two_colours(plot):
    plot.set_region(_gradient(), EXTENT)
    assert len(np.unique(plot.region_image().reshape(-1, 4), axis=0)) > 50
    plot.discretize.click()
    img = plot.region_image()
    colours = np.unique(img.reshape(-1, 4), axis=0)
    assert len(colours) == 2
    assert _is_orange(img[0, 0]) and _is_blue(img[0, 100])
    assert _is_orange(img[0, 50]) and _is_blue(img[0, 51])  # P = 0.5 exactly is not blue; P > 0.5 is
    plot.set_region(_gradient(), EXTENT)  # new frames stay discretized
    assert len(np.unique(plot.region_image().reshape(-1, 4), axis=0)) == 2
    plot.discretize.click()
    assert len(np.unique(plot.region_image().reshape(-1, 4), axis=0)) > 50


def _pixel_at(plot, x, y):
    """The colour the widget shows at plot coordinates (x, y)."""
    vb = plot.plot.getPlotItem().getViewBox()
    scene_pt = vb.mapViewToScene(QPointF(x, y))
    view_pt = plot.plot.mapFromScene(scene_pt)
    image = plot.plot.grab().toImage()
    dpr = image.devicePixelRatio()
    return image.pixelColor(int(view_pt.x() * dpr), int(view_pt.y() * dpr))


def test_row_zero_is_the_bottom(plot, qtbot):
    res = 40
    p = np.zeros((res, res), np.float32)
    p[res // 2:, :] = 1.0  # the upper half (rows from ymin upwards) is blue
    plot.set_region(p, EXTENT)
    qtbot.wait(10)
    top, bottom = _pixel_at(plot, 0.0, 1.2), _pixel_at(plot, 0.0, -1.2)
    assert top.blue() > top.red() + 50 and bottom.red() > bottom.blue() + 50
    p = np.zeros((res, res), np.float32)
    p[:, : res // 2] = 1.0  # and column 0 is the left
    plot.set_region(p, EXTENT)
    left, right = _pixel_at(plot, -1.2, 0.0), _pixel_at(plot, 1.2, 0.0)
    assert left.blue() > left.red() + 50 and right.red() > right.blue() + 50


def test_extent_is_honoured(plot):
    plot.set_region(_gradient(50), (-2.0, 2.0, -1.0, 3.0))
    assert plot.image_rect() == QRectF(-2.0, -1.0, 4.0, 4.0)
    (x0, x1), (y0, y1) = plot.plot.getPlotItem().getViewBox().viewRange()
    assert x0 <= -2.0 + 1e-9 and x1 >= 2.0 - 1e-9 and y0 <= -1.0 + 1e-9 and y1 >= 3.0 - 1e-9
    plot.set_region(_gradient(100), EXTENT)  # a new resolution keeps the rect on the extent
    assert plot.image_rect() == QRectF(DOMAIN[0], DOMAIN[0], DOMAIN[1] - DOMAIN[0], DOMAIN[1] - DOMAIN[0])
    assert plot.extent() == EXTENT


def test_aspect_is_square_and_view_fixed(plot):
    vb = plot.plot.getPlotItem().getViewBox()
    assert vb.state["aspectLocked"] == 1.0
    assert vb.state["mouseEnabled"] == [False, False]


def test_clear_region_and_bad_values(plot):
    plot.set_region(_gradient(), EXTENT)
    plot.clear_region()
    assert plot.region_image().shape == (0, 0, 4)
    p = _gradient()
    p[10:20, 10:20] = np.nan  # a diverged network: undecided, never garbage
    plot.set_region(p, EXTENT)
    img = plot.region_image()
    assert _is_white(img[15, 15]) and (img[..., 3] == 255).all()
    with pytest.raises(ValueError):
        plot.set_region(np.zeros(10), EXTENT)
