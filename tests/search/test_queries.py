"""Each kind of query the issue lists finds the expected section of the bundled topic."""

from __future__ import annotations

import pytest

from reader.search import SearchService
from tests.search.conftest import marked_words


def sections(service: SearchService, query: str) -> list[str]:
    return [hit.section_id for hit in service.search(query).hits]


@pytest.mark.parametrize(
    ("query", "section"),
    [
        ("balloon", "kyphoplasty"),  # a plain word
        ("blood clot", "risks"),  # two words, AND
        ("Buchbinder", "references"),  # an author in the reference list
        ("fluoroscopy", "vertebroplasty"),
        ("possible problems", "risks"),  # words of a section title
        ("Kyphoplasty", "kyphoplasty"),  # a title word ranks its own section first
    ],
)
def test_plain_words_find_their_section_first(service: SearchService, query: str, section: str) -> None:
    assert sections(service, query)[0] == section


def test_and_by_default(service: SearchService) -> None:
    # "balloon" is only in the kyphoplasty section, "needle" only in vertebroplasty: no section has both,
    # so AND finds nothing and the OR fallback returns both.
    assert set(sections(service, "balloon needle")) == {"kyphoplasty", "vertebroplasty"}
    assert sections(service, "balloon cement")[0] == "kyphoplasty"
    assert "vertebroplasty" not in sections(service, "balloon cement")


def test_stemming_matches_other_forms(service: SearchService) -> None:
    assert sections(service, "inflating")[0] == "kyphoplasty"  # text: "inflates"
    hit = service.search("fracture").hits[0]
    assert "fractures" in hit.terms or "fractured" in hit.terms


def test_british_spelling_of_the_query_finds_american_text(service: SearchService) -> None:
    result = service.search("tumors")  # the text says "tumours"
    assert result.hits[0].section_id == "overview"
    assert result.hits[0].terms == ("tumours",)
    assert result.suggestion is None and not result.corrected


@pytest.mark.parametrize(
    ("query", "section", "word"),
    [
        ("anaesthetic", "vertebroplasty", "anesthetic"),  # British query, American text
        ("randomised", "references", "randomized"),  # both spellings are in the references
        ("randomized", "references", "randomised"),
    ],
)
def test_spelling_variants(service: SearchService, query: str, section: str, word: str) -> None:
    hit = service.search(query).hits[0]
    assert hit.section_id == section
    assert word in hit.terms


@pytest.mark.parametrize(
    ("query", "section", "word"),
    [
        ("embolism", "risks", "blood"),  # clinical -> lay (and the text has both)
        ("x-ray", "vertebroplasty", "fluoroscopy"),  # lay -> clinical
        ("xray", "vertebroplasty", "fluoroscopy"),
        ("spine bone", "kyphoplasty", "vertebra"),
        ("numb", "vertebroplasty", "anesthetic"),
        ("back fracture", "overview", "compression"),
    ],
)
def test_lay_and_clinical_synonyms(service: SearchService, query: str, section: str, word: str) -> None:
    hits = {hit.section_id: hit for hit in service.search(query).hits}
    assert section in hits
    assert word in hits[section].terms


def test_synonyms_rank_below_the_words_typed(service: SearchService) -> None:
    # "numb" is in the kyphoplasty section; the vertebroplasty section only has its synonym.
    assert sections(service, "numb")[:2] == ["kyphoplasty", "vertebroplasty"]


def test_quoted_phrase_needs_the_words_together(service: SearchService) -> None:
    assert sections(service, '"blood clot"') == ["risks"]
    assert sections(service, '"compression fractures"')[0] in {"overview", "effectiveness"}
    # Both words are in the overview, but not next to each other in this order.
    assert "overview" not in sections(service, '"spine compression"')
    assert sections(service, '"clot blood"') == []


def test_phrase_marks_only_where_the_words_stand_together(service: SearchService) -> None:
    hit = service.search('"pain relief"').hits[0]
    assert hit.section_id == "effectiveness"
    assert marked_words(hit.snippet_html) == ["pain", "relief"]


def test_prefix_of_the_word_being_typed(service: SearchService) -> None:
    result = service.search("kyph")
    assert result.hits[0].section_id == "kyphoplasty"
    assert "kyphoplasty" in {t.lower() for hit in result.hits for t in hit.terms}
    assert sections(service, "ballo")[0] == "kyphoplasty"
    assert sections(service, "vertebr")  # vertebrae, vertebra, vertebroplasty...


def test_prefix_only_for_the_last_word_unless_starred(service: SearchService) -> None:
    finished = service.search("ballo ")  # a finished word: no prefix matching, so a typo
    assert (finished.suggestion, finished.corrected) == ("balloon", True)
    starred = service.search("ballo* cement")
    assert (starred.suggestion, starred.corrected) == (None, False)
    assert starred.hits[0].section_id == "kyphoplasty"


def test_typo_gets_a_real_word_suggestion_and_results(service: SearchService) -> None:
    result = service.search("kyphoplsty")
    assert result.suggestion == "kyphoplasty"
    assert result.corrected
    assert result.hits and result.hits[0].section_id == "kyphoplasty"
    assert result.hits[0].terms == ("Kyphoplasty",)  # only in its title: the heading is what to mark


def test_typo_in_a_longer_query_keeps_the_other_words(service: SearchService) -> None:
    result = service.search("balon cement")
    assert result.suggestion == "balloon cement"
    assert result.hits[0].section_id == "kyphoplasty"


def test_no_suggestion_for_words_of_the_content(service: SearchService) -> None:
    assert service.search("osteoporosis").suggestion is None


def test_no_far_fetched_suggestion(service: SearchService) -> None:
    result = service.search("title")  # "time" is two edits away: not a typo of it
    assert result.suggestion is None
    assert result.total == 0


def test_results_are_ordered_and_carry_titles(service: SearchService) -> None:
    result = service.search("vertebroplasty")
    scores = [hit.score for hit in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert result.total == len(result.hits)
    first = result.hits[0]
    assert (first.topic_id, first.topic_title) == (
        "vertebroplasty-kyphoplasty",
        "Vertebroplasty and Kyphoplasty",
    )
    assert (first.section_id, first.title) == ("vertebroplasty", "Vertebroplasty")


def test_limit(service: SearchService) -> None:
    result = service.search("vertebroplasty", limit=2)
    assert len(result.hits) == 2
    assert result.total > 2


def test_snippet_marks_matches_and_escapes_the_rest(service: SearchService) -> None:
    hit = service.search("clot").hits[0]
    assert marked_words(hit.snippet_html) == ["clot"]
    assert hit.terms == ("clot",)
    apostrophe = service.search("surgeries still somewhat new").hits[0]
    assert "it&#x27;s" in apostrophe.snippet_html  # "it's": escaped, never raw


def test_completions_from_titles_and_words(service: SearchService) -> None:
    assert service.suggest("kyph")[0] == "Kyphoplasty"
    assert "Possible problems" in service.suggest("poss")
    assert "compression fractures" in service.suggest("compression fr")  # as the text writes it
    assert "compression fractured" not in service.suggest("compression fr")  # same stem, not written
    assert len(service.suggest("v", limit=3)) <= 3
    assert service.suggest("") == []
    assert service.suggest("zzzz") == []


def test_several_typos_are_corrected_together(service: SearchService) -> None:
    result = service.search("kyphoplsty ballon cemnt")
    assert result.suggestion == "kyphoplasty balloon cement"
    assert result.corrected and result.hits[0].section_id == "kyphoplasty"
