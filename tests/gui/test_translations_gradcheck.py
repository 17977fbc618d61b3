"""The gradient check page in a Chinese window (issue 17): the words the Qt-free code composes (the summary, the
description of the network and its batch, the batch's note, the cells' tooltips and connections, the fault's note,
the faults' titles and explanations, the legend; bpviz.models.gradcheck_report, gradcheck_problem,
bpviz.engine.broken_backward) show in Chinese, read from the real widgets. In English they are what they were
(tests/gui/test_gradcheck_page.py, tests/models/test_gradcheck_problem.py, the CLI's tests)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from chinese_text import untranslated, widget_texts
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from bpviz.engine.broken_backward import FAULTS
from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.gradcheck import GradCheckResult, ParamCheck
from bpviz.gui.pages.gradcheck import EXAMPLE, PLAYGROUND, GradCheckPage
from bpviz.models.gradcheck_problem import SAMPLE_ABOVE
from bpviz.models.gradcheck_report import verdict
from bpviz.models.playground import PlaygroundModel
from bpviz.training import TrainConfig, Trainer
from bpviz.training.frames import Frame

WAIT_MS = 20000


@pytest.fixture
def page(chinese, qtbot):
    """The page built in the Chinese window, with a playground model of its own (no frame until a test gives one)."""
    p = GradCheckPage(PlaygroundModel())
    qtbot.addWidget(p)
    p.resize(1280, 740)
    p.show()
    qtbot.waitExposed(p)
    p.set_active(True)
    qtbot.waitUntil(lambda: not p.jobs.busy, timeout=WAIT_MS)  # becoming active checks the worked example
    return p


def make_frame(config, steps=0, generation=1):
    trainer = Trainer(config)
    trainer.run_steps(steps)
    return Frame(generation, trainer.config, trainer.data, trainer.snapshot(), None, 0.0, False), trainer


def page_texts(page, where: str) -> list[tuple[str, str]]:
    """Everything the page shows: its labels (the summary, the description, the fault's note and explanation, how
    the check works, the legend), buttons and tooltips, the combo boxes' items, and every cell of the table (the
    connections too) with its tooltip."""
    texts = [(f"{where} {w}", t) for w, t in widget_texts(page)]
    for combo in page.findChildren(QComboBox):
        texts += [(f"{where} combo {combo.objectName()} {i}", combo.itemText(i)) for i in range(combo.count())]
    model = page.table.model_
    for r in range(model.rowCount()):
        texts += [(f"{where} cell {r},{col}", model.data(model.index(r, col))) for col in range(model.columnCount())]
        texts.append((f"{where} tooltip {r}", model.data(model.index(r, 0), Qt.ToolTipRole)))
    return texts


def each_fault(page, where: str) -> list[tuple[str, str]]:
    """The page's texts with a broken backward of each kind, then with the real one again."""
    texts = []
    page.broken.setChecked(True)
    for i in range(page.fault.count()):
        page.fault.setCurrentIndex(i)
        assert page.fault_note.isVisible()
        texts += page_texts(page, f"{where}, {page.fault.currentData()}")
    page.broken.setChecked(False)
    return texts


def assert_chinese(texts) -> None:
    problems = untranslated(texts)
    assert not problems, "\n".join(problems)


def test_the_worked_example_and_its_broken_backwards_are_chinese(page, qtbot):
    """The worked example: all agree; each fault (the bias fault changes nothing on one point: the note says why);
    a check of other starting numbers; each row's tooltip, with and without a fault."""
    assert page.source.currentIndex() == EXAMPLE and page.table.model_.rowCount() == 10
    texts = page_texts(page, "worked example")
    assert "全部一致" in page.summary.text() and "计算示例" in page.description.text()
    texts += each_fault(page, "worked example")
    page.broken.setChecked(True)
    page.fault.setCurrentIndex(list(FAULTS).index("bias_gradient"))
    assert "一个点" in page.fault_note.text()  # invisible on one point, and why
    page.broken.setChecked(False)
    assert_chinese(texts)


def test_a_playground_network_on_a_sample_with_each_fault_is_chinese(page, qtbot):
    """A big ReLU network after some training, checked on a random sample, on more points than the set has (the
    note), with each fault (the note names blocks: "all of W₁; some of W₂"); a regression set, no hidden layer,
    an L1 penalty; and a playground without points (the refusal)."""
    config = TrainConfig(dataset=DatasetSpec("spiral", n_samples=60, noise=0.1, seed=2), hidden=(16,) * 4,
                         activation="relu", features=("x1", "x2", "x1^2", "x2^2", "sin(x1)"),
                         regularization="l2", reg_rate=0.001)
    frame, trainer = make_frame(config, steps=5)
    page.playground.take(frame)
    page.points.setValue(500)  # more than the training set holds: the note says so
    with qtbot.waitSignal(page.checkEnded, timeout=WAIT_MS):
        page.source.setCurrentIndex(PLAYGROUND)
    qtbot.waitUntil(lambda: not page.jobs.busy and len(page.problem.X) == len(trainer.data.X_train),
                    timeout=WAIT_MS)
    n = trainer.network.get_parameters().size
    assert n > SAMPLE_ABOVE and page.table.model_.rowCount() == SAMPLE_ABOVE
    assert f"{n:,}" in page.summary.text() and "随机抽取" in page.summary.text()
    assert page.problem.note and page.problem.frame.snapshot.step == 5
    texts = page_texts(page, "sample") + each_fault(page, "sample")
    notes = []
    page.broken.setChecked(True)
    for i in range(page.fault.count()):
        page.fault.setCurrentIndex(i)
        notes.append(page.fault_note.text())
    page.broken.setChecked(False)
    assert any("全部参数" in note or "部分参数" in note for note in notes)  # "all of …"/"some of …": blocks

    for data, extra in ((DatasetSpec("plane", n_samples=40, noise=0.1, seed=1), dict(hidden=())),
                        (DatasetSpec("circle", n_samples=40, noise=0.1, seed=1),
                         dict(hidden=(3,), regularization="l1", reg_rate=0.01, loss="half_sse"))):
        config = TrainConfig(dataset=DatasetSpec("circle", n_samples=40, seed=1), **extra).for_data(data)
        frame, _ = make_frame(config, generation=2)
        page.playground.take(frame)
        with qtbot.waitSignal(page.checkEnded, timeout=WAIT_MS):
            page.check()
        texts += page_texts(page, data.name) + each_fault(page, data.name)

    from bpviz.engine.points import PointSet

    empty = DatasetSpec("circle").with_points(PointSet(np.zeros((0, 2)), []))
    frame, _ = make_frame(TrainConfig(dataset=empty, hidden=(3,)), generation=3)
    page.playground.take(frame)
    page.check()
    assert "无法检验" in page.summary.text()
    texts.append(("no points", page.summary.text()))
    assert_chinese(texts)


def _checks_with(names, kinds) -> tuple[ParamCheck, ...]:
    """ParamChecks named ``names`` whose verdicts are ``kinds`` (agree, close, disagree, kink, noise)."""
    made = {"agree": lambda n: ParamCheck(n, 0.5, 0.5 + 1e-12, False, 1e-14),
            "close": lambda n: ParamCheck(n, 1.0, 1.0 + 3e-6, False, 1e-14),
            "disagree": lambda n: ParamCheck(n, 0.16, 1.0, False, 1e-14),
            "kink": lambda n: ParamCheck(n, 0.3, 0.1, True, 1e-14),
            "noise": lambda n: ParamCheck(n, 0.0, 2e-15, False, 1e-14)}
    checks = tuple(made[k](n) for n, k in zip(names, kinds))
    assert [verdict(c) for c in checks] == list(kinds)
    return checks


@pytest.mark.parametrize("kinds", [
    ("agree", "close", "disagree", "disagree", "kink", "noise", "agree", "agree", "agree", "agree"),
    ("agree", "close", "disagree", "kink", "agree", "agree", "agree", "agree", "agree", "agree"),
    ("agree", "close", "close", "noise", "agree", "agree", "agree", "agree", "agree", "agree"),
    ("agree", "close", "agree", "agree", "agree", "agree", "agree", "agree", "agree", "agree"),
    ("agree", "kink", "noise", "agree", "agree", "agree", "agree", "agree", "agree", "agree"),
    ("kink", "kink", "kink", "kink", "kink", "kink", "kink", "kink", "kink", "kink"),
], ids=["red-amber-kink-noise", "one-red", "doubtful", "one-doubtful", "unjudged", "all-kinks"])
@pytest.mark.parametrize("sample", [False, True], ids=["all", "sample"])
def test_every_verdict_and_summary_sentence_is_chinese(page, kinds, sample):
    """Doubtful, kink and within-rounding verdicts are rare on real networks: a result holding them goes through the
    page's own display path (what arrives from the worker), in every form of the summary."""
    checked = page.checked
    names = list(checked.order)
    result = GradCheckResult(_checks_with(names, kinds), 1234 if sample else len(names))
    page._check_done(dataclasses.replace(checked, result=result))
    assert page.table.model_.rowCount() == len(names)
    assert ("随机抽取" in page.summary.text()) == sample
    texts = page_texts(page, "+".join(kinds))
    verdicts = {page.table.model_.data(page.table.model_.index(r, 6)) for r in range(len(names))}
    assert verdicts <= {"一致", "可疑", "不一致", "折点", "在舍入误差内"}
    assert_chinese(texts)
