"""Programs on the computation-graph page: a text field for several statements, Saito's apples, and micrograd's
programs as built-in graphs (their text shown, a copy editable as one's own expression).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontDatabase, QTextOption
from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from bpviz.engine.compgraph import Evaluation
from bpviz.engine.graph_builtins import PROGRAMS, apples_graph, builtin
from bpviz.gui.widgets.graph.inputs import _Form, _spin

MAX_SHOWN_LINES = 8  # a program field grows up to this many lines, then scrolls


class ProgramEdit(QPlainTextEdit):
    """A text field for one expression or a program of several statements, used like a QLineEdit: Enter draws
    (``returnPressed``), Shift+Enter starts a new line; it grows with its lines up to MAX_SHOWN_LINES."""

    returnPressed = Signal()

    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.setWordWrapMode(QTextOption.NoWrap)
        self.setTabChangesFocus(True)  # Tab leaves the field, as in the other fields of the form
        self.setPlainText(text)
        self.textChanged.connect(self.updateGeometry)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers() & Qt.ShiftModifier:
            self.returnPressed.emit()
            return
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:
        lines = min(max(self.document().blockCount(), 1), MAX_SHOWN_LINES)
        height = lines * self.fontMetrics().lineSpacing() + 2 * self.frameWidth() + 8
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, self.fontMetrics().lineSpacing() + 2 * self.frameWidth() + 8)


class ApplesForm(_Form):
    """Saito's first graph (ch. 5): two apples at 100 with tax 1.1."""

    key = "apples"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fields = {
            "apple": _spin(100, 0, 1e6, 10, 2, self.tr("Price of one apple"), "graph_apple_price"),
            "apple_num": _spin(2, 0, 1000, 1, 0, self.tr("Apples bought"), "graph_apple_count"),
            "tax": _spin(1.1, 0, 10, 0.05, 2, self.tr("The tax factor: 1.1 adds 10 %"), "graph_apple_tax"),
        }
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Apple: price")), 0, 0)
        grid.addWidget(self.fields["apple"], 0, 1)
        grid.addWidget(QLabel(self.tr("count")), 0, 2)
        grid.addWidget(self.fields["apple_num"], 0, 3)
        grid.addWidget(QLabel(self.tr("Tax factor")), 1, 0)
        grid.addWidget(self.fields["tax"], 1, 1)
        grid.addWidget(QLabel(self.tr("(1.1 = 10 % tax)")), 1, 2, 1, 2)
        grid.addWidget(self.error_label, 2, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for box in self.fields.values():
            box.valueChanged.connect(self.changed)

    def build(self) -> Evaluation:
        return apples_graph(**{k: box.value() for k, box in self.fields.items()}).evaluate()


class ProgramForm(_Form):
    """A built-in program (micrograd's neuron and tests): its text, and a copy to edit as one's own expression."""

    editRequested = Signal(str)  # the program's text, for "Your expression"

    def __init__(self, key: str, parent=None):
        self.key = key
        super().__init__(parent)
        self.program = ProgramEdit(PROGRAMS[key].strip())
        self.program.setObjectName(f"graph_{key}_program")
        self.program.setAccessibleName(self.tr("The program of this graph"))
        self.program.setReadOnly(True)
        self.program.setToolTip(self.tr("The program this graph is built from, one statement a line (micrograd's "
                                        "own, Value(…) written as a plain number)"))
        self.edit = QPushButton(self.tr("Edit a copy"))
        self.edit.setObjectName(f"graph_{key}_edit")
        self.edit.setToolTip(self.tr("Open this program under 'Your expression', to change it and draw your "
                                     "version"))
        self.edit.clicked.connect(lambda: self.editRequested.emit(PROGRAMS[key].strip()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.program)
        layout.addWidget(self.edit, 0, Qt.AlignLeft)
        layout.addWidget(self.error_label)

    def build(self) -> Evaluation:
        return builtin(self.key).evaluate()
