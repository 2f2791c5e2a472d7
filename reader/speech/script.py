"""What is spoken, built from the content model (never from the rendered page): the article
from a section on, one section, one sentence, or one comparison row, as a list of utterances.

Headings are utterances of their own with a pause before and after; list items are spoken one
by one; citation markers are never in the text; abbreviations become words through the lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from reader.content.model import BulletList, Section, Topic
from reader.speech.lexicon import Lexicon

HEADING_PAUSE_MS = 600  # before and after a heading: it is heard as a heading


class Kind(Enum):
    HEADING = "heading"
    SENTENCE = "sentence"
    ITEM = "item"  # one item of a bulleted list
    ROW = "row"  # one row of the comparison table


@dataclass(frozen=True)
class Utterance:
    """One thing said. `anchor` is the sentence key, or the section id of a heading, that the
    article highlights while it is spoken ("" when there is nothing to highlight)."""

    text: str
    kind: Kind
    anchor: str = ""
    pause_before_ms: int = 0
    pause_after_ms: int = 0


@dataclass(frozen=True)
class Script:
    """A topic's utterances, in order."""

    topic_id: str
    language: str
    utterances: tuple[Utterance, ...]

    def __len__(self) -> int:
        return len(self.utterances)


def _section_utterances(section: Section, lexicon: Lexicon) -> list[Utterance]:
    said = [
        Utterance(
            lexicon.spoken(section.title),
            Kind.HEADING,
            section.id,
            pause_before_ms=HEADING_PAUSE_MS,
            pause_after_ms=HEADING_PAUSE_MS,
        )
    ]
    for block in section.blocks:
        kind = Kind.ITEM if isinstance(block, BulletList) else Kind.SENTENCE
        for sentence in block.sentences:
            text = lexicon.spoken(sentence.text)
            if text:
                said.append(Utterance(text, kind, sentence.key))
    return said


def article_script(topic: Topic, from_section: str = "", lexicon: Lexicon | None = None) -> Script:
    """The article from `from_section` on ("" or an unknown id: from the title)."""
    lexicon = lexicon or Lexicon()
    ids = [s.id for s in topic.sections]
    start = ids.index(from_section) if from_section in ids else 0
    said: list[Utterance] = []
    if start == 0:
        said.append(Utterance(lexicon.spoken(topic.title), Kind.HEADING, "", 0, HEADING_PAUSE_MS))
    for section in topic.sections[start:]:
        said.extend(_section_utterances(section, lexicon))
    return Script(topic.id, topic.language, tuple(said))


def section_script(topic: Topic, section_id: str, lexicon: Lexicon | None = None) -> Script:
    """One section, its heading first; empty when the topic has no such section."""
    section = topic.section(section_id)
    said = _section_utterances(section, lexicon or Lexicon()) if section is not None else []
    return Script(topic.id, topic.language, tuple(said))


def sentence_script(topic: Topic, sentence_key: str, lexicon: Lexicon | None = None) -> Script:
    """One sentence; empty when the topic has no such sentence."""
    sentence = topic.sentence(sentence_key)
    text = (lexicon or Lexicon()).spoken(sentence.text) if sentence is not None else ""
    said = (Utterance(text, Kind.SENTENCE, sentence_key),) if text else ()
    return Script(topic.id, topic.language, said)


def comparison_row_text(topic: Topic, attribute_id: str, lexicon: Lexicon | None = None) -> str:
    """One attribute across the procedures, as one utterance:
    "Going home. Vertebroplasty: likely the same day. Kyphoplasty: not stated." """
    comparison = topic.comparison
    attribute = next((a for a in comparison.attributes if a.id == attribute_id), None) if comparison else None
    if comparison is None or attribute is None:
        return ""
    lexicon = lexicon or Lexicon()
    parts = [_sentence(lexicon.spoken(attribute.label))]
    for procedure in comparison.procedures:
        cell = procedure.cells.get(attribute_id)
        value = cell.value if cell is not None and cell.value is not None else "not stated"
        parts.append(f"{lexicon.spoken(procedure.name)}: {_sentence(lexicon.spoken(value))}")
    return " ".join(parts)


def comparison_row_script(topic: Topic, attribute_id: str, lexicon: Lexicon | None = None) -> Script:
    text = comparison_row_text(topic, attribute_id, lexicon)
    return Script(topic.id, topic.language, (Utterance(text, Kind.ROW),) if text else ())


def _sentence(text: str) -> str:
    """End with a full stop so the voice pauses between parts of a row."""
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."
