"""The computation-graph lesson (seeds 002 and 004): backpropagation as the chain rule, one node at a time.

Left, the graph (GraphView): forward values above the edges, gradients below them as the backward steps are
taken. Right, the graph chooser and its inputs, Previous / Next / Run all / Reset (Left / Right / End / Home
while this page is shown), the current step with the chain rule in numbers, the seed's check (y(1 − y),
y − t) and the list of steps (click one to jump there).

Wiring only: the forms build Evaluations with the engine; the page's model (bpviz.models.graph) keeps each
graph's last good evaluation and its step, so switching graphs and back finds them as they were; the view and
the labels show what the model announces. Refused inputs leave the graph shown untouched and say why under the
fields.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpviz.engine.compgraph import Evaluation, format_number
from bpviz.engine.graph_builtins import BUILTIN_GRAPHS
from bpviz.gui import palette
from bpviz.gui.export.views import Picture
from bpviz.gui.formula import plain_text, to_html
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, localise, translate
from bpviz.gui.pages import PageDefaults
from bpviz.gui.widgets.controls.step_list import HTML_ROLE, INDEX_ROLE, StepTree
from bpviz.gui.widgets.graph.explain import check_html, step_html, step_row_html
from bpviz.gui.widgets.graph.inputs import ExpressionForm, ShoppingForm, SigmoidForm, SoftmaxForm
from bpviz.gui.widgets.graph.program_forms import ApplesForm, ProgramForm
from bpviz.gui.widgets.graph.view import GraphView
from bpviz.models.graph import GraphModel

GRAPHS = (("shopping", QT_TRANSLATE_NOOP("GraphPage", "Shopping"), ShoppingForm),
          ("apples", QT_TRANSLATE_NOOP("GraphPage", "Apples"), ApplesForm),
          ("sigmoid", "Sigmoid", SigmoidForm),
          ("softmax_loss", QT_TRANSLATE_NOOP("GraphPage", "Softmax with loss"), SoftmaxForm),
          ("neuron", QT_TRANSLATE_NOOP("GraphPage", "Neuron (micrograd)"), partial(ProgramForm, "neuron")),
          ("micrograd_sanity", QT_TRANSLATE_NOOP("GraphPage", "micrograd sanity check"),
           partial(ProgramForm, "micrograd_sanity")),
          ("micrograd_more_ops", QT_TRANSLATE_NOOP("GraphPage", "micrograd more ops"),
           partial(ProgramForm, "micrograd_more_ops")),
          ("expression", QT_TRANSLATE_NOOP("GraphPage", "Your expression"), ExpressionForm))
EXPRESSION_HELP = QT_TRANSLATE_NOOP("GraphPage", "Type an expression of numbers and names with + − * / **, brackets "
                                    "and exp, log, tanh, relu, sigmoid, sqrt, abs — or a program, one statement "
                                    "name = expression a line (Shift+Enter) or separated by ;, the last one the "
                                    "output — and a value for each name not given one. A name used twice is one "
                                    "node: its gradients add up; each statement's nodes are boxed with its name.")


def _card() -> str:
    """A card's style in the palette's colours (read when built: the theme is chosen before)."""
    return f"background: {palette.NODE_FILL}; border: 1px solid {palette.CARD_BORDER}; border-radius: 4px;"


class GraphPage(PageDefaults, QWidget):
    tab_title = QT_TRANSLATE_NOOP("Page", "Computation graph")
    subject = QT_TRANSLATE_NOOP("Page", "Seeds 002 and 004: a calculation as a graph; values flow forward, the chain"
                                         " rule sends each gradient back node by node")
    page_name = "graph"
    statusMessage = Signal(str)
    statusTextChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("graph_page")
        self._active = False
        self._syncing = False
        self.model = GraphModel(GRAPHS[0][0])
        self.view = GraphView()
        self.view.nodeClicked.connect(self._node_clicked)
        self.forms = {key: form_class() for key, _title, form_class in GRAPHS}
        self._build_actions()
        self._build_layout()
        for key, form in self.forms.items():
            form.changed.connect(lambda key=key: self.recompute(key))
            if isinstance(form, ProgramForm):  # "Edit a copy": the program under "Your expression"
                form.editRequested.connect(self._edit_program)
            self.recompute(key, quiet=True)
        self.model.subscribe("shown", self._show)
        self.model.subscribe("position", self._position_changed)
        self.choose(self.key)

    def _edit_program(self, text: str) -> None:
        self.choose("expression")
        self.forms["expression"].set_expression(text, "")

    # ------------------------------------------------------------------ construction
    def _build_actions(self) -> None:
        style = self.style()
        self.actions_by_key: dict[str, QAction] = {}
        specs = (("previous", self.tr("Previous"), QStyle.SP_ArrowLeft, [QKeySequence(Qt.Key_Left)],
                  self.tr("Previous backward step (Left arrow)"), self.previous),
                 ("next", self.tr("Next"), QStyle.SP_ArrowRight, [QKeySequence(Qt.Key_Right)],
                  self.tr("Next backward step: one more node (Right arrow)"), self.next),
                 ("run_all", self.tr("Run all"), QStyle.SP_MediaSkipForward, [QKeySequence(Qt.Key_End)],
                  self.tr("Run the whole backward pass (End)"), self.run_all),
                 ("reset", self.tr("Reset"), QStyle.SP_MediaSkipBackward, [QKeySequence(Qt.Key_Home)],
                  self.tr("Back to the forward values only (Home)"), self.reset))
        for key, text, icon, shortcuts, tip, slot in specs:
            action = QAction(style.standardIcon(icon), text, self)
            action.setObjectName(f"graph_{key}")
            action.setShortcuts(shortcuts)
            action.setShortcutContext(Qt.WindowShortcut)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.setEnabled(False)  # until the page is shown: other pages use the same keys
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_key[key] = action

    def _build_layout(self) -> None:
        self.chooser = QComboBox()
        self.chooser.setObjectName("graph_chooser")
        for key, title, _form in GRAPHS:
            self.chooser.addItem(translate("GraphPage", title), key)
        self.chooser.setToolTip(self.tr("The graph to take apart"))
        self.chooser.currentIndexChanged.connect(lambda i: self.choose(self.chooser.itemData(i)))
        self.description = QLabel()
        self.description.setObjectName("graph_description")
        self.description.setWordWrap(True)
        self.description.setStyleSheet(f"color: {palette.MUTED};")
        self.stack = QStackedWidget()
        for key, _title, _form in GRAPHS:
            self.stack.addWidget(self.forms[key])

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}
        for key in ("previous", "next", "run_all", "reset"):
            button = QToolButton()
            button.setObjectName(f"graph_{key}_button")
            button.setDefaultAction(self.actions_by_key[key])
            button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)

        self.explanation = QLabel()
        self.explanation.setObjectName("graph_explanation")
        self.explanation.setTextFormat(Qt.RichText)
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.explanation.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.explanation.setContentsMargins(10, 8, 10, 8)
        scroll = QScrollArea()
        scroll.setObjectName("graph_explanation_area")
        scroll.setAccessibleName(self.tr("Explanation of the step"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(self.explanation)
        scroll.setStyleSheet(f"QScrollArea#graph_explanation_area {{ {_card()} }}")
        self.explanation.setStyleSheet(f"background: {palette.NODE_FILL};")
        self.check = QLabel()
        self.check.setObjectName("graph_check")
        self.check.setTextFormat(Qt.RichText)
        self.check.setWordWrap(True)
        self.check.setContentsMargins(10, 6, 10, 6)
        self.check.setStyleSheet(f"QLabel#graph_check {{ {_card()} }}")

        self.steps = StepTree()
        self.steps.setObjectName("graph_steps")
        self.steps.setAccessibleName(self.tr("Steps of the backward pass"))
        self.steps.setRootIsDecorated(False)
        self.steps.setHeaderLabels([self.tr("Backward step"), self.tr("Upstream")])
        header = self.steps.header()  # the formula takes the room left by the number, which stays in view
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.steps.setToolTip(self.tr("Click a step to jump to it"))
        self.steps.itemSelectionChanged.connect(self._step_selected)
        self.steps.stepKey.connect(lambda delta: self.set_position(self.position + delta))

        right = QWidget()
        right.setObjectName("graph_panel")
        panel = QVBoxLayout(right)
        panel.setContentsMargins(8, 8, 8, 8)
        panel.setSpacing(6)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("<b>Graph</b>")))
        row.addWidget(self.chooser, 1)
        panel.addLayout(row)
        panel.addWidget(self.description)
        panel.addWidget(self.stack)
        panel.addLayout(buttons)
        panel.addWidget(scroll, 5)
        panel.addWidget(self.check)
        panel.addWidget(self.steps, 3)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([870, 410])  # at 1280x800: the graph gets what the panel does not need
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    # ------------------------------------------------------------------ the page contract
    def menu_actions(self) -> list:
        """This page's commands for the window's Lessons menu."""
        return list(self.actions_by_key.values())

    def set_active(self, active: bool) -> None:
        """The step shortcuts (Left/Right/End/Home) work only while this page is shown."""
        self._active = active
        self._refresh_actions()

    def save_settings(self, settings) -> None:
        """The graph shown and the user's expression, for the next run (QSettings)."""
        form = self.forms["expression"]
        settings.setValue("graph/shown", self.key)
        try:
            form.build()  # a refused text in the field is not kept: the next run starts from a good one
        except ValueError:
            return
        settings.setValue("graph/expression", form.expression.text())
        settings.setValue("graph/values", form.values.text())

    def restore_settings(self, settings) -> None:
        """What ``save_settings`` kept; an expression that no longer parses leaves the default one."""
        expression, values = settings.value("graph/expression"), settings.value("graph/values")
        if isinstance(expression, str) and isinstance(values, str):
            form = self.forms["expression"]
            default = form.expression.text(), form.values.text()
            form.blockSignals(True)  # no status message at start-up: rebuilt quietly below
            try:
                form.set_expression(expression, values)
                if not self.recompute("expression", quiet=True):
                    form.set_expression(*default)
                    form.clear_error()
            finally:
                form.blockSignals(False)
        key = settings.value("graph/shown")
        if key in self.forms:
            self.choose(key)

    def export_pictures(self) -> dict:
        return {"graph/diagram": Picture(self.tr("Computation graph"), "computation_graph", self.view, self.view)}

    # ------------------------------------------------------------------ graphs
    @property
    def key(self) -> str:
        return self.model.key

    @property
    def evaluation(self) -> Evaluation:
        return self.model.evaluation

    @property
    def position(self) -> int:
        return self.model.position

    def choose(self, key: str) -> None:
        """Show the graph ``key`` (shopping, sigmoid, softmax_loss or expression) at its own step."""
        index = [k for k, _t, _f in GRAPHS].index(key)
        if self.chooser.currentIndex() != index:
            self.chooser.setCurrentIndex(index)  # comes back here through the signal
            return
        self.stack.setCurrentIndex(index)
        self._fit_stack()
        self.description.setText(translate("GraphPage", EXPRESSION_HELP) if key == "expression"
                                 else localise(BUILTIN_GRAPHS[key][1]))
        self.model.choose(key)  # announces "shown": _show

    def recompute(self, key: str, quiet: bool = False) -> bool:
        """Rebuild graph ``key`` from its form; a refusal keeps the last good graph and says why."""
        form = self.forms[key]
        try:
            evaluation = form.build()
        except ValueError as exc:
            form.refuse(exc)
            self._fit_stack()
            if not quiet:
                self.statusMessage.emit(self.tr("Refused: {error}").format(error=localise(exc)))
            return False
        form.clear_error()
        self._fit_stack()
        self.model.put(key, evaluation)  # the shown graph announces "shown": _show
        if not quiet:
            self.statusMessage.emit(f"{localise(evaluation.title)}: {evaluation.output} = "
                                    f"{format_number(evaluation.output_value, 9)}")
        return True

    def _fit_stack(self) -> None:
        """The stack as tall as the form shown (not the tallest one), so the buttons sit right under it."""
        if hasattr(self, "stack"):
            form = self.stack.currentWidget()
            form.layout().activate()
            self.stack.setFixedHeight(form.sizeHint().height())

    def _show(self) -> None:
        ev = self.evaluation
        self.view.set_evaluation(ev, self.position)
        self._syncing = True
        try:
            self.steps.clear()
            for i in range(len(ev.steps)):
                item = QTreeWidgetItem(self.steps)
                item.setText(0, plain_text(to_html(ev.steps[i].formula)))
                item.setData(0, HTML_ROLE, step_row_html(ev, i))
                item.setData(0, INDEX_ROLE, i)
                item.setToolTip(0, self.tr("Click to jump to this step"))
        finally:
            self._syncing = False
        self._fit_steps_list()
        self._refresh()

    def _fit_steps_list(self) -> None:
        """The list no taller than its rows (at most ~8 show, then it scrolls): the explanation gets the rest."""
        rows = max(1, min(self.steps.topLevelItemCount(), 8))
        row_h = self.steps.sizeHintForRow(0) if self.steps.topLevelItemCount() else 20
        frame = 2 * self.steps.frameWidth()
        self.steps.setMaximumHeight(self.steps.header().sizeHint().height() + rows * max(row_h, 16) + frame + 4)

    # ------------------------------------------------------------------ stepping
    def set_position(self, index: int) -> None:
        """Make backward step ``index`` the current one (-1: before the first; clamped)."""
        self.model.set_position(index)  # a new step announces "position": the view moves
        self._refresh()

    def _position_changed(self) -> None:
        self.view.set_position(self.position)

    @Slot()
    def next(self) -> None:
        self.set_position(self.position + 1)

    @Slot()
    def previous(self) -> None:
        self.set_position(self.position - 1)

    @Slot()
    def run_all(self) -> None:
        self.set_position(len(self.evaluation.steps) - 1)

    @Slot()
    def reset(self) -> None:
        self.set_position(-1)

    def _refresh(self) -> None:
        ev, position = self.evaluation, self.position
        self.explanation.setText(step_html(ev, position))
        check = check_html(ev, position)
        self.check.setText(check)
        self.check.setVisible(bool(check))
        muted, text = QColor(palette.MUTED), QColor(palette.TEXT)
        for i in range(self.steps.topLevelItemCount()):
            item, reached = self.steps.topLevelItem(i), i <= position
            item.setForeground(0, text if reached else muted)
            item.setForeground(1, QColor(palette.GRADIENT) if reached else muted)
            item.setText(1, format_number(ev.steps[i].upstream) if reached else "")
        self._syncing = True
        try:
            if 0 <= position < self.steps.topLevelItemCount():
                item = self.steps.topLevelItem(position)
                self.steps.setCurrentItem(item, 0)
                self.steps.scrollToItem(item, QAbstractItemView.EnsureVisible)
            else:
                self.steps.clearSelection()
                self.steps.setCurrentItem(None)
                self.steps.scrollToTop()
        finally:
            self._syncing = False
        self._refresh_actions()

    def _refresh_actions(self) -> None:
        if not self.model.evaluations:
            return
        n, position, active = len(self.evaluation.steps), self.position, self._active
        a = self.actions_by_key
        a["previous"].setEnabled(active and position > -1)
        a["reset"].setEnabled(active and position > -1)
        a["next"].setEnabled(active and position < n - 1)
        a["run_all"].setEnabled(active and position < n - 1)

    @Slot()
    def _step_selected(self) -> None:
        if self._syncing:
            return
        selected = self.steps.selectedItems()
        if selected:
            self.set_position(selected[0].data(0, INDEX_ROLE))

    @Slot(str)
    def _node_clicked(self, name: str) -> None:
        """An operation node: jump to its step; a leaf: to the step that completes its gradient."""
        ev = self.evaluation
        steps = [s.index for s in ev.steps if s.node == name]
        if not steps:
            steps = [s.index for s in ev.steps for e in s.edges if e.source == name][-1:]
        if steps:
            self.set_position(steps[0])
            self.statusMessage.emit(self.tr("Step {n}: {formula}").format(n=steps[0] + 1,
                                                                          formula=ev.steps[steps[0]].formula))
