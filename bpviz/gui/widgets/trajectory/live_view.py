"""The playground network's parameters over training: a checkable list of every weight and bias, and plots of the
chosen ones and of their gradients against the training step, live.

The playground's model records every frame (a TrajectoryRecorder: a few microseconds, bounded memory), also
while this view is hidden, so a curve has its whole history the moment it is ticked. This view only draws the
model's recorder, at most ``REDRAW_MS`` apart and only while shown; a paused run's frames (a Step, a Reset) draw at
once. Its Play, Step and Reset ask (signals) for what the playground page does; the window connects them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpviz.engine.features import FEATURE_LABELS
from bpviz.engine.naming import NetworkNames
from bpviz.engine.trajectories import RECORDER_CAPACITY, TrajectoryRecorder
from bpviz.gui import palette
from bpviz.gui.i18n import translate
from bpviz.gui.widgets.text_line import TextLine
from bpviz.gui.widgets.trajectory.neuron_view import heading, note, panel_beside
from bpviz.gui.widgets.trajectory.plots import SERIES_COUNT, LivePlots

REDRAW_MS = 100  # at most 10 redraws a second
MAX_PLOTTED = SERIES_COUNT  # parameters plotted at once: each its own colour (a network has up to 1,425)
NAME_ROLE = Qt.UserRole


def describe(names: NetworkNames, name: str, input_labels) -> str:
    """'x₁ → h1' for a weight, 'bias of h1' for a bias (inputs by their feature names)."""
    ref = names.params[name]

    def neuron(layer, j):
        return input_labels[j] if layer == 0 and j < len(input_labels) else names.neuron(layer, j)

    if ref.kind == "w":
        return f"{neuron(ref.layer, ref.src)} → {neuron(ref.layer + 1, ref.dst)}"
    if ref.dst is None:
        return translate("LiveTrajectoriesView", "bias of layer {n}").format(n=ref.layer + 1)
    return translate("LiveTrajectoriesView", "bias of {neuron}").format(neuron=neuron(ref.layer + 1, ref.dst))


def default_selection(names: NetworkNames) -> list[str]:
    """The weights into the first neuron of the first layer, and its bias."""
    return [names.weight(0, src, 0) for src in range(names.sizes[0])] + [names.bias(0, 0)]


_SWATCHES: dict[str | None, QIcon] = {}


def _swatch(color: str | None) -> QIcon:
    """A square of the curve's colour (transparent: not plotted); one icon per colour, made once."""
    if color not in _SWATCHES:
        pixmap = QPixmap(14, 14)
        pixmap.fill(QColor(color) if color else Qt.transparent)
        _SWATCHES[color] = QIcon(pixmap)
    return _SWATCHES[color]


class LiveTrajectoriesView(QWidget):
    statusMessage = Signal(str)
    playRequested = Signal()  # Play/Pause, Step and Reset of the playground's training
    stepRequested = Signal()
    resetRequested = Signal()

    def __init__(self, model=None, parent=None):
        """``model``: the playground's PlaygroundModel (None: nothing to follow)."""
        super().__init__(parent)
        self.model = model
        self.names: NetworkNames | None = None
        self._shape = None  # (sizes, features) of the network shown
        self._colors: dict[str, str] = {}  # the ticked parameters, in ticking order, and their colours
        self._swatch_colors: dict[str, str | None] = {}  # the colour each row's swatch shows
        self._drawn = None  # recorder version last drawn
        self._active = False
        self._running = False
        self.plots = LivePlots()
        self._build_actions()
        self._build_layout()
        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self.redraw)
        self._show_empty()
        if model is not None:
            model.subscribe("new_run", self._new_run)
            model.subscribe("frame", self._frame)
            if model.frame is not None:
                self._new_run(model.frame)
                self._frame(model.frame)

    @property
    def recorder(self) -> TrajectoryRecorder | None:
        return None if self.model is None else self.model.recorder

    # ------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        icon = self.style().standardIcon
        self.play_action = QAction(icon(QStyle.SP_MediaPlay), self.tr("Play"), self)
        self.play_action.setShortcut(QKeySequence(Qt.Key_Space))
        self.play_action.setToolTip(self.tr("Train the playground network continuously / pause (Space)"))
        self.play_action.triggered.connect(self.toggle_play)
        self.step_action = QAction(icon(QStyle.SP_MediaSkipForward), self.tr("Step"), self)
        self.step_action.setShortcut(QKeySequence(Qt.Key_Right))
        self.step_action.setToolTip(self.tr("One gradient step of the playground network (Right arrow)"))
        self.step_action.triggered.connect(self.step)
        self.reset_action = QAction(icon(QStyle.SP_MediaSkipBackward), self.tr("Reset"), self)
        self.reset_action.setShortcut(QKeySequence("Ctrl+R"))
        self.reset_action.setToolTip(self.tr("Back to the initial weights; the recorded curves are cleared (Ctrl+R)"))
        self.reset_action.triggered.connect(self.reset)
        self.actions_list = [self.reset_action, self.play_action, self.step_action]
        for action in self.actions_list:
            action.setShortcutContext(Qt.WindowShortcut)
            action.setEnabled(False)
            self.addAction(action)

    def _build_layout(self) -> None:
        panel = QWidget()
        panel.setFixedWidth(270)
        column = QVBoxLayout(panel)
        column.setContentsMargins(8, 4, 8, 8)
        column.setSpacing(6)
        column.addWidget(heading(self.tr("Playground network")))
        column.addWidget(note(self.tr("The parameters of the network on the Training playground tab, recorded at "
                                      "every frame while it trains, also while this page is hidden. Tick the ones to "
                                      "plot. A gradient is that of the last step before the frame (one mini-batch).")))
        buttons = QHBoxLayout()
        for action in self.actions_list:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(heading(self.tr("Parameters")))
        self.tree = QTreeWidget()
        self.tree.setObjectName("trajectory_parameters")
        self.tree.setAccessibleName(self.tr("Parameters to plot"))
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeToContents)  # names never cut short
        self.tree.setToolTip(self.tr("Tick a weight or bias to plot its value and its gradient ∂E/∂· against the "
                                     "step (up to {n} at once)").format(n=MAX_PLOTTED))
        self.tree.itemChanged.connect(self._item_changed)
        column.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.defaults_button = QPushButton(self.tr("First neuron"))
        self.defaults_button.setToolTip(self.tr("Plot the weights into the first hidden neuron and its bias"))
        self.defaults_button.clicked.connect(self.select_defaults)
        self.none_button = QPushButton(self.tr("None"))
        self.none_button.setToolTip(self.tr("Untick every parameter"))
        self.none_button.clicked.connect(lambda: self.select([]))
        row.addWidget(self.defaults_button)
        row.addWidget(self.none_button)
        column.addLayout(row)
        # changed up to 10 times a second: TextLines, which repaint themselves only (no window relayout)
        self.status = TextLine()
        self.status.setObjectName("trajectory_recording")
        self.status.setToolTip(self.tr("Frames are what the playground draws (about 30 a second while it trains); "
                                       "past {n:,} kept, every second one is dropped to bound the memory").format(
            n=RECORDER_CAPACITY[1]))
        self.steps_line = TextLine()
        self.steps_line.setObjectName("trajectory_steps")
        column.addWidget(self.status)
        column.addWidget(self.steps_line)

        right = QWidget()
        stack = QVBoxLayout(right)
        stack.setContentsMargins(4, 4, 4, 4)
        self.empty = QLabel()
        self.empty.setObjectName("trajectory_empty")
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {palette.MUTED}; padding: 6px;")
        stack.addWidget(self.empty)
        stack.addWidget(self.plots, 1)
        panel_beside(self, panel, right)

    # ------------------------------------------------------------------ the playground
    @Slot()
    def toggle_play(self) -> None:
        self.playRequested.emit()

    @Slot()
    def step(self) -> None:
        self.stepRequested.emit()

    @Slot()
    def reset(self) -> None:
        self.resetRequested.emit()

    def _new_run(self, frame) -> None:
        shape = (tuple(frame.config.sizes), tuple(frame.config.features))
        if shape != self._shape:
            self._rebuild(shape)
        else:
            self.plots.clear_data()

    def _frame(self, frame) -> None:
        if frame.running != self._running:
            self._running = frame.running
            self.play_action.setText(self.tr("Pause") if frame.running else self.tr("Play"))
            self.play_action.setIcon(self.style().standardIcon(
                QStyle.SP_MediaPause if frame.running else QStyle.SP_MediaPlay))
        if self._active and not frame.running:
            self.redraw()  # a Step or a Reset: show it at once (the timer covers a running session)

    def _rebuild(self, shape) -> None:
        sizes, features = shape
        kept = list(self._colors)
        if self.names is not None and set(kept) == set(default_selection(self.names)):
            kept = []  # the old network's defaults: take the new network's
        self._shape = shape
        self.names = NetworkNames(sizes)
        labels = [FEATURE_LABELS.get(f, f) for f in features]
        self.tree.blockSignals(True)
        self.tree.clear()
        self._swatch_colors = {}
        n_layers = len(sizes) - 1
        for layer in range(n_layers):
            src = (self.tr("inputs") if layer == 0 else self.tr("hidden {n}").format(n=layer) if n_layers > 2
                   else self.tr("hidden"))
            dst = (self.tr("output") if layer == n_layers - 1 else self.tr("hidden {n}").format(n=layer + 1)
                   if n_layers > 2 else self.tr("hidden"))
            group = QTreeWidgetItem(self.tree, [self.tr("Layer {n}: {src} → {dst}").format(n=layer + 1, src=src,
                                                                                          dst=dst), ""])
            group.setFlags(Qt.ItemIsEnabled)
            group.setFirstColumnSpanned(True)
            for name, ref in self.names.params.items():
                if ref.layer != layer:
                    continue
                item = QTreeWidgetItem(group, [name, describe(self.names, name, labels)])
                item.setData(0, NAME_ROLE, name)
                item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable | Qt.ItemIsSelectable)
                item.setCheckState(0, Qt.Unchecked)
                kind = self.tr("weight") if ref.kind == "w" else self.tr("bias")
                item.setToolTip(0, f"{name}: {kind} {describe(self.names, name, labels)}")
                item.setForeground(1, QColor(palette.MUTED))
            group.setExpanded(layer == 0)
        self.tree.blockSignals(False)
        kept = [n for n in kept if n in self.names.params]
        self._colors = {}
        self.plots.set_series({})
        self.select(kept or default_selection(self.names))
        self._show_empty()

    # ------------------------------------------------------------------ selection
    def items(self) -> dict[str, QTreeWidgetItem]:
        out = {}
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for i in range(group.childCount()):
                out[group.child(i).data(0, NAME_ROLE)] = group.child(i)
        return out

    def selected(self) -> list[str]:
        return list(self._colors)

    def select(self, names) -> None:
        """Tick exactly these parameters (the first ``MAX_PLOTTED`` of them)."""
        names = list(names)[:MAX_PLOTTED]
        wanted = set(names)
        self.tree.blockSignals(True)
        for name, item in self.items().items():
            item.setCheckState(0, Qt.Checked if name in wanted else Qt.Unchecked)
        self.tree.blockSignals(False)
        self._colors = {n: c for n, c in self._colors.items() if n in wanted}
        for name in names:
            self._assign_color(name)
        self._selection_changed()

    @Slot()
    def select_defaults(self) -> None:
        if self.names is not None:
            self.select(default_selection(self.names))

    @Slot(QTreeWidgetItem, int)
    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        name = item.data(0, NAME_ROLE)
        if name is None or column != 0:
            return
        if item.checkState(0) == Qt.Checked:
            if name not in self._colors and len(self._colors) >= MAX_PLOTTED:
                self.tree.blockSignals(True)
                item.setCheckState(0, Qt.Unchecked)
                self.tree.blockSignals(False)
                self.statusMessage.emit(self.tr("At most {n} parameters are plotted at once, each in its own "
                                                "colour: untick one to plot {name}").format(n=MAX_PLOTTED, name=name))
                return
            self._assign_color(name)
        else:
            self._colors.pop(name, None)
        self._selection_changed()

    def _assign_color(self, name: str) -> None:
        if name in self._colors:
            return
        used = set(self._colors.values())
        series = palette.series_colors()
        free = [c for c in series if c not in used]
        self._colors[name] = free[0] if free else series[len(self._colors) % len(series)]

    def _selection_changed(self) -> None:
        self.tree.blockSignals(True)
        for name, item in self.items().items():
            color = self._colors.get(name)
            if self._swatch_colors.get(name) != color:  # only the swatches that change (1,425 rows at most)
                item.setIcon(0, _swatch(color))
                self._swatch_colors[name] = color
        self.tree.blockSignals(False)
        labels = {n: f"{n} ({describe(self.names, n, [FEATURE_LABELS.get(f, f) for f in self._shape[1]])})"
                  for n in self._colors} if self.names is not None else {}
        self.plots.set_series(dict(self._colors), labels)
        self._drawn = None
        if self._active:
            self.redraw()

    # ------------------------------------------------------------------ drawing
    def set_active(self, active: bool) -> None:
        """Shown (draws live, shortcuts on) or hidden (records only)."""
        self._active = bool(active)
        for action in self.actions_list:
            action.setEnabled(self._active and self.model is not None)
        if self._active:
            self._timer.start()
            self.redraw()
        else:
            self._timer.stop()

    @Slot()
    def redraw(self) -> None:
        rec = self.recorder
        if rec is None or rec.version == self._drawn:
            return
        self._drawn = rec.version
        steps = rec.steps()
        for name in self._colors:
            self.plots.set_data(name, steps, rec.values(name), rec.gradients(name))
        self._show_empty()
        if len(rec):
            thinned = self.tr(" (1 in {n:,} kept)").format(n=rec.stride) if rec.stride > 1 else ""
            recorded = self.tr("Recorded {n:,} frames").format(n=len(rec)) + thinned
            self.status.setText(f'<span style="color:{palette.MUTED}">{recorded}</span>')
            steps_text = self.tr("Steps {first:,} to {last:,}").format(first=int(steps[0]), last=int(steps[-1]))
            self.steps_line.setText(f'<span style="color:{palette.MUTED}">{steps_text}</span>')

    def _show_empty(self) -> None:
        rec = self.recorder
        if self.model is None:
            text = self.tr("No playground network to follow.")
        elif rec is None or rec.last_step in (None, 0):
            text = self.tr("Nothing has been trained yet. Press Play (Space) or Step (Right arrow) here or on the "
                           "Training playground tab, and the ticked parameters move.")
        elif not self._colors:
            text = self.tr("Tick a parameter on the left to plot it.")
        else:
            text = ""
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
        if rec is None or not len(rec):
            nothing = self.tr("Nothing recorded yet")
            self.status.setText(f'<span style="color:{palette.MUTED}">{nothing}</span>')
            self.steps_line.setText("")

    def stop(self) -> None:
        self._timer.stop()
