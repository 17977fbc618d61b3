"""The gradient check's words (bpviz.models.gradcheck_report, gradcheck_problem, bpviz.engine.broken_backward) are
phrases whose every English word comes from a template marked for translation: rendered with a "translation" that
turns each template's words into 译, no English word is left but the names that stay (activations, parameter
names). Without Qt: tests/gui/test_translations_gradcheck.py reads the real Chinese from the page."""

from __future__ import annotations

import itertools
import re
from types import SimpleNamespace

import pytest

from bpviz.engine.broken_backward import FAULTS
from bpviz.engine.datasets import DatasetSpec
from bpviz.engine.gradcheck import GradCheckResult, ParamCheck
from bpviz.engine.phrases import Phrase, render
from bpviz.engine.presets import ExampleParams
from bpviz.models import gradcheck_problem as problems
from bpviz.models import gradcheck_report as report
from bpviz.training import TrainConfig, Trainer

KEPT = {"sigmoid", "tanh", "relu", "linear", "softmax"}  # activation names stay as they are in every language


def translated(_context: str, template: str) -> str:
    """A template whose words (outside its {fields}) are all translated."""
    parts = re.split(r"(\{[^{}]*\})", template)
    return "".join(p if p.startswith("{") else re.sub(r"[A-Za-z]{2,}", "译", p) for p in parts)


def english(text) -> list[str]:
    assert isinstance(text, Phrase), f"plain text, not a phrase: {text!r}"
    shown = re.sub(r"<[^>]*>|&[a-z]+;", " ", render(text, translated))
    return [w for w in re.findall(r"[A-Za-z][A-Za-z0-9_]*", shown)
            if len(w) >= 3 and not re.search(r"[\d_]", w) and w.lower() not in KEPT]


def english_plain(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][A-Za-z0-9_]*", text) if len(w) >= 3 and not re.search(r"[\d_]", w)]


CHECKS = {"agree": ParamCheck("w1", 0.5, 0.5 + 1e-12, False, 1e-14),
          "close": ParamCheck("w2", 1.0, 1.0 + 3e-6, False, 1e-14),
          "disagree": ParamCheck("w3", 0.16, 1.0, False, 1e-14),
          "kink": ParamCheck("w4", 0.3, 0.1, True, 1e-14),
          "noise": ParamCheck("b1", 0.0, 2e-15, False, 1e-14)}


def test_every_summary_and_tooltip_is_translatable():
    for c in CHECKS.values():
        assert english(report.explain(c)) == []
        assert english(report.VERDICTS[report.verdict(c)][0]) == []
    for n in (1, 2, 3):
        for kinds in itertools.combinations_with_replacement(CHECKS, n):
            for total in (n, 1234):
                text, _state = report.summary(GradCheckResult(tuple(CHECKS[k] for k in kinds), total))
                assert english(text) == [], (kinds, total, text)
    assert english(report.legend()) == [] and english(report.HOW_IT_WORKS) == []


def _frame(config: TrainConfig, step: int):
    trainer = Trainer(config)
    snapshot = SimpleNamespace(step=step, epoch=step // 3, weights=trainer.network.weights,
                               biases=trainer.network.biases)
    return SimpleNamespace(config=config, snapshot=snapshot, data=trainer.data)


@pytest.mark.parametrize("config", [
    TrainConfig(dataset=DatasetSpec("circle", n_samples=40, seed=1), hidden=(16, 16, 16, 8), activation="relu",
                regularization="l2", reg_rate=0.003),
    TrainConfig(dataset=DatasetSpec("spiral", n_samples=40, seed=1, classes=3), hidden=(4,), loss="softmax_ce"),
    TrainConfig(dataset=DatasetSpec("circle", n_samples=40, seed=1), hidden=(), regularization="l1",
                reg_rate=0.01).for_data(DatasetSpec("plane", n_samples=40, seed=1)),
], ids=["deep-relu-l2", "softmax", "regression-no-hidden-l1"])
def test_every_description_connection_and_fault_note_is_translatable(config):
    for step, points in ((0, 5), (7, 1000)):
        problem = problems.playground_problem(_frame(config, step), points)
        assert english(problem.description) == [], problem.description
        if problem.note:
            assert english(problem.note) == [], problem.note
    for connection in problems.connections(problem).values():  # "bias → h1" a phrase, "x₁ → h1_2" symbols only
        assert english(connection) == [] if "bias" in connection else english_plain(connection) == []
    order, groups = list(problem.names.params), problems.layer_groups(problem)
    for fault in FAULTS.values():
        assert all(english(t) == [] for t in (fault.title, fault.explanation, fault.still_right,
                                              fault.invisible_when))
        for changed in ([], order[::3], order[: len(order) // 2], order):
            note = report.fault_note(fault, changed, order, groups)
            assert english(note) == [], note


def test_the_worked_example_and_an_empty_playground_are_translatable():
    for params in (ExampleParams(), ExampleParams(w5=0.9)):
        assert english(problems.worked_example_problem(params).description) == []
    empty = _frame(TrainConfig(hidden=(3,)), 0)
    empty.data = SimpleNamespace(X_train=[], y_train=[])
    with pytest.raises(ValueError) as refused:
        problems.playground_problem(empty, 8)
    assert english(refused.value.args[0]) == []


def test_the_english_is_unchanged():
    """The phrases' English is what the CLI and the page printed before (examples of each form)."""
    good, doubtful, bad, kink, tiny = CHECKS.values()
    assert report.summary(GradCheckResult((good, kink, tiny), 3))[0] == (
        "All 3 parameters agree: largest relative error 2.0e-12 (1 at kinks and 1 within rounding: not judged)")
    assert report.summary(GradCheckResult((bad, bad, doubtful), 20))[0] == (
        "2 of 3 checked parameters disagree: largest 0.84 at w3; 1 more doubtful (a random sample of the network's 20)")
    assert report.summary(GradCheckResult((doubtful,), 1))[0] == (
        "No parameter clearly disagrees, but 1 of 1 parameter is doubtful: largest relative error 3.0e-06 at w2")
    assert report.explain(tiny) == (
        "Within rounding: the relative error 1.0e+00 looks large only because the gradient is tiny: the difference "
        "2.0e-15 is below the rounding error of the finite difference itself (1.0e-14), so it cannot be measured. "
        "Counts as agreement.")
    assert problems.worked_example_problem().description == (
        "The worked example with the published starting numbers: 2-2-2 network, sigmoid hidden, sigmoid output, "
        "½·squared error, one shared bias per layer; one point (i1 = 0.05, i2 = 0.1; targets 0.01, 0.99).")
    fault = FAULTS["bias_gradient"]
    assert report.fault_note(fault, [], ["w1"], []) == f"<b>Broken backward:</b> {fault.title}. {fault.invisible_when}"
