"""File > Import data…, Export data… and Export as Python script…: the playground's points in and out as CSV, and
its run as a standalone NumPy script.

Dialogs choose paths; the work is in ``import_path``/``export_data_to``/``export_script_to`` (called directly by
tests). A refused file is one message naming the file and the line (bpviz.datafile) and the current data stays; a
write that fails leaves nothing half-written (bpviz.files).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog

from bpviz.files import FileError
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, localise

CSV_FILTER = QT_TRANSLATE_NOOP("DataMenu", "CSV tables (*.csv *.tsv *.txt);;All files (*)")  # translated where shown
SCRIPT_FILTER = QT_TRANSLATE_NOOP("DataMenu", "Python scripts (*.py);;All files (*)")
DEFAULT_SCRIPT_EPOCHS = 100  # a run that has not started yet is written out for this many epochs


class DataMenu(QObject):
    def __init__(self, window, files):
        """``files``: the window's FileMenu (its ``fail`` says what went wrong)."""
        super().__init__(window)
        self.window = window
        self.files = files
        self.import_action = self._action(self.tr("&Import data…"), "Ctrl+Shift+I", self.import_dialog,
                                          self.tr("Train the playground on points from a CSV file: x1,x2,label (a "
                                                  "class number or name) or x1,x2,value"))
        self.export_action = self._action(self.tr("Export &data…"), "Ctrl+Shift+D", self.export_data_dialog,
                                          self.tr("Write the playground's points (train and test) to a CSV file"))
        self.script_action = self._action(self.tr("Export as &Python script…"), "Ctrl+Shift+P",
                                          self.export_script_dialog,
                                          self.tr("Write this network, its data, starting weights and training loop "
                                                  "as a standalone NumPy script that prints the same losses as bpviz"))

    def _action(self, text, keys, slot, tip) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def add_to(self, menu) -> None:
        for action in (self.import_action, self.export_action, self.script_action):
            menu.addAction(action)

    @property
    def playground(self):
        return self.window.playground

    def _folder(self) -> str:
        folder = QSettings().value("data/folder", "")
        return folder if isinstance(folder, str) and folder and Path(folder).is_dir() else str(Path.home())

    def _remember(self, path) -> None:
        QSettings().setValue("data/folder", str(Path(path).parent))

    # ------------------------------------------------------------------ the work
    def import_path(self, path) -> bool:
        from bpviz.datafile import read_points

        try:
            points = read_points(path)
        except FileError as exc:
            return self.files.fail(self.tr("Cannot import the data"), exc, path)
        self.playground.data.set_points(points)
        self.window.tabs.setCurrentWidget(self.playground)
        counts = (self.tr("{n} points of {k} classes").format(n=f"{len(points):,}", k=points.n_classes)
                  if not points.regression else self.tr("{n} points with values").format(n=f"{len(points):,}"))
        status = self.tr("Imported {counts} from {path}").format(counts=counts, path=path)
        if points.rescaled:
            status = self.tr("{status}; {rescaling}").format(status=status, rescaling=localise(points.rescaling_text()))
        self.window.show_status(status)
        self._remember(path)
        return True

    def export_data_to(self, path) -> bool:
        from bpviz.datafile import write_points

        points = self.playground.data.points()
        if points is None or len(points) == 0:
            return self.files.fail(self.tr("Cannot export the data"),
                                   self.tr("There are no points to export: draw or import some first."), path)
        try:
            written = write_points(path, points)
        except FileError as exc:
            return self.files.fail(self.tr("Cannot export the data"), exc, path)
        self.window.show_status(self.tr("{n} points written to {path}").format(n=f"{len(points):,}", path=written))
        self._remember(path)
        return True

    def export_script_to(self, path, epochs: int | None = None) -> bool:
        from bpviz.script import write_training_script

        frame = self.playground.frame
        if frame is None:
            return self.files.fail(self.tr("Cannot export the script"), self.tr("The playground has no network yet."),
                                   path)
        if epochs is None:
            epochs = frame.snapshot.epoch or DEFAULT_SCRIPT_EPOCHS
        try:
            written = write_training_script(path, frame.config, epochs, data=frame.data)
        except FileError as exc:
            return self.files.fail(self.tr("Cannot export the script"), exc, path)
        except ValueError as exc:  # no training points to train on
            return self.files.fail(self.tr("Cannot export the script"),
                                   self.tr("Cannot write {path}: {reason}").format(path=path, reason=localise(exc)),
                                   path)
        self.window.show_status(self.tr("Script written to {path}: python {name} trains this network for {epochs} "
                                        "epochs from its starting weights")
                                .format(path=written, name=Path(written).name, epochs=f"{epochs:,}"))
        self._remember(path)
        return True

    # ------------------------------------------------------------------ dialogs
    def import_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import data"), self._folder(),
                                              self.tr(CSV_FILTER))
        return self.import_path(path) if path else False

    def export_data_dialog(self) -> bool:
        start = str(Path(self._folder()) / "points.csv")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export data"), start, self.tr(CSV_FILTER))
        return self.export_data_to(path) if path else False

    def export_script_dialog(self) -> bool:
        start = str(Path(self._folder()) / "train_network.py")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export as Python script"), start,
                                              self.tr(SCRIPT_FILTER))
        return self.export_script_to(path) if path else False
