"""Help: About, the README's lessons, the keyboard shortcuts."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from bpviz.gui.i18n import translate

LESSONS_HEADING = "Lessons"


def about_html(version: str) -> str:
    return (
        f"<h3>bpviz {version}</h3><p>"
        + translate("About", "See and learn backpropagation: step one pass of the classic 2-2-2 sigmoid network by "
                             "hand, every number on a live diagram.")
        + "</p><p>" + translate("About", "Built on NumPy, PySide6 (Qt) and pyqtgraph.") + "</p>"
        + '<p><a href="#lessons">' + translate("About", "Read the lessons (README)") + "</a></p>"
    )


def readme_text() -> str:
    """The README: from the installed package's metadata, or the source checkout."""
    try:
        text = metadata.metadata("bpviz").get_payload() or metadata.metadata("bpviz").get("Description", "")
    except metadata.PackageNotFoundError:
        text = ""
    if not text.strip():
        source = Path(__file__).resolve().parents[2] / "README.md"
        text = source.read_text(encoding="utf-8") if source.exists() else "The README is not available."
    return text


class LessonsDialog(QDialog):
    """The README rendered, opened at its lessons section."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("bpviz lessons"))
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(readme_text())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._scroll_to(LESSONS_HEADING)

    def _scroll_to(self, heading: str) -> None:
        found = self.browser.document().find(heading, 0, QTextDocument.FindCaseSensitively)
        if not found.isNull():
            self.browser.setTextCursor(found)
            self.browser.moveCursor(QTextCursor.End)  # then back, so the heading ends up at the top
            self.browser.setTextCursor(found)
            self.browser.ensureCursorVisible()


class ShortcutsDialog(QDialog):
    def __init__(self, actions, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = sorted({(a.text().replace("&", ""), a.shortcut().toString()) for a in actions
                       if not a.shortcut().isEmpty()})
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        for r, (text, keys) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(text))
            table.setItem(r, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(420, 360)
