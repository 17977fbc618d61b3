"""Every setting of a training-playground run, laid out as TensorFlow Playground users expect.

Two kinds of change: the learning rate, the batch size and the regularization are *live* (``lrChanged``,
``batchSizeChanged``, ``regularizationChanged``: the run goes on with the new value); everything else (data,
features, layers, activation, loss, seed) makes a new run, announced once per user action by ``configChanged``
with the whole new ``TrainConfig``. A slider emits when it is released, a click at once; keys and spin arrows
are coalesced over a short pause, so holding a key down does not restart training on every tick.
``set_config`` shows a configuration without emitting anything.

The problem type follows the data set: choosing a regression set (plane, multi-Gaussian) leaves one loss in the
loss box, the squared error with a linear output; choosing a classification set again brings back the
classification loss chosen before. Spiral and Gaussian come in 2 to 6 classes (the Classes box, disabled for the
other sets, which show 2); three or more classes leave the softmax cross-entropy alone in the loss box
(``problem_type``), and two classes again bring back the two-class loss chosen before.

The widgets and their places are bpviz.gui.widgets.controls.playground_layout's; this module says what they do.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QWidget

from bpviz.engine.datasets import CUSTOM, DatasetSpec
from bpviz.gui.widgets.controls.own_points import OwnPoints
from bpviz.gui.widgets.controls.panel_parts import select_data, select_number
from bpviz.gui.widgets.controls.playground_choices import (
    DEFAULT_CONFIG_ARGS,
    DEFAULT_DATASET,
    LOADED_RANGES,
    NOISE_STEP,
    POINTS_RANGE,
    RATIO_STEP,
    SEED_RANGE,
    SETTLE_MS,
)
from bpviz.gui.widgets.controls.playground_layout import PanelLayout
from bpviz.gui.widgets.controls.problem_type import ProblemType
from bpviz.training import TrainConfig


def _n_train(n_samples: int, test_ratio: float) -> int:
    """Exactly as DatasetSpec.make splits the points."""
    return n_samples - min(round(n_samples * test_ratio), n_samples - 1)


class PlaygroundControls(PanelLayout, QWidget):
    configChanged = Signal(object)  # a TrainConfig whose data or architecture differs: the page resets training
    customChosen = Signal()  # "Your data" chosen with no points of one's own yet: the page makes them from the shown
    lrChanged = Signal(float)  # live
    batchSizeChanged = Signal(int)  # live; 0 = full batch
    regularizationChanged = Signal(str, float)  # live: kind ("none", "l1", "l2") and rate

    def __init__(self, parent=None):
        super().__init__(parent)
        self._data_seed = DEFAULT_DATASET.seed  # the Seed box sets both seeds; a loaded config may hold two
        self._exact: dict[str, float] = {}  # loaded fractions between two slider steps, until the user moves it
        self._emit_timer = QTimer(self)
        self._emit_timer.setSingleShot(True)
        self._emit_timer.timeout.connect(self._emit_config)
        self._build_panel()  # bpviz.gui.widgets.controls.playground_layout
        self._wire()
        self.own = OwnPoints(self.points_spin, POINTS_RANGE, DEFAULT_DATASET.n_samples)  # "Your data"
        self.problem = ProblemType(self.classes_spin, self.loss_combo, self.loss_label, DEFAULT_CONFIG_ARGS["loss"])
        self.set_config(TrainConfig(dataset=DEFAULT_DATASET, **DEFAULT_CONFIG_ARGS))

    def _wire(self) -> None:
        """What each setting does when the user changes it (the actions below), and how the sliders read."""
        self.lr_combo.activated.connect(self._lr_chosen)
        self.activation_combo.activated.connect(lambda _i: self._user_changed())
        self.loss_combo.activated.connect(self._loss_chosen)
        self.reg_combo.activated.connect(self._reg_chosen)
        self.reg_rate_combo.activated.connect(self._reg_chosen)
        self.datasets.changed.connect(self._dataset_chosen)
        self.ratio.format = lambda _v: f"{self._train_percent():g}%"
        self.noise.format = lambda _v: f"{self._noise_percent():g}"
        for name, row in (("ratio", self.ratio), ("noise", self.noise)):
            row.touched.connect(lambda n=name: self._slider_touched(n))
            row.committed.connect(lambda settle: self._user_changed(settle))
        self.batch.format = self._batch_text
        self.batch.committed.connect(self._batch_committed)
        self.points_spin.valueChanged.connect(lambda _v: self._user_changed(settle=True))
        self.seed_spin.valueChanged.connect(self._seed_edited)
        self.new_seed_button.clicked.connect(self._new_seed)
        self.classes_spin.valueChanged.connect(self._classes_edited)
        self.features.changed.connect(lambda _f: self._user_changed())
        self.layers.changed.connect(lambda _h: self._user_changed())

    # ------------------------------------------------------------------ API
    def config(self) -> TrainConfig:
        """The settings shown, as a TrainConfig."""
        name = self.datasets.name()
        if name == CUSTOM:
            return self._custom_config()
        dataset = DatasetSpec(name=name, n_samples=self.points_spin.value(),
                              noise=self._noise(), test_ratio=self._test_ratio(), seed=self._data_seed,
                              classes=self.problem.classes(name))
        return TrainConfig(dataset=dataset, hidden=self.layers.hidden(),
                           activation=self.activation_combo.currentData(), loss=self.loss_combo.currentData(),
                           lr=float(self.lr_combo.currentData()), batch_size=self._batch_size(),
                           regularization=self.reg_combo.currentData(),
                           reg_rate=float(self.reg_rate_combo.currentData()), seed=self.seed_spin.value(),
                           features=self.features.features())

    def _custom_config(self) -> TrainConfig:
        """One's own points with the settings shown."""
        dataset = self.own.spec(self.classes_spin.value(), self._noise(), self._test_ratio(), self._data_seed)
        loss = self.loss_combo.currentData()
        return TrainConfig(dataset=DatasetSpec(), hidden=self.layers.hidden(),
                           activation=self.activation_combo.currentData(),
                           lr=float(self.lr_combo.currentData()), batch_size=self._batch_size(),
                           regularization=self.reg_combo.currentData(),
                           reg_rate=float(self.reg_rate_combo.currentData()), seed=self.seed_spin.value(),
                           features=self.features.features(), loss=loss).for_data(dataset)

    def set_config(self, config: TrainConfig) -> None:
        """Show ``config`` (a loaded session, a reset) without emitting any signal. Values between two slider
        steps (a session written by the CLI) are shown and kept exactly until the user moves that slider.
        A TrainConfig holds nothing these controls cannot show; a value beyond their ranges anyway (a config
        built around the checks) is refused before any widget changes."""
        d = config.dataset
        spins = ((self.seed_spin, config.seed, SEED_RANGE, LOADED_RANGES["seed"]),)
        if not d.is_custom:  # a set of one's own has the points it has: the box shows their count, disabled
            spins += ((self.points_spin, d.n_samples, POINTS_RANGE, LOADED_RANGES["points"]),)
        for spin, value, _usual, (low, high) in spins:
            if not low <= value <= high:
                raise ValueError(f"{spin.objectName()}: {value} is outside {low}..{high}")
        self._emit_timer.stop()
        self.features.set_features(config.features)  # first: it refuses an empty or unknown feature list
        self.datasets.set_name(d.name)
        self._exact = {}
        for name, row, fraction, percent, step in (
                ("ratio", self.ratio, d.test_ratio, 100 * (1 - d.test_ratio), RATIO_STEP),
                ("noise", self.noise, d.noise, 100 * d.noise, NOISE_STEP)):
            percent = round(percent, 6)
            slider = row.slider
            position = min(max(round(percent / step), slider.minimum()), slider.maximum())
            if percent != position * step or fraction != self._fraction(name, position):
                self._exact[name] = fraction
            row.set_value(position)
        for spin, value, (lo, hi), _loaded in spins:
            spin.blockSignals(True)
            spin.setRange(min(lo, value), max(hi, value))  # a session made elsewhere is shown as it is
            spin.setValue(value)
            spin.blockSignals(False)
        self._data_seed = d.seed
        self.own.remember(d)
        self._update_batch_range(0 if config.batch_size > self._n_train() else config.batch_size)
        self.layers.set_hidden(config.hidden)
        select_number(self.lr_combo, config.lr)
        select_data(self.activation_combo, config.activation)
        self.problem.show(d.name, d.classes, config.is_regression, config.loss)
        select_data(self.reg_combo, config.regularization)
        select_number(self.reg_rate_combo, config.reg_rate)
        shown = self.config()
        self._emitted = self.run_key(shown)
        self._lr, self._batch, self._reg = shown.lr, shown.batch_size, (shown.regularization, shown.reg_rate)

    def set_enabled_while_training(self, training: bool) -> None:
        """Nothing is disabled (a change simply starts a new run); while training, a note says which changes
        restart and which apply at once."""
        self.training_hint.setVisible(bool(training))

    # ------------------------------------------------------------------ reading the widgets
    @staticmethod
    def _fraction(name: str, position: int) -> float:
        """The test ratio or the noise of a slider position."""
        return round(1 - position * RATIO_STEP / 100, 6) if name == "ratio" else position * NOISE_STEP / 100

    def _test_ratio(self) -> float:
        return self._exact.get("ratio", self._fraction("ratio", self.ratio.slider.value()))

    def _train_percent(self) -> float:
        return round(100 * (1 - self._test_ratio()), 6)

    def _noise(self) -> float:
        return self._exact.get("noise", self._fraction("noise", self.noise.slider.value()))

    def _noise_percent(self) -> float:
        return round(100 * self._noise(), 6)

    def _n_train(self) -> int:
        return _n_train(self.points_spin.value(), self._test_ratio())

    def _batch_is_all(self) -> bool:
        return self.batch.slider.value() == self.batch.slider.maximum()

    def _batch_size(self) -> int:
        return 0 if self._batch_is_all() else self.batch.slider.value()

    def _batch_text(self, value: int) -> str:
        return self.tr("all ({n})").format(n=self._n_train()) if value == self.batch.slider.maximum() else str(value)

    @staticmethod
    def run_key(c: TrainConfig) -> tuple:
        """What makes a new run (the live settings left out)."""
        return c.dataset, c.hidden, c.activation, c.loss, c.seed, tuple(c.features)

    def _update_batch_range(self, batch_size: int) -> None:
        """Positions 1..n_train, then one more for "all" (0); a chosen size is kept, clamped to n_train."""
        n = self._n_train()
        self.batch.slider.setPageStep(max(1, n // 10))
        self.batch.set_value(n + 1 if batch_size == 0 else min(batch_size, n), limits=(1, n + 1))

    # ------------------------------------------------------------------ user actions
    def _slider_touched(self, name: str) -> None:
        """The user moves a slider that showed a loaded in-between value: from now on its steps count."""
        if self._exact.pop(name, None) is not None:
            getattr(self, name).refresh()
            self._user_changed(settle=True)  # even if the position does not move, the value did

    def _user_changed(self, settle: bool = False) -> None:
        """Something that makes a new run changed: emit once the action is over (coalesced, deduplicated)."""
        self.features.show_message("")  # an old refusal is no longer news
        self._update_batch_range(self._batch_size())  # n_train may have changed
        self._emit_timer.start(SETTLE_MS if settle else 0)

    def _emit_config(self) -> None:
        config = self.config()
        key = self.run_key(config)
        if key != self._emitted:
            self._emitted = key
            self._batch = config.batch_size  # a clamped batch size travels with the new config
            self.configChanged.emit(config)

    def _dataset_chosen(self, name: str) -> None:
        if name == CUSTOM:
            if self.own.points is None:  # nothing of one's own yet: the page makes it from the points shown
                self.customChosen.emit()
                return
            points = self.own.points
            self.own.show_count(len(points))
            self.problem.show(CUSTOM, max(points.n_classes, 2), points.regression, None)
        else:
            self.own.show_count(None)
            self.problem.dataset_chosen(name)
        self._user_changed()

    def _classes_edited(self, value: int) -> None:
        self.problem.classes_edited(value)
        self._user_changed(settle=True)

    def _loss_chosen(self, _index: int) -> None:
        self.problem.loss_chosen()
        self._user_changed()

    def _seed_edited(self, value: int) -> None:
        self._data_seed = value
        self._user_changed(settle=True)

    def _new_seed(self) -> None:
        current, value = self.seed_spin.value(), self.seed_spin.value()
        while value == current:
            value = random.randint(*SEED_RANGE)
        self.seed_spin.blockSignals(True)
        self.seed_spin.setValue(value)
        self.seed_spin.blockSignals(False)
        self._data_seed = value
        self._user_changed()

    def _batch_committed(self, _settle: bool) -> None:
        size = self._batch_size()
        if size != self._batch:
            self._batch = size
            self.batchSizeChanged.emit(size)

    def _lr_chosen(self, _index: int) -> None:
        lr = float(self.lr_combo.currentData())
        if lr != self._lr:
            self._lr = lr
            self.lrChanged.emit(lr)

    def _reg_chosen(self, _index: int) -> None:
        reg = (self.reg_combo.currentData(), float(self.reg_rate_combo.currentData()))
        if reg != self._reg:
            self._reg = reg
            self.regularizationChanged.emit(*reg)
