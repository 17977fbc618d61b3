"""How the playground's settings panel is laid out: a scrolling column of sections (Training, Data, Features, Hidden
layers) and a note under them, each setting a widget with its label, range and tooltip.

Mixed into PlaygroundControls, as a Qt Designer form is: this makes the widgets and places them; what a change of
each one does is wired in bpviz.gui.widgets.controls.playground. Its texts are translated in the
"PlaygroundControls" context, where the panel's translations are filed.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpviz.gui import palette
from bpviz.gui.i18n import translate
from bpviz.gui.widgets.controls.dataset_chooser import DatasetChooser
from bpviz.gui.widgets.controls.layer_editor import FeatureChooser, HiddenLayersEditor
from bpviz.gui.widgets.controls.panel_parts import WheelGuard, buddy_label, make_combo, number_text, panel_section
from bpviz.gui.widgets.controls.playground_choices import (
    ACTIVATIONS,
    CLASSES_RANGE,
    LEARNING_RATES,
    LOSSES,
    NOISE_MAX,
    NOISE_STEP,
    POINTS_RANGE,
    RATIO_STEP,
    REG_RATES,
    REGULARIZATIONS,
    SEED_RANGE,
    tip,
)
from bpviz.gui.widgets.controls.slider_row import SliderRow


class PanelLayout:
    """Mixed into PlaygroundControls (before QWidget): ``_build_panel`` makes its widgets, wired by the panel."""

    def sizeHint(self) -> QSize:
        return QSize(290, 780)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 200)  # narrower than the contents (~255 px) only by scrolling sideways

    def _build_panel(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setAccessibleName(translate("PlaygroundControls", "Settings of the network and its training"))
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)  # only if squeezed below ~255 px
        self.scroll.setFrameShape(QFrame.NoFrame)
        outer.addWidget(self.scroll)
        body = QWidget()
        body.setObjectName("playground_controls_body")
        self.scroll.setWidget(body)
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 6, 8, 8)
        column.setSpacing(10)
        # Training first: the learning rate and friends are what users change most while watching, and the
        # whole panel does not fit at 1280x800 (TensorFlow Playground keeps them in its top bar).
        column.addWidget(self._training_section())
        column.addWidget(self._data_section())
        column.addWidget(self._features_section())
        column.addWidget(self._layers_section())
        self.training_hint = QLabel(translate("PlaygroundControls", "Training is running: a change to the data, "
                                              "features, layers, activation or loss starts a new run; rate, batch "
                                              "size and regularization apply at once."))
        self.training_hint.setObjectName("training_hint")
        self.training_hint.setWordWrap(True)
        self.training_hint.setStyleSheet(f"color: {palette.MUTED};")
        self.training_hint.setVisible(False)
        column.addWidget(self.training_hint)
        column.addStretch(1)
        self.wheel_guard = WheelGuard(self.scroll)
        self.wheel_guard.guard(w for kind in (QComboBox, QAbstractSpinBox, QAbstractSlider)
                               for w in body.findChildren(kind))

    def _training_section(self) -> QWidget:
        section, layout = panel_section(translate("PlaygroundControls", "Training"), "training_section")
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.lr_combo = make_combo("lr_combo", [(v, number_text(v)) for v in LEARNING_RATES], tip("lr"))
        self.activation_combo = make_combo("activation_combo", ACTIVATIONS, tip("activation"))
        self.loss_combo = make_combo("loss_combo", LOSSES, tip("loss"))
        self.reg_combo = make_combo("regularization_combo", REGULARIZATIONS, tip("regularization"))
        self.reg_rate_combo = make_combo("reg_rate_combo", [(v, number_text(v)) for v in REG_RATES], tip("reg_rate"))
        cells = ((0, 0, 1, translate("PlaygroundControls", "Learning rate"), self.lr_combo),
                 (0, 1, 1, translate("PlaygroundControls", "Activation"), self.activation_combo),
                 (2, 0, 1, translate("PlaygroundControls", "Regularization"), self.reg_combo),
                 (2, 1, 1, translate("PlaygroundControls", "Regularization rate"), self.reg_rate_combo),
                 (4, 0, 2, translate("PlaygroundControls", "Loss"), self.loss_combo))
        for row, col, span, text, combo in cells:
            grid.addWidget(buddy_label(text, combo), row, col, 1, span)
            grid.addWidget(combo, row + 1, col, 1, span)
            if row:
                grid.setRowMinimumHeight(row, 24)  # a gap above each pair of labels
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.loss_label = grid.itemAtPosition(4, 0).widget()  # its tooltip follows the problem type
        layout.addLayout(grid)
        return section

    def _data_section(self) -> QWidget:
        section, layout = panel_section(translate("PlaygroundControls", "Data"), "data_section")
        self.datasets = DatasetChooser()
        self.dataset_buttons = self.datasets.buttons
        layout.addWidget(self.datasets)

        self.ratio = SliderRow(translate("PlaygroundControls", "Ratio of training to test data"), "ratio", tip("ratio"))
        self.ratio.slider.setRange(1, 90 // RATIO_STEP)  # steps of 10 % of training data
        self.noise = SliderRow(translate("PlaygroundControls", "Noise"), "noise", tip("noise"))
        self.noise.slider.setRange(0, NOISE_MAX // NOISE_STEP)
        for row in (self.ratio, self.noise):
            row.slider.setPageStep(1)
        self.batch = SliderRow(translate("PlaygroundControls", "Batch size"), "batch", tip("batch"))
        self.ratio_slider, self.noise_slider, self.batch_slider = self.ratio.slider, self.noise.slider, \
            self.batch.slider
        for row in (self.ratio, self.noise, self.batch):
            layout.addWidget(row)

        form = QGridLayout()
        form.setHorizontalSpacing(6)
        form.setVerticalSpacing(4)
        self.points_spin = self._spin("points_spin", POINTS_RANGE, tip("points"), step=50)
        self.seed_spin = self._spin("seed_spin", SEED_RANGE, tip("seed"))
        self.new_seed_button = QPushButton(translate("PlaygroundControls", "New seed"))
        self.new_seed_button.setObjectName("new_seed")
        self.new_seed_button.setToolTip(tip("new_seed"))
        form.addWidget(buddy_label(translate("PlaygroundControls", "Points"), self.points_spin), 0, 0)
        form.addWidget(self.points_spin, 0, 1)
        form.addWidget(buddy_label(translate("PlaygroundControls", "Seed"), self.seed_spin), 1, 0)
        form.addWidget(self.seed_spin, 1, 1)
        form.addWidget(self.new_seed_button, 1, 2)
        self.classes_spin = self._spin("classes_spin", CLASSES_RANGE, tip("classes"))
        form.addWidget(buddy_label(translate("PlaygroundControls", "Classes"), self.classes_spin), 2, 0)
        form.addWidget(self.classes_spin, 2, 1)
        form.setColumnStretch(1, 1)
        layout.addLayout(form)
        return section

    @staticmethod
    def _spin(name: str, limits: tuple[int, int], tip: str, step: int = 1) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(*limits)
        spin.setSingleStep(step)
        spin.setKeyboardTracking(False)  # typing 1500 is one change, not 1, 15, 150, 1500
        spin.setAlignment(Qt.AlignRight)
        spin.setToolTip(tip)
        return spin

    def _features_section(self) -> QWidget:
        section, layout = panel_section(translate("PlaygroundControls", "Features"), "features_section")
        note = QLabel(translate("PlaygroundControls", "Inputs computed from each point (x₁, x₂):"))
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {palette.MUTED};")
        layout.addWidget(note)
        self.features = FeatureChooser()
        self.feature_buttons = self.features.buttons
        layout.addWidget(self.features)
        return section

    def _layers_section(self) -> QWidget:
        section, layout = panel_section(translate("PlaygroundControls", "Hidden layers"), "layers_section")
        self.layers = HiddenLayersEditor()
        layout.addWidget(self.layers)
        return section
