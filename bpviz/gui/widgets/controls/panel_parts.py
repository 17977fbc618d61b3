"""Small parts of the playground's settings panel: section headings, combo boxes of fixed choices (with an
extra item for a loaded value that is not one of them), labels with buddies, and the wheel guard that lets a
scrolling panel scroll instead of changing the setting under the pointer."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from bpviz.gui import palette
from bpviz.gui.i18n import translate


def number_text(value: float) -> str:
    """0.00001 rather than 1e-05, 1 rather than 1.0: as the playground writes them."""
    return np.format_float_positional(float(value), trim="-")


def make_combo(name: str, items, tip: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for data, text in items:
        combo.addItem(translate("Playground", text), data)  # the choices are marked in playground_choices
    combo.setToolTip(tip)
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    combo.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
    return combo


_EXTRA = Qt.UserRole + 1  # marks a value that is not in the fixed list


def select_number(combo: QComboBox, value: float) -> None:
    """Select ``value``; a value outside the fixed list (a loaded session) is shown as an extra item, in order,
    until another configuration is shown."""
    for i in reversed(range(combo.count())):
        if combo.itemData(i, _EXTRA):
            combo.removeItem(i)
    for i in range(combo.count()):
        if math.isclose(combo.itemData(i), value, rel_tol=1e-9, abs_tol=1e-15):
            combo.setCurrentIndex(i)
            return
    at = next((i for i in range(combo.count()) if combo.itemData(i) > value), combo.count())
    combo.insertItem(at, number_text(value), float(value))
    combo.setItemData(at, True, _EXTRA)
    combo.setItemData(at, translate("Playground", "The value of the loaded settings (not one of the usual choices)"),
                     Qt.ToolTipRole)
    combo.setCurrentIndex(at)


def select_data(combo: QComboBox, data) -> None:
    i = combo.findData(data)
    if i < 0:
        raise ValueError(f"{combo.objectName()}: unknown choice {data!r}")
    combo.setCurrentIndex(i)


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    label.setToolTip(buddy.toolTip())
    return label


def panel_section(title: str, name: str) -> tuple[QWidget, QVBoxLayout]:
    """A heading in capitals over a thin rule, as the playground's columns; the section's contents below."""
    section = QWidget()
    section.setObjectName(name)
    layout = QVBoxLayout(section)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(5)
    heading = QLabel(title.upper())  # the title translated by the caller: upper() leaves Chinese as it is
    heading.setObjectName(f"{name}_heading")
    font = heading.font()
    font.setBold(True)
    font.setLetterSpacing(font.SpacingType.PercentageSpacing, 108)
    heading.setFont(font)
    heading.setStyleSheet(f"color: {palette.TEXT};")
    rule = QFrame()
    rule.setFrameShape(QFrame.HLine)
    rule.setStyleSheet(f"color: {palette.NODE_FILL}; background: {palette.RULE}; max-height: 1px; border: none;")
    layout.addWidget(heading)
    layout.addWidget(rule)
    return section, layout


class WheelGuard(QObject):
    """In a panel that scrolls, the wheel scrolls the panel: a combo box, spin box or slider takes wheel turns only
    once it has the keyboard focus (clicked or tabbed to), so scrolling past it never changes a setting."""

    def __init__(self, scroll: QScrollArea):
        super().__init__(scroll)
        self._bar = scroll.verticalScrollBar()

    def guard(self, widgets) -> None:
        for w in widgets:
            w.setFocusPolicy(Qt.StrongFocus)  # not WheelFocus
            w.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Wheel and not obj.hasFocus():
            QApplication.sendEvent(self._bar, event)
            return True
        return False
