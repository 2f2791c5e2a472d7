"""Citation text (NLM/Vancouver, AMA) against saved expected strings, and RIS/BibTeX read back."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from reader.content import Reference, Topic
from reader.content.citation import (
    AMA,
    RIS,
    VANCOUVER,
    ama,
    bibtex_escape,
    bibtex_keys,
    citation_html,
    citing_sentences,
    export_text,
    nlm_pages,
    numbered_list,
    to_bibtex,
    to_ris,
    vancouver,
)
from tests.conftest import DATA_DIR

EXPECTED: dict[str, Any] = yaml.safe_load((DATA_DIR / "citations_expected.yaml").read_text("utf-8"))
CASES = EXPECTED["cases"]


def _reference(fields: dict[str, Any]) -> Reference:
    return Reference(**{**fields, "authors": tuple(fields["authors"])})


def _ref(*authors: str, year: int = 2001, title: str = "T", journal: str = "J") -> Reference:
    return Reference(id="r", number=1, authors=authors, et_al=False, year=year, title=title, journal=journal)


@pytest.mark.parametrize("ref_id", sorted(EXPECTED["bundled"]))
def test_bundled_references_match_saved_citations(bundled_topic: Topic, ref_id: str) -> None:
    ref = bundled_topic.reference(ref_id)
    assert ref is not None
    assert vancouver(ref) == EXPECTED["bundled"][ref_id]["vancouver"]
    assert ama(ref) == EXPECTED["bundled"][ref_id]["ama"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_author_limits_pages_and_missing_fields_follow_the_style_rules(case: dict[str, Any]) -> None:
    ref = _reference(case["reference"])
    assert vancouver(ref) == case["vancouver"]
    assert ama(ref) == case["ama"]


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        ("1085-1092", "1085-92"),
        ("557-568", "557-68"),
        ("123-129", "123-9"),
        ("1199-1201", "1199-201"),
        ("1085\u20131092", "1085-92"),
        ("98-102", "98-102"),
        ("e12-e19", "e12-e19"),
        ("7", "7"),
        ("", ""),
        (None, None),
    ],
)
def test_nlm_page_ranges_drop_repeated_leading_digits(pages: str | None, expected: str | None) -> None:
    assert nlm_pages(pages) == expected


def test_ama_html_italicises_only_the_journal_and_escapes_text() -> None:
    ref = Reference(
        id="x", number=1, authors=("Doe J",), et_al=False, year=2001, title="Pain <acute> & chronic",
        journal="N Engl J Med", journal_abbrev="N Engl J Med", volume="1", pages="1-2",
    )  # fmt: skip
    assert citation_html(ref, AMA) == (
        "Doe J. Pain &lt;acute&gt; &amp; chronic. <i>N Engl J Med</i>. 2001;1:1-2."
    )
    assert "<i>" not in citation_html(ref, VANCOUVER)


def test_unknown_style_or_format_is_an_error(bundled_topic: Topic) -> None:
    with pytest.raises(ValueError, match="citation style"):
        citation_html(bundled_topic.references[0], "harvard")
    with pytest.raises(ValueError, match="export format"):
        export_text(bundled_topic.references, "endnote")


def test_numbered_list_has_one_numbered_line_per_reference(bundled_topic: Topic) -> None:
    lines = numbered_list(bundled_topic.references, VANCOUVER).splitlines()
    assert lines == [
        f"{i}. {EXPECTED['bundled'][r.id]['vancouver']}" for i, r in enumerate(bundled_topic.references, 1)
    ]


def test_citing_sentences_are_found_in_reading_order(bundled_topic: Topic) -> None:
    assert [s.key for _, s in citing_sentences(bundled_topic, "kallmes-2009")] == ["ev-no-difference"]
    assert [s.key for _, s in citing_sentences(bundled_topic, "klazen-2010")] == ["ev-pain-relief"]
    assert citing_sentences(bundled_topic, "no-such-reference") == []


# --- Export ----------------------------------------------------------------------------------------


def parse_ris(text: str) -> list[dict[str, list[str]]]:
    """A minimal RIS reader: every line must be 'TAG  - value'; records end at ER."""
    records: list[dict[str, list[str]]] = []
    record: dict[str, list[str]] | None = None
    for line in text.splitlines():
        if not line:
            continue
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert match, f"not an RIS line: {line!r}"
        tag, value = match.groups()
        if tag == "TY":
            assert record is None, "TY inside a record"
            record = {"TY": [value]}
        elif tag == "ER":
            assert record is not None and value == ""
            records.append(record)
            record = None
        else:
            assert record is not None, f"{tag} outside a record"
            record.setdefault(tag, []).append(value)
    assert record is None, "last record has no ER"
    return records


def _braced(text: str, start: int) -> tuple[str, int]:
    """The text inside the brace group opening at `start`, and the index after its closing brace."""
    assert text[start] == "{"
    depth, i = 0, start
    while True:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth == 0:
            return text[start + 1 : i], i + 1
        i += 1


def parse_bibtex(text: str) -> dict[str, dict[str, str]]:
    """A minimal BibTeX reader for @article{key, name = {value}, ...} with balanced braces."""
    entries: dict[str, dict[str, str]] = {}
    for head in re.finditer(r"@article\{([^,\s]+),", text):
        fields: dict[str, str] = {}
        pos = head.end()
        while (field := re.compile(r"\s*(\w+) = ").match(text, pos)) is not None:
            fields[field.group(1)], pos = _braced(text, field.end())
            assert text[pos] == ",", "fields end with a comma"
            pos += 1
        assert text[pos:].lstrip().startswith("}"), "entry is closed"
        entries[head.group(1)] = fields
    return entries


def _bibtex_unescape(value: str) -> str:
    return re.sub(r"\\([{}&%$#_])", r"\1", value)


@pytest.mark.parametrize("index", [0, 1, 2])
def test_ris_records_are_written_exactly(bundled_topic: Topic, index: int) -> None:
    ref = bundled_topic.references[index]
    assert to_ris([ref]) == EXPECTED[f"{ref.id.split('-')[0]}_ris"]


@pytest.mark.parametrize("index", [0, 1, 2])
def test_bibtex_entries_are_written_exactly(bundled_topic: Topic, index: int) -> None:
    ref = bundled_topic.references[index]
    assert to_bibtex([ref]) == EXPECTED[f"{ref.id.split('-')[0]}_bibtex"]


def test_ris_never_writes_jo_or_ur_and_has_one_au_per_author(bundled_topic: Topic) -> None:
    records = parse_ris(export_text(bundled_topic.references, RIS))
    for record, ref in zip(records, bundled_topic.references, strict=True):
        assert "JO" not in record and "UR" not in record
        assert len(record["AU"]) == len(ref.authors)
        assert record["T2"] == [ref.journal] and record["J2"] == [ref.journal_abbrev]


def test_bibtex_keys_are_disambiguated_in_list_order() -> None:
    refs = [_reference(CASES[0]["reference"]), _reference(CASES[1]["reference"])]
    refs.insert(1, _ref("Smith J", year=2015))
    assert bibtex_keys(refs) == ["smith2015a", "smith2015b", "vanrooij2020"]
    assert list(parse_bibtex(to_bibtex(refs))) == ["smith2015a", "smith2015b", "vanrooij2020"]
    assert bibtex_keys([_ref("Müller K")]) == ["muller2001"]


def test_bibtex_escapes_special_characters_and_keeps_braces_balanced() -> None:
    title = "Cost & benefit: 50% of cases_{sic} cost $5 #1 ~ ^ \\ end"
    ref = _ref("Doe J", title=title, journal="J & K")
    assert bibtex_escape("a_b & {c}") == r"a\_b \& \{c\}"
    fields = parse_bibtex(to_bibtex([ref]))["doe2001"]
    assert fields["journal"] == r"J \& K"
    assert "\\textbackslash{}" in fields["title"] and "\\textasciitilde{}" in fields["title"]
    assert _bibtex_unescape(fields["title"]).startswith("{Cost & benefit: 50% of cases_{sic} cost $5 #1")


def test_exports_put_folded_titles_on_one_line() -> None:
    ref = _ref(title="A long\n  title")
    assert parse_ris(to_ris([ref]))[0]["TI"] == ["A long title"]
    assert parse_bibtex(to_bibtex([ref]))["a2001"]["title"] == "{A long title}"
