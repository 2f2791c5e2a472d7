"""Light and dark themes: palettes, article colours, the app style sheet, icons drawn in the
theme's colours, and the contrast arithmetic (WCAG 2.x) that keeps every text colour readable
(at least 4.5:1).

The theme follows the system colour scheme unless the user picks one (View > Theme).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from reader.resources import resource_path

log = logging.getLogger(__name__)

STYLE_SHEET = resource_path("styles", "reader.qss")


class ThemeChoice(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class ThemeColors:
    """Every colour the UI and the article use, as `#rrggbb`."""

    name: str
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    inactive_highlight: str  # selection in a view without focus: the focused view stands out
    link: str
    link_visited: str
    tooltip_base: str
    tooltip_text: str
    placeholder: str
    disabled_text: str
    light: str
    midlight: str
    mid: str
    dark: str
    shadow: str
    # The article's own colours (rendered HTML and search-hit marks).
    muted_text: str
    notice_background: str
    notice_border: str
    hit_background: str
    current_hit_background: str
    target_background: str


LIGHT = ThemeColors(
    name="light",
    window="#f3f4f6",
    window_text="#1b1f24",
    base="#ffffff",
    alternate_base="#f4f6f8",
    text="#1b1f24",
    button="#e8ebee",
    button_text="#1b1f24",
    highlight="#0b5cad",
    highlighted_text="#ffffff",
    inactive_highlight="#d3dde9",
    link="#0a55a6",
    link_visited="#6a3d9a",
    tooltip_base="#fffbe6",
    tooltip_text="#1b1f24",
    placeholder="#5b6570",
    disabled_text="#5f6873",
    light="#ffffff",
    midlight="#e3e6ea",
    mid="#a9b0b9",
    dark="#7d8590",
    shadow="#4d545c",
    muted_text="#4a525c",
    notice_background="#eaf2fb",
    notice_border="#8fb2dc",
    hit_background="#ffe98a",
    current_hit_background="#f5b400",
    target_background="#cfe3ff",
)

DARK = ThemeColors(
    name="dark",
    window="#202327",
    window_text="#e6e8eb",
    base="#16181b",
    alternate_base="#1c1f23",
    text="#e6e8eb",
    button="#2d3137",
    button_text="#e6e8eb",
    highlight="#2a62b0",
    highlighted_text="#ffffff",
    inactive_highlight="#3a4452",
    link="#8cbcff",
    link_visited="#c9a8ff",
    tooltip_base="#2d3137",
    tooltip_text="#e6e8eb",
    placeholder="#9aa3ad",
    disabled_text="#959ea8",
    light="#3b4047",
    midlight="#32363c",
    mid="#4a5058",
    dark="#121417",
    shadow="#0a0b0d",
    muted_text="#b6bdc5",
    notice_background="#1d2a3a",
    notice_border="#4b6d96",
    hit_background="#5c4a00",
    current_hit_background="#8a5a00",
    target_background="#1f4477",
)

THEMES = {LIGHT.name: LIGHT, DARK.name: DARK}

# (foreground, background) pairs of ThemeColors fields that carry text: each must reach 4.5:1.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("window_text", "window"),
    ("text", "base"),
    ("text", "alternate_base"),
    ("button_text", "button"),
    ("highlighted_text", "highlight"),
    ("text", "inactive_highlight"),
    ("link", "base"),
    ("link_visited", "base"),
    ("tooltip_text", "tooltip_base"),
    ("placeholder", "base"),
    ("disabled_text", "window"),
    ("muted_text", "base"),
    ("text", "notice_background"),
    ("link", "notice_background"),
    ("text", "hit_background"),
    ("text", "current_hit_background"),
    ("text", "target_background"),
    ("link", "target_background"),
)


def relative_luminance(color: QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour, 0 (black) to 1 (white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def build_palette(colors: ThemeColors) -> QPalette:
    """A complete QPalette from the theme, for every colour group."""
    palette = QPalette()
    roles = QPalette.ColorRole
    assignments = {
        roles.Window: colors.window,
        roles.WindowText: colors.window_text,
        roles.Base: colors.base,
        roles.AlternateBase: colors.alternate_base,
        roles.Text: colors.text,
        roles.Button: colors.button,
        roles.ButtonText: colors.button_text,
        roles.BrightText: colors.highlighted_text,
        roles.Highlight: colors.highlight,
        roles.HighlightedText: colors.highlighted_text,
        roles.Link: colors.link,
        roles.LinkVisited: colors.link_visited,
        roles.ToolTipBase: colors.tooltip_base,
        roles.ToolTipText: colors.tooltip_text,
        roles.PlaceholderText: colors.placeholder,
        roles.Light: colors.light,
        roles.Midlight: colors.midlight,
        roles.Mid: colors.mid,
        roles.Dark: colors.dark,
        roles.Shadow: colors.shadow,
    }
    for role, value in assignments.items():
        palette.setColor(role, QColor(value))
    inactive = QPalette.ColorGroup.Inactive
    palette.setColor(inactive, roles.Highlight, QColor(colors.inactive_highlight))
    palette.setColor(inactive, roles.HighlightedText, QColor(colors.text))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor(colors.disabled_text))
    return palette


def colors_for(choice: ThemeChoice) -> ThemeColors:
    """The colours a choice means now: SYSTEM asks the platform (unknown counts as light)."""
    if choice is ThemeChoice.SYSTEM:
        scheme = QGuiApplication.styleHints().colorScheme()
        return DARK if scheme == Qt.ColorScheme.Dark else LIGHT
    return THEMES[choice.value]


def load_style_sheet(path: Path = STYLE_SHEET) -> str:
    """A shipped style sheet's text (the reader's by default); "" and a warning if it is missing."""
    try:
        return path.read_text("utf-8")
    except OSError as exc:
        log.warning("style sheet %s not loaded: %s", path.name, exc)
        return ""


def theme_color_fields() -> list[str]:
    return [f.name for f in fields(ThemeColors) if f.name != "name"]


class ThemeController(QObject):
    """Applies the chosen theme to the application and re-applies it when the system changes."""

    themeChanged = Signal(str)  # noqa: N815 - the name of the colours now in use: "light" or "dark"

    def __init__(self, choice: ThemeChoice = ThemeChoice.SYSTEM, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choice = choice
        self._colors = colors_for(choice)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)

    @property
    def choice(self) -> ThemeChoice:
        return self._choice

    @property
    def colors(self) -> ThemeColors:
        return self._colors

    def set_choice(self, choice: ThemeChoice) -> None:
        self._choice = choice
        self.apply()

    def apply(self) -> None:
        """Set the palette and style sheet on the application; tell the views."""
        self._colors = colors_for(self._choice)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(build_palette(self._colors))  # no app style sheet: see reader.qss
        self.themeChanged.emit(self._colors.name)

    @Slot(Qt.ColorScheme)
    def _on_system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice is ThemeChoice.SYSTEM:
            self.apply()


ICONS_DIR = resource_path("icons")
APP_ICON = ICONS_DIR / "health-reader.svg"


def themed_icon(name: str, colors: ThemeColors) -> QIcon:
    """An icon from resources/icons/ with `currentColor` drawn in the theme's text colour, and
    dimmed when disabled; rendered when first shown (reader.ui.icons)."""
    from reader.ui.icons import svg_icon

    try:
        svg = (ICONS_DIR / f"{name}.svg").read_text("utf-8")
    except OSError as exc:
        log.warning("icon %s not loaded: %s", name, exc)
        return QIcon()
    return svg_icon(svg, colors.window_text, colors.disabled_text)


def app_icon() -> QIcon:
    return QIcon(str(APP_ICON))
