"""The judged queries of `judgments.yaml`: the search must keep the figures it reached for issue 13.

Thresholds are set from the measured figures (bench/judged_search.py prints them; before issue
13: precision at 1 0.872, clean 0.849, wrong suggestions 0.105; after: 1.000, 1.000, 0.000),
a little below where a ranking detail may move, never below the issue's floor.
"""

from __future__ import annotations

import pytest

from reader.search import SearchService
from tests.search.judging import Figures, judge, load_judgments

PRECISION_AT_1 = 0.95  # issue 13 asks >= 0.9
CLEAN_SHARE = 0.95
ALL_FOUND_SHARE = 0.9


@pytest.fixture(scope="module")
def figures(service: SearchService) -> Figures:
    return judge(service, load_judgments())


def test_the_set_is_large_and_mixed() -> None:
    judgments = load_judgments()
    assert len(judgments) >= 60
    who = [j.who for j in judgments]
    assert who.count("patient") >= 30 and who.count("clinician") >= 15
    assert sum(j.suggestion is not None for j in judgments) >= 5  # misspellings
    assert sum(not j.relevant for j in judgments) >= 5  # questions the content cannot answer
    sections = {
        "overview",
        "vertebroplasty",
        "kyphoplasty",
        "effectiveness",
        "risks",
        "talk-to-doctor",
        "references",
    }
    for j in judgments:
        assert j.relevant | j.irrelevant <= sections, j.query
        assert not j.relevant & j.irrelevant, j.query


def test_precision_at_1(figures: Figures) -> None:
    assert figures.precision_at_1 >= PRECISION_AT_1, figures.failures()


def test_no_irrelevant_hits(figures: Figures) -> None:
    assert figures.clean_share >= CLEAN_SHARE, figures.failures()


def test_answering_sections_are_found(figures: Figures) -> None:
    assert figures.all_found_share >= ALL_FOUND_SHARE, figures.failures()


def test_no_wrong_suggestion(figures: Figures) -> None:
    assert figures.wrong_suggestion_share == 0, figures.failures()
    assert figures.missed_suggestions == 0, figures.failures()
