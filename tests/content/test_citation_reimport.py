"""RIS and BibTeX exports read back by real parsers (rispy, bibtexparser: test-only dependencies),
field by field, with every author present; and the later studies' expected strings."""

from __future__ import annotations

from typing import Any

import bibtexparser
import pytest
import rispy
import yaml
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts

from reader.content import Reference, Topic
from reader.content.citation import (
    AMA,
    BIBTEX,
    INCOMPLETE_AUTHORS,
    RIS,
    VANCOUVER,
    citation_text,
    export_text,
    later_study_notes,
    split_name,
    to_bibtex,
    to_ris,
)
from tests.conftest import DATA_DIR

EXPECTED: dict[str, Any] = yaml.safe_load((DATA_DIR / "citations_expected.yaml").read_text("utf-8"))


def _all_references(topic: Topic) -> list[Reference]:
    return [*topic.references, *(s.reference for s in topic.published_since)]


def _ris_name(name: str) -> str:
    family, given = split_name(name)
    return f"{family}, {given}"


def test_rispy_reads_every_field_and_every_author_back(bundled_topic: Topic) -> None:
    refs = _all_references(bundled_topic)
    records = rispy.loads(export_text(refs, RIS, later_study_notes(bundled_topic)))
    assert len(records) == len(refs) == 8
    notes = later_study_notes(bundled_topic)
    for record, ref in zip(records, refs, strict=True):
        first, _, last = (ref.pages or "").partition("-")
        expected = {
            "type_of_reference": "JOUR",
            "authors": [_ris_name(a) for a in ref.authors],
            "year": str(ref.year),
            "title": ref.title,
            "secondary_title": ref.journal,  # T2: the full journal title
            "alternate_title1": ref.journal_abbrev,  # J2: the abbreviation
            "volume": ref.volume,
            "number": ref.issue,
            "start_page": first,
            "end_page": last or None,
            "doi": ref.doi,
            "accession_number": ref.pmid,  # AN
            "notes": [n for n in (INCOMPLETE_AUTHORS if ref.et_al else None, notes.get(ref.id)) if n] or None,
        }
        assert record == {k: v for k, v in expected.items() if v}, ref.id


def test_rispy_sees_the_complete_author_lists(bundled_topic: Topic) -> None:
    records = rispy.loads(to_ris(bundled_topic.references))
    assert [len(r["authors"]) for r in records] == [1, 9, 15]
    assert records[2]["authors"][-1] == "Jarvik, J. G."
    assert records[1]["authors"][5] == "Wriedt, C."


def test_bibtexparser_reads_every_field_and_every_author_back(bundled_topic: Topic) -> None:
    refs = _all_references(bundled_topic)
    library = bibtexparser.parse_string(
        export_text(refs, BIBTEX, later_study_notes(bundled_topic)),
        append_middleware=[SeparateCoAuthors(), SplitNameParts()],
    )
    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == [
        "klazen2010", "buchbinder2009", "kallmes2009",
        "vanmeirhaeghe2013", "clark2016", "firanescu2018", "chandra2018", "buchbinder2018",
    ]  # fmt: skip
    notes = later_study_notes(bundled_topic)
    for entry, ref in zip(library.entries, refs, strict=True):
        fields = {f.key: f.value for f in entry.fields}
        people = [(" ".join(n.von + n.last), " ".join(n.first)) for n in fields.pop("author")]
        listed = [split_name(a) for a in ref.authors]
        assert people == [*listed, ("others", "")] if ref.et_al else people == listed, ref.id
        expected = {
            "title": "{" + ref.title + "}",
            "journal": ref.journal,
            "shortjournal": ref.journal_abbrev,
            "year": str(ref.year),
            "volume": ref.volume,
            "number": ref.issue,
            "pages": (ref.pages or "").replace("-", "--") or None,
            "doi": ref.doi,
            "pmid": ref.pmid,
            "note": notes.get(ref.id),
        }
        assert fields == {k: v for k, v in expected.items() if v}, ref.id


@pytest.fixture
def later(bundled_topic: Topic) -> Any:
    study = next(s for s in bundled_topic.published_since if s.reference.id == "firanescu-2018")
    return study


def test_a_later_study_in_every_style_matches_the_hand_written_strings(
    bundled_topic: Topic, later: Any
) -> None:
    expected = EXPECTED["later"]["firanescu-2018"]
    assert citation_text(later.reference, VANCOUVER) == expected["vancouver"]
    assert citation_text(later.reference, AMA) == expected["ama"]
    assert later.design == expected["design"]
    notes = later_study_notes(bundled_topic)
    assert to_ris([later.reference], notes) == expected["ris"]
    assert to_bibtex([later.reference], notes) == expected["bibtex"]
    assert len(rispy.loads(export_text([later.reference], RIS))[0]["authors"]) == 17
