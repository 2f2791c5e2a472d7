"""The clinicians' "Published since" list: apart from the original text and labelled as not part of
it, counted and linked from the evidence-age notice, on the handout, and hidden in a kiosk unless its
configuration turns it on (tests/kiosk/test_published_since_kiosk.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtGui import QTextDocument

from reader.content import Topic, citation
from reader.ui.handout import handout_document
from reader.ui.render import (
    PUBLISHED_SINCE_ANCHOR,
    REFERENCES_ANCHOR,
    RenderOptions,
    later_studies_sentence,
    render_topic_html,
)

TODAY = dt.date(2026, 11, 25)


def _text(topic: Topic, **options: object) -> str:
    document = QTextDocument()
    document.setHtml(render_topic_html(topic, RenderOptions(today=TODAY, **options)))  # type: ignore[arg-type]
    return document.toPlainText()


def test_the_list_follows_the_references_labelled_and_with_each_design(qapp, bundled_topic: Topic) -> None:
    html = render_topic_html(bundled_topic, RenderOptions(today=TODAY))
    heading = f'<a name="{PUBLISHED_SINCE_ANCHOR}">'
    assert (
        html.index(f'<a name="{REFERENCES_ANCHOR}">')
        < html.index(heading)
        < html.index('<a name="part.credits">')
    )
    text = _text(bundled_topic)
    since = text[text.index("Published since the last revision (2011)") :]
    assert citation.PUBLISHED_SINCE_LABEL in since
    for study in bundled_topic.published_since:
        assert citation.citation_text(study.reference, citation.VANCOUVER) in since
        assert f"Design: {study.design}" in since
    original = text[: text.index("Published since the last revision")]
    assert not any(s.reference.title in original for s in bundled_topic.published_since)


def test_the_evidence_notice_counts_the_later_studies_and_links_to_them(qapp, bundled_topic: Topic) -> None:
    count = len(bundled_topic.published_since)
    assert count == 5
    sentence = later_studies_sentence(count)
    assert sentence.startswith("For clinicians: 5 later studies are listed")
    assert later_studies_sentence(1).startswith("For clinicians: 1 later study is listed")
    html = render_topic_html(bundled_topic, RenderOptions(today=TODAY))
    assert f'<a class="since" href="#{PUBLISHED_SINCE_ANCHOR}">' in html
    assert sentence in _text(bundled_topic)


def test_a_topic_without_later_studies_says_nothing_about_them(qapp, bundled_topic: Topic) -> None:
    topic = replace(bundled_topic, published_since=())
    text = _text(topic)
    assert "Published since" not in text and "later stud" not in text
    assert PUBLISHED_SINCE_ANCHOR not in render_topic_html(topic, RenderOptions(today=TODAY))


def test_hidden_when_asked_notice_and_list_alike(qapp, bundled_topic: Topic) -> None:
    text = _text(bundled_topic, show_published_since=False)
    assert "Published since" not in text and "later stud" not in text
    assert "About the age of this information." in text  # the notice itself stays


def test_the_handout_carries_the_list_without_a_link(qapp, bundled_topic: Topic) -> None:
    text = handout_document(bundled_topic, RenderOptions(today=TODAY)).toPlainText()
    assert "Published since the last revision (2011)" in text
    assert later_studies_sentence(5) in text
    printed = render_topic_html(bundled_topic, RenderOptions(today=TODAY, for_print=True))
    assert f'href="#{PUBLISHED_SINCE_ANCHOR}"' not in printed  # nothing to click on paper
    assert f'<a name="{PUBLISHED_SINCE_ANCHOR}">' in printed
