"""The Whoosh pieces of our own in the stemming pipeline (see `analysis`): a tokeniser that numbers
sentences, a filter that turns those numbers into gaps between positions, and two filters for
case, accents and stems.

Imported only when an analyser is built, so Whoosh stays out of start-up; an index's
pickled schema refers to these classes by module and name, so keep them stable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.analysis import Filter, Token, Tokenizer

from reader.search.analysis import TOKEN_PATTERN, ends_sentence, fold_accents, stem_word

# Positions added per sentence: a phrase (consecutive positions) can never span two sentences.
SENTENCE_GAP = 100


class SentenceTokenizer(Tokenizer):
    """Words of `analysis.TOKEN_PATTERN`, each token carrying `sentence`: how many sentence ends
    (see `analysis.ends_sentence`) come before it in the text."""

    def __init__(self) -> None:
        self.expression = re.compile(TOKEN_PATTERN)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Any]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        matches = self.expression.finditer(value) if tokenize else [re.match(r".*", value, re.DOTALL)]
        sentence, previous_end = 0, 0
        for pos, match in enumerate(matches):
            assert match is not None
            if pos and ends_sentence(value[previous_end : match.start()]):
                sentence += 1
            previous_end = match.end()
            t.text = match.group(0)
            t.boost, t.stopped, t.sentence = 1.0, False, sentence
            if keeporiginal:
                t.original = t.text
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar, t.endchar = start_char + match.start(), start_char + match.end()
            yield t


class SentenceGapFilter(Filter):
    """Moves each token SENTENCE_GAP positions on per sentence before it (after stop words are
    dropped and the positions renumbered), so phrase queries stay inside a sentence."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            if token.positions:
                token.pos += SENTENCE_GAP * getattr(token, "sentence", 0)
            yield token


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


class SpanishStemFilter(Filter):
    """Spanish stemming through `languages.spanish_stem` and its cache (the `text_es` field)."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        from reader.search.languages import spanish_stem

        for token in tokens:
            token.text = spanish_stem(token.text)
            yield token
