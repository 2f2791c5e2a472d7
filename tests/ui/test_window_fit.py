"""Small screens (issue 14, items 4 and 5): the first window and a restored one fit the available
screen area with their frame; the docks keep readable widths, Search giving way first, and get
their widths back when the window widens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication

from reader.ui import window_fit
from reader.ui.main_window import MainWindow, WindowOptions
from reader.ui.settings import Settings
from reader.ui.theme import ThemeChoice, ThemeController
from reader.ui.window_fit import FRAME_ALLOWANCE, fits, fitted_geometry
from tests.e2e.harness import PINNED_TODAY

LAPTOPS = [QRect(0, 0, 1366, 768 - 24), QRect(0, 0, 1280, 800 - 24), QRect(0, 0, 800, 600)]  # 24: a panel


@pytest.mark.parametrize("available", LAPTOPS, ids=lambda r: f"{r.width()}x{r.height()}")
def test_the_default_size_fits_with_its_frame(available: QRect) -> None:
    rect = fitted_geometry(available)
    assert available.contains(rect.marginsAdded(FRAME_ALLOWANCE))
    assert rect.width() == min(1280, available.width() - 16)


def test_a_large_screen_gets_the_designed_size() -> None:
    assert fitted_geometry(QRect(0, 0, 1920, 1080)).size() == QSize(1280, 800)


def _window(qtbot, topics, settings_path: Path, available: QRect, monkeypatch) -> MainWindow:
    monkeypatch.setattr(window_fit, "available_geometry", lambda _widget: available)
    theme = ThemeController(ThemeChoice.LIGHT)
    window = MainWindow(topics, Settings(settings_path), theme, WindowOptions(clock=lambda: PINNED_TODAY))
    theme.setParent(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("available", LAPTOPS[:2], ids=lambda r: f"{r.width()}x{r.height()}")
def test_first_window_fits_a_laptop_screen(
    qtbot, bundled_topic, tmp_path: Path, monkeypatch, available: QRect
) -> None:
    window = _window(qtbot, [bundled_topic], tmp_path / "reader.ini", available, monkeypatch)
    assert fits(window.geometry(), available)
    bar = window.statusBar()
    bottom = window.mapToGlobal(bar.geometry().bottomLeft()).y() + FRAME_ALLOWANCE.bottom()
    assert bar.isVisible() and bottom <= available.bottom()  # zoom and "Search ready" are on screen


def test_a_saved_size_is_restored_only_if_it_fits(qtbot, bundled_topic, tmp_path: Path, monkeypatch) -> None:
    settings = tmp_path / "reader.ini"
    screen = QApplication.primaryScreen().availableGeometry()  # Qt itself keeps a restore on this screen
    first = _window(qtbot, [bundled_topic], settings, screen, monkeypatch)
    saved = QRect(screen.left() + 50, screen.top() + 60, screen.width() - 120, screen.height() - 140)
    first.setGeometry(saved)
    first.close()  # saves the geometry
    again = _window(qtbot, [bundled_topic], settings, screen, monkeypatch)
    assert again.geometry() == saved  # it fits: restored as it was
    again.close()
    smaller = QRect(0, 0, screen.width() - 100, screen.height() - 150)  # e.g. a laptop after a monitor
    small = _window(qtbot, [bundled_topic], settings, smaller, monkeypatch)
    assert small.geometry() != saved and fits(small.geometry(), smaller)


def test_docks_keep_readable_widths_and_search_gives_way_first(qtbot, bundled_topic, tmp_path: Path) -> None:
    theme = ThemeController(ThemeChoice.LIGHT)
    window = MainWindow([bundled_topic], Settings(tmp_path / "r.ini"), theme, WindowOptions())
    theme.setParent(window)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    toc, search = window.toc_dock, window.search_dock
    qtbot.waitUntil(lambda: (search.width(), toc.width()) == window.dock_widths.targets(1280))
    wide_toc, wide_search = toc.width(), search.width()
    assert (wide_search, wide_toc) == (340, 260)
    min_search, min_toc = window.dock_widths.minimum_widths()

    def settled(width: int) -> bool:  # the docks have the widths asked for (Qt may round a little)
        targets = window.dock_widths.targets(width)
        return abs(search.width() - targets[0]) <= 12 and abs(toc.width() - targets[1]) <= 12

    window.resize(800, 600)
    qtbot.waitUntil(lambda: settled(800))
    assert toc.width() >= min_toc and search.width() >= min_search
    assert wide_search - search.width() > wide_toc - toc.width()  # Search gave way first
    longest = max(window.toc.sizeHintForColumn(0), 0)
    assert toc.width() >= min(longest, min_toc)
    assert not window.toc.horizontalScrollBar().isVisible()

    window.resize(1024, 768)
    qtbot.waitUntil(lambda: toc.width() == wide_toc)  # Contents gets its width back
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: search.width() == wide_search)  # and Search too


def test_the_window_can_be_as_narrow_as_an_800_pixel_screen(qtbot, bundled_topic, tmp_path: Path) -> None:
    """No page sets a minimum width that pushes the window past 800x600 (the reference buttons stack)."""
    theme = ThemeController(ThemeChoice.LIGHT)
    window = MainWindow([bundled_topic], Settings(tmp_path / "r.ini"), theme, WindowOptions())
    theme.setParent(window)
    qtbot.addWidget(window)
    window.show()
    window.pages.setCurrentWidget(window.references)
    room = QRect(0, 0, 800, 600).marginsRemoved(FRAME_ALLOWANCE).size()
    assert window.minimumSizeHint().width() <= room.width()
    window.resize(room)
    qtbot.waitUntil(lambda: window.width() == room.width())
    buttons = window.references.export_button
    assert buttons.isVisible() and buttons.geometry().right() < window.references.width()
