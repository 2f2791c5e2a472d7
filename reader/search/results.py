"""What a search answers: hits, best first, and the result that holds them (the window, the
kiosk and the CLI show these)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Hit:
    topic_id: str
    topic_title: str
    section_id: str  # "references" for the reference-list document
    title: str  # section title
    score: float
    snippet_html: str  # HTML-escaped text with matched words wrapped in <mark>...</mark>
    terms: tuple[str, ...]  # the matched words as they appear in the section text (then its title)
    sentence: str = ""  # key of the sentence to show first: one citing a matched reference
    reference: str = ""  # on a reference-list hit: the id of the (first) reference the query matched


@dataclass(frozen=True)
class SearchResult:
    query: str
    suggestion: str | None  # "did you mean": the query with misspelt words replaced by real words
    total: int
    hits: tuple[Hit, ...]
    corrected: bool = False  # hits come from the suggestion because the query as typed found nothing
    exact_total: bool = True  # False: `total` is an estimate (more than COUNT_LIMIT matches)


class Found(NamedTuple):
    total: int
    exact: bool
    hits: tuple[Hit, ...]


NOTHING = Found(0, True, ())
