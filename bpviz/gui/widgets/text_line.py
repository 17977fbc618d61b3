"""Rich text that changes often (live figures, headers that follow the mouse) without relaying out the window.

A QLabel's setText calls updateGeometry(), which invalidates every layout up to the main window: measured
here, the live figures' labels made the whole 1280x800 window repaint with every frame. A TextLine (one line)
and a RichTextBlock (a few centred lines) have a constant size hint; a new text only repaints them.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QTextDocument, QTextOption
from PySide6.QtWidgets import QSizePolicy, QWidget


class TextLine(QWidget):
    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self._doc = QTextDocument(self)
        self._doc.setDocumentMargin(0)
        self._doc.setDefaultFont(self.font())
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self._html = None
        self.setText(text)

    def text(self) -> str:
        return self._html

    def plain_text(self) -> str:
        return self._doc.toPlainText()

    def setText(self, html: str) -> None:
        if html != self._html:
            self._html = html
            self._doc.setHtml(html)
            self.update()  # no updateGeometry: the size hint does not depend on the text

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(50, self.fontMetrics().height() + 4)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.translate(0, (self.height() - self._doc.size().height()) / 2)
        self._doc.drawContents(p)
        p.end()


class RichTextBlock(QWidget):
    """A few centred lines of rich text that change often (the headers follow the mouse) without relaying out
    the window: the size hint is fixed by the number of lines, so a new text only repaints the block (a QLabel's
    setText would invalidate every layout up to the main window, see TextLine)."""

    def __init__(self, lines: int, parent=None):
        super().__init__(parent)
        self._lines = lines
        self._doc = QTextDocument(self)
        self._doc.setDocumentMargin(0)
        self._doc.setDefaultFont(self.font())
        option = QTextOption(Qt.AlignHCenter)
        option.setWrapMode(QTextOption.NoWrap)
        self._doc.setDefaultTextOption(option)
        self._html = ""
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def text(self) -> str:
        return self._html

    def setText(self, html: str) -> None:
        if html != self._html:
            self._html = html
            self._doc.setHtml(html)
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(240, self._lines * self.fontMetrics().lineSpacing() + 6)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        self._doc.setTextWidth(self.width())
        painter.translate(0, max(0.0, (self.height() - self._doc.size().height()) / 2))
        self._doc.drawContents(painter)
        painter.end()
