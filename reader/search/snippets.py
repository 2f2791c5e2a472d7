"""Snippets: the part of a section's text that best shows why it matched, with the matched words
wrapped in `<mark>`; everything else HTML-escaped.

Words are matched by stem, as the index matched them, so `tumors` marks "tumours" in the text;
a phrase is marked only where its words stand together.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.search.analysis import stem_spans
from reader.search.languages import stem_spans_for

SNIPPET_CHARS = 240
LEAD_CHARS = 60  # context kept before the first mark of the chosen window
ELLIPSIS = "…"


@dataclass(frozen=True)
class MatchTerms:
    """What to mark: single stems anywhere, and stem sequences (phrases) where they stand together."""

    stems: frozenset[str] = frozenset()
    phrases: frozenset[tuple[str, ...]] = frozenset()

    def __or__(self, other: MatchTerms) -> MatchTerms:
        return MatchTerms(self.stems | other.stems, self.phrases | other.phrases)


@dataclass(frozen=True)
class Snippet:
    html: str
    terms: tuple[str, ...]  # the matched words as written in the text, first occurrence order


def marked_spans(text: str, match: MatchTerms, language: str = "en") -> list[tuple[int, int]]:
    """Character spans of the words of `text` (in `language`) that the query matched, in order."""
    tokens = list(stem_spans(text) if language == "en" else stem_spans_for(language)(text))
    marked = [stem in match.stems for stem, _, _ in tokens]
    token_stems = [stem for stem, _, _ in tokens]
    for phrase in match.phrases:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if tuple(token_stems[i : i + n]) == phrase:
                marked[i : i + n] = [True] * n
    return [(start, end) for (_, start, end), hit in zip(tokens, marked, strict=True) if hit]


def _window(text: str, spans: Sequence[tuple[int, int]], size: int) -> tuple[int, int]:
    """Start and end of the `size`-character stretch of `text` holding the most marks."""
    if len(text) <= size:
        return 0, len(text)
    best_start, best_count = 0, 0
    for start, _ in spans:
        count = sum(1 for s, e in spans if s >= start and e <= start + size - LEAD_CHARS)
        if count > best_count:
            best_start, best_count = start, count
    begin = max(0, best_start - LEAD_CHARS) if best_count else 0
    if begin > 0:  # start at a word (or sentence) boundary
        sentence = text.rfind(". ", begin, best_start)
        space = text.find(" ", begin, best_start)
        begin = sentence + 2 if sentence >= 0 else (space + 1 if space >= 0 else best_start)
    end = min(len(text), begin + size)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    return begin, end


def make_snippet(text: str, match: MatchTerms, size: int = SNIPPET_CHARS, language: str = "en") -> Snippet:
    """The best `size`-character stretch of `text` as HTML, and the matched words of the whole text."""
    spans = marked_spans(text, match, language)
    begin, end = _window(text, spans, size)
    out = [ELLIPSIS] if begin > 0 else []
    pos = begin
    for start, stop in spans:
        if start < begin or stop > end:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:stop])}</mark>")
        pos = stop
    out.append(html.escape(text[pos:end]))
    if end < len(text):
        out.append(ELLIPSIS)
    return Snippet("".join(out), _unique(text[s:e] for s, e in spans))


def _unique(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(words))
