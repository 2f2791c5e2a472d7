"""Searching several packs' indexes as one: how answers are merged, and which unused pack
indexes are evicted. The services here are stand-ins answering fixed results."""

from __future__ import annotations

import os
from pathlib import Path

from reader.search.combined import CombinedSearch, evict_unused
from reader.search.service import Hit, SearchResult


def hit(topic: str, score: float) -> Hit:
    return Hit(topic, topic.title(), "s", "Section", score, "text", ())


class Answering:
    def __init__(self, result: SearchResult, completions: list[str] | None = None) -> None:
        self.result, self.completions = result, completions or []

    def search(self, query: str, limit: int = 20) -> SearchResult:
        return self.result

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        return self.completions


def combined(*results: SearchResult) -> CombinedSearch:
    return CombinedSearch([Answering(r) for r in results])  # type: ignore[misc]


def test_hits_as_typed_win_over_another_packs_correction():
    typed = SearchResult("asthma", None, 2, (hit("a", 1.0), hit("b", 3.0)))
    corrected = SearchResult("asthma", "astma", 1, (hit("c", 9.0),), corrected=True)
    result = combined(typed, corrected).search("asthma", limit=10)
    assert [h.topic_id for h in result.hits] == ["b", "a"]
    assert (result.total, result.suggestion, result.corrected) == (2, None, False)


def test_corrected_hits_when_no_pack_finds_the_words_as_typed():
    nothing = SearchResult("astma", "asthma", 0, ())
    corrected = SearchResult("astma", "asthma", 1, (hit("c", 2.0),), corrected=True)
    result = combined(nothing, corrected).search("astma")
    assert result.corrected and result.suggestion == "asthma" and [h.topic_id for h in result.hits] == ["c"]


def test_nothing_found_keeps_a_did_you_mean():
    result = combined(SearchResult("x", None, 0, ()), SearchResult("x", "y", 0, ())).search("x")
    assert (result.total, result.hits, result.suggestion, result.corrected) == (0, (), "y", False)


def test_the_limit_applies_to_the_merged_hits():
    many = SearchResult("q", None, 3, (hit("a", 1.0), hit("b", 2.0), hit("c", 3.0)))
    more = SearchResult("q", None, 2, (hit("d", 2.5), hit("e", 0.5)))
    result = combined(many, more).search("q", limit=3)
    assert [h.topic_id for h in result.hits] == ["c", "d", "b"] and result.total == 5


def test_completions_are_merged_without_repeats():
    search = CombinedSearch(
        [
            Answering(SearchResult("", None, 0, ()), ["asthma", "ash"]),  # type: ignore[list-item]
            Answering(SearchResult("", None, 0, ()), ["ash", "aspirin"]),
        ]
    )  # type: ignore[list-item]
    assert search.suggest("as", 3) == ["asthma", "ash", "aspirin"]


def test_unused_pack_indexes_beyond_the_most_recent_are_evicted(tmp_path: Path):
    for name, stamp in {"older": 1, "old": 2, "recent": 3, "newest": 4, "in-use": 0}.items():
        (tmp_path / name).mkdir()
        os.utime(tmp_path / name, (1_000_000 + stamp, 1_000_000 + stamp))
    removed = evict_unused(tmp_path, {"in-use"}, keep=2)
    assert removed == ["old", "older"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in-use", "newest", "recent"]
