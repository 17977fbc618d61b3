"""The playground's settings panel, driven like a user: clicks, keys, slider drags, combo pop-ups."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QSlider,
    QSpinBox,
    QStyle,
    QStyleOptionSlider,
)

from bpviz.engine.datasets import DatasetSpec
from bpviz.gui.widgets.controls.playground import SETTLE_MS, PlaygroundControls
from bpviz.training import MAX_LAYERS, MAX_WIDTH, TrainConfig

QUIET_MS = SETTLE_MS + 150  # long enough for a coalesced emit to have happened


@pytest.fixture
def controls(qtbot):
    w = PlaygroundControls()
    qtbot.addWidget(w)
    w.resize(280, 780)
    w.show()
    qtbot.waitExposed(w)
    return w


class Recorder:
    def __init__(self, w):
        self.config, self.lr, self.batch, self.reg = [], [], [], []
        w.configChanged.connect(self.config.append)
        w.lrChanged.connect(self.lr.append)
        w.batchSizeChanged.connect(self.batch.append)
        w.regularizationChanged.connect(lambda kind, rate: self.reg.append((kind, rate)))

    def counts(self):
        return len(self.config), len(self.lr), len(self.batch), len(self.reg)


@pytest.fixture
def rec(controls):
    return Recorder(controls)


def settle(qtbot):
    qtbot.wait(QUIET_MS)


def click(qtbot, button):
    button.window().scroll.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.LeftButton)


def handle_centre(slider: QSlider) -> QPoint:
    opt = QStyleOptionSlider()
    slider.initStyleOption(opt)
    return slider.style().subControlRect(QStyle.CC_Slider, opt, QStyle.SC_SliderHandle, slider).center()


def drag_slider(qtbot, slider: QSlider, value: int, seen: list | None = None):
    """Press on the handle, move the mouse step by step until the slider shows ``value``, release."""
    controls = slider.window()
    controls.scroll.ensureWidgetVisible(slider)
    start = handle_centre(slider)
    QTest.mousePress(slider, Qt.LeftButton, Qt.NoModifier, start)
    assert slider.isSliderDown()
    direction = 1 if value > slider.value() else -1
    x = start.x()
    while slider.value() != value:
        x += direction
        assert 0 <= x <= slider.width(), "the slider never reached the value"
        QTest.mouseMove(slider, QPoint(x, start.y()))
        if seen is not None:
            seen.append(slider.value())
    QTest.mouseRelease(slider, Qt.LeftButton, Qt.NoModifier, QPoint(x, start.y()))
    assert not slider.isSliderDown()


def choose(qtbot, combo: QComboBox, text: str):
    """Open the pop-up and click the item, as a user does."""
    combo.window().scroll.ensureWidgetVisible(combo)
    index = combo.findText(text)
    assert index >= 0, text
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.scrollTo(view.model().index(index, 0))
    rect = view.visualRect(view.model().index(index, 0))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == text


DEFAULT = TrainConfig(dataset=DatasetSpec(name="circle", n_samples=200, noise=0.1, test_ratio=0.5, seed=1),
                      hidden=(4, 4), activation="tanh", loss="bce", lr=0.03, batch_size=10, regularization="none",
                      reg_rate=0.0, seed=1, features=("x1", "x2"))


def test_defaults_are_the_documented_ones(controls):
    assert controls.config() == DEFAULT
    assert controls.dataset_buttons["circle"].isChecked()
    assert controls.ratio.value_label.text() == "50%"
    assert controls.noise.value_label.text() == "10"
    assert controls.batch.value_label.text() == "10"
    assert controls.batch_slider.maximum() == 101  # 1..100 training points, then "all"
    assert controls.points_spin.value() == 200 and controls.seed_spin.value() == 1
    assert [n for n, b in controls.feature_buttons.items() if b.isChecked()] == ["x1", "x2"]
    assert controls.layers.hidden() == (4, 4)
    assert controls.lr_combo.currentText() == "0.03"
    assert controls.activation_combo.currentText() == "Tanh"
    assert controls.loss_combo.currentData() == "bce"
    assert controls.reg_combo.currentText() == "None" and controls.reg_rate_combo.currentText() == "0"
    assert [controls.lr_combo.itemText(i) for i in range(controls.lr_combo.count())] == [
        "0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10"]
    assert not controls.lr_combo.isEditable()


def test_clicking_a_dataset_emits_one_new_config(qtbot, controls, rec):
    with qtbot.waitSignal(controls.configChanged, timeout=1000) as sig:
        click(qtbot, controls.dataset_buttons["spiral"])
    assert sig.args[0].dataset.name == "spiral"
    assert controls.dataset_buttons["spiral"].isChecked() and not controls.dataset_buttons["circle"].isChecked()
    settle(qtbot)
    assert rec.counts() == (1, 0, 0, 0)
    click(qtbot, controls.dataset_buttons["spiral"])  # the one already chosen: nothing new
    settle(qtbot)
    assert rec.counts() == (1, 0, 0, 0) and controls.dataset_buttons["spiral"].isChecked()


def test_dragging_noise_emits_once_on_release(qtbot, controls, rec):
    seen = []
    drag_slider(qtbot, controls.noise_slider, 6, seen)
    assert len(set(seen)) >= 3  # the drag went through intermediate ticks ...
    assert controls.noise.value_label.text() == "30"
    qtbot.waitUntil(lambda: len(rec.config) == 1, timeout=1000)
    settle(qtbot)
    assert rec.counts() == (1, 0, 0, 0)  # ... but only the release emitted
    assert rec.config[0].dataset.noise == 0.3
    assert controls.config().dataset.noise == 0.3


def test_keys_on_a_slider_are_coalesced(qtbot, controls, rec):
    controls.noise_slider.setFocus()
    for _ in range(4):  # 10 -> 30 in four quick presses
        qtbot.keyClick(controls.noise_slider, Qt.Key_Right)
    qtbot.waitUntil(lambda: len(rec.config) == 1, timeout=1000)
    settle(qtbot)
    assert len(rec.config) == 1 and rec.config[0].dataset.noise == 0.3


def test_ratio_slider_changes_the_split_and_the_batch_range(qtbot, controls, rec):
    controls.ratio_slider.setFocus()
    qtbot.keyClick(controls.ratio_slider, Qt.Key_End)  # 90 % training
    qtbot.waitUntil(lambda: len(rec.config) == 1, timeout=1000)
    assert controls.ratio.value_label.text() == "90%"
    assert rec.config[0].dataset.test_ratio == pytest.approx(0.1)
    assert controls.batch_slider.maximum() == 181  # 180 training points, then "all"
    assert rec.counts() == (1, 0, 0, 0)


def test_learning_rate_is_live_only(qtbot, controls, rec):
    with qtbot.waitSignal(controls.lrChanged, timeout=1000) as sig:
        choose(qtbot, controls.lr_combo, "0.1")
    assert sig.args == [0.1]
    settle(qtbot)
    assert rec.counts() == (0, 1, 0, 0)
    assert controls.config().lr == 0.1


def test_learning_rate_by_keyboard(qtbot, controls, rec):
    controls.lr_combo.setFocus()
    qtbot.keyClick(controls.lr_combo, Qt.Key_Down)
    settle(qtbot)
    assert rec.lr == [0.1] and rec.config == []


def test_batch_size_all_emits_zero_and_no_reset(qtbot, controls, rec):
    controls.batch_slider.setFocus()
    with qtbot.waitSignal(controls.batchSizeChanged, timeout=1000) as sig:
        qtbot.keyClick(controls.batch_slider, Qt.Key_End)
    assert sig.args == [0]
    assert controls.batch.value_label.text() == "all (100)"
    assert controls.config().batch_size == 0
    drag_slider(qtbot, controls.batch_slider, 95)
    settle(qtbot)
    assert rec.batch == [0, 95] and rec.config == []


def test_batch_size_is_clamped_when_the_training_set_shrinks(qtbot, controls, rec):
    controls.batch_slider.setFocus()
    qtbot.keyClick(controls.batch_slider, Qt.Key_Home)  # 1: stochastic gradient descent
    assert rec.batch == [1]
    for _ in range(79):
        qtbot.keyClick(controls.batch_slider, Qt.Key_Right)
    assert controls.config().batch_size == 80
    controls.ratio_slider.setFocus()
    qtbot.keyClick(controls.ratio_slider, Qt.Key_Home)  # 10 % training: 20 points
    qtbot.waitUntil(lambda: len(rec.config) == 1, timeout=1000)
    assert rec.config[0].batch_size == 20  # clamped, and carried by the new config
    assert controls.batch_slider.maximum() == 21 and controls.batch.value_label.text() == "20"


def test_points_spin(qtbot, controls, rec):
    spin = controls.points_spin
    controls.scroll.ensureWidgetVisible(spin)
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "500")
    assert rec.config == []  # typing is not yet a change
    qtbot.keyClick(spin, Qt.Key_Return)
    qtbot.waitUntil(lambda: len(rec.config) == 1, timeout=1000)
    assert rec.config[0].dataset.n_samples == 500
    assert controls.batch_slider.maximum() == 251
    spin.selectAll()
    qtbot.keyClicks(spin, "20")  # below the minimum of 50: refused by the box, back to 500
    qtbot.keyClick(spin, Qt.Key_Return)
    settle(qtbot)
    assert spin.value() == 500 and len(rec.config) == 1


def test_new_seed_regenerates(qtbot, controls, rec):
    with qtbot.waitSignal(controls.configChanged, timeout=1000) as sig:
        click(qtbot, controls.new_seed_button)
    new = sig.args[0]
    assert new.seed != 1 and new.dataset.seed == new.seed == controls.seed_spin.value()
    assert 0 <= new.seed <= 99_999


def test_toggling_a_feature(qtbot, controls, rec):
    with qtbot.waitSignal(controls.configChanged, timeout=1000) as sig:
        click(qtbot, controls.feature_buttons["x1^2"])
    assert sig.args[0].features == ("x1", "x2", "x1^2")
    assert sig.args[0].sizes == (3, 4, 4, 1)


def test_the_last_feature_cannot_be_unchecked(qtbot, controls, rec):
    buttons = controls.feature_buttons
    click(qtbot, buttons["x1"])
    qtbot.waitUntil(lambda: len(rec.config) == 1, timeout=1000)
    assert rec.config[0].features == ("x2",)
    assert "at least one" in buttons["x2"].toolTip()
    click(qtbot, buttons["x2"])  # the last one
    settle(qtbot)
    assert buttons["x2"].isChecked() and controls.config().features == ("x2",)
    assert len(rec.config) == 1
    message = controls.features.message
    assert message.isVisible() and "at least one" in message.text()
    click(qtbot, buttons["sin(x1)"])  # a valid choice clears the message
    qtbot.waitUntil(lambda: len(rec.config) == 2, timeout=1000)
    assert rec.config[1].features == ("x2", "sin(x1)") and not message.isVisible()


def test_layers_plus_minus_within_limits(qtbot, controls, rec):
    layers = controls.layers
    for _ in range(MAX_LAYERS - 2):
        click(qtbot, layers.add_layer_button)
    assert layers.hidden() == (4, 4, 2, 2, 2, 2)
    assert not layers.add_layer_button.isEnabled() and "maximum" in layers.add_layer_button.toolTip()
    qtbot.waitUntil(lambda: len(rec.config) >= 1, timeout=1000)
    settle(qtbot)
    assert rec.config[-1].hidden == (4, 4, 2, 2, 2, 2)

    first = layers.columns[0]
    for _ in range(MAX_WIDTH):
        if first.plus.isEnabled():
            click(qtbot, first.plus)
    assert layers.hidden()[0] == MAX_WIDTH and not first.plus.isEnabled() and first.minus.isEnabled()
    assert first.count.text() == "16"
    for _ in range(MAX_WIDTH):
        if first.minus.isEnabled():
            click(qtbot, first.minus)
    assert layers.hidden()[0] == 1 and not first.minus.isEnabled()

    for _ in range(MAX_LAYERS):
        click(qtbot, layers.remove_layer_button)
    assert layers.hidden() == () and not layers.remove_layer_button.isEnabled()
    assert layers.empty_note.isVisible() and not first.isVisible()
    qtbot.waitUntil(lambda: rec.config[-1].hidden == (), timeout=1000)
    assert rec.config[-1].sizes == (2, 1)
    click(qtbot, layers.add_layer_button)
    qtbot.waitUntil(lambda: rec.config[-1].hidden == (2,), timeout=1000)
    assert rec.lr == rec.batch == rec.reg == []


def test_activation_and_loss_make_a_new_run(qtbot, controls, rec):
    with qtbot.waitSignal(controls.configChanged, timeout=1000) as sig:
        choose(qtbot, controls.activation_combo, "ReLU")
    assert sig.args[0].activation == "relu"
    with qtbot.waitSignal(controls.configChanged, timeout=1000) as sig:
        choose(qtbot, controls.loss_combo, "softmax cross-entropy (2 outputs)")
    assert sig.args[0].loss == "softmax_ce" and sig.args[0].sizes == (2, 4, 4, 2)
    assert controls.loss_combo.findText("squared error ½(y−t)²") >= 0


def test_regularization_is_live(qtbot, controls, rec):
    with qtbot.waitSignal(controls.regularizationChanged, timeout=1000) as sig:
        choose(qtbot, controls.reg_combo, "L2")
    assert sig.args == ["l2", 0.0]
    with qtbot.waitSignal(controls.regularizationChanged, timeout=1000) as sig:
        choose(qtbot, controls.reg_rate_combo, "0.01")
    assert sig.args == ["l2", 0.01]
    settle(qtbot)
    assert rec.config == [] and controls.config().regularization == "l2" and controls.config().reg_rate == 0.01


def test_set_config_shows_without_emitting(qtbot, controls, rec):
    loaded = TrainConfig(dataset=DatasetSpec(name="moons", n_samples=400, noise=0.35, test_ratio=0.3, seed=7),
                         hidden=(8, 3, 5), activation="sigmoid", loss="half_sse", lr=1.0, batch_size=0,
                         regularization="l1", reg_rate=0.003, seed=7, features=("x1", "x1*x2", "sin(x2)"))
    controls.set_config(loaded)
    settle(qtbot)
    assert rec.counts() == (0, 0, 0, 0)
    assert controls.config() == loaded
    assert controls.dataset_buttons["moons"].isChecked()
    assert controls.ratio.value_label.text() == "70%" and controls.noise.value_label.text() == "35"
    assert controls.batch.value_label.text() == "all (280)" and controls.points_spin.value() == 400
    assert controls.layers.hidden() == (8, 3, 5) and controls.layers.columns[2].count.text() == "5"
    assert controls.activation_combo.currentText() == "Sigmoid" and controls.lr_combo.currentText() == "1"
    assert [n for n, b in controls.feature_buttons.items() if b.isChecked()] == ["x1", "x1*x2", "sin(x2)"]


def test_set_config_keeps_values_between_the_steps(qtbot, controls, rec):
    odd = TrainConfig(dataset=DatasetSpec(name="xor", n_samples=3000, noise=0.37, test_ratio=0.25, seed=3),
                      lr=0.05, batch_size=7, reg_rate=0.02, seed=123456)
    controls.set_config(odd)
    settle(qtbot)
    assert rec.counts() == (0, 0, 0, 0)
    assert controls.config() == odd  # a session from the CLI comes back unchanged
    assert controls.noise.value_label.text() == "37" and controls.ratio.value_label.text() == "75%"
    assert controls.lr_combo.currentText() == "0.05"
    controls.set_config(DEFAULT)  # the extra choice goes away again
    assert controls.lr_combo.findText("0.05") < 0 and controls.config() == DEFAULT
    swapped = TrainConfig(features=("x2", "x1"))  # a loaded network's inputs keep their order (and its weights)
    controls.set_config(swapped)
    assert controls.config() == swapped
    controls.set_config(odd)
    controls.noise_slider.setFocus()
    qtbot.keyClick(controls.noise_slider, Qt.Key_Left)  # moving it returns to the steps
    qtbot.waitUntil(lambda: len(rec.config) == 1, timeout=1000)
    assert rec.config[0].dataset.noise in (0.3, 0.35)


def at_the_limits():
    """Configurations at every limit of TrainConfig and DatasetSpec: what a checked session may hold."""
    from bpviz.engine.datasets import MAX_NOISE, MAX_SAMPLES, MAX_SEED, MAX_TEST_RATIO, MIN_SAMPLES
    from bpviz.training.trainer import MAX_BATCH_SIZE, MIN_RATE

    yield TrainConfig(dataset=DatasetSpec("spiral", MAX_SAMPLES, MAX_NOISE, 0.0, MAX_SEED), seed=MAX_SEED,
                      hidden=(MAX_WIDTH,) * MAX_LAYERS, batch_size=MAX_BATCH_SIZE, lr=1e300, reg_rate=1e300,
                      regularization="l2")
    yield TrainConfig(dataset=DatasetSpec("plane", MIN_SAMPLES, 0.0, MAX_TEST_RATIO, 0), seed=0, hidden=(),
                      loss="half_sse", batch_size=1, lr=MIN_RATE, reg_rate=MIN_RATE, regularization="l1")
    yield TrainConfig(dataset=DatasetSpec("xor", 333, 0.1 / 3, 0.123456789, 5))  # was rounded to 6 decimals


def test_set_config_shows_whatever_the_checks_let_through(qtbot, controls, rec):
    for config in at_the_limits():
        controls.set_config(config)  # a seed of 2^31 - 1 fits a spin box (2^31 raised OverflowError)
        shown = controls.config()
        full_batch = config.batch_size > controls._n_train()  # shown as "all"
        assert shown == (TrainConfig(**{**vars(config), "batch_size": 0}) if full_batch else config)
        assert (controls.seed_spin.value(), controls.points_spin.value()) == (config.seed, config.dataset.n_samples)
    settle(qtbot)
    assert rec.counts() == (0, 0, 0, 0)


def test_set_config_refuses_before_changing_anything(controls):
    """A TrainConfig made around its checks cannot leave the panel half changed (an OverflowError from the seed
    box came after the features, the data set and the sliders had changed)."""
    from bpviz.engine.datasets import MAX_SEED

    shown = controls.config()
    for field, value in (("seed", MAX_SEED + 1), ("n_samples", 10**6)):
        bad = TrainConfig(dataset=DatasetSpec("moons"), features=("x1", "x2", "x1*x2"), hidden=(2,))
        object.__setattr__(bad.dataset if field == "n_samples" else bad, field, value)
        with pytest.raises(ValueError, match="outside"):
            controls.set_config(bad)
        assert controls.config() == shown and not controls.dataset_buttons["moons"].isChecked()


def test_training_hint(controls):
    controls.set_enabled_while_training(True)
    assert controls.training_hint.isVisibleTo(controls)
    controls.set_enabled_while_training(False)
    assert not controls.training_hint.isVisibleTo(controls)


def test_every_control_has_a_tooltip(controls):
    kinds = (QAbstractButton, QComboBox, QSlider, QSpinBox)
    widgets = [w for kind in kinds for w in controls.findChildren(kind)]
    assert len(widgets) > 30
    missing = [w.objectName() or w.text() for w in widgets if not w.toolTip().strip()]
    assert missing == []


def test_panel_fits_its_width(controls):
    body = controls.scroll.widget()
    assert body.width() <= controls.width()
    assert controls.scroll.horizontalScrollBar().maximum() == 0
    for button in controls.dataset_buttons.values():
        assert button.width() >= 60


def wheel(widget, steps: int):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -120 * steps),
                        Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_panel_not_the_settings(qtbot, controls, rec):
    bar = controls.scroll.verticalScrollBar()
    assert bar.maximum() > 0  # 780 px is not quite enough: the panel scrolls
    before = bar.value()
    wheel(controls.noise_slider, 1)
    wheel(controls.lr_combo, 1)
    settle(qtbot)
    assert bar.value() > before
    assert controls.config() == DEFAULT and rec.counts() == (0, 0, 0, 0)
    controls.lr_combo.setFocus()  # once chosen (clicked or tabbed to), the wheel works as usual
    qtbot.waitUntil(controls.lr_combo.hasFocus)
    wheel(controls.lr_combo, 1)
    settle(qtbot)
    assert rec.lr == [0.1] and rec.config == []
