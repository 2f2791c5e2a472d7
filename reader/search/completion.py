"""Completions for a partial query: titles that start with it, then real words and real phrases
of the content.

A completion of the last word is offered after the words before it only when those words are
words of the content and the last of them stands right before the completion somewhere in
one sentence: "compression fr" -> "compression fracture", never "bak painful".
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable

from reader.search.analysis import STOP_WORDS, fold_accents, surface_words
from reader.search.querybuild import MIN_PREFIX
from reader.search.spelling import Vocabulary

_LAST_WORD = re.compile(r"\w+$")

# (word before, word after) -> whether the content has them side by side in a sentence
PhraseCheck = Callable[[str, str], bool]


class Completer:
    """Completes against the titles of a set of topics and the vocabulary of their index."""

    def __init__(self, titles: Iterable[str]) -> None:
        by_key: dict[str, str] = {}
        for title in titles:
            by_key.setdefault(fold_accents(title.lower()), title)
        self._titles = sorted(by_key.items())

    def complete(
        self, text: str, limit: int, vocabulary: Vocabulary, phrase_exists: PhraseCheck
    ) -> list[str]:
        if not text.strip() or limit == 0:
            return []
        found: dict[str, str] = {}
        key = fold_accents(text.lower())
        i = bisect.bisect_left(self._titles, (key, ""))
        while i < len(self._titles) and self._titles[i][0].startswith(key) and len(found) < limit:
            found.setdefault(self._titles[i][0], self._titles[i][1])
            i += 1
        last = _LAST_WORD.search(text)
        if last and len(last.group()) >= MIN_PREFIX:
            head = text[: last.start()]
            before = _word_before(head, vocabulary)
            if before is not None:
                for word in vocabulary.completions(fold_accents(last.group().lower()), limit):
                    if before == "" or phrase_exists(before, word):
                        found.setdefault(fold_accents((head + word).lower()), head + word)
        return list(found.values())[:limit]


def stands_before(text: str, before: str, after: str) -> bool:
    """Whether `text` has the word `before` followed by `after`, stop words between them allowed."""
    words = [w for w in surface_words(text) if w not in STOP_WORDS]
    return any(a == before and b == after for a, b in itertools.pairwise(words))


def _word_before(head: str, vocabulary: Vocabulary) -> str | None:
    """The last content word of `head` ("" if it has none), or None if any of its words is not
    a word of the content (then no phrase of the content starts with it)."""
    words = [w for w in surface_words(head) if w not in STOP_WORDS]
    if not all(vocabulary.known(w) for w in words):
        return None
    return words[-1] if words else ""
