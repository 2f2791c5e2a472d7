"""Themes: every text colour reaches 4.5:1 in both palettes; switching theme repaints and persists."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.ui.settings import Settings
from reader.ui.theme import (
    DARK,
    LIGHT,
    TEXT_PAIRS,
    ThemeChoice,
    ThemeColors,
    build_palette,
    colors_for,
    contrast_ratio,
)
from tests.e2e.harness import make_window

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# Text roles of the palette and the background each is drawn on.
PALETTE_PAIRS = [
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.Link, Role.Base),
    (Role.LinkVisited, Role.Base),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.PlaceholderText, Role.Base),
]


def test_contrast_ratio_matches_the_wcag_definition() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#123456"), QColor("#123456")) == pytest.approx(1.0)


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=lambda c: c.name)
@pytest.mark.parametrize("group", [Group.Active, Group.Inactive])
def test_palette_text_reaches_4_5_to_1(qapp, colors: ThemeColors, group: QPalette.ColorGroup) -> None:
    palette = build_palette(colors)
    for text, background in PALETTE_PAIRS:
        ratio = contrast_ratio(palette.color(group, text), palette.color(group, background))
        assert ratio >= 4.5, f"{colors.name} {text.name} on {background.name}: {ratio:.2f}"


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=lambda c: c.name)
def test_disabled_and_article_colours_reach_4_5_to_1(qapp, colors: ThemeColors) -> None:
    palette = build_palette(colors)
    disabled = contrast_ratio(
        palette.color(Group.Disabled, Role.Text), palette.color(Group.Disabled, Role.Base)
    )
    assert disabled >= 4.5  # the search field looks disabled while the index is prepared, and is read
    for text, background in TEXT_PAIRS:
        ratio = contrast_ratio(QColor(getattr(colors, text)), QColor(getattr(colors, background)))
        assert ratio >= 4.5, f"{colors.name} {text} on {background}: {ratio:.2f}"


def test_system_choice_follows_the_platform_scheme(qapp) -> None:
    scheme = QGuiApplication.styleHints().colorScheme()
    expected = DARK if scheme.name == "Dark" else LIGHT
    assert colors_for(ThemeChoice.SYSTEM) is expected


def test_switching_theme_repaints_the_window_and_is_remembered(qtbot, bundled_topic, tmp_path: Path) -> None:
    settings_path = tmp_path / "reader.ini"
    window = make_window(qtbot, [bundled_topic], settings_path)
    try:
        size = window.article.point_size()
        window.action_table["theme_dark"].trigger()  # View > Theme > Dark
        assert window.article.point_size() == pytest.approx(size)  # re-polishing kept the text size
        assert QApplication.palette().color(Role.Window) == QColor(DARK.window)
        assert window.article.palette().color(Role.Base) == QColor(DARK.base)
        image = window.article.viewport().grab().toImage()
        assert image.pixelColor(2, image.height() - 2) == QColor(DARK.base)  # painted dark
        assert Settings(settings_path).theme is ThemeChoice.DARK
        window.close()
        again = make_window(qtbot, [bundled_topic], settings_path, theme=Settings(settings_path).theme)
        assert again.action_table["theme_dark"].isChecked()
        assert QApplication.palette().color(Role.Window) == QColor(DARK.window)
    finally:
        make_window(qtbot, [bundled_topic], tmp_path / "other.ini").close()  # back to light for others
