"""The main window driven like a user: contents, citations and back links, history, zoom,
comparison cells, content problems, and accessible names on every control."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QTextCursor
from PySide6.QtWidgets import QAbstractButton, QWidget

from reader.content.errors import ContentError
from reader.ui.main_window import MainWindow
from reader.ui.render import reference_anchor
from reader.ui.settings import Settings
from tests.e2e.harness import make_window


@pytest.fixture
def window(qtbot, bundled_topic, tmp_path: Path) -> MainWindow:
    return make_window(qtbot, [bundled_topic], tmp_path / "reader.ini")


def click_toc(qtbot, window: MainWindow, section_id: str) -> None:
    index = window.toc.toc_model().index_for(window.current_topic().id, section_id)
    window.toc.scrollTo(index)
    rect = window.toc.visualRect(index)
    qtbot.mouseClick(window.toc.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_link(qtbot, window: MainWindow, href: str, occurrence: int = 0) -> None:
    """Click the `occurrence`-th link to `href` where it is drawn in the article."""
    article = window.article
    positions = []
    block = article.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                positions.append(fragment.position())
            it += 1
        block = block.next()
    cursor = QTextCursor(article.document())
    cursor.setPosition(positions[occurrence] + 1)
    rect = article.cursorRect(cursor)
    if not article.viewport().rect().contains(rect.center()):
        article.verticalScrollBar().setValue(article.verticalScrollBar().value() + rect.top() - 100)
        rect = article.cursorRect(cursor)
    qtbot.mouseClick(article.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() - QPoint(2, 0))


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces (what Qt's accessibility bridge reports)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def test_window_has_a_title_icon_and_three_pages(window: MainWindow) -> None:
    assert window.windowTitle() == "Vertebroplasty and Kyphoplasty — Health Topic Reader"
    assert not window.windowIcon().isNull()
    assert [window.pages.tabText(i).replace("&", "") for i in range(3)] == [
        "Article",
        "Compare procedures",
        "References",
    ]


def test_clicking_a_contents_entry_scrolls_the_article_there(qtbot, window: MainWindow) -> None:
    article = window.article
    assert article.verticalScrollBar().value() == 0
    click_toc(qtbot, window, "risks")
    assert article.verticalScrollBar().value() == article.section_top("risks") > 0
    assert article.is_position_visible(article.anchor_position("section.risks"))
    assert window.toc.current_location() == ("vertebroplasty-kyphoplasty", "risks")


def test_scrolling_the_article_moves_the_contents_highlight(qtbot, window: MainWindow) -> None:
    article = window.article
    article.verticalScrollBar().setValue(article.section_top("kyphoplasty"))
    assert window.toc.current_location() == ("vertebroplasty-kyphoplasty", "kyphoplasty")
    article.setFocus()
    qtbot.keyClick(article, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert window.toc.current_location() == ("vertebroplasty-kyphoplasty", "talk-to-doctor")
    qtbot.keyClick(article, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert window.toc.current_location() == ("vertebroplasty-kyphoplasty", "")  # the topic's start


def test_citation_goes_to_the_reference_and_back_to_the_sentence(
    qtbot, window: MainWindow, bundled_topic
) -> None:
    article = window.article
    article.select_sentence("ev-pain-relief")
    click_link(qtbot, window, "#ref.klazen-2010")
    entry = article.anchor_position(reference_anchor("klazen-2010"))
    assert article.is_position_visible(entry)
    assert article.document().findBlock(entry).text().startswith("Klazen CAH, et al.")
    article.verticalScrollBar().setValue(article.verticalScrollBar().maximum())  # read on a little
    click_link(qtbot, window, "#ev-pain-relief")
    assert article.textCursor().selectedText() == bundled_topic.sentence("ev-pain-relief").text
    assert article.is_position_visible(article.anchor_position("ev-pain-relief"))


def test_back_and_forward_retrace_the_way(qtbot, window: MainWindow) -> None:
    article, actions = window.article, window.action_table
    assert not actions["back"].isEnabled()
    click_toc(qtbot, window, "kyphoplasty")
    kyphoplasty = article.verticalScrollBar().value()
    click_link(qtbot, window, "#ref.buchbinder-2009")
    at_reference = article.verticalScrollBar().value()
    assert at_reference != kyphoplasty
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert article.verticalScrollBar().value() == kyphoplasty
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert article.verticalScrollBar().value() == 0
    assert not actions["back"].isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert article.verticalScrollBar().value() == at_reference
    assert not actions["forward"].isEnabled()


def test_zoom_is_remembered_by_the_next_window(qtbot, bundled_topic, tmp_path: Path) -> None:
    settings_path = tmp_path / "reader.ini"
    first = make_window(qtbot, [bundled_topic], settings_path)
    normal = first.article.point_size()
    qtbot.keyClick(first, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(first, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert first.article.zoom == 125
    assert first.zoom_label.text() == "Text size 125%"
    first.close()
    second = make_window(qtbot, [bundled_topic], settings_path)
    assert second.article.zoom == 125
    assert second.article.point_size() == pytest.approx(normal * 1.25)
    qtbot.keyClick(second, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert second.article.point_size() == pytest.approx(normal)
    assert Settings(settings_path).zoom == 100


def test_window_layout_is_remembered(qtbot, bundled_topic, tmp_path: Path) -> None:
    settings_path = tmp_path / "reader.ini"
    first = make_window(qtbot, [bundled_topic], settings_path)
    first.search_dock.hide()
    first.close()
    second = make_window(qtbot, [bundled_topic], settings_path)
    assert not second.search_dock.isVisible()
    assert second.toc_dock.isVisible()


def _click_cell(qtbot, window: MainWindow, label: str, column: int) -> None:
    table = window.comparison.table
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.headerData(r, Qt.Orientation.Vertical) == label)
    rect = table.visualRect(model.index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_comparison_cell_quotes_it_and_stays(qtbot, window: MainWindow, bundled_topic) -> None:
    window.pages.setCurrentWidget(window.comparison)
    _click_cell(qtbot, window, "Balloon", 1)  # kyphoplasty's balloon
    assert window.pages.currentWidget() is window.comparison  # the quote panel can be read
    expected = bundled_topic.sentence("kp-balloon-inflate").text
    assert expected in window.comparison.quote.toPlainText()
    assert window.article.textCursor().selectedText() == expected  # the article is ready
    _click_cell(qtbot, window, "Duration", 1)  # comparing row by row: still here
    assert window.pages.currentWidget() is window.comparison


def test_show_in_article_goes_to_the_cells_sentence(qtbot, window: MainWindow, bundled_topic) -> None:
    window.pages.setCurrentWidget(window.comparison)
    _click_cell(qtbot, window, "Balloon", 1)
    qtbot.mouseClick(window.comparison.show_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.article
    selected = window.article.textCursor().selectedText()
    assert selected == bundled_topic.sentence("kp-balloon-inflate").text
    assert window.article.is_position_visible(window.article.anchor_position("kp-balloon-inflate"))


def test_arrowing_through_comparison_cells_stays_in_the_table(
    qtbot, window: MainWindow, bundled_topic
) -> None:
    window.pages.setCurrentWidget(window.comparison)
    table = window.comparison.table
    _click_cell(qtbot, window, "Purpose", 0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # to "Anesthesia" of vertebroplasty
    assert window.pages.currentWidget() is window.comparison  # keyboard users can read on
    assert table.currentIndex().row() == 1
    expected = bundled_topic.sentence("vp-anesthetic-cement").text
    assert window.article.textCursor().selectedText() == expected  # ready when they switch
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.article


def test_bad_content_files_are_listed_without_blocking(qtbot, window: MainWindow, tmp_path: Path) -> None:
    error = ContentError(tmp_path / "broken.yaml", 7, "sections[0].title", "is required")
    window.show_content_errors([error])
    assert window.problems_button.isVisible()
    assert window.problems_button.text() == "1 file not loaded"
    qtbot.mouseClick(window.problems_button, Qt.MouseButton.LeftButton)
    assert window.problems_dock.isVisible()
    assert (
        window.problems.model().index(0, 0).data()
        == f"{tmp_path / 'broken.yaml'}:7: sections[0].title: is required"
    )
    assert window.article.topic is not None  # the good topic is still shown


def test_every_control_has_an_accessible_name_and_a_tooltip(window: MainWindow) -> None:
    window.problems_dock.show()
    missing = [
        f"{type(w).__name__} {w.objectName()!r} name={accessible_name(w)!r} tip={w.toolTip()!r}"
        for w in window.interactive_widgets()
        if not accessible_name(w).strip() or not w.toolTip().strip()
    ]
    assert not missing, "\n".join(missing)
    buttons = [w for w in window.interactive_widgets() if isinstance(w, QAbstractButton)]
    assert len(buttons) >= 8  # the walk did find the toolbar and panel buttons


def test_targets_are_at_least_24_pixels(window: MainWindow) -> None:
    model = window.toc.toc_model()
    assert window.toc.visualRect(model.index_for(window.current_topic().id, "risks")).height() >= 24
    for name in ("back", "forward", "home", "find", "zoom_in", "print"):
        button = window.toolbar.widgetForAction(window.action_table[name])
        assert button.height() >= 24 and button.width() >= 24, name


def test_kiosk_can_switch_off_actions_and_chrome(window: MainWindow) -> None:
    refused = window.restrict_actions(lambda spec: spec.kiosk)
    assert {"quit", "print", "export_pdf", "theme_dark"} <= set(refused)
    assert not window.action_table["quit"].isEnabled()
    assert window.action_table["back"].isVisible() and window.action_table["find"].isVisible()
    window.set_chrome_visible(False)
    assert not window.menuBar().isVisible() and not window.toolbar.isVisible()


def test_reset_state_returns_to_a_fresh_start(qtbot, window: MainWindow) -> None:
    click_toc(qtbot, window, "risks")
    window.set_zoom(150)
    window.article.highlight_terms(["cement"])
    window.reset_state()
    assert window.article.verticalScrollBar().value() == 0
    assert window.article.zoom == 100
    assert window.article.hit_count() == 0
    assert not window.action_table["back"].isEnabled()
