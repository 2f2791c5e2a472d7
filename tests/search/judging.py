"""Scoring the search against the judged queries of `judgments.yaml`.

Shared by the test that holds the figures above their thresholds and by
`bench/judged_search.py`, which prints them. Four figures:

- precision at 1: of the queries that have an answer, the share whose first hit answers it;
- clean: of all queries, the share with no hit among the sections that must not appear
  (for a query with no answer in the content, any hit is one);
- all found: of the queries that have an answer, the share whose hits include every section
  that answers it (a clinician's look-up wants the reference and the sentence citing it);
- wrong suggestions: the share of queries offered a "did you mean" other than the one
  expected (including one offered where none is expected).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import yaml

JUDGMENTS_FILE = Path(__file__).with_name("judgments.yaml")


@dataclass(frozen=True)
class Judgment:
    query: str
    who: str
    relevant: frozenset[str]
    irrelevant: frozenset[str]
    suggestion: str | None


@dataclass(frozen=True)
class Outcome:
    judgment: Judgment
    sections: tuple[str, ...]
    suggestion: str | None

    @property
    def answerable(self) -> bool:
        return bool(self.judgment.relevant)

    @property
    def first_is_relevant(self) -> bool:
        return bool(self.sections) and self.sections[0] in self.judgment.relevant

    @property
    def all_found(self) -> bool:
        return self.judgment.relevant <= set(self.sections)

    @property
    def clean(self) -> bool:
        if not self.answerable:
            return not self.sections
        return not set(self.sections) & self.judgment.irrelevant

    @property
    def wrong_suggestion(self) -> bool:
        if self.suggestion is None:
            return False
        expected = self.judgment.suggestion
        return expected is None or self.suggestion.casefold() != expected.casefold()

    @property
    def missed_suggestion(self) -> bool:
        return self.judgment.suggestion is not None and self.suggestion is None


@dataclass(frozen=True)
class Figures:
    outcomes: tuple[Outcome, ...] = field(default=())

    @property
    def queries(self) -> int:
        return len(self.outcomes)

    @property
    def precision_at_1(self) -> float:
        answerable = [o for o in self.outcomes if o.answerable]
        return sum(o.first_is_relevant for o in answerable) / len(answerable)

    @property
    def all_found_share(self) -> float:
        answerable = [o for o in self.outcomes if o.answerable]
        return sum(o.all_found for o in answerable) / len(answerable)

    @property
    def clean_share(self) -> float:
        return sum(o.clean for o in self.outcomes) / len(self.outcomes)

    @property
    def wrong_suggestion_share(self) -> float:
        return sum(o.wrong_suggestion for o in self.outcomes) / len(self.outcomes)

    @property
    def missed_suggestions(self) -> int:
        return sum(o.missed_suggestion for o in self.outcomes)

    def failures(self) -> list[str]:
        """One line per query that misses any of the three figures, for reading."""
        lines = []
        for o in self.outcomes:
            problems = []
            if o.answerable and not o.first_is_relevant:
                problems.append("first hit not relevant")
            if o.answerable and not o.all_found:
                problems.append(f"missing {sorted(o.judgment.relevant - set(o.sections))}")
            if not o.clean:
                problems.append("irrelevant hit")
            if o.wrong_suggestion:
                problems.append(f"wrong suggestion {o.suggestion!r}")
            if o.missed_suggestion:
                problems.append(f"no suggestion (expected {o.judgment.suggestion!r})")
            if problems:
                lines.append(f"{o.judgment.query!r}: {', '.join(problems)}; hits {list(o.sections)}")
        return lines


class _Result(Protocol):
    suggestion: str | None

    @property
    def hits(self) -> Iterable[object]: ...


class _Searcher(Protocol):
    def search(self, query: str, limit: int = 20) -> _Result: ...


def load_judgments(path: Path = JUDGMENTS_FILE) -> list[Judgment]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Judgment(
            str(e["query"]),
            str(e["who"]),
            frozenset(e["relevant"]),
            frozenset(e["irrelevant"]),
            e.get("suggestion"),
        )
        for e in entries
    ]


def judge(service: _Searcher, judgments: Iterable[Judgment]) -> Figures:
    outcomes = []
    for j in judgments:
        result = service.search(j.query)
        sections = tuple(str(getattr(hit, "section_id")) for hit in result.hits)  # noqa: B009
        outcomes.append(Outcome(j, sections, result.suggestion))
    return Figures(tuple(outcomes))
