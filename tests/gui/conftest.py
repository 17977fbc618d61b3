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
