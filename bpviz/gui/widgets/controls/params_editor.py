"""The worked example's starting numbers: i1 i2 t1 t2, w1..w8, b1 b2, the learning rate, "update biases".

Each field is checked when the user presses Enter or leaves it: a value the example cannot take is refused
with a message saying why, and the field goes back to the current value (nothing half-applied). The message
quotes a long text shortened and wraps (a MessageLabel): what was typed never widens the window.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bpviz.engine.presets import ExampleParams
from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.widgets.message_label import MessageLabel
from bpviz.quoting import quote_typed

GROUPS = (
    (QT_TRANSLATE_NOOP("ParamsEditor", "Inputs, targets"), (("i1", "i₁"), ("i2", "i₂"), ("t1", "t₁"), ("t2", "t₂"))),
    (QT_TRANSLATE_NOOP("ParamsEditor", "Weights"), tuple((f"w{k}", f"w{'₁₂₃₄₅₆₇₈'[k - 1]}") for k in range(1, 9))),
    (QT_TRANSLATE_NOOP("ParamsEditor", "Biases, learning rate"),
     (("b1", QT_TRANSLATE_NOOP("ParamsEditor", "b₁ (hidden)")),
      ("b2", QT_TRANSLATE_NOOP("ParamsEditor", "b₂ (output)")),
      ("lr", QT_TRANSLATE_NOOP("ParamsEditor", "η (rate)")))),
)
TIPS = {  # translated where shown
    "i1": QT_TRANSLATE_NOOP("ParamsEditor", "First input of the example (published: 0.05)"),
    "i2": QT_TRANSLATE_NOOP("ParamsEditor", "Second input (published: 0.10)"),
    "t1": QT_TRANSLATE_NOOP("ParamsEditor", "Target of output o1 (published: 0.01)"),
    "t2": QT_TRANSLATE_NOOP("ParamsEditor", "Target of output o2 (published: 0.99)"),
    "b1": QT_TRANSLATE_NOOP("ParamsEditor", "Bias of both hidden neurons (published: 0.35)"),
    "b2": QT_TRANSLATE_NOOP("ParamsEditor", "Bias of both output neurons (published: 0.60)"),
    "lr": QT_TRANSLATE_NOOP("ParamsEditor", "Learning rate η of the update w⁺ = w − η·∂E/∂w (published: 0.5); must "
                                            "be > 0"),
}
EDGES = {"w1": "i1 → h1", "w2": "i2 → h1", "w3": "i1 → h2", "w4": "i2 → h2",
         "w5": "h1 → o1", "w6": "h2 → o1", "w7": "h1 → o2", "w8": "h2 → o2"}


def parse_value(name: str, text: str) -> float:
    """The number typed for ``name``; ValueError with a sentence a user understands (quoting the text typed
    shortened: it goes into a label)."""
    try:
        value = float(text.strip().replace(",", ".").replace("−", "-"))
    except ValueError:
        raise ValueError(translate("ParamsEditor", "{name}: {typed} is not a number")
                         .format(name=name, typed=quote_typed(text))) from None
    if not math.isfinite(value):
        raise ValueError(translate("ParamsEditor", "{name}: {typed} is not a finite number")
                         .format(name=name, typed=quote_typed(text)))
    if name == "lr" and value <= 0:
        raise ValueError(translate("ParamsEditor", "the learning rate must be greater than 0, got {typed}")
                         .format(typed=quote_typed(text)))
    return value


def show_number(value: float) -> str:
    return f"{value:.12g}"


class ParamsEditor(QWidget):
    paramEdited = Signal(str, float)
    updateBiasesToggled = Signal(bool)
    resetRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fields: dict[str, QLineEdit] = {}
        self._values: dict[str, float] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        for title, entries in GROUPS:
            box = QGroupBox(self.tr(title))
            grid = QGridLayout(box)
            grid.setHorizontalSpacing(6)
            grid.setVerticalSpacing(3)
            columns = 2 if len(entries) > 4 else 1
            for k, (name, label) in enumerate(entries):
                field = QLineEdit()
                field.setObjectName(f"param_{name}")
                field.setAlignment(Qt.AlignRight)
                field.setMinimumWidth(56)
                field.setToolTip(self.tr(TIPS[name]) if name in TIPS else
                                 self.tr("Weight {name}: {edge} (press Enter to apply)")
                                 .format(name=name, edge=EDGES.get(name, "")))
                field.editingFinished.connect(lambda n=name: self._commit(n))
                self.fields[name] = field
                r, c = k // columns, (k % columns) * 2
                text = QLabel(self.tr(label))
                text.setBuddy(field)
                grid.addWidget(text, r, c)
                grid.addWidget(field, r, c + 1)
            row.addWidget(box)
        layout.addLayout(row)

        bottom = QHBoxLayout()
        self.update_biases = QCheckBox(self.tr("Update biases too"))
        self.update_biases.setToolTip(self.tr("The published example keeps b1 and b2 fixed; tick to update them as "
                                              "well"))
        self.update_biases.toggled.connect(self.updateBiasesToggled)
        bottom.addWidget(self.update_biases)
        self.message = MessageLabel()
        self.message.setObjectName("param_message")
        self.message.setStyleSheet(f"color: {palette.ERROR_COLOR};")
        self.message.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        bottom.addWidget(self.message, 1)
        self.reset_button = QPushButton(self.tr("Reset to published values"))
        self.reset_button.setToolTip("i1 = 0.05, i2 = 0.10, t1 = 0.01, t2 = 0.99, w1..w8 = 0.15..0.55, "
                                     "b1 = 0.35, b2 = 0.60, η = 0.5")  # formulas and numbers only
        self.reset_button.clicked.connect(self.resetRequested)
        bottom.addWidget(self.reset_button)
        layout.addLayout(bottom)

    def set_params(self, params: ExampleParams, update_biases: bool) -> None:
        """Show these numbers (after an edit on the diagram, a reset, a new pass)."""
        self._values = params.to_dict()
        for name, field in self.fields.items():
            field.setText(show_number(self._values[name]))
            field.setStyleSheet("")
        blocked = self.update_biases.blockSignals(True)
        self.update_biases.setChecked(update_biases)
        self.update_biases.blockSignals(blocked)

    def clear_message(self) -> None:
        self.message.clear()

    @Slot()
    def _commit(self, name: str) -> None:
        field = self.fields[name]
        text = field.text()
        if name in self._values and text == show_number(self._values[name]):
            return  # unchanged
        try:
            value = parse_value(name, text)
        except ValueError as exc:
            self.refuse(name, str(exc))
            return
        self.message.clear()
        field.setStyleSheet("")
        self.paramEdited.emit(name, value)

    def refuse(self, name: str, reason: str) -> None:
        """Show why a value was refused and put the field back to the value in use."""
        self.message.show_message(self.tr("Refused: {reason}. Kept {name} = {value}.")
                                  .format(reason=reason, name=name, value=show_number(self._values.get(name, 0.0))))
        field = self.fields[name]
        field.setText(show_number(self._values.get(name, 0.0)))
        field.setStyleSheet(f"border: 1px solid {palette.ERROR_COLOR};")
