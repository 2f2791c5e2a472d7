"""The bundled topic is faithful to the seed document: every sentence, no invented text."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.conftest import SEED_PATH

CHROME = {"Search Knowledgebase", "Topic Contents"}
CITATION_MARK = re.compile(r"(?<=\.)(\d+(?:,\s*\d+)*)$")


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2013", "-").split())


def _seed_lines() -> list[str]:
    return [line.strip() for line in SEED_PATH.read_text("utf-8").splitlines()]


def _article_lines() -> list[str]:
    """Lines between the first real heading and "Related Information", chrome removed."""
    lines = _seed_lines()
    start, end = lines.index("Topic Overview"), lines.index("Related Information")
    return [line.lstrip("•").strip() for line in lines[start:end] if line and line not in CHROME]


def _split(line: str) -> list[str]:
    return re.split(r"(?<=[.?!:]|\d)\s+(?=[A-Z])", line)


def _seed_sentences(corrections: dict[str, str]) -> list[tuple[str, tuple[int, ...]]]:
    """(sentence, citation numbers) for every sentence of the article, corrections applied."""
    out = []
    for line in _article_lines():
        for sentence in _split(line):
            marks: tuple[int, ...] = ()
            match = CITATION_MARK.search(sentence)
            if match:
                marks = tuple(int(n) for n in match.group(1).split(","))
                sentence = sentence[: match.start()]
            sentence = _norm(sentence)
            out.append((corrections.get(sentence, sentence), marks))
    return out


@pytest.fixture(scope="module")
def corrections(bundled_topic) -> dict[str, str]:
    return {
        _norm(n.original): _norm(n.corrected)
        for n in bundled_topic.editorial_notes
        if n.kind == "correction" and n.original and n.corrected
    }


def _topic_sentences(topic) -> dict[str, tuple[int, ...]]:
    numbers = {r.id: r.number for r in topic.references}
    return {
        s.text: tuple(numbers[c] for c in s.cites) for section in topic.sections for s in section.sentences()
    }


def test_every_seed_sentence_is_in_the_topic_with_its_citations(bundled_topic, corrections) -> None:
    sentences = _topic_sentences(bundled_topic)
    titles = {s.title for s in bundled_topic.sections}
    seed = _seed_sentences(corrections)
    assert len(seed) > 30  # the parse found the article, not an empty slice
    for text, marks in seed:
        if text in titles:
            continue
        assert text in sentences, f"seed sentence missing from the topic: {text!r}"
        assert sentences[text] == marks, f"citations differ for {text!r}"


def test_topic_adds_no_sentence_the_seed_does_not_have(bundled_topic, corrections) -> None:
    seed_texts = {text for text, _ in _seed_sentences(corrections)}
    for text in _topic_sentences(bundled_topic):
        assert text in seed_texts, f"topic sentence not in the seed: {text!r}"


def test_only_recorded_corrections_differ_from_the_seed(bundled_topic, corrections) -> None:
    assert corrections == {
        "A blot clot that travels to the lung (pulmonary embolism).": (
            "A blood clot that travels to the lung (pulmonary embolism)."
        ),
        "Carla J. Herman, MD, MD, MPH": "Carla J. Herman, MD, MPH",
        # PubMed's case for the Klazen subtitle (issue 15): a bibliographic correction, not text
        "An open-label randomised trial": "an open-label randomised trial",
    }
    raw = SEED_PATH.read_text("utf-8")
    for original in corrections:
        assert original in _norm(raw), "a recorded correction must describe text really in the seed"


def test_seed_headings_are_section_titles(bundled_topic) -> None:
    titles = [s.title for s in bundled_topic.sections]
    assert bundled_topic.title == _seed_lines()[0]
    for heading in ("Topic Overview", "How well do these surgeries work?"):
        assert heading in titles
    assert titles == [
        "Topic Overview",
        "Vertebroplasty",
        "Kyphoplasty",
        "How well do these surgeries work?",
        "Possible problems",
        "Talking to your doctor",
    ]
    assert bundled_topic.related == ()  # the seed's "Related Information" list lost its links


def test_references_match_the_seed_lines(bundled_topic, corrections) -> None:
    lines = [_norm(line) for line in _seed_lines() if re.match(r"^\d\. ", line)]
    assert len(lines) == len(bundled_topic.references) == 3
    for line, ref in zip(lines, bundled_topic.references, strict=True):
        for original, fixed in corrections.items():
            line = line.replace(original, fixed)
        assert line.startswith(f"{ref.number}. {ref.authors[0]}, et al. ({ref.year})")
        assert f"{ref.title}." in line
        assert f"{ref.journal}, {ref.volume}({ref.issue}): {ref.pages}." in line


def test_reference_identifiers_are_well_formed(bundled_topic) -> None:
    expected = {
        "klazen-2010": ("20701962", "10.1016/S0140-6736(10)60954-3"),
        "buchbinder-2009": ("19657121", "10.1056/NEJMoa0900429"),
        "kallmes-2009": ("19657122", "10.1056/NEJMoa0900563"),
    }
    assert {r.id: (r.pmid, r.doi) for r in bundled_topic.references} == expected


def test_credits_match_the_seed(bundled_topic, corrections) -> None:
    text = _norm(SEED_PATH.read_text("utf-8"))
    for original, fixed in corrections.items():
        text = text.replace(original, fixed)
    credits = bundled_topic.credits
    assert f"By {credits.author}" in text
    for reviewer in credits.reviewers:
        assert f"{reviewer.role} {reviewer.name} - {reviewer.specialty}" in text
    assert credits.last_revised == dt.date(2011, 5, 24)
    assert "Last Revised May 24, 2011" in text
    assert credits.disclaimer and credits.disclaimer in text
    assert credits.publisher == "Healthwise, Incorporated"
