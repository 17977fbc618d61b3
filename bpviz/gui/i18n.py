"""The window's language: which one (View > Language, ``bpviz gui --lang``, the system's), and Qt's translators.

Every visible string of the window goes through Qt's translation functions: ``self.tr("…")`` in a QObject
subclass, ``translate("Context", "…")`` elsewhere, at the place where the text is shown; a module constant is
marked with ``QT_TRANSLATE_NOOP("Context", "…")`` (it returns the text unchanged, lupdate finds it) and translated
where it is shown. ``pyside6-lupdate`` recognises exactly these names (not aliases of them); placeholders are
``{name}`` filled by ``str.format`` after translation (never an f-string: its text is not known before it runs).

The sources are ``resources/translations/bpviz_LANG.ts`` (``packaging/translations.py`` updates them from the code
and compiles the ``.qm`` files next to them; both are committed, so a plain ``pip install .`` ships them).
``install()`` runs once, after the QApplication exists and before any widget is built: a change of language takes
effect at the next start.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from bpviz.engine.phrases import phrase_of, render
from bpviz.gui.resources import resource_dir

SETTING = "view/language"  # QSettings key: "system" (or missing), "en" or "zh_CN"
#: what View > Language offers: (setting, name shown in the menu: each in its own language)
CHOICES = (("system", None), ("en", "English"), ("zh_CN", "简体中文"))
LANGUAGES = ("en", "zh_CN")  # the languages the window speaks (English is the source: it needs no file)

_installed: list[QTranslator] = []  # kept alive: Qt holds only a pointer to an installed translator
_current = "en"


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``: ``text`` in the window's language (``text`` itself when untranslated)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks ``text`` for lupdate under ``context`` and returns it unchanged: translate it where it is shown."""
    return text


def normalise(language: str | None) -> str | None:
    """``zh_CN``, ``zh-CN``, ``zh_CN.UTF-8``, ``zh``, ``zh_Hans`` → "zh_CN"; ``en_GB`` → "en"; 'system'/None →
    None (the system decides); a language bpviz does not speak → "en"."""
    if not language or language.lower() in ("system", "default"):
        return None
    code = language.split(".")[0].split("@")[0].replace("-", "_")
    if code.lower().startswith("zh") and not code.lower().startswith(("zh_tw", "zh_hk", "zh_hant", "zh_mo")):
        return "zh_CN"
    return "en"


def system_language() -> str:
    """The user's language as the system says: LANGUAGE (a list, first wins), LC_ALL, LC_MESSAGES, LANG, then
    QLocale.system() (Windows and macOS have no such variables)."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        for part in value.split(":"):
            if part and part not in ("C", "POSIX") and not part.startswith("C."):
                return normalise(part) or "en"
    for name in QLocale.system().uiLanguages():
        return normalise(name) or "en"
    return "en"


def chosen_setting(settings: QSettings | None = None) -> str:
    """What View > Language holds: "system", "en" or "zh_CN"."""
    value = str((settings if settings is not None else QSettings()).value(SETTING, "system") or "system")
    return value if value in {key for key, _ in CHOICES} else "system"


def save_choice(choice: str, settings: QSettings | None = None) -> None:
    """Keep View > Language's ``choice`` ("system", "en" or "zh_CN") for the next start."""
    settings = settings if settings is not None else QSettings()
    settings.setValue(SETTING, choice)
    settings.sync()


def resolve(override: str | None = None, settings: QSettings | None = None) -> str:
    """The language to use: ``--lang`` (``override``), else View > Language, else the system's."""
    return normalise(override) or normalise(chosen_setting(settings)) or system_language()


def translations_dir():
    """Where bpviz_LANG.qm are: the package's resources, or the folder BPVIZ_TRANSLATIONS names (a translator
    trying a .qm of their own without reinstalling)."""
    override = os.environ.get("BPVIZ_TRANSLATIONS")
    return Path(override) if override else resource_dir() / "translations"


def install(app: QCoreApplication, language: str) -> str:
    """Install bpviz's and Qt's own translators for ``language`` ("en" or "zh_CN") on ``app`` (the ones installed
    before are removed). Returns the language the window will speak ("en" when a file is missing)."""
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = "en"
    if language == "en":
        return _current
    ours = QTranslator(app)
    if not ours.load(f"bpviz_{language}", str(translations_dir())):
        return _current
    app.installTranslator(ours)
    _installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    qt = QTranslator(app)  # Qt's own texts: the buttons of message boxes and file dialogs, context menus
    if qt.load(f"qtbase_{language}", qt_dir) or qt.load(f"qtbase_{language}", str(translations_dir())):
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale(language))
    _current = language
    return _current


def current() -> str:
    """The language installed by ``install`` ("en" before)."""
    return _current


# ---------------------------------------------------------------------------------------------------- the engine's
def localise(text) -> str:
    """What the Qt-free code composed (a bpviz.engine.phrases.Phrase, or an exception raised with one) in the
    window's language; plain text as it is."""
    if isinstance(text, BaseException):
        text = phrase_of(text)
    return str(text) if _current == "en" else render(text, translate)


# The engine never imports Qt: its phase titles are translated here, where the window shows them; the notes of a step
# are phrases (bpviz.engine.trace_phases). Formulas, symbols and numbers stay as they are.
_PHASE_TITLES = {  # bpviz.reports.PHASE_TITLES, marked for lupdate (tests check the two agree)
    "forward": QT_TRANSLATE_NOOP("Phase", "Forward pass"),
    "error": QT_TRANSLATE_NOOP("Phase", "Error"),
    "backward": QT_TRANSLATE_NOOP("Phase", "Backward pass"),
    "batch": QT_TRANSLATE_NOOP("Phase", "The batch: mean of the samples' gradients"),
    "update": QT_TRANSLATE_NOOP("Phase", "Update"),
    "given": QT_TRANSLATE_NOOP("Phase", "Given"),
}


def phase_title(phase: str) -> str:
    """The title of a phase of a pass (bpviz.reports.PHASE_TITLES) in the window's language."""
    return translate("Phase", _PHASE_TITLES[phase]) if phase in _PHASE_TITLES else phase
