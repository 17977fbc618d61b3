"""What bpviz.engine.warmup (and bpviz.training.warmup) writes in words is made of Phrases the window can translate
(issue 17), and their English is what it was: the CLI and the JSON print it unchanged."""

from __future__ import annotations

import re

import pytest

from bpviz.engine.phrases import Phrase, render
from bpviz.engine.warmup import BLOCK_SPECS, LINE_SPECS, SCALAR, ShapeError, WarmupSizes, _combine, dims_text
from bpviz.training.warmup import relative_difference

WORDS = re.compile(r"[A-Za-z]{3,}")


def words(text: str) -> list[str]:
    """Words of prose (not symbols such as h_relu, D_out, W2, max)."""
    return [w for w in WORDS.findall(re.sub(r"\w*[_\d]\w*", " ", text)) if w not in ("max", "ReLU")]


def test_every_sentence_about_a_line_or_a_block_is_a_phrase():
    texts = [spec.why for spec in LINE_SPECS] + [meaning for *_, meaning in BLOCK_SPECS]
    for text in texts:
        if words(text):
            assert isinstance(text, Phrase) and text.context == "Warmup", text
    assert isinstance(dims_text(()), Phrase) and dims_text(()) == "scalar" and dims_text(()) is SCALAR


def test_the_english_is_unchanged():
    why = {spec.key: spec.why for spec in LINE_SPECS}
    assert str(why["grad_w1"]) == ("The same argument as for W2, one layer down: d\u2009h = x·d\u2009W1, so the "
                                   "gradient is xᵀ·∂L/∂h, with W1's shape.")
    assert str(why["grad_y_pred"]) == ("The rule behind every gradient line: when dL = tr(Aᵀ dX), then ∂L/∂X = A, a "
                                       "matrix of X's shape. Here dL = tr(2(ŷ − y)ᵀ dŷ), so ∂L/∂ŷ = 2(ŷ − y).")
    assert dict((name, meaning) for name, *_, meaning in BLOCK_SPECS)["x"] == \
        "the input batch: N samples of D_in features"


@pytest.mark.parametrize(("sizes", "said"), [
    ((0, 1000, 100, 10), "N must be a whole number from 1 to 100,000, got 0"),
    ((64, 1.5, 100, 10), "D_in must be a whole number from 1 to 100,000, got 1.5"),
    ((64, 1000, 100_000, 10), "x or w1 would hold 100,000,000 numbers; at most 20,000,000 fit comfortably"),
])
def test_the_refusals_of_the_sizes_are_phrases_with_the_same_english(sizes, said):
    with pytest.raises(ValueError) as refused:
        WarmupSizes(*sizes)
    assert str(refused.value) == said
    assert isinstance(refused.value.args[0], Phrase)


def test_shape_errors_and_the_comparison_of_losses_are_phrases():
    with pytest.raises(ShapeError) as refused:
        _combine("matmul", [(1, 2), (3, 4)], "k")
    assert str(refused.value) == "k: inner dimensions differ (1×2)·(3×4)"
    with pytest.raises(ShapeError) as refused:
        _combine("minus", [(1, 2), ()], "k")
    assert str(refused.value) == "k: entry-by-entry operation on different shapes (1×2), (scalar)"
    # "scalar" inside the list of shapes is translated too
    lookup = {"scalar": "标量", "{what}: entry-by-entry operation on different shapes {shapes}": "{what}：{shapes}"}
    assert render(refused.value.args[0], lambda _c, t: lookup.get(t, t)) == "k：(1×2), (标量)"
    with pytest.raises(ValueError) as refused:
        relative_difference([1.0, 2.0], [1.0])
    assert str(refused.value) == "cannot compare (2,) losses with (1,)"
    assert isinstance(refused.value.args[0], Phrase)
