"""What is spoken is built from the content model: headings, sentences and list items in order,
citation markers never, abbreviations as the synonyms file says, a comparison row as one line."""

from __future__ import annotations

import re
from pathlib import Path

from reader.content.model import BulletList
from reader.speech.lexicon import Lexicon, lexicon_for_topic_file, without_citation_markers
from reader.speech.script import (
    HEADING_PAUSE_MS,
    Kind,
    article_script,
    comparison_row_text,
    section_script,
    sentence_script,
)
from reader.ui.render import RenderOptions, render_topic_html
from tests.e2e.harness import PINNED_TODAY

MARKER = re.compile(r"\[\s*\d|[⁰¹²³⁴⁵⁶⁷⁸⁹]")


def test_the_article_is_every_heading_and_sentence_in_order(bundled_topic) -> None:
    script = article_script(bundled_topic)
    expected = [bundled_topic.title]
    for section in bundled_topic.sections:
        expected.append(section.title)
        expected.extend(s.text for s in section.sentences())
    assert [u.text for u in script.utterances] == expected
    assert script.utterances[0].kind is Kind.HEADING
    headings = [u for u in script.utterances if u.kind is Kind.HEADING]
    assert [u.anchor for u in headings[1:]] == [s.id for s in bundled_topic.sections]
    assert all(u.pause_before_ms == HEADING_PAUSE_MS == u.pause_after_ms for u in headings[1:])


def test_from_a_section_on_starts_at_its_heading(bundled_topic) -> None:
    script = article_script(bundled_topic, "risks")
    assert script.utterances[0].text == bundled_topic.section("risks").title
    assert script.utterances[-1].anchor == list(bundled_topic.section("talk-to-doctor").sentences())[-1].key
    assert bundled_topic.title not in [u.text for u in script.utterances]


def test_list_items_are_spoken_one_by_one(bundled_topic) -> None:
    section = bundled_topic.section("risks")
    items = [s for b in section.blocks if isinstance(b, BulletList) for s in b.items]
    assert len(items) >= 2
    spoken = [u for u in section_script(bundled_topic, "risks").utterances if u.kind is Kind.ITEM]
    assert [u.anchor for u in spoken] == [s.key for s in items]


def test_citation_markers_are_never_spoken(bundled_topic) -> None:
    cited = [s for s in bundled_topic.section("effectiveness").sentences() if s.cites]
    assert cited  # the page shows markers for these
    page = render_topic_html(bundled_topic, RenderOptions(today=PINNED_TODAY))
    assert 'class="cite"' in page  # "[1]" after them on the page
    said = " ".join(u.text for u in article_script(bundled_topic).utterances)
    assert not MARKER.search(said)
    assert without_citation_markers("Pain eased [1, 2] within days²³ [4–6].") == "Pain eased within days."


def test_one_sentence_and_an_unknown_one(bundled_topic) -> None:
    assert [u.text for u in sentence_script(bundled_topic, "vp-home").utterances] == [
        "You likely will go home the same day."
    ]
    assert len(sentence_script(bundled_topic, "no-such-sentence")) == 0


def test_a_comparison_row_is_one_line(bundled_topic) -> None:
    text = comparison_row_text(bundled_topic, "going-home")
    assert text.startswith("Going home. Vertebroplasty: ")
    assert "Kyphoplasty: " in text
    assert comparison_row_text(bundled_topic, "no-such-row") == ""


def test_abbreviations_are_spoken_as_the_synonyms_file_says(tmp_path: Path) -> None:
    synonyms = tmp_path / "synonyms.yaml"
    synonyms.write_text("variants: []\nspoken:\n  e.g.: for example\n  CT: C T\n", "utf-8")
    lexicon = Lexicon.load(synonyms)
    assert len(lexicon) == 2
    assert lexicon.spoken("Tests, e.g. a CT scan [3].") == "Tests, for example a C T scan."
    assert lexicon.spoken("ACT and CTA stay") == "ACT and CTA stay"  # whole words only


def test_a_bad_spoken_section_is_ignored_with_a_warning(tmp_path: Path, caplog) -> None:
    synonyms = tmp_path / "synonyms.yaml"
    synonyms.write_text("spoken: [not, a, mapping]\n", "utf-8")
    assert len(Lexicon.load(synonyms)) == 0
    assert "spoken forms ignored" in caplog.text


def test_the_bundled_file_has_spoken_forms_and_packs_use_their_own(bundled_topic, tmp_path) -> None:
    bundled = lexicon_for_topic_file(bundled_topic.source_path, tmp_path / "none.yaml")
    assert bundled.name == "synonyms.yaml" and len(Lexicon.load(bundled)) > 0
    assert lexicon_for_topic_file("", tmp_path / "fallback.yaml") == tmp_path / "fallback.yaml"
