"""Search in the language each topic is written in: which analyser a topic's language gets, and
the index field that holds its words.

English topics keep the English pipeline of `analysis` (its stop words, Snowball English and the
synonym and spelling-variant expansion) in the `text` field. A Spanish topic ("es", "es-MX", ...)
is analysed with Whoosh's Snowball Spanish stemmer and Spanish stop words into its own field,
`text_es`, so "fracturas" finds "fractura" and the two languages' word statistics stay apart.
A language without an analyser of its own is analysed as English (said in docs/content-language.md).

Both pipelines share the tokeniser, lowercasing and accent folding, so a query typed without
accents ("vertebra") still finds "vértebra".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.search.analysis import TOKEN_PATTERN, fold_accents, stem_spans, stems

if TYPE_CHECKING:
    from reader.search.querybuild import Plan, QueryPlanner
    from reader.search.spelling import Vocabulary
    from reader.search.userquery import UserQuery

_TOKEN_RE = re.compile(TOKEN_PATTERN)

ENGLISH = "en"
SPANISH = "es"
# Search languages: the analysed field of each. English is the default for any other language.
LANGUAGE_FIELDS: dict[str, str] = {ENGLISH: "text", SPANISH: "text_es"}


def search_language(code: str | None) -> str:
    """The analyser a topic's language tag gets: "es-MX" -> "es"; an unknown language -> "en"."""
    base = (code or "").replace("_", "-").split("-", 1)[0].lower()
    return base if base in LANGUAGE_FIELDS else ENGLISH


def field_for(code: str | None) -> str:
    """The index field holding the words of a topic in language `code`."""
    return LANGUAGE_FIELDS[search_language(code)]


@functools.cache
def spanish_stop_words() -> frozenset[str]:
    """Whoosh's Spanish stop words, accent-folded as the text is before they are looked up."""
    from whoosh.lang import stopwords_for_language

    return frozenset(fold_accents(word.lower()) for word in stopwords_for_language(SPANISH))


@functools.cache
def _spanish_stemmer() -> Any:
    from whoosh.lang import stemmer_for_language

    return stemmer_for_language(SPANISH)  # Snowball Spanish


@functools.lru_cache(maxsize=100_000)
def spanish_stem(word: str) -> str:
    """The Spanish stem of one lowercase, accent-folded word: `fracturas` -> `fractur`."""
    return str(_spanish_stemmer()(word))


def spanish_stem_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """(stem, start, end) for each indexed word of Spanish `text` (see `analysis.stem_spans`)."""
    stop = spanish_stop_words()
    for match in _TOKEN_RE.finditer(text):
        word = match.group().lower()
        if not word.isascii():
            word = fold_accents(word)
        if word not in stop:
            yield spanish_stem(word), match.start(), match.end()


def spanish_stems(text: str) -> tuple[str, ...]:
    """The terms the index holds for Spanish `text`: `"Las fracturas"` -> `("fractur",)`."""
    return tuple(stem for stem, _, _ in spanish_stem_spans(text))


def stems_for(code: str | None) -> Callable[[str], tuple[str, ...]]:
    """The query analyser of a language: its stems of a text."""
    return spanish_stems if search_language(code) == SPANISH else stems


def stem_spans_for(code: str | None) -> Callable[[str], Iterator[tuple[str, int, int]]]:
    """Stems with character offsets, for marking the matched words of a text in language `code`."""
    return spanish_stem_spans if search_language(code) == SPANISH else stem_spans


def spanish_analyzer() -> Any:
    """The Whoosh analyser of the `text_es` field: the English pipeline's pieces with Spanish stop
    words and stems (positions kept for phrases, a gap between sentences)."""
    from whoosh.analysis import StopFilter

    from reader.search.filters import NormaliseFilter, SentenceGapFilter, SentenceTokenizer, SpanishStemFilter

    return (
        SentenceTokenizer()
        | NormaliseFilter()
        | StopFilter(stoplist=spanish_stop_words(), minsize=1)
        | SentenceGapFilter()
        | SpanishStemFilter()
    )


def other_planners(
    reader: Any, synonyms_path: Path | None, vocabulary: Vocabulary
) -> tuple[QueryPlanner, ...]:
    """A query planner for each language other than English that the open index has words in
    (none for an English-only pack: its queries stay exactly as they were)."""
    from reader.search.querybuild import QueryPlanner
    from reader.search.synonyms import SynonymTable

    planners = []
    for language, name in LANGUAGE_FIELDS.items():
        if language == ENGLISH or not reader.field_length(name):
            continue
        planners.append(
            QueryPlanner(
                SynonymTable.load(synonyms_path, language),
                vocabulary,
                _doc_frequency(reader, name),
                int(reader.doc_count()),
                analyse=stems_for(language),
                field=name,
                language=language,
            )
        )
    return tuple(planners)


def _doc_frequency(reader: Any, name: str) -> Callable[[str], int]:
    return lambda stem: int(reader.doc_frequency(name, stem))


def plan_in_languages(
    planner: QueryPlanner,
    others: Sequence[QueryPlanner],
    query: UserQuery,
    corrections: Mapping[int, Sequence[str]] | None = None,
) -> Plan:
    """The English plan of a query with the plans of the index's other languages beside it."""
    plan = planner.plan(query, corrections)
    if not others:
        return plan
    return replace(plan, others=tuple(other.plan(query, corrections) for other in others))
