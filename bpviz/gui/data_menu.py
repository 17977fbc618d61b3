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

CSV_FILTER = "CSV tables (*.csv *.tsv *.txt);;All files (*)"
SCRIPT_FILTER = "Python scripts (*.py);;All files (*)"
DEFAULT_SCRIPT_EPOCHS = 100  # a run that has not started yet is written out for this many epochs


class DataMenu(QObject):
    def __init__(self, window, files):
        """``files``: the window's FileMenu (its ``fail`` says what went wrong)."""
        super().__init__(window)
        self.window = window
        self.files = files
        self.import_action = self._action("&Import data…", "Ctrl+Shift+I", self.import_dialog,
                                          "Train the playground on points from a CSV file: x1,x2,label (a class "
                                          "number or name) or x1,x2,value")
        self.export_action = self._action("Export &data…", "Ctrl+Shift+D", self.export_data_dialog,
                                          "Write the playground's points (train and test) to a CSV file")
        self.script_action = self._action("Export as &Python script…", "Ctrl+Shift+P", self.export_script_dialog,
                                          "Write this network, its data, starting weights and training loop as a "
                                          "standalone NumPy script that prints the same losses as bpviz")

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
            return self.files.fail("Cannot import the data", str(exc), path)
        self.playground.data.set_points(points)
        self.window.tabs.setCurrentWidget(self.playground)
        counts = (f"{len(points):,} points of {points.n_classes} classes" if not points.regression
                  else f"{len(points):,} points with values")
        note = f"; {points.rescaling_text()}" if points.rescaled else ""
        self.window.show_status(f"Imported {counts} from {path}{note}")
        self._remember(path)
        return True

    def export_data_to(self, path) -> bool:
        from bpviz.datafile import write_points

        points = self.playground.data.points()
        if points is None or len(points) == 0:
            return self.files.fail("Cannot export the data", "There are no points to export: draw or import some "
                                   "first.", path)
        try:
            written = write_points(path, points)
        except FileError as exc:
            return self.files.fail("Cannot export the data", str(exc), path)
        self.window.show_status(f"{len(points):,} points written to {written}")
        self._remember(path)
        return True

    def export_script_to(self, path, epochs: int | None = None) -> bool:
        from bpviz.script import write_training_script

        frame = self.playground.frame
        if frame is None:
            return self.files.fail("Cannot export the script", "The playground has no network yet.", path)
        if epochs is None:
            epochs = frame.snapshot.epoch or DEFAULT_SCRIPT_EPOCHS
        try:
            written = write_training_script(path, frame.config, epochs, data=frame.data)
        except FileError as exc:
            return self.files.fail("Cannot export the script", str(exc), path)
        except ValueError as exc:  # no training points to train on
            return self.files.fail("Cannot export the script", f"Cannot write {path}: {exc}", path)
        self.window.show_status(f"Script written to {written}: python {Path(written).name} trains this network "
                                f"for {epochs:,} epochs from its starting weights")
        self._remember(path)
        return True

    # ------------------------------------------------------------------ dialogs
    def import_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import data", self._folder(), CSV_FILTER)
        return self.import_path(path) if path else False

    def export_data_dialog(self) -> bool:
        start = str(Path(self._folder()) / "points.csv")
        path, _ = QFileDialog.getSaveFileName(self.window, "Export data", start, CSV_FILTER)
        return self.export_data_to(path) if path else False

    def export_script_dialog(self) -> bool:
        start = str(Path(self._folder()) / "train_network.py")
        path, _ = QFileDialog.getSaveFileName(self.window, "Export as Python script", start, SCRIPT_FILTER)
        return self.export_script_to(path) if path else False
