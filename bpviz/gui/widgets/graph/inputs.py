"""The input forms of the computation-graph page, one per graph: the shopping bill's prices, the sigmoid's x,
the softmax scores and targets, and your own expression with its values.

Each form has ``build()`` (the Evaluation of its graph at its inputs, or a ValueError in words), emits
``changed`` when its inputs change, and shows a refusal under its fields (``show_error``) while the page keeps
the last good graph.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from bpviz.engine.compgraph import Evaluation
from bpviz.engine.expression import MAX_DRAWN_NODES, ExpressionError, parse_expression, parse_values
from bpviz.engine.graph_builtins import MAX_CLASSES, shopping_graph, sigmoid_graph, softmax_loss_graph
from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, localise, translate
from bpviz.gui.widgets.message_label import MessageLabel
from bpviz.quoting import quote_typed

# With the layered layout and zoom (bpviz.engine.graph_layout) a graph of up to the engine's MAX_DRAWN_NODES reads
# well; bigger programs still evaluate on the command line (`bpviz graph --expr`, `--file`).
MAX_DRAWN_DEPTH = 60  # operations one after the other (columns of the drawing)
DEFAULT_EXPRESSION, DEFAULT_VALUES = "(x + y) * exp(x)", "x=2, y=-1"
EXAMPLES = (
    ("(x + y) * exp(x)", "x=2, y=-1",
     QT_TRANSLATE_NOOP("ExpressionForm", "x is used twice: its two gradients add up")),
    ("x * x", "x=3", QT_TRANSLATE_NOOP("ExpressionForm", "one leaf, two edges into the same node")),
    ("1 / (1 + exp(-x))", "x=1", QT_TRANSLATE_NOOP("ExpressionForm", "the sigmoid in one line")),
    ("(400*1 + 300*2)*0.7", "", QT_TRANSLATE_NOOP("ExpressionForm", "the shopping bill, numbers only")),
    ("log(exp(a) + exp(b))", "a=1, b=2",
     QT_TRANSLATE_NOOP("ExpressionForm", "log-sum-exp: its gradient is the softmax")),
    ("(w*x + b - t) * (w*x + b - t)", "w=0.5, x=2, b=0.1, t=1",
     QT_TRANSLATE_NOOP("ExpressionForm", "a squared error")),
)


class _Form(QWidget):
    changed = Signal()
    key = ""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.error_label = MessageLabel()
        self.error_label.setObjectName(f"graph_{self.key}_error")
        self.error_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.error_label.hide()
        self.error_message = ""

    def build(self) -> Evaluation:  # pragma: no cover - every form overrides it
        raise NotImplementedError

    def refuse(self, error: ValueError) -> None:
        """Show why the inputs were refused, in words, under the fields (long words shortened: the label wraps
        in the panel's width whatever was typed)."""
        self.error_message = localise(error)  # the engine's refusals are phrases: in the window's language
        self.error_label.show_message(self.error_message, palette.ERROR_COLOR, self._error_detail_html(error))
        self.error_label.show()

    def _error_detail_html(self, error: ValueError) -> str:
        """Rich text under the message (none here; the expression form marks the culprit)."""
        return ""

    def clear_error(self) -> None:
        self.error_message = ""
        self.error_label.clear()
        self.error_label.hide()


def _spin(value: float, low: float, high: float, step: float, decimals: int, tip: str, name: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setValue(value)
    box.setKeyboardTracking(False)  # recompute when the typing is done, not at every key
    box.setToolTip(tip)
    box.setAccessibleName(tip)  # what a screen reader says: the label beside it names only the row
    return box


class ShoppingForm(_Form):
    key = "shopping"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fields = {
            "jacket_price": _spin(400, 0, 1e6, 10, 2, self.tr("Price of one jacket"), "graph_jacket_price"),
            "jacket_count": _spin(1, 0, 1000, 1, 0, self.tr("Jackets bought"), "graph_jacket_count"),
            "trousers_price": _spin(300, 0, 1e6, 10, 2, self.tr("Price of one pair of trousers"),
                                    "graph_trousers_price"),
            "trousers_count": _spin(2, 0, 1000, 1, 0, self.tr("Pairs of trousers bought"), "graph_trousers_count"),
            "discount": _spin(0.7, 0, 2, 0.05, 2, self.tr("The factor paid: 30 % off means 0.7"), "graph_discount"),
        }
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, (what, price, count) in enumerate(((self.tr("Jacket: price"), "jacket_price", "jacket_count"),
                                                    (self.tr("Trousers: price"), "trousers_price", "trousers_count"))):
            grid.addWidget(QLabel(what), row, 0)
            grid.addWidget(self.fields[price], row, 1)
            grid.addWidget(QLabel(self.tr("count")), row, 2)
            grid.addWidget(self.fields[count], row, 3)
        grid.addWidget(QLabel(self.tr("Factor paid")), 2, 0)
        grid.addWidget(self.fields["discount"], 2, 1)
        grid.addWidget(QLabel(self.tr("(0.7 = 30 % off)")), 2, 2, 1, 2)
        grid.addWidget(self.error_label, 3, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for box in self.fields.values():
            box.valueChanged.connect(self.changed)

    def build(self) -> Evaluation:
        return shopping_graph(**{k: box.value() for k, box in self.fields.items()}).evaluate()


class SigmoidForm(_Form):
    key = "sigmoid"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.x = _spin(1.0, -10, 10, 0.25, 3, self.tr("The sigmoid's input x (−10 to 10)"), "graph_sigmoid_x")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Input x"), self.x)
        form.addRow(self.error_label)
        self.x.valueChanged.connect(self.changed)

    def build(self) -> Evaluation:
        return sigmoid_graph(self.x.value()).evaluate()


def _numbers(text: str, what: str) -> list[float]:
    parts = [p.strip() for p in text.replace(";", ",").split(",")]
    values = []
    for part in parts:
        try:
            values.append(float(part.replace("\u2212", "-")))
        except ValueError:
            shown = quote_typed(part) if part else translate("SoftmaxForm", "an empty entry")
            raise ValueError(translate("SoftmaxForm", "{what}: {shown} is not a number; write e.g. 0.3, 2.9, 4.0")
                             .format(what=what, shown=shown)) from None
        if values[-1] != values[-1] or abs(values[-1]) == float("inf"):
            raise ValueError(translate("SoftmaxForm", "{what}: {shown} is not a finite number").format(
                what=what, shown=quote_typed(part)))
    return values


class SoftmaxForm(_Form):
    key = "softmax_loss"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.scores = QLineEdit("0.3, 2.9, 4.0")
        self.scores.setObjectName("graph_scores")
        self.scores.setToolTip(self.tr("2 to {n} scores a1, a2, ... separated by commas (Enter to apply)").format(
            n=MAX_CLASSES))
        self.targets = QLineEdit("0, 0, 1")
        self.targets.setObjectName("graph_targets")
        self.targets.setToolTip(self.tr("The target of each class: one-hot (0, 0, 1) or probabilities adding up "
                                        "to 1"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Scores a"), self.scores)
        form.addRow(self.tr("Targets t"), self.targets)
        form.addRow(self.error_label)
        for field in (self.scores, self.targets):
            field.editingFinished.connect(self.changed)

    def build(self) -> Evaluation:
        scores = _numbers(self.scores.text(), self.tr("scores"))
        targets = _numbers(self.targets.text(), self.tr("targets"))
        return softmax_loss_graph(scores, targets).evaluate()


class ExpressionForm(_Form):
    key = "expression"

    def __init__(self, parent=None):
        super().__init__(parent)
        from bpviz.gui.widgets.graph.program_forms import ProgramEdit  # that module builds on this one

        self.expression = ProgramEdit(DEFAULT_EXPRESSION)
        self.expression.setObjectName("graph_expression")
        self.expression.setPlaceholderText(self.tr("e.g. (x + y) * exp(x), or a program: c = a + b; d = c**2"))
        self.expression.setToolTip(self.tr("An expression, or a program of statements name = expression (one a "
                                           "line, Shift+Enter for a new line, or separated by ;). Numbers, names, "
                                           "+ − * / **, brackets, exp log tanh relu sigmoid sqrt abs, and x.tanh() "
                                           "as micrograd writes it. Enter draws it."))
        self.values = QLineEdit(DEFAULT_VALUES)
        self.values.setObjectName("graph_values")
        self.values.setAccessibleName(self.tr("Values of the names"))
        self.values.setPlaceholderText(self.tr("e.g. x=2, y=-1"))
        self.values.setToolTip(self.tr("A value for every name: name=number, separated by commas. Enter draws it."))
        self.apply = QPushButton(self.tr("Draw"))
        self.apply.setObjectName("graph_expression_apply")
        self.apply.setToolTip(self.tr("Draw the expression's graph (Enter in either field)"))
        self.examples = QToolButton()
        self.examples.setText(self.tr("Examples"))
        self.examples.setObjectName("graph_examples")
        self.examples.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(self.examples)
        for text, values, why in EXAMPLES:
            action = menu.addAction(f"{text}    ({translate('ExpressionForm', why)})")
            action.triggered.connect(lambda _=False, t=text, v=values: self.set_expression(t, v))
        self.examples.setMenu(menu)
        self.note = MessageLabel()
        self.note.setObjectName("graph_expression_note")
        self.note.hide()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Expression"), self.expression)
        row = QHBoxLayout()
        row.addWidget(self.values, 1)
        row.addWidget(self.apply)
        row.addWidget(self.examples)
        form.addRow(self.tr("Values"), row)
        form.addRow(self.error_label)
        form.addRow(self.note)
        for field in (self.expression, self.values):
            field.returnPressed.connect(self.changed)
        self.apply.clicked.connect(self.changed)

    def set_expression(self, text: str, values: str) -> None:
        self.expression.setText(text)
        self.values.setText(values)
        self.changed.emit()

    def build(self) -> Evaluation:
        self.note.hide()
        try:
            values = parse_values(self.values.text())
        except ExpressionError as exc:
            raise _FieldError("Values", self.values.text(), exc) from None
        try:
            parsed = parse_expression(self.expression.text(), values)
            evaluation = parsed.evaluate()
        except ExpressionError as exc:
            raise _FieldError("Expression", self.expression.text(), exc) from None
        if len(evaluation.nodes) > MAX_DRAWN_NODES:
            raise ValueError(self.tr("Expression: {n} nodes are too many to draw readably (at most {most}); `bpviz "
                                     "graph --expr` or `--file` takes bigger ones").format(
                n=len(evaluation.nodes), most=MAX_DRAWN_NODES))
        depth = _depth(evaluation)
        if depth > MAX_DRAWN_DEPTH:
            raise ValueError(self.tr("Expression: {n} operations one after the other are too many to draw readably "
                                     "(at most {most}); `bpviz graph --expr` takes longer ones").format(
                n=depth, most=MAX_DRAWN_DEPTH))
        if parsed.unused:
            self.note.show_message(self.tr("Not used in the expression: {names}").format(
                names=", ".join(parsed.unused)), palette.MUTED)
            self.note.show()
        return evaluation

    def refuse(self, error: ValueError) -> None:
        super().refuse(error)
        field = self.values if getattr(error, "field", "") == "Values" else self.expression
        for f in (self.expression, self.values):
            f.setStyleSheet(f"border: 1px solid {palette.ERROR_COLOR};" if f is field else "")

    def _error_detail_html(self, error: ValueError) -> str:
        """The text typed with the culprit marked, under the message (of a program: the culprit's line)."""
        column = getattr(error, "column", None)
        if not column:
            return ""
        text, line = error.text, getattr(error, "line", None)
        lines = text.split("\n")
        if line is not None and 1 <= line <= len(lines):
            text = lines[line - 1]
        return "<br>" + _marked(text, column)

    def clear_error(self) -> None:
        super().clear_error()
        for f in (self.expression, self.values):
            f.setStyleSheet("")


def _depth(evaluation: Evaluation) -> int:
    """The longest chain of operations from a leaf to the output."""
    level: dict[str, int] = {}
    for node in evaluation.nodes:
        level[node.name] = 1 + max((level[i] for i in node.inputs), default=-1) if node.inputs else 0
    return max(level.values())


class _FieldError(ValueError):
    """An ExpressionError with the field it came from (for the message and the marker under it)."""

    def __init__(self, field: str, text: str, error: ExpressionError):
        super().__init__(translate("ExpressionForm", "{field}: {error}").format(
            field=translate("ExpressionForm", field), error=localise(error)))
        self.field, self.text, self.column = field, text, error.column
        self.line = getattr(error, "line", None)


MARK_CONTEXT = 16  # characters shown either side of the marked one: the line stays short whatever was typed


def _marked(text: str, column: int) -> str:
    """``text`` in a fixed-width font with the character at ``column`` (1-based) marked; of a long text only the
    ``MARK_CONTEXT`` characters either side of it, with "…" where the text goes on."""
    i = min(max(column - 1, 0), len(text))
    start, end = max(0, i - MARK_CONTEXT), min(len(text), i + 1 + MARK_CONTEXT)
    before = ("…" if start > 0 else "") + text[start:i]
    after = text[i + 1:end] + ("…" if end < len(text) else "")
    marked = html.escape(text[i], quote=False) if i < len(text) else "&nbsp;"
    return (f"<tt>{html.escape(before, quote=False)}"
            f"<span style='background:{palette.ERROR_FILL};color:{palette.ERROR_COLOR}'>"
            f"<b>{marked}</b></span>{html.escape(after, quote=False)}</tt>")
