"""Turning schema-valid topic data into the immutable model, with the semantic checks
the schema cannot express: unique ids, citations and comparison pointers that resolve.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reader.content.errors import ContentError
from reader.content.model import (
    Attribute,
    Block,
    BulletList,
    Cell,
    Comparison,
    Credits,
    EditorialNote,
    LaterStudy,
    Paragraph,
    Procedure,
    Reference,
    Reviewer,
    Section,
    Sentence,
    SentenceRef,
    Topic,
)
from reader.content.yamltext import ParsedYaml, PathKey, format_path


class _Checker:
    """Collects semantic errors with their file, line and field."""

    def __init__(self, path: Path, parsed: ParsedYaml) -> None:
        self.path = path
        self.parsed = parsed
        self.errors: list[ContentError] = []

    def error(self, key: PathKey, message: str) -> None:
        self.errors.append(ContentError(self.path, self.parsed.line_of(key), format_path(key), message))

    def unique(self, items: list[tuple[PathKey, str]], what: str) -> None:
        first: dict[str, PathKey] = {}
        for key, value in items:
            if value in first:
                other = self.parsed.line_of(first[value])
                self.error(key, f"duplicate {what} '{value}' (first used on line {other})")
            else:
                first[value] = key


def build_topic(path: Path, parsed: ParsedYaml, sha256: str = "") -> tuple[Topic | None, list[ContentError]]:
    """Build the topic; on any semantic error return (None, errors)."""
    data = parsed.data
    check = _Checker(path, parsed)
    references = _references(data.get("references", []))
    later = _published_since(data.get("published_since", []))
    check.unique(
        [(("references", i, "id"), r.id) for i, r in enumerate(references)]
        + [(("published_since", i, "reference", "id"), s.reference.id) for i, s in enumerate(later)],
        "reference id",
    )
    sections = _sections(data["sections"], check, {r.id for r in references})
    credits = _credits(data["credits"], check)
    comparison = _comparison(data.get("comparison"), sections, check)
    related = tuple(data.get("related", []))
    if data["id"] in related:
        check.error(("related",), "a topic cannot be related to itself")
    if data.get("translation_of") == data["id"]:
        check.error(("translation_of",), "a topic cannot be a translation of itself")
    notes = _notes(data.get("editorial_notes", []), check)
    if credits is not None:
        _check_later(later, credits.last_revised, check)
    if check.errors or credits is None:
        return None, check.errors
    topic = Topic(
        id=data["id"],
        title=data["title"].strip(),
        language=data["language"],
        summary=" ".join(data.get("summary", "").split()),
        keywords=tuple(data.get("keywords", [])),
        sections=sections,
        credits=credits,
        related=related,
        references=references,
        comparison=comparison,
        editorial_notes=notes,
        published_since=later,
        source_path=str(path),
        source_sha256=sha256,
        translation_of=data.get("translation_of", ""),
    )
    return topic, []


def _clean(text: str) -> str:
    return " ".join(text.split())


def _sections(raw: list[dict[str, Any]], check: _Checker, reference_ids: set[str]) -> tuple[Section, ...]:
    check.unique([(("sections", i, "id"), s["id"]) for i, s in enumerate(raw)], "section id")
    sentence_ids: list[tuple[PathKey, str]] = []
    sections = []
    for i, raw_section in enumerate(raw):
        blocks: list[Block] = []
        count = 0
        for j, raw_block in enumerate(raw_section["blocks"]):
            kind = "paragraph" if "paragraph" in raw_block else "list"
            sentences = []
            for k, raw_sentence in enumerate(raw_block[kind]):
                key: PathKey = ("sections", i, "blocks", j, kind, k)
                count += 1
                sentence = _sentence(raw_sentence, f"{raw_section['id']}--{count}", check.parsed.line_of(key))
                if isinstance(raw_sentence, dict) and "id" in raw_sentence:
                    sentence_ids.append((key + ("id",), raw_sentence["id"]))
                for c, ref in enumerate(sentence.cites):
                    if ref not in reference_ids:
                        check.error(key + ("cite", c), f"cites '{ref}', which is not in references")
                sentences.append(sentence)
            blocks.append(
                Paragraph(tuple(sentences)) if kind == "paragraph" else BulletList(tuple(sentences))
            )
        sections.append(Section(raw_section["id"], _clean(raw_section["title"]), tuple(blocks)))
    check.unique(sentence_ids, "sentence id")
    return tuple(sections)


def _sentence(raw: str | dict[str, Any], generated_key: str, line: int) -> Sentence:
    if isinstance(raw, str):
        return Sentence(generated_key, _clean(raw), (), line)
    return Sentence(raw.get("id", generated_key), _clean(raw["text"]), tuple(raw.get("cite", [])), line)


def _references(raw: list[dict[str, Any]]) -> tuple[Reference, ...]:
    return tuple(_reference(r, n) for n, r in enumerate(raw, start=1))


def _reference(r: dict[str, Any], number: int) -> Reference:
    return Reference(
        id=r["id"],
        number=number,
        authors=tuple(r["authors"]),
        et_al=bool(r.get("et_al", False)),
        year=r["year"],
        title=_clean(r["title"]).rstrip("."),
        journal=_clean(r["journal"]),
        journal_abbrev=r.get("journal_abbrev"),
        volume=r.get("volume"),
        issue=r.get("issue"),
        pages=r.get("pages"),
        pmid=r.get("pmid"),
        doi=r.get("doi"),
    )


def _published_since(raw: list[dict[str, Any]]) -> tuple[LaterStudy, ...]:
    """Later studies, numbered 1.. in their own list (they are never cited by the text)."""
    return tuple(LaterStudy(_reference(s["reference"], n), _clean(s["design"])) for n, s in enumerate(raw, 1))


def _check_later(later: tuple[LaterStudy, ...], revised: dt.date, check: _Checker) -> None:
    for i, study in enumerate(later):
        if study.reference.year < revised.year:
            check.error(
                ("published_since", i, "reference", "year"),
                f"{study.reference.year} is before the topic's last revision ({revised.year}): "
                "only later studies belong here",
            )


def _credits(raw: dict[str, Any], check: _Checker) -> Credits | None:
    revised = raw["last_revised"]
    if not isinstance(revised, dt.date):
        try:
            revised = dt.date.fromisoformat(revised)
        except ValueError:
            check.error(("credits", "last_revised"), f"'{revised}' is not a real date (YYYY-MM-DD)")
            return None
    if isinstance(revised, dt.datetime):
        revised = revised.date()
    reviewers = tuple(Reviewer(r["role"], r["name"], r.get("specialty")) for r in raw.get("reviewers", []))
    return Credits(
        author=raw["author"],
        last_revised=revised,
        reviewers=reviewers,
        publisher=raw.get("publisher"),
        disclaimer=_clean(raw["disclaimer"]) if "disclaimer" in raw else None,
    )


def _comparison(
    raw: dict[str, Any] | None, sections: tuple[Section, ...], check: _Checker
) -> Comparison | None:
    if raw is None:
        return None
    attributes = tuple(Attribute(a["id"], a["label"]) for a in raw["attributes"])
    check.unique(
        [(("comparison", "attributes", i, "id"), a.id) for i, a in enumerate(attributes)], "attribute id"
    )
    check.unique(
        [(("comparison", "procedures", i, "id"), p["id"]) for i, p in enumerate(raw["procedures"])],
        "procedure id",
    )
    in_section = {s.id: {sentence.key for sentence in s.sentences()} for s in sections}
    attribute_ids = [a.id for a in attributes]
    procedures = []
    for i, raw_proc in enumerate(raw["procedures"]):
        base: PathKey = ("comparison", "procedures", i)
        if raw_proc.get("section") is not None and raw_proc["section"] not in in_section:
            check.error(base + ("section",), f"no section '{raw_proc['section']}' in this topic")
        values = raw_proc["values"]
        for name in values:
            if name not in attribute_ids:
                check.error(base + ("values", name), f"'{name}' is not one of the comparison's attributes")
        cells: dict[str, Cell] = {}
        for name in attribute_ids:
            if name not in values:
                check.error(
                    base + ("values",),
                    f"no value for attribute '{name}' "
                    f"(write '{name}: {{not_stated: true}}' if the text does not give it)",
                )
                continue
            cells[name] = _cell(values[name], base + ("values", name), in_section, check)
        procedures.append(Procedure(raw_proc["id"], raw_proc["name"], raw_proc.get("section"), cells))
    return Comparison(attributes, tuple(procedures))


def _cell(raw: dict[str, Any], key: PathKey, in_section: dict[str, set[str]], check: _Checker) -> Cell:
    if raw.get("not_stated"):
        return Cell(None)
    sources = []
    for n, pointer in enumerate(raw["sources"]):
        section, sentence = pointer["section"], pointer["sentence"]
        if section not in in_section:
            check.error(key + ("sources", n, "section"), f"no section '{section}' in this topic")
        elif sentence not in in_section[section]:
            check.error(key + ("sources", n, "sentence"), f"no sentence '{sentence}' in section '{section}'")
        sources.append(SentenceRef(section, sentence))
    return Cell(_clean(raw["value"]), tuple(sources))


def _notes(raw: list[dict[str, Any]], check: _Checker) -> tuple[EditorialNote, ...]:
    notes = []
    for i, note in enumerate(raw):
        if note["kind"] == "correction":
            for name in ("original", "corrected"):
                if name not in note:
                    check.error(("editorial_notes", i), f"a correction needs '{name}'")
        notes.append(
            EditorialNote(
                note["kind"],
                note["where"],
                _clean(note["reason"]),
                note.get("original"),
                note.get("corrected"),
            )
        )
    return tuple(notes)
