"""Search-hit marks in a rendered article: where the searched terms occur in the document, and
which hit F3 / Shift+F3 last moved to. No widget here: the article view draws the spans.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QTextDocument

Span = tuple[int, int]


class SearchMarks:
    """The terms being marked, their spans in the document (merged, in order) and the current hit."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.spans: list[Span] = []
        self.index = -1  # the hit last moved to with next/previous, or -1

    def clear(self) -> None:
        self.terms, self.spans, self.index = [], [], -1

    def find(self, document: QTextDocument, terms: list[str] | None = None) -> int:
        """Mark every occurrence of `terms` (default: the current terms again, after a re-render):
        word starts, any case; returns how many hits."""
        if terms is not None:
            self.terms = [t.strip() for t in terms if t.strip()]
        spans: set[Span] = set()
        options = (
            QRegularExpression.PatternOption.CaseInsensitiveOption
            | QRegularExpression.PatternOption.UseUnicodePropertiesOption
        )
        for term in self.terms:
            words = [QRegularExpression.escape(w) for w in term.split()]
            pattern = QRegularExpression(r"\b" + r"\s+".join(words) + r"\w*", options)
            cursor = document.find(pattern, 0)
            while not cursor.isNull() and cursor.hasSelection():
                spans.add((cursor.selectionStart(), cursor.selectionEnd()))
                cursor = document.find(pattern, cursor)
        self.spans = merge_overlapping(sorted(spans))
        self.index = -1
        return len(self.spans)

    def step(self, step: int, top_position: int) -> Span | None:
        """Move to the next (+1) or previous (-1) hit; the first move starts from what is on
        screen (`top_position`). Returns the hit's span, or None when there is no hit."""
        if not self.spans:
            return None
        if self.index < 0:
            after = [i for i, (start, _end) in enumerate(self.spans) if start >= top_position]
            self.index = (after[0] if after else 0) if step > 0 else ((after[0] - 1) if after else -1)
            self.index %= len(self.spans)
        else:
            self.index = (self.index + step) % len(self.spans)
        return self.spans[self.index]

    def current(self) -> Span | None:
        return self.spans[self.index] if 0 <= self.index < len(self.spans) else None


def merge_overlapping(spans: list[Span]) -> list[Span]:
    """Join sorted spans that overlap, so one place is never marked twice."""
    merged: list[Span] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
