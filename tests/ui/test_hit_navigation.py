"""Search marks belong to a query (issue 14, item 12): a changed query clears them at once, even when
the new search finds nothing, and the status bar says "Hit 2 of 5" as F3 / Shift+F3 move."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from reader.ui.hit_navigation import hit_position_text
from reader.ui.main_window import MainWindow
from reader.ui.theme import LIGHT
from tests.e2e.harness import make_window


@pytest.fixture
def window(qtbot, bundled_topic, tmp_path: Path) -> MainWindow:
    return make_window(qtbot, [bundled_topic], tmp_path / "reader.ini")


def _open_hit(qtbot, window: MainWindow, query: str) -> int:
    """What opening a result does: the query is in the field, its terms are marked."""
    qtbot.keyClicks(window.search_panel.field, query)
    window.show_search_result("vertebroplasty-kyphoplasty", "kyphoplasty", [query])
    return window.article.hit_count()


def test_position_text(qapp) -> None:  # qapp: the English catalogue gives "1 hit"
    assert hit_position_text(-1, 0) == ""
    assert hit_position_text(-1, 1) == "1 hit"
    assert hit_position_text(-1, 5) == "5 hits"
    assert hit_position_text(1, 5) == "Hit 2 of 5"


def test_f3_says_which_hit_is_shown(qtbot, window: MainWindow) -> None:
    count = _open_hit(qtbot, window, "balloon")
    label = window.status.hit_label
    assert count > 2 and label.isVisible() and label.text() == f"{count} hits"
    window.article.verticalScrollBar().setValue(0)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert label.text() == f"Hit 1 of {count}"
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert label.text() == f"Hit 2 of {count}"
    assert window.article.textCursor().selectedText().lower() == "balloon"
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert label.text() == f"Hit 1 of {count}"


def test_a_new_query_clears_the_old_marks_even_with_no_results(qtbot, window: MainWindow) -> None:
    assert _open_hit(qtbot, window, "balloon") > 0
    field = window.search_panel.field
    field.selectAll()
    qtbot.keyClicks(field, "zzqx")  # a search that finds nothing
    assert window.article.hit_count() == 0
    hit_colour = QColor(LIGHT.hit_background)
    assert not any(s.format.background().color() == hit_colour for s in window.article.extraSelections())
    assert not window.status.hit_label.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F3)  # nothing left to move to
    assert window.article.hit_count() == 0


def test_retyping_the_same_query_keeps_the_marks(qtbot, window: MainWindow) -> None:
    count = _open_hit(qtbot, window, "balloon")
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Space)  # "balloon ": the same query
    assert window.article.hit_count() == count
