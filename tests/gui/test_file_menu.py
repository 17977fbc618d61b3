"""File > Export and the views' right-click menus: every picture and table of the window."""

import csv
import io
import os
import time
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from bpviz.gui.export.dialog import PictureExportDialog


@pytest.fixture
def window(window, qtbot):
    """The window after 20 epochs of playground training (paused): every export has something to show."""
    w = window
    qtbot.waitUntil(lambda: w.playground.frame is not None, timeout=5000)
    page = w.playground
    page.play()
    qtbot.waitUntil(lambda: page.frame.snapshot.epoch > 20, timeout=10000)
    page.pause()
    qtbot.waitUntil(lambda: not page.frame.running, timeout=5000)
    return w


def test_export_menu_lists_every_picture_and_table(window):
    texts = [a.text() for a in window.export_menu.actions() if a.text()]
    for label in ("Loss curve…", "Decision region…", "Playground network…", "Worked-example diagram…",
                  "Worked-example step (diagram and formula)…", "Whole window…", "Loss history (CSV)…",
                  "Worked-example trace (CSV)…", "Worked-example trace (Markdown)…"):
        assert label in texts


def right_click_menu(widget) -> list[str]:
    """Right-click in the middle of ``widget`` as a user does (through its window, so that Qt makes the
    context-menu event) and return the texts of the menu that pops up (the menu is then closed)."""
    seen = []

    def look():
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            seen.extend(a.text() for a in menu.actions())
            menu.close()

    QTimer.singleShot(100, look)
    target = widget.viewport() if hasattr(widget, "viewport") else widget
    where = target.mapTo(target.window(), target.rect().center())
    QTest.mouseClick(target.window().windowHandle(), Qt.RightButton, Qt.NoModifier, where)
    QTest.qWait(200)
    return seen


def test_a_right_click_on_each_view_offers_its_exports(window):
    views = {}
    for picture in window.files.pictures().values():
        if picture.menu_on is not None:
            views.setdefault(picture.menu_on, []).append(f"export {picture.text}…".lower())
    assert len(views) >= 12  # the playground's three views, the example's two, every lesson view
    every = set()
    for widget, expected in views.items():
        page = next(p for p in window.pages if p.isAncestorOf(widget))
        window.tabs.setCurrentWidget(page)
        if page.page_name == "trajectories" and not widget.isVisible():
            page.show_source("playground")
        QTest.qWait(50)
        texts = right_click_menu(widget)
        assert all(text in [t.lower() for t in texts] for text in expected), (widget.objectName(), texts)
        every.update(texts)
    # the first word follows "Export" in lower case, a name keeps its capitals
    assert {"Export loss landscape…", "Export NumPy warm-up: loss curve…"} <= every, sorted(every)


@pytest.mark.parametrize("key", ["loss", "decision", "network", "example_network", "stepper", "window"])
def test_each_picture_exports_as_png_of_the_chosen_size_and_as_svg(window, tmp_path, key):
    png, svg = tmp_path / f"{key}.png", tmp_path / f"{key}.svg"
    assert window.files.export_to(key, png, (1000, 700)), window.files.last_error
    assert QImage(str(png)).size().toTuple() == (1000, 700)
    assert window.files.export_to(key, svg)
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg") and any(el.tag.endswith("text") for el in root.iter())


def test_loss_history_csv_has_one_row_per_recorded_epoch(window, tmp_path):
    path = tmp_path / "loss.csv"
    assert window.files.export_table("loss_csv", path)
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    h = window.playground.model.history
    assert len(rows) == len(h) >= 1
    assert [int(r["step"]) for r in rows] == list(h.steps) and float(rows[-1]["train_loss"]) == h.train[-1]


def test_trace_exports(window, tmp_path):
    assert window.files.export_table("trace_csv", tmp_path / "t.csv")
    rows = [r for r in csv.DictReader(io.StringIO((tmp_path / "t.csv").read_text())) if r["index"]]
    assert len(rows) == len(window.example.model.trace)
    assert window.files.export_table("trace_md", tmp_path / "t.md")
    text = (tmp_path / "t.md").read_text()
    assert "| Phase |" in text.replace("  ", " ") or "Phase" in text
    assert "0.75136507" in text


def test_export_failure_says_why_and_leaves_nothing(window, tmp_path):
    target = tmp_path / "missing" / "curve.png"
    assert not window.files.export_to("loss", target)
    assert str(target) in window.files.last_error and "does not exist" in window.files.last_error
    assert not window.files.export_to("loss", tmp_path / "curve.jpg")
    assert ".png or .svg" in window.files.last_error
    assert list(tmp_path.iterdir()) == []


def test_picture_dialog_keeps_proportions_and_follows_the_extension(qtbot, tmp_path):
    dialog = PictureExportDialog("loss curve", tmp_path / "curve.png", (800, 400))
    qtbot.addWidget(dialog)
    dialog.width_box.setValue(1600)
    assert dialog.height_box.value() == 800
    dialog.path.setText(str(tmp_path / "curve.svg"))
    assert dialog.format.currentText() == "SVG vector drawing" and not dialog.size_row.isEnabled()
    assert dialog.choice() == (str(tmp_path / "curve.svg"), None)
    dialog.format.setCurrentText("PNG image")
    assert dialog.path.text().endswith("curve.png") and dialog.choice()[1] == (1600, 800)


# ------------------------------------------------------------------------------------------------ failures
def message_boxes(window):
    from PySide6.QtWidgets import QMessageBox

    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


ODD_NAMES = {  # each without its extension: .csv and .png are tried
    "name too long": lambda tmp: str(tmp / ("n" * 300)),  # OSError (ENAMETOOLONG) escaped from is_dir
    "missing folder": lambda tmp: str(tmp / "no such folder" / "x"),
    "file as folder": lambda tmp: str(tmp / "plain.txt" / "x"),
    "existing folder": lambda tmp: str(tmp / "folder"),
    "nul": lambda tmp: str(tmp / "x\0y"),  # was ValueError
    "unknown user": lambda tmp: "~bpviz-no-such-user/x",  # was RuntimeError
    "under /sys": lambda tmp: "/sys/bpviz",
}


@pytest.mark.parametrize("kind", ODD_NAMES)
def test_exports_to_odd_places_fail_in_a_box_and_leave_nothing(qtbot, window, tmp_path, kind):
    (tmp_path / "plain.txt").write_text("x")
    (tmp_path / "folder.csv").mkdir()
    (tmp_path / "folder.png").mkdir()
    path = ODD_NAMES[kind](tmp_path)
    for export in (lambda p: window.files.export_table("loss_csv", p + ".csv"),
                   lambda p: window.files.export_to("loss", p + ".png")):
        assert not export(path)
        assert window.files.last_error.startswith("Cannot ") and "\n" not in window.files.last_error
        qtbot.waitUntil(lambda: len(message_boxes(window)) == 1, timeout=2000)
        message_boxes(window)[0].close()
        qtbot.waitUntil(lambda: not message_boxes(window), timeout=2000)
    assert sorted(os.listdir(tmp_path)) == ["folder.csv", "folder.png", "plain.txt"]
    assert os.listdir(tmp_path / "folder.csv") == os.listdir(tmp_path / "folder.png") == []


def test_a_long_path_is_elided_in_the_box_and_whole_in_the_details_and_status_bar(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    folder = tmp_path / ("a long folder name " * 6).strip()
    folder.mkdir()
    path = folder / ("n" * 300 + ".bpviz")
    width = window.width()
    assert not window.files.save_to(path)
    qtbot.waitUntil(lambda: len(message_boxes(window)) == 1, timeout=2000)
    box = message_boxes(window)[0]
    assert "…" in box.text() and box.text().endswith("the name is too long") and str(path) not in box.text()
    assert str(path) in box.detailedText() and str(path) in window.statusBar().currentMessage()
    assert box.sizeHint().width() < 700 and box.width() < 800  # a 250-character name asked for 2,028 px
    assert window.width() == width and window.minimumSizeHint().width() < 1280
    destroyed = []
    box.destroyed.connect(lambda: destroyed.append(True))
    box.close()
    qtbot.waitUntil(lambda: destroyed == [True], timeout=2000)  # deleted once closed
    assert not window.findChildren(QMessageBox)


def test_open_recent_keeps_what_can_be_a_path_and_drops_what_is_gone(qtbot, window, tmp_path):
    from PySide6.QtCore import QSettings

    good = tmp_path / "good.bpviz"
    assert window.files.save_to(good)
    absurd = "/" + "/".join(["d" * 255] * 15) + "/x.bpviz"  # 3,850 characters: a path no system opens
    QSettings().setValue("session/recent", [str(good.resolve()), 7, "", "a\0b", "x" * 10_000, {"a": 1},
                                            None, absurd, str(tmp_path / "gone.bpviz")])
    assert window.files.recent() == [str(good.resolve()), absurd, str(tmp_path / "gone.bpviz")]
    menu = window.files.recent_menu
    menu.aboutToShow.emit()
    actions = menu.actions()
    assert [a.statusTip() for a in actions] == window.files.recent()
    assert all(menu.fontMetrics().horizontalAdvance(a.text()) <= 300 for a in actions)  # names elided
    for action in actions[1:]:  # neither opens; both leave the list
        action.trigger()
        qtbot.waitUntil(lambda: len(message_boxes(window)) == 1, timeout=2000)
        message_boxes(window)[0].close()
        qtbot.waitUntil(lambda: not message_boxes(window), timeout=2000)
    assert window.files.recent() == [str(good.resolve())]


def test_a_big_picture_from_the_dialog_is_written_in_the_background(window, qtbot, tmp_path):
    """File > Export draws in the GUI thread and leaves PNG compression and the write to a worker: 4,000 x 4,000
    pixels held the GUI thread for ~0.7 s before (draw and encode there); the encoding is about half of it."""
    from gui_gaps import Heartbeat, wait_until

    path = tmp_path / "big.png"
    with Heartbeat() as beat:
        assert window.files.export_in_background("loss", path, (4000, 4000))
        assert window.files.writer.pending == 1
        assert wait_until(lambda: window.files.writer.pending == 0, 30)
    assert QImage(str(path)).size().toTuple() == (4000, 4000)
    assert "Exported" in window.statusBar().currentMessage()
    drawn_only = beat.largest_gap_ms
    start = time.perf_counter()
    assert window.files.export_to("loss", tmp_path / "again.png", (4000, 4000))  # drawn and encoded at once
    all_at_once = (time.perf_counter() - start) * 1000
    assert drawn_only < 0.8 * all_at_once, (drawn_only, all_at_once)


def test_a_background_export_that_cannot_be_written_says_so_and_leaves_nothing(window, qtbot, tmp_path):
    target = tmp_path / "missing" / "curve.png"
    assert not window.files.export_in_background("loss", target, (4000, 4000))  # said before a second of drawing
    assert window.files.writer.pending == 0
    assert str(target) in window.files.last_error and "does not exist" in window.files.last_error
    (tmp_path / "folder.png").mkdir()
    assert not window.files.export_in_background("loss", tmp_path / "folder.png", (4000, 4000))
    assert "it is a folder" in window.files.last_error
    (tmp_path / "folder.png").rmdir()
    assert not window.files.export_in_background("loss", tmp_path / "curve.jpg")
    assert list(tmp_path.iterdir()) == []


def test_closing_the_window_finishes_the_pictures_still_being_written(window, qtbot, tmp_path):
    paths = [tmp_path / f"p{k}.png" for k in range(3)]
    for path in paths:
        window.files.export_in_background("decision", path, (2000, 2000))
    window.close()  # its shutdown joins the writer after the writes asked for
    assert all(QImage(str(p)).size().toTuple() == (2000, 2000) for p in paths)
