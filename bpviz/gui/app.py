"""Starting the desktop application."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtWidgets import QApplication  # before pyqtgraph: it uses the binding already imported

APP_ID = "io.github.bpviz.bpviz"  # the desktop entry, AppStream metainfo and icon name (resources/)


def _return_big_blocks_to_the_system() -> None:
    """glibc serves a block above its mmap threshold from its own mapping, returned to the system when freed; but
    it raises that threshold (up to 32 MB) each time such a block is freed, and the blocks below it then stay in
    its heap after use. A window exports 100 MB pictures and resizes to 4K screens: measured here, a session's
    memory stayed ~100 MB above what it used. A fixed threshold keeps big blocks going back. Elsewhere: nothing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(M_MMAP_THRESHOLD, 1 << 20)
    except (OSError, AttributeError):  # not glibc (musl, ...): its own policy stays
        pass


M_MMAP_THRESHOLD = -3  # glibc's <malloc.h>


def create_app(argv=None) -> QApplication:
    _return_big_blocks_to_the_system()
    app = QApplication.instance() or QApplication(list(sys.argv if argv is None else argv))
    app.setApplicationName("bpviz")
    app.setOrganizationName("bpviz")
    app.setApplicationDisplayName("bpviz")
    app.setDesktopFileName(APP_ID)  # ties the window to its .desktop entry (icon in docks and task bars)
    from bpviz.gui.export.pictures import install_svg_workaround

    install_svg_workaround()  # pyqtgraph's own Export… (a plot's menu) fails on Qt >= 6.11 without it
    return app


def run(session: str | None = None, argv=None, page: str | None = None, lang: str | None = None,
        theme: str | None = None) -> int:
    """Open the window (and the session file ``session``, if given; on ``page``, one of cli.PAGES; in ``lang``,
    "en" or "zh_CN", else as View > Language or the system says) and run until it closes."""
    app = create_app(argv)
    from bpviz.gui import i18n

    i18n.install(app, i18n.resolve(lang))  # before any widget is built: their texts are translated as made
    from bpviz.gui import theme as themes

    themes.apply(app, themes.resolve(theme))  # ``theme``: "light" or "dark" (--theme), else View > Theme or the system
    from bpviz.gui.main_window import MainWindow, app_icon

    app.setWindowIcon(app_icon())
    window = MainWindow()
    app.aboutToQuit.connect(window.shutdown)  # quitting without closing the window (a logout): still join threads
    if page:
        window.show_page(page)
    window.show()
    if session:
        window.files.open_path(session)  # a refused file shows its message; the window stays open
    return app.exec()
