"""The main window: pages in tabs, menus, toolbars, status bar; geometry and layout remembered (QSettings).

Wiring only. It asks each page (bpviz.gui.pages.Page) for its commands, toolbar, panels, figures, exports and
settings, shows the current page's status text, connects the pages that follow the playground to its commands,
and shuts every page down on close. It computes nothing and keeps no state of a page's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMessageBox, QSizePolicy, QTabWidget, QToolBar

from bpviz import __version__
from bpviz.gui import help_dialogs, i18n, palette, theme
from bpviz.gui.data_menu import DataMenu
from bpviz.gui.file_menu import FileMenu
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.gui.pages import make_lesson_pages
from bpviz.gui.pages.example import ExamplePage
from bpviz.gui.pages.playground import PlaygroundPage
from bpviz.gui.resources import resource_path

DEFAULT_SIZE = QSize(1280, 800)
# the lesson pages share the Lessons menu
PAGE_MENUS = {"example": QT_TRANSLATE_NOOP("MainWindow", "&Pass"),
              "playground": QT_TRANSLATE_NOOP("MainWindow", "&Training")}


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons/bpviz.svg")))


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self.setWindowTitle(self.tr("bpviz — see and learn backpropagation"))
        self.setWindowIcon(app_icon())
        self.setObjectName("bpviz_main_window")

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.example = ExamplePage()
        self.playground = PlaygroundPage()
        self.lesson_pages = make_lesson_pages(self.example.model, self.playground.model)
        self.pages = [self.example, self.playground, *self.lesson_pages]
        for page in self.pages:
            self.tabs.addTab(page, tab_title(page))
            page.statusMessage.connect(self.show_status)
            page.statusTextChanged.connect(self._page_status_changed)
        self.setCentralWidget(self.tabs)
        trajectories = self.page("trajectories").live  # its Play, Step and Reset are the playground's
        trajectories.playRequested.connect(self.playground.toggle_play)
        trajectories.stepRequested.connect(self.playground.step)
        trajectories.resetRequested.connect(self.playground.reset)
        # a click on the loss landscape sets two of the worked example's weights: its page shows them at once
        self.page("landscape").exampleParamEdited.connect(self.example.edit_param)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.status_label = QLabel()
        self.status_label.setObjectName("status_figures")
        # Fixed size: its text changes with every training frame, and a label that may resize re-lays out
        # (and repaints) the whole window each time.
        label = self.status_label
        label.setFixedSize(label.fontMetrics().horizontalAdvance("0" * 58), label.sizeHint().height())
        label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.statusBar().addPermanentWidget(label)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._restore()
        self._tab_changed(self.tabs.currentIndex())

    # ------------------------------------------------------------------ construction
    def _build_actions(self) -> None:
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.Quit)
        self.quit_action.triggered.connect(self.close)
        self.reset_layout_action = QAction(self.tr("Reset &layout"), self)
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.about_action = QAction(self.tr("&About bpviz"), self)
        self.about_action.triggered.connect(self.show_about)
        self.lessons_action = QAction(self.tr("&Lessons (README)"), self)
        self.lessons_action.setShortcut(QKeySequence.HelpContents)
        self.lessons_action.triggered.connect(self.show_lessons)
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.page_actions = []  # Ctrl+1 ... Ctrl+9: show that page
        for index, page in enumerate(self.pages):
            action = QAction(tab_title(page), self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, p=page: self.tabs.setCurrentWidget(p))
            self.page_actions.append(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.files = FileMenu(self, self.pages)
        self.files.add_to(file_menu)
        self.files.sessionChanged.connect(self._show_session_name)
        file_menu.addSeparator()
        self.data_files = DataMenu(self, self.files)  # the playground's points in and out, its run as a script
        self.data_files.add_to(file_menu)
        file_menu.addSeparator()
        self.export_menu = file_menu.addMenu(self.tr("&Export"))
        self.files.build_exports(self.export_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view = bar.addMenu(self.tr("&View"))
        view.addActions(self.page_actions)
        view.addSeparator()
        for page in self.pages:
            view.addActions(page.view_actions())
        view.addSeparator()
        view.addAction(self.reset_layout_action)
        self._build_language_menu(view.addMenu(self.tr("&Language")))
        self.theme_actions = theme.build_menu(self, view.addMenu(self.tr("&Theme")), self.settings)

        for page in (self.example, self.playground):
            _add_actions(bar.addMenu(translate("MainWindow", PAGE_MENUS[page.page_name])), page.menu_actions())
        lessons_menu = bar.addMenu(self.tr("&Lessons"))  # each lesson page's commands, enabled while it is shown
        for page in self.lesson_pages:
            _add_actions(lessons_menu.addMenu(tab_title(page)), page.menu_actions())

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.lessons_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        """One toolbar: the current page's commands, or what the page teaches when it has none there. It keeps
        its height on every page: a page switch that changed the pages' height would lay out and repaint every
        plot of the page shown (~50 ms more on the trajectories page)."""
        self.toolbar = QToolBar(self.tr("Page commands"))
        self.toolbar.setObjectName("page_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        self.toolbar.toggleViewAction().setEnabled(False)  # hiding it would change the pages' height again
        self.addToolBar(Qt.TopToolBarArea, self.toolbar)
        self.page_summary = QLabel()
        self.page_summary.setObjectName("page_summary")
        self.page_summary.setContentsMargins(6, 0, 6, 0)
        self.page_summary.setStyleSheet(f"color: {palette.MUTED};")
        self.page_summary.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.page_summary.setMinimumWidth(40)  # not its text's width: a narrow window cuts it, never widens
        self._summary_action = self.toolbar.addWidget(self.page_summary)
        self.toolbar.insertActions(self._summary_action, self.playground.toolbar_actions())
        self.toolbar.setFixedHeight(self.toolbar.sizeHint().height())

    def _show_toolbar_of(self, page) -> None:
        for action in self.toolbar.actions():
            if action is not self._summary_action:
                self.toolbar.removeAction(action)
        actions = page.toolbar_actions()
        self.toolbar.insertActions(self._summary_action, actions)
        subject = translate("Page", page.subject) if page.subject else ""
        self.page_summary.setText("" if actions else subject)
        self.page_summary.setToolTip(subject)

    def page(self, name: str):
        """The page called ``name`` (its ``page_name``: example, playground, graph, ...)."""
        for page in self.pages:
            if page.page_name == name:
                return page
        raise ValueError(f"no page called {name!r} (pages: {', '.join(p.page_name for p in self.pages)})")

    def show_page(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.page(name))

    @Slot(str)
    def _show_session_name(self, path: str) -> None:
        name = Path(path).name if path else ""
        self.setWindowTitle(self.tr("{name} — bpviz").format(name=name) if name
                            else self.tr("bpviz — see and learn backpropagation"))

    # ------------------------------------------------------------------ status
    @Slot(str)
    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        current = self.tabs.widget(index)
        for page in self.pages:
            page.set_active(page is current)
        self._show_toolbar_of(current)
        self._update_status_label()

    @Slot()
    def _page_status_changed(self) -> None:
        if self.sender() is self.tabs.currentWidget():  # a page that is not shown changes nothing here
            self._update_status_label()

    def _update_status_label(self) -> None:
        """The shown page's figures."""
        self.status_label.setText(self.tabs.currentWidget().status_text())

    # ------------------------------------------------------------------ help
    @Slot()
    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About bpviz"))
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setTextFormat(Qt.RichText)
        box.setText(help_dialogs.about_html(__version__))
        label = box.findChild(QLabel, "qt_msgbox_label")
        if label is not None:
            label.setTextInteractionFlags(Qt.TextBrowserInteraction)
            label.linkActivated.connect(lambda _link: (box.accept(), self.show_lessons()))
        _open(box)

    @Slot()
    def show_lessons(self) -> None:
        _open(help_dialogs.LessonsDialog(self))

    @Slot()
    def show_shortcuts(self) -> None:
        _open(help_dialogs.ShortcutsDialog(self.findChildren(QAction), self))

    # ------------------------------------------------------------------ language
    def _build_language_menu(self, menu) -> None:
        """View > Language: System, English, 简体中文 (each name in its own language). The choice is kept in the
        settings and takes effect at the next start (the window's texts are made once, translated as made)."""
        self.language_actions = {}
        group = QActionGroup(self)
        chosen = i18n.chosen_setting(self.settings)
        for key, name in i18n.CHOICES:
            action = QAction(name or self.tr("System"), self, checkable=True, checked=key == chosen)
            action.setObjectName(f"language_{key}")
            action.setStatusTip(self.tr("Show the window in this language from the next start of bpviz"))
            action.triggered.connect(lambda _checked=False, k=key: self.choose_language(k))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[key] = action

    @Slot(str)
    def choose_language(self, choice: str) -> None:
        """Keep View > Language's ``choice`` ("system", "en", "zh_CN"); say it applies after a restart."""
        if choice == i18n.chosen_setting(self.settings):
            return
        i18n.save_choice(choice, self.settings)
        self.language_actions[choice].setChecked(True)
        message = self.tr("The language changes when bpviz starts again.")
        self.show_status(message)
        box = QMessageBox(QMessageBox.Information, self.tr("Language"), message, QMessageBox.Ok, self)
        _open(box)

    # ------------------------------------------------------------------ settings
    def _restore(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._default_geometry()
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        for page in self.pages:
            page.restore_settings(s)
        try:
            self.tabs.setCurrentIndex(int(s.value("window/tab", 0)))
        except (TypeError, ValueError):  # a settings file edited by hand
            self.tabs.setCurrentIndex(0)

    def _default_geometry(self) -> None:
        screen = QGuiApplication.primaryScreen()
        size = DEFAULT_SIZE
        if screen is not None:
            available = screen.availableGeometry()
            size = size.boundedTo(QSize(int(available.width() * 0.95), int(available.height() * 0.92)))
            self.resize(size)
            self.move(available.center() - self.rect().center())
        else:
            self.resize(size)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/tab", self.tabs.currentIndex())
        for page in self.pages:
            page.save_settings(s)
        s.sync()

    @Slot()
    def reset_layout(self) -> None:
        for page in self.pages:
            page.reset_layout()
        self._default_geometry()

    def shutdown(self) -> None:
        """Stop and join every page's threads and the File menu's writer (closing does it; so does quitting the
        application)."""
        for page in self.pages:
            page.shutdown()
        self.files.shutdown()

    def closeEvent(self, event) -> None:
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)


def tab_title(page) -> str:
    """A page's tab title in the window's language (its ``tab_title`` is marked with QT_TRANSLATE_NOOP("Page"))."""
    return translate("Page", page.tab_title)


def _add_actions(menu, actions) -> None:
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)


def _open(dialog: QDialog) -> None:
    """Show a dialog without blocking the window, and delete it once closed (nothing piles up in memory)."""
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.open()
