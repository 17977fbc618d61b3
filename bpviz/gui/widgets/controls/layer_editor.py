"""The editors the playground's settings panel is built from: what the network sees and how it is built,
chosen with picture buttons and + / − as in TensorFlow Playground (the panel's sliders: ``slider_row``).

The point sets' chooser is in ``dataset_chooser``. ``FeatureChooser``:
the input layer, one toggle per feature computed from the point (x₁, x₂), each with a small heat map of the
feature; unchecking the last one is refused with a message. ``HiddenLayersEditor``: the number of hidden layers
with + / − and, for each layer, its neuron count with + / −; the limits (0..MAX_LAYERS layers, 1..MAX_WIDTH
neurons) cannot be passed: the buttons that would pass them are disabled and say why.

Each emits ``changed`` after a user action that changes its value, never when the program
sets it. The panel that holds them (playground_controls) turns these into new training configurations.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bpviz.engine.datasets import DOMAIN
from bpviz.engine.features import FEATURE_LABELS, FEATURE_TIPS, FEATURES, check_features, feature_columns
from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.training import MAX_LAYERS, MAX_WIDTH

NEW_LAYER_WIDTH = 2  # as TensorFlow Playground: a new layer starts with 2 neurons
MINUS = "−"  # U+2212, the same width as "+"
FEATURE_TIP = QT_TRANSLATE_NOOP("Playground", "Input {label}: {tip} (click to add or remove it)")
LAST_FEATURE_TIP = QT_TRANSLATE_NOOP("Playground", "Input {label} is the only input left: at least one input is "
                                                 "needed")
_FEATURE_TIPS = (  # bpviz.engine.features.FEATURE_TIPS (Qt-free), marked here and translated where shown
    QT_TRANSLATE_NOOP("Feature", "the horizontal coordinate"),
    QT_TRANSLATE_NOOP("Feature", "the vertical coordinate"),
    QT_TRANSLATE_NOOP("Feature", "x₁ squared: with x₂² a single neuron can draw a circle"),
    QT_TRANSLATE_NOOP("Feature", "x₂ squared"),
    QT_TRANSLATE_NOOP("Feature", "the product x₁·x₂: positive in two opposite quadrants (xor)"),
    QT_TRANSLATE_NOOP("Feature", "sin(π·x₁): waves along x₁"),
    QT_TRANSLATE_NOOP("Feature", "sin(π·x₂): waves along x₂"),
)
#: the picture buttons: the chosen ones get a blue frame on light blue, as in the playground
def choice_style() -> str:
    """The picture buttons' style sheet, in the palette's colours when asked for."""
    return f"""
QToolButton {{ border: 1px solid {palette.CONTROL_BORDER}; border-radius: 4px; background: {palette.BACKGROUND};
               padding: 2px; }}
QToolButton:hover {{ border-color: {palette.MUTED}; }}
QToolButton:checked {{ border: 2px solid {palette.POSITIVE}; background: {palette.SELECTED_FILL}; padding: 1px; }}
QToolButton:focus {{ border-style: dashed; }}
QToolButton:checked:focus {{ border-style: solid; border-color: {palette.FOCUS_BORDER}; }}
"""


def canvas(size: int) -> QPixmap:
    """A pixmap of ``size`` logical pixels, sharp on high-DPI screens."""
    app = QApplication.instance()
    dpr = app.devicePixelRatio() if app is not None else 1.0
    pixmap = QPixmap(round(size * dpr), round(size * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(QColor(palette.BACKGROUND))
    return pixmap


_ICONS: dict[tuple, QIcon] = {}


def feature_icon(name: str, size: int = 30) -> QIcon:
    """A heat map of the feature over the data square: blue where it is positive, orange where negative."""
    key = ("feature", name, size, palette.scheme())
    if key not in _ICONS:
        n = 32
        axis = np.linspace(*DOMAIN, n)
        x1, x2 = np.meshgrid(axis, axis[::-1])
        (v,) = feature_columns(x1, x2, [name])
        v = v / (np.abs(v).max() or 1.0)
        base = np.array(QColor(palette.BACKGROUND).getRgb()[:3], dtype=float)  # 0: white, or the dark background
        pos, neg = (np.array(QColor(c).getRgb()[:3], dtype=float) for c in (palette.POSITIVE, palette.NEGATIVE))
        a = np.abs(v)[..., None] * 0.85
        rgb = np.where(v[..., None] >= 0, base + (pos - base) * a, base + (neg - base) * a)
        rgba = np.ascontiguousarray(np.dstack([rgb, np.full((n, n), 255.0)]).astype(np.uint8))
        image = QImage(rgba.data, n, n, 4 * n, QImage.Format_RGBA8888).copy()
        pixmap = canvas(size)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.SmoothPixmapTransform)
        p.drawImage(QRectF(0, 0, size, size), image)
        p.setPen(QPen(QColor(palette.NEUTRAL), 1))
        p.drawRect(QRectF(0.5, 0.5, size - 1, size - 1))
        p.end()
        _ICONS[key] = QIcon(pixmap)
    return _ICONS[key]


def picture_button(name: str, text: str, icon: QIcon, size: int) -> QToolButton:
    b = QToolButton()
    b.setObjectName(name)
    b.setCheckable(True)
    b.setIcon(icon)
    b.setIconSize(QSize(size, size))
    b.setText(text)
    b.setToolButtonStyle(Qt.ToolButtonTextUnderIcon)
    b.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
    b.setStyleSheet(choice_style())
    return b


def group_label(text: str, tip: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"color: {palette.MUTED};")
    label.setToolTip(tip)
    return label


class FeatureChooser(QWidget):
    """``changed(tuple)`` after every click that changes the inputs (never by ``set_features``)."""

    changed = Signal(tuple)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._features: tuple[str, ...] = ("x1", "x2")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        grid = QGridLayout()
        grid.setSpacing(3)
        self.buttons: dict[str, QToolButton] = {}
        for k, name in enumerate(FEATURES):
            b = picture_button(f"feature_{name}", FEATURE_LABELS[name], feature_icon(name), 30)
            b.setAccessibleName(f"Input feature {name}")
            b.clicked.connect(lambda _checked=False, n=name: self._clicked(n))
            self.buttons[name] = b
            grid.addWidget(b, k // 4, k % 4)
        layout.addLayout(grid)
        self.message = QLabel()
        self.message.setObjectName("features_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {palette.ERROR_COLOR};")
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.set_features(self._features)

    def features(self) -> tuple[str, ...]:
        return self._features

    def set_features(self, features) -> None:
        self._features = check_features(features)  # kept in its order: a loaded network's weights follow it
        for name, b in self.buttons.items():
            b.setChecked(name in self._features)
        self._show()
        self.show_message("")

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _clicked(self, name: str) -> None:
        chosen = tuple(n for n, b in self.buttons.items() if b.isChecked())
        if not chosen:
            self.buttons[name].setChecked(True)  # refused: the network needs an input
            self.show_message(self.tr("Refused: {label} is the only input left and the network needs at least one. "
                                      "Choose another input first.").format(label=FEATURE_LABELS[name]))
            return
        self.show_message("")
        if chosen != self._features:
            self._features = chosen
            self._show()
            self.changed.emit(chosen)

    def _show(self) -> None:
        last = len(self._features) == 1
        for name in FEATURES:
            tip = LAST_FEATURE_TIP if last and name in self._features else FEATURE_TIP
            self.buttons[name].setToolTip(translate("Playground", tip).format(
                label=FEATURE_LABELS[name], tip=translate("Feature", FEATURE_TIPS[name])))


def _small_button(text: str, name: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setObjectName(name)
    button.setAutoRaise(False)
    button.setFixedSize(30, 22)
    button.setAutoRepeat(False)
    button.setFocusPolicy(Qt.StrongFocus)  # reachable with Tab, pressed with Space
    return button


class _LayerColumn(QFrame):
    """One hidden layer: + above, the neuron count, − below."""

    def __init__(self, index: int, parent=None):
        super().__init__(parent)
        self.index = index
        self.setObjectName(f"layer_{index}")
        self.setFrameShape(QFrame.StyledPanel)
        column = QVBoxLayout(self)
        column.setContentsMargins(2, 3, 2, 3)
        column.setSpacing(2)
        self.title = QLabel(f"L{index + 1}")
        self.title.setAlignment(Qt.AlignCenter)
        self.title.setStyleSheet(f"color: {palette.MUTED};")
        self.plus = _small_button("+", f"neuron_plus_{index}")
        self.count = QLabel()
        self.count.setObjectName(f"neuron_count_{index}")
        self.count.setAlignment(Qt.AlignCenter)
        font = self.count.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.count.setFont(font)
        self.minus = _small_button(MINUS, f"neuron_minus_{index}")
        for w in (self.title, self.plus, self.count, self.minus):
            column.addWidget(w, 0, Qt.AlignHCenter)

    def show_width(self, width: int) -> None:
        n = self.index + 1
        self.count.setText(str(width))
        self.count.setToolTip((self.tr("Hidden layer {n} has {width} neurons") if width != 1
                               else self.tr("Hidden layer {n} has {width} neuron")).format(n=n, width=width))
        self.title.setToolTip(self.tr("Hidden layer {n}").format(n=n))
        self.plus.setEnabled(width < MAX_WIDTH)
        self.minus.setEnabled(width > 1)
        self.plus.setAccessibleName(self.tr("Add a neuron to hidden layer {n}").format(n=n))
        self.minus.setAccessibleName(self.tr("Remove a neuron from hidden layer {n}").format(n=n))
        self.plus.setToolTip(self.tr("Add a neuron to hidden layer {n}").format(n=n) if width < MAX_WIDTH
                             else self.tr("Hidden layer {n} has the maximum of {max} neurons").format(n=n,
                                                                                                      max=MAX_WIDTH))
        self.minus.setToolTip(self.tr("Remove a neuron from hidden layer {n}").format(n=n) if width > 1
                              else self.tr("A layer needs at least one neuron: remove the layer instead"))


class HiddenLayersEditor(QWidget):
    """``changed(tuple)`` is emitted after every click that changes the layers (never by ``set_hidden``)."""

    changed = Signal(tuple)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._hidden: tuple[int, ...] = (4, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        top = QHBoxLayout()
        top.setSpacing(6)
        self.remove_layer_button = _small_button(MINUS, "remove_layer")
        self.add_layer_button = _small_button("+", "add_layer")
        self.remove_layer_button.setAccessibleName(self.tr("Remove a hidden layer"))
        self.add_layer_button.setAccessibleName(self.tr("Add a hidden layer"))
        self.summary = QLabel()
        self.summary.setObjectName("layers_summary")
        self.summary.setToolTip(self.tr("Hidden layers between the inputs and the output: 0 to {max}").format(
            max=MAX_LAYERS))
        top.addWidget(self.add_layer_button)
        top.addWidget(self.remove_layer_button)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)

        self.columns = [_LayerColumn(i) for i in range(MAX_LAYERS)]
        row = QGridLayout()
        row.setHorizontalSpacing(3)
        row.setContentsMargins(0, 0, 0, 0)
        for i, col in enumerate(self.columns):
            row.addWidget(col, 0, i)
            row.setColumnStretch(i, 1)
            col.plus.clicked.connect(lambda _=False, i=i: self._resize(i, +1))
            col.minus.clicked.connect(lambda _=False, i=i: self._resize(i, -1))
        self._row_widget = QWidget()
        self._row_widget.setLayout(row)
        layout.addWidget(self._row_widget)
        self.empty_note = QLabel(self.tr("No hidden layer: the output is a weighted sum of the inputs, so the "
                                         "boundary is a straight line in the chosen features."))
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet(f"color: {palette.MUTED};")
        layout.addWidget(self.empty_note)

        self.add_layer_button.clicked.connect(self._add_layer)
        self.remove_layer_button.clicked.connect(self._remove_layer)
        self._show()

    # ------------------------------------------------------------------ API
    def hidden(self) -> tuple[int, ...]:
        return self._hidden

    def set_hidden(self, hidden) -> None:
        hidden = tuple(int(h) for h in hidden)
        if len(hidden) > MAX_LAYERS or not all(1 <= h <= MAX_WIDTH for h in hidden):
            raise ValueError(f"at most {MAX_LAYERS} hidden layers of 1 to {MAX_WIDTH} neurons, got {hidden}")
        self._hidden = hidden
        self._show()

    # ------------------------------------------------------------------ clicks
    def _add_layer(self) -> None:
        if len(self._hidden) < MAX_LAYERS:
            self._change(self._hidden + (NEW_LAYER_WIDTH,))

    def _remove_layer(self) -> None:
        if self._hidden:
            self._change(self._hidden[:-1])

    def _resize(self, index: int, delta: int) -> None:
        if index < len(self._hidden):
            width = min(max(self._hidden[index] + delta, 1), MAX_WIDTH)
            self._change(self._hidden[:index] + (width,) + self._hidden[index + 1:])

    def _change(self, hidden: tuple[int, ...]) -> None:
        if hidden != self._hidden:
            self._hidden = hidden
            self._show()
            self.changed.emit(hidden)

    def _show(self) -> None:
        n = len(self._hidden)
        self.summary.setText((self.tr("{n} hidden layers") if n != 1 else self.tr("{n} hidden layer")).format(n=n))
        self.add_layer_button.setEnabled(n < MAX_LAYERS)
        self.remove_layer_button.setEnabled(n > 0)
        self.add_layer_button.setToolTip(
            self.tr("Add a hidden layer of {width} neurons after the last one").format(width=NEW_LAYER_WIDTH)
            if n < MAX_LAYERS else self.tr("The maximum is {max} hidden layers").format(max=MAX_LAYERS))
        self.remove_layer_button.setToolTip(self.tr("Remove the last hidden layer") if n
                                            else self.tr("No hidden layer left to remove"))
        for i, col in enumerate(self.columns):
            col.setVisible(i < n)
            col.show_width(self._hidden[i] if i < n else NEW_LAYER_WIDTH)  # as it will appear when added
        self._row_widget.setVisible(n > 0)
        self.empty_note.setVisible(n == 0)
