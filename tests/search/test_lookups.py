"""Issue 13: questions, lay words, clinicians' look-ups, and "did you mean" only when it helps."""

from __future__ import annotations

import pytest

from reader.search import SearchService, english
from reader.search.analysis import stemming_analyzer
from reader.search.filters import SENTENCE_GAP


def sections(service: SearchService, query: str) -> list[str]:
    return [hit.section_id for hit in service.search(query).hits]


# --- the four examples of the issue -------------------------------------------------------------


def test_a_question_of_english_words_is_not_corrected(service: SearchService) -> None:
    result = service.search("how long does it take")
    assert result.suggestion is None and not result.corrected
    assert set(sections(service, "how long does it take")) == {"vertebroplasty", "kyphoplasty"}


def test_a_misspelt_short_word_is_suggested_and_completions_are_real(service: SearchService) -> None:
    result = service.search("bak pain")
    assert (result.suggestion, result.corrected) == ("back pain", True)
    assert result.hits[0].section_id == "overview"  # "pain from compression fractures of the spine"
    assert not any(c.startswith("bak ") for c in service.suggest("bak pai"))
    assert "back pain" not in service.suggest("back pai")  # both words are there, never side by side


def test_side_effects_find_possible_problems(service: SearchService) -> None:
    assert sections(service, "side effects") == ["risks"]
    assert sections(service, "what are the risks") == ["risks"]


def test_a_section_is_found_by_its_own_words_only(service: SearchService) -> None:
    assert sections(service, "kyphoplasty") == ["kyphoplasty", "overview"]


# --- more of the issue ----------------------------------------------------------------------------


def test_a_word_the_content_lacks_finds_nothing_and_is_not_corrected(service: SearchService) -> None:
    for query in ("cost", "how much does it cost", "bleeding"):
        result = service.search(query)
        assert (result.total, result.suggestion) == (0, None), query


def test_question_words_do_not_decide(service: SearchService) -> None:
    assert sections(service, "how is kyphoplasty done")[0] == "kyphoplasty"  # "done" is in the overview
    assert sections(service, "what happens during vertebroplasty")[0] == "vertebroplasty"


def test_an_exact_title_ranks_first(service: SearchService) -> None:
    assert sections(service, "possible problems")[0] == "risks"
    assert sections(service, "vertebroplasty")[0] == "vertebroplasty"  # the overview says it too


def test_phrases_stay_inside_a_sentence(service: SearchService) -> None:
    assert sections(service, '"spine fractures"') == []  # "...of the spine. Fractures can happen..."
    assert sections(service, '"hours injection"') == []
    assert sections(service, '"compression fractures"')[0] in {"overview", "effectiveness"}


def test_the_analyser_leaves_a_gap_between_sentences() -> None:
    tokens = [(t.text, t.pos) for t in stemming_analyzer()("Pain relief. Fractures happen", positions=True)]
    assert tokens == [("pain", 0), ("relief", 1), ("fractur", 2 + SENTENCE_GAP), ("happen", 3 + SENTENCE_GAP)]


@pytest.mark.parametrize(
    ("query", "sentence", "number", "reference"),
    [
        ("PMID 19657121", "ev-no-difference", "2", "buchbinder-2009"),
        ("19657122", "ev-no-difference", "3", "kallmes-2009"),
        ("10.1056/NEJMoa0900429", "ev-no-difference", "2", "buchbinder-2009"),
        ("10.1016/S0140-6736(10)60954-3", "ev-pain-relief", "1", "klazen-2010"),
        ("Kallmes 2009", "ev-no-difference", "3", "kallmes-2009"),
        ("NEJM", "ev-no-difference", "2, 3", "buchbinder-2009"),
        ("N Engl J Med", "ev-no-difference", "2, 3", "buchbinder-2009"),
        ("Lancet", "ev-pain-relief", "1", "klazen-2010"),
        ("Vertos II", "ev-pain-relief", "1", "klazen-2010"),
    ],
)
def test_a_reference_look_up_finds_the_reference_then_the_citing_sentence(
    service: SearchService, query: str, sentence: str, number: str, reference: str
) -> None:
    hits = service.search(query).hits
    assert [hit.section_id for hit in hits] == ["references", "effectiveness"]
    assert hits[0].reference == reference  # the first reference matched: the window goes there
    citing = hits[1]
    assert citing.sentence == sentence
    assert f"<mark>[{number}]</mark>" in citing.snippet_html
    assert hits[1].score < hits[0].score


def test_a_reference_hit_shows_only_the_matched_reference(service: SearchService) -> None:
    """Not the end of the paper before and the start of the next one, with their own PMIDs marked."""
    snippet = service.search("PMID 19657121").hits[0].snippet_html
    assert "Buchbinder" in snippet and "<mark>19657121</mark>" in snippet
    assert "Kallmes" not in snippet and "Klazen" not in snippet


def test_a_pmid_of_another_paper_finds_nothing(service: SearchService) -> None:
    result = service.search("19657123")  # a different paper: not Kallmes (notes/domain.md)
    assert (result.total, result.suggestion) == (0, None)


def test_the_english_word_list_is_read_only_when_a_suggestion_is_considered(service: SearchService) -> None:
    english._english_words.cache_clear()
    service.search("balloon")
    service.search("how long does it take")  # every word found: nothing to correct
    assert english._english_words.cache_info().currsize == 0
    service.search("bak pain")
    assert english._english_words.cache_info().currsize == 1


def test_common_english_words_only() -> None:
    assert english.is_english_word("long") and english.is_english_word("cost")
    assert not english.is_english_word("bak")
    assert not english.is_english_word("ballon")  # in the list, but a rarity: "balloon" misspelt


def test_without_the_english_list_long_would_become_lung(service: SearchService, monkeypatch) -> None:
    """What the packaging checks rely on: `search long` suggests nothing only if the list is there."""
    assert service.search("long").suggestion is None
    monkeypatch.setattr(english, "_english_words", lambda: frozenset())
    assert service.search("long").suggestion == "lung"
