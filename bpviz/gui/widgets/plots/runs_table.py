"""The "Compare runs" table of the training playground: the current run and the earlier ones, side by side.

It draws what the runs model (bpviz.models.runs.RunsModel) holds and hands the user's changes back to it: a name
typed in (double-click or F2), a pin (the first column's box), a removal (Delete, or the right-click menu). The
current run's row follows its frames a few times a second, and only while the table is shown. Each earlier run's
name carries its curve's colour (a swatch), as on the loss plot.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from bpviz.gui.i18n import QT_TRANSLATE_NOOP, localise, translate
from bpviz.gui.widgets.plots.earlier_runs import auto_name_text, earlier_color, run_name
from bpviz.gui.widgets.plots.loss_plot import format_loss
from bpviz.models.runs import MAX_PINNED, MAX_UNPINNED, TARGET_ACCURACY, RunFigures, RunsModel

PIN, NAME, REACHED, TRAIN, TEST, ACCURACY, RATE = range(7)
HEADERS = (QT_TRANSLATE_NOOP("RunsTable", "Pin"), QT_TRANSLATE_NOOP("RunsTable", "Run"),
           QT_TRANSLATE_NOOP("RunsTable", "90 % at"), QT_TRANSLATE_NOOP("RunsTable", "Train"),
           QT_TRANSLATE_NOOP("RunsTable", "Test"), QT_TRANSLATE_NOOP("RunsTable", "Acc."),
           QT_TRANSLATE_NOOP("RunsTable", "Steps/s"))  # translated where shown, with TIPS (formatted by FIGURES)
TIPS = (
    QT_TRANSLATE_NOOP("RunsTable", "Pinned runs stay however many runs follow (at most {pinned}); of the others, the "
                                   "latest {unpinned} are kept"),
    QT_TRANSLATE_NOOP("RunsTable", "What the run did differently from the current run (8,8 → 4: hidden layers 8,8 "
                                   "where the current run has 4), or the name you gave it: double-click or F2 to "
                                   "rename, an empty name gives the automatic one back"),
    QT_TRANSLATE_NOOP("RunsTable", "Steps to {percent} accuracy (test set; training set without one): the step of the "
                                   "first frame shown at or above it. Frames come about 30 times a second while "
                                   "training runs, so the run crossed it between the frame before and this step "
                                   "(hover a value). – for regression"),
    QT_TRANSLATE_NOOP("RunsTable", "Final training loss: the loss over the whole training set at the end of the run's "
                                   "last epoch (the end of its curve)"),
    QT_TRANSLATE_NOOP("RunsTable", "Final test loss: the loss over the whole test set at the end of the run's last "
                                   "epoch (the end of its dashed curve)"),
    QT_TRANSLATE_NOOP("RunsTable", "Test accuracy: the share of test points classified right at the run's last step"),
    QT_TRANSLATE_NOOP("RunsTable", "Training speed: the mean of the rates measured while training ran (– if it never "
                                   "ran: stepped by hand)"),
)
FIGURES = dict(pinned=MAX_PINNED, unpinned=MAX_UNPINNED, percent=f"{TARGET_ACCURACY:.0%}")
_ON = (QT_TRANSLATE_NOOP("RunsTable", "test"), QT_TRANSLATE_NOOP("RunsTable", "train"))  # RunFigures.accuracy_on
CURRENT_REFRESH_MS = 250


def reached_text(f: RunFigures) -> tuple[str, str]:
    """The "90 % at" cell and its tooltip."""
    goal = translate("RunsTable", "{percent} {on} accuracy").format(percent=f"{TARGET_ACCURACY:.0%}",
                                                                    on=translate("RunsTable", f.accuracy_on))
    if not f.measurable:
        return "–", translate("RunsTable", "No accuracy to measure (regression: the network predicts values)")
    if f.reached_step is None:
        return (translate("RunsTable", "not reached"),
                translate("RunsTable", "Not reached: {goal} was never shown").format(goal=goal))
    step = f.reached_step
    if f.reached_after is None:
        return f"{step:,}", translate("RunsTable", "{goal} at step {step} or before (the run's first frame already "
                                                   "showed it)").format(goal=goal, step=f"{step:,}")
    if f.reached_after >= step - 1:
        return f"{step:,}", translate("RunsTable", "{goal} reached at step {step}").format(goal=goal, step=f"{step:,}")
    return f"{step:,}", translate("RunsTable", "{goal} reached after step {after} and at step {step} at the "
                                               "latest").format(goal=goal, after=f"{f.reached_after:,}",
                                                                step=f"{step:,}")


def figure_texts(f: RunFigures | None) -> list[str]:
    """The texts of the columns REACHED … RATE."""
    if f is None:
        return ["", "", "", "", ""]
    acc = f"{100 * f.test_accuracy:.1f} %" if math.isfinite(f.test_accuracy) else "–"
    rate = _rate(f.steps_per_second)
    return [reached_text(f)[0], format_loss(f.train_loss), format_loss(f.test_loss), acc, rate]


class _Table(QTableWidget):
    """Delete (or Backspace) removes the selected earlier run, unless a name is being edited."""

    def __init__(self, owner: RunsTable):
        super().__init__(0, len(HEADERS))
        self._owner = owner

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Delete, Qt.Key_Backspace) and self.state() != QAbstractItemView.EditingState:
            number = self._owner.selected_run()
            if number is not None:
                self._owner.remove(number)
                event.accept()
                return
        super().keyPressEvent(event)


class RunsTable(QWidget):
    def __init__(self, runs: RunsModel, parent=None):
        super().__init__(parent)
        self.runs = runs
        self._numbers: list[int | None] = []  # the run of each row: None for the current run (row 0)
        self._filling = False
        self.table = _Table(self)
        self.table.setObjectName("runs_table")
        t = self.table
        font = QFont(t.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)  # a dozen figures in a third of the window's width
        t.setFont(font)
        t.horizontalHeader().setFont(font)
        for i, (text, tip) in enumerate(zip(HEADERS, TIPS)):
            header = QTableWidgetItem(translate("RunsTable", text))
            header.setToolTip(translate("RunsTable", tip).format(**FIGURES))
            t.setHorizontalHeaderItem(i, header)
        t.verticalHeader().hide()
        t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 6)
        h = t.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeToContents)
        h.setSectionResizeMode(NAME, QHeaderView.Stretch)
        h.setMinimumSectionSize(24)
        t.setSelectionBehavior(QAbstractItemView.SelectRows)
        t.setSelectionMode(QAbstractItemView.SingleSelection)
        t.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        t.setWordWrap(False)
        t.setContextMenuPolicy(Qt.CustomContextMenu)
        t.customContextMenuRequested.connect(self._context_menu)
        t.itemChanged.connect(self._item_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(t)
        # the current run and three earlier ones without scrolling
        self.setMinimumHeight(t.verticalHeader().defaultSectionSize() * 4 + h.sizeHint().height() + 4)
        self._timer = QTimer(self)  # the current run's row: a few times a second at most
        self._timer.setSingleShot(True)
        self._timer.setInterval(CURRENT_REFRESH_MS)
        self._timer.timeout.connect(self._show_current)
        runs.subscribe("changed", self.refresh)
        runs.subscribe("current", self._current_changed)
        self.refresh()

    # ------------------------------------------------------------------ reading (tests, the page)
    def row_texts(self) -> list[list[str]]:
        t = self.table
        return [[t.item(r, c).text() for c in range(1, t.columnCount())] for r in range(t.rowCount())]

    def row_of(self, number: int) -> int:
        return self._numbers.index(number)

    def selected_run(self) -> int | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self._numbers[min(rows)] if rows else None

    # ------------------------------------------------------------------ the user's changes
    def remove(self, number: int) -> None:
        self.runs.remove(number)

    def set_pinned(self, number: int, pinned: bool) -> None:
        if not any(r.number == number for r in self.runs.earlier):
            return  # removed meanwhile
        try:
            self.runs.set_pinned(number, pinned)
        except ValueError as exc:
            self.refresh()  # the box shows the truth again
            QToolTip.showText(self.table.mapToGlobal(QPoint(8, 8)), localise(exc), self.table)

    def rename(self, number: int) -> None:
        self.table.editItem(self.table.item(self.row_of(number), NAME))

    def menu_for(self, row: int) -> QMenu:
        """The right-click menu of a row (deleted when closed)."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WA_DeleteOnClose)
        number = self._numbers[row] if 0 <= row < len(self._numbers) else None
        rename = menu.addAction(self.tr("Rename"))
        pin = menu.addAction(self.tr("Pin"))
        pin.setCheckable(True)
        remove = menu.addAction(self.tr("Remove run"))
        if number is None:
            for action in (rename, pin, remove):
                action.setEnabled(False)
            rename.setToolTip(self.tr("The current run is named when the next one starts"))
            return menu
        run = self.runs.run(number)
        pin.setChecked(run.pinned)
        rename.triggered.connect(lambda: self.rename(number))
        pin.toggled.connect(lambda on: self.set_pinned(number, on))
        remove.triggered.connect(lambda: self.remove(number))
        return menu

    @Slot(QPoint)
    def _context_menu(self, pos: QPoint) -> None:
        row = self.table.rowAt(pos.y())
        if row >= 0:
            self.table.selectRow(row)
            self.menu_for(row).popup(self.table.viewport().mapToGlobal(pos))

    @Slot(QTableWidgetItem)
    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        number = self._numbers[item.row()]
        if number is None:
            return
        # Later, out of the item's own signal: the model's change rebuilds the rows (and deletes this item).
        if item.column() == NAME:
            text = item.text()
            QTimer.singleShot(0, self, lambda: self._rename_to(number, text))
        elif item.column() == PIN:
            on = item.checkState() == Qt.Checked
            QTimer.singleShot(0, self, lambda: self.set_pinned(number, on))

    def _rename_to(self, number: int, text: str) -> None:
        if any(r.number == number for r in self.runs.earlier):
            self.runs.rename(number, text)
            self.refresh()  # an empty name: the automatic one shows again

    # ------------------------------------------------------------------ drawing
    def refresh(self) -> None:
        """Every row again (runs kept, removed, renamed or pinned): a dozen rows at most."""
        selected = self.selected_run()
        runs = list(reversed(self.runs.earlier))  # newest first, under the current run
        self._numbers = [None] + [r.number for r in runs]
        t = self.table
        self._filling = True
        try:
            t.setRowCount(len(self._numbers))
            self._fill_row(0, self.tr("Current (run {number})").format(number=self.runs.current_number), None,
                           self.runs.current_figures(), None)
            for row, run in enumerate(runs, start=1):
                self._fill_row(row, run_name(run), run, run.figures, earlier_color(run.slot))
        finally:
            self._filling = False
        if selected is not None and selected in self._numbers:
            t.selectRow(self._numbers.index(selected))

    def _fill_row(self, row: int, name: str, run, figures: RunFigures | None, color: str | None) -> None:
        t = self.table
        pin = QTableWidgetItem()
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if run is not None:
            pin.setFlags(flags | Qt.ItemIsUserCheckable)
            pin.setCheckState(Qt.Checked if run.pinned else Qt.Unchecked)
            pin.setToolTip(self.tr("Pinned: kept whatever runs follow") if run.pinned
                           else self.tr("Pin this run: keep it"))
        else:
            pin.setFlags(flags)
        t.setItem(row, PIN, pin)
        item = QTableWidgetItem(name)
        if run is None:
            item.setFlags(flags)
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            item.setToolTip(self.tr("The run training now (its figures follow it); it joins the earlier runs when the "
                                    "next one starts (Reset, other hidden layers, data, seed, ...)"))
        else:
            item.setFlags(flags | Qt.ItemIsEditable)
            item.setIcon(_swatch(color))
            item.setToolTip(self.tr("Run {number}: {name}").format(number=run.number, name=name)
                            + ("" if run.user_name is None else
                               self.tr(" (differed: {auto})").format(
                                   auto=auto_name_text(run.auto_name))))
        t.setItem(row, NAME, item)
        for col, text in zip(range(REACHED, RATE + 1), figure_texts(figures)):
            cell = QTableWidgetItem(text)
            cell.setFlags(flags)
            cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            t.setItem(row, col, cell)
        if figures is not None:
            t.item(row, REACHED).setToolTip(reached_text(figures)[1])

    def _current_changed(self) -> None:
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def _show_current(self) -> None:
        """The current run's row: only the texts that changed (one cell repaints each)."""
        f = self.runs.current_figures()
        t = self.table
        if t.rowCount() == 0 or t.item(0, REACHED) is None:
            return
        self._filling = True
        try:
            for col, text in zip(range(REACHED, RATE + 1), figure_texts(f)):
                t.item(0, col).setText(text)  # no change, no signal: Qt compares
            if f is not None:
                t.item(0, REACHED).setToolTip(reached_text(f)[1])
        finally:
            self._filling = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._show_current()


def _rate(value: float) -> str:
    if not math.isfinite(value):
        return "–"
    return f"{value / 1000:.1f}k" if value >= 10_000 else f"{value:,.0f}"


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(10, 10)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)
