"""The notes and texts of stepped passes in a Chinese window (issue 17): what bpviz.engine.trace writes under a step
(a layer at once, a fused δ, a batch's loss), what a pass on the playground is of (bpviz.models.stepped_pass), the
stepper's header and hints, the step list's rows and tooltips, the diagram's tooltips, the "Explain ∂E/∂w" dialog,
and the refusals of the settings (bpviz.engine.checks, bpviz.training.config, bpviz.engine.presets). Every step of
every pass is looked at, for networks of each kind; the formulas, symbols and numbers stay as they are, and the
English window shows the same English as before.
"""

from __future__ import annotations

import math

import pytest
from chinese_text import english_words, untranslated, widget_texts
from PySide6.QtWidgets import QTreeWidgetItemIterator

from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.network import Network
from bpviz.engine.presets import ExampleParams
from bpviz.engine.trace import trace_pass
from bpviz.gui import i18n
from bpviz.gui.widgets.diagram.keys import describe
from bpviz.training import TrainConfig

problems = untranslated  # the texts with English words left ("sign" of λ·sign(w) and "inf" are allowed)


def step_list_texts(stepper) -> list[tuple[str, str]]:
    """Every row of the step list (phase headers and steps, both columns) and every tooltip it gives."""
    texts = []
    iterator = QTreeWidgetItemIterator(stepper._tree)
    while item := iterator.value():
        texts += [(f"step row {item.text(0)}", item.text(0) + " " + item.text(1))]
        iterator += 1
    trace = stepper.trace()
    texts += [(f"step tooltip {i}.{c}", stepper._tooltip(i, c)) for i in range(len(trace)) for c in (0, 1)]
    return texts


def walk(stepper, root, diagram, qtbot) -> tuple[list[tuple[str, str]], list[str]]:
    """Every step of the stepper's pass, one by one: the texts under ``root`` (header, card, note, hint) and the
    diagram's tooltips of the elements each step touches; and the notes met."""
    trace = stepper.trace()
    stepper.reset()
    texts = widget_texts(root)
    notes = []
    for position in range(len(trace)):
        stepper.set_position(position)
        step = trace.steps[position]
        if step.note:
            notes.append(stepper._card.note_label.text())
        texts += [(f"step {position} {where}", text) for where, text in widget_texts(root)]
        texts += [(f"step {position} diagram {eid}", diagram.tooltip_for(eid) + " " + describe(diagram.state(), eid))
                  for eid in {*step.reads, *step.writes}]  # the tooltip and what a screen reader says
    qtbot.wait(1)
    texts += step_list_texts(stepper)
    return texts, notes


# ----------------------------------------------------------------------------------------------- the playground
NETWORKS = {  # name -> (TrainConfig arguments, the pass on the next mini-batch)
    "2 classes, sigmoid and cross-entropy": (dict(hidden=(3, 2), loss="bce"), False),
    "2 classes, squared error": (dict(hidden=(2,), loss="half_sse", activation="sigmoid"), False),
    "2 classes, softmax": (dict(hidden=(2,), loss="softmax_ce"), False),
    "3 classes, softmax, a wide layer": (dict(dataset=DatasetSpec("spiral", n_samples=90, seed=1, classes=3),
                                              hidden=(6, 5), loss="softmax_ce"), False),
    "regression": (dict(dataset=DatasetSpec("plane", n_samples=60, seed=1), hidden=(2,), loss="half_sse"), False),
    "features and L2": (dict(hidden=(3,), features=("x1", "x2", "x1^2", "x1*x2", "sin(x2)"), regularization="l2",
                             reg_rate=0.01), False),
    "L1, a batch of several points": (dict(hidden=(2,), regularization="l1", reg_rate=0.01, batch_size=5), True),
    "a batch of several points, a wide layer": (dict(hidden=(5,), batch_size=4), True),
    "no hidden layer": (dict(hidden=()), False),
}


def configure(qtbot, page, **settings) -> TrainConfig:
    base = dict(dataset=DatasetSpec("xor", n_samples=60, noise=0.1, seed=2), activation="tanh", lr=0.1,
                batch_size=10, seed=1)
    config = TrainConfig(**{**base, **settings})
    page.controls.set_config(config)  # a loaded run, as File > Open does
    page.reconfigure(config)
    qtbot.waitUntil(lambda: page.frame is not None and page.frame.config == config, timeout=5000)
    return config


@pytest.mark.parametrize("name", NETWORKS)
def test_every_step_of_a_pass_on_the_playground_is_chinese(zh_window, qtbot, name):
    settings, batch = NETWORKS[name]
    w = zh_window
    page = w.playground
    w.show_page("playground")
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    configure(qtbot, page, **settings)
    messages = []
    page.statusMessage.connect(messages.append)
    stepping = page.stepping
    stepping.enter(3)
    qtbot.waitUntil(lambda: stepping.current is not None, timeout=5000)
    if batch:
        stepping.panel.source.setCurrentIndex(1)  # the next mini-batch
        qtbot.waitUntil(lambda: stepping.current is not None and len(stepping.current.points) > 1, timeout=5000)
    stepper = stepping.panel.stepper
    texts, notes = walk(stepper, stepping.panel, page.diagram, qtbot)
    stepping.apply_update()
    texts += widget_texts(stepping.panel)
    stepping.undo_update()
    texts += widget_texts(stepping.panel)
    trace = stepping.current.trace
    for param in (trace.names.weight(0, 1, 0), trace.names.bias(trace.names.n_layers - 1, 0)):
        stepping.explain(param)
        qtbot.waitUntil(lambda: stepping.dialog is not None and stepping.dialog.isVisible(), timeout=3000)
        dialog = stepping.dialog
        texts += widget_texts(dialog) + [("dialog title", dialog.windowTitle())]
        texts += [(f"dialog row {row[0]}", " ".join(row)) for row in dialog.rows()]
        dialog.close()
        qtbot.waitUntil(lambda: stepping.dialog is None, timeout=3000)
    texts += [("status", m) for m in messages]
    found = problems(texts)
    assert not found, "\n".join(found)
    title = stepping.panel.title.text()
    assert "训练点" in title  # what the pass is of, in words: 'training point 3 at (…), blue'
    if batch:
        assert "下一个小批量" in title
        assert any("批量的损失" in note for note in notes)
    expected = {  # the notes each kind of network has
        "2 classes, sigmoid and cross-entropy": "二元交叉熵 配合 sigmoid 输出时",
        "2 classes, softmax": "softmax 交叉熵 配合 softmax 输出时",
        "3 classes, softmax, a wide layer": "一次算出整层 6 个神经元",
        "a batch of several points, a wide layer": "一次算出整层 5 个神经元（⊙：逐个神经元相乘）",
    }.get(name)
    if expected:
        assert any(expected in note for note in notes), notes


def test_a_point_of_a_regression_set_and_of_k_classes_is_described_in_chinese(zh_window, qtbot):
    page = zh_window.playground
    zh_window.show_page("playground")
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    for settings, words in ((dict(dataset=DatasetSpec("plane", n_samples=60, seed=1), hidden=(2,),
                                  loss="half_sse"), "数值"),
                            (dict(dataset=DatasetSpec("gaussian", n_samples=60, seed=1, classes=4), hidden=(2,),
                                  loss="softmax_ce"), "类别")):
        configure(qtbot, page, **settings)
        page.stepping.enter(0)
        qtbot.waitUntil(lambda: page.stepping.current is not None, timeout=5000)
        title = page.stepping.panel.title.text()
        assert words in title and not english_words(title.split("<br>")[0]), title
        page.stepping.leave()


def test_a_gradient_the_pass_has_not_is_said_in_chinese(zh_window, qtbot):
    page = zh_window.playground
    zh_window.show_page("playground")
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    messages = []
    page.statusMessage.connect(messages.append)
    page.stepping.enter(0)
    qtbot.waitUntil(lambda: page.stepping.current is not None, timeout=5000)
    page.stepping.explain("w999")
    assert messages and "w999" in messages[-1] and not english_words(messages[-1]), messages


def test_a_diverging_run_is_said_in_chinese(zh_window, qtbot):
    """The training thread's message (translated there: QCoreApplication.translate is thread-safe)."""
    page = zh_window.playground
    zh_window.show_page("playground")
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    configure(qtbot, page, hidden=(4, 4), activation="linear", lr=10.0)  # linear layers at η = 10 overflow
    page.play()
    qtbot.waitUntil(lambda: page.banner.isVisible() and not page.frame.running, timeout=10000)
    text = page.banner.text()
    assert "训练发散了" in text and "学习率为 10 时" in text and not english_words(text), text


def test_continuing_from_a_rewound_step_is_said_in_chinese(zh_window, qtbot):
    page = zh_window.playground
    zh_window.show_page("playground")
    qtbot.waitUntil(lambda: page.frame is not None, timeout=5000)
    messages = []
    page.statusMessage.connect(messages.append)
    for _ in range(3):
        with qtbot.waitSignal(page.frameShown, timeout=5000):
            page.step_action.trigger()
    assert page.rewinding.rewind_to(2) is not None
    page.rewinding.continue_from_here()
    assert messages and "第 2 步" in messages[-1] and not english_words(messages[-1]), messages


# -------------------------------------------------------------------------------------------- the worked example
@pytest.mark.parametrize("update_biases", [False, True])
def test_every_step_of_the_worked_example_is_chinese(zh_window, qtbot, update_biases):
    page = zh_window.example
    zh_window.show_page("example")
    page.set_update_biases(update_biases)
    texts, _notes = walk(page.stepper, page, page.diagram, qtbot)
    found = problems(texts)
    assert not found, "\n".join(found)
    names = [s.name for s in page.model.trace.steps]
    assert ("b1+" in names) == update_biases  # the biases' gradients and updates are among the steps
    page.stepper.set_position(names.index("dE/dw5"))
    assert "反向传播" in page.stepper._header.text()


# ---------------------------------------------------------------------------------------------------- refusals
BAD_TYPED = (("lr", "-1"), ("lr", "0"), ("lr", "1.2.3"), ("lr", "1e999"), ("w5", "nan"), ("i1", "１２x"))


def test_bad_starting_numbers_typed_in_the_worked_example_are_refused_in_chinese(zh_window, qtbot):
    page = zh_window.example
    zh_window.show_page("example")
    messages = []
    page.statusMessage.connect(messages.append)
    texts = []
    for name, typed in BAD_TYPED:
        field = page.params.fields[name]
        field.setText(typed)
        field.editingFinished.emit()
        texts.append((f"typed {name} = {typed}", page.params.message.text()))
    for name, value in (("lr", -1.0), ("lr", 0.0), ("w5", math.inf), ("b1", math.nan)):
        page.edit_param(name, value)  # past the field's own check: the engine's refusal (ExampleParams)
        texts.append((f"engine {name} = {value}", page.params.message.text()))
    texts += [("status", m) for m in messages]
    found = problems(texts)
    assert not found, "\n".join(found)
    assert all("拒绝" in text for _where, text in texts if not _where.startswith("status")), texts
    assert "学习率" in dict(texts)["engine lr = -1.0"]


SETTINGS_REFUSED = {  # TrainConfig arguments -> a word of the Chinese refusal
    "lr=0": (dict(lr=0.0), "学习率"),
    "lr=nan": (dict(lr=math.nan), "学习率"),
    "lr=a list": (dict(lr=[1, 2]), "学习率"),
    "lr=10**400": (dict(lr=10**400), "float64"),
    "batch size": (dict(batch_size=-1), "批量大小"),
    "regularization rate": (dict(reg_rate=-0.5), "正则化率"),
    "tiny regularization rate": (dict(reg_rate=1e-20), "正则化率"),
    "seed": (dict(seed=-1), "随机种子"),
    "seed of 400 digits": (dict(seed=10**400), "位的整数"),
    "hidden layers": (dict(hidden=(99,)), "隐藏层"),
    "hidden layers of 9 items": (dict(hidden=[1] * 9), "列表"),
    "hidden layers not a list": (dict(hidden=3), "隐藏层"),
    "features": (dict(features=("x9",)), "特征"),
    "features used twice": (dict(features=("x1", "x1")), "特征"),
    "no features": (dict(features=()), "特征"),
    "activation": (dict(activation="x9"), "激活函数"),
    "three classes, a sigmoid": (dict(dataset=DatasetSpec("spiral", classes=3), loss="half_sse"), "softmax"),
    "regression, cross-entropy": (dict(dataset=DatasetSpec("plane"), loss="softmax_ce"), "回归"),
}


@pytest.mark.parametrize("case", SETTINGS_REFUSED)
def test_refused_settings_are_said_in_chinese_and_in_the_same_english(chinese, qapp, case):
    settings, word = SETTINGS_REFUSED[case]
    with pytest.raises(ValueError) as refused:
        TrainConfig(**settings)
    shown = i18n.localise(refused.value)
    assert word in shown and not english_words(shown), shown
    i18n.install(qapp, "en")
    assert i18n.localise(refused.value) == str(refused.value)  # the English window: the text the CLI prints


@pytest.mark.parametrize("make", [
    lambda: DatasetSpec("circle", noise=2.0), lambda: DatasetSpec("circle", classes=9),
    lambda: DatasetSpec("circle", classes=3), lambda: DatasetSpec("circle", seed=1.5),
    lambda: ExampleParams(lr=-1.0), lambda: ExampleParams.from_dict({"w9": 1}),
    lambda: TrainConfig.from_dict({"x9": 1, "y9": 2, "z9": 3, "q9": 4}), lambda: TrainConfig.from_dict([]),
])
def test_refused_data_sets_and_starting_numbers_are_said_in_chinese(chinese, make):
    with pytest.raises(ValueError) as refused:
        make()
    shown = i18n.localise(refused.value)
    assert not english_words(shown) and any("\u4e00" <= c <= "\u9fff" for c in shown), shown


# ------------------------------------------------------------------------------------------------- the engine
def test_the_notes_of_a_trace_are_phrases_with_the_english_of_before(chinese):
    """The English text of each note is what the engine wrote before it composed phrases (tests and the CLI
    compare it); ``i18n.localise`` gives the Chinese."""
    net = Network([2, 5, 2], hidden="tanh", output="softmax", loss="softmax_ce", seed=1)
    steps = trace_pass(net, [[0.5, -0.2], [0.1, 0.3]], [[1, 0], [0, 1]], 0.1).steps
    notes = {s.name: s.note for s in steps if s.note}
    assert notes == {
        "net_h": "the layer of 5 neurons at once: row vector × matrix (W1: 2 × 5), then each neuron's own steps",
        "delta_h": "the layer of 5 neurons at once (⊙: neuron by neuron), then each neuron's own steps",
        "delta_o1": "with softmax_ce on a softmax output, ∂E/∂out_o1 · ∂out_o1/∂net_o1 simplifies to out_o1 − t1",
        "delta_o2": "with softmax_ce on a softmax output, ∂E/∂out_o2 · ∂out_o2/∂net_o2 simplifies to out_o2 − t2",
        "E1": "sample 1 of the batch of 2: the batch's loss is its samples' mean",
        "E_total": "the loss of the batch of 2: the mean of its samples' losses",
    }
    assert i18n.localise(notes["net_h"]) == ("一次算出整层 5 个神经元：行向量 × 矩阵（W1：2 × 5），"
                                              "然后是每个神经元各自的步骤")
    assert i18n.localise(notes["delta_o1"]).startswith("softmax 交叉熵 配合 softmax 输出时")
    assert i18n.localise(notes["E_total"]) == "2 个样本的批量的损失：各样本损失的平均值"
    summed = Network([2, 1], hidden="linear", output="linear", loss="sse", seed=1)
    notes = {s.name: s.note for s in trace_pass(summed, [[1, 2], [3, 4]], [[1], [2]], 0.1).steps if s.note}
    assert notes == {"E1": "sample 1 of the batch of 2: the batch's loss is its samples' sum",
                     "E_total": "the loss of the batch of 2: the sum of its samples' losses"}
    assert i18n.localise(notes["E1"]) == "2 个样本的批量中的第 1 个样本：批量的损失是各样本损失的总和"
    assert i18n.localise("something new") == "something new"  # plain text stays as it is
