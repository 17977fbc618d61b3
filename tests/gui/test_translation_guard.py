"""The guard that keeps every visible string of the window translatable (issue 17).

A string literal with an English word passed to a Qt text setter (setText, setToolTip, QAction(…), addTab, …)
without tr()/translate() fails, except in the files of ``NOT_YET_TRANSLATED`` (empty: it may only shrink) and of
``CONSOLE_ONLY``; pyside6-lupdate run over all of bpviz (the window's tr() texts and the Qt-free code's phrases)
into a copy of resources/translations/bpviz_zh_CN.ts finds 0 unfinished messages; the committed .qm is up to date;
every translation fills the same {fields} as its source.
"""

from __future__ import annotations

import ast
import re
import shutil
import string
import sys
from pathlib import Path

import pytest
from chinese_text import english_words

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "bpviz" / "gui"
TS = ROOT / "resources" / "translations" / "bpviz_zh_CN.ts"
QM = TS.with_suffix(".qm")
sys.path.insert(0, str(ROOT / "packaging"))
import translations as ts_tools  # noqa: E402  (packaging/translations.py: lupdate, lrelease)

# The files whose visible strings are not all wrapped yet. THIS LIST MUST SHRINK, NEVER GROW: a new file (or a
# new string in a file not listed) goes through tr()/translate() and gets its Chinese translation in the .ts.
NOT_YET_TRANSLATED: set[str] = set()
# Files that print to the terminal and show nothing in the window: English, like the CLI (the issue lets it stay).
CONSOLE_ONLY = {
    "self_check.py",  # ``bpviz --self-check``: an installation's smoke test, one English line per check
}

# Qt calls whose string arguments are shown to the user.
TEXT_CALLS = {
    "setText", "setToolTip", "setStatusTip", "setWhatsThis", "setWindowTitle", "setPlaceholderText", "addTab",
    "insertTab", "setTabText", "setTabToolTip", "addMenu", "setTitle", "setHeaderLabels", "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels", "showMessage", "setSpecialValueText", "addItem", "addItems", "setInformativeText",
    "setDetailedText", "addButton", "getSaveFileName", "getOpenFileName", "getExistingDirectory", "setLabelText",
    "setFormat", "addRow", "setHtml", "setPlainText", "setSuffix", "setPrefix", "information", "warning",
    "critical", "question", "QAction", "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton",
    "QGroupBox", "QMenu", "QToolBar", "QDockWidget", "show_message", "show_stopped", "fail", "refuse",
}
TRANSLATORS = {"tr", "translate", "QT_TRANSLATE_NOOP"}


def _translated_files() -> list[Path]:
    def listed(name: str) -> bool:
        return name in NOT_YET_TRANSLATED | CONSOLE_ONLY or any(d.endswith("/") and name.startswith(d)
                                                                for d in NOT_YET_TRANSLATED)

    return [p for p in ts_tools.source_files(GUI) if not listed(p.relative_to(GUI).as_posix())]


def _strings(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):  # an f-string cannot be translated: its words count as untranslated
        yield from (v.value for v in node.values if isinstance(v, ast.Constant))
    elif isinstance(node, ast.BinOp):
        yield from _strings(node.left)
        yield from _strings(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _strings(node.body)
        yield from _strings(node.orelse)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            yield from _strings(element)


def _name(func) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def bare_visible_strings(path: Path) -> list[str]:
    """Literal English text passed to a Qt text call in ``path`` without tr()/translate()."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and _name(node.func) in TEXT_CALLS:
            texts = [t for arg in [*node.args, *(k.value for k in node.keywords)] for t in _strings(arg)]
            # an f-string's parts may cut a tag: its attributes are no words
            words = english_words(re.sub(r"<[^>]*>?|^[^<]*>|\w+='[^']*'?|\{[^}]*\}", " ", " ".join(texts)))
            if words:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {_name(node.func)}({' '.join(texts)[:60]!r})")
    return found


def test_the_not_yet_translated_list_names_files_that_exist():
    missing = [name for name in NOT_YET_TRANSLATED | CONSOLE_ONLY if not (GUI / name).exists()]
    assert not missing, f"remove from NOT_YET_TRANSLATED: {missing}"


def test_every_visible_string_of_the_translated_files_goes_through_tr():
    problems = [p for path in _translated_files() for p in bare_visible_strings(path)]
    assert not problems, ("wrap these in self.tr()/translate() (bpviz/gui/i18n.py says how) and translate them in "
                          "resources/translations/bpviz_zh_CN.ts (packaging/translations.py):\n" + "\n".join(problems))


def test_the_guard_catches_a_bare_string():
    inside = GUI / "_guard_sample_for_test.py"  # inside the repository: the messages name it from there
    try:
        inside.write_text('label.setText("Learning rate")\nbutton.setToolTip(self.tr("Learning rate"))\n'
                          'QAction(f"Run {n} passes", self)\nlabel.setText(f"η = {lr} <span style=\'color:red\'>")\n')
        found = bare_visible_strings(inside)
    finally:
        inside.unlink()
    assert len(found) == 2 and "Learning rate" in found[0] and "Run " in found[1]


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory):
    """The committed .ts updated by pyside6-lupdate from every module of bpviz (what a developer would get): the
    window's tr() texts and the phrases the Qt-free code marks (bpviz.engine.phrases)."""
    copy = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copy(TS, copy)
    ts_tools.lupdate(copy, ts_tools.source_files())
    return copy


def test_every_message_of_the_translated_files_has_its_chinese_translation(fresh_ts):
    text = fresh_ts.read_text(encoding="utf-8")
    unfinished = re.findall(r"<source>((?:(?!</source>).)*)</source>\s*(?:<comment>[^<]*</comment>\s*)?"
                            r"<translation type=\"unfinished\"", text, re.S)
    assert not unfinished, ("translate these in resources/translations/bpviz_zh_CN.ts, then run "
                            "python packaging/translations.py:\n" + "\n".join(unfinished))
    assert text.count("<source>") > 150


def test_the_committed_ts_has_no_unfinished_message_and_the_qm_is_up_to_date(tmp_path):
    assert ts_tools.unfinished(TS) == 0
    qm = tmp_path / QM.name
    out = ts_tools.lrelease(TS, qm)
    assert "0 unfinished" in out
    assert qm.read_bytes() == QM.read_bytes(), "run python packaging/translations.py and commit the .qm"


# A translation may fill other fields than its English source where the code passes both (English says "every
# 4th step", Chinese "每 4 步").
OTHER_FIELDS = {", now every {ordinal} step": {"ordinal", "n"}}


def _fields(template: str) -> set[tuple[str, str, str]]:
    return {(name, conversion or "", spec or "") for _text, name, spec, conversion in
            string.Formatter().parse(template) if name is not None}


def test_every_translation_fills_the_same_fields_as_its_source():
    """A translator's typo in a {field} (or a lost format spec) would show the English text instead (phrases.render
    falls back) or raise KeyError in a tr().format(): each translation names exactly its source's fields."""
    import xml.etree.ElementTree as ET

    problems, checked = [], 0
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation") or ""
        try:
            expected = _fields(source)
        except ValueError:  # literal braces: not a template
            continue
        if not expected:
            continue
        checked += 1
        try:
            found = _fields(translation)
        except ValueError as exc:
            problems.append(f"{source!r}: translation {translation!r} is not a template ({exc})")
            continue
        other = OTHER_FIELDS.get(source, set())
        if {f for f in found if f[0] not in other} != {f for f in expected if f[0] not in other}:
            problems.append(f"{source!r}: translation {translation!r} fills {sorted(found)}")
    assert not problems, "\n".join(problems)
    assert checked > 200


def test_translations_are_found_where_the_package_is_installed():
    from bpviz.gui.resources import resource_path

    assert resource_path("translations/bpviz_zh_CN.qm").stat().st_size > 1000
