"""The two Whoosh filters of our own in the stemming pipeline (see `analysis`).

Imported only when an analyser is built, so Whoosh stays out of start-up; an index's
pickled schema refers to these classes by module and name, so keep both stable.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.analysis import Filter

from reader.search.analysis import fold_accents, stem_word


class NormaliseFilter(Filter):
    """Lowercase and fold accents (see `fold_accents`): one filter, as it runs on every token."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            text = token.text.lower()
            token.text = text if text.isascii() else fold_accents(text)
            yield token


class CachedStemFilter(Filter):
    """English stemming through `analysis.stem_word` and its cache (Whoosh's LFU cache costs more
    than it saves)."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            token.text = stem_word(token.text)
            yield token
