"""The gradient-check lesson (seed 004): backprop against the numerical derivative, parameter by parameter.

The page checks the worked example or the playground's latest network (it keeps only the latest frame, a
reference, and computes only when asked: Check / F5, a change of source or batch, or when the page is shown
with nothing current checked). "Broken backward" swaps in the gradients of a backward with one term left out
(engine.broken_backward); the numerical derivatives do not depend on the backward, so they are computed once
and only the backprop column changes.

A check runs in a worker thread the page owns (bpviz.gui.workers.jobs), with its progress (parameters done of
all) and Cancel: even on a sample of ``SAMPLE_ABOVE`` parameters, the largest playground network on 1,000 points
takes ~3 s here, which in the GUI thread froze the window. A newer check (F5 again, another source or batch)
supersedes a running one; the table and the plot keep the last result until the new one arrives. The worker
also derives the check of every broken backward, so the Broken backward box and its faults answer at once.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bpviz.engine.broken_backward import FAULTS
from bpviz.engine.presets import ExampleParams
from bpviz.gui import palette
from bpviz.gui.export.views import Picture
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, localise, translate
from bpviz.gui.pages import PageDefaults
from bpviz.gui.widgets.controls.job_progress import JobProgress
from bpviz.gui.widgets.plots.gradcheck_plot import GradCheckPlot
from bpviz.gui.widgets.plots.gradcheck_table import GradCheckTable, summary_colors
from bpviz.gui.widgets.text_line import TextLine
from bpviz.gui.workers.jobs import BackgroundJobs
from bpviz.models.gradcheck_problem import (
    SAMPLE_ABOVE,
    CheckedProblem,
    check_problem,
    playground_problem,
    worked_example_problem,
)
from bpviz.models.gradcheck_report import HOW_IT_WORKS, fault_note, legend, summary

SOURCES = (QT_TRANSLATE_NOOP("GradCheck", "Worked example (2-2-2)"),
           QT_TRANSLATE_NOOP("GradCheck", "Playground network (current)"))
EXAMPLE, PLAYGROUND = 0, 1
__all__ = ["EXAMPLE", "PLAYGROUND", "SAMPLE_ABOVE", "SOURCES", "GradCheckPage"]
_BOX = "padding: 6px 8px; border-radius: 4px; border: 1px solid {border}; background: {background}; color: {text};"


def _box(border: str, background: str) -> str:
    return _BOX.format(border=border, background=background, text=palette.TEXT)


class GradCheckPage(PageDefaults, QWidget):
    tab_title = QT_TRANSLATE_NOOP("Page", "Gradient check")
    subject = QT_TRANSLATE_NOOP("Page", "Seed 004: every gradient of backprop beside a numerical derivative of"
                                         " the loss, to catch a wrong backward")
    page_name = "gradcheck"
    statusMessage = Signal(str)
    statusTextChanged = Signal()
    checkEnded = Signal()  # a check was shown, failed or cancelled (tests wait on it)

    def __init__(self, playground_model=None, example_model=None, parent=None):
        """``playground_model``: the playground's PlaygroundModel, whose latest network the playground source
        checks; ``example_model``: the worked example's ExampleModel, whose starting numbers (typed in or
        published) the worked-example source checks (None: the published numbers)."""
        super().__init__(parent)
        self.setObjectName("gradcheck_page")
        self.playground = playground_model
        self.example_model = example_model
        self.checked: CheckedProblem | None = None  # the last check that arrived
        self.problem = None  # what the table shows
        self.result = None  # the check with backprop's own gradients
        self.shown_result = None  # what the table shows (broken or not)
        self._active = False
        self._build_controls()
        self.jobs = BackgroundJobs("bpviz-gradcheck", self)
        self.jobs.progressed.connect(self.progress.show_progress)
        self.jobs.finished.connect(self._check_done)
        self.jobs.failed.connect(self._check_failed)
        self._build_layout()
        self._build_actions()
        self._retune = QTimer(self, singleShot=True, interval=250)  # the batch spin box: check once typing stops
        self._retune.timeout.connect(self._points_settled)
        if playground_model is not None:
            playground_model.subscribe("frame", self.frame_arrived)
        self._fault_chosen()
        self._show_info(self.tr("Press Check (F5) to compare backprop with the numerical derivative."))

    # ------------------------------------------------------------------ construction
    def _build_controls(self) -> None:
        self.source = QComboBox()
        self.source.setObjectName("gradcheck_source")
        self.source.addItems([translate("GradCheck", text) for text in SOURCES])
        self.source.setToolTip(self.tr("Which network to check: the worked example's published numbers, or the "
                                       "training playground's network as it is now"))
        self.source.currentIndexChanged.connect(self._source_changed)
        self.points = QSpinBox()
        self.points.setObjectName("gradcheck_points")
        self.points.setRange(1, 1000)
        self.points.setValue(8)
        self.points.setSuffix(self.tr(" points"))
        self.points.setToolTip(self.tr("The batch: the first k training points of the playground's data set. "
                                       "The worked example always has its one point."))
        self.points.valueChanged.connect(lambda _v: self._retune.start())
        self.points.setEnabled(False)  # the worked example, the first source, has its one point
        self.description = QLabel()
        self.description.setObjectName("gradcheck_description")
        self.description.setWordWrap(True)
        self.description.setStyleSheet(f"color: {palette.MUTED};")
        self.check_button = QPushButton(self.tr("Check gradients  (F5)"))
        self.check_button.setObjectName("gradcheck_check")
        self.check_button.setToolTip(self.tr("Compare backprop with the numerical derivative for every parameter "
                                              "(F5)"))
        self.check_button.clicked.connect(self.check)
        self.progress = JobProgress(self.tr("Checking: {done:,} of {total:,} parameters"),
                                    self.tr("Stop the check; the table keeps the last finished one"), "gradcheck")
        self.progress.cancelRequested.connect(self.cancel_check)

        self.broken = QCheckBox(self.tr("Use a broken backward"))
        self.broken.setObjectName("gradcheck_broken")
        self.broken.setToolTip(self.tr("For the lesson: replace backprop's gradients by those of a backward pass with "
                                       "one term left out, and watch the check catch it (Ctrl+B)"))
        self.broken.toggled.connect(self._broken_toggled)
        self.fault = QComboBox()
        self.fault.setObjectName("gradcheck_fault")
        for name, fault in FAULTS.items():
            self.fault.addItem(localise(fault.title), name)
        self.fault.setToolTip(self.tr("Which term the broken backward leaves out"))
        self.fault.currentIndexChanged.connect(self._fault_chosen)
        self.fault_text = QLabel()
        self.fault_text.setObjectName("gradcheck_fault_text")
        self.fault_text.setWordWrap(True)

        self.summary = QLabel()
        self.summary.setObjectName("gradcheck_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        self.summary.linkActivated.connect(self._link)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary.setFont(font)
        self.fault_note = QLabel()
        self.fault_note.setObjectName("gradcheck_fault_note")
        self.fault_note.setWordWrap(True)
        self.fault_note.hide()
        self.stale = TextLine()  # changes with playground frames (30 a second): a QLabel would re-lay out
        self.stale.setObjectName("gradcheck_stale")
        self.stale.hide()
        self.plot = GradCheckPlot()
        self.table = GradCheckTable()
        self.table.parameterSelected.connect(self.plot.highlight)

    def _build_layout(self) -> None:
        what = QGroupBox(self.tr("What to check"))
        form = QFormLayout()
        form.addRow(self.tr("Network:"), self.source)
        form.addRow(self.tr("Batch:"), self.points)
        box = QVBoxLayout(what)
        box.addLayout(form)
        box.addWidget(self.description)
        box.addWidget(self.check_button)
        lesson = QGroupBox(self.tr("Broken backward (for the lesson)"))
        box = QVBoxLayout(lesson)
        box.addWidget(self.broken)
        box.addWidget(self.fault)
        box.addWidget(self.fault_text)
        how = QGroupBox(self.tr("How the check works"))
        box = QVBoxLayout(how)
        for text in (localise(HOW_IT_WORKS), localise(legend())):
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.RichText)
            box.addWidget(label)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 8, 4, 8)
        column.addWidget(what)
        column.addWidget(lesson)
        column.addWidget(how)
        column.addStretch(1)
        left.setFixedWidth(340)

        plot_box = QWidget()
        plot_column = QVBoxLayout(plot_box)
        plot_column.setContentsMargins(0, 4, 0, 0)
        caption = QLabel(self.tr("<b>Relative error per parameter</b>, in network order (log scale; each layer's "
                                 "parameters side by side)"))
        caption.setWordWrap(True)  # the window may be narrower than the sentence
        plot_column.addWidget(caption)
        plot_column.addWidget(self.plot, 1)
        self.split = QSplitter(Qt.Vertical)
        self.split.addWidget(self.table)
        self.split.addWidget(plot_box)
        self.split.setChildrenCollapsible(False)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([400, 240])
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(4, 8, 8, 8)
        column.addWidget(self.summary)
        column.addWidget(self.progress)  # beside the result it will replace (the left column has no room)
        column.addWidget(self.fault_note)
        column.addWidget(self.stale)
        column.addWidget(self.split, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(left)
        layout.addWidget(right, 1)

    def _build_actions(self) -> None:
        self.check_action = QAction(self.tr("Check gradients"), self)
        self.check_action.setShortcut(QKeySequence(Qt.Key_F5))
        self.check_action.setToolTip(self.tr("Compare backprop with the numerical derivative (F5)"))
        self.check_action.triggered.connect(self.check)
        self.broken_action = QAction(self.tr("Broken backward on/off"), self)
        self.broken_action.setShortcut(QKeySequence("Ctrl+B"))
        self.broken_action.triggered.connect(self.broken.toggle)
        self.actions_list = [self.check_action, self.broken_action]
        for action in self.actions_list:
            action.setShortcutContext(Qt.WindowShortcut)
            action.setEnabled(False)
            self.addAction(action)

    # ------------------------------------------------------------------ the page contract
    def menu_actions(self) -> list:
        """This page's commands for the window's Lessons menu."""
        return list(self.actions_list)

    def set_active(self, active: bool) -> None:
        """Shortcuts work only while the page is shown; showing it checks the current network if needed."""
        self._active = active
        for action in self.actions_list:
            action.setEnabled(active)
        if active and not self.jobs.busy:
            if self.problem is None or self._is_stale():
                self.check()
            else:
                self._update_stale()

    def export_pictures(self) -> dict:
        return {"gradcheck/plot": Picture(self.tr("Gradient check: relative errors"), "gradcheck-errors", self.plot,
                                              self.plot),
                "gradcheck/table": Picture(self.tr("Gradient check: table"), "gradcheck-table", self.table, self.table)}

    def shutdown(self) -> None:
        """Cancel a running check and join its thread."""
        self._retune.stop()
        self.jobs.shutdown()

    def closeEvent(self, event) -> None:  # shown on its own (a test, a script): closing it ends its thread
        self.shutdown()
        super().closeEvent(event)

    # ------------------------------------------------------------------ the playground
    @property
    def latest_frame(self):
        """The playground's newest frame (the model's), or None."""
        return None if self.playground is None else self.playground.frame

    def frame_arrived(self, _frame) -> None:
        if self._active and self.source.currentIndex() == PLAYGROUND:
            self._update_stale()

    def _is_stale(self) -> bool:
        if self.source.currentIndex() == EXAMPLE:
            return (self.problem is None or self.problem.frame is not None
                    or self.problem.params != self._example_params())
        return self.problem is None or self.problem.frame is not self.latest_frame

    def _update_stale(self) -> None:
        if self.source.currentIndex() != PLAYGROUND or self.problem is None or not self._is_stale():
            self.stale.setText("")
            self.stale.hide()  # shown and hidden only when staleness changes, not with every frame
            return
        now, then = self.latest_frame, self.problem.frame
        if then is None or now.generation != then.generation:
            text = self.tr("The playground's network has changed since this check")
        else:
            text = self.tr("The playground has trained on: step {now:,} now, step {then:,} in this check").format(
                now=now.snapshot.step, then=then.snapshot.step)
        self.stale.setText(self.tr("<span style='color:{color}'>{text}. Press <b>Check</b> (F5) for the latest "
                                   "network.</span>").format(color=palette.MUTED, text=text))
        self.stale.show()

    def _example_params(self):
        return self.example_model.params if self.example_model is not None else ExampleParams()

    # ------------------------------------------------------------------ checking
    @Slot()
    def check(self) -> None:
        """Check the chosen network in the worker thread (superseding a check still running)."""
        self._retune.stop()
        if self.source.currentIndex() == EXAMPLE:
            problem = worked_example_problem(self._example_params())
        elif self.latest_frame is None:
            self._no_frame()
            return
        else:
            try:
                problem = playground_problem(self.latest_frame, self.points.value())
            except ValueError as exc:  # no training points (every point erased)
                self._set_summary(self.tr("Cannot check: {error}.").format(error=localise(exc)), "fail")
                self.statusMessage.emit(self.tr("Cannot check: {error}").format(error=localise(exc)))
                return
        self.jobs.submit(partial(check_problem, problem))
        n = problem.net.get_parameters().size
        self.progress.start(min(n, SAMPLE_ABOVE))
        self.statusMessage.emit(self.tr("Checking {checked:,} of the network's {n:,} parameters…").format(
            checked=min(n, SAMPLE_ABOVE), n=n))

    @Slot()
    def cancel_check(self) -> None:
        if self.jobs.cancel():
            self._check_ended()
            self.statusMessage.emit(self.tr("Gradient check cancelled: the table shows the last finished check"))

    def _check_ended(self) -> None:
        self.progress.stop()
        self.checkEnded.emit()

    @Slot(object)
    def _check_done(self, checked: CheckedProblem) -> None:
        problem = checked.problem
        self.checked, self.problem, self.result = checked, problem, checked.result
        description = localise(problem.description)
        if problem.note:  # the batch's note after the description (a space in English, none in Chinese)
            description = self.tr("{description} {note}").format(description=description, note=localise(problem.note))
        self.description.setText(description)
        self._show()
        self._update_stale()
        self._check_ended()
        self.statusMessage.emit(self.tr("Gradient check: {n} parameters in {ms:.0f} ms").format(
            n=len(self.result.checks), ms=checked.seconds * 1000))

    @Slot(str)
    def _check_failed(self, message: str) -> None:
        self._set_summary(self.tr("The gradient check failed: {message}").format(message=message), "fail")
        self._check_ended()

    def _show(self) -> None:
        """Fill the summary, table and plot from the last check, with the broken gradients if asked."""
        if self.checked is None:
            return
        result, changed, fault = self.result, None, None
        if self.broken.isChecked():
            fault = FAULTS[self.fault.currentData()]
            broken = self.checked.broken[fault.name]
            result, changed = broken.result, broken.changed
        self.shown_result = result
        text, state = summary(result)
        self._set_summary(localise(text), state)
        checked = self.checked
        self.table.model_.set_checks(result.checks, checked.connections, checked.order, changed)
        self.plot.set_checks(result.checks, checked.order, checked.groups)
        if fault is None:
            self.fault_note.hide()
            return
        self.fault_note.setText(localise(fault_note(fault, changed, list(checked.order), checked.groups)))
        self.fault_note.setStyleSheet(_box(border=palette.GRADIENT, background=palette.GRADIENT_FILL))
        self.fault_note.show()

    def _set_summary(self, html: str, style: str) -> None:
        self._summary_style = style
        border, background = summary_colors(style)
        self.summary.setStyleSheet(_box(border=border, background=background))
        self.summary.setText(html)

    def restyle(self) -> None:
        """The summary and the note in the palette's colours (bpviz.gui.theme: an export is drawn light)."""
        border, background = summary_colors(getattr(self, "_summary_style", "info"))
        self.summary.setStyleSheet(_box(border=border, background=background))
        self.fault_note.setStyleSheet(_box(border=palette.GRADIENT, background=palette.GRADIENT_FILL))

    def _show_info(self, html: str) -> None:
        self._set_summary(html, "info")

    def _no_frame(self) -> None:
        self.cancel_check()
        self.checked = self.problem = self.result = self.shown_result = None
        self.table.model_.clear()
        self.plot.clear_checks()
        self.fault_note.hide()
        self.stale.setText("")
        self.stale.hide()
        self.description.setText("")
        self._show_info(self.tr("The training playground has not made a network yet (it does as soon as its page "
                                "has started). <a href='example'>Check the worked example instead</a>."))

    # ------------------------------------------------------------------ controls
    @Slot(int)
    def _source_changed(self, index: int) -> None:
        self.points.setEnabled(index == PLAYGROUND)
        self.check()

    def _points_settled(self) -> None:
        if self.source.currentIndex() == PLAYGROUND:
            self.check()

    @Slot(bool)
    def _broken_toggled(self, _on: bool) -> None:
        self._show()

    @Slot()
    def _fault_chosen(self, _index: int = 0) -> None:
        fault = FAULTS[self.fault.currentData()]
        self.fault_text.setText(f"{localise(fault.explanation)}<br><span style='color:{palette.MUTED}'>"
                                f"{localise(fault.still_right)}</span>")
        if self.broken.isChecked():
            self._show()

    @Slot(str)
    def _link(self, _href: str) -> None:
        self.source.setCurrentIndex(EXAMPLE)

