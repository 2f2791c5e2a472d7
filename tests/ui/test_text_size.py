"""Text size applies to every reading view (issue 14, item 6): at 200 % the comparison, the
references, the search results and the contents are twice their size too, and back at 100 %."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from reader.ui.main_window import MainWindow
from tests.e2e.harness import make_window


@pytest.fixture
def window(qtbot, bundled_topic, tmp_path: Path) -> MainWindow:
    return make_window(qtbot, [bundled_topic], tmp_path / "reader.ini")


def _views(window: MainWindow) -> dict[str, QWidget]:
    return {
        "comparison table": window.comparison.table,
        "comparison row labels": window.comparison.table.verticalHeader(),
        "comparison quote": window.comparison.quote,
        "references": window.references.list,
        "search results": window.search_panel.results_view,
        "search field": window.search_panel.field,
        "contents": window.toc,
    }


def test_zoom_enlarges_every_reading_view(qtbot, window: MainWindow) -> None:
    normal = {name: view.font().pointSizeF() for name, view in _views(window).items()}
    article = window.article.point_size()
    for _ in range(5):  # 100 -> 110 -> 125 -> 150 -> 175 -> 200
        window.action_table["zoom_in"].trigger()
    assert window.article.zoom == 200
    assert window.article.point_size() == pytest.approx(article * 2)
    for name, view in _views(window).items():
        assert view.font().pointSizeF() == pytest.approx(normal[name] * 2), name
    window.action_table["zoom_reset"].trigger()
    for name, view in _views(window).items():
        assert view.font().pointSizeF() == pytest.approx(normal[name]), name


def test_enlarged_results_and_contents_get_taller_rows(qtbot, window: MainWindow) -> None:
    toc = window.toc
    row = toc.sizeHintForRow(0)
    window.set_zoom(200)
    qtbot.waitUntil(lambda: toc.sizeHintForRow(0) > row * 1.6)
    table = window.comparison.table
    window.pages.setCurrentWidget(window.comparison)
    qtbot.waitUntil(lambda: table.verticalHeader().sectionSize(0) > table.fontMetrics().height() * 2)


def test_a_kiosks_larger_font_is_a_floor_not_applied_twice(qtbot, window: MainWindow) -> None:
    """Kiosk mode enlarges the application font and sets the window's zoom to the same 150 %: the
    views keep the kiosk font (not 150 % of it); larger zooms still grow them."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = QFont(app.font())
    normal = {name: view.font().pointSizeF() for name, view in _views(window).items()}
    kiosk_font = QFont(saved)
    kiosk_font.setPointSizeF(max(saved.pointSizeF(), 10.0) * 1.5)
    try:
        app.setFont(kiosk_font)
        window.set_zoom(150)
        for name, view in _views(window).items():
            assert view.font().pointSizeF() == pytest.approx(
                max(kiosk_font.pointSizeF(), normal[name] * 1.5)
            ), name
        window.set_zoom(300)
        for name, view in _views(window).items():
            assert view.font().pointSizeF() == pytest.approx(
                max(kiosk_font.pointSizeF(), normal[name] * 3)
            ), name
    finally:
        app.setFont(saved)
        window.set_zoom(100)
