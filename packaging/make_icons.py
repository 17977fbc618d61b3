"""Render resources/icons/bpviz.svg into the sizes installers need (PNG for the hicolor theme, .ico, .icns).

    python packaging/make_icons.py OUT_DIR

Uses Qt (PySide6) to draw the SVG, so no image tool is needed. Writes OUT_DIR/bpviz-<size>.png for the
hicolor sizes, OUT_DIR/bpviz.ico (Windows) and, when Qt can write it, OUT_DIR/bpviz.icns (macOS).
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SVG = Path(__file__).resolve().parents[1] / "resources" / "icons" / "bpviz.svg"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main(out: Path) -> int:
    app = QGuiApplication([])  # noqa: F841 (Qt needs it to draw)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        render(renderer, size).save(str(out / f"bpviz-{size}.png"))
    formats = {bytes(f).decode() for f in QImageWriter.supportedImageFormats()}
    for ext, size in (("ico", 256), ("icns", 512)):
        if ext in formats:
            render(renderer, size).save(str(out / f"bpviz.{ext}"))
        else:
            print(f"note: this Qt cannot write .{ext}; the {ext} icon is made on its own platform", file=sys.stderr)
    print(f"icons written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons")))
