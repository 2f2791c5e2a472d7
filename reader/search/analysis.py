"""English text analysis shared by the index, the queries and the snippets.

Two pipelines over one tokeniser pattern: `stemming_analyzer()` (tokenise, lowercase,
fold accents, drop stop words, stem, and leave a gap in the positions between sentences so
that a phrase never matches across a sentence boundary) for titles and body text, and `surface_words()`
(tokenise, lowercase, fold accents) for the real words of the content that spelling
suggestions and completions offer. Whoosh is imported only when a pipeline is first built.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

# Bump whenever a change here changes the terms the index holds: old indexes are then rebuilt.
ANALYSER_VERSION = 2

# Words of letters/digits, keeping dotted numbers such as 10.1056 together. Hyphens and
# apostrophes split ("x-ray" -> "x", "ray"), and queries analyse the same way.
TOKEN_PATTERN = r"\w+(?:\.\w+)*"
_TOKEN_RE = re.compile(TOKEN_PATTERN)
# Between two words, any of these ends a sentence (or a heading line): "pain. The" is no phrase.
# Dots inside a token ("10.1056") are part of it and never reach this test.
_SENTENCE_END_RE = re.compile(r"[.!?\n]")


def ends_sentence(gap: str) -> bool:
    """Whether the text between two words ends a sentence: `". "` does, `" "` and `"-"` do not."""
    return gap != " " and _SENTENCE_END_RE.search(gap) is not None


# Common English function words; single letters from contractions ("it's") included.
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "may",
        "me",
        "might",
        "my",
        "not",
        "of",
        "on",
        "or",
        "our",
        "s",
        "she",
        "should",
        "so",
        "t",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "will",
        "with",
        "would",
        "yet",
        "you",
        "your",
    ]
)


def fold_accents(text: str) -> str:
    """`anesthésie` -> `anesthesie`: strips combining marks, so typing without accents still matches."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def surface_words(text: str) -> list[str]:
    """The words of `text`, lowercased and accent-folded, in order (no stop words removed, no stemming)."""
    return _TOKEN_RE.findall(fold_accents(text.lower()))


def is_stop_word(word: str) -> bool:
    return fold_accents(word.lower()) in STOP_WORDS


def stemming_analyzer() -> Any:
    """Whoosh analyser for titles and body text: positions kept for phrase queries, with a gap
    between sentences."""
    from whoosh.analysis import StopFilter

    from reader.search.filters import CachedStemFilter, NormaliseFilter, SentenceGapFilter, SentenceTokenizer

    return (
        SentenceTokenizer()
        | NormaliseFilter()
        | StopFilter(stoplist=STOP_WORDS, minsize=1)
        | SentenceGapFilter()
        | CachedStemFilter()
    )


@functools.cache
def _english_stemmer() -> Any:
    from whoosh.lang import stemmer_for_language

    return stemmer_for_language("en")  # Snowball English ("Porter2")


_STEM_CACHE: dict[str, str] = {}
_STEM_CACHE_LIMIT = 200_000  # distinct words; cleared when full (a pack has far fewer)


def stem_word(word: str) -> str:
    """The stem of one lowercase word, cached: `tumours` -> `tumour`, `kyphoplasty` -> `kyphoplasti`."""
    stemmed = _STEM_CACHE.get(word)
    if stemmed is None:
        if len(_STEM_CACHE) >= _STEM_CACHE_LIMIT:
            _STEM_CACHE.clear()
        stemmed = _STEM_CACHE[word] = str(_english_stemmer()(word))
    return stemmed


def stem_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """(stem, start, end) for each indexed word of `text`, with character offsets into `text`.

    The same terms as `stemming_analyzer()` (a test holds the two equal) without Whoosh's
    per-token objects and generator layers: queries and snippets analyse text on every search.
    """
    for match in _TOKEN_RE.finditer(text):
        word = match.group().lower()
        if not word.isascii():
            word = fold_accents(word)
        if word not in STOP_WORDS:
            yield stem_word(word), match.start(), match.end()


def stems(text: str) -> tuple[str, ...]:
    """The terms the index holds for `text`: `"A blood clot"` -> `("blood", "clot")`."""
    return tuple(stem for stem, _, _ in stem_spans(text))
