"""A Topic as plain JSON data and back, for the content cache: data that cannot run code.

Every value is checked while it is decoded, so a cache file that someone changed, or that
was damaged into valid JSON of the wrong shape, raises `CacheFormatError` here instead of
reaching a view. Objects are written as lists in field order (smaller and faster to read than
mappings); change `FORMAT` in reader.content.cache when the model changes.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

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


class CacheFormatError(ValueError):
    """Cached data that is not what the cache writes: damaged, or written by someone else."""


def encode_topic(topic: Topic) -> bytes:
    """The topic as compact UTF-8 JSON."""
    data = [
        topic.id,
        topic.title,
        topic.language,
        [[s.id, s.title, [_block(b) for b in s.blocks]] for s in topic.sections],
        _credits(topic.credits),
        topic.summary,
        list(topic.keywords),
        list(topic.related),
        [_reference(r) for r in topic.references],
        _comparison(topic.comparison),
        [[n.kind, n.where, n.reason, n.original, n.corrected] for n in topic.editorial_notes],
        [[_reference(s.reference), s.design] for s in topic.published_since],
        topic.source_path,
        topic.source_sha256,
        topic.translation_of,
    ]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _sentence(s: Sentence) -> list[Any]:
    return [s.key, s.text, list(s.cites), s.line]


def _block(block: Block) -> list[Any]:
    kind = "p" if isinstance(block, Paragraph) else "l"
    return [kind, [_sentence(s) for s in block.sentences]]


def _credits(c: Credits) -> list[Any]:
    reviewers = [[r.role, r.name, r.specialty] for r in c.reviewers]
    return [c.author, c.last_revised.isoformat(), reviewers, c.publisher, c.disclaimer]


def _reference(r: Reference) -> list[Any]:
    return [
        r.id,
        r.number,
        list(r.authors),
        r.et_al,
        r.year,
        r.title,
        r.journal,
        r.journal_abbrev,
        r.volume,
        r.issue,
        r.pages,
        r.pmid,
        r.doi,
    ]


def _comparison(c: Comparison | None) -> list[Any] | None:
    if c is None:
        return None
    procedures = [
        [p.id, p.name, p.section, {name: _encode_cell(cell) for name, cell in p.cells.items()}]
        for p in c.procedures
    ]
    return [[[a.id, a.label] for a in c.attributes], procedures]


def _encode_cell(cell: Cell) -> list[Any]:
    return [cell.value, [[s.section, s.sentence] for s in cell.sources]]


# --- decoding, with every type checked ---------------------------------------------------------------


def decode_topic(raw: bytes) -> Topic:
    """The topic `encode_topic` wrote; CacheFormatError for anything else."""
    try:
        data = json.loads(raw)
        return _topic(data)
    except CacheFormatError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
        raise CacheFormatError(f"not a cached topic ({type(exc).__name__}: {exc})") from None


def _text(value: Any) -> str:
    if type(value) is not str:
        raise CacheFormatError(f"expected text, found {type(value).__name__}")
    return value


def _text_or_none(value: Any) -> str | None:
    return None if value is None else _text(value)


def _whole(value: Any) -> int:
    if type(value) is not int:
        raise CacheFormatError(f"expected a whole number, found {type(value).__name__}")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(_text(v) for v in _list(value))


def _list(value: Any, length: int | None = None) -> list[Any]:
    if type(value) is not list or (length is not None and len(value) != length):
        raise CacheFormatError(f"expected a list of {length or 'any'} items")
    return value


def _topic(data: Any) -> Topic:
    tid, title, language, sections, credits, summary, keywords, related, *rest = _list(data, 15)
    refs, comparison, notes, later, path, sha, translation_of = rest
    return Topic(
        id=_text(tid),
        title=_text(title),
        language=_text(language),
        sections=tuple(_section(s) for s in _list(sections)),
        credits=_decode_credits(credits),
        summary=_text(summary),
        keywords=_texts(keywords),
        related=_texts(related),
        references=tuple(_decode_reference(r) for r in _list(refs)),
        comparison=None if comparison is None else _decode_comparison(comparison),
        editorial_notes=tuple(_note(n) for n in _list(notes)),
        published_since=tuple(_later(s) for s in _list(later)),
        source_path=_text(path),
        source_sha256=_text(sha),
        translation_of=_text(translation_of),
    )


def _decode_sentence(data: Any) -> Sentence:
    key, text, cites, line = _list(data, 4)
    return Sentence(_text(key), _text(text), _texts(cites), None if line is None else _whole(line))


def _section(data: Any) -> Section:
    sid, title, blocks = _list(data, 3)
    decoded: list[Block] = []
    for block in _list(blocks):
        kind, sentences = _list(block, 2)
        items = tuple(_decode_sentence(s) for s in _list(sentences))
        if kind == "p":
            decoded.append(Paragraph(items))
        elif kind == "l":
            decoded.append(BulletList(items))
        else:
            raise CacheFormatError(f"unknown block kind {kind!r}")
    return Section(_text(sid), _text(title), tuple(decoded))


def _decode_credits(data: Any) -> Credits:
    author, revised, reviewers, publisher, disclaimer = _list(data, 5)
    people = []
    for reviewer in _list(reviewers):
        role, name, specialty = _list(reviewer, 3)
        people.append(Reviewer(_text(role), _text(name), _text_or_none(specialty)))
    return Credits(
        _text(author),
        dt.date.fromisoformat(_text(revised)),
        tuple(people),
        _text_or_none(publisher),
        _text_or_none(disclaimer),
    )


def _decode_reference(data: Any) -> Reference:
    rid, number, authors, et_al, year, title, journal, *optional = _list(data, 13)
    if type(et_al) is not bool:
        raise CacheFormatError("expected true or false for et_al")
    return Reference(
        _text(rid),
        _whole(number),
        _texts(authors),
        et_al,
        _whole(year),
        _text(title),
        _text(journal),
        *(_text_or_none(v) for v in optional),
    )


def _later(data: Any) -> LaterStudy:
    reference, design = _list(data, 2)
    return LaterStudy(_decode_reference(reference), _text(design))


def _decode_comparison(data: Any) -> Comparison:
    attributes, procedures = _list(data, 2)
    decoded = []
    for procedure in _list(procedures):
        pid, name, section, cells = _list(procedure, 4)
        if type(cells) is not dict:
            raise CacheFormatError("expected a mapping of cells")
        decoded.append(
            Procedure(
                _text(pid),
                _text(name),
                _text_or_none(section),
                {_text(k): _cell(v) for k, v in cells.items()},
            )
        )
    labels = tuple(Attribute(_text(a), _text(b)) for a, b in (_list(x, 2) for x in _list(attributes)))
    return Comparison(labels, tuple(decoded))


def _cell(data: Any) -> Cell:
    value, sources = _list(data, 2)
    refs = tuple(SentenceRef(_text(s), _text(t)) for s, t in (_list(x, 2) for x in _list(sources)))
    return Cell(_text_or_none(value), refs)


def _note(data: Any) -> EditorialNote:
    kind, where, reason, original, corrected = _list(data, 5)
    return EditorialNote(
        _text(kind), _text(where), _text(reason), _text_or_none(original), _text_or_none(corrected)
    )
