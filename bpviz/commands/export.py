"""``--export DIR`` of ``bpviz train``, ``bpviz example`` and ``bpviz landscape``: the window's pictures and tables,
headless.

The window's own pages draw them (the playground page without its training thread, given the trained state as
a frame; the worked-example page at the end of its pass) on Qt's offscreen platform, chosen before Qt loads, and
``bpviz.gui.export.views.write_folder`` writes them: the function behind File > Export. So the files are the
ones the window exports (PNG at twice the size on screen, as the export dialog's 2× button), and no window
appears.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bpviz.commands.args import UsageError

WINDOW_SIZE = (1280, 800)  # the pages are laid out as in a window of the default size
PNG_SCALE = 2
# Qt says this of every window shown offscreen; on the command line it is noise
HARMLESS_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)


def _folder(path: str) -> Path:
    folder = Path(path).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from bpviz.files import reason

        raise UsageError(f"cannot create the export folder {folder}: {reason(exc)}") from None
    return folder


def _qt_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads: draw without a window or display
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def quiet(_kind, _context, message: str) -> None:
        if message not in HARMLESS_QT_MESSAGES:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    return QApplication.instance() or QApplication(["bpviz"])


def _shown(page):
    """A page lays out at its real size only once shown (offscreen: nothing appears)."""
    from PySide6.QtWidgets import QApplication

    page.resize(*WINDOW_SIZE)
    page.show()
    for _ in range(3):
        QApplication.processEvents()
    return page


def _write(folder: Path, pictures: dict, tables: dict) -> list[Path]:
    from bpviz.files import FileError
    from bpviz.gui.export.pictures import picture_size
    from bpviz.gui.export.views import write_folder

    sizes = {key: tuple(PNG_SCALE * v for v in picture_size(p.target)) for key, p in pictures.items()}
    try:
        return write_folder(folder, pictures, tables, sizes)
    except FileError as exc:
        raise UsageError(str(exc)) from None


def export_training(trainer, folder: str) -> list[Path]:
    """loss-history.csv, loss-curve, decision-region and network (.png and .svg), session.bpviz. A regression
    run's decision-region picture shows the output value and the targets on the −1 … +1 scale, as the window."""
    out = _folder(folder)
    _qt_app()
    from bpviz.engine.grid import GridEvaluator
    from bpviz.files import FileError
    from bpviz.gui.pages.playground import PlaygroundPage
    from bpviz.session import Session, save_session
    from bpviz.training.frames import Frame

    snap, config = trainer.snapshot(), trainer.config
    maps = GridEvaluator(config.sizes, config.features, config.activation,
                         trainer.network.output.name).evaluate(snap.weights, snap.biases)
    page = _shown(PlaygroundPage(config, train=False))
    try:
        page.show_frame(Frame(1, config, trainer.data, snap, maps, 0.0, False))
        written = _write(out, page.export_pictures(), page.export_tables())
        try:
            written.append(save_session(out / "session.bpviz", Session(playground=page.model.session_state())))
        except FileError as exc:
            raise UsageError(str(exc)) from None
    finally:
        page.close()
    return written


def export_example(model, folder: str) -> list[Path]:
    """trace.csv, trace.md and the diagram of the finished pass (network.png, network.svg) of ``model`` (an
    ExampleModel with the starting numbers asked for)."""
    out = _folder(folder)
    _qt_app()
    from dataclasses import replace

    from bpviz.gui.pages.example import ExamplePage

    page = _shown(ExamplePage(model))
    try:
        page.stepper.set_position(len(model.trace) - 1)  # the finished pass: every value on the diagram
        tables = {key: replace(table, stem="trace") for key, table in page.export_tables().items()}
        diagram = replace(page.export_pictures()["example_network"], stem="network")
        return _write(out, {"example_network": diagram}, tables)
    finally:
        page.close()


LANDSCAPE_SIZE = (900, 760)  # the map as the Loss landscape page shows it at the default window size


def export_landscape(params, axes, span, steps, path, update_biases: bool, folder: str) -> list[Path]:
    """landscape.png and landscape.svg: the worked example's E_total over ``axes`` with its contours, the ``path``
    (the two parameters after each pass, as ``engine.landscape.example_path`` gives it) and the gradient arrow,
    drawn by the window's LandscapeMap."""
    out = _folder(folder)
    _qt_app()
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from bpviz.gui.export.views import Picture
    from bpviz.gui.widgets.landscape.map_plot import LandscapeMap
    from bpviz.gui.workers.landscape import ExampleRequest

    loss_map = ExampleRequest(params, tuple(axes), span, steps, len(path), update_biases, path)()
    widget = LandscapeMap()
    try:
        widget.resize(*LANDSCAPE_SIZE)
        widget.show()
        QApplication.processEvents()
        widget.show_map(loss_map)
        QApplication.processEvents()
        return _write(out, {"landscape": Picture("Loss landscape", "landscape", widget.plot)}, {})
    finally:
        # deleted now, while its Python parts live: a plot left to the garbage collector lays out graphics items
        # whose Python side is gone (pyqtgraph's LabelItem then raises in sizeHint)
        widget.close()
        widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
