"""The article view on its own: nothing loaded from outside, the evidence-age banner, selection of
sentences, search-hit marks with next/previous, and the section being read."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from reader.ui.article import ArticleView
from tests.e2e.harness import PINNED_TODAY, shown_article

NOTICE = "About the age of this information"


@pytest.fixture
def article(qtbot, bundled_topic) -> ArticleView:
    return shown_article(qtbot, bundled_topic)


def test_links_and_resources_never_leave_the_app(qtbot, article: ArticleView) -> None:
    assert not article.openExternalLinks()
    assert not article.openLinks()
    for url in ("http://example.com/x.png", "https://example.com/", "file:///etc/passwd", "x.png"):
        assert article.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url)) is None
    with qtbot.assertNotEmitted(article.linkRequested):
        article.anchorClicked.emit(QUrl("https://example.com/#top"))
    with qtbot.waitSignal(article.linkRequested) as signal:
        article.anchorClicked.emit(QUrl("#ref.klazen-2010"))
    assert signal.args == ["ref.klazen-2010"]


def test_keyboard_can_select_text_for_screen_readers(article: ArticleView) -> None:
    assert article.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard


def test_evidence_banner_shows_for_old_content(article: ArticleView) -> None:
    text = article.toPlainText()
    assert NOTICE in text
    assert "last revised on 24 May 2011, more than 15 years ago" in text


def test_evidence_banner_hides_when_the_content_is_recent(article: ArticleView) -> None:
    article.set_clock(lambda: dt.date(2012, 1, 1))
    assert NOTICE not in article.toPlainText()
    article.set_clock(lambda: PINNED_TODAY, evidence_max_age_years=20)
    assert NOTICE not in article.toPlainText()


def test_select_sentence_selects_exactly_its_text(article: ArticleView, bundled_topic) -> None:
    assert article.select_sentence("kp-balloon-in")
    assert article.textCursor().selectedText() == bundled_topic.sentence("kp-balloon-in").text
    assert article.is_position_visible(article.anchor_position("kp-balloon-in"))
    assert not article.select_sentence("no-such-sentence")


def test_scroll_to_section_puts_the_heading_on_top(article: ArticleView) -> None:
    with_signal = []
    article.currentSectionChanged.connect(with_signal.append)
    assert article.scroll_to_section("effectiveness")
    assert article.verticalScrollBar().value() == article.section_top("effectiveness")
    assert article.current_section() == "effectiveness"
    assert with_signal[-1] == "effectiveness"


def test_highlight_terms_marks_every_occurrence(article: ArticleView) -> None:
    count = article.highlight_terms(["balloon"])
    expected = article.toPlainText().lower().count("balloon")
    assert count == expected > 0
    assert len(article.extraSelections()) == count
    assert article.highlight_terms(["BALLOON", "cement"]) > count  # any case; several terms
    assert article.highlight_terms(["zzzz"]) == 0


def test_next_and_previous_hit_walk_through_the_marks(article: ArticleView) -> None:
    count = article.highlight_terms(["balloon"])
    assert article.next_hit()
    first = article.textCursor().selectionStart()
    assert article.textCursor().selectedText().lower().startswith("balloon")
    positions = [first]
    for _ in range(count - 1):
        article.next_hit()
        positions.append(article.textCursor().selectionStart())
    assert positions == sorted(positions) and len(set(positions)) == count
    article.next_hit()  # wraps round
    assert article.textCursor().selectionStart() == first
    article.previous_hit()
    assert article.textCursor().selectionStart() == positions[-1]
    assert article.is_position_visible(positions[-1])


def test_zoom_scales_the_text_and_keeps_the_place(article: ArticleView) -> None:
    article.scroll_to_section("risks")
    before = article.point_size()
    article.set_zoom(200)
    assert article.point_size() == pytest.approx(before * 2)
    assert article.current_section() in {"risks", "effectiveness"}
    assert article.horizontalScrollBar().maximum() == 0  # text wraps: no sideways scrolling at 200%
