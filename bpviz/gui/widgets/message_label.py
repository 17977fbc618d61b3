"""A label for messages that can repeat what the user typed (refusals, notes): it wraps and never widens the
window.

A QLabel with word wrap still asks for the width of its longest word as its minimum: a refusal that quoted
10,000 typed digits forced the window to 77,000 px, and every later repaint of the window laid out axes that
wide (a page switch took over 10 s). A MessageLabel shortens every long word of its message
(``bpviz.quoting.shorten_words``) and asks for little width, so the layout gives it the width there is and it
wraps to that; its height follows the width (height for width), as a wrapping label's does.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from bpviz.quoting import shorten_words

MIN_WIDTH = 80  # px: what a message asks for at least (a few words a line in a narrow panel)
PREFERRED_WIDTH = 360  # px: at most what it asks for (the layout gives it more where there is room)


class MessageLabel(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.RichText)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        self.message = ""  # the message shown, as given (plain text)
        self._hint_for: tuple | None = None
        self._hint = QSize()

    def show_message(self, message: str, color: str | None = None, html_after: str = "") -> None:
        """Show ``message`` (plain text, long words shortened), in ``color`` if given, then ``html_after`` (rich
        text the caller has already kept short, e.g. the culprit marked in the text typed)."""
        self.message = str(message)
        text = html.escape(shorten_words(self.message), quote=False)
        if color:
            text = f"<span style='color:{color}'>{text}</span>"
        self.setText(text + html_after)

    def clear(self) -> None:
        self.message = ""
        super().clear()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), MIN_WIDTH), hint.height())

    def sizeHint(self) -> QSize:
        """The narrowest width up to PREFERRED_WIDTH that takes no more lines than PREFERRED_WIDTH does: one line
        for a short message (a wrapping QLabel would ask for a compact block of three), a tidy block otherwise."""
        key = (self.text(), self.font().key(), self.styleSheet())
        if self._hint_for != key:
            lowest = self.heightForWidth(PREFERRED_WIDTH)
            if lowest < 0:  # no text
                self._hint = super().sizeHint()
            else:
                longest_word = super().minimumSizeHint().width()  # narrower, a word would be cut, not wrapped
                narrow, wide = max(MIN_WIDTH, min(longest_word, PREFERRED_WIDTH)), PREFERRED_WIDTH
                while wide - narrow > 4:
                    middle = (narrow + wide) // 2
                    narrow, wide = (narrow, middle) if self.heightForWidth(middle) <= lowest else (middle, wide)
                self._hint = QSize(wide, self.heightForWidth(wide))
            self._hint_for = key
        return self._hint
