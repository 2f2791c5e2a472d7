"""Themed icons are drawn when first shown, in the theme's colours, at the size asked for."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage

from reader.ui.icons import SvgColourEngine
from reader.ui.theme import ICONS_DIR, ThemeChoice, ThemeController, themed_icon

SQUARE = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">'
    '<rect width="8" height="8" fill="currentColor"/></svg>'
)


def colours(image: QImage) -> set[str]:
    return {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}


def test_nothing_is_drawn_until_asked_then_each_size_once(qtbot) -> None:
    engine = SvgColourEngine(SQUARE, "#112233", "#aabbcc")
    icon = QIcon(engine.clone())
    assert engine._drawn == {}
    first = engine.pixmap(QSize(24, 24), QIcon.Mode.Normal, QIcon.State.Off)
    assert engine.pixmap(QSize(24, 24), QIcon.Mode.Normal, QIcon.State.Off) is first
    assert list(engine._drawn) == [(24, 24, False)]
    assert colours(icon.pixmap(16, 16).toImage()) == {"#112233"}
    assert colours(icon.pixmap(QSize(16, 16), QIcon.Mode.Disabled).toImage()) == {"#aabbcc"}


def test_toolbar_icons_follow_the_theme(qtbot) -> None:
    names = sorted(path.stem for path in ICONS_DIR.glob("*.svg") if path.stem != "health-reader")
    assert names
    for choice in (ThemeChoice.LIGHT, ThemeChoice.DARK):
        theme = ThemeController(choice)
        icon = themed_icon(names[0], theme.colors)
        drawn = colours(icon.pixmap(32, 32).toImage()) - {QColor(0, 0, 0, 0).name()}
        assert QColor(theme.colors.window_text).name() in drawn


def test_a_missing_icon_is_empty_not_an_error(qtbot) -> None:
    theme = ThemeController(ThemeChoice.LIGHT)
    assert themed_icon("no-such-icon", theme.colors).isNull()
