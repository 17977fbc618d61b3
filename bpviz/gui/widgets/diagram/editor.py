"""The network diagram's inline editor of a weight or bias, as a mixin of the view (:class:`NetworkDiagram`).

A click on a weight or bias (or Enter or F2 on the keyboard cursor, ``cursor.py``) opens a line edit over it,
when the state is editable; a hint under it says what Enter and Esc do. Enter applies the typed value (the view's
``weightEdited(name, value)``) or, when the text is not a number, keeps the editor open and says why under it;
Esc, or the focus going elsewhere, closes it. The hint keeps the view's translation context (``NetworkDiagram``,
where it was written first), hence ``translate`` rather than ``self.tr``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QLineEdit

from bpviz.gui import palette
from bpviz.gui.i18n import translate
from bpviz.gui.widgets.diagram.layout import FONT_PX
from bpviz.gui.widgets.diagram.values import param_value, parse_value
from bpviz.gui.widgets.message_label import MessageLabel


class InlineEditor:
    """Mixed into NetworkDiagram (before QGraphicsView): uses its ``_state``, ``_drawing``, ``element_at``,
    ``edge_center``, ``weightEdited`` and the keyboard cursor's ``_show_cursor``."""

    def _init_editor(self) -> None:
        self.editor = QLineEdit(self.viewport())
        self.editor.hide()
        self.editor.installEventFilter(self)
        self.editor.returnPressed.connect(self._commit)
        self.editor.textEdited.connect(self._on_text_edited)
        self.editor_message = MessageLabel(self.viewport())  # a hint under the editor, or why the text was refused
        self.editor_message.hide()
        self._editing: str | None = None
        self._editor_error: str | None = None
        self._press_handled = False

    def mousePressEvent(self, event) -> None:
        self._press_handled = False
        if event.button() == Qt.LeftButton and self._state is not None:
            eid = self.element_at(event.position().toPoint())
            if eid in self._drawing.names.params and self._state.editable:
                self.open_editor(eid)
                self._press_handled = True
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._press_handled:
            self._press_handled = False
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def open_editor(self, name: str) -> None:
        """Edit a weight or bias in place: what a click on it does (when the state is editable)."""
        s = self._state
        if s is None or name not in self._drawing.names.params or not s.editable:
            return
        self._editing = name
        font = self.editor.font()
        font.setPixelSize(max(QFontMetricsF(self.font()).height() * 0.8, FONT_PX * 0.95 * self.transform().m11()))
        self.editor.setFont(font)
        self.editor.setText(repr(float(param_value(self._drawing.names, s, name))))
        self._set_editor_error(None)
        self._place_editor()
        self.editor.show()
        self.editor.raise_()
        self.editor.selectAll()
        self.editor.setFocus(Qt.MouseFocusReason)

    def editing(self) -> str | None:
        """The name being edited, None when the editor is closed."""
        return self._editing

    def editor_error(self) -> str | None:
        """Why the typed text was refused, None when it was not (or nothing is being edited)."""
        return self._editor_error

    def _place_editor(self) -> None:
        if self._editing is None:
            return
        c = self.edge_center(self._editing)
        vw, vh = self.viewport().width(), self.viewport().height()
        text_w = self.editor.fontMetrics().horizontalAdvance(self.editor.text()[:200])  # a long text scrolls
        w = max(170, min(text_w + 28, vw - 4))
        h = self.editor.sizeHint().height()
        x = int(min(max(2, c.x() - w / 2), max(2, vw - w - 2)))
        y = int(min(max(2, c.y() - h / 2), max(2, vh - h - 2)))
        self.editor.setGeometry(x, y, w, h)
        g, msg = self.editor.geometry(), self.editor_message
        msg.setMaximumWidth(max(170, vw - 4))  # wraps inside the view (the message shortens long words)
        msg.adjustSize()
        below = g.bottom() + 3 + msg.height() < vh
        msg.move(int(min(max(2, g.left()), max(2, vw - msg.width() - 2))),
                 g.bottom() + 3 if below else g.top() - msg.height() - 3)

    def _set_editor_error(self, message: str | None) -> None:
        self._editor_error = message
        if self._editing is None:
            return
        if message is None:
            self.editor.setStyleSheet("")
            hint = translate("NetworkDiagram", "new value of {name} · Enter applies, Esc cancels")
            text = hint.format(name=self._editing)
            color = palette.MUTED
        else:
            self.editor.setStyleSheet(f"QLineEdit {{ border: 2px solid {palette.ERROR_COLOR};"
                                      f" background: {palette.ERROR_FILL}; }}")
            text, color = message, palette.ERROR_COLOR
        self.editor.setToolTip(text)
        self.editor_message.show_message(text)
        self.editor_message.setStyleSheet(
            f"QLabel {{ color: {color}; background: {palette.BACKGROUND}; border: 1px solid {color};"
            " border-radius: 3px; padding: 1px 5px; }")
        self._place_editor()
        self.editor_message.show()
        self.editor_message.raise_()

    def _on_text_edited(self, _text: str) -> None:
        if self._editor_error is not None:
            self._set_editor_error(None)

    def _commit(self) -> None:
        if self._editing is None:
            return
        value, why = parse_value(self.editor.text())
        if why is not None:
            self._set_editor_error(why)
            return
        name = self._editing
        self._close_editor(refocus=True)
        self.weightEdited.emit(name, float(value))

    def _close_editor(self, refocus: bool = False) -> None:
        if self._editing is None:
            return
        self._editing = None
        self._set_editor_error(None)
        self.editor.hide()
        self.editor_message.hide()
        if refocus:
            self.setFocus(Qt.OtherFocusReason)
        self._show_cursor()

    def eventFilter(self, obj, event) -> bool:
        # The view's own filter (its viewport's tooltips) comes first, then this one: the editor's keys and focus.
        if obj is self.editor and self._editing is not None:
            if event.type() == QEvent.KeyPress and event.key() == Qt.Key_Escape:
                self._close_editor(refocus=True)
                return True
            if event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter):
                self._commit()  # and the key goes no further (to the view, where Enter opens the editor)
                return True
            if event.type() == QEvent.FocusOut and event.reason() != Qt.PopupFocusReason:
                self._close_editor()
        return super().eventFilter(obj, event)


__all__ = ["InlineEditor"]
