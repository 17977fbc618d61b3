""""Explain ∂E/∂w": the chain of factors that makes one weight's gradient in a stepped pass, each with its value.

A list of the pass's steps (bpviz.engine.explain.gradient_chain): the gradient first, then the δ, ∂E/∂out and
∂out/∂net it is built from, back to the loss, and the forward values they multiply. A double-click (or "Show this
step") makes the page's stepper jump to that step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from bpviz.engine.step import display_name
from bpviz.engine.trace import Trace
from bpviz.gui.formula import plain_text, value_html
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate

COLUMNS = (QT_TRANSLATE_NOOP("GradientChainDialog", "Quantity"), QT_TRANSLATE_NOOP("GradientChainDialog", "Formula"),
           QT_TRANSLATE_NOOP("GradientChainDialog", "With numbers"), QT_TRANSLATE_NOOP("GradientChainDialog", "Value"))


def chain_heading(trace: Trace, positions) -> str:
    first = trace.steps[positions[0]]
    return f"{first.symbol} = {plain_text(value_html(first))}"


class GradientChainDialog(QDialog):
    """Shows the steps ``positions`` of ``trace`` (the gradient's own step first). ``stepRequested(position)``
    asks the stepper to show a step."""

    stepRequested = Signal(int)

    def __init__(self, trace: Trace, positions, param: str, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.positions = tuple(positions)
        self.param = param
        self.setWindowTitle(self.tr("Why {name} has its value").format(name=display_name('dE/d' + param)))
        layout = QVBoxLayout(self)
        heading = QLabel(chain_heading(trace, self.positions))
        heading.setObjectName("chain_heading")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        heading.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(heading)
        words = QLabel(
            self.tr("The chain rule, back from the loss: the gradient of {param} is the δ of the neuron it feeds "
                    "times the value it carries; each δ is ∂E/∂out times the activation's slope ∂out/∂net, and a "
                    "hidden neuron's ∂E/∂out gathers the δ of every neuron it feeds, each times its weight. These are "
                    "the steps of this pass it is made of; double-click one to show it on the diagram.").format(
                param=param))
        words.setWordWrap(True)
        layout.addWidget(words)
        self.table = QTreeWidget()
        self.table.setObjectName("chain_table")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([translate("GradientChainDialog", c) for c in COLUMNS])
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        bold = QFont(self.table.font())
        bold.setBold(True)
        for k, position in enumerate(self.positions):
            step = trace.steps[position]
            item = QTreeWidgetItem([step.symbol, step.formula, step.numbers, plain_text(value_html(step))])
            item.setData(0, Qt.UserRole, position)
            item.setToolTip(1, step.formula)
            item.setToolTip(2, step.numbers)
            item.setTextAlignment(3, Qt.AlignRight | Qt.AlignVCenter)
            if k == 0:
                for column in range(len(COLUMNS)):
                    item.setFont(column, bold)
            self.table.addTopLevelItem(item)
        header = self.table.header()
        header.setStretchLastSection(False)
        for column, mode in enumerate((QHeaderView.ResizeToContents, QHeaderView.Interactive,
                                       QHeaderView.Stretch, QHeaderView.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.table.setColumnWidth(1, 260)
        self.table.itemDoubleClicked.connect(lambda item, _column: self._show(item))
        if self.table.topLevelItemCount():
            self.table.setCurrentItem(self.table.topLevelItem(0))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.show_button = buttons.addButton(self.tr("Show this step"), QDialogButtonBox.ActionRole)
        self.show_button.setToolTip(self.tr("Make the selected step the stepper's current step"))
        self.show_button.clicked.connect(lambda: self._show(self.table.currentItem()))
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(760, 380)

    def _show(self, item) -> None:
        if item is not None:
            self.stepRequested.emit(int(item.data(0, Qt.UserRole)))

    def rows(self) -> list[tuple[str, ...]]:
        """The table's text, row by row (for tests and screenshots)."""
        return [tuple(self.table.topLevelItem(r).text(c) for c in range(len(COLUMNS)))
                for r in range(self.table.topLevelItemCount())]
