"""Where and how big: the dialog before a picture is exported (PNG of a chosen size, or SVG).

The size boxes stop at the biggest picture export_picture draws (bpviz.gui.export.pictures.MAX_SIDE); a size of
more pixels in all than it draws (MAX_PIXELS) is said in words under the boxes and Save waits for a smaller one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from bpviz.gui.export.pictures import MAX_PIXELS, MAX_SIDE
from bpviz.gui.i18n import QT_TRANSLATE_NOOP, translate

# the formats by their names (translated where shown: the combo box holds each one's suffix as its data)
FORMATS = {QT_TRANSLATE_NOOP("PictureExportDialog", "PNG image"): ".png",
           QT_TRANSLATE_NOOP("PictureExportDialog", "SVG vector drawing"): ".svg"}


class PictureExportDialog(QDialog):
    def __init__(self, what: str, default_path: Path, default_size: tuple[int, int], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export {what}").format(what=what))
        self._aspect = default_size[0] / max(default_size[1], 1)
        self._default_size = default_size
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit(str(default_path))
        self.path.setMinimumWidth(360)
        self.path.textChanged.connect(self._path_changed)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File:"), row)
        self.format = QComboBox()
        for name, ext in FORMATS.items():
            self.format.addItem(translate("PictureExportDialog", name), ext)
        self.format.currentIndexChanged.connect(self._format_changed)
        form.addRow(self.tr("Format:"), self.format)
        size_row = QWidget()
        sizes = QHBoxLayout(size_row)
        sizes.setContentsMargins(0, 0, 0, 0)
        self.width_box, self.height_box = QSpinBox(), QSpinBox()
        for box, value in ((self.width_box, default_size[0]), (self.height_box, default_size[1])):
            box.setRange(16, MAX_SIDE)
            box.setValue(value)
            box.setSuffix(self.tr(" px"))
        self.width_box.valueChanged.connect(lambda w: self._keep_aspect(self.height_box, round(w / self._aspect)))
        self.height_box.valueChanged.connect(lambda h: self._keep_aspect(self.width_box, round(h * self._aspect)))
        sizes.addWidget(self.width_box)
        sizes.addWidget(QLabel("×"))
        sizes.addWidget(self.height_box)
        for scale in (1, 2, 3):
            button = QPushButton(f"{scale}×")
            w, h = scale * default_size[0], scale * default_size[1]
            button.setToolTip(self.tr("{scale} times the size on screen ({w} × {h})").format(scale=scale, w=w, h=h))
            button.clicked.connect(lambda _=False, s=scale: self.width_box.setValue(s * self._default_size[0]))
            sizes.addWidget(button)
        self.size_row = size_row
        form.addRow(self.tr("Size:"), size_row)
        self.note = QLabel(self.tr("SVG keeps lines and text as vectors: sharp at any size."))
        self.note.setWordWrap(True)
        form.addRow("", self.note)
        self.size_note = QLabel()
        self.size_note.setObjectName("export_size_note")
        self.size_note.setWordWrap(True)
        form.addRow("", self.size_note)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        form.addRow(buttons)
        for box in (self.width_box, self.height_box):
            box.valueChanged.connect(self._update_enabled)
        self._path_changed(self.path.text())

    def _keep_aspect(self, box: QSpinBox, value: int) -> None:
        if box.value() != value:
            blocked = box.blockSignals(True)
            box.setValue(max(16, min(MAX_SIDE, value)))
            box.blockSignals(blocked)

    def _path_changed(self, text: str) -> None:
        suffix = Path(text).suffix.lower()
        index = self.format.findData(suffix)
        if index >= 0 and index != self.format.currentIndex():
            self.format.setCurrentIndex(index)
        self._update_enabled()

    def _format_changed(self, _index: int) -> None:
        ext = self.format.currentData()
        path = Path(self.path.text())
        if path.suffix.lower() != ext:
            self.path.setText(str(path.with_suffix(ext)))
        self._update_enabled()

    def _update_enabled(self) -> None:
        png = self.format.currentData() == ".png"
        self.size_row.setEnabled(png)
        self.note.setVisible(not png)
        pixels = self.width_box.value() * self.height_box.value()
        too_big = png and pixels > MAX_PIXELS
        self.size_note.setText(self.tr("{w:,} × {h:,} is {millions:.0f} million pixels: at most {most} million can "
                                       "be drawn. Choose a smaller size.").format(
            w=self.width_box.value(), h=self.height_box.value(), millions=pixels / 1e6,
            most=MAX_PIXELS // 1_000_000) if too_big else "")
        self.size_note.setVisible(too_big)
        self.save_button.setEnabled(not too_big)

    def _browse(self) -> None:
        filters = ";;".join(f"{translate('PictureExportDialog', name)} (*{ext})" for name, ext in FORMATS.items())
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path.text(), filters)
        if path:
            self.path.setText(path)

    def choice(self) -> tuple[str, tuple[int, int] | None]:
        """(path, PNG size or None for SVG)."""
        png = self.format.currentData() == ".png"
        return self.path.text(), ((self.width_box.value(), self.height_box.value()) if png else None)


__all__ = ["FORMATS", "PictureExportDialog"]
