"""GUI test set-up: every test gets its own settings file, never the user's."""

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    qapp.setOrganizationName("bpviz-tests")
    qapp.setApplicationName("bpviz-tests")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"


@pytest.fixture
def window(qtbot):
    """The main window at 1280x800, shown, with this test's own settings. A test file that needs more (a
    page shown, training done) overrides it with ``def window(window): ...``."""
    from bpviz.gui.main_window import MainWindow

    w = MainWindow(QSettings())
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def chinese(qapp):
    """The window's translators for Simplified Chinese, installed for one test (English again after)."""
    from bpviz.gui import i18n

    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def zh_window(chinese, window):
    """The main window (``window``) built in Chinese: the translators are installed before it."""
    return window
