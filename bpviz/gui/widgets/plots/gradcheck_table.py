"""The gradient check as a table: one row per parameter, coloured by its verdict, sortable by any column.

The model holds plain data (the engine's ParamChecks and words for them) and sorts itself in Python: sort
keys such as "the error that counts, then the raw relative error" are tuples, which a proxy model's
QVariant comparison cannot order.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, localise, translate
from bpviz.models.gradcheck_report import BAR_COLORS, DOUBTFUL, FAIL, PASS, VERDICTS, explain, verdict

COLUMNS = ("Parameter", "Connection", "Backprop", "Numerical", "|Difference|", "Relative error", "Verdict")
_COLUMN_TITLES = (  # COLUMNS as the header shows them (tests find columns by the English names)
    QT_TRANSLATE_NOOP("GradCheck", "Parameter"), QT_TRANSLATE_NOOP("GradCheck", "Connection"),
    QT_TRANSLATE_NOOP("GradCheck", "Backprop"), QT_TRANSLATE_NOOP("GradCheck", "Numerical"),
    QT_TRANSLATE_NOOP("GradCheck", "|Difference|"), QT_TRANSLATE_NOOP("GradCheck", "Relative error"),
    QT_TRANSLATE_NOOP("GradCheck", "Verdict"),
)
RELATIVE_ERROR = COLUMNS.index("Relative error")
_TOP = QModelIndex()  # the invisible root: a flat table has rows only under it
HEADER_TIPS = (
    QT_TRANSLATE_NOOP("GradCheck", "The parameter's name (w1, w2, ... layer by layer as in the worked example; "
                                   "b: biases). Sorts in network order."),
    QT_TRANSLATE_NOOP("GradCheck", "Where the parameter sits: the neuron it reads → the neuron it feeds."),
    QT_TRANSLATE_NOOP("GradCheck", "∂E/∂p as the backward pass computes it (the broken backward's when that is on)."),
    QT_TRANSLATE_NOOP("GradCheck", "∂E/∂p by fourth-order central differences: [E(p−2h) − 8E(p−h) + 8E(p+h) − "
                                   "E(p+2h)] / 12h, h = 0.001. No backward pass involved."),
    QT_TRANSLATE_NOOP("GradCheck", "|backprop − numerical|"),
    QT_TRANSLATE_NOOP("GradCheck", "|backprop − numerical| / max(|backprop|, |numerical|): green below 1e-7, amber "
                                   "below 1e-4, red above. Sorted by the error that counts: kinks and differences "
                                   "within rounding count as agreement."),
    QT_TRANSLATE_NOOP("GradCheck", "The verdict: agrees, doubtful, DISAGREES, or (grey) not comparable: a kink, or "
                                   "a difference within the rounding error of the finite difference."),
)
_SEVERITY = {"kink": 0, "noise": 1, "agree": 2, "close": 3, "disagree": 4}
#: the verdicts' fills in the dark scheme (the light ones are VERDICTS'): dark tints of green, amber, red and grey,
#: the palette's TEXT on each at ≥ 10:1 (tests/gui/test_dark_theme.py)
DARK_FILLS = {"agree": "#1d3826", "close": "#3b3217", "disagree": "#4a2124", "kink": "#30343a", "noise": "#30343a"}
_SUMMARY_VERDICT = {PASS: "agree", DOUBTFUL: "close", FAIL: "disagree"}


def verdict_fill(v: str) -> str:
    """The fill behind a row (and the summary) of verdict ``v`` in the scheme in use."""
    return DARK_FILLS[v] if palette.is_dark() else VERDICTS[v][1]


def summary_colors(style: str) -> tuple[str, str]:
    """(border, fill) of the summary bar: "pass", "doubtful", "fail" or "info"."""
    if style in _SUMMARY_VERDICT:
        v = _SUMMARY_VERDICT[style]
        return BAR_COLORS[v], verdict_fill(v)
    return (palette.CONTROL_BORDER, palette.NODE_FILL) if palette.is_dark() else ("#b8c2cc", "#eef1f4")


class GradCheckModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = []  # ParamChecks, in display order
        self._connections: dict[str, str] = {}
        self._order: dict[str, int] = {}
        self._changed: set[str] | None = None  # with a broken backward: the gradients the fault changed
        self._sort = (RELATIVE_ERROR, Qt.DescendingOrder)
        self._bold = QFont()
        self._bold.setBold(True)
        self.restyle()

    def restyle(self) -> None:
        """The fills and text in the palette's colours (bpviz.gui.theme: an export is drawn light)."""
        self._backgrounds = {v: QBrush(QColor(verdict_fill(v))) for v in VERDICTS}
        self._text = QBrush(QColor(palette.TEXT))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1),
                                  [Qt.BackgroundRole, Qt.ForegroundRole])

    def set_checks(self, checks, connections: dict[str, str], order: dict[str, int], changed=None) -> None:
        self.beginResetModel()
        self._rows = list(checks)
        # in the window's language once (the engine's phrases, "bias → h1"), not at every paint
        self._connections = {name: localise(text) for name, text in connections.items()}
        self._order = order
        self._changed = None if changed is None else set(changed)
        self._rows.sort(key=self._key(self._sort[0]), reverse=self._sort[1] == Qt.DescendingOrder)
        self.endResetModel()

    def clear(self) -> None:
        self.set_checks([], {}, {})

    def check_at(self, row: int):
        return self._rows[row]

    def names(self) -> list[str]:
        """Parameter names in display order."""
        return [c.name for c in self._rows]

    def row_of(self, name: str) -> int:
        return next((i for i, c in enumerate(self._rows) if c.name == name), -1)

    # ------------------------------------------------------------------ the model interface
    def rowCount(self, parent=_TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_TOP) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal:
            return None
        if role == Qt.DisplayRole:
            return translate("GradCheck", _COLUMN_TITLES[section])
        if role == Qt.ToolTipRole:
            return translate("GradCheck", HEADER_TIPS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        c, col = self._rows[index.row()], index.column()
        v = verdict(c)
        if role == Qt.DisplayRole:
            return self._text_of(c, col, v)
        if role == Qt.BackgroundRole:
            return self._backgrounds[v]
        if role == Qt.ForegroundRole:
            return self._text
        if role == Qt.FontRole and v == "disagree" and col in (0, RELATIVE_ERROR, len(COLUMNS) - 1):
            return self._bold
        if role == Qt.TextAlignmentRole:
            return int((Qt.AlignRight if 2 <= col <= 5 else Qt.AlignLeft) | Qt.AlignVCenter)
        if role == Qt.ToolTipRole:
            return self._tooltip(c)
        return None

    def _text_of(self, c, col, v) -> str:
        if col == 0:
            return c.name
        if col == 1:
            return self._connections.get(c.name, "")
        if col == 2:
            return _number(c.analytic)
        if col == 3:
            return _number(c.numeric)
        if col == 4:
            return f"{c.abs_error:.1e}"
        if col == 5:
            return f"{c.rel_error:.1e}"
        return localise(VERDICTS[v][0])

    def _tooltip(self, c) -> str:
        text = self.tr("{name} ({connection}): {explanation}").format(
            name=c.name, connection=self._connections.get(c.name, ""), explanation=localise(explain(c)))
        if self._changed is not None:
            text += "\n" + (self.tr("The broken backward changed this gradient.") if c.name in self._changed
                            else self.tr("The fault does not touch this gradient: it is backprop's own."))
        return text

    def _key(self, column):
        order = self._order
        keys = {
            0: lambda c: order.get(c.name, 0),
            1: lambda c: (self._connections.get(c.name, ""), order.get(c.name, 0)),
            2: lambda c: c.analytic,
            3: lambda c: c.numeric,
            4: lambda c: c.abs_error,
            5: lambda c: (c.counted_error, c.rel_error),
            6: lambda c: (_SEVERITY[verdict(c)], c.rel_error),
        }
        return keys[column]

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=self._key(column), reverse=order == Qt.DescendingOrder)
        self.layoutChanged.emit()


def _number(value: float) -> str:
    return f"{value:.10g}".replace("-", "−")


class GradCheckTable(QTableView):
    """The table view; ``parameterSelected(name)`` when the user selects a row."""

    parameterSelected = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("gradcheck_table")
        self.setAccessibleName(self.tr("Backprop and numerical gradients, one row per parameter"))
        self.model_ = GradCheckModel(self)
        self.setModel(self.model_)
        self.setSortingEnabled(True)
        self.sortByColumn(RELATIVE_ERROR, Qt.DescendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        # Fixed widths from the font: ResizeToContents would measure every row of a 1,500-parameter network.
        fm = self.fontMetrics()
        samples = ("b_h10_16 ", "sin(πx₁) → h10_16", "−0.0001234567891", "−0.0001234567891", "9.9e-10",
                   "Relative error ▾", "within rounding")
        for col, text in enumerate(samples):
            title = translate("GradCheck", _COLUMN_TITLES[col])
            width = max(fm.horizontalAdvance(text), fm.horizontalAdvance(title) + 24) + 16
            self.setColumnWidth(col, width)
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        header.setStretchLastSection(True)
        self.selectionModel().currentRowChanged.connect(self._row_changed)

    def restyle(self) -> None:
        self.model_.restyle()
        self.viewport().update()

    @Slot(QModelIndex, QModelIndex)
    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.parameterSelected.emit(self.model_.check_at(current.row()).name)

    def select_parameter(self, name: str) -> None:
        row = self.model_.row_of(name)
        if row >= 0:
            self.selectRow(row)
            self.scrollTo(self.model_.index(row, 0))
