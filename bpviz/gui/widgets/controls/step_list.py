"""The stepper panel's list of steps: a two-column tree whose rows paint rich text and whose keys step the pass.

``StepTree`` is the list: its item delegate paints a row's ``HTML_ROLE`` rich text (subscripts such as
net<sub>h1</sub>) in place of its plain text and sizes the row for it; it keeps the current step highlighted when
unfocused and hands its arrow keys to the panel (``stepKey``). The panel fills the rows and keeps the current step
selected.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QTreeWidget,
)

HTML_ROLE = Qt.UserRole + 1  # rich text a row's first column is painted with
INDEX_ROLE = Qt.UserRole  # the step index of a row (None for a phase row)


class _HtmlDelegate(QStyledItemDelegate):
    """Paints a row's ``HTML_ROLE`` rich text (subscripts) in place of its plain display text."""

    def _document(self, option, html: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setHtml(html)
        return doc

    def paint(self, painter, option, index: QModelIndex) -> None:
        html = index.data(HTML_ROLE)
        if html is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SE_ItemViewItemText, opt, widget)
        doc = self._document(opt, html)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.State_Selected:
            color = opt.palette.color(QPalette.Active, QPalette.HighlightedText)
        else:
            brush = index.data(Qt.ForegroundRole)
            color = brush.color() if brush is not None else opt.palette.color(QPalette.Text)
        ctx.palette.setColor(QPalette.Text, color)
        painter.save()
        top = rect.top() + max(0.0, (rect.height() - doc.size().height()) / 2)
        painter.translate(rect.left() + 2, top)
        painter.setClipRect(0, 0, rect.width() - 2, rect.height())
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def helpEvent(self, event, view, option, index: QModelIndex) -> bool:  # noqa: N802 (Qt's name)
        """A step's tooltip, made when asked for (``StepTree.tooltip_for``): thousands of steps need none made
        in advance."""
        provider = getattr(view, "tooltip_for", None)
        step = index.siblingAtColumn(0).data(INDEX_ROLE) if index.isValid() else None
        if event.type() == QEvent.ToolTip and provider is not None and step is not None:
            text = provider(int(step), index.column())
            if text:
                QToolTip.showText(event.globalPos(), text, view.viewport())
                return True
        return super().helpEvent(event, view, option, index)

    def sizeHint(self, option, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        html = index.data(HTML_ROLE)
        if html is None:
            return size
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, html)
        return QSize(int(doc.idealWidth()) + 12, max(size.height(), int(doc.size().height()) + 6))


class StepTree(QTreeWidget):
    """The list of steps. Arrow keys step through the pass (as the panel's shortcuts do) instead of moving a
    cursor of their own, so the list and the card never disagree; Home/End and Left/Right are left to the
    window's shortcuts."""

    stepKey = Signal(int)  # +1 next, -1 previous

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tooltip_for = None  # (step index, column) -> the tooltip's rich text, made when it is asked for
        self.setObjectName("stepper_steps")
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Quantity"), self.tr("Value")])
        self.setItemDelegate(_HtmlDelegate(self))
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setAllColumnsShowFocus(True)
        self.setAlternatingRowColors(True)
        self.setToolTip(self.tr("Click a step to jump to it; the arrow keys step through the pass"))
        # Rows of one line, and the names' column sized once per pass (``fit_names``): measuring every row's rich
        # text again at each change (ResizeToContents) cost seconds for a pass of thousands of steps
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        header.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        pal = self.palette()  # keep the current step visibly highlighted when the list has no focus
        for role in (QPalette.Highlight, QPalette.HighlightedText):
            pal.setColor(QPalette.Inactive, role, pal.color(QPalette.Active, role))
        self.setPalette(pal)

    def fit_names(self, names: list[str]) -> None:
        """Make the first column as wide as the widest of ``names`` (plain text: subscripts are narrower) and the
        phase titles need."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(n) for n in names), default=0)
        self.setColumnWidth(0, widest + self.indentation() + 24)

    def event(self, event) -> bool:
        if event.type() == QEvent.ShortcutOverride and event.key() in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Home,
                                                                          Qt.Key_End):
            event.ignore()  # let the window's shortcuts have these keys
            return False
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        steps = {Qt.Key_Down: 1, Qt.Key_Right: 1, Qt.Key_Up: -1, Qt.Key_Left: -1}
        if event.key() in steps and not event.modifiers() & ~Qt.KeypadModifier:
            self.stepKey.emit(steps[event.key()])
            event.accept()
            return
        if event.key() in (Qt.Key_Home, Qt.Key_End, Qt.Key_PageUp, Qt.Key_PageDown):
            event.ignore()  # not a cursor of its own: these keys belong to the panel's actions
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        pass  # typing a letter must not move the selection away from the current step


__all__ = ["HTML_ROLE", "INDEX_ROLE", "StepTree"]
