"""The warm-up seed's code, line by line: a list (code, formula, result shape) and a card for the selected line.

``LineList`` reuses the stepper's list (``StepTree``): rows paint rich text (W<sub>2</sub>, ᵀ), and the arrow
keys ask the page to move (``stepKey``) instead of moving a cursor of their own, so the list, the card and the
drawing never disagree. Phase rows (Forward, Loss, ...) are headings, not lines. ``LineCard`` shows one line
in full: the code, the formula, the shape algebra with the sizes put in, what it reads and writes, why the
formula holds, and the values of the current pass.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QFrame, QHeaderView, QLabel, QScrollArea, QTreeWidgetItem, QVBoxLayout, QWidget

from bpviz.gui import palette
from bpviz.gui.formula import to_html
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, localise, translate
from bpviz.gui.widgets.controls.step_list import HTML_ROLE, INDEX_ROLE, StepTree

PHASES = {"forward": QT_TRANSLATE_NOOP("LineList", "Forward pass"), "loss": QT_TRANSLATE_NOOP("LineList", "Loss"),
          "backward": QT_TRANSLATE_NOOP("LineList", "Backward pass: the five gradient lines"),
          "update": QT_TRANSLATE_NOOP("LineList", "Update (η = learning_rate)")}


def code_font(base: QFont) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
    font.setPointSizeF(base.pointSizeF())
    return font


def _number(value: float) -> str:
    return to_html(f"{value:.4g}")


def shape_words(text: str) -> str:
    """The engine's shape text ("64×10", "(64×10) − (64×10) → Σ → scalar") with "scalar" in the window's
    language."""
    return re.sub(r"\bscalar\b", lambda _m: translate("MatrixBlocksView", "scalar"), text)


def _names(names) -> str:
    return ", ".join(f"<b>{to_html(n)}</b>" for n in names)


class LineList(StepTree):
    """The lines of the seed's code under their phase headings; ``lineChosen(index)`` on a click."""

    lineChosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("warmup_lines")
        self.setAccessibleName(self.tr("The seed's code, line by line"))
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Seed's code"), self.tr("Formula"), self.tr("Result")])
        self.setToolTip(self.tr("Click a line to see it in the drawing; ↑/↓ (or ←/→) move through the lines"))
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(False)
        self.setIndentation(8)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self._items: list[QTreeWidgetItem] = []
        self.itemClicked.connect(self._clicked)

    def set_lines(self, lines) -> None:
        """Fill the list with a LessonPass's lines (once; later passes only change values, see the card)."""
        self.clear()
        self._items = []
        mono = code_font(self.font())
        heading = QFont(self.font())
        heading.setBold(True)
        phase = None
        parent = None
        for i, line in enumerate(lines):
            if line.phase != phase:
                phase = line.phase
                parent = QTreeWidgetItem(self, [translate("LineList", PHASES[phase])])
                parent.setFirstColumnSpanned(True)
                parent.setFlags(Qt.ItemIsEnabled)
                parent.setFont(0, heading)
                parent.setForeground(0, self.palette().brush(self.foregroundRole()))
                parent.setData(0, INDEX_ROLE, None)
            item = QTreeWidgetItem(parent, [line.code, "", f"{shape_words(line.result_shape_text)} ✓"])
            item.setFont(0, mono)
            item.setData(1, HTML_ROLE, to_html(line.formula))
            item.setData(0, INDEX_ROLE, i)
            item.setToolTip(0, line.code)
            item.setToolTip(2, self.tr("The formula's shape algebra gives {shape}; the array computed by the pass "
                                       "has that shape").format(shape=shape_words(line.shape_numbers)))
            item.setForeground(2, self.palette().brush(self.foregroundRole()))
            self._items.append(item)
        self.expandAll()

    def select(self, index: int) -> None:
        item = self._items[index]
        if self.currentItem() is not item:
            self.setCurrentItem(item)
        self.scrollToItem(item)

    def item_of(self, index: int) -> QTreeWidgetItem:
        return self._items[index]

    def row_texts(self, index: int) -> tuple[str, str, str]:
        """(code, formula HTML, result) of line ``index`` (for tests)."""
        item = self._items[index]
        return item.text(0), item.data(1, HTML_ROLE), item.text(2)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        index = item.data(0, INDEX_ROLE)
        if index is None and item.childCount():
            index = item.child(0).data(0, INDEX_ROLE)  # a heading: its first line
        if index is not None:
            self.lineChosen.emit(int(index))


class LineCard(QScrollArea):
    """One line in full (rich text, selectable)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("warmup_line_card")
        self.setAccessibleName(self.tr("The chosen line in full"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.StyledPanel)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(10, 8, 10, 8)
        self.label = QLabel()
        self.label.setObjectName("warmup_line_text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.RichText)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.label.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        column.addWidget(self.label)
        column.addStretch(1)
        self.setWidget(inner)
        self._mono = code_font(self.font()).family()

    def text(self) -> str:
        return self.label.text()

    def show_line(self, line, iteration: int) -> None:
        """``line``: a Line of a LessonPass; ``iteration``: whose weights the pass used (0 = the initial ones)."""
        code = "<br>".join(html.escape(c) for c in line.code.split("\n"))
        # dark text on the amber in both schemes (the amber is light in both)
        read_word, written_word, shapes_word = self.tr("read"), self.tr("written"), self.tr("shapes")
        read = f'<span style="color:#1e1e1e; background:{palette.READ}">&nbsp;{read_word}&nbsp;</span>'
        written = (f'<span style="color:{palette.ON_ERROR}; background:{palette.WRITE}">&nbsp;{written_word}'
                   '&nbsp;</span>')
        ok = f'<span style="color:{palette.WRITE}"><b>✓</b></span>'
        parts = [
            f'<p style="margin:0"><span style="font-family:\'{self._mono}\'; font-weight:600">{code}</span></p>',
            f'<p style="font-size:large; margin:6px 0 8px 0">{to_html(line.formula)}</p>',
            '<table cellspacing="0" cellpadding="2">',
            f"<tr><td style='color:{palette.MUTED}'>{shapes_word}&nbsp;</td>"
            f"<td>{to_html(shape_words(line.shape_rule))}</td></tr>",
            f"<tr><td></td><td>{to_html(shape_words(line.shape_numbers))} {ok} <span style='color:{palette.MUTED}'>"
            + self.tr("(the pass's array is {shape})").format(shape=shape_words(line.result_shape_text))
            + "</span></td></tr>",
            f"<tr><td>{read}</td><td>{_names(line.reads)}</td></tr>",
            f"<tr><td>{written}</td><td>{_names(line.writes)}</td></tr>",
            "</table>",
            f'<p style="margin-top:8px">{to_html(localise(line.why))}</p>',  # the engine's Phrase
            f'<p style="color:{palette.MUTED}; margin-top:6px">{self._values_html(line, iteration)}</p>',
        ]
        self.label.setText("".join(parts))

    @staticmethod
    def _values_html(line, iteration: int) -> str:
        s = line.summary
        when = (translate("LineCard", "with the initial weights") if iteration == 0
                else translate("LineCard", "with the weights after {n:,} updates").format(n=iteration))
        what = (translate("LineCard", "{name} after the update").format(name=line.writes[0])
                if line.phase == "update" else line.writes[0])
        if "value" in s:
            value = to_html(f"{s['value']:.10g}")
            return translate("LineCard", "Value {when}: <b>{value}</b>").format(when=when, value=value)
        text = translate("LineCard", "{what} {when}: norm {norm}, entries from {low} to {high}, mean {mean}").format(
            what=to_html(what), when=when, norm=_number(s["norm"]), low=_number(s["min"]), high=_number(s["max"]),
            mean=_number(s["mean"]))
        corner = s.get("corner")
        if corner:
            rows = "; ".join("  ".join(f"{v:.3g}" for v in row) for row in corner)
            text += translate("LineCard", "; top-left entries [{rows} …]").format(rows=to_html(rows))
        if "blocked" in s:
            text += translate("LineCard", ". The mask set {blocked:,} of {entries:,} entries to 0 (where h &lt; 0): "
                                          "the blank cells (the background's colour) of grad_h in the drawing").format(
                blocked=s["blocked"], entries=s["entries"])
        return text
