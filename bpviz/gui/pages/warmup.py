"""The NumPy warm-up (seed 000) in matrix form: the net as matrix blocks, the seed's code line by line with its
formula and shapes, and the seed's 500 iterations trained in the background with a live loss curve.

Wiring only: the worker thread trains, checks against the seed's own loop and describes the pass with the weights
reached (``bpviz.engine.warmup.lesson_pass``, too long for the GUI thread); the widgets draw what they are given.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bpviz.engine.warmup import ITERATIONS
from bpviz.gui import palette
from bpviz.gui.export.views import Picture
from bpviz.gui.i18n import QT_TRANSLATE_NOOP
from bpviz.gui.pages import PageDefaults
from bpviz.gui.widgets.matrix.blocks import MatrixBlocksView
from bpviz.gui.widgets.matrix.lines import LineCard, LineList
from bpviz.gui.widgets.plots.warmup_loss_curve import WarmupLossCurve
from bpviz.gui.widgets.text_line import TextLine
from bpviz.gui.workers.sliced import join_thread, start_thread
from bpviz.gui.workers.warmup import WarmupWorker
from bpviz.models.warmup import WarmupModel
from bpviz.training.frames import WarmupFrame

MAX_ITERATIONS = 100_000
SAME_LOSSES = 1e-10  # largest relative difference still called "the same losses"


class WarmupPage(PageDefaults, QWidget):
    tab_title = QT_TRANSLATE_NOOP("Page", "NumPy warm-up (matrices)")
    subject = QT_TRANSLATE_NOOP("Page", "Seed 000: the two-layer ReLU net of PyTorch's NumPy warm-up as"
                                         " matrices, each line of its code with its shapes")
    page_name = "warmup"
    statusMessage = Signal(str)
    frameShown = Signal(object)  # the WarmupFrame just shown (tests wait on it)
    statusTextChanged = Signal()  # status_text() changed: a frame, or the iterations asked for
    lineChanged = Signal(int)
    # commands to the worker: queued across threads, run between its slices
    _train = Signal(int)
    _pause = Signal()
    _reset = Signal(int)
    _stop = Signal()

    def __init__(self, seed: int = 0, parent=None):
        super().__init__(parent)
        self.blocks = MatrixBlocksView()
        self.lines = LineList()
        self.card = LineCard()
        self.curve = WarmupLossCurve()
        self._build_training_controls(seed)
        self._build_actions()
        self._build_layout()
        self.model = WarmupModel()
        self.model.subscribe("new_run", self._new_run)
        self.model.subscribe("lesson", self._show_pass)
        self.model.subscribe("frame", self._show_frame)
        self._line = 0
        self._lines_shown = False
        self._announced = None  # (run, iteration) of the last finished run said in the status bar
        self._active = True

        self.lines.stepKey.connect(self.move_line)
        self.lines.lineChosen.connect(self.select_line)
        self.blocks.blockClicked.connect(self.select_writer)

        self.worker = WarmupWorker(seed)
        for signal, slot in ((self._train, self.worker.train), (self._pause, self.worker.pause),
                             (self._reset, self.worker.reset), (self._stop, self.worker.stop)):
            signal.connect(slot)
        self.worker.frameReady.connect(self.show_frame)
        self.thread = start_thread(self, self.worker, "bpviz-warmup")

    # ------------------------------------------------------------------ building
    def _build_training_controls(self, seed: int) -> None:
        self.iterations = QSpinBox()
        self.iterations.setObjectName("warmup_iterations")
        self.iterations.setRange(1, MAX_ITERATIONS)
        self.iterations.setValue(ITERATIONS)
        self.iterations.setGroupSeparatorShown(True)
        self.iterations.valueChanged.connect(self.statusTextChanged)
        self.iterations.setToolTip(self.tr("How many iterations Train runs (the seed: 500)"))
        self.seed = QSpinBox()
        self.seed.setObjectName("warmup_seed")
        self.seed.setRange(0, 2_147_483_647)
        self.seed.setValue(seed)
        self.seed.setToolTip(self.tr("Seed of the random x, y, w1 and w2 (drawn in the seed's order); a new seed "
                                     "resets"))
        self.seed.editingFinished.connect(self._seed_edited)
        self.progress = TextLine()
        self.progress.setObjectName("warmup_progress")
        self.verdict = QLabel()
        self.verdict.setObjectName("warmup_verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.RichText)

    def _build_actions(self) -> None:
        icon = self.style().standardIcon

        def action(text, std_icon, tip, slot, keys=()):
            a = QAction(icon(std_icon), text, self)
            a.setToolTip(tip)
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setShortcutContext(Qt.WindowShortcut)
            a.triggered.connect(slot)
            self.addAction(a)
            return a

        self.train_action = action(self.tr("Train"), QStyle.SP_MediaPlay,
                                   self.tr("Train up to the iterations asked for, then check against the seed's "
                                           "own loop (Space)"), self.train)
        self.pause_action = action(self.tr("Pause"), QStyle.SP_MediaPause, self.tr("Pause training (Space)"),
                                   self.pause)
        self.toggle_action = action(self.tr("Train / pause"), QStyle.SP_MediaPlay, self.tr("Train or pause (Space)"),
                                    self.toggle_training, [Qt.Key_Space])
        self.reset_action = action(self.tr("Reset"), QStyle.SP_MediaSkipBackward,
                                   self.tr("Back to iteration 0 with the arrays of the seed field (Ctrl+R)"),
                                   self.reset, ["Ctrl+R"])
        self.previous_action = action(self.tr("Previous line"), QStyle.SP_ArrowUp,
                                      self.tr("Previous line of the code (← or ↑)"),
                                      lambda: self.move_line(-1), [Qt.Key_Left])
        self.next_action = action(self.tr("Next line"), QStyle.SP_ArrowDown, self.tr("Next line of the code (→ or ↓)"),
                                  lambda: self.move_line(1), [Qt.Key_Right])
        self.actions_list = [self.train_action, self.pause_action, self.toggle_action, self.reset_action,
                             self.previous_action, self.next_action]

    def _tool_button(self, action: QAction, name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        return button

    def _build_layout(self) -> None:
        lines_panel = QWidget()
        col = QVBoxLayout(lines_panel)
        col.setContentsMargins(6, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("<b>The seed's code</b>, line by line")), 1)
        self.previous_button = self._tool_button(self.previous_action, "warmup_previous")
        self.next_button = self._tool_button(self.next_action, "warmup_next")
        for b in (self.previous_button, self.next_button):
            b.setToolButtonStyle(Qt.ToolButtonIconOnly)
            head.addWidget(b)
        col.addLayout(head)
        col.addWidget(self.lines, 1)

        training = QWidget()
        grid = QGridLayout(training)
        grid.setContentsMargins(0, 0, 6, 0)
        grid.addWidget(QLabel(self.tr("<b>Training</b>")), 0, 0, 1, 4)
        iterations_label = QLabel(self.tr("Iterations"))
        iterations_label.setBuddy(self.iterations)  # the spin box's name for screen readers
        grid.addWidget(iterations_label, 1, 0)
        grid.addWidget(self.iterations, 1, 1)
        seed_label = QLabel(self.tr("Seed"))
        seed_label.setBuddy(self.seed)
        grid.addWidget(seed_label, 1, 2)
        grid.addWidget(self.seed, 1, 3)
        buttons = QHBoxLayout()
        self.train_button = self._tool_button(self.train_action, "warmup_train")
        self.pause_button = self._tool_button(self.pause_action, "warmup_pause")
        self.reset_button = self._tool_button(self.reset_action, "warmup_reset")
        for b in (self.train_button, self.pause_button, self.reset_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        grid.addLayout(buttons, 2, 0, 1, 4)
        grid.addWidget(self.progress, 3, 0, 1, 4)
        grid.addWidget(self.verdict, 4, 0, 1, 4)
        grid.addWidget(self.curve, 5, 0, 1, 4)
        grid.setRowStretch(5, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.bottom = QSplitter(Qt.Horizontal)
        self.bottom.addWidget(lines_panel)
        self.bottom.addWidget(self.card)
        self.bottom.addWidget(training)
        self.bottom.setSizes([560, 340, 380])
        self.main = QSplitter(Qt.Vertical)
        self.main.addWidget(self.blocks)
        self.main.addWidget(self.bottom)
        self.main.setSizes([350, 370])
        for splitter in (self.main, self.bottom):
            splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.main)

    # ------------------------------------------------------------------ page contract
    def menu_actions(self) -> list:
        """This page's commands for the window's Lessons menu."""
        return list(self.actions_list)

    def set_active(self, active: bool) -> None:
        """Shortcuts only while this page is shown (Space, the arrows and Ctrl+R mean other things elsewhere)."""
        self._active = active
        self._update_actions()

    def _update_actions(self) -> None:
        running = self.frame is not None and self.frame.running
        diverged = self.frame is not None and self.frame.state == "diverged"
        ready = self.frame is not None
        self.train_action.setEnabled(self._active and ready and not running and not diverged)
        self.pause_action.setEnabled(self._active and running)
        self.toggle_action.setEnabled(self._active and ready and not diverged)
        self.reset_action.setEnabled(self._active and ready)
        self.previous_action.setEnabled(self._active and self._line > 0)
        last = self.lesson is not None and self._line >= len(self.lesson.lines) - 1
        self.next_action.setEnabled(self._active and self.lesson is not None and not last)
        self.iterations.setEnabled(not running)
        self.seed.setEnabled(not running)

    # ------------------------------------------------------------------ lines
    @Slot(int)
    def select_line(self, index: int) -> None:
        if self.lesson is None:
            return
        index = max(0, min(int(index), len(self.lesson.lines) - 1))
        self._line = index
        line = self.lesson.lines[index]
        self.lines.select(index)
        self.card.show_line(line, self.model.lesson_iteration)
        self.blocks.set_highlight(line.reads, line.writes)
        self._update_actions()
        self.lineChanged.emit(index)

    @Slot(int)
    def move_line(self, step: int) -> None:
        self.select_line(self._line + step)

    def current_line(self):
        return None if self.lesson is None else self.lesson.lines[self._line]

    @Slot(str)
    def select_writer(self, block: str) -> None:
        """A click on a block: the line that writes it (the update line for w1 and w2)."""
        for i, line in enumerate(self.lesson.lines):
            if block in line.writes and (block not in ("w1", "w2") or line.phase == "update"):
                self.select_line(i)
                return
        self.statusMessage.emit(self.tr("{block} is data: no line of the code writes it (it comes from "
                                        "np.random.randn)").format(block=block))

    # ------------------------------------------------------------------ training
    @Slot()
    def train(self) -> None:
        if self.frame is not None and self.seed.value() != self.frame.seed:
            self.reset()  # a seed typed but not yet confirmed: train on the data it names (queued in order)
        self._train.emit(self.iterations.value())

    @Slot()
    def pause(self) -> None:
        self._pause.emit()

    @Slot()
    def toggle_training(self) -> None:
        (self.pause if self.frame is not None and self.frame.running else self.train)()

    @Slot()
    def reset(self) -> None:
        self._reset.emit(self.seed.value())

    @Slot()
    def _seed_edited(self) -> None:
        if self.frame is not None and self.seed.value() != self.frame.seed:
            self.reset()
            self.statusMessage.emit(self.tr("New data and weights from seed {seed}: back to iteration 0").format(
                seed=self.seed.value()))

    @property
    def frame(self) -> WarmupFrame | None:
        return self.model.frame

    @property
    def lesson(self):
        """The LessonPass shown (the model's)."""
        return self.model.lesson

    @Slot(object)
    def show_frame(self, frame: WarmupFrame) -> None:
        """A frame from the worker: to the model, which has the page drawn (``_new_run``, ``_show_pass``,
        ``_show_frame``)."""
        self.model.take(frame)
        self.worker.frame_taken()
        self.statusTextChanged.emit()
        self.frameShown.emit(frame)

    def _new_run(self, _frame: WarmupFrame) -> None:
        self.curve.clear(self.iterations.value())

    def _show_frame(self, frame: WarmupFrame) -> None:
        if len(frame.losses):
            self.curve.set_losses(self.model.losses)
        self._show_progress(frame)
        self._update_actions()

    def _show_pass(self, _frame: WarmupFrame) -> None:
        """Show the pass the worker described with the weights of the frame (its own arrays, never changed)."""
        if not self._lines_shown:  # the code's lines never change; only their numbers do
            self.lines.set_lines(self.lesson.lines)
            self._lines_shown = True
        self.blocks.set_pass(self.lesson.blocks, self.lesson.values)
        self.select_line(self._line)

    def _show_progress(self, frame: WarmupFrame) -> None:
        k = frame.iteration
        last = self.model.last_loss
        printed = self.tr(" · loss at t = {t:,}: <b>{loss:.6e}</b>").format(t=k - 1, loss=last) if k else ""
        self.progress.setText(self.tr("Updates {k:,} of {total:,}").format(
            k=k, total=frame.target or self.iterations.value()) + printed)
        muted = palette.MUTED
        if frame.state == "ready":
            text = self.tr("<span style='color:{color}'>Train runs the seed's loop: the loss printed at iteration t "
                           "is computed before update t. The table's values are those of the current weights."
                           "</span>").format(color=muted)
        elif frame.state == "training":
            text = self.tr("<span style='color:{color}'>Training…</span>").format(color=muted)
        elif frame.state == "checking":
            text = self.tr("<span style='color:{color}'>Running the seed's own loop from the same arrays: "
                           "{checked:,} of {k:,} iterations…</span>").format(color=muted, checked=frame.checked, k=k)
        elif frame.state == "diverged":
            text = self.tr("<span style='color:{color}'>The loss stopped being finite at iteration {t:,}: "
                           "training diverged. Press Reset.</span>").format(color=palette.ERROR_COLOR, t=k - 1)
        elif frame.state == "paused" or frame.rel_difference is None:
            text = self.tr("<span style='color:{color}'>Paused at iteration {k:,}. Train goes on.</span>").format(
                color=muted, k=k)
        else:
            same = frame.rel_difference <= SAME_LOSSES
            mark = (self.tr("<span style='color:{color}'><b>✓ the same losses</b></span>").format(
                        color=palette.WRITE) if same
                    else self.tr("<span style='color:{color}'><b>different losses</b></span>").format(
                        color=palette.ERROR_COLOR))
            text = self.tr("Final loss (t = {t:,}): <b>{loss:.6e}</b>. The seed's own loop from the same arrays "
                           "printed <b>{seed_loss:.6e}</b>: {mark} (largest relative difference {difference:.1e} "
                           "over {checked:,} iterations).").format(
                t=k - 1, loss=last, seed_loss=frame.seed_loss, mark=mark, difference=frame.rel_difference,
                checked=frame.checked)
            if self._announced != (frame.generation, k):  # say it once per finished run
                self.statusMessage.emit(self.tr("Trained {k:,} iterations: loss {loss:.6e}; the seed's own loop: "
                                                "{verdict}").format(
                    k=k, loss=last, verdict=self.tr("the same losses") if same else self.tr("different losses")))
                self._announced = (frame.generation, k)
        if text != self.verdict.text():
            self.verdict.setText(text)

    def status_text(self) -> str:
        if self.frame is None:
            return ""
        if self.frame.iteration == 0:
            return self.tr("Not trained yet · Train runs {n:,} iterations").format(n=self.iterations.value())
        return self.tr("Iteration {k:,} · loss {loss:.4g}").format(k=self.frame.iteration, loss=self.model.last_loss)

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    def export_pictures(self) -> dict:
        return {"warmup/blocks": Picture(self.tr("NumPy warm-up: matrix blocks"), "warmup-blocks", self.blocks,
                                         self.blocks),
                "warmup/loss": Picture(self.tr("NumPy warm-up: loss curve"), "warmup-loss", self.curve.plot,
                                       self.curve.plot)}

    def shutdown(self) -> None:
        """Stop training and join the thread."""
        join_thread(self.thread, self._stop.emit)
