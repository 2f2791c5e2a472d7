"""Whatever a user types, search and completion return a result and never raise."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.search import SearchService

HOSTILE = [
    "",
    "   ",
    "!!!",
    "?!.,;:()[]{}",
    "the of and",  # stop words only
    "a" * 10_000,
    "word " * 2_000,
    "AND(",
    "OR NOT AND",
    "title:",
    "title:kyphoplasty",
    "text:(",
    "*",
    "**",
    "kyph*",
    '"',
    '"unbalanced',
    'unbalanced"',
    '""',
    '"the of"',
    "\\",
    "\x00",
    "\u200b",
    "🙂",
    "日本語",
    "ﬁbrosis",
    "<script>alert(1)</script>",
    "%s %d {0}",
    "-",
    "x" * 41,
    "9" * 50,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_never_raises(service: SearchService, query: str) -> None:
    result = service.search(query)
    assert result.query == query
    assert result.total >= len(result.hits)
    assert isinstance(service.suggest(query), list)


@pytest.mark.parametrize("query", ["", "   ", "!!!", "the of and", "AND(", "*", '""', "\x00"])
def test_queries_without_words_give_a_clear_empty_result(service: SearchService, query: str) -> None:
    result = service.search(query)
    assert (result.total, result.hits, result.suggestion, result.corrected) == (0, (), None, False)


def test_query_syntax_is_searched_as_words(service: SearchService) -> None:
    assert service.search("title:kyphoplasty").hits[0].section_id == "kyphoplasty"
    assert service.search("(balloon)").hits[0].section_id == "kyphoplasty"
    assert service.search("balloon AND(").hits[0].section_id == "kyphoplasty"


def test_snippets_are_escaped_text_of_the_section(service: SearchService, bundled_topic) -> None:
    # "surgery" is in five sections' own text (sections no longer match through the topic title)
    hits = [hit for hit in service.search("surgery").hits if hit.section_id != "references"]
    assert len(hits) >= 5
    for hit in hits:
        without_marks = re.sub(r"</?mark>", "", hit.snippet_html)
        assert "<" not in without_marks and ">" not in without_marks
        assert html.unescape(without_marks).strip("…") in bundled_topic.section(hit.section_id).text


@pytest.mark.parametrize("limit", [0, -5, 1, 10**9])
def test_any_limit(service: SearchService, limit: int) -> None:
    result = service.search("vertebroplasty", limit=limit)
    assert 1 <= len(result.hits) <= 7


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=80))
def test_any_text_never_raises(service: SearchService, query: str) -> None:
    result = service.search(query)
    assert len(result.hits) <= result.total
    assert all(hit.snippet_html.count("<mark>") == hit.snippet_html.count("</mark>") for hit in result.hits)
    service.suggest(query)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from(["balloon", "kyph", '"', "*", "AND", "(", ":", "blood", "clot", " ", "tumors"]))
)
def test_mixtures_of_words_and_syntax_never_raise(service: SearchService, pieces: list[str]) -> None:
    service.search("".join(pieces))
