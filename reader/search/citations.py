"""Clinicians' look-ups: a query that finds a topic's reference list also finds the sentences
that cite the references it matches.

A PMID, a DOI, an author and year, a trial name or a journal is in one reference of the list;
the sentence that cites that reference is what the reader wants to read next. The matching
reference is told apart from the others of its list by the query's units (see `querybuild`),
each tested on the reference's own text, as `snippets` marks words.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from reader.search.documents import REFERENCES_SECTION_ID, reference_text
from reader.search.languages import search_language
from reader.search.results import Hit
from reader.search.snippets import MatchTerms, make_snippet, marked_spans

if TYPE_CHECKING:
    from reader.content.model import Reference, Section, Topic
    from reader.search.querybuild import Plan

CITING_SCORE = 0.9  # a section citing a matched reference ranks just below the reference list


@dataclass(frozen=True)
class Citing:
    """A section whose sentences cite references the query matched, as a result to show."""

    section: Section
    sentence_key: str  # the first citing sentence, to scroll to
    snippet_html: str  # the citing sentences, each with its marked reference numbers


def matching_references(
    topic: Topic, unit_terms: Sequence[MatchTerms], mode: Literal["and", "or"]
) -> list[Reference]:
    """The references of `topic` that match every unit ("and"), or the most units ("or")."""
    scored = []
    for ref in topic.references:
        text = reference_text(ref)
        scored.append((sum(1 for terms in unit_terms if marked_spans(text, terms)), ref))
    best = max((count for count, _ in scored), default=0)
    wanted = len(unit_terms) if mode == "and" else max(best, 1)
    return [ref for count, ref in scored if count >= wanted]


def citing_sections(topic: Topic, references: Sequence[Reference]) -> Iterator[Citing]:
    """Each section with sentences that cite any of `references`, in the topic's order."""
    numbers = {ref.id: ref.number for ref in references}
    for section in topic.sections:
        parts, first = [], ""
        for sentence in section.sentences():
            cited = [numbers[ref_id] for ref_id in sentence.cites if ref_id in numbers]
            if cited:
                first = first or sentence.key
                label = ", ".join(str(n) for n in cited)
                parts.append(f"{html.escape(sentence.text)} <mark>[{label}]</mark>")
        if parts:
            yield Citing(section, first, " ".join(parts))


def add_citing_hits(
    hits: list[Hit], topic_of: Callable[[str], Topic | None], plan: Plan, mode: Literal["and", "or"]
) -> int:
    """Put the sections citing the references a reference-list hit matched right after it,
    unless they are hits already; returns how many were added."""
    present = {(hit.topic_id, hit.section_id) for hit in hits}
    added = 0
    for hit in [h for h in hits if h.section_id == REFERENCES_SECTION_ID]:
        topic = topic_of(hit.topic_id)
        if topic is None:
            continue
        refs = matching_references(
            topic, plan.for_language(search_language(topic.language)).unit_terms(), mode
        )
        at = hits.index(hit) + 1
        if refs:  # the snippet shows the matched references, not their neighbours in the list
            snippet = make_snippet(" ".join(reference_text(ref) for ref in refs), plan.match_terms())
            hits[at - 1] = replace(hit, snippet_html=snippet.html, reference=refs[0].id)
        for citing in citing_sections(topic, refs):
            if (topic.id, citing.section.id) in present:
                continue
            present.add((topic.id, citing.section.id))
            section = citing.section
            score = hit.score * CITING_SCORE
            cited = Hit(
                topic.id,
                topic.title,
                section.id,
                section.title,
                score,
                citing.snippet_html,
                (),
                citing.sentence_key,
            )
            hits.insert(at, cited)
            at += 1
            added += 1
    return added
