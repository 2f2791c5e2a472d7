"""Search in each topic's own language (issue 16): a Spanish test-only topic of a test pack is
found with Spanish stemming, and English queries behave as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.content.loader import load_content
from reader.search.languages import field_for, search_language, spanish_stems
from reader.search.service import SearchService
from reader.search.synonyms import SynonymTable

LANGUAGE_PACK = Path(__file__).resolve().parent.parent / "data" / "language_pack"  # test data only


@pytest.fixture(scope="module")
def service():
    loaded = load_content(LANGUAGE_PACK)
    assert not loaded.errors
    found = SearchService(loaded.topics, None)
    found.ensure_index()
    yield found
    found.close()


def _topics(service: SearchService, query: str) -> list[str]:
    return [hit.topic_id for hit in service.search(query).hits]


def test_a_spanish_plural_finds_the_spanish_topic_that_has_only_the_singular(service) -> None:
    text = (LANGUAGE_PACK / "topics" / "test-bone-topic-es.yaml").read_text(encoding="utf-8")
    assert "fractura " in text and "fracturas" not in text  # the topic has the singular only
    result = service.search("fracturas")
    assert [hit.topic_id for hit in result.hits] == ["test-bone-topic-es"]
    assert "<mark>fractura</mark>" in result.hits[0].snippet_html  # marked with Spanish stems too
    # English stemming would not join these to "fractura" / "encuentren": Spanish stemming does
    assert _topics(service, "fracturadas") == ["test-bone-topic-es"]
    assert _topics(service, "encuentran") == ["test-bone-topic-es"]


def test_the_spanish_topic_is_indexed_with_spanish_stems_in_its_own_field(service) -> None:
    reader = service._searcher.reader()
    assert reader.doc_frequency("text_es", "fractur") == 1  # Snowball Spanish
    assert reader.doc_frequency("text", "fractura") == 0  # not analysed as English
    assert reader.doc_frequency("text_es", "una") == 0  # a Spanish stop word


def test_spanish_stop_words_are_not_searched(service) -> None:
    assert spanish_stems("de la una") == ()
    assert _topics(service, "una fractura") == ["test-bone-topic-es"]  # "una" asks for nothing


def test_english_queries_find_english_topics_as_before(service) -> None:
    found = _topics(service, "fractures")
    assert found[:2] == ["test-bone-topic", "test-only-english"] or found[:2] == [
        "test-only-english",
        "test-bone-topic",
    ]
    assert _topics(service, "bone") == ["test-bone-topic"]
    assert _topics(service, '"fracture of a bone"') == ["test-bone-topic"]


def test_an_english_only_pack_never_queries_the_spanish_field(bundled_result) -> None:
    english = SearchService(bundled_result.topics, None)
    english.ensure_index()
    try:
        assert english._others == ()  # the plan, and its speed, are what they were
        assert english.search("fracture").total > 0
    finally:
        english.close()


def test_language_tags_choose_an_analyser() -> None:
    assert search_language("es-MX") == "es" and field_for("es") == "text_es"
    assert search_language("en-GB") == "en" and field_for("fr") == "text"  # no French analyser


def test_the_synonym_file_holds_spanish_words_beside_the_english_ones(tmp_path: Path) -> None:
    path = tmp_path / "synonyms.yaml"
    path.write_text(
        "variants:\n  - [tumour, tumor]\nlanguages:\n  es:\n    synonyms:\n      - [fractura, hueso roto]\n",
        encoding="utf-8",
    )
    english = SynonymTable.load(path)
    assert english.get(("tumour",)) is not None and english.get(spanish_stems("fractura")) is None
    spanish = SynonymTable.load(path, "es")
    found = spanish.get(spanish_stems("fracturas"))
    assert found is not None and found.synonyms == (spanish_stems("hueso roto"),)


def test_spanish_lay_words_find_the_spanish_topic(tmp_path: Path) -> None:
    synonyms = tmp_path / "synonyms.yaml"
    synonyms.write_text(
        "languages:\n  es:\n    synonyms:\n      - [fractura, quebradura]\n", encoding="utf-8"
    )
    loaded = load_content(LANGUAGE_PACK)
    found = SearchService(loaded.topics, None, synonyms)
    found.ensure_index()
    try:
        assert _topics(found, "quebraduras") == ["test-bone-topic-es"]
    finally:
        found.close()
