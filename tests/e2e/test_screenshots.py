"""The screens render real text: glyphs are letters, not the boxes drawn when a font is
missing (text assertions would still pass), and each theme paints its own colours."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from reader.ui.theme import DARK, LIGHT
from tests.e2e.screenshots import capture


def _ink_width(text: str, font: QFont) -> int:
    image = QImage(200, 60, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(QPoint(5, 40), text)
    painter.end()
    columns = [x for x in range(image.width()) if any(image.pixelColor(x, y).red() < 128 for y in range(60))]
    return columns[-1] - columns[0] if columns else 0


def test_glyphs_are_letters_not_boxes(qapp) -> None:
    font = QFont(qapp.font())
    font.setPointSize(20)
    narrow, wide = _ink_width("iiii", font), _ink_width("mmmm", font)
    assert wide > 2 * narrow > 0  # a missing font draws same-size boxes for every letter


def test_every_screen_renders_in_its_theme(qapp, tmp_path: Path) -> None:
    shots = {path.stem: path for path in capture(tmp_path / "out", tmp_path / "work")}
    assert set(shots) == {"main-light", "main-dark", "search", "comparison", "references", "main-zoom200"}
    light, dark = QImage(str(shots["main-light"])), QImage(str(shots["main-dark"]))
    assert light.size().width() == 1280 and light.size().height() == 800
    corner = QPoint(908, 400)  # inside the article, right of the text column
    assert light.pixelColor(corner) == QColor(LIGHT.base)
    assert dark.pixelColor(corner) == QColor(DARK.base)
    row = [light.pixelColor(x, 112) for x in range(280, 900)]  # through the title
    assert sum(1 for c in row if c.lightness() < 80) > 40  # dark ink of the title's letters
