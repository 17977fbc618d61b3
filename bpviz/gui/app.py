"""Starting the desktop application."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication  # before pyqtgraph: it uses the binding already imported


def create_app(argv=None) -> QApplication:
    app = QApplication.instance() or QApplication(list(sys.argv if argv is None else argv))
    app.setApplicationName("bpviz")
    app.setOrganizationName("bpviz")
    app.setApplicationDisplayName("bpviz")
    app.setDesktopFileName("bpviz")  # ties the window to bpviz.desktop (icon in docks and task bars)
    return app


def run(argv=None) -> int:
    app = create_app(argv)
    from bpviz.gui.main_window import MainWindow, app_icon

    app.setWindowIcon(app_icon())
    window = MainWindow()
    app.aboutToQuit.connect(window.playground.shutdown)  # quitting without closing the window (e.g. logout)
    window.show()
    return app.exec()
