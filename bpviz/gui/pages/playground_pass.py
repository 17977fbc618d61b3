"""The playground's "Step through a pass": one pass of the playground's own network on one training point, walked
step by step on the playground's diagram, as the worked example walks its 2-2-2 pass.

Wiring only: the pass is a bpviz.models.stepped_pass.SteppedPass (the engine's general trace of the frame's network
on the point); the panel is bpviz.gui.widgets.controls.pass_panel.PassPanel (the worked example's stepper inside).
Entering pauses training and shows the panel in place of the settings; the diagram draws the pass at the stepper's
step; the output map rings the point. Apply update sends the pass's w⁺ to the training worker (Play continues from
there); Undo update sends back the weights the pass started from. A right-click on the output map steps through the
nearest training point; a right-click on an edge explains its gradient (bpviz.gui.widgets.controls.gradient_chain).
A new run (Reset, new settings, a session opened) or Play ends the pass: it was of a network that has moved on.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle

from bpviz.engine.step import display_name
from bpviz.gui import palette
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, localise, translate
from bpviz.gui.widgets.controls.gradient_chain import GradientChainDialog
from bpviz.gui.widgets.controls.pass_panel import PassPanel
from bpviz.models.stepped_pass import SteppedPass, nearest_point
from bpviz.training.frames import Frame

PANEL_WIDTH = 380  # px: the stepper at a readable width (the settings panel is ~290)
NO_POINTS = QT_TRANSLATE_NOOP("PassStepping", "There is no training point to step through: draw some first "
                                               "(Draw points, Ctrl+D)")
OUTPUT_WIDTH = 340  # px: the output map and loss curve beside a pass (~430 while training)
_LOSS_IDS = (QT_TRANSLATE_NOOP("PassStepping", "bce"), QT_TRANSLATE_NOOP("PassStepping", "half_sse"),  # the pass's
             QT_TRANSLATE_NOOP("PassStepping", "softmax_ce"))  # title names the loss by its id (in words in Chinese)


class PassStepping(QObject):
    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.panel = PassPanel()
        self.current: SteppedPass | None = None
        self.point = 0  # the training point of the last pass (the next one starts there too)
        self.batch = False  # the pass is of the next mini-batch, not of one point
        self.applied = False
        self.dialog: GradientChainDialog | None = None
        self._pending: tuple[int, str | None] | None = None  # (point, param to explain) once training has paused
        self._pending_xy: tuple[float, float] | None = None  # where the point was clicked, if it was
        self._live = False  # the page is shown
        self._split_sizes: list[int] | None = None
        self._right_click = QPoint()
        self._edge: str | None = None  # the parameter under the last right-click on the diagram

        self.action = QAction(page.style().standardIcon(QStyle.SP_FileDialogDetailedView),
                              self.tr("Step through a pass"),
                              page, checkable=True)
        self.action.setShortcut(QKeySequence("Ctrl+T"))
        self.action.setShortcutContext(Qt.WindowShortcut)
        self.action.setToolTip(self.tr("Pause and step through one pass of this network on one training point: "
                                       "every net input, output, δ, gradient and update, on the diagram (Ctrl+T)"))
        self.action.triggered.connect(self._toggled)
        self.point_action = QAction(self.tr("Step through this point"), page.decision.plot)
        self.point_action.setToolTip(self.tr("Step through a pass on the training point nearest to where you clicked"))
        self.point_action.triggered.connect(self._step_point_here)
        self.explain_action = QAction(self.tr("Explain ∂E/∂w"), page.diagram)
        self.explain_action.setVisible(False)  # shown by a right-click on an edge only
        self.explain_action.setProperty("depends_on_position", True)
        self.explain_action.triggered.connect(lambda: self.explain(self._edge) if self._edge else None)
        for widget, action in ((page.decision.plot, self.point_action), (page.diagram, self.explain_action)):
            widget.addAction(action)
            widget.setContextMenuPolicy(Qt.ActionsContextMenu)
            widget.installEventFilter(self)
            widget.viewport().installEventFilter(self)

        self.panel.stepper.positionChanged.connect(self._show_position)
        self.panel.applyRequested.connect(self.apply_update)
        self.panel.undoRequested.connect(self.undo_update)
        self.panel.leaveRequested.connect(self.leave)
        self.panel.batchChosen.connect(self.choose_batch)

    @property
    def stepping(self) -> bool:
        return self.current is not None or self._pending is not None

    # ------------------------------------------------------------------ entering and leaving
    @Slot(bool)
    def _toggled(self, on: bool) -> None:
        if on:
            self.enter()
        else:
            self.leave()

    def enter(self, point: int | None = None, explain: str | None = None,
              xy: tuple[float, float] | None = None) -> None:
        """Step through a pass on training point ``point`` (default: the last one, or the next mini-batch if that
        was chosen), once training has paused; then explain the gradient of ``explain`` if given. ``xy``: the place
        clicked: the point is the training point nearest to it once training has paused (the points may have
        changed meanwhile: drawn, or a new run's)."""
        frame = self.page.model.frame
        if frame is None:
            self.action.setChecked(False)
            return
        n = len(frame.data.X_train)
        if n == 0:
            self.action.setChecked(False)
            self.page.statusMessage.emit(translate("PassStepping", NO_POINTS))
            return
        if point is not None:
            self.batch = False
        point = self.point if point is None else point
        self.point = point if 0 <= point < n else 0
        self.panel.set_batch(self.batch)
        self._pending = (self.point, explain)
        self._pending_xy = xy
        self.action.setChecked(True)
        self._show_panel(True)
        if frame.running:
            self.panel.message.show_message(self.tr("Pausing training…"))
            self.page.pause()  # the pass starts from the weights training stops at: the next frame
        else:
            self.take_frame(frame)

    @Slot()
    def leave(self, message: str = "") -> None:
        if not self.stepping and not self.action.isChecked():
            return
        self.current, self._pending, self.applied = None, None, False
        self.action.setChecked(False)
        if self.dialog is not None:
            self.dialog.close()
        self.page.decision.mark_points([])
        self._show_panel(False)
        if self.page.model.frame is not None:
            self.page.redraw_diagram(self.page.model.frame)
        if message:
            self.page.statusMessage.emit(message)

    def _show_panel(self, on: bool) -> None:
        page = self.page
        if on and page.left.currentWidget() is not self.panel:
            self._split_sizes = page.split.sizes()
            page.left.setCurrentWidget(self.panel)
            # the focus goes to the pass's own controls (hiding the settings would hand it to the diagram, as if
            # tabbed into, and its keyboard cursor would take the arrows that step the pass)
            self.panel.stepper.focus_steps()
            # The diagram is what the pass is drawn on: room for it from the output column, which matters less now
            total = sum(self._split_sizes)
            left = max(PANEL_WIDTH, self._split_sizes[0])
            right = max(OUTPUT_WIDTH, min(self._split_sizes[2], total // 4))
            page.split.setSizes([left, max(200, total - left - right), right])
        elif not on and page.left.currentWidget() is self.panel:
            page.left.setCurrentWidget(page.controls)
            if self._split_sizes:
                page.split.setSizes(self._split_sizes)
        self.set_live(self._live)

    def set_live(self, live: bool) -> None:
        """The page is shown (True) or another page is: the panel's keys work on the page shown only."""
        self._live = live
        self.action.setEnabled(live)
        self.panel.set_shortcuts_live(live and self.stepping)
        self.page.step_action.setEnabled(live and not self.stepping)

    # ------------------------------------------------------------------ frames
    def take_frame(self, frame: Frame) -> None:
        """Every frame the page draws: start a pass waiting for training to pause; end one whose run is over."""
        if self._pending is not None:
            if frame.running:
                return
            point, explain = self._pending
            self._pending = None
            if self._pending_xy is not None and len(frame.data.X_train):  # the point clicked, in the points as
                point = nearest_point(frame, *self._pending_xy)  # they are now (drawn, or a new run's)
            if not self._start_pass(frame, point, self.batch):
                return
            if explain:
                self.explain(explain)
        elif self.current is not None and (frame.generation != self.current.generation or frame.running):
            self.leave(self.tr("The stepped pass ended: the network it was of has been reset, changed or trained "
                               "on.") if not frame.running else "")

    def _start_pass(self, frame: Frame, point: int, batch: bool) -> bool:
        """Start the pass of ``frame``'s network on the next mini-batch or on ``point`` (the first point if the
        points changed and it is gone); without a point to step through, leave and say so (False)."""
        n = len(frame.data.X_train)
        stepped = None
        if batch and len(frame.snapshot.next_batch):
            stepped = SteppedPass.of_next_batch(frame)
        elif not batch and n:
            stepped = SteppedPass.of(frame, point if 0 <= point < n else 0)
        if stepped is None:  # every point erased (or a batch of none)
            self.leave(translate("PassStepping", NO_POINTS))
            return False
        self._start(stepped)
        return True

    def _start(self, stepped: SteppedPass) -> None:
        self.current, self.applied = stepped, False
        self.point = stepped.point
        self.page.decision.mark_points(stepped.all_xy)
        config = stepped.frame.config
        arch = "-".join(map(str, config.sizes))
        self.panel.set_subject(self.tr("<b>One pass of the {arch} network</b> on {subject}<br>{activation} hidden "
                                       "layers, {loss} loss, η = {lr}").format(
            arch=arch, subject=localise(stepped.describe()), activation=config.activation,
            loss=translate("PassStepping", config.loss), lr=f"{config.lr:g}"))
        self.panel.message.clear()
        self.panel.stepper.set_trace(stepped.trace)
        self.panel.stepper.reset()
        self._show_position(self.panel.stepper.position())
        self.set_live(self._live)
        self.page.statusMessage.emit(self.tr("Stepping through one pass on {subject}: Next (→) computes the next "
                                             "quantity").format(subject=localise(stepped.describe())))

    @Slot(int)
    def _show_position(self, position: int) -> None:
        if self.current is None:
            return
        self.page.diagram.set_state(self.current.diagram_state(position))
        step = self.panel.stepper.current_step()
        self.panel.set_update_state(can_apply=step is not None and step.phase == "update", applied=self.applied)

    # ------------------------------------------------------------------ the update
    @Slot(bool)
    def choose_batch(self, on: bool) -> None:
        """The pass is of the next mini-batch (True) or of the last point chosen (False)."""
        self.batch = on
        frame = self.page.model.frame
        if self.current is not None and frame is not None and not frame.running:
            self._start_pass(frame, self.point, on)

    @Slot()
    def apply_update(self) -> None:
        if self.current is None or self.applied:
            return
        weights, biases = self.current.parameters_after
        if not all(np.isfinite(a).all() for a in (*weights, *biases)):
            self.panel.message.show_message(self.tr("This update is not applied: some new weights are not finite "
                                                    "numbers (the learning rate is too large for this network). Back "
                                                    "to training and lower it."), palette.ERROR_COLOR)
            return
        if self.current.is_next_batch:  # the next training step is this very pass: training takes it
            self.page.step()
            done = self.tr("the training step on this mini-batch is taken (the step count grows by one)")
        else:
            self.page.set_parameters(weights, biases)
            done = self.tr("the network has this pass's w⁺ now")
        self.applied = True
        self.panel.set_update_state(can_apply=True, applied=True)
        self.panel.message.show_message(self.tr("Update applied: {done}; Play or Step continues from it. Undo "
                                                "update gives back the weights before.").format(done=done))

    @Slot()
    def undo_update(self) -> None:
        if self.current is None or not self.applied:
            return
        weights, biases = self.current.parameters_before
        self.page.set_parameters(weights, biases)
        self.applied = False
        self._show_position(self.panel.stepper.position())
        self.panel.message.show_message(self.tr("Update undone: the network has the weights this pass started from."))

    # ------------------------------------------------------------------ right-clicks
    def eventFilter(self, watched, event) -> bool:
        """Where the menu is asked for (a right press, or the context-menu event itself: the Menu key), so that its
        entries can be of what is there."""
        kind = event.type()
        if kind == QEvent.ContextMenu or (kind == QEvent.MouseButtonPress and event.button() == Qt.RightButton):
            pos = event.pos() if kind == QEvent.ContextMenu else event.position().toPoint()
            for view in (self.page.diagram, self.page.decision.plot):
                if watched is view or watched is view.viewport():
                    self._right_click = pos if watched is view.viewport() else view.viewport().mapFrom(view, pos)
                    if view is self.page.diagram:
                        self._offer_explanation(self._right_click)
        return False

    def _offer_explanation(self, pos: QPoint) -> None:
        self._edge = self._parameter_at(pos)
        self.explain_action.setVisible(self._edge is not None)
        if self._edge:
            self.explain_action.setText(self.tr("Explain {name}: its chain of factors").format(
                name=display_name('dE/d' + self._edge)))

    def _parameter_at(self, pos: QPoint) -> str | None:
        element = self.page.diagram.element_at(pos)
        state = self.page.diagram.state()
        if element is None or state is None or element not in state.names.params:
            return None
        return element

    @Slot()
    def _step_point_here(self) -> None:
        frame = self.page.model.frame
        if frame is None:
            return
        x, y = self.page.decision.data_position(self._right_click)
        point = nearest_point(frame, x, y)
        if point is None:
            self.page.statusMessage.emit(translate("PassStepping", NO_POINTS))
            return
        if self.current is not None and not frame.running:  # another point, the network as it is now
            self.batch = False
            self.panel.set_batch(False)
            self._start_pass(frame, point, False)
        else:
            self.enter(point, xy=(x, y))

    def explain(self, param: str) -> None:
        """Show the chain of factors behind ∂E/∂``param`` in the current pass (starting one if needed)."""
        if self.current is None:
            self.enter(explain=param)
            return
        try:
            positions = self.current.chain(param)
        except KeyError:
            self.page.statusMessage.emit(self.tr("This pass has no gradient of {param} (its biases stay fixed)")
                                         .format(param=param))
            return
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = GradientChainDialog(self.current.trace, positions, param, self.page.window())
        self.dialog.stepRequested.connect(self.panel.stepper.set_position)
        self.dialog.destroyed.connect(self._dialog_gone)
        self.panel.stepper.set_position(positions[0])
        self.dialog.show()  # not modal: the stepper and the diagram stay usable beside it
        self._place_dialog()

    def _place_dialog(self) -> None:
        """Over the bottom of the output column, off the diagram the chain is drawn on."""
        window = self.page.window()
        frame = window.frameGeometry()
        size = self.dialog.frameGeometry().size()
        x = max(frame.left(), frame.right() - size.width())
        y = max(frame.top(), frame.bottom() - size.height())
        self.dialog.move(x, y)

    @Slot()
    def _dialog_gone(self) -> None:
        self.dialog = None
