"""The real words of the indexed content: is a word known, what completes a prefix, what did the
user mean by a word the content does not have.

A sorted list of the content's unstemmed words (stop words left out) with the number of topics
using each, saved beside the index. A suggestion is therefore always a word of the text
(`kyphoplsty` -> `kyphoplasty`), never a stem. Close words are found with a Levenshtein
automaton walked over the sorted list, and ranked by edit distance first, then by use.
"""

from __future__ import annotations

import bisect
import heapq
import operator
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from reader.atomicfile import write_atomically

MIN_CORRECTABLE = 3  # shorter words have too many neighbours to guess from
MAX_CORRECTABLE = 40  # longer "words" are not typos (and would be slow to match)
MAX_EDIT_RATIO = 0.34  # at most about one edit in three letters: "title" is not a typo of "time"


def max_distance(word: str) -> int:
    """Edits allowed when correcting `word`: none below 3 letters, 1 for 3 or 4 letters ("bak" ->
    "back"), then 2. Only words that are not English are corrected (see `english`), which
    keeps short ones from being "corrected" into their neighbours."""
    if len(word) < MIN_CORRECTABLE:
        return 0
    return 1 if len(word) <= 4 else 2


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): a swap of two letters is one edit."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


class Vocabulary:
    """Words and their topic counts, from a Counter or from a saved file's bytes.

    The bytes are read when the index is opened (so a newer index version replacing this one
    cannot pull the file away) and parsed on first use (so opening stays fast).
    """

    def __init__(self, counts: Counter[str] | None = None, *, saved: bytes | None = None) -> None:
        self._saved = saved
        self._words: list[str] = []
        self._counts: list[int] = []
        if counts is not None:
            self._set(counts)

    @classmethod
    def read(cls, path: Path) -> Vocabulary:
        return cls(saved=path.read_bytes())

    def _set(self, counts: Counter[str]) -> None:
        self._words = sorted(counts)
        self._counts = [counts[w] for w in self._words]

    def _load(self) -> None:
        if self._saved is None:
            return
        raw, self._saved = self._saved, None
        # The file is written sorted, one "word<TAB>count" a line: read as it is (~9 ms for 47,000
        # words, against ~25 ms through a Counter); anything else goes the long way below.
        fields = raw.decode("utf-8").replace("\n", "\t").split("\t")
        if fields[-1] == "":
            fields.pop()
        words, numbers = fields[0::2], fields[1::2]
        if len(words) == len(numbers) and all(map(operator.lt, words, words[1:])):
            try:
                self._words, self._counts = words, [int(n) for n in numbers]
                return
            except ValueError:
                pass
        counts: Counter[str] = Counter()
        for line in raw.decode("utf-8").splitlines():
            word, _, count = line.partition("\t")
            counts[word] = int(count)
        self._set(counts)

    def counts(self) -> Counter[str]:
        self._load()
        return Counter(dict(zip(self._words, self._counts, strict=True)))

    def save(self, path: Path) -> None:
        self._load()
        lines = "".join(f"{w}\t{c}\n" for w, c in zip(self._words, self._counts, strict=True))
        write_atomically(path, lines.encode("utf-8"))

    def __len__(self) -> int:
        self._load()
        return len(self._words)

    def _find(self, word: str) -> int:
        self._load()
        return bisect.bisect_left(self._words, word)

    def known(self, word: str) -> bool:
        i = self._find(word)
        return i < len(self._words) and self._words[i] == word

    def frequency(self, word: str) -> int:
        i = self._find(word)
        return self._counts[i] if i < len(self._words) and self._words[i] == word else 0

    def completions(self, prefix: str, limit: int) -> list[str]:
        """Words starting with `prefix`, most used first (the word itself excluded)."""
        start = self._find(prefix)
        end = bisect.bisect_left(self._words, prefix + "\U0010ffff", start)
        found = ((self._counts[i], self._words[i]) for i in range(start, end) if self._words[i] != prefix)
        return [w for _, w in heapq.nsmallest(limit, found, key=lambda cw: (-cw[0], cw[1]))]

    def corrections(self, word: str, limit: int = 3) -> list[str]:
        """Known words close to an unknown `word`, best first; empty when nothing is close enough."""
        maxdist = max_distance(word)
        if maxdist == 0 or len(word) > MAX_CORRECTABLE or not word.isalpha():
            return []
        self._load()
        ranked = sorted(
            (dist, -self.frequency(c), c)
            for c in self._within(word, maxdist)
            if c != word and c.isalpha()
            for dist in [edit_distance(word, c)]
            if dist <= MAX_EDIT_RATIO * max(len(word), len(c))
        )
        best = ranked[0][0] if ranked else 0
        return [c for dist, _, c in ranked if dist == best][:limit]

    def _within(self, word: str, maxdist: int) -> Iterator[str]:
        """Words within `maxdist` edits sharing the first letter: a Levenshtein DFA skips through the list."""
        from whoosh.automata.lev import levenshtein_automaton

        dfa: Any = levenshtein_automaton(word, maxdist, prefix=1).to_dfa()
        words, i = self._words, 0
        match = dfa.next_valid_string("")
        while match is not None:
            i = bisect.bisect_left(words, match, i)
            if i >= len(words):
                return
            term = words[i]
            if term == match:
                yield term
                term += "\0"
            match = dfa.next_valid_string(term)


def count_words(word_sets: Iterable[Iterable[str]]) -> Counter[str]:
    """Topic counts from each topic's set of words."""
    counts: Counter[str] = Counter()
    for words in word_sets:
        counts.update(words)
    return counts
