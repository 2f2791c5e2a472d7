"""Selections stay readable when the window is not active (issue 14, item 11): the theme's inactive
selection colours reach 4.5:1, and the search results, references and comparison draw a selected row
of an inactive window in those colours (measured on the painted pixels)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QModelIndex, QPoint
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reader.content import Topic
from reader.ui.comparison import ComparisonView
from reader.ui.references import ReferencesView
from reader.ui.search_results import SearchResultsModel, SearchResultsView
from reader.ui.theme import DARK, LIGHT, ThemeColors, build_palette, contrast_ratio

THEMES = [LIGHT, DARK]
GROUPS = [QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive]


@dataclass(frozen=True)
class Hit:
    topic_id: str = "t"
    topic_title: str = "Vertebroplasty and Kyphoplasty"
    section_id: str = "s"
    title: str = "Possible problems"
    snippet_html: str = "the <mark>cement</mark> can leak out of the bone"
    terms: tuple[str, ...] = ("cement",)


@pytest.mark.parametrize("colors", THEMES, ids=lambda c: c.name)
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_selection_colours_reach_4_5_to_1(colors: ThemeColors, group: QPalette.ColorGroup) -> None:
    palette = build_palette(colors)
    text = palette.color(group, QPalette.ColorRole.HighlightedText)
    background = palette.color(group, QPalette.ColorRole.Highlight)
    assert contrast_ratio(text, background) >= 4.5


def _paint_selected_inactive(view: QAbstractItemView, index: QModelIndex, colors: ThemeColors) -> QImage:
    """Paint one selected cell as an inactive window shows it (no State_Active)."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.palette = build_palette(colors)
    option.rect = view.visualRect(index).translated(-view.visualRect(index).topLeft())
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Selected
    image = QImage(option.rect.size(), QImage.Format.Format_RGB32)
    image.fill(QColor(colors.base))
    painter = QPainter(image)
    view.itemDelegateForIndex(index).paint(painter, option, index)
    painter.end()
    return image


def _text_contrast(image: QImage) -> float:
    """The best contrast of any pixel against the cell's background (its top-right corner)."""
    background = image.pixelColor(QPoint(image.width() - 2, 1))
    pixels = {image.pixelColor(x, y).rgb() for x in range(image.width()) for y in range(image.height())}
    return max(contrast_ratio(QColor(rgb), background) for rgb in pixels)


@pytest.mark.parametrize("colors", THEMES, ids=lambda c: c.name)
def test_search_result_selected_in_an_inactive_window_is_readable(qtbot: QtBot, colors: ThemeColors) -> None:
    view = SearchResultsView()
    qtbot.addWidget(view)
    model = SearchResultsModel(view)
    view.setModel(model)
    model.set_hits([Hit()])
    view.resize(320, 300)
    view.show()
    image = _paint_selected_inactive(view, model.index(0, 0), colors)
    background = image.pixelColor(QPoint(image.width() - 2, 1))
    inactive = build_palette(colors).color(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight)
    assert background == inactive
    assert _text_contrast(image) >= 4.5


@pytest.mark.parametrize("colors", THEMES, ids=lambda c: c.name)
def test_reference_and_comparison_cells_too(qtbot: QtBot, bundled_topic: Topic, colors: ThemeColors) -> None:
    references, comparison = ReferencesView(), ComparisonView()
    for widget in (references, comparison):
        qtbot.addWidget(widget)
        widget.set_topic(bundled_topic)
        widget.resize(800, 600)
        widget.show()
    for view in (references.list, comparison.table):
        index = view.model().index(0, 0)
        assert _text_contrast(_paint_selected_inactive(view, index, colors)) >= 4.5, type(view).__name__
