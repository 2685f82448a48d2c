"""Render installer/app-icon.svg into the files installers need: hromada-desk.png (Linux
.desktop entry, 256 px) and hromada-desk.ico (Windows, 16-256 px). Qt does both (QtSvg and
the ICO image plugin), so no other tool is needed. Run: python installer/make_icons.py"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(HERE / "app-icon.svg")).render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    if not render(256).save(str(HERE / "hromada-desk.png")):
        print("could not write the PNG icon", file=sys.stderr)
        return 1
    writer = QImageWriter(str(HERE / "hromada-desk.ico"), b"ico")
    if not writer.write(render(256)):
        print(f"could not write the ICO icon: {writer.errorString()}", file=sys.stderr)
        return 1
    print(HERE / "hromada-desk.png", HERE / "hromada-desk.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
