"""The main window: pages in tabs, menus, toolbar, status bar; geometry and layout remembered (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QToolBar

from bpviz import __version__
from bpviz.gui import help_dialogs
from bpviz.gui.file_menu import FileMenu
from bpviz.gui.pages import make_lesson_pages
from bpviz.gui.pages.example import ExamplePage
from bpviz.gui.pages.playground import PlaygroundPage
from bpviz.gui.resources import resource_path

DEFAULT_SIZE = QSize(1280, 800)


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons/bpviz.svg")))


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self.setWindowTitle("bpviz — see and learn backpropagation")
        self.setWindowIcon(app_icon())
        self.setObjectName("bpviz_main_window")

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.example = ExamplePage()
        self.tabs.addTab(self.example, "Worked example (2-2-2)")
        self.playground = PlaygroundPage()
        self.tabs.addTab(self.playground, "Training playground")
        self.lesson_pages = make_lesson_pages(self.example.model, self.playground.model)
        for page in self.lesson_pages:
            self.tabs.addTab(page, page.tab_title)
            page.statusMessage.connect(self.show_status)
            for signal in ("frameShown", "statusTextChanged"):  # a page whose figures change as it runs
                if hasattr(page, signal):
                    getattr(page, signal).connect(self._update_lesson_label)
        self.setCentralWidget(self.tabs)
        self._wire_playground_commands()

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.error_label = QLabel()
        self.error_label.setObjectName("status_error")
        # Fixed size: its text changes with every training frame, and a label that may resize re-lays out
        # (and repaints) the whole window each time.
        label = self.error_label
        label.setFixedSize(label.fontMetrics().horizontalAdvance("0" * 58), label.sizeHint().height())
        self.error_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.statusBar().addPermanentWidget(self.error_label)
        self.example.statusMessage.connect(self.show_status)
        self.example.stepper.positionChanged.connect(self._update_error_label)
        self.playground.statusMessage.connect(self.show_status)
        self.playground.frameShown.connect(self._update_training_label)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._restore()
        self._tab_changed(self.tabs.currentIndex())

    # ------------------------------------------------------------------ construction
    def _build_actions(self) -> None:
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence.Quit)
        self.quit_action.triggered.connect(self.close)
        self.reset_layout_action = QAction("Reset &layout", self)
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.about_action = QAction("&About bpviz", self)
        self.about_action.triggered.connect(self.show_about)
        self.lessons_action = QAction("&Lessons (README)", self)
        self.lessons_action.setShortcut(QKeySequence.HelpContents)
        self.lessons_action.triggered.connect(self.show_lessons)
        self.shortcuts_action = QAction("&Keyboard shortcuts", self)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.page_actions = []  # Ctrl+1 ... Ctrl+9: show that page
        for index in range(self.tabs.count()):
            action = QAction(self.tabs.tabText(index), self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.tabs.setCurrentIndex(i))
            self.page_actions.append(action)

    def _wire_playground_commands(self) -> None:
        """Pages that follow the playground's network offer its Play, Step and Reset: they ask, the playground
        page does."""
        for page in self.lesson_pages:
            live = getattr(page, "live", None)
            if live is not None:
                live.playRequested.connect(self.playground.toggle_play)
                live.stepRequested.connect(self.playground.step)
                live.resetRequested.connect(self.playground.reset)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.files = FileMenu(self)
        self.files.add_to(file_menu)
        self.files.sessionChanged.connect(self._show_session_name)
        file_menu.addSeparator()
        self.export_menu = file_menu.addMenu("&Export")
        self.files.build_exports(self.export_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view = bar.addMenu("&View")
        for action in self.page_actions:
            view.addAction(action)
        view.addSeparator()
        self.panel_actions = {}
        for key, title, widget in (("params", "Starting numbers panel", self.example.bottom),
                                   ("stepper", "Step panel", self.example.stepper)):
            action = QAction(title, self, checkable=True, checked=True)
            action.toggled.connect(widget.setVisible)
            view.addAction(action)
            self.panel_actions[key] = action
        view.addSeparator()
        view.addAction(self.reset_layout_action)

        pass_menu = bar.addMenu("&Pass")
        actions = self.example.stepper.actions
        for key in ("previous", "next", "run_all", "reset"):
            pass_menu.addAction(actions[key])
        pass_menu.addSeparator()
        pass_menu.addAction(self.example.apply_update_action)
        pass_menu.addAction(self.example.reset_params_action)

        training_menu = bar.addMenu("&Training")
        for action in self.playground.actions_list:
            training_menu.addAction(action)

        lessons_menu = bar.addMenu("&Lessons")  # each lesson page's commands, enabled while it is shown
        for page in self.lesson_pages:
            submenu = lessons_menu.addMenu(page.tab_title)
            for command in page.menu_actions():
                submenu.addAction(command)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.lessons_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        """One toolbar per page, shown with its tab. The example's step buttons sit in its step panel."""
        self.toolbars = []
        for name, actions in (("Worked example", [self.example.apply_update_action,
                                                  self.example.reset_params_action]),
                              ("Training", self.playground.actions_list)):
            bar = QToolBar(name)
            bar.setObjectName(f"{name.lower().replace(' ', '_')}_toolbar")
            bar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            bar.setMovable(False)
            for action in actions:
                bar.addAction(action)
            self.addToolBar(Qt.TopToolBarArea, bar)
            self.toolbars.append(bar)

    def show_page(self, name: str) -> None:
        """Show the page called ``name`` ("example", "playground" or a lesson page's ``page_name``)."""
        pages = {"example": self.example, "playground": self.playground}
        pages.update((page.page_name, page) for page in self.lesson_pages)
        if name not in pages:
            raise ValueError(f"no page called {name!r} (pages: {', '.join(pages)})")
        self.tabs.setCurrentWidget(pages[name])

    @Slot(str)
    def _show_session_name(self, path: str) -> None:
        name = Path(path).name if path else ""
        self.setWindowTitle(f"{name} — bpviz" if name else "bpviz — see and learn backpropagation")

    # ------------------------------------------------------------------ status
    @Slot(str)
    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        current = self.tabs.widget(index)
        on_example, on_playground = current is self.example, current is self.playground
        self.example.set_active(on_example)
        self.playground.set_active(on_playground)
        for page in self.lesson_pages:
            page.set_active(page is current)
        for bar, visible in zip(self.toolbars, (on_example, on_playground)):
            bar.setVisible(visible)
        if on_example:
            self._update_error_label(self.example.stepper.position())
        elif on_playground:
            self._update_training_label()
        else:
            self._update_lesson_label()

    @Slot(object)
    def _update_training_label(self, frame=None) -> None:
        if self.tabs.currentWidget() is self.playground:
            self.error_label.setText(self.playground.status_text())

    @Slot(object)
    def _update_lesson_label(self, _frame=None) -> None:
        """The shown lesson page's figures (its ``status_text()``, if it has one) in the status bar's label."""
        page = self.tabs.currentWidget()
        if page in self.lesson_pages:  # a frame of a page that is not shown changes nothing here
            status_text = getattr(page, "status_text", None)
            self.error_label.setText(status_text() if status_text else "")

    @Slot(int)
    def _update_error_label(self, position: int) -> None:
        trace = self.example.model.trace
        if position >= trace.index("E_total"):
            self.error_label.setText(f"E_total = {trace.quantities['E_total']:.9g}")
        else:
            self.error_label.setText("E_total: not computed yet")

    # ------------------------------------------------------------------ help
    @Slot()
    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("About bpviz")
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setTextFormat(Qt.RichText)
        box.setText(help_dialogs.about_html(__version__))
        label = box.findChild(QLabel, "qt_msgbox_label")
        if label is not None:
            label.setTextInteractionFlags(Qt.TextBrowserInteraction)
            label.linkActivated.connect(lambda _link: (box.accept(), self.show_lessons()))
        box.exec()

    @Slot()
    def show_lessons(self) -> None:
        help_dialogs.LessonsDialog(self).exec()

    @Slot()
    def show_shortcuts(self) -> None:
        help_dialogs.ShortcutsDialog(self.findChildren(QAction), self).exec()

    # ------------------------------------------------------------------ settings
    def _restore(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._default_geometry()
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        for key, action in self.panel_actions.items():
            action.setChecked(s.value(f"panels/{key}", True, type=bool))
        for page in self.lesson_pages:
            if hasattr(page, "restore_settings"):
                page.restore_settings(s)
        self.tabs.setCurrentIndex(int(s.value("window/tab", 0)))
        self._layout_restored = False  # splitter sizes: on the first show, once the window has its size

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True
            self.example.restore_layout(self.settings)

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
        for key, action in self.panel_actions.items():
            s.setValue(f"panels/{key}", action.isChecked())
        self.example.save_layout(s)
        for page in self.lesson_pages:
            if hasattr(page, "save_settings"):
                page.save_settings(s)
        s.sync()

    @Slot()
    def reset_layout(self) -> None:
        for action in self.panel_actions.values():
            action.setChecked(True)
        total = self.example.main.width()
        self.example.main.setSizes([int(total * 0.68), total - int(total * 0.68)])
        height = self.example.left.height()
        self.example.left.setSizes([int(height * 0.7), height - int(height * 0.7)])
        self._default_geometry()

    def closeEvent(self, event) -> None:
        self.save_settings()
        self.playground.shutdown()
        for page in self.lesson_pages:
            page.shutdown()
        super().closeEvent(event)

