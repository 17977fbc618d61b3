"""The step-by-step panel of the worked example: one named quantity of the pass at a time.

The panel shows a ``Trace`` (plain data from the engine) and a position in it; it computes nothing. The main
window owns the engine calls and the diagram, listens to ``positionChanged`` and puts the panel's ``actions``
in its toolbar and menu (they are the same QAction objects, so their shortcuts work window-wide). Its parts:
the current step's card (step_card), the buttons (step_buttons) and the list of steps (step_list).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QStyle,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpviz.engine.trace import PHASES, Step, Trace
from bpviz.gui import palette
from bpviz.gui.formula import name_html, plain_text, to_html, value_html
from bpviz.gui.i18n import phase_title
from bpviz.gui.widgets.controls.step_buttons import StepButtons
from bpviz.gui.widgets.controls.step_card import StepCard, value_color
from bpviz.gui.widgets.controls.step_list import HTML_ROLE, INDEX_ROLE, StepTree

MINIMUM_WIDTH = 300  # px
PREFERRED_WIDTH = 420  # px: room for the buttons on one row and most formulas on one or two lines


class StepperPanel(QWidget):
    """Next / Previous / Run whole pass / Reset through the named steps of one pass, the current step's formula,
    the formula with the numbers put in and its value, and every step grouped by phase."""

    positionChanged = Signal(int)  # -1 = before the first step, 0..len-1 = that step is the current one

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stepper")
        self._trace: Trace | None = None
        self._position = -1
        self._items: list[QTreeWidgetItem] = []
        self._items_reached = -1  # the rows drawn as computed: 0 .. this
        self._phase_items: dict[str, QTreeWidgetItem] = {}
        self._syncing = False
        self._active = True  # shortcuts live (False while another page is shown)
        self.actions: dict[str, QAction] = {}  # shadows QWidget.actions() on purpose: the main window's API
        self._make_actions()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(8)
        self._header = QLabel()
        self._header.setObjectName("stepper_header")
        self._header.setTextFormat(Qt.RichText)
        self._header.setWordWrap(True)
        header_font = QFont(self.font())
        header_font.setPointSizeF(self.font().pointSizeF() * 1.1)
        self._header.setFont(header_font)
        layout.addWidget(self._header)
        self._card = StepCard(self.font())
        layout.addWidget(self._card)
        self._buttons = StepButtons(self.actions)
        self.buttons = self._buttons.buttons
        # narrowest readable panel: two rows of two buttons, a formula column and a value column of some width
        self._minimum_width = max(self._buttons.two_rows_width + 12, MINIMUM_WIDTH)
        layout.addLayout(self._buttons)
        self._tree = self._make_tree()
        layout.addWidget(self._tree, 1)
        self._refresh()

    # ------------------------------------------------------------------ construction
    def _make_actions(self) -> None:
        style = self.style()
        specs = (
            ("previous", self.tr("Previous"), QStyle.SP_ArrowLeft, [QKeySequence(Qt.Key_Left)],
             self.tr("Previous step (Left arrow)"), self.previous),
            ("next", self.tr("Next"), QStyle.SP_ArrowRight, [QKeySequence(Qt.Key_Right)],
             self.tr("Next step: compute the next quantity (Right arrow)"), self.next),
            ("run_all", self.tr("Run whole pass"), QStyle.SP_MediaSkipForward,
             [QKeySequence(Qt.Key_End), QKeySequence("Ctrl+Return")],
             self.tr("Run whole pass: show every step at once (End or Ctrl+Return)"), self.run_all),
            ("reset", self.tr("Reset"), QStyle.SP_MediaSkipBackward, [QKeySequence(Qt.Key_Home)],
             self.tr("Reset: back to before the first step (Home)"), self.reset),
        )
        for key, text, icon, shortcuts, tip, slot in specs:
            action = QAction(style.standardIcon(icon), text, self)
            action.setObjectName(f"stepper_{key}")
            action.setShortcuts(shortcuts)
            action.setShortcutContext(Qt.WindowShortcut)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions[key] = action

    def resizeEvent(self, event) -> None:
        margins = self.layout().contentsMargins()
        needed = self._buttons.one_row_width()
        super().resizeEvent(event)
        if self._buttons.arrange(4 if event.size().width() - margins.left() - margins.right() >= needed else 2):
            self.layout().activate()  # the layout already placed the old arrangement for this size

    def focus_steps(self) -> None:
        """Give the keyboard focus to the list of steps (its arrow keys step the pass)."""
        self._tree.setFocus(Qt.OtherFocusReason)

    def _make_tree(self) -> StepTree:
        tree = StepTree()
        tree.tooltip_for = self._tooltip
        tree.setAccessibleName(self.tr("Steps of the pass"))
        tree.setAccessibleDescription(self.tr("Up and Down move to the previous or next step"))
        _mute(tree)
        tree.itemSelectionChanged.connect(self._on_selection)
        tree.stepKey.connect(lambda delta: self.set_position(self._position + delta))
        return tree

    def _rebuild_tree(self) -> None:
        tree = self._tree
        self._syncing = True
        try:
            tree.clear()
            self._items, self._phase_items = [], {}
            self._items_reached = -1
            if self._trace is None:
                return
            for phase in PHASES:
                steps = [i for i, s in enumerate(self._trace.steps) if s.phase == phase]
                if not steps:
                    continue
                head = QTreeWidgetItem(tree)
                count = self.tr("{n} steps").format(n=len(steps)) if len(steps) != 1 else self.tr("1 step")
                head.setText(0, f"{phase_title(phase)} · {count}")
                head.setData(0, HTML_ROLE, f"<b>{to_html(phase_title(phase))}</b>"
                                           f" <span style='color:{palette.MUTED}'>· {count}</span>")
                head.setData(0, INDEX_ROLE, None)
                head.setFlags(Qt.ItemIsEnabled)
                head.setForeground(0, QColor(palette.TEXT))
                head.setFirstColumnSpanned(True)
                self._phase_items[phase] = head
            for i, step in enumerate(self._trace.steps):
                item = QTreeWidgetItem(self._phase_items[step.phase])
                item.setText(0, step.symbol)
                item.setData(0, INDEX_ROLE, i)
                item.setData(0, HTML_ROLE, name_html(step.name))
                item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
                self._items.append(item)  # muted, as the list's own text colour: not computed yet
            tree.expandAll()
            tree.fit_names([s.symbol for s in self._trace.steps])
        finally:
            self._syncing = False

    def restyle(self) -> None:
        """Take the palette's colours again (bpviz.gui.theme: an export from a dark window is drawn light)."""
        self._card.restyle()
        _mute(self._tree)
        self._rebuild_tree()
        self._refresh()

    # ------------------------------------------------------------------ API
    def set_trace(self, trace: Trace | None) -> None:
        """Show ``trace`` (new numbers, or a new shape when biases start or stop updating). The current step
        stays the current one: same name if the new trace has it, else the same index clamped."""
        old, old_position = self._trace, self._position
        self._trace = trace
        shape = lambda t: None if t is None else tuple((s.phase, s.name) for s in t.steps)  # noqa: E731
        if shape(old) != shape(trace):
            position = -1
            if trace is not None and old is not None and old_position >= 0:
                name = old.steps[old_position].name
                try:
                    position = trace.index(name)
                except KeyError:
                    position = min(old_position, len(trace) - 1)
            self._position = position
            self._rebuild_tree()
        elif trace is not None:  # the same steps with other numbers: the rows shown as computed show the new ones
            for i in range(self._items_reached + 1):
                self._show_reached(self._items[i], trace.steps[i], True)
        self._refresh()
        if self._position != old_position:
            self.positionChanged.emit(self._position)

    def trace(self) -> Trace | None:
        return self._trace

    def position(self) -> int:
        return self._position

    def set_position(self, index: int) -> None:
        """Make step ``index`` the current one (clamped to -1..len-1; -1 = nothing computed yet)."""
        last = len(self._trace) - 1 if self._trace is not None else -1
        index = max(-1, min(int(index), last))
        if index == self._position:
            self._refresh_selection()
            return
        self._position = index
        self._refresh()
        self.positionChanged.emit(index)

    @Slot()
    def next(self) -> None:
        self.set_position(self._position + 1)

    @Slot()
    def previous(self) -> None:
        self.set_position(self._position - 1)

    @Slot()
    def run_all(self) -> None:
        self.set_position(len(self._trace) - 1 if self._trace is not None else -1)

    @Slot()
    def reset(self) -> None:
        self.set_position(-1)

    # ------------------------------------------------------------------ display
    def current_step(self) -> Step | None:
        if self._trace is None or self._position < 0:
            return None
        return self._trace.steps[self._position]

    def value_text(self) -> str:
        """The value as shown on the card ('' before the first step)."""
        step = self.current_step()
        return plain_text(value_html(step)) if step is not None else ""

    def set_active(self, active: bool) -> None:
        """Shortcuts only while the panel's page is shown (another page may use the same keys)."""
        self._active = active
        self._refresh()

    def _refresh(self) -> None:
        trace, pos = self._trace, self._position
        n = len(trace) if trace is not None else 0
        a, active = self.actions, self._active
        a["previous"].setEnabled(active and pos > -1)
        a["reset"].setEnabled(active and pos > -1)
        a["next"].setEnabled(active and pos < n - 1)
        a["run_all"].setEnabled(active and pos < n - 1)
        step = self.current_step()
        if trace is None:
            self._header.setText(self.tr("<b>No example loaded</b>"))
        elif step is None:
            self._header.setText(self.tr("<b>Step 0 of {n}</b> · nothing computed yet").format(n=n))
        else:
            self._header.setText(self.tr("<b>Step {k} of {n}</b> · {phase}").format(k=pos + 1, n=n,
                                                                                    phase=phase_title(step.phase)))
        self._card.show_step(step, self._hint_html(step))
        self._refresh_items()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), PREFERRED_WIDTH), hint.height())

    def minimumSizeHint(self) -> QSize:
        # not setMinimumWidth: that would override the layout's minimum, which grows with an unbreakable formula
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._minimum_width), hint.height())

    def _hint_html(self, step: Step | None) -> str:
        trace, muted = self._trace, palette.MUTED
        if trace is None or len(trace) == 0:
            return ""
        if step is None:
            first = trace.steps[0]
            phase = phase_title(first.phase).lower()
            return (self.tr("Press <b>Next</b> (→) to compute {name}, the first quantity of the {phase}.")
                    .format(name=name_html(first.name), phase=phase)
                    + f"<br><span style='color:{muted}'>"
                    + self.tr("Run whole pass (End) shows every step at once.") + "</span>")
        if self._position == len(trace) - 1:
            return (f"<span style='color:{muted}'>"
                    + self.tr("That was the last step of the pass. Apply the update (Ctrl+N) to start the next pass "
                              "from w⁺, or Reset (Home) to step through this one again.") + "</span>")
        return ""

    def _refresh_items(self) -> None:
        """Rows from the first step to the current one as computed, the others muted. Only the rows whose state
        changes are touched: a big network's pass has thousands of steps (3,353 for 2-16x6-1), and restyling
        every row at every step took ~1.5 s."""
        if self._trace is None:
            return
        old, new = self._items_reached, self._position
        for i in range(min(old, new) + 1, max(old, new) + 1):
            self._show_reached(self._items[i], self._trace.steps[i], i <= new)
        self._items_reached = new
        self._refresh_selection()

    @staticmethod
    def _show_reached(item: QTreeWidgetItem, step: Step, reached: bool) -> None:
        if reached:
            item.setForeground(0, QColor(palette.TEXT))
            item.setForeground(1, QColor(value_color(step)))
            item.setText(1, plain_text(value_html(step)))
        else:  # back to the list's muted text
            for column in (0, 1):
                item.setData(column, Qt.ForegroundRole, None)
            item.setText(1, "")

    def _tooltip(self, index: int, column: int) -> str:
        if self._trace is None or not 0 <= index < len(self._trace):
            return ""
        step = self._trace.steps[index]
        if column == 0:
            return to_html(f"{step.symbol} = {step.formula}")
        return to_html(f"= {step.numbers}") if index <= self._position else self.tr("not computed yet")

    def _refresh_selection(self) -> None:
        tree = self._tree
        self._syncing = True
        try:
            if 0 <= self._position < len(self._items):
                item = self._items[self._position]
                tree.setCurrentItem(item, 0)
                ahead = item  # keep the next rows in view too: what comes next matters when stepping
                for _ in range(2):
                    ahead = tree.itemBelow(ahead) or ahead
                tree.scrollToItem(ahead, QAbstractItemView.EnsureVisible)
                tree.scrollToItem(item, QAbstractItemView.EnsureVisible)
            else:
                tree.clearSelection()
                tree.setCurrentItem(None)
                tree.scrollToTop()
        finally:
            self._syncing = False

    @Slot()
    def _on_selection(self) -> None:
        if self._syncing:
            return
        selected = self._tree.selectedItems()
        index = selected[0].data(0, INDEX_ROLE) if selected else None
        if index is None:
            self._refresh_selection()  # keep the current step selected
            return
        self.set_position(index)


def _mute(tree) -> None:
    """A step not computed yet is muted: the list's own text colour, no colour per row."""
    pal = tree.palette()
    for group in (QPalette.Active, QPalette.Inactive):
        pal.setColor(group, QPalette.Text, QColor(palette.MUTED))
    tree.setPalette(pal)
