"""Keyboard focus is always visible (issue 14, item 13; WCAG 2.4.7): the application style draws a
2 px ring in the highlight colour, every control of the window shows it when it has the focus, and
Tab leaves the article instead of moving through its text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionFocusRect, QWidget

from reader.app import _application
from reader.ui.focus_style import RING_PX, FocusRingStyle
from reader.ui.main_window import MainWindow
from reader.ui.theme import DARK, LIGHT, ThemeColors, build_palette
from tests.e2e.harness import make_window


@pytest.fixture
def ring_style(qapp):
    """The application style the reader sets, for this test only."""
    saved = qapp.style().name()
    _application()
    yield qapp.style()
    qapp.setStyle(saved)


def _count(image: QImage, colour: QColor, tolerance: int = 24) -> int:
    """Pixels within `tolerance` of `colour` on every channel."""
    pixels = image.convertToFormat(QImage.Format.Format_RGB32)
    words = memoryview(pixels.constBits()).cast("I")[: pixels.width() * pixels.height()]
    r, g, b = colour.red(), colour.green(), colour.blue()
    near = {
        (rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255)
        for rgb in set(words)
        if abs((rgb >> 16 & 255) - r) <= tolerance
        and abs((rgb >> 8 & 255) - g) <= tolerance
        and abs((rgb & 255) - b) <= tolerance
    }
    return sum(1 for rgb in words if (rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255) in near)


def test_the_reader_sets_the_focus_ring_style(ring_style) -> None:
    assert isinstance(ring_style, FocusRingStyle)
    assert ring_style.baseStyle().name().lower() == "fusion"


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=lambda c: c.name)
def test_the_ring_is_two_pixels_of_highlight_all_round(colors: ThemeColors) -> None:
    style = FocusRingStyle()
    option = QStyleOptionFocusRect()
    option.rect = QRect(0, 0, 100, 30)
    option.palette = build_palette(colors)
    option.state = QStyle.StateFlag.State_HasFocus  # not only after a key press
    image = QImage(100, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(colors.base))
    painter = QPainter(image)
    style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter)
    painter.end()
    highlight = QColor(colors.highlight)
    assert _count(image, highlight, 0) >= 2 * RING_PX * (100 + 30) - 4 * RING_PX * RING_PX
    for x, y in ((0, 15), (1, 15), (98, 15), (99, 15), (50, 0), (50, 1), (50, 28), (50, 29)):
        assert image.pixelColor(x, y) == highlight, (x, y)


@pytest.fixture
def window(qtbot, bundled_topic, tmp_path: Path, ring_style) -> MainWindow:
    return make_window(qtbot, [bundled_topic], tmp_path / "reader.ini")


def test_tab_leaves_the_article(qtbot, window: MainWindow) -> None:
    article = window.article
    article.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(article.hasFocus)
    top = article.verticalScrollBar().value()
    qtbot.keyClick(article, Qt.Key.Key_Tab)
    assert not article.hasFocus() and QApplication.focusWidget() is not None
    assert article.verticalScrollBar().value() == top  # nothing scrolled
    article.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(article, Qt.Key.Key_Backtab)
    assert not article.hasFocus()


def _focus_shows(qtbot, widget: QWidget) -> bool:
    """Whether giving `widget` the keyboard focus adds highlight-coloured pixels to it."""
    widget.clearFocus()
    QApplication.processEvents()
    highlight = widget.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    before = _count(widget.grab().toImage(), highlight)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    after = _count(widget.grab().toImage(), highlight)
    return after - before >= 2 * min(widget.width(), 60)


@pytest.mark.parametrize("page", ["article", "comparison", "references"])
def test_every_control_shows_its_focus(qtbot, window: MainWindow, page: str) -> None:
    window.pages.setCurrentWidget(getattr(window, page))
    window.pages.tabBar().setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    missing = [
        f"{type(w).__name__} {w.accessibleName()!r}"
        for w in window.interactive_widgets()
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None  # a container whose focus goes to its proxy (the tab bar): tested there
        and not _focus_shows(qtbot, w)
    ]
    assert missing == [], "\n".join(missing)
