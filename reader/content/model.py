"""The immutable topic model that every other part of the app reads.

Built only by `reader.content.build` from a validated topic file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """One sentence of article text.

    `key` is unique within the topic: the author's id when given, otherwise
    generated from the section and position (`<section>-s<n>`), so every
    sentence can be anchored, highlighted and pointed at.
    """

    key: str
    text: str
    cites: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class Paragraph:
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[Sentence, ...]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.items


Block = Paragraph | BulletList


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]

    def sentences(self) -> Iterator[Sentence]:
        for block in self.blocks:
            yield from block.sentences

    @property
    def text(self) -> str:
        """The section's sentences joined as plain text."""
        return " ".join(s.text for s in self.sentences())


@dataclass(frozen=True)
class Reference:
    id: str
    number: int  # 1-based position in the topic's reference list
    authors: tuple[str, ...]
    et_al: bool
    year: int
    title: str
    journal: str
    journal_abbrev: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    pmid: str | None = None
    doi: str | None = None


@dataclass(frozen=True)
class LaterStudy:
    """A study published after the topic was last revised, for clinicians: not part of the original
    text. `design` says what kind of study it is in a few words; no findings are summarised."""

    reference: Reference
    design: str


@dataclass(frozen=True)
class Reviewer:
    role: str
    name: str
    specialty: str | None = None


@dataclass(frozen=True)
class Credits:
    author: str
    last_revised: dt.date
    reviewers: tuple[Reviewer, ...] = ()
    publisher: str | None = None
    disclaimer: str | None = None


@dataclass(frozen=True)
class SentenceRef:
    """Where a comparison value comes from: a sentence of a section."""

    section: str
    sentence: str


@dataclass(frozen=True)
class Cell:
    """One procedure's value for one attribute; `value` None means the text does not state it."""

    value: str | None
    sources: tuple[SentenceRef, ...] = ()

    @property
    def stated(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Attribute:
    id: str
    label: str


@dataclass(frozen=True)
class Procedure:
    id: str
    name: str
    section: str | None
    cells: dict[str, Cell] = field(hash=False)  # attribute id -> cell, every attribute present


@dataclass(frozen=True)
class Comparison:
    attributes: tuple[Attribute, ...]
    procedures: tuple[Procedure, ...]


@dataclass(frozen=True)
class EditorialNote:
    kind: str  # "correction" | "heading" | "addition"
    where: str
    reason: str
    original: str | None = None
    corrected: str | None = None


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    language: str
    sections: tuple[Section, ...]
    credits: Credits
    summary: str = ""
    keywords: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    comparison: Comparison | None = None
    editorial_notes: tuple[EditorialNote, ...] = ()
    published_since: tuple[LaterStudy, ...] = ()  # kept apart from the text and its references
    source_path: str = ""
    source_sha256: str = ""  # hash of the file's bytes: lets the index re-index only changed topics
    # the id of the topic this one translates (same pack, another language); "" for an original
    translation_of: str = ""

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def sentence(self, key: str) -> Sentence | None:
        for section in self.sections:
            for sentence in section.sentences():
                if sentence.key == key:
                    return sentence
        return None

    def reference(self, reference_id: str) -> Reference | None:
        return next((r for r in self.references if r.id == reference_id), None)
