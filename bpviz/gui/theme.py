"""The window's colour scheme: which one (View > Theme, ``bpviz gui --theme``, the system's) and applying it.

The scheme is chosen once, at start, before any widget is built (``apply``): a dark QPalette on the application
(Fusion style, which follows the palette on every platform) and ``bpviz.gui.palette`` switched to its dark set, so
that every widget reads dark colours as it builds. A change under View > Theme is kept in the settings and
applies at the next start (widgets keep the colours they were built with).

Pictures stay on white: ``drawn_light(widget)`` switches the palette to light while an export is drawn and asks
each widget around it that has a ``restyle()`` method (the loss curve, the decision region, the network diagram,
the plots' axes) to take the palette's colours again, then puts the dark ones back.
"""

from __future__ import annotations

import contextlib
import re

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory, QWidget

from bpviz.gui import palette
from bpviz.gui.i18n import translate

SETTING = "view/theme"  # QSettings key: "system" (or missing), "light" or "dark"
CHOICES = ("system", "light", "dark")
THEMES = ("light", "dark")  # what `bpviz gui --theme` takes


def chosen_setting(settings: QSettings | None = None) -> str:
    """What View > Theme holds: "system", "light" or "dark"."""
    value = str((settings if settings is not None else QSettings()).value(SETTING, "system") or "system")
    return value if value in CHOICES else "system"


def save_choice(choice: str, settings: QSettings | None = None) -> None:
    settings = settings if settings is not None else QSettings()
    settings.setValue(SETTING, choice)
    settings.sync()


def system_scheme() -> str:
    """"dark" when the system asks for a dark scheme (Qt ≥ 6.5's colorScheme; else a dark window colour in the
    platform's palette), else "light"."""
    hints = QGuiApplication.styleHints() if QGuiApplication.instance() is not None else None
    scheme = getattr(hints, "colorScheme", None) if hints is not None else None
    if callable(scheme):
        value = scheme()
        if value == Qt.ColorScheme.Dark:
            return "dark"
        if value == Qt.ColorScheme.Light:
            return "light"
    if QGuiApplication.instance() is not None:  # Unknown, or an older Qt: what the platform's palette looks like
        window = QGuiApplication.palette().color(QPalette.Window)
        text = QGuiApplication.palette().color(QPalette.WindowText)
        if window.lightness() < text.lightness():
            return "dark"
    return "light"


def resolve(override: str | None = None, settings: QSettings | None = None) -> str:
    """The scheme to use: ``override`` (``--theme``) if given, else the setting, else the system's."""
    choice = override if override in CHOICES else chosen_setting(settings)
    return system_scheme() if choice == "system" else choice


def dark_qpalette() -> QPalette:
    """The application's palette in the dark scheme (every standard widget: windows, fields, tables, menus)."""
    c = palette.colors("dark")
    p = QPalette()
    roles = {
        QPalette.Window: "#25282d", QPalette.WindowText: c["TEXT"], QPalette.Base: c["BACKGROUND"],
        QPalette.AlternateBase: c["NODE_FILL"], QPalette.ToolTipBase: c["NODE_FILL"], QPalette.ToolTipText: c["TEXT"],
        QPalette.PlaceholderText: c["MUTED"], QPalette.Text: c["TEXT"], QPalette.Button: "#30343a",
        QPalette.ButtonText: c["TEXT"], QPalette.BrightText: "#ffffff", QPalette.Light: "#3c4148",
        QPalette.Midlight: "#33373d", QPalette.Mid: "#2a2d32", QPalette.Dark: "#141518", QPalette.Shadow: "#000000",
        QPalette.Highlight: "#2f6db0", QPalette.HighlightedText: "#ffffff", QPalette.Link: c["POSITIVE"],
        QPalette.LinkVisited: c["GRADIENT"],
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        p.setColor(QPalette.Disabled, role, QColor("#7d828a"))
    p.setColor(QPalette.Disabled, QPalette.Base, QColor("#22252a"))
    p.setColor(QPalette.Disabled, QPalette.Button, QColor("#2a2d32"))
    return p


def apply(app: QApplication, scheme: str) -> str:
    """Use ``scheme`` ("light" or "dark") for everything built from now on; returns it. Light on a light system
    changes nothing (the platform's own look)."""
    if scheme not in THEMES:
        raise ValueError(f"unknown theme {scheme!r}: choose one of {', '.join(THEMES)}")
    palette.use(scheme)
    hints = app.styleHints()
    if scheme == "dark":
        if hasattr(hints, "setColorScheme"):  # Qt ≥ 6.8: the title bar and native dialogs follow too
            hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_qpalette())
    elif system_scheme() == "dark":  # light asked for on a dark system
        if hasattr(hints, "setColorScheme"):
            hints.setColorScheme(Qt.ColorScheme.Light)
        style = QStyleFactory.create("Fusion")
        app.setStyle(style)
        app.setPalette(style.standardPalette())
    return scheme


# ---------------------------------------------------------------------------------------------- menu
def build_menu(window, menu, settings: QSettings) -> dict:
    """View > Theme: System, Light, Dark (checkable, one of them). The choice is kept in ``settings`` and applies
    at the next start; the window says so. Returns the actions by choice."""
    from PySide6.QtGui import QAction, QActionGroup
    from PySide6.QtWidgets import QMessageBox

    names = {"system": translate("Theme", "System"), "light": translate("Theme", "Light"),
             "dark": translate("Theme", "Dark")}
    group = QActionGroup(window)
    chosen = chosen_setting(settings)
    actions = {}

    def choose(choice: str) -> None:
        if choice == chosen_setting(settings):
            return
        save_choice(choice, settings)
        actions[choice].setChecked(True)
        message = translate("Theme", "The theme changes when bpviz starts again.")
        show = getattr(window, "show_status", None)
        if callable(show):
            show(message)
        box = QMessageBox(QMessageBox.Information, translate("Theme", "Theme"), message, QMessageBox.Ok, window)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()

    for key in CHOICES:
        action = QAction(names[key], window, checkable=True, checked=key == chosen)
        action.setObjectName(f"theme_{key}")
        action.setStatusTip(translate("Theme", "Draw the window in this colour scheme from the next start of bpviz"))
        action.triggered.connect(lambda _checked=False, k=key: choose(k))
        group.addAction(action)
        menu.addAction(action)
        actions[key] = action
    return actions


# ---------------------------------------------------------------------------------------------- exports
def _restylable(widget: QWidget) -> list:
    """``widget``, the widgets around it and those inside it that have a ``restyle()`` method, outermost first."""
    found, seen = [], set()
    chain = []
    w = widget
    while w is not None:
        chain.append(w)
        w = w.parentWidget()
    for part in [*reversed(chain), *widget.findChildren(QWidget)]:
        if id(part) not in seen and callable(getattr(part, "restyle", None)):
            seen.add(id(part))
            found.append(part)
    return found


@contextlib.contextmanager
def drawn_light(widget: QWidget):
    """While in the block, ``widget`` (and the widgets around it that can) drawn with the light colours, as every
    exported picture is; the colours in use before are back afterwards. Nothing to do in the light scheme."""
    before = palette.scheme()
    if before == "light":
        yield
        return
    parts = _restylable(widget)
    # a widget drawn as shown (a table, the step panel, the whole window) takes the light Qt palette too
    had_palette, qpalette = widget.testAttribute(Qt.WA_SetPalette), QPalette(widget.palette())
    palette.use("light")
    swapped = []
    try:
        widget.setPalette(light_qpalette())
        for part in parts:
            part.restyle()
        swapped = _swap_colours(widget, _dark_to_light())
        yield
    finally:
        palette.use(before)
        widget.setPalette(qpalette if had_palette else QPalette())  # QPalette(): inherited again
        for w, sheet, text in reversed(swapped):
            if sheet is _INHERIT:
                w.setPalette(text if text is not None else QPalette())  # its own, or inherited again
                continue
            if sheet is not None:
                w.setStyleSheet(sheet)
            if text is not None:
                w.setText(text)
        for part in parts:
            part.restyle()


def _dark_to_light() -> dict[str, str]:
    """Each colour of the dark scheme (as code writes it into style sheets and rich text) → the light one of the
    same name (the first name, in the palette's order, where two names share a dark colour)."""
    dark, light = palette.colors("dark"), palette.colors("light")
    table: dict[str, str] = {}
    for name, value in dark.items():
        if isinstance(value, str):
            table.setdefault(value.lower(), light[name])
        elif isinstance(value, tuple):
            for d, lc in zip(value, light[name], strict=False):
                table.setdefault(d.lower(), lc)
        elif isinstance(value, dict):
            for key, d in value.items():
                table.setdefault(d.lower(), light[name][key])
    return table


def _swap_colours(widget: QWidget, table: dict[str, str]) -> list:
    """The dark colours written in the style sheets and rich-text labels of ``widget`` and the widgets inside it
    (those without a ``restyle()``: a muted note, a message) replaced by the light ones; returns (widget, its
    style sheet, its text) as they were, None where not changed, to put back."""
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)), re.IGNORECASE)

    def light(text: str) -> str:
        return pattern.sub(lambda m: table[m.group(0).lower()], text)

    changed = []
    light_palette = widget.palette()
    for w in [widget, *widget.findChildren(QWidget)]:
        parent = w.parentWidget()
        if w is not widget and (w.testAttribute(Qt.WA_StyleSheet) or parent.testAttribute(Qt.WA_StyleSheet)):
            # Qt passes no palette on to (nor from) a widget styled by a style sheet: given by hand, taken back
            own = QPalette(w.palette()) if w.testAttribute(Qt.WA_SetPalette) else None
            w.setPalette(light_palette)
            changed.append((w, _INHERIT, own))
        sheet, text = w.styleSheet(), w.text() if isinstance(w, QLabel) else ""
        new_sheet = light(sheet) if sheet and pattern.search(sheet) else None
        new_text = light(text) if text and w.textFormat() != Qt.PlainText and pattern.search(text) else None
        if new_sheet is None and new_text is None:
            continue
        changed.append((w, sheet if new_sheet is not None else None, text if new_text is not None else None))
        if new_sheet is not None:
            w.setStyleSheet(new_sheet)
        if new_text is not None:
            w.setText(new_text)
    return changed


_INHERIT = object()  # in _swap_colours' list: (widget, _INHERIT, its own palette or None) to take back
_LIGHT_QPALETTE: list = []


def light_qpalette() -> QPalette:
    """The light scheme's Qt palette (Fusion's own, its base the light palette's background)."""
    if not _LIGHT_QPALETTE:
        style = QStyleFactory.create("Fusion")
        p = style.standardPalette()
        p.setColor(QPalette.Base, QColor(palette.colors("light")["BACKGROUND"]))
        _LIGHT_QPALETTE.append(p)
        style.deleteLater()
    return QPalette(_LIGHT_QPALETTE[0])


__all__ = ["CHOICES", "SETTING", "THEMES", "apply", "build_menu", "chosen_setting", "dark_qpalette", "drawn_light",
           "light_qpalette", "resolve", "save_choice", "system_scheme"]
