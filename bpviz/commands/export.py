"""``--export DIR`` of ``bpviz train`` and ``bpviz example``: the window's pictures and tables, headless.

The same widgets as the window draw the pictures, on Qt's offscreen platform (chosen before Qt loads), so the
files match what the window exports and no window appears.
"""

from __future__ import annotations

import os
from pathlib import Path

from bpviz.commands.args import UsageError

PICTURE_SIZE = (1200, 800)
PLOT_SIZE = (900, 600)


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
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["bpviz"])


def _shown(widget, size):
    """Widgets lay out at their real size only once shown (offscreen: nothing appears)."""
    widget.resize(*size)
    widget.show()
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    return widget


def export_training(trainer, folder: str) -> list[Path]:
    """loss-history.csv, loss-curve, decision-region and network (.png and .svg), session.bpviz. A regression
    run's decision-region picture shows the output value and the targets on the −1 … +1 scale, as the window."""
    from bpviz.files import FileError
    from bpviz.reports import loss_history_csv
    from bpviz.session import PlaygroundState, Session, save_session

    out = _folder(folder)
    _qt_app()
    from bpviz.engine.features import FEATURE_LABELS
    from bpviz.engine.grid import GridEvaluator
    from bpviz.gui.export.pictures import export_picture
    from bpviz.gui.widgets.diagram.view import NetworkDiagram
    from bpviz.gui.widgets.plots.decision_plot import DecisionPlot
    from bpviz.gui.widgets.plots.loss_plot import LossPlot
    from bpviz.models.diagram import from_parameters

    snap, config = trainer.snapshot(), trainer.config
    h = snap.history
    maps = GridEvaluator(config.sizes, config.features, config.activation,
                         trainer.network.output.name).evaluate(snap.weights, snap.biases)
    loss = _shown(LossPlot(), PLOT_SIZE)
    loss.set_history(snap.history)
    decision = _shown(DecisionPlot(), PLOT_SIZE)
    d = trainer.data
    decision.set_data(d.X_train, d.y_train, d.X_test, d.y_test, regression=config.is_regression)
    decision.set_region(maps.region, maps.extent)
    diagram = _shown(NetworkDiagram(), PICTURE_SIZE)
    diagram.set_state(from_parameters(config.sizes, snap.weights, snap.biases, weight_grads=snap.grad_weights,
                                      bias_grads=snap.grad_biases, neuron_images=maps.neurons,
                                      input_labels=tuple(FEATURE_LABELS[f] for f in config.features)))
    written = []
    try:
        from bpviz.files import write_text

        written.append(write_text(out / "loss-history.csv",
                                  loss_history_csv(h.epochs, h.steps, h.train, h.test)))
        for name, target, size in (("loss-curve", loss.plot, PLOT_SIZE), ("decision-region", decision.plot, PLOT_SIZE),
                                   ("network", diagram, PICTURE_SIZE)):
            written.append(export_picture(target, out / f"{name}.png", size))
            written.append(export_picture(target, out / f"{name}.svg"))
        state = PlaygroundState(config, snap.weights, snap.biases, snap.step, snap.epoch, snap.history)
        written.append(save_session(out / "session.bpviz", Session(playground=state)))
    except FileError as exc:
        raise UsageError(str(exc)) from None
    finally:
        for widget in (loss, decision, diagram):
            widget.close()
    return written


def export_example(trace, params, update_biases: bool, folder: str) -> list[Path]:
    """trace.csv, trace.md and the diagram of the finished pass (network.png, network.svg)."""
    from bpviz.files import FileError, write_text
    from bpviz.reports import trace_csv, trace_markdown

    out = _folder(folder)
    _qt_app()
    from bpviz.gui.export.pictures import export_picture
    from bpviz.gui.widgets.diagram.view import NetworkDiagram
    from bpviz.models.diagram import from_trace

    diagram = _shown(NetworkDiagram(), PICTURE_SIZE)
    diagram.set_state(from_trace(trace, len(trace) - 1))
    title = (f"Worked example: one pass of the 2-2-2 network (η = {params.lr:g}, biases "
             f"{'updated' if update_biases else 'fixed'})")
    try:
        written = [write_text(out / "trace.csv", trace_csv(trace, params.to_dict())),
                   write_text(out / "trace.md", trace_markdown(trace, title)),
                   export_picture(diagram, out / "network.png", PICTURE_SIZE),
                   export_picture(diagram, out / "network.svg")]
    except FileError as exc:
        raise UsageError(str(exc)) from None
    finally:
        diagram.close()
    return written
