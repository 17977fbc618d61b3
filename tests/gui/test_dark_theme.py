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
    hints = qapp.styleHints()
    if hasattr(hints, "unsetColorScheme"):  # theme.apply asked Qt for a dark scheme: the system's again
        hints.unsetColorScheme()


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


# the computation graph, the gradient check, the landscape -------------------------------------------------------
def scene_texts(view) -> list[tuple[str, QColor, QColor]]:
    """(text, its colour, what it is drawn on) of every visible text of a QGraphicsView's scene: the filled items
    under the text's centre and below it (a node, a label's backdrop, a statement's box), over the background."""
    from PySide6.QtWidgets import QGraphicsTextItem

    scene, back = view.scene(), view.backgroundBrush().color()
    out = []
    for item in scene.items():
        if not item.isVisible():
            continue
        if isinstance(item, QGraphicsSimpleTextItem) and item.text():
            text, color = item.text(), item.brush().color()
        elif isinstance(item, QGraphicsTextItem) and item.toPlainText():
            text, color = item.toPlainText(), item.defaultTextColor()
        else:
            continue
        behind = QColor(back)
        stack = scene.items(item.sceneBoundingRect().center())  # topmost first
        if item not in stack:
            continue
        below = stack[stack.index(item) + 1:]  # (what is drawn over the text hides it: not its background)
        fills = [i for i in below
                 if i.isVisible() and not isinstance(i, (QGraphicsSimpleTextItem, QGraphicsTextItem))
                 and hasattr(i, "brush") and i.brush().style() != 0 and i.brush().color().alpha() > 0]
        for fill in reversed(fills):  # bottom first
            behind = over(fill.brush().color(), behind)
        out.append((text, color, behind))
    return out


@pytest.fixture
def graph_view(qtbot, dark):
    from bpviz.gui.widgets.graph.view import GraphView

    return shown(qtbot, GraphView(), 1000, 640)


@pytest.mark.parametrize("name", ["shopping", "micrograd_more_ops", "softmax_loss"])
def test_graph_view_texts_read_on_the_dark_background(graph_view, name):
    from bpviz.engine.graph_builtins import BUILTIN_GRAPHS, builtin

    if name not in BUILTIN_GRAPHS:
        pytest.skip(f"no built-in graph {name}")
    evaluation = builtin(name).evaluate()
    graph_view.set_evaluation(evaluation, -1)
    assert dark_background(graph_view.backgroundBrush().color())
    for position in range(-1, len(evaluation.steps)):  # every step: partial sums, each node the current one
        graph_view.set_position(position)
        texts = scene_texts(graph_view)
        assert len(texts) > 10
        for text, color, behind in texts:  # values above edges, gradients below, node labels and names, titles
            assert contrast(color, behind) >= AA, (position, text, color.name(), behind.name())
    for item in graph_view.scene().items():  # no light box left: nodes, leaves, constants, statements' boxes
        brush = item.brush() if hasattr(item, "brush") and not isinstance(item, QGraphicsSimpleTextItem) else None
        if brush is not None and brush.style() != 0 and brush.color().alpha() > 0 and item.isVisible():
            color = over(brush.color(), graph_view.backgroundBrush().color())
            is_edge_or_arrow = color.name() in {"#8d969f", QColor(palette.GRADIENT).name()}  # arrow heads
            assert is_edge_or_arrow or color.lightness() < 100, (type(item).__name__, color.name())


def test_graph_view_restyles_light_for_an_export_and_back(graph_view, tmp_path):
    from bpviz.engine.graph_builtins import builtin

    evaluation = builtin("micrograd_more_ops").evaluate()
    graph_view.set_evaluation(evaluation, 5)
    dark_texts = [(t, c.name()) for t, c, _b in scene_texts(graph_view)]
    image = corners_white(export_picture(graph_view, tmp_path / "graph.png", (1000, 640)))
    svg = export_picture(graph_view, tmp_path / "graph.svg").read_text()
    assert "#1c1e22" not in svg and "#e8e8e8" not in svg  # the light scheme's background and text
    pixels = np.array([[QColor(image.pixel(x, y)).lightness() for x in range(0, 1000, 5)] for y in range(0, 640, 5)])
    assert (pixels < 60).mean() < 0.05  # dark text and lines only
    assert [(t, c.name()) for t, c, _b in scene_texts(graph_view)] == dark_texts  # dark again on screen
    assert graph_view.highlighted_node() == evaluation.steps[5].node


def checks_of_every_verdict():
    from bpviz.engine.gradcheck import ParamCheck

    return [ParamCheck("w1", 1.0, 1.0, False), ParamCheck("w2", 1.0, 1.0 + 1e-5, False),
            ParamCheck("w3", 1.0, 2.0, False), ParamCheck("w4", 0.5, 0.25, True),
            ParamCheck("b1", 1e-12, 3e-12, False, noise=1.0)]


def test_gradcheck_table_rows_are_dark_tints_with_readable_text(qtbot, dark):
    from PySide6.QtCore import Qt

    from bpviz.gui.widgets.plots.gradcheck_table import GradCheckTable
    from bpviz.models.gradcheck_report import verdict

    table = shown(qtbot, GradCheckTable(), 900, 300)
    checks = checks_of_every_verdict()
    table.model_.set_checks(checks, {c.name: "i1 → h1" for c in checks}, {c.name: k for k, c in enumerate(checks)})
    assert {verdict(c) for c in checks} == {"agree", "close", "disagree", "kink", "noise"}
    model = table.model_
    for row in range(model.rowCount()):
        fill = model.data(model.index(row, 0), Qt.BackgroundRole).color()
        text = model.data(model.index(row, 0), Qt.ForegroundRole).color()
        assert fill.lightness() < 80, fill.name()
        assert contrast(text, fill) >= AA, (model.data(model.index(row, 6)), text.name(), fill.name())


def test_gradcheck_summary_and_threshold_labels_read_in_the_dark(qtbot, dark):
    import re

    from bpviz.gui.pages.gradcheck import GradCheckPage
    from bpviz.models.playground import PlaygroundModel

    page = shown(qtbot, GradCheckPage(PlaygroundModel()), 1280, 740)
    with qtbot.waitSignal(page.checkEnded, timeout=20000):
        page.check()
    fill = re.search(r"background: (#[0-9a-fA-F]{6})", page.summary.styleSheet()).group(1)
    assert QColor(fill).lightness() < 80
    text = re.search(r"(?<![-\w])color: (#[0-9a-fA-F]{6})", page.summary.styleSheet()).group(1)
    assert contrast(text, fill) >= AA
    background = page.plot.backgroundBrush().color()
    assert dark_background(background)
    for line in page.plot.thresholds.values():  # "1e-7: agree below", "1e-4: wrong above"
        backing = over(line.label.fill.color(), background)
        assert dark_background(backing)
        assert contrast(line.label.color, backing) >= AA, line.label.toPlainText()
    page.shutdown()


def test_landscape_legend_and_colour_bar_read_in_the_dark(qtbot, dark):
    import re

    from bpviz.gui.pages.landscape import LandscapePage

    page = shown(qtbot, LandscapePage(), 1200, 800)
    page.compute()
    qtbot.waitUntil(lambda: page.map.loss_map is not None, timeout=20000)
    plot = page.map.plot
    background = plot.backgroundBrush().color()
    assert dark_background(background)
    legend = page.map.legend
    assert contrast(legend.opts["color"], background) >= AA
    for color in re.findall(r"color:\s*(#[0-9a-fA-F]{6})", legend.text):  # the path's and the arrow's marks
        assert contrast(color, background) >= 3.0, color
    for axis in (page.map.bar.axis, plot.getPlotItem().getAxis("left"), plot.getPlotItem().getAxis("bottom")):
        assert contrast(axis.textPen().color(), background) >= AA
    page.shutdown()


# no light box in a dark window -----------------------------------------------------------------------------------
#: widgets meant to be light in the dark scheme, by object name: none
LIGHT_ALLOWED: set[str] = set()


def widget_backgrounds(widget) -> list[QColor]:
    """The colours ``widget`` fills its area with: its palette's background role (when it fills it), a style
    sheet's background, a graphics view's background brush."""
    import re

    from PySide6.QtWidgets import QAbstractScrollArea, QGraphicsView

    colours = []
    sheet = widget.styleSheet()
    for value in re.findall(r"background(?:-color)?\s*:\s*(#[0-9a-fA-F]{6}|[a-z]+)", sheet):
        if value not in ("transparent", "none"):
            colours.append(QColor(value))
    if widget.autoFillBackground() or isinstance(widget, QAbstractScrollArea):
        color = widget.palette().color(widget.backgroundRole())
        if color.alpha() > 0:
            colours.append(color)
    if isinstance(widget, QGraphicsView) and widget.backgroundBrush().style() != 0:
        colours.append(widget.backgroundBrush().color())
    return colours


@pytest.fixture
def dark_window(qtbot, app_as_it_was, tmp_path):
    from bpviz.gui.main_window import MainWindow

    theme.apply(app_as_it_was, "dark")
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.shutdown()
    window.close()


def light_widgets(qtbot, window) -> list[tuple]:
    """(page, class, name, colour) of every visible widget of every page (each shown in turn) that fills its area
    with a light colour."""
    from PySide6.QtWidgets import QWidget

    light = []
    for page in window.pages:
        window.tabs.setCurrentWidget(page)
        qtbot.wait(50)
        for widget in [page, *page.findChildren(QWidget)]:
            if not widget.isVisible() or widget.objectName() in LIGHT_ALLOWED:
                continue
            for color in widget_backgrounds(widget):
                if color.lightness() >= 110:
                    light.append((page.page_name, type(widget).__name__, widget.objectName(), color.name()))
    return light


def test_no_widget_of_any_page_has_a_light_background_in_the_dark(qtbot, dark_window):
    dark_window.page("graph").choose("micrograd_more_ops")
    with qtbot.waitSignal(dark_window.page("gradcheck").checkEnded, timeout=20000):
        dark_window.page("gradcheck").check()
    assert not light_widgets(qtbot, dark_window)


def test_every_picture_exported_from_a_dark_window_is_light(qtbot, dark_window, tmp_path):
    import re

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    dark_window.page("graph").choose("micrograd_more_ops")
    landscape = dark_window.page("landscape")
    landscape.compute()
    qtbot.waitUntil(lambda: landscape.map.loss_map is not None, timeout=20000)
    with qtbot.waitSignal(dark_window.page("gradcheck").checkEnded, timeout=20000):
        dark_window.page("gradcheck").check()
    pictures = dark_window.files.pictures()
    assert len(pictures) >= 10
    for key, picture in pictures.items():
        for page in dark_window.pages:
            if key in page.export_pictures():
                dark_window.tabs.setCurrentWidget(page)
        qtbot.wait(20)
        stem = key.replace("/", "_")
        image = QImage(str(export_picture(picture.target, tmp_path / f"{stem}.png")))
        w, h = image.width(), image.height()
        for x, y in ((2, 2), (w - 3, 2), (2, h - 3), (w - 3, h - 3)):
            assert QColor(image.pixel(x, y)).lightness() > 180, (key, x, y, QColor(image.pixel(x, y)).name())
        svg_path = export_picture(picture.target, tmp_path / f"{stem}.svg")
        svg = svg_path.read_text()
        fills = set(re.findall(r'fill="(#[0-9a-fA-F]{6})"', svg))
        # the dark scheme's background and window colours nowhere (text in the light scheme's near-black is fine)
        assert not fills & {"#1c1e22", "#25282d", "#2a2e34", "#30343a"}, (key, fills)
        rendered = QImage(400, 400 * h // max(w, 1) or 1, QImage.Format_RGB32)
        rendered.fill(QColor("#000000"))  # what the SVG leaves unpainted shows black
        painter = QPainter(rendered)
        QSvgRenderer(str(svg_path)).render(painter, QRectF(0, 0, rendered.width(), rendered.height()))
        painter.end()
        for x, y in ((3, 3), (rendered.width() - 4, rendered.height() - 4)):
            assert QColor(rendered.pixel(x, y)).lightness() > 180, (key, QColor(rendered.pixel(x, y)).name())
    assert palette.is_dark()
    assert dark_background(dark_window.palette().color(QPalette.Window))  # the window is dark again
    assert not light_widgets(qtbot, dark_window)
