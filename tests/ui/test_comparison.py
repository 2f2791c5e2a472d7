"""The procedure comparison: model shape, "Not stated" cells, and selecting a cell to quote its sources."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from reader.content import Topic
from reader.ui.comparison import (
    NOT_STATED,
    SOURCES_ROLE,
    ComparisonDelegate,
    ComparisonModel,
    ComparisonView,
    contrast_ratio,
    muted_text_color,
)

PURPOSE, ANAESTHESIA, METHOD, IMAGE_GUIDANCE = 0, 1, 2, 3
VERTEBROPLASTY, KYPHOPLASTY = 0, 1


@pytest.fixture
def view(qtbot: QtBot, bundled_topic: Topic) -> ComparisonView:
    widget = ComparisonView()
    qtbot.addWidget(widget)
    widget.set_topic(bundled_topic)
    widget.resize(1000, 700)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def _click(qtbot: QtBot, view: ComparisonView, row: int, column: int) -> None:
    rect = view.table.visualRect(view.model.index(row, column))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_model_passes_the_model_tester(qtmodeltester, bundled_topic: Topic) -> None:
    model = ComparisonModel()
    qtmodeltester.check(model)
    model.set_topic(bundled_topic)
    qtmodeltester.check(model)


def test_one_row_per_attribute_and_one_column_per_procedure(bundled_topic: Topic) -> None:
    model = ComparisonModel()
    model.set_topic(bundled_topic)
    comparison = bundled_topic.comparison
    assert comparison is not None
    assert (model.rowCount(), model.columnCount()) == (11, 2)
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert rows == [a.label for a in comparison.attributes]
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
    assert columns == ["Vertebroplasty", "Kyphoplasty"]
    assert model.index(PURPOSE, VERTEBROPLASTY).data() == (
        "To try to relieve pain from compression fractures of the spine."
    )
    model.set_topic(None)
    assert (model.rowCount(), model.columnCount()) == (0, 0)


def test_kyphoplasty_image_guidance_is_shown_as_not_stated(bundled_topic: Topic) -> None:
    model = ComparisonModel()
    model.set_topic(bundled_topic)
    index = model.index(IMAGE_GUIDANCE, KYPHOPLASTY)
    assert index.data() == NOT_STATED == "Not stated"
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert index.data(SOURCES_ROLE) == ()
    assert "Not stated" in index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Kyphoplasty, Image guidance: Not stated"
    stated = model.index(IMAGE_GUIDANCE, VERTEBROPLASTY)
    assert stated.data() == "The needle is guided using fluoroscopy."
    assert stated.data(Qt.ItemDataRole.FontRole) is None


def test_tooltip_quotes_every_source_sentence(bundled_topic: Topic) -> None:
    model = ComparisonModel()
    model.set_topic(bundled_topic)
    tooltip = model.index(5, VERTEBROPLASTY).data(Qt.ItemDataRole.ToolTipRole)  # duration
    assert tooltip == (
        "Source: \u201cVertebroplasty takes 1 to 2 hours.\u201d "
        "\u201cThe injection usually takes only about 10 minutes.\u201d"
    )


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Base, "#17181a"),
        (QPalette.ColorRole.AlternateBase, "#26282b"),
        (QPalette.ColorRole.Text, "#e8eaed"),
    ):
        palette.setColor(role, QColor(color))
    return palette


@pytest.mark.parametrize("palette_name", ["light", "dark"])
def test_not_stated_text_is_dimmed_but_keeps_4_5_to_1_contrast(
    qtbot: QtBot, bundled_topic: Topic, palette_name: str
) -> None:
    palette = QApplication.style().standardPalette() if palette_name == "light" else _dark_palette()
    model = ComparisonModel()
    model.set_topic(bundled_topic)
    option = QStyleOptionViewItem()
    option.palette = palette
    ComparisonDelegate().initStyleOption(option, model.index(IMAGE_GUIDANCE, KYPHOPLASTY))
    muted = option.palette.color(QPalette.ColorRole.Text)
    assert muted != palette.color(QPalette.ColorRole.Text)
    for background in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        assert contrast_ratio(muted, palette.color(background)) >= 4.5


def test_not_stated_cell_is_painted_in_the_dimmed_colour(view: ComparisonView, qtbot: QtBot) -> None:
    """Pixels, not just data: the cell shows dark-grey glyphs and none in the full text colour."""
    qtbot.waitUntil(lambda: view.table.rowHeight(IMAGE_GUIDANCE) > 0)
    rect = view.table.visualRect(view.model.index(IMAGE_GUIDANCE, KYPHOPLASTY))
    image = view.table.viewport().grab(rect).toImage()
    text = view.table.palette().color(QPalette.ColorRole.Text)
    muted = muted_text_color(view.table.palette())
    colours = {image.pixelColor(x, y).rgb() for x in range(image.width()) for y in range(image.height())}
    assert text.rgb() not in colours
    darkest = min(colours, key=lambda rgb: QColor(rgb).lightness())
    assert abs(QColor(darkest).lightness() - muted.lightness()) <= 12


def test_clicking_a_cell_quotes_its_sources_and_requests_the_first(
    view: ComparisonView, qtbot: QtBot, bundled_topic: Topic
) -> None:
    with qtbot.waitSignal(view.sourceRequested, timeout=1000) as blocker:
        _click(qtbot, view, METHOD, KYPHOPLASTY)
    assert blocker.args == ["vertebroplasty-kyphoplasty", "kyphoplasty", "kp-balloon-in"]
    quoted = view.quote.toPlainText()
    for key in ("kp-balloon-in", "kp-balloon-inflate", "kp-cement"):
        sentence = bundled_topic.sentence(key)
        assert sentence is not None and sentence.text in quoted
    assert "Kyphoplasty \u2014 How it is done" in quoted
    assert view.show_button.isEnabled()


def test_not_stated_cell_says_so_and_requests_nothing(view: ComparisonView, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(view.sourceRequested):
        _click(qtbot, view, IMAGE_GUIDANCE, KYPHOPLASTY)
    assert view.table.currentIndex() == view.model.index(IMAGE_GUIDANCE, KYPHOPLASTY)
    assert "Not stated. The article does not say this for Kyphoplasty." in view.quote.toPlainText()
    assert not view.show_button.isEnabled()


def test_arrow_keys_move_between_cells_and_enter_repeats(view: ComparisonView, qtbot: QtBot) -> None:
    _click(qtbot, view, PURPOSE, VERTEBROPLASTY)
    with qtbot.waitSignal(view.sourceRequested, timeout=1000) as down:
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert down.args == ["vertebroplasty-kyphoplasty", "vertebroplasty", "vp-anesthetic-cement"]
    with qtbot.waitSignal(view.sourceRequested, timeout=1000) as right:
        qtbot.keyClick(view.table, Qt.Key.Key_Right)
    assert right.args[2] == "kp-anesthesia"
    assert "Your doctor may numb the area" in view.quote.toPlainText()
    with qtbot.waitSignal(view.sourceRequested, timeout=1000) as again:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert again.args[2] == "kp-anesthesia"


def test_show_in_article_button_repeats_the_request(view: ComparisonView, qtbot: QtBot) -> None:
    _click(qtbot, view, PURPOSE, KYPHOPLASTY)
    with qtbot.waitSignal(view.sourceRequested, timeout=1000) as blocker:
        qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["vertebroplasty-kyphoplasty", "overview", "ov-what"]


def test_tab_leaves_the_table_for_the_quote_and_button(view: ComparisonView, qtbot: QtBot) -> None:
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    qtbot.waitUntil(view.quote.hasFocus)
    _click(qtbot, view, PURPOSE, KYPHOPLASTY)  # enables the button, so it can take focus
    view.quote.setFocus()
    qtbot.keyClick(view.quote, Qt.Key.Key_Tab)
    qtbot.waitUntil(view.show_button.hasFocus)


def test_rows_grow_when_the_view_is_narrow(view: ComparisonView, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: view.table.rowHeight(METHOD) > 0)
    wide = view.table.rowHeight(METHOD)
    view.resize(520, 700)
    qtbot.waitUntil(lambda: view.table.rowHeight(METHOD) > wide)
    line = view.table.fontMetrics().height()
    assert view.table.rowHeight(METHOD) >= 4 * line  # the kyphoplasty method wraps to four lines or more


def test_kiosk_sized_font_gives_touch_sized_rows_and_button(view: ComparisonView, qtbot: QtBot) -> None:
    font = QFont(view.font())
    font.setPixelSize(26)
    view.setFont(font)
    qtbot.waitUntil(lambda: min(view.table.rowHeight(r) for r in range(view.model.rowCount())) >= 44)
    assert view.show_button.minimumHeight() >= 44


def test_topic_without_comparison_shows_a_message(view: ComparisonView, bundled_topic: Topic) -> None:
    view.set_topic(dataclasses.replace(bundled_topic, comparison=None))
    assert view.empty_label.isVisibleTo(view)
    assert not view.table.isVisibleTo(view)
    view.set_topic(None)
    assert view.model.rowCount() == 0 and view.empty_label.isVisibleTo(view)
    view.set_topic(bundled_topic)
    assert view.table.isVisibleTo(view) and not view.empty_label.isVisibleTo(view)
    assert view.table.currentIndex() == QModelIndex()


def test_every_focusable_widget_has_an_accessible_name_and_tooltip(view: ComparisonView) -> None:
    focusable = [w for w in view.findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    assert {view.table, view.quote, view.show_button} <= set(focusable)
    for widget in focusable:
        assert widget.accessibleName(), widget
        assert widget.toolTip(), widget
