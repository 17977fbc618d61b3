"""The network diagram's keyboard cursor, as a mixin of the view (:class:`NetworkDiagram`).

Tab into the diagram and the arrow keys move a dashed cursor between its neurons, weights and biases (where they
go: ``bpviz.gui.widgets.diagram.keys``); Enter or F2 opens the inline editor on a weight or bias, as a click does;
Tab leaves. While the diagram has the focus, the arrow keys, Home and End are its own: the page's step shortcuts
(Previous/Next on the worked example, Step on the playground) do not see them. The view's accessible name is
"Network diagram"; its accessible description is the element under the cursor ("weight w5, 0.4, gradient
0.08217, ...", announced to screen readers as it changes); a focus frame shows when it has the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QGraphicsPathItem

from bpviz.gui import palette
from bpviz.gui.widgets.diagram.keys import describe, help_text, move

#: keys the keyboard cursor takes while the diagram has the focus (the pages' step shortcuts do not see them)
CURSOR_KEYS = {Qt.Key_Left: "left", Qt.Key_Right: "right", Qt.Key_Up: "up", Qt.Key_Down: "down",
               Qt.Key_Home: "home", Qt.Key_End: "end"}
EDIT_KEYS = (Qt.Key_Return, Qt.Key_Enter, Qt.Key_F2)
Z_CURSOR = 6.5  # over the neurons, under the text boxes


class _CursorItem(QGraphicsPathItem):
    """The dashed cursor: drawn on screen only (an export renders the scene with no widget: no cursor in it)."""

    def paint(self, painter, option, widget=None) -> None:
        if widget is not None:
            super().paint(painter, option, widget)


class KeyboardCursor:
    """Mixed into NetworkDiagram (before QGraphicsView): uses its ``_state``, ``_drawing``, ``_editing`` and
    ``open_editor``."""

    def _init_keyboard(self) -> None:
        self._cursor: str | None = None
        self._keyboard = False  # the focus came by keyboard (Tab) or a key was pressed: frame and cursor show
        self.setFocusPolicy(Qt.StrongFocus)
        self.setAccessibleName(self.tr("Network diagram"))
        self.setToolTip(help_text())  # shown over the diagram's empty parts
        self._style_focus_frame()
        QApplication.instance().focusChanged.connect(self._focus_moved)

    def cursor(self) -> str | None:
        """The element under the keyboard cursor (a neuron, weight or bias id), None before the first key."""
        return self._cursor

    def set_cursor(self, element_id: str | None) -> None:
        """Put the keyboard cursor on an element (what the arrow keys do) and tell assistive tools."""
        self._cursor = element_id
        self._set_keyboard(True)
        self._show_cursor(announce=True)

    def _style_focus_frame(self) -> None:
        """The focus frame, shown when the focus came from the keyboard (as CSS's :focus-visible: a click on the
        diagram shows none)."""
        self.setStyleSheet(f"QGraphicsView {{ border: 2px solid {palette.BACKGROUND};"
                           f" background: {palette.BACKGROUND}; }}"
                           " QGraphicsView[keyboardFocus=\"true\"]:focus"
                           f" {{ border: 2px solid {palette.FOCUS_BORDER}; }}")

    def _set_keyboard(self, on: bool) -> None:
        if on != self._keyboard:
            self._keyboard = on
            self.setProperty("keyboardFocus", on)
            self.style().unpolish(self)
            self.style().polish(self)
            self.update()

    def event(self, event) -> bool:
        # While the diagram has the keyboard's focus (tabbed into) its cursor keys are keys, not the page's step
        # shortcuts; focus from a click leaves the arrows to the page (Next, Previous, Step), as before.
        if (event.type() == QEvent.ShortcutOverride and self._state is not None and self._keyboard
                and event.key() in CURSOR_KEYS and not event.modifiers() & ~Qt.KeypadModifier):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        plain = not event.modifiers() & ~Qt.KeypadModifier
        if self._state is not None and plain and event.key() in CURSOR_KEYS:
            self._set_keyboard(True)
            self.set_cursor(move(self._drawing.names, self._cursor, CURSOR_KEYS[event.key()]))
            event.accept()
            return
        if plain and event.key() in EDIT_KEYS and self._cursor is not None and self._state is not None:
            if self._cursor in self._drawing.names.params and self._state.editable:
                self.open_editor(self._cursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.TabFocusReason, Qt.BacktabFocusReason, Qt.ShortcutFocusReason):
            self._set_keyboard(True)
        elif event.reason() != Qt.OtherFocusReason:  # Other: back from the editor, as it was
            self._set_keyboard(False)
        if self._state is not None and self._keyboard:
            if self._cursor is None:
                self._cursor = move(self._drawing.names, None, "home")
            self._show_cursor(announce=True)

    def _focus_moved(self, old, new) -> None:
        """Qt passes the focus of a widget that hides to the next one with Tab's reason: no key was pressed, so
        the diagram that got it that way leaves its arrows to the page (focusChanged follows the FocusIn)."""
        if (new is self and self._keyboard and old is not None and not old.isVisible()
                and not self.isAncestorOf(old) and self._editing is None):
            self._set_keyboard(False)
            self._show_cursor()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self._editing is None and event.reason() != Qt.PopupFocusReason:
            self._set_keyboard(False)
        self._show_cursor()

    def _show_cursor(self, announce: bool = False) -> None:
        """Draw the dashed cursor on its element while the diagram (or its editor) has the focus, and make the
        element's text the view's accessible description (announced when it changes)."""
        d, eid = self._drawing, self._cursor
        if eid is not None and d.key is not None and eid not in d.names.params and eid not in d.nodes:
            eid = self._cursor = None  # gone with a new architecture
        shown = self._keyboard and (self.hasFocus() or self._editing is not None)
        self._draw_cursor(eid if d.key is not None and shown else None)
        text = describe(self._state, eid)
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)
            announce = True
        if announce and text:
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.DescriptionChanged))

    def _draw_cursor(self, eid: str | None) -> None:
        d = self._drawing
        item = d.cursor_item
        if eid is None:
            if item is not None:
                item.hide()
            return
        if item is None:
            item = d.cursor_item = _CursorItem()
            item.setZValue(Z_CURSOR)
            self.scene().addItem(item)
        pen = QPen(QColor(palette.FOCUS_BORDER), 2.5, Qt.DashLine)
        pen.setCosmetic(True)  # the same on screen at any scale
        item.setPen(pen)
        path = QPainterPath()
        node = d.nodes.get(eid) or next((n for n in d.bias_nodes.values() if n.eid == eid), None)
        if node is not None:
            g = node.r + 7
            if node.square:
                path.addRoundedRect(QRectF(node.center.x() - g, node.center.y() - g, 2 * g, 2 * g), 4, 4)
            else:
                path.addEllipse(node.center, g, g)
        else:
            e = d.edges_by_id[eid][0]
            if e.label is not None and e.label.isVisible():
                path.addRoundedRect(e.label.sceneBoundingRect().adjusted(-5, -5, 5, 5), 7, 7)
            else:
                r = 9.0 / (self.transform().m11() or 1.0)
                path.addEllipse(d.spot(eid), r, r)
            trim = max(n.r for n in d.nodes.values()) + 3  # the edge between its nodes, dashed
            v = e.p2 - e.p1
            length = max((v.x() ** 2 + v.y() ** 2) ** 0.5, 1e-9)
            if length > 2 * trim:
                path.moveTo(e.p1 + v * (trim / length))
                path.lineTo(e.p2 - v * (trim / length))
        item.setPath(path)
        item.show()


__all__ = ["CURSOR_KEYS", "EDIT_KEYS", "KeyboardCursor"]
