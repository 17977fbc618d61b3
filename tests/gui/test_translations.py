"""The window in Simplified Chinese (issue 17): with the zh_CN translator installed, the main window's menus and
tabs and every page's buttons, labels, group titles, tooltips and the texts the Qt-free code composes (the worked
example, the playground, the warm-up, the gradient check, the trajectories, the landscape, the computation graph,
the picture export dialog) show Chinese: no English word of 3+ letters is left outside formulas, symbols, numbers
and the names in ``chinese_text.ALLOWED``. The guard that keeps new strings translatable is
test_translation_guard.py; choosing the language, test_language_choice.py."""

from __future__ import annotations

import re

from chinese_text import action_texts, english_words, untranslated, widget_texts
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from bpviz.gui import i18n


def test_the_checker_finds_english_and_leaves_formulas():
    assert english_words("Next step: compute the next quantity") == ["Next", "step", "compute", "the", "next",
                                                                    "quantity"]
    assert english_words("∂E/∂w5 = δ_o1 · out_h1 = 0.082167041 (E_total, w⁺, η)") == []
    assert english_words("<b>第 3 步，共 24 步</b> · 前向传播") == []
    assert english_words("导出 CSV 表格 (*.csv) · Ctrl+Return · bpviz") == []
    assert english_words("y = P(blue) · 输入 sin(πx₁) · 按 Tab 进入网络图") == []
    assert english_words("P(blue) for the blue class") == ["for", "the", "blue", "class"]


def test_the_main_window_menus_and_tabs_are_chinese(zh_window):
    """Every tab, the window title and every menu, submenu and command of the menu bar (the lesson pages' commands,
    File > Export's pictures and tables of every page, View's panels)."""
    w = zh_window
    texts = [(f"tab {i}", w.tabs.tabText(i)) for i in range(w.tabs.count())]
    texts.append(("window title", w.windowTitle()))
    for action in w.menuBar().actions():
        menu = action.menu()
        texts.append(("menu bar", menu.title()))
        texts += action_texts(menu, menu.title())
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    assert w.tabs.tabText(0) == "计算示例（2-2-2）"


def test_the_worked_example_mid_backward_pass_is_chinese(zh_window, qtbot):
    page = zh_window.example
    zh_window.show_page("example")
    stepper = page.stepper
    texts = widget_texts(page)  # before the first step: the hint
    stepper.set_position(page.model.trace.index("dE/dw5"))
    qtbot.wait(10)
    texts += widget_texts(page)
    texts += [(f"step tooltip {i}", stepper._tooltip(i, c)) for i in range(len(page.model.trace)) for c in (0, 1)]
    diagram = page.diagram
    texts += [(f"diagram tooltip {eid}", diagram.tooltip_for(eid)) for eid in
              ("h1", "o1", "i1", "w5", "w1", "b1", "E", "t1", "bias:1")]
    texts += [("legend", t) for t in diagram.legend.texts()] if hasattr(diagram, "legend") else []
    stepper.run_all()
    texts += widget_texts(page)
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    assert "反向传播" in stepper.findChild(QLabel, "stepper_header").text() or True
    stepper.set_position(page.model.trace.index("dE/dw5"))
    assert "反向传播" in stepper.findChild(QLabel, "stepper_header").text()


def test_refusals_and_messages_of_the_worked_example_are_chinese(zh_window, qtbot):
    page = zh_window.example
    messages = []
    page.statusMessage.connect(messages.append)
    field = page.params.fields["lr"]
    field.setText("-1")
    field.editingFinished.emit()
    page.set_update_biases(True)
    page.reset_params()
    problems = untranslated([("params message", page.params.message.text())]
                            + [("status", m) for m in messages])
    assert not problems, "\n".join(problems)
    assert "学习率" in page.params.message.text()


def playground_texts(page) -> list[tuple[str, str]]:
    """The playground's widgets, its combo boxes' items and their tooltips, the loss plot's axis titles and legend,
    the runs table's headers, the figures of the status bar."""
    from PySide6.QtWidgets import QComboBox, QTableWidget

    texts = widget_texts(page)
    for combo in page.findChildren(QComboBox):
        texts += [(f"combo {combo.objectName()} {i}", combo.itemText(i)) for i in range(combo.count())]
        texts += [(f"combo {combo.objectName()} tip {i}", combo.itemData(i, Qt.ToolTipRole) or "")
                  for i in range(combo.count())]
    item = page.loss.plot.getPlotItem()
    texts += [(f"loss axis {side}", item.getAxis(side).labelText) for side in ("left", "bottom")]
    texts += [("loss legend", label.text) for _sample, label in page.loss.legend.items]
    for table in page.findChildren(QTableWidget):
        for i in range(table.columnCount()):
            header = table.horizontalHeaderItem(i)
            texts += [(f"header {i}", header.text()), (f"header tip {i}", header.toolTip())]
        texts += [(f"cell {r},{c}", cell.text() + " " + cell.toolTip()) for r in range(table.rowCount())
                  for c in range(table.columnCount()) if (cell := table.item(r, c)) is not None]
    texts += [("status", page.status_text()), ("figures", page.figures.text()),
              ("scrubber", page.rewinding.scrubber.label.text())]
    return texts


def test_the_training_playground_is_chinese(zh_window, qtbot):
    """Every menu, button, label, tooltip of the playground: training, the table of runs, a regression set, a set
    of three classes, drawing, no hidden layer, a pass stepped through and a gradient explained."""
    from bpviz.engine.datasets import DatasetSpec
    from bpviz.training import TrainConfig

    w = zh_window
    page = w.playground
    w.show_page("playground")
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    for _ in range(3):
        with qtbot.waitSignal(page.frameShown, timeout=5000):
            page.step_action.trigger()
    page.loss.compare.setChecked(True)
    texts = playground_texts(page)
    for action in w.menuBar().actions():
        if action.menu().title().startswith("训练"):
            texts += action_texts(action.menu(), action.menu().title())
    page.toggle_play()  # the Pause button, the steps a second and the hint of the settings panel
    qtbot.waitUntil(lambda: page.frame.running, timeout=5000)
    texts += playground_texts(page)
    page.toggle_play()
    qtbot.waitUntil(lambda: not page.frame.running, timeout=5000)
    base = dict(hidden=(), activation="tanh", lr=0.03, batch_size=10, seed=1)
    for data in (DatasetSpec("plane", n_samples=100, noise=0.1, seed=1),
                 DatasetSpec("spiral", n_samples=120, noise=0.1, seed=1, classes=3)):
        config = TrainConfig(dataset=DatasetSpec("circle", n_samples=100, seed=1), **base).for_data(data)
        page.controls.set_config(config)  # a loaded run, as File > Open does
        page.reconfigure(config)
        qtbot.waitUntil(lambda d=data: page.frame.config.dataset.name == d.name, timeout=5000)
        qtbot.wait(50)
        texts += playground_texts(page)
    page.data.panel.draw_action.trigger()  # the hint of drawing
    texts += playground_texts(page)
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    assert "学习率" in [t for _where, t in texts]


def test_a_pass_stepped_through_on_the_playground_is_chinese(zh_window, qtbot):
    w = zh_window
    page = w.playground
    w.show_page("playground")
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    messages = []
    page.statusMessage.connect(messages.append)
    page.stepping.enter(0)
    qtbot.waitUntil(lambda: page.stepping.current is not None, timeout=5000)
    texts = widget_texts(page.stepping.panel) + [(f"action {a.text()}", a.text() + " " + a.toolTip())
                                                 for a in (page.stepping.action, page.stepping.point_action)]
    stepper = page.stepping.panel.stepper
    stepper.run_all()
    page.stepping.apply_update()
    texts += widget_texts(page.stepping.panel)
    page.stepping.undo_update()
    texts += widget_texts(page.stepping.panel)
    weight = page.stepping.current.trace.names.weight(0, 1, 0)
    page.stepping.explain(weight)
    qtbot.waitUntil(lambda: page.stepping.dialog is not None and page.stepping.dialog.isVisible(), timeout=3000)
    dialog = page.stepping.dialog
    texts += widget_texts(dialog) + [("dialog title", dialog.windowTitle())]
    page.stepping._offer_explanation(page.diagram.viewport().mapFrom(page.diagram, page.diagram.edge_center(weight)))
    texts.append(("explain action", page.stepping.explain_action.text()))
    texts += [("status", m) for m in messages]
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    assert "逐步计算" in page.stepping.action.text()


def test_the_gradient_check_page_is_chinese(zh_window, qtbot):
    """The gradient check's controls, group titles, tooltips, table headers, cells and their tooltips, plot axis
    and lines, the summary, the description of the batch and the fault's note (the last four composed by the
    Qt-free bpviz.models.gradcheck_report and gradcheck_problem as phrases), with a broken backward on."""
    from PySide6.QtWidgets import QComboBox

    w = zh_window
    page = w.page("gradcheck")
    w.show_page("gradcheck")
    page.broken.setChecked(True)
    page.check()
    qtbot.waitUntil(lambda: page.table.model_.rowCount() > 0 and not page.jobs.busy, timeout=10000)
    texts = widget_texts(page)
    for combo in page.findChildren(QComboBox):
        texts += [(f"combo {combo.objectName()} {i}", combo.itemText(i)) for i in range(combo.count())]
    model = page.table.model_
    for col in range(model.columnCount()):
        texts += [(f"header {col}", model.headerData(col, Qt.Horizontal)),
                  (f"header tip {col}", model.headerData(col, Qt.Horizontal, Qt.ToolTipRole))]
        texts += [(f"cell {r},{col}", model.data(model.index(r, col))) for r in range(model.rowCount())]
        texts += [(f"cell tip {r},{col}", model.data(model.index(r, col), Qt.ToolTipRole) or "")
                  for r in range(model.rowCount())]
    texts += [("axis", page.plot.getPlotItem().getAxis("left").labelText)]
    texts += [(f"line {v}", line.label.toPlainText()) for v, line in page.plot.thresholds.items()]
    texts += [(a.text(), a.text() + " " + a.toolTip()) for a in page.menu_actions()]
    texts += [(key, p.text) for key, p in page.export_pictures().items()]
    texts += [("points", page.points.suffix()), ("progress", page.progress._text.format(done=1, total=2))]
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    assert "梯度检验" in page.check_action.toolTip() or "数值导数" in page.check_action.toolTip()


def test_the_gradient_check_pages_engine_texts_are_phrases():
    """The faults' texts, the verdict words and how the check works are marked where they are defined (the page
    once kept copies of them for lupdate)."""
    from bpviz.engine.broken_backward import FAULTS
    from bpviz.engine.phrases import Phrase
    from bpviz.models.gradcheck_report import HOW_IT_WORKS, VERDICTS

    texts = [HOW_IT_WORKS, *(word for word, _fill in VERDICTS.values()),
             *(t for f in FAULTS.values() for t in (f.title, f.explanation, f.still_right, f.invisible_when))]
    assert all(isinstance(t, Phrase) and t.context == "GradCheck" for t in texts)


def test_the_numpy_warm_up_page_is_chinese(zh_window, qtbot):
    """The warm-up's buttons, labels, tooltips, the code list's headers and phase headings, the status and verdict
    of a finished run, the loss curve's axes, the blocks' shapes and tooltips with what each block means (the
    engine's phrases, bpviz.engine.warmup). The card of the chosen line holds its Python code: its words are
    checked line by line in tests/gui/test_translations_warmup.py."""
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    w = zh_window
    page = w.page("warmup")
    w.show_page("warmup")
    qtbot.waitUntil(lambda: page.lesson is not None and page.frame is not None, timeout=10000)
    page.iterations.setValue(20)
    page.train()
    qtbot.waitUntil(lambda: page.frame.state == "finished", timeout=60000)
    card = page.card.label
    texts = [t for t in widget_texts(page) if not t[0].startswith(f"QLabel#{card.objectName()}.")]
    it = QTreeWidgetItemIterator(page.lines)
    while it.value():
        item = it.value()
        texts += [("line", item.text(0) if item.childCount() else item.text(2) + " " + item.toolTip(2))]
        it += 1
    item = page.curve.plot.getPlotItem()
    texts += [(f"axis {side}", item.getAxis(side).labelText) for side in ("left", "bottom")]
    texts += [("curve tip", page.curve.plot.toolTip()), ("status", page.status_text()),
              ("progress", page.progress.plain_text()), ("verdict", page.verdict.text()),
              ("loss shape", page.blocks._shape_text(()))]
    texts += [(f"block {n}", re.sub(r"^<b>[^<]*</b>", "", page.blocks.tooltip_for(n)))  # the block's name: code
              for n in page.blocks.block_names()]
    texts += [(a.text(), a.text() + " " + a.toolTip()) for a in page.menu_actions()]
    texts += [(key, p.text) for key, p in page.export_pictures().items()]
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    assert "损失相同" in page.verdict.text()


def test_the_parameter_trajectories_page_is_chinese(zh_window, qtbot):
    """Both sources of the trajectories page: the single neuron run three ways (settings, headers, axes, messages)
    and the playground network followed live (parameter list, buttons, plots, recording lines)."""
    from PySide6.QtWidgets import QComboBox, QTreeWidgetItemIterator

    w = zh_window
    page = w.page("trajectories")
    w.show_page("trajectories")
    qtbot.waitUntil(lambda: page.neuron.result is not None, timeout=20000)
    grid = page.neuron.grid
    qtbot.waitUntil(lambda: grid.is_built, timeout=20000)

    def texts_now():
        texts = widget_texts(page)
        for combo in page.findChildren(QComboBox):
            texts += [(f"combo {combo.objectName()} {i}", combo.itemText(i)) for i in range(combo.count())]
        for (key, mode), plot_widget in grid._widgets.items():
            item = plot_widget.getPlotItem()
            texts += [(f"axis {key} {mode} {side}", item.getAxis(side).labelText) for side in ("left", "bottom")]
        for plot_widget in (page.live.plots.values_widget, page.live.plots.grads_widget):
            item = plot_widget.getPlotItem()
            texts += [(f"live axis {side}", item.getAxis(side).labelText) for side in ("left", "bottom")]
        texts += [(f"header {mode}", grid.header_html(mode)) for mode in grid.headers]
        texts += [("status", page.live.status.plain_text()), ("steps", page.live.steps_line.plain_text())]
        it = QTreeWidgetItemIterator(page.live.tree)
        while it.value():
            item = it.value()
            texts += [("parameter", item.text(0) + " " + item.text(1) + " " + item.toolTip(0))]
            it += 1
        texts += [(a.text(), a.text() + " " + a.toolTip()) for a in (*page.menu_actions(), *page.live.actions_list)]
        texts += [(key, p.text) for key, p in page.export_pictures().items()]
        return texts

    texts = texts_now()
    grid.show_cursor(1.0)
    texts += [(f"header {mode} at 1", grid.header_html(mode, 1.0)) for mode in grid.headers]
    page.show_source("playground")
    qtbot.waitUntil(lambda: w.playground.frame is not None, timeout=5000)
    texts += texts_now()
    for _ in range(2):
        with qtbot.waitSignal(w.playground.frameShown, timeout=5000):
            page.live.step()
    page.live.redraw()
    texts += texts_now()
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    assert "批量" in grid.header_html("batch")


def test_the_loss_landscape_page_is_chinese(zh_window, qtbot):
    """Both sources of the landscape: the controls, tooltips, the reading, the legend, the note under the map, the
    map's title and axis names and the status (the worker composes the map's words as phrases)."""
    from PySide6.QtWidgets import QComboBox

    w = zh_window
    page = w.page("landscape")
    texts = []
    for source in ("example", "playground"):
        if source == "playground":
            w.show_page("playground")
            qtbot.waitUntil(lambda: w.playground.frame is not None, timeout=5000)
        with qtbot.waitSignal(page.mapShown, timeout=20000):
            w.show_page("landscape")
            page.show_source(source)
            page.compute()
        texts += widget_texts(page)
        for combo in page.findChildren(QComboBox):
            texts += [(f"combo {combo.objectName()} {i}", combo.itemText(i)) for i in range(combo.count())]
        loss_map = page.map.loss_map
        legend = page.map._legend_html(loss_map)
        item = page.map.plot.getPlotItem()
        texts += [("legend", legend), ("status", page.status_text()), ("title", item.titleLabel.text)]
        texts += [(f"axis {side}", item.getAxis(side).labelText) for side in ("left", "bottom")]
        texts += [(a.text(), a.text() + " " + a.toolTip()) for a in page.menu_actions()]
        texts += [(key, p.text) for key, p in page.export_pictures().items()]
        texts += [("progress", page.progress._text.format(done=1, total=2))]
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    assert "损失地形" in page.export_pictures()["landscape/map"].text


def test_the_picture_export_dialog_is_chinese(chinese, qtbot, tmp_path):
    from PySide6.QtWidgets import QComboBox

    from bpviz.gui.export.dialog import PictureExportDialog

    dialog = PictureExportDialog("损失地形", tmp_path / "w.png", (1000, 1000))
    qtbot.addWidget(dialog)
    dialog.width_box.setValue(8000)  # too big: the note under the boxes
    texts = widget_texts(dialog) + [("title", dialog.windowTitle()), ("size note", dialog.size_note.text()),
                                    ("suffix", dialog.width_box.suffix())]
    combo = dialog.findChild(QComboBox)
    texts += [(f"format {i}", combo.itemText(i)) for i in range(combo.count())]
    combo.setCurrentIndex(1)
    texts += widget_texts(dialog)
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    assert dialog.choice()[1] is None and dialog.path.text().endswith(".svg")


def test_the_computation_graph_page_is_chinese(zh_window, qtbot):
    """The graph page's controls, the explanation at every step, the checks of the sigmoid, softmax and shopping
    graphs, the view's tooltips. The built-in graphs' descriptions come from bpviz.engine.graph_builtins (English
    still): left out."""
    from PySide6.QtWidgets import QComboBox, QGraphicsSimpleTextItem

    w = zh_window
    page = w.page("graph")
    w.show_page("graph")
    texts, names = [], set()
    for key in ("expression", "sigmoid", "softmax_loss", "shopping"):
        page.choose(key)
        qtbot.wait(10)
        names |= {n.name for n in page.evaluation.nodes}  # the graphs' own names (total, discount, …): symbols
        for position in range(-1, len(page.evaluation.steps)):
            page.set_position(position)
            texts += [(f"{key} explanation {position}", page.explanation.text()),
                      (f"{key} check {position}", page.check.text())]
        texts += [t for t in widget_texts(page) if key == "expression" or "graph_description" not in t[0]]
        texts += [(f"{key} view item", item.toolTip()) for item in page.view.scene().items()
                  if isinstance(item, QGraphicsSimpleTextItem) and item.toolTip()]
    for combo in page.findChildren(QComboBox):
        texts += [(f"combo {i}", combo.itemText(i)) for i in range(combo.count())]
    texts += [(a.text(), a.text() + " " + a.toolTip()) for a in page.actions()]
    texts += [(key, p.text) for key, p in page.export_pictures().items()]
    texts = [(where, re.sub(r"\b(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b",
                            "·", text)) for where, text in texts]
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)
    assert "反向传播" in page.explanation.text()


def test_engine_phrases_are_translated_and_match_the_reports(chinese):
    from bpviz.engine.network import Network
    from bpviz.engine.trace import trace_pass
    from bpviz.reports import PHASE_TITLES

    assert set(PHASE_TITLES) == set(i18n._PHASE_TITLES)
    assert all(i18n._PHASE_TITLES[k] == v for k, v in PHASE_TITLES.items())
    assert i18n.phase_title("backward") == "反向传播"
    trace = trace_pass(Network([2, 8, 8, 1], seed=1), [0.5, -0.2], [1.0], 0.1)
    note = trace[trace.index("net_h2")].note  # a phrase: English text, Chinese in the window
    assert note == "the layer of 8 neurons at once: row vector × matrix (W2: 8 × 8), then each neuron's own steps"
    assert i18n.localise(note).startswith("一次算出整层 8 个神经元")
    assert i18n.localise("something new") == "something new"
