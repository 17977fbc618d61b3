"""The stepper panel's card: the current step's name = formula = the formula with the numbers put in = its value,
then the step's note and the panel's hint for what to do next.

The card only shows what it is given (a ``Step`` of the engine's trace, the hint's rich text); the panel
(bpviz.gui.widgets.controls.stepper) decides which step is the current one. A value is coloured by the step's
kind, as the list of steps and the diagram colour it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy

from bpviz.engine.trace import Step
from bpviz.gui import palette
from bpviz.gui.formula import name_html, plain_text, to_html, value_html
from bpviz.gui.i18n import localise

#: colour of a value by the step's kind: gradients purple, updated parameters green (as on the diagram); the
#: palette's names, read when drawn (the scheme in use: bpviz.gui.palette)
KIND_COLORS = {"grad_out": "GRADIENT", "deriv": "GRADIENT", "delta": "GRADIENT", "grad_param": "GRADIENT",
               "update": "NEW_VALUE"}


def value_color(step: Step) -> str:
    return getattr(palette, KIND_COLORS.get(step.kind, "TEXT"))


class StepCard(QFrame):
    """Name, formula, numbers and value of one step in a grid (each "=" in a column of its own), the step's note
    and a hint; the labels' fonts are ``font`` (the panel's) scaled."""

    def __init__(self, font: QFont):
        super().__init__()
        self.setObjectName("stepper_card")
        self.setFrameShape(QFrame.StyledPanel)
        self.setStyleSheet(_card_style())
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.setHorizontalSpacing(5)
        grid.setVerticalSpacing(4)
        base = font.pointSizeF()

        def label(name: str, scale: float, bold: bool = False, align=Qt.AlignLeft) -> QLabel:
            lab = QLabel()
            lab.setObjectName(name)
            lab.setTextFormat(Qt.RichText)
            lab.setWordWrap(True)
            lab.setAlignment(align | Qt.AlignTop)
            lab.setTextInteractionFlags(Qt.TextSelectableByMouse)
            lab.setStyleSheet(_label_style())
            scaled = QFont(font)
            scaled.setPointSizeF(base * scale)
            scaled.setBold(bold)
            lab.setFont(scaled)
            return lab

        self.name_label = label("stepper_name", 1.2, align=Qt.AlignRight)
        self.name_label.setWordWrap(False)
        self.name_label.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Preferred)
        self.formula_label = label("stepper_formula", 1.2)
        self.numbers_label = label("stepper_numbers", 1.2)
        self.value_label = label("stepper_value", 1.45, bold=True)
        self.note_label = label("stepper_note", 1.0)
        self.hint_label = label("stepper_hint", 1.1)
        for lab in (self.formula_label, self.numbers_label, self.value_label):
            lab.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # wrap instead of widening the panel
        # "=" in a column of its own, so a wrapped formula continues under its own start, not under "="
        self.equals = [label(f"stepper_eq{r}", 1.45 if r == 2 else 1.2, bold=r == 2) for r in range(3)]
        for r, (eq, lab) in enumerate(zip(self.equals, (self.formula_label, self.numbers_label, self.value_label))):
            eq.setText("=")
            eq.setWordWrap(False)
            eq.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Preferred)
            grid.addWidget(eq, r, 1)
            grid.addWidget(lab, r, 2)
        grid.addWidget(self.name_label, 0, 0)
        grid.addWidget(self.note_label, 3, 0, 1, 3)
        grid.addWidget(self.hint_label, 4, 0, 1, 3)
        grid.setColumnStretch(2, 1)

    def show_step(self, step: Step | None, hint: str) -> None:
        """Show ``step`` (None: before the first step, only the hint) and ``hint`` ('' hides its row)."""
        for lab in (self.name_label, self.formula_label, self.numbers_label, self.value_label, *self.equals):
            lab.setVisible(step is not None)
        if step is not None:
            self.name_label.setText(name_html(step.name))
            self.formula_label.setText(to_html(step.formula))
            self.numbers_label.setText(to_html(step.numbers))
            for lab in (self.formula_label, self.numbers_label):
                lab.setMinimumWidth(_widest_chunk(lab))
            color = value_color(step)
            self.value_label.setText(f"<span style='color:{color}'>{value_html(step)}</span>")
            self.equals[2].setText(f"<span style='color:{color}'>=</span>")
        note = _note_html(step)
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self.layout().activate()  # size the card for the new text now, not one frame late

    def restyle(self) -> None:
        """Take the palette's colours again (bpviz.gui.theme)."""
        self.setStyleSheet(_card_style())
        for lab in self.findChildren(QLabel):  # a style sheet keeps the text colour it was polished with
            lab.setStyleSheet(_label_style())


def _widest_chunk(label: QLabel) -> int:
    """Width of the longest run of a label's text that word wrap cannot break: the label may wrap, but never get
    narrower than that (so a squeezed panel does not cut a number in half)."""
    metrics = label.fontMetrics()
    chunks = plain_text(label.text()).split()
    return max((metrics.horizontalAdvance(c) for c in chunks), default=0) + 4


def _note_html(step: Step | None) -> str:
    if step is None or not step.note:
        return ""
    return f"<i style='color:{palette.MUTED}'>{to_html(localise(step.note))}</i>"


def _card_style() -> str:
    return (f"QFrame#stepper_card {{ background: {palette.NODE_FILL};"
            f" border: 1px solid {palette.CARD_BORDER}; border-radius: 4px; }}")


def _label_style() -> str:
    return f"background: transparent; border: none; color: {palette.TEXT};"
