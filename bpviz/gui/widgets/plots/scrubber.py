"""The history scrubber under the playground's loss curve: a slider over a run's recorded steps, what is shown,
a Live button and Continue from here.

A widget only: it shows the count of entries and the position it is given (``set_entries``) and says what the
user chose (``positionChosen`` with an entry index, ``liveRequested``, ``continueRequested``); the page's helper
(bpviz.gui.pages.playground_rewind) turns these into the model's rewind and draws. Keys, once the slider has the
focus (a click, or Tab): ←/→ (and ↑/↓) one recorded entry, Page Up/Down a twentieth of them, Home the first, End
live. The slider claims those keys before the window's shortcuts (Right is the playground's Step).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSlider, QVBoxLayout, QWidget

from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.widgets.text_line import TextLine

SLIDER_KEYS = (Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down, Qt.Key_Home, Qt.Key_End, Qt.Key_PageUp,
               Qt.Key_PageDown)
SLIDER_TIP = QT_TRANSLATE_NOOP("HistoryScrubber", "The run's recorded steps: every step at first, then every 2nd, "
                                                 "4th, … so that a run of any length fits in bounded memory. Drag to "
                                                 "rewind the diagram, its maps, the output and the figures to a step "
                                                 "(training goes on); ←/→ one recorded step, Home the first, End back "
                                                 "to live.")
LIVE_TIP = QT_TRANSLATE_NOOP("HistoryScrubber", "Follow training again: show the latest state (End)")
CONTINUE_TIP = QT_TRANSLATE_NOOP("HistoryScrubber", "Pause, and start a new run from the step shown: its weights and "
                                                   "biases, its step and epoch counts and the loss history up to it "
                                                   "(what came after is dropped; the mini-batches are drawn afresh "
                                                   "from there, as when a saved session is opened)")


class ScrubSlider(QSlider):
    """A horizontal slider that keeps its keys from the window's shortcuts; End asks for live."""

    liveRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(Qt.Horizontal, parent)
        self.setFocusPolicy(Qt.StrongFocus)

    def event(self, event) -> bool:
        if event.type() == QEvent.ShortcutOverride and event.key() in SLIDER_KEYS:
            event.accept()  # the key comes here as a key press, not to a window shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_End:
            self.liveRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class HistoryScrubber(QWidget):
    positionChosen = Signal(int)  # a recorded entry chosen by the user (index into the run's record)
    liveRequested = Signal()
    continueRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("history_scrubber")
        self.slider = ScrubSlider()
        self.slider.setObjectName("history_slider")
        self.slider.setToolTip(translate("HistoryScrubber", SLIDER_TIP))
        self.slider.setAccessibleName("Rewind to a recorded step")
        self.slider.setRange(0, 0)
        self.label = TextLine()  # changes while training runs: no re-layout of the window
        self.label.setObjectName("history_label")
        self.live_button = QPushButton(self.tr("Live"))
        self.live_button.setObjectName("history_live")
        self.live_button.setToolTip(translate("HistoryScrubber", LIVE_TIP))
        self.continue_button = QPushButton(self.tr("Continue from here"))
        self.continue_button.setObjectName("history_continue")
        self.continue_button.setToolTip(translate("HistoryScrubber", CONTINUE_TIP))
        for button in (self.live_button, self.continue_button):
            button.setFocusPolicy(Qt.TabFocus)  # a click leaves the focus on the slider, where the keys are
        row = QHBoxLayout()  # under the slider and its line of text (the output column is narrow: ~430 px)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(self.live_button)
        row.addWidget(self.continue_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.slider)
        column.addWidget(self.label)
        column.addLayout(row)
        self._blocked_reason = ""
        self.slider.valueChanged.connect(self._moved)
        self.slider.liveRequested.connect(self.liveRequested)
        self.live_button.clicked.connect(self.liveRequested)
        self.continue_button.clicked.connect(self.continueRequested)
        self.set_rewound(False)

    def set_entries(self, count: int, index: int | None) -> None:
        """``count`` recorded entries; the handle at ``index`` (None: live, at the end). Emits nothing."""
        last = max(count - 1, 0)
        self.slider.blockSignals(True)
        self.slider.setRange(0, last)
        self.slider.setPageStep(max(1, count // 20))
        self.slider.setValue(last if index is None else min(max(index, 0), last))
        self.slider.blockSignals(False)

    def position(self) -> int:
        return self.slider.value()

    def set_text(self, html: str) -> None:
        self.label.setText(html)

    def text(self) -> str:
        return self.label.plain_text()

    def set_rewound(self, rewound: bool) -> None:
        self.live_button.setEnabled(rewound and not self._blocked_reason)
        self.continue_button.setEnabled(rewound and not self._blocked_reason)

    def set_blocked(self, reason: str) -> None:
        """Disable the scrubber and say why in its tooltip (empty: enable it again)."""
        self._blocked_reason = reason
        self.slider.setEnabled(not reason)
        self.slider.setToolTip(reason or translate("HistoryScrubber", SLIDER_TIP))
        self.setToolTip(reason)
        if reason:
            self.live_button.setEnabled(False)
            self.continue_button.setEnabled(False)

    @Slot(int)
    def _moved(self, value: int) -> None:
        self.positionChosen.emit(value)
