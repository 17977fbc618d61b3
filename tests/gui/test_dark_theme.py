"""Dark mode (issue 17): text stays readable (WCAG AA, ≥ 4.5:1) on the diagram and the plots, the start-up path
(``bpviz gui --theme dark``, View > Theme's setting) makes the window and the plots dark, and pictures exported
from a dark window come out light."""

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QMessageBox

from bpviz.cli import build_parser
from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.grid import GridEvaluator
from bpviz.engine.presets import ExampleParams, worked_example
from bpviz.engine.trace import trace_pass
from bpviz.gui import palette, theme
from bpviz.gui.export.pictures import export_picture
from bpviz.gui.widgets.diagram.view import NetworkDiagram
from bpviz.gui.widgets.plots.decision_plot import DecisionPlot
from bpviz.gui.widgets.plots.loss_plot import LossPlot
from bpviz.models.diagram import from_parameters, from_trace
from bpviz.training import TrainConfig, Trainer

AA = 4.5


# WCAG 2.x relative luminance and contrast ratio -------------------------------------------------------------
def luminance(color) -> float:
    c = QColor(color)

    def channel(v: int) -> float:
        s = v / 255.0
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a, b) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def over(color: QColor, backdrop) -> QColor:
    """``color`` (maybe see-through) composited over the opaque ``backdrop``."""
    b, a = QColor(backdrop), color.alphaF()
    return QColor.fromRgbF(*(a * x + (1 - a) * y for x, y in ((color.redF(), b.redF()), (color.greenF(), b.greenF()),
                                                              (color.blueF(), b.blueF()))))


def test_the_contrast_formula_gives_wcags_figures():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the classic AA grey


# fixtures ---------------------------------------------------------------------------------------------------
@pytest.fixture
def dark():
    """The palette's dark colours while the test builds its widgets; light again afterwards."""
    palette.use_dark()
    yield
    palette.use_light()


@pytest.fixture(scope="module")
def run():
    trainer = Trainer(TrainConfig(dataset=DatasetSpec("circle", n_samples=200, test_ratio=0.3, seed=1), seed=1))
    trainer.run_epochs(80)
    c = trainer.config
    maps = GridEvaluator(c.sizes, c.features, c.activation, trainer.network.output.name, res=60).evaluate(
        trainer.network.weights, trainer.network.biases)
    return trainer, maps


@pytest.fixture(scope="module")
def example_trace():
    p = ExampleParams()
    return trace_pass(worked_example(p), p.inputs, p.targets, p.lr)


def shown(qtbot, widget, width, height):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def loss_plot(qtbot, run, dark):
    w = shown(qtbot, LossPlot(), 700, 400)
    w.set_history(run[0].history.arrays())
    return w


@pytest.fixture
def decision_plot(qtbot, run, dark):
    trainer, maps = run
    w = shown(qtbot, DecisionPlot(), 400, 420)
    d = trainer.data
    w.set_data(d.X_train, d.y_train, d.X_test, d.y_test)
    w.set_region(maps.probability, maps.extent)
    return w


def dark_background(color) -> bool:
    return QColor(color).lightness() < 60


# the palette ------------------------------------------------------------------------------------------------
TEXT_COLOURS = ("TEXT", "MUTED", "NEW_VALUE", "GRADIENT", "ERROR_COLOR", "READ", "WRITE", "POSITIVE", "NEGATIVE",
                "NODE_BORDER")


@pytest.mark.parametrize("name", TEXT_COLOURS)
def test_every_text_colour_reads_on_the_dark_background_and_node_fill(name):
    colours = palette.colors("dark")
    for backdrop in ("BACKGROUND", "NODE_FILL"):
        assert contrast(colours[name], colours[backdrop]) >= AA, (name, backdrop)


def test_class_colours_stay_orange_and_blue_and_readable_in_the_dark():
    colours = palette.colors("dark")
    classes = colours["CLASS_PALETTE"]
    assert 15 <= QColor(classes[0]).hsvHue() <= 40  # orange
    assert 195 <= QColor(classes[1]).hsvHue() <= 225  # blue
    for c in classes:
        assert contrast(c, colours["BACKGROUND"]) >= AA
    for c in colours["SERIES_EXTRA"] + (colours["SERIES_LAST"],):  # the trajectories' curve colours
        assert contrast(c, colours["BACKGROUND"]) >= 3.0


def test_switching_the_palette_rebinds_every_name_and_back():
    light = palette.colors("light")
    palette.use_dark()
    try:
        assert palette.is_dark() and palette.TEXT == palette.colors("dark")["TEXT"]
        assert palette.class_color(1) == palette.colors("dark")["CLASS_PALETTE"][1]
    finally:
        palette.use_light()
    assert palette.scheme() == "light"
    assert {name: getattr(palette, name) for name in light} == light
    assert palette.TEXT == "#1e1e1e" and palette.BACKGROUND == "#ffffff"  # the light scheme as it always was


# the live widgets -------------------------------------------------------------------------------------------
def axis_text_colours(plot_widget) -> list[QColor]:
    item = plot_widget.getPlotItem()
    return [item.getAxis(name).textPen().color() for name in ("left", "bottom")]


def test_loss_plot_is_dark_and_its_texts_read(loss_plot):
    background = loss_plot.plot.backgroundBrush().color()
    assert dark_background(background)
    for color in axis_text_colours(loss_plot.plot):
        assert contrast(color, background) >= AA
    item = loss_plot.plot.getPlotItem()
    for name in ("left", "bottom"):  # the axes' titles ("loss", "step")
        assert contrast(item.getAxis(name).labelStyle["color"], background) >= AA
    legend_back = over(loss_plot.legend.opts["brush"].color(), background)
    for _sample, label in loss_plot.legend.items:
        assert contrast(label.opts["color"] if "color" in label.opts else palette.TEXT, legend_back) >= AA
    for curve in (loss_plot.train_curve, loss_plot.test_curve):  # the curves' colours are the header's text
        assert contrast(curve.opts["pen"].color(), background) >= AA


def test_decision_plot_is_dark_with_dark_tints_and_readable_axes(decision_plot):
    background = decision_plot.plot.backgroundBrush().color()
    assert dark_background(background)
    for color in axis_text_colours(decision_plot.plot):
        assert contrast(color, background) >= AA
    region = decision_plot.region_image()[..., :3].astype(float)
    assert region.mean() < 110  # tints mixed into the dark background, not into white
    rgb = region.reshape(-1, 3)
    assert (rgb[:, 0] > rgb[:, 2] + 20).any() and (rgb[:, 2] > rgb[:, 0] + 20).any()  # orange and blue remain


def diagram_texts(view) -> list[tuple[str, QColor, QColor]]:
    """(text, its colour, what it is drawn on) of every visible text of the diagram's scene."""
    back = view.backgroundBrush().color()
    out = []
    for item in view.scene().items():
        if not isinstance(item, QGraphicsSimpleTextItem) or not item.isVisible() or not item.text():
            continue
        behind = back
        parent = item.parentItem()
        brush = parent.brush() if parent is not None and hasattr(parent, "brush") else None
        if brush is not None and brush.style() != 0 and brush.color().alpha() > 0:
            behind = over(brush.color(), back)
        out.append((item.text(), item.brush().color(), behind))
    return out


@pytest.mark.parametrize("step", ["out_h1", "E_total", "dE/dw5", "w5+"])
def test_diagram_labels_read_on_the_dark_background(qtbot, dark, example_trace, step):
    view = shown(qtbot, NetworkDiagram(), 900, 600)
    view.set_state(from_trace(example_trace, example_trace.index(step)))
    assert dark_background(view.backgroundBrush().color())
    texts = diagram_texts(view)
    assert len(texts) > 10
    for text, color, behind in texts:
        assert contrast(color, behind) >= AA, (text, color.name(), behind.name())
    assert {c.name() for _t, c, _b in texts} >= {palette.TEXT}
    # the legend under it: text in palette.TEXT on the dark background
    assert contrast(palette.TEXT, view.legend.background) >= AA and dark_background(view.legend.background)


def test_playground_diagram_captions_read_on_the_dark_background(qtbot, dark, run):
    trainer, maps = run
    net = trainer.network
    view = shown(qtbot, NetworkDiagram(), 1000, 600)
    view.set_state(from_parameters(trainer.config.sizes, net.weights, net.biases, neuron_images=maps.neurons,
                                   input_labels=("x₁", "x₂")))
    texts = diagram_texts(view)
    assert texts
    for text, color, behind in texts:
        assert contrast(color, behind) >= AA, (text, color.name(), behind.name())


# the start-up path ------------------------------------------------------------------------------------------
def test_the_gui_command_takes_a_theme():
    assert build_parser().parse_args(["gui", "--theme", "dark"]).theme == "dark"
    assert build_parser().parse_args(["gui"]).theme is None
    assert theme.resolve("dark") == "dark" and theme.resolve("light") == "light"


def test_the_setting_chooses_the_theme_unless_the_command_line_does(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    assert theme.chosen_setting(settings) == "system"
    theme.save_choice("dark", settings)
    assert theme.resolve(None, settings) == "dark"
    assert theme.resolve("light", settings) == "light"
    settings.setValue(theme.SETTING, "purple")  # edited by hand
    assert theme.chosen_setting(settings) == "system"


@pytest.fixture
def app_as_it_was(qapp):
    """The application's style and palette put back after a test that applies a theme to it."""
    style, pal = qapp.style().name(), QPalette(qapp.palette())
    yield qapp
    palette.use_light()
    qapp.setStyle(style)
    qapp.setPalette(pal)


def test_applying_dark_makes_the_window_and_its_plots_dark(qtbot, app_as_it_was, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    theme.save_choice("dark", settings)
    args = build_parser().parse_args(["gui"])
    assert theme.apply(app_as_it_was, theme.resolve(args.theme, settings)) == "dark"
    from bpviz.gui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    try:
        window_colour = window.palette().color(QPalette.Window)
        assert dark_background(window_colour)
        assert contrast(window.palette().color(QPalette.WindowText), window_colour) >= AA
        assert contrast(window.palette().color(QPalette.Text), window.palette().color(QPalette.Base)) >= AA
        pg_plots = [window.playground.findChild(LossPlot), window.playground.findChild(DecisionPlot)]
        for plot in pg_plots:
            assert dark_background(plot.plot.backgroundBrush().color())
        assert dark_background(window.playground.findChild(NetworkDiagram).backgroundBrush().color())
        assert window.theme_actions["dark"].isChecked()
        image = window.grab().toImage()
        assert QColor(image.pixel(image.width() // 2, image.height() - 40)).lightness() < 90
    finally:
        window.shutdown()
        window.close()


def test_view_theme_keeps_the_choice_for_the_next_start(qtbot, tmp_path):
    from bpviz.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    try:
        assert window.theme_actions["system"].isChecked()
        assert "next start" in window.theme_actions["dark"].statusTip()
        window.theme_actions["dark"].trigger()
        assert theme.chosen_setting(settings) == "dark" and window.theme_actions["dark"].isChecked()
        assert palette.scheme() == "light"  # applies after a restart
    finally:
        for box in window.findChildren(QMessageBox):
            box.close()
        window.shutdown()
        window.close()


# exports stay light -----------------------------------------------------------------------------------------
def corners_white(path) -> None:
    image = QImage(str(path))
    assert not image.isNull()
    w, h = image.width(), image.height()
    for x, y in ((2, 2), (w - 3, 2), (2, h - 3), (w - 3, h - 3)):
        assert QColor(image.pixel(x, y)).name() == "#ffffff", (path, x, y)
    return image


def test_an_export_of_the_dark_loss_curve_is_light(loss_plot, tmp_path):
    image = corners_white(export_picture(loss_plot.plot, tmp_path / "loss.png", (800, 500)))
    pixels = np.array([[QColor(image.pixel(x, y)).lightness() for x in range(0, 800, 4)] for y in range(0, 500, 4)])
    assert (pixels < 100).sum() > 50  # the train curve and the axes' text drawn dark on it
    svg = export_picture(loss_plot.plot, tmp_path / "loss.svg").read_text()
    assert "#1e1e1e" in svg and "#e8e8e8" not in svg  # the train curve in the light scheme's text colour
    assert dark_background(loss_plot.plot.backgroundBrush().color())  # the window stays dark
    assert palette.is_dark()


def test_an_export_of_the_dark_decision_region_is_light(decision_plot, tmp_path):
    dark_region = decision_plot.region_image().copy()
    image = corners_white(export_picture(decision_plot.plot, tmp_path / "region.png", (500, 500)))
    middle = QColor(image.pixel(250, 250))
    assert middle.lightness() > 150  # the region's light tints
    assert np.array_equal(decision_plot.region_image(), dark_region)  # dark again on screen


def test_an_export_of_the_dark_diagram_is_light(qtbot, dark, example_trace, tmp_path):
    view = shown(qtbot, NetworkDiagram(), 900, 600)
    view.set_state(from_trace(example_trace, example_trace.index("w5+")))
    corners_white(export_picture(view, tmp_path / "diagram.png", (900, 600)))
    svg = export_picture(view, tmp_path / "diagram.svg").read_text()
    assert "#1c1e22" not in svg  # no dark background anywhere, legend included
    assert dark_background(view.backgroundBrush().color())
    assert all(contrast(c, b) >= AA for _t, c, b in diagram_texts(view))  # back in the dark colours
