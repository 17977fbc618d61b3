"""``bpviz --self-check``: prove an installation works, without a display.

Opens the main window offscreen (with throwaway settings), steps one whole worked-example pass and checks the
published error, trains one slice in the background thread, renders the window and exports a PNG and an SVG.
Prints one line per check; exit status 0 only if all pass. Made for smoke-testing the installers' bundles.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

PUBLISHED_E_TOTAL = 0.298371109


def run() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # always: an installed copy is checked the same way everywhere
    with tempfile.TemporaryDirectory(prefix="bpviz-self-check-") as tmp:
        return _checks(Path(tmp))


def _checks(tmp: Path) -> int:
    started = time.perf_counter()
    results: list[tuple[str, bool, str]] = []

    def check(name: str, ok: bool, detail: str = "") -> bool:
        results.append((name, bool(ok), detail))
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
        return bool(ok)

    from PySide6.QtCore import QEventLoop, QSettings, QThread, QTimer, qInstallMessageHandler
    from PySide6.QtGui import QImage

    def quiet(mode, context, message):  # the offscreen platform's one harmless warning; all else goes through
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)

    from bpviz import __version__
    from bpviz.gui.app import create_app

    app = create_app(["bpviz", "--self-check"])
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp / "settings"))
    from bpviz.gui.main_window import MainWindow, app_icon

    check("bpviz version", True, __version__)
    check("application icon", not app_icon().isNull())
    window = MainWindow(QSettings())
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    check("main window", window.isVisible(), f"{window.width()}x{window.height()}")

    stepper = window.example.stepper
    stepper.run_all()
    e_total = window.example.model.trace.quantities["E_total"]
    check("worked example pass", stepper.position() == len(stepper.trace()) - 1
          and abs(e_total - PUBLISHED_E_TOTAL) < 5e-10, f"E_total = {e_total:.9f}")

    page = window.playground
    window.tabs.setCurrentWidget(page)

    def wait_for(condition, seconds: float) -> bool:
        deadline = time.perf_counter() + seconds
        while not condition() and time.perf_counter() < deadline:
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()
        return condition()

    wait_for(lambda: page.frame is not None, 10)
    page.play()
    trained = wait_for(lambda: page.frame is not None and page.frame.snapshot.step > 0, 10)
    page.pause()
    wait_for(lambda: page.frame is not None and not page.frame.running, 5)
    steps = page.frame.snapshot.step if page.frame is not None else 0
    check("training slice (background thread)", trained, f"{steps} steps, loss {page.frame.snapshot.train_loss:.4f}"
          if page.frame is not None else "no frame from the training thread")

    lessons = {page.page_name: page for page in window.lesson_pages}
    try:
        for page_name in lessons:  # each page once on screen: built, laid out, drawn
            window.show_page(page_name)
            app.processEvents()
        graph, gradcheck = lessons["graph"], lessons["gradcheck"]
        graph.choose("shopping")
        graph.run_all()
        total = graph.evaluation.output_value
        ok = abs(total - 700.0) < 1e-9 and abs(graph.evaluation.grad("discount") - 1000.0) < 1e-9
        window.show_page("gradcheck")
        gradcheck.check()  # in the page's worker thread: wait for its result
        wait_for(lambda: not gradcheck.jobs.busy, 10)
        ok = ok and gradcheck.result is not None and gradcheck.result.passed()
        check("lesson pages", ok, f"{len(lessons)} pages; shopping total {total:g}; gradient check "
              f"{'passed' if gradcheck.result is not None and gradcheck.result.passed() else 'FAILED'}")
    except Exception as exc:
        check("lesson pages", False, f"{type(exc).__name__}: {exc}")
    window.show_page("playground")

    image = window.grab().toImage()
    check("render", not image.isNull() and image.width() > 0 and _not_blank(image),
          f"{image.width()}x{image.height()}")
    try:
        png = tmp / "check.png"
        svg = tmp / "check.svg"
        window.files.export_to("decision", png, (400, 400))
        window.files.export_to("network", svg)
        ok = QImage(str(png)).width() == 400 and svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
        check("export PNG and SVG", ok)
    except Exception as exc:  # a broken bundle (a missing plugin) must report, not crash the check
        check("export PNG and SVG", False, f"{type(exc).__name__}: {exc}")
    threads = window.findChildren(QThread)
    window.close()
    check("clean shutdown", not any(thread.isRunning() for thread in threads), f"{len(threads)} threads joined")
    failed = [name for name, ok, _ in results if not ok]
    seconds = time.perf_counter() - started
    print(f"self-check {'passed' if not failed else 'FAILED: ' + ', '.join(failed)} in {seconds:.1f} s")
    return 0 if not failed else 1


def _not_blank(image) -> bool:
    """More than one colour in a coarse sample of the picture."""
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)}
    return len(colours) > 3


if __name__ == "__main__":
    sys.exit(run())
