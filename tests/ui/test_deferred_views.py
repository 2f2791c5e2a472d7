"""The comparison and references pages and the search panel are built after the first paint
(reader.ui.deferred_views): until then stand-ins hold their places, and whoever asks for one
first gets it built, showing the topic, at the window's text size, with what was handed meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.ui.deferred_views import COMPARISON_PAGE, REFERENCES_PAGE
from reader.ui.main_window import MainWindow, WindowOptions
from reader.ui.settings import Settings
from reader.ui.theme import ThemeChoice, ThemeController
from tests.e2e.harness import PINNED_TODAY


def _unbuilt_window(qtbot, topics, tmp_path: Path) -> MainWindow:
    controller = ThemeController(ThemeChoice.LIGHT)
    window = MainWindow(
        topics, Settings(tmp_path / "reader.ini"), controller, WindowOptions(lambda: PINNED_TODAY)
    )
    controller.setParent(window)
    qtbot.addWidget(window)
    return window


class _Service:
    """Stands for a search service: the panel only keeps it until a query comes."""


def test_stand_ins_hold_the_places_until_a_view_is_asked_for(qtbot, bundled_topic, tmp_path: Path) -> None:
    window = _unbuilt_window(qtbot, [bundled_topic], tmp_path)
    pages = window.pages
    titles = [pages.tabText(i) for i in range(pages.count())]
    assert pages.widget(COMPARISON_PAGE).objectName() == "comparison_stand_in"
    assert window.search_dock.widget().objectName() == "search_panel_stand_in"
    service = _Service()
    window.set_search_service(service)  # the index got ready before the views were built
    window.set_zoom(150, persist=False)

    comparison = window.comparison  # the first use builds them all

    assert pages.widget(COMPARISON_PAGE) is comparison
    assert pages.widget(REFERENCES_PAGE) is window.references
    assert window.search_dock.widget() is window.search_panel
    assert [pages.tabText(i) for i in range(pages.count())] == titles
    assert pages.currentWidget() is window.article  # building changes no page
    assert comparison.model.rowCount() > 0  # the topic being read
    assert window.references.model.rowCount() == len(bundled_topic.references)
    assert window.search_panel.runner.service is service
    panel = window.search_panel
    assert panel.font().pointSizeF() == pytest.approx(window.reading_zoom.base_point_size(panel) * 1.5)
    assert window.finish_building().comparison is comparison  # built once


def test_the_find_shortcut_reaches_a_search_panel_not_built_yet(qtbot, bundled_topic, tmp_path: Path) -> None:
    window = _unbuilt_window(qtbot, [bundled_topic], tmp_path)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_panel.field.hasFocus())
    QTest.keyClicks(window.search_panel.field, "cement")
    assert window.search_panel.field.text() == "cement"
