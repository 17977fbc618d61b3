"""Choosing the window's language (issue 17): ``bpviz gui --lang zh_CN`` is parsed and chooses Chinese; the
system's LANGUAGE/LANG decide otherwise; View > Language is kept for the next start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from bpviz.gui import i18n


def test_bpviz_gui_lang_is_parsed_and_passed_to_the_window(monkeypatch):
    from bpviz import cli

    args = cli.build_parser().parse_args(["gui", "--lang", "zh_CN"])
    assert args.lang == "zh_CN"
    seen = {}
    monkeypatch.setattr("bpviz.gui.app.run", lambda session=None, argv=None, page=None, lang=None, **_:
                        seen.update(session=session, page=page, lang=lang) or 0)
    assert cli.main(["gui", "--lang", "zh_CN", "--page", "example"]) == 0
    assert seen == {"session": None, "page": "example", "lang": "zh_CN"}
    with pytest.raises(cli.UsageError):
        cli.build_parser().parse_args(["gui", "--lang", "xx"])


@pytest.mark.parametrize(("env", "expected"), [
    ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LC_ALL": "C", "LANG": "zh_SG.UTF-8"}, "zh_CN"),
])
def test_the_system_language_comes_from_the_environment(monkeypatch, env, expected):
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert i18n.system_language() == expected
    assert i18n.resolve(None, QSettings()) == expected  # View > Language says "System" when never chosen


def test_lang_overrides_the_menu_choice_and_the_menu_choice_the_system(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")
    settings = QSettings()
    i18n.save_choice("zh_CN", settings)
    assert i18n.resolve(None, settings) == "zh_CN"
    assert i18n.resolve("en", settings) == "en"
    i18n.save_choice("system", settings)
    assert i18n.resolve(None, settings) == "en"


def test_view_language_is_kept_and_used_at_the_next_start(window, qtbot, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")
    assert window.language_actions["system"].isChecked()
    window.language_actions["zh_CN"].trigger()
    assert window.language_actions["zh_CN"].isChecked()
    assert "restart" not in window.statusBar().currentMessage()  # says "when bpviz starts again"
    assert "starts again" in window.statusBar().currentMessage()
    assert QSettings().value(i18n.SETTING) == "zh_CN"
    assert i18n.resolve(None, QSettings()) == "zh_CN"  # what bpviz.gui.app.run installs at the next start
    assert QCoreApplication.translate("Page", "Worked example (2-2-2)") == "Worked example (2-2-2)"  # not now
