"""Mouse actions: on the views (the network diagrams, plots, graphs, matrix blocks, tables), right clicks
that should open context menus, and the menu bar.

Views are the visible QGraphicsViews (every pyqtgraph widget is one) and item views. Gestures: left click,
double click, left / right / middle drag (pyqtgraph pans, zooms by right-drag), wheel (with and without Ctrl)
and hovering. Points are random in the view; drags may leave it.

``ContextMenuTracker`` keeps, for every widget right-clicked, the menus that appeared. A widget that carries
actions with the ActionsContextMenu policy promises them on a right click; one whose promised entries never
appeared in any menu is a finding at the end of the run.
"""

from __future__ import annotations

from monkey_events import CurrentAction
from monkey_popups import plain_text
from monkey_ui import Planned
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QGraphicsView, QWidget

GESTURES = {"left click": 3, "double click": 1, "left drag": 2, "right drag": 2, "middle drag": 1, "wheel": 2,
            "hover": 1}
BUTTONS = {"left": Qt.LeftButton, "right": Qt.RightButton, "middle": Qt.MiddleButton}


def _views(ui) -> list:
    return ui.visible(QGraphicsView) + ui.visible(QAbstractItemView)


def _point(rng, widget, spill: float = 0.0) -> QPoint:
    """A random point of ``widget``; ``spill`` > 0 lets it fall that fraction outside."""
    return QPoint(int(rng.uniform(-spill, 1 + spill) * max(widget.width() - 1, 1)),
                  int(rng.uniform(-spill, 1 + spill) * max(widget.height() - 1, 1)))


def plan_view(ui, rng):
    views = _views(ui)
    if not views:
        return None
    view = rng.choice(views)
    target = view.viewport()
    name = ui.describe(view)
    gesture = rng.choices(list(GESTURES), list(GESTURES.values()))[0]
    start = _point(rng, target)
    if gesture in ("left click", "double click"):
        return Planned("view", f"{gesture} on {name} at ({start.x()}, {start.y()})",
                       lambda: ui.click(target, start, double=gesture == "double click"))
    if gesture.endswith("drag"):
        button = BUTTONS[gesture.split()[0]]
        points = [start] + [_point(rng, target, spill=0.3) for _ in range(rng.randint(2, 6))]
        modifiers = rng.choice([Qt.NoModifier, Qt.NoModifier, Qt.ShiftModifier, Qt.ControlModifier])
        return Planned("view", f"{gesture} on {name} from ({start.x()}, {start.y()}) through {len(points) - 1} points",
                       lambda: ui.drag(target, points, button, modifiers))
    if gesture == "wheel":
        delta = rng.choice([120, -120, 480, -480, 1200, -1200])
        modifiers = rng.choice([Qt.NoModifier, Qt.ControlModifier])
        return Planned("view", f"wheel {delta:+d} on {name}", lambda: ui.wheel(target, start, delta, modifiers))
    points = [_point(rng, target) for _ in range(rng.randint(2, 8))]
    return Planned("view", f"hover over {name} through {len(points)} points", lambda: ui.hover(target, points))


def plan_menu(ui, rng):
    """Open a menu of the menu bar with a click; the popup answerer picks an entry or closes it."""
    bar = ui.window.menuBar()
    titles = [a for a in bar.actions() if a.isVisible() and a.isEnabled() and a.menu() is not None]
    if not titles:
        return None
    title = rng.choice(titles)
    return Planned("menu", f"open the menu '{plain_text(title.text())}'",
                   lambda: ui.click(bar, bar.actionGeometry(title).center()))


def context_promises(ui) -> list:
    """(widget, entry texts): visible widgets whose right click should show a menu of their actions."""
    promises = []
    for widget in ui.visible(QWidget):
        actions = QWidget.actions(widget)  # Qt's: a bpviz widget may have an attribute named ``actions``
        if widget.contextMenuPolicy() == Qt.ActionsContextMenu and actions:
            # An entry offered only where it applies (Explain ∂E/∂w on an edge) is not promised everywhere
            promises.append((widget, [plain_text(a.text()) for a in actions if not a.isSeparator()
                                      and not a.property("depends_on_position")]))
    return promises


def plan_context(ui, rng):
    """Right-click where a menu is promised (or on any view: pyqtgraph has its own menu)."""
    promises = dict(context_promises(ui))
    views = [v.viewport() for v in _views(ui)]
    if promises and (not views or rng.random() < 0.7):
        target = rng.choice(list(promises))
    elif views:
        target = rng.choice(views)
    else:
        return None
    promised = promises.get(target, [])
    point = target.rect().center() if rng.random() < 0.6 else _point(rng, target)
    name = ui.describe(target)
    tracker = ui.context_menus

    def run():
        tracker.expect(name, ui.page(), promised)
        ui.click(target, point, Qt.RightButton)
    return Planned("context", f"right-click {name} at ({point.x()}, {point.y()})", run, after=tracker.finish)


class ContextMenuTracker:
    def __init__(self, recorder):
        self.recorder = recorder
        self.targets: dict[str, dict] = {}  # widget words → statistics
        self._pending: str | None = None

    def expect(self, name: str, page: str, promised: list[str]) -> None:
        stats = self.targets.setdefault(name, {"page": page, "right_clicks": 0, "menus": 0, "promised": promised,
                                               "seen": set(), "first": CurrentAction(**vars(self.recorder.current))})
        stats["right_clicks"] += 1
        self._pending = name

    def menu_shown(self, entries: list[str]) -> None:
        """Called by the popup answerer for every menu shown."""
        if self._pending is not None:
            stats = self.targets[self._pending]
            stats["menus"] += 1
            stats["seen"].update(entries)

    def finish(self) -> None:
        self._pending = None

    def report(self) -> list[dict]:
        """Statistics for the end of the run, and a finding for every promise never kept."""
        rows = []
        for name, stats in self.targets.items():
            missing = [p for p in stats["promised"] if p not in stats["seen"]]
            rows.append({"target": name, "page": stats["page"], "right_clicks": stats["right_clicks"],
                         "menus": stats["menus"], "promised": stats["promised"], "missing": missing,
                         "seen": sorted(stats["seen"])[:12]})
            if missing:
                first = stats["first"]
                self.recorder.finding(
                    "context-menu-missing",
                    f"right-click on {name} ({stats['page']}): {stats['right_clicks']} right clicks, "
                    f"{stats['menus']} menus shown, never the promised {missing}",
                    action_override=(first.index, first.what))
        return rows
