"""Running many passes: the error curve and the summary."""

import numpy as np
from PySide6.QtCore import Qt

from bpviz.engine.presets import ExampleParams, run_example
from bpviz.gui.widgets.controls.iterate_panel import IteratePanel


def test_run_request_and_display(qtbot):
    panel = IteratePanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.passes.setCurrentText("1000")
    with qtbot.waitSignal(panel.runRequested, timeout=1000) as sig:
        qtbot.mouseClick(panel.run_button, Qt.LeftButton)
    assert sig.args == [1000]
    run = run_example(ExampleParams(), 1000)
    panel.show_run(run, ExampleParams())
    x, y = panel.curve.getOriginalDataset()
    assert len(x) == 1000 and x[0] == 1 and np.allclose(y, run.errors)
    assert np.all(np.diff(run.errors) < 0)  # the error falls at every pass
    assert "Pass 1,000" in panel.summary.text() and "target 0.01" in panel.summary.text()
    assert panel.continue_button.isEnabled()


def test_bad_pass_counts_are_refused(qtbot):
    panel = IteratePanel()
    qtbot.addWidget(panel)
    emitted = []
    panel.runRequested.connect(emitted.append)
    for text in ("0", "ten", "1000001"):
        panel.passes.setCurrentText(text)
        qtbot.mouseClick(panel.run_button, Qt.LeftButton)
        assert panel.message.text().startswith("Refused")
    assert emitted == []
