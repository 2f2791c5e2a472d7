"""The procedure comparison: model shape, "Not stated" cells, selecting a cell to quote its sources (only
Enter, a double-click or "Show in article" go there), row labels in the theme and font, US spelling."""

from __future__ import annotations

import dataclasses
import re

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from reader.content import Topic
from reader.ui.comparison import NOT_STATED, SOURCES_ROLE, ComparisonModel, ComparisonView
from reader.ui.comparison_table import ComparisonDelegate, muted_text_color
from reader.ui.theme import DARK, LIGHT, ThemeColors, build_palette, contrast_ratio, relative_luminance

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


def test_clicking_a_cell_quotes_its_sources_and_only_selects(
    view: ComparisonView, qtbot: QtBot, bundled_topic: Topic
) -> None:
    with (
        qtbot.assertNotEmitted(view.sourceRequested),
        qtbot.waitSignal(view.sourceSelected, timeout=1000) as blocker,
    ):
        _click(qtbot, view, METHOD, KYPHOPLASTY)
    assert blocker.args == ["vertebroplasty-kyphoplasty", "kyphoplasty", "kp-balloon-in"]
    quoted = view.quote.toPlainText()
    for key in ("kp-balloon-in", "kp-balloon-inflate", "kp-cement"):
        sentence = bundled_topic.sentence(key)
        assert sentence is not None and sentence.text in quoted
    assert "Kyphoplasty \u2014 How it is done" in quoted
    assert view.show_button.isEnabled()


def test_not_stated_cell_says_so_and_requests_nothing(view: ComparisonView, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(view.sourceRequested), qtbot.assertNotEmitted(view.sourceSelected):
        _click(qtbot, view, IMAGE_GUIDANCE, KYPHOPLASTY)
    assert view.table.currentIndex() == view.model.index(IMAGE_GUIDANCE, KYPHOPLASTY)
    assert "Not stated. The article does not say this for Kyphoplasty." in view.quote.toPlainText()
    assert not view.show_button.isEnabled()


def test_arrow_keys_select_and_enter_opens(view: ComparisonView, qtbot: QtBot) -> None:
    _click(qtbot, view, PURPOSE, VERTEBROPLASTY)
    with qtbot.assertNotEmitted(view.sourceRequested), qtbot.waitSignal(view.sourceSelected) as down:
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert down.args == ["vertebroplasty-kyphoplasty", "vertebroplasty", "vp-anesthetic-cement"]
    with qtbot.waitSignal(view.sourceSelected, timeout=1000) as right:
        qtbot.keyClick(view.table, Qt.Key.Key_Right)
    assert right.args[2] == "kp-anesthesia"
    assert "Your doctor may numb the area" in view.quote.toPlainText()
    with qtbot.waitSignal(view.sourceRequested, timeout=1000) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args[2] == "kp-anesthesia"


def test_double_click_opens_the_source(view: ComparisonView, qtbot: QtBot) -> None:
    centre = view.table.visualRect(view.model.index(PURPOSE, KYPHOPLASTY)).center()
    with qtbot.waitSignal(view.sourceRequested, timeout=1000) as opened:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened.args == ["vertebroplasty-kyphoplasty", "overview", "ov-what"]


def test_show_in_article_button_opens_the_source(view: ComparisonView, qtbot: QtBot) -> None:
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


# --- row labels follow the palette and the font (issue 14, item 2); the source's spelling (item 3) ---


def test_row_labels_grow_with_the_views_font(view: ComparisonView, qtbot: QtBot) -> None:
    rows = view.table.verticalHeader()
    small_width = rows.sizeHint().width()
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)  # kiosk cells are 150 %
    view.setFont(font)
    qtbot.waitUntil(lambda: rows.font().pointSizeF() == pytest.approx(font.pointSizeF()))
    assert rows.font().pointSizeF() == pytest.approx(view.table.font().pointSizeF())
    assert rows.sizeHint().width() > small_width * 1.3


def test_row_labels_follow_the_application_font(view: ComparisonView, qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = QFont(app.font())
    big = QFont(saved)
    big.setPointSizeF(saved.pointSizeF() * 2)
    try:
        app.setFont(big)  # what kiosk mode does
        qtbot.waitUntil(lambda: view.table.verticalHeader().font().pointSizeF() == big.pointSizeF())
    finally:
        app.setFont(saved)


def _label_contrast(view: ComparisonView, colors: ThemeColors) -> tuple[float, QColor]:
    """The best contrast of any label pixel against the section's background, and that background."""
    view.setPalette(build_palette(colors))
    rows = view.table.verticalHeader()
    QApplication.processEvents()
    image: QImage = rows.grab().toImage()
    top = rows.sectionViewportPosition(0)
    height = rows.sectionSize(0)
    background = image.pixelColor(QPoint(rows.width() - 3, top + height // 2))
    pixels = [
        image.pixelColor(x, y)
        for x in range(rows.inset(), rows.width() // 2)
        for y in range(top + 2, top + height - 2)
    ]
    return max(contrast_ratio(p, background) for p in pixels), background


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=lambda c: c.name)
def test_row_labels_are_drawn_in_the_themes_colours(view: ComparisonView, colors: ThemeColors) -> None:
    contrast, background = _label_contrast(view, colors)
    assert contrast >= 4.5
    window_is_dark = relative_luminance(QColor(colors.window)) < 0.2
    assert (relative_luminance(background) < 0.2) == window_is_dark  # no light stripe on dark


def test_labels_use_the_sources_spelling(bundled_topic: Topic) -> None:
    """A label never spells a word the British way when the article spells it the American way."""
    comparison = bundled_topic.comparison
    assert comparison is not None
    article = " ".join(s.text for section in bundled_topic.sections for s in section.sentences()).lower()
    uk_to_us = ((r"anaesth", "anesth"), (r"haem", "hem"), (r"oedem", "edem"), (r"oesoph", "esoph"))
    for attribute in comparison.attributes:
        label = attribute.label.lower()
        for uk, us in uk_to_us:
            if re.search(rf"\b{uk}", label):
                assert not re.search(rf"\b{us}", article), f"{attribute.label!r}: the source says {us}…"
    assert [a.label for a in comparison.attributes][1] == "Anesthesia"
