"""Finding English words left in the Chinese window: the checker and the collectors of visible texts, shared by
tests/gui/test_translations*.py (the fixtures ``chinese`` and ``zh_window`` are in tests/gui/conftest.py)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QTabWidget, QTreeWidget, QWidget

# ASCII words that may stay in Chinese text: names, file formats, keys, function names of the formulas.
ALLOWED = {
    "bpviz", "numpy", "pytorch", "pyside6", "pyqtgraph", "qt", "csv", "png", "svg", "json", "readme", "markdown",
    "python", "ctrl", "enter", "esc", "home", "end", "return", "shift", "left", "right", "nan", "relu", "sigmoid",
    "tanh", "softmax", "linear", "net", "out", "label", "value", "tab",
    "exp", "log", "max", "min", "sum", "mean", "sin", "sqrt", "abs", "sign",  # functions in formulas
    "inf",  # an infinite number, as NumPy prints it
    "micrograd",  # the library whose programs the computation graph takes apart
    "english",  # View > Language names each language in its own language
}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def english_words(text: str) -> list[str]:
    """The English words of ``text`` (3+ letters, not a symbol like net_h1 / w5 / E_total, not in ALLOWED),
    after its HTML tags and entities are dropped."""
    plain = re.sub(r"<su[bp]>", "_", text or "")  # E<sub>total</sub> is the symbol E_total
    plain = plain.replace("P(blue)", "P_blue")  # the probability of the blue class: a symbol, as the key draws it
    plain = re.sub(r"<[^>]*>", " ", plain)  # another tag parts words
    plain = re.sub(r"&[a-z]+;|&(?=\w)", "", plain)
    return [w for w in WORD.findall(plain)
            if len(w) >= 3 and not re.search(r"[\d_]", w) and w.lower() not in ALLOWED]


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every visible label, button, group title, tab, header and tooltip under ``root``."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        name = f"{type(w).__name__}#{w.objectName()}"
        if w.toolTip():
            found.append((name + ".toolTip", w.toolTip()))
        if isinstance(w, (QLabel, QAbstractButton)) and not isinstance(w, QLineEdit):
            found.append((name + ".text", w.text()))
        if isinstance(w, QGroupBox):
            found.append((name + ".title", w.title()))
        if isinstance(w, QTabWidget):
            found += [(f"{name}.tab{i}", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QTreeWidget):
            header = w.headerItem()
            found += [(f"{name}.header{i}", header.text(i)) for i in range(header.columnCount())]
    for action in root.actions():
        found += [(f"action {action.objectName()}", t) for t in (action.text(), action.toolTip(), action.statusTip())]
    return found


def action_texts(menu, where: str) -> list[tuple[str, str]]:
    found = [(where, menu.title())]
    for action in menu.actions():
        if action.menu() is not None:
            found += action_texts(action.menu(), f"{where} > {action.text()}")
        elif not action.isSeparator():
            found += [(f"{where} > {action.text()}", t) for t in (action.text(), action.toolTip(), action.statusTip())]
    return found


def untranslated(texts) -> list[str]:
    return [f"{where}: {text!r} ({', '.join(words)})" for where, text in texts
            if (words := english_words(text))]
