"""Reading what a person typed into a search box: words, "quoted phrases", and the word being typed.

Nothing here is query syntax: `AND(`, `title:` and `*` are just characters, so any input
is safe. Only a trailing `*` means "words starting with". Pure Python, no Whoosh.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

MAX_QUERY_CHARS = 500  # longer input is cut: nobody types more, and it bounds the work
MAX_PARTS = 16

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})
_PART_RE = re.compile(
    r'"(?P<phrase>[^"]*)"?'  # a phrase; an unclosed quote runs to the end
    r"|(?P<word>\w+(?:['’.-]\w+)*)(?P<star>\*)?"  # a word (x-ray, it's, 10.1056), maybe with *
)


@dataclass(frozen=True)
class QueryPart:
    """One word or quoted phrase of a query, with its place in `UserQuery.text`."""

    text: str
    start: int
    end: int
    phrase: bool = False
    prefix: bool = False  # the word being typed (last, not followed by a space) or ending in *


@dataclass(frozen=True)
class UserQuery:
    text: str
    parts: tuple[QueryPart, ...]

    def replaced(self, replacements: Mapping[int, str]) -> str:
        """The query text with part i's text replaced by `replacements[i]` (quotes and spacing kept)."""
        out: list[str] = []
        pos = 0
        for i, part in enumerate(self.parts):
            if i in replacements:
                out.append(self.text[pos : part.start])
                out.append(replacements[i])
                pos = part.end
        out.append(self.text[pos:])
        return "".join(out)


def parse_query(text: str) -> UserQuery:
    """Split a query into words and phrases; the last word is a prefix while it is being typed."""
    text = text[:MAX_QUERY_CHARS].translate(_QUOTES)
    parts: list[QueryPart] = []
    for match in _PART_RE.finditer(text):
        if len(parts) == MAX_PARTS:
            break
        if match.group("word") is not None:
            start, end = match.span("word")
            typing = match.end() == len(text)  # only the last word can end the text
            parts.append(
                QueryPart(match.group("word"), start, end, prefix=bool(match.group("star")) or typing)
            )
        elif match.group("phrase").strip():
            start, end = match.span("phrase")
            parts.append(QueryPart(match.group("phrase"), start, end, phrase=True))
    return UserQuery(text, tuple(parts))
