"""bpviz.engine.phrases: English text that the window can render again in its own language."""

from __future__ import annotations

import copy
import pickle

import pytest

from bpviz.engine.phrases import QT_TRANSLATE_NOOP, Phrase, join, phrase_of, render

CHINESE = {
    ("T", "line {line} has {text!r}; expected {what}"): "第 {line} 行是 {text!r}，应为{what}",
    ("T", "a number"): "一个数",
    ("T", "Cannot import {name}: {problem}"): "无法导入 {name}：{problem}",
    ("T", "{r:.1e} of {n:,} parameters"): "{n:,} 个参数中的 {r:.1e}",
    ("T", "broken {field}"): "坏了 {feld}",  # a translator's typo in a field name
}


def chinese(context: str, template: str) -> str:
    return CHINESE.get((context, template), template)


def test_a_phrase_is_its_english_text():
    p = QT_TRANSLATE_NOOP("T", "line {line} has {text!r}; expected {what}").format(
        line=4, text="NaN", what=QT_TRANSLATE_NOOP("T", "a number"))
    assert p == "line 4 has 'NaN'; expected a number"
    assert isinstance(p, str) and str(p) == p and repr(p) == repr("line 4 has 'NaN'; expected a number")
    assert f"{p}" == p and hash(p) == hash(str(p))


def test_render_uses_the_translated_template_and_translates_phrase_fields():
    p = QT_TRANSLATE_NOOP("T", "line {line} has {text!r}; expected {what}").format(
        line=4, text="NaN", what=QT_TRANSLATE_NOOP("T", "a number"))
    assert render(p, chinese) == "第 4 行是 'NaN'，应为一个数"
    assert render(p, lambda _c, t: t) == p  # no translation: the English text
    assert render("plain text", chinese) == "plain text"
    spec = QT_TRANSLATE_NOOP("T", "{r:.1e} of {n:,} parameters").format(r=3.14e-9, n=12345)
    assert (spec, render(spec, chinese)) == ("3.1e-09 of 12,345 parameters", "12,345 个参数中的 3.1e-09")


def test_a_translation_that_cannot_be_filled_falls_back_to_english():
    p = QT_TRANSLATE_NOOP("T", "broken {field}").format(field="x")
    assert render(p, chinese) == "broken x"


def test_concatenation_and_join_keep_the_phrases():
    inner = QT_TRANSLATE_NOOP("T", "a number")
    outer = QT_TRANSLATE_NOOP("T", "Cannot import {name}: {problem}").format(name="f.csv", problem=inner)
    assert render("→ " + inner + " ←", chinese) == "→ 一个数 ←"
    joined = join("; ", [outer, "plain", inner])
    assert joined == "Cannot import f.csv: a number; plain; a number"
    assert render(joined, chinese) == "无法导入 f.csv：一个数; plain; 一个数"
    assert render(join(QT_TRANSLATE_NOOP("T", "a number"), ["x", "y"]), chinese) == "x一个数y"
    assert join(", ", []) == ""


def test_format_takes_named_fields_only():
    with pytest.raises(TypeError):
        QT_TRANSLATE_NOOP("T", "{} and {}").format(1, 2)


def test_copies_and_pickles_keep_the_template():
    p = QT_TRANSLATE_NOOP("T", "Cannot import {name}: {problem}").format(
        name="f.csv", problem=QT_TRANSLATE_NOOP("T", "a number"))
    for twin in (copy.copy(p), copy.deepcopy(p), pickle.loads(pickle.dumps(p))):
        assert isinstance(twin, Phrase) and twin == p and render(twin, chinese) == "无法导入 f.csv：一个数"


def test_an_exception_raised_with_a_phrase_gives_it_back():
    p = QT_TRANSLATE_NOOP("T", "a number")
    assert phrase_of(ValueError(p)) is p
    assert str(ValueError(p)) == "a number"
    assert phrase_of(ValueError("plain", 2)) == "('plain', 2)"
    assert phrase_of(KeyError("k")) == "'k'"
