"""The monkey's actions on the window's controls, and the weighted choice among every kind of action.

Each ``plan_<kind>(ui, rng)`` picks a target and its parameters with the action's own random generator and
returns a ``Planned`` action (or None when the shown page has nothing of that kind). Mouse actions on views,
context menus and the menu bar are in ``monkey_pointer``. ``choose_action`` draws a kind by weight and falls
back to other kinds when the page offers nothing for it.
"""

from __future__ import annotations

import monkey_pointer as pointer
from monkey_popups import plain_text
from monkey_ui import Planned, is_quit_key
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

TYPED_TEXT = {  # category → (weight, examples)
    "a valid number": (3, ["0.5", "1", "3", "0.01", "42", "-1", "2.5e-3", "100", "8,8", "4", "0.1"]),
    "an out-of-range number": (2, ["1e9", "-1e9", "99999999999", "-5", "1000000", "2147483648"]),
    "garbage": (2, ["abc", "1,5", "--3", "0x1F", "1..2", "DROP TABLE", " 3 ", "1/0", "exp(1000)", "((((", "x*"]),
    "a special number": (2, ["1e400", "nan", "-0", "inf", "-inf", "1e-400", "NaN", "1e308*10"]),
    "unicode": (1, ["ünïcödé", "学习率", "مرحبا", "١٢٣", "½", "x²", "🙂", "e\u0301", "\u200b", "０.５"]),
    "nothing (emptied)": (1, [""]),
    "huge": (1, None),  # 5,000 to 10,000 characters, made by huge_text
}
KEYS = (  # name, key, modifiers (the Quit and Close keys left out when used: see plan_key)
    ("Left", Qt.Key_Left, Qt.NoModifier), ("Right", Qt.Key_Right, Qt.NoModifier), ("Up", Qt.Key_Up, Qt.NoModifier),
    ("Down", Qt.Key_Down, Qt.NoModifier), ("Space", Qt.Key_Space, Qt.NoModifier),
    ("Return", Qt.Key_Return, Qt.NoModifier), ("Escape", Qt.Key_Escape, Qt.NoModifier),
    ("Home", Qt.Key_Home, Qt.NoModifier), ("End", Qt.Key_End, Qt.NoModifier),
    ("PageUp", Qt.Key_PageUp, Qt.NoModifier), ("PageDown", Qt.Key_PageDown, Qt.NoModifier),
    ("F5", Qt.Key_F5, Qt.NoModifier), ("F1", Qt.Key_F1, Qt.NoModifier), ("Delete", Qt.Key_Delete, Qt.NoModifier),
    ("Backspace", Qt.Key_Backspace, Qt.NoModifier), ("Tab", Qt.Key_Tab, Qt.NoModifier),
    ("Ctrl+N", Qt.Key_N, Qt.ControlModifier), ("Ctrl+B", Qt.Key_B, Qt.ControlModifier),
    ("Ctrl+R", Qt.Key_R, Qt.ControlModifier), ("Ctrl+Return", Qt.Key_Return, Qt.ControlModifier),
    ("Ctrl+Z", Qt.Key_Z, Qt.ControlModifier), ("Ctrl+A", Qt.Key_A, Qt.ControlModifier),
    ("Ctrl+S", Qt.Key_S, Qt.ControlModifier), ("Ctrl+O", Qt.Key_O, Qt.ControlModifier),
    ("Ctrl+V", Qt.Key_V, Qt.ControlModifier), ("Alt+F", Qt.Key_F, Qt.AltModifier),
)
END_KEYS = {"Enter": Qt.Key_Return, "Tab": Qt.Key_Tab, "no Enter": None}


def huge_text(rng) -> str:
    n = rng.randint(5000, 10000)
    return rng.choice([lambda: "9" * n, lambda: "1" + "0" * (n - 1), lambda: "0." + "3" * (n - 2),
                       lambda: "".join(rng.choice("0123456789") for _ in range(n)), lambda: "x" * n])()


# ---------------------------------------------------------------------------------------------- pages
def plan_tab(ui, rng):
    index = rng.randrange(ui.tabs.count())
    title = ui.tabs.tabText(index)
    if index < 9 and rng.random() < 0.4:
        key = Qt.Key(Qt.Key_1.value + index)
        return Planned("tab", f"press Ctrl+{index + 1} (page '{title}')", lambda: ui.key(key, Qt.ControlModifier))
    bar = ui.tabs.tabBar()
    return Planned("tab", f"click the tab '{title}'", lambda: ui.click(bar, bar.tabRect(index).center()))


def plan_play(ui, rng):
    """Press the playground's Play (when it is not training already): training runs behind most actions."""
    index = ui.page_index("playground")
    if index is None:
        return None
    page = ui.tabs.widget(index)
    play = [a for a in (*QWidget.actions(page), *page.findChildren(QAction))
            if plain_text(a.text()) in ("Play", "Pause")]
    if not play or plain_text(play[0].text()) != "Play":
        return None

    def run():
        if ui.tabs.currentIndex() != index:
            ui.click(ui.tabs.tabBar(), ui.tabs.tabBar().tabRect(index).center())
        buttons = [b for b in ui.visible(QToolButton) if b.defaultAction() is play[0]]
        ui.click(buttons[0]) if buttons else play[0].trigger()
    return Planned("play", "start training: show the playground and press Play", run)


# ---------------------------------------------------------------------------------------------- actions
def _action_plan(kind, ui, rng, actions):
    choices = ui.triggerable(actions)
    if not choices:
        return None
    action = rng.choice(choices)
    text = plain_text(action.text()).strip() or action.objectName() or "(no text)"
    shortcut = action.shortcut()
    if not shortcut.isEmpty() and rng.random() < 0.5:
        combination = shortcut[0]
        return Planned(kind, f"press {shortcut.toString()} (the shortcut of '{text}')",
                       lambda: ui.key(combination.key(), combination.keyboardModifiers()))
    return Planned(kind, f"trigger the action '{text}' ({type(action.parent()).__name__})", action.trigger)


def plan_action(ui, rng):
    """Any enabled action: menus, toolbars, the pages' own and their views' context actions."""
    return _action_plan("action", ui, rng, ui.actions())


def plan_file(ui, rng):
    """An action of the File menu (open, save, export...): the file dialogs answer with odd paths."""
    menus = [a.menu() for a in ui.window.menuBar().actions() if plain_text(a.text()).lower() == "file"]
    if not menus:
        return None
    actions, pending = [], [menus[0]]
    while pending:
        for action in pending.pop().actions():
            (pending.append(action.menu()) if action.menu() is not None else actions.append(action))
    return _action_plan("file", ui, rng, actions)


# ---------------------------------------------------------------------------------------------- controls
def plan_button(ui, rng):
    buttons = ui.visible(QAbstractButton)
    if not buttons:
        return None
    button = rng.choice(buttons)
    return Planned("button", f"click {ui.describe(button)}", lambda: ui.click(button))


def plan_combo(ui, rng):
    combos = [c for c in ui.visible(QComboBox) if c.count()]
    if not combos:
        return None
    combo = rng.choice(combos)
    index = rng.randrange(combo.count())
    if rng.random() < 0.6:
        def pick_from_popup():
            combo.showPopup()
            view = combo.view()
            view.setCurrentIndex(combo.model().index(index, combo.modelColumn(), combo.rootModelIndex()))
            QTest.keyClick(view, Qt.Key_Return)
        return Planned("combo", f"choose item {index} '{combo.itemText(index)}' in {ui.describe(combo)}",
                       pick_from_popup)
    key_name, key = rng.choice([("Down", Qt.Key_Down), ("Up", Qt.Key_Up), ("End", Qt.Key_End), ("Home", Qt.Key_Home)])
    times = rng.randint(1, 3)

    def keys():
        combo.setFocus()
        for _ in range(times):
            ui.key(key, widget=combo)
    return Planned("combo", f"press {key_name} ×{times} on {ui.describe(combo)}", keys)


def plan_spin(ui, rng):
    boxes = ui.visible(QAbstractSpinBox)
    if not boxes:
        return None
    box = rng.choice(boxes)
    name = ui.describe(box)
    if isinstance(box, (QSpinBox, QDoubleSpinBox)) and rng.random() < 0.5:
        low, high = box.minimum(), box.maximum()
        label, value = rng.choice([("its minimum", low), ("its maximum", high),
                                   ("a value in range", rng.uniform(low, high))])
        value = round(value) if isinstance(box, QSpinBox) else value
        return Planned("spin", f"set {name} to {label} ({value:g})", lambda: box.setValue(value))
    if rng.random() < 0.3:
        delta = rng.choice([120, -120, 360, -360])
        return Planned("spin", f"wheel {delta:+d} on {name}", lambda: ui.wheel(box, box.rect().center(), delta))
    key_name, key = rng.choice([("Up", Qt.Key_Up), ("Down", Qt.Key_Down), ("PageUp", Qt.Key_PageUp),
                                ("PageDown", Qt.Key_PageDown)])
    times = rng.randint(1, 5)

    def keys():
        box.setFocus()
        for _ in range(times):
            ui.key(key, widget=box)
    return Planned("spin", f"press {key_name} ×{times} in {name}", keys)


def plan_type(ui, rng):
    """Type into a field or a spin box (its line edit's owner gets the keys), then Enter, Tab or nothing."""
    targets = []
    for edit in ui.visible(QLineEdit):
        owner = edit.parent() if isinstance(edit.parent(), (QAbstractSpinBox, QComboBox)) else edit
        if not (isinstance(owner, QLineEdit) and owner.isReadOnly()) and owner not in targets:
            targets.append(owner)
    if not targets:
        return None
    target = rng.choice(targets)
    categories = list(TYPED_TEXT)
    category = rng.choices(categories, [TYPED_TEXT[c][0] for c in categories])[0]
    text = huge_text(rng) if category == "huge" else rng.choice(TYPED_TEXT[category][1])
    end_name = rng.choice(list(END_KEYS))
    replace = rng.random() < 0.8
    shown = text if len(text) <= 24 else f"{text[:12]}… ({len(text):,} characters)"

    def run():
        ui.click(target, QPoint(target.width() // 3, target.height() // 2))
        ui.key(Qt.Key_A if replace else Qt.Key_End, Qt.ControlModifier if replace else Qt.NoModifier, target)
        ui.type_text(target, text)
        if END_KEYS[end_name] is not None:
            ui.key(END_KEYS[end_name], widget=target)
    how = "type" if replace else "append"
    return Planned("type", f"{how} {category} {shown!r} into {ui.describe(target)}, then {end_name}", run,
                   typed=len(text))


def plan_slider(ui, rng):
    sliders = ui.visible(QAbstractSlider)
    if not sliders:
        return None
    slider = rng.choice(sliders)
    name = ui.describe(slider)
    horizontal = slider.orientation() == Qt.Horizontal
    length = slider.width() if horizontal else slider.height()

    def at(fraction: float) -> QPoint:
        along = int(8 + fraction * max(length - 16, 1))
        return QPoint(along, slider.height() // 2) if horizontal else QPoint(slider.width() // 2, length - along)
    span = max(slider.maximum() - slider.minimum(), 1)
    handle = (slider.value() - slider.minimum()) / span
    gesture = rng.choice(["drag", "drag", "click", "keys"])
    if gesture == "drag":
        ends = [rng.uniform(-0.2, 1.2) for _ in range(rng.randint(1, 4))]
        points = [at(handle)] + [at(e) for e in ends]
        return Planned("slider", f"drag {name} to {ends[-1]:.0%}", lambda: ui.drag(slider, points))
    if gesture == "click":
        where = rng.random()
        return Planned("slider", f"click {name} at {where:.0%}", lambda: ui.click(slider, at(where)))
    key_name, key = rng.choice([("Home", Qt.Key_Home), ("End", Qt.Key_End), ("PageUp", Qt.Key_PageUp),
                                ("PageDown", Qt.Key_PageDown), ("Right", Qt.Key_Right), ("Left", Qt.Key_Left)])

    def keys():
        slider.setFocus()
        ui.key(key, widget=slider)
    return Planned("slider", f"press {key_name} on {name}", keys)


def plan_key(ui, rng):
    name, key, modifiers = rng.choice(KEYS)
    if is_quit_key(key, modifiers):
        return None
    times = rng.choice([1, 1, 1, 2, 3])

    def run():
        for _ in range(times):
            ui.key(key, modifiers)
    return Planned("key", f"press {name} ×{times} (focus on {ui.describe(ui.focus_widget())})", run)


def plan_resize(ui, rng):
    label, (width, height) = rng.choice([
        ("tiny", (rng.randint(50, 300), rng.randint(40, 250))),
        ("huge", (rng.randint(2500, 4000), rng.randint(1600, 2600))),
        ("random", (rng.randint(600, 1920), rng.randint(400, 1200))),
        ("restored", (1280, 800)), ("restored", (1280, 800)),
    ])
    return Planned("resize", f"resize the window to {width}x{height} ({label})", lambda: ui.resize(width, height))


KINDS = {  # kind → (weight, planner)
    "tab": (10, plan_tab), "play": (3, plan_play), "action": (9, plan_action), "file": (5, plan_file),
    "button": (14, plan_button), "combo": (6, plan_combo), "spin": (6, plan_spin), "type": (10, plan_type),
    "slider": (4, plan_slider), "key": (6, plan_key), "resize": (2, plan_resize),
    "menu": (4, pointer.plan_menu), "view": (10, pointer.plan_view), "context": (5, pointer.plan_context),
}


def choose_action(ui, rng) -> Planned:
    kinds = list(KINDS)
    while kinds:
        kind = rng.choices(kinds, [KINDS[k][0] for k in kinds])[0]
        planned = KINDS[kind][1](ui, rng)
        if planned is not None:
            return planned
        kinds.remove(kind)
    raise RuntimeError("no action of any kind is possible")
