"""The two Whoosh filters of our own in the stemming pipeline (see `analysis`).

Imported only when an analyser is built, so Whoosh stays out of start-up; an index's
pickled schema refers to these classes by module and name, so keep both stable.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.analysis import Filter

from reader.search.analysis import fold_accents

_STEM_CACHE_LIMIT = 200_000  # distinct words; cleared when full (a pack has far fewer)


@functools.cache
def english_stemmer() -> Any:
    from whoosh.lang import stemmer_for_language

    return stemmer_for_language("en")  # Snowball English ("Porter2")


class NormaliseFilter(Filter):
    """Lowercase and fold accents (see `fold_accents`): one filter, as it runs on every token."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            text = token.text.lower()
            token.text = text if text.isascii() else fold_accents(text)
            yield token


class CachedStemFilter(Filter):
    """English stemming with a plain dict cache (Whoosh's LFU cache costs more than it saves)."""

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {}  # the index pickles its schema: keep the cache out of it

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._cache = {}

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        cache = self._cache
        stem = english_stemmer()
        for token in tokens:
            text = token.text
            stemmed = cache.get(text)
            if stemmed is None:
                if len(cache) >= _STEM_CACHE_LIMIT:
                    cache.clear()
                stemmed = cache[text] = stem(text)
            token.text = stemmed
            yield token
