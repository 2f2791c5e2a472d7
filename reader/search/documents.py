"""What the index holds for a topic: one document per section, plus its reference list.

A section's document holds its own title and text only: the topic's title, keywords and summary
are not copied into it, so a section is found only by what it says (issue 13: `kyphoplasty`
found every section through the topic title). Also a topic's real words (for the vocabulary)
and the per-topic content hash the index lifecycle compares to find changed topics.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.search.analysis import STOP_WORDS, surface_words
from reader.search.languages import ENGLISH, field_for, search_language, spanish_stop_words
from reader.search.schema import (
    LANGUAGE_FIELD,
    SECTION_FIELD,
    TITLE_FIELD,
    TITLE_WEIGHT,
    TOPIC_FIELD,
    TOPIC_TITLE_FIELD,
)

if TYPE_CHECKING:
    from reader.content.model import Reference, Section, Topic

REFERENCES_SECTION_ID = "references"
REFERENCES_TITLE = "References"


@dataclass(frozen=True)
class SectionDocument:
    """One searchable unit: a section of a topic (or its reference list)."""

    topic_id: str
    topic_title: str
    section_id: str
    title: str
    body: str
    language: str = ENGLISH  # the topic's search language (see `languages`)

    def fields(self) -> dict[str, str]:
        """The keyword arguments for Whoosh's `add_document` (see `schema`): the words go to the
        field of the topic's language; only a document not in English stores its language."""
        fields = {
            TOPIC_FIELD: self.topic_id,
            SECTION_FIELD: self.section_id,
            field_for(self.language): "\n".join((*[self.title] * TITLE_WEIGHT, self.body)),
            TITLE_FIELD: self.title,
            TOPIC_TITLE_FIELD: self.topic_title,
        }
        if self.language != ENGLISH:
            fields[LANGUAGE_FIELD] = self.language
        return fields


def reference_text(ref: Reference) -> str:
    """A reference as one line of searchable text: first author, year, title, journal, identifiers.

    Only the first author is indexed, as the text cites the paper ("Buchbinder R, et al."): people
    look papers up by first author, year, title or PMID, and fifteen co-authors' initials ("BA",
    "RH") would become words the spelling suggestions offer."""
    first = ref.authors[0] if ref.authors else ""
    more = ref.et_al or len(ref.authors) > 1
    authors = first + (", et al." if more else ".")
    parts = [f"{authors} ({ref.year}). {ref.title.rstrip('.')}. {ref.journal}"]
    if ref.journal_abbrev and ref.journal_abbrev != ref.journal:
        parts.append(f" ({ref.journal_abbrev})")
    if ref.volume:
        parts.append(f" {ref.volume}" + (f"({ref.issue})" if ref.issue else ""))
    if ref.pages:
        parts.append(f": {ref.pages}")
    parts.append(".")
    if ref.doi:  # NLM order: the DOI, then the PMID
        parts.append(f" doi:{ref.doi}.")
    if ref.pmid:
        parts.append(f" PMID {ref.pmid}.")
    return "".join(parts)


def topic_documents(topic: Topic) -> list[SectionDocument]:
    """The documents of one topic: one per section, then the reference list."""
    language = search_language(topic.language)
    docs = [
        SectionDocument(topic.id, topic.title, section.id, section.title, section_body(section), language)
        for section in topic.sections
    ]
    if topic.references:
        body = "\n".join(reference_text(ref) for ref in topic.references)
        references = SectionDocument(
            topic.id, topic.title, REFERENCES_SECTION_ID, REFERENCES_TITLE, body, language
        )
        docs.append(references)
    return docs


def section_body(section: Section) -> str:
    """A section's sentences one per line: the analyser ends a sentence at a line break too, so a
    sentence that lacks its full stop (a list item) still ends."""
    return "\n".join(sentence.text for sentence in section.sentences())


def topic_words(docs: list[SectionDocument]) -> set[str]:
    """The distinct real words (unstemmed, stop words left out) that a topic's documents index."""
    text = "\n".join(f"{doc.title}\n{doc.body}" for doc in docs)
    spanish = any(doc.language != ENGLISH for doc in docs)
    return set(surface_words(text)) - (spanish_stop_words() if spanish else STOP_WORDS)


def topic_hash(topic: Topic) -> str:
    """Hash of what the index holds for a topic: its file's hash when loaded from a file."""
    if topic.source_sha256:
        return topic.source_sha256
    digest = hashlib.sha256()
    for doc in topic_documents(topic):
        for value in (doc.section_id, doc.title, doc.topic_title, doc.body):
            digest.update(value.encode("utf-8") + b"\0")
    return digest.hexdigest()
