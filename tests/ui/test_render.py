"""Rendering a topic to HTML: escaping, anchors, citations and back links, credits, evidence age."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtGui import QTextDocument

from reader.content import citation
from reader.content.model import Paragraph, Section, Sentence
from reader.ui.render import (
    RenderOptions,
    evidence_notice,
    format_date,
    reference_anchor,
    render_topic_html,
    section_anchor,
)

TODAY = dt.date(2026, 11, 25)


def _document(html: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(html)
    return document


def _anchors(document: QTextDocument) -> dict[str, str]:
    """Anchor name -> the text of the fragment it marks; and href -> link text under 'href:'."""
    found: dict[str, str] = {}
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            for name in fragment.charFormat().anchorNames():
                found[name] = fragment.text()
            if fragment.charFormat().anchorHref():
                found.setdefault("href:" + fragment.charFormat().anchorHref(), fragment.text())
            it += 1
        block = block.next()
    return found


def test_markup_in_content_is_shown_as_text(qapp, bundled_topic) -> None:
    hostile = '<script>alert("x")</script><b>bold</b><img src="http://example.com/x.png">'
    section = Section("evil", "Title <i>here</i>", (Paragraph((Sentence("evil-1", hostile),)),))
    topic = replace(bundled_topic, title="A & B <em>", sections=(section,), references=())
    document = _document(render_topic_html(topic, RenderOptions(today=TODAY)))
    text = document.toPlainText()
    assert hostile in text
    assert "Title <i>here</i>" in text
    assert "A & B <em>" in text
    bold = document.find("bold")
    assert not bold.charFormat().font().bold()  # <b> was not obeyed
    assert document.allFormats() and not any(f.isImageFormat() for f in document.allFormats())


def test_sections_sentences_and_references_are_anchored(qapp, bundled_topic) -> None:
    anchors = _anchors(_document(render_topic_html(bundled_topic, RenderOptions(today=TODAY))))
    assert anchors[section_anchor("risks")].startswith("P")  # the first letter of "Possible problems"
    assert "kp-balloon-in" in anchors
    for reference in bundled_topic.references:
        assert reference_anchor(reference.id) in anchors


def test_citations_link_to_references_and_references_link_back(qapp, bundled_topic) -> None:
    anchors = _anchors(_document(render_topic_html(bundled_topic, RenderOptions(today=TODAY))))
    assert anchors["href:#ref.klazen-2010"] == "1"
    assert anchors["href:#ref.kallmes-2009"] == "3"
    assert anchors["href:#ev-pain-relief"] == "Back to text"  # from reference 1 to its sentence
    assert anchors["href:#ev-no-difference"] == "Back to text"


def test_the_handout_has_no_back_links(qapp, bundled_topic) -> None:
    html = render_topic_html(bundled_topic, RenderOptions(today=TODAY, for_print=True))
    assert "Back to text" not in _document(html).toPlainText()
    assert "Klazen CAH, et al" in _document(html).toPlainText()


def test_credits_footer_names_everyone_and_the_date(qapp, bundled_topic) -> None:
    text = _document(render_topic_html(bundled_topic, RenderOptions(today=TODAY))).toPlainText()
    assert "Author: Healthwise Staff" in text
    assert "Primary Medical Reviewer: Anne C. Poinier, MD, Internal Medicine" in text
    assert "Specialist Medical Reviewer: Carla J. Herman, MD, MPH, Geriatric Medicine" in text
    assert "Last revised: 24 May 2011" in text
    assert "Publisher: Healthwise, Incorporated" in text
    assert "does not replace the advice of a doctor" in text


@pytest.mark.parametrize("style", [citation.VANCOUVER, citation.AMA])
def test_reference_list_uses_the_one_formatter_of_the_chosen_style(bundled_topic, style: str) -> None:
    options = RenderOptions(today=TODAY, for_print=True, citation_style=style)
    text = _document(render_topic_html(bundled_topic, options)).toPlainText()
    for reference in bundled_topic.references:
        assert citation.citation_text(reference, style) in text
    other = citation.AMA if style == citation.VANCOUVER else citation.VANCOUVER
    assert citation.citation_text(bundled_topic.references[1], other) not in text


def test_reference_list_default_is_nlm(bundled_topic) -> None:
    text = _document(render_topic_html(bundled_topic, RenderOptions(today=TODAY))).toPlainText()
    assert "N Engl J Med. 2009;361(6):557-68. doi:10.1056/NEJMoa0900429. PMID: 19657121." in text


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2012, 1, 1), None),
        (dt.date(2014, 5, 24), None),  # exactly three years: not older than the review cycle
        (dt.date(2014, 5, 25), "more than 3 years ago"),
        (dt.date(2026, 11, 25), "more than 15 years ago"),
    ],
)
def test_evidence_notice_appears_only_past_the_review_cycle(today: dt.date, expected: str | None) -> None:
    notice = evidence_notice(dt.date(2011, 5, 24), today, 3)
    if expected is None:
        assert notice is None
    else:
        assert notice is not None
        assert expected in notice
        assert "24 May 2011" in notice


def test_evidence_age_is_configurable() -> None:
    assert evidence_notice(dt.date(2024, 1, 1), dt.date(2026, 1, 2), 1) is not None
    assert evidence_notice(dt.date(2024, 1, 1), dt.date(2026, 1, 2), 5) is None


def test_dates_are_long_dates_in_the_interface_language() -> None:  # reader.ui.dates; Spanish: tests/i18n
    assert format_date(dt.date(2011, 5, 24)) == "24 May 2011"
