"""Citations of a topic's references: NLM/Vancouver and AMA 11th text, RIS and BibTeX export.

No Qt. Formatting never changes what the content says (titles keep their case);
it only arranges the fields by each style's rules. Tests pin the output to saved strings.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.atomicfile import write_atomically
from reader.content.model import LaterStudy, Reference, Section, Sentence, Topic

VANCOUVER = "vancouver"
AMA = "ama"
STYLE_LABELS = {VANCOUVER: "NLM / Vancouver", AMA: "AMA (11th edition)"}

RIS = "ris"
BIBTEX = "bibtex"
EXPORT_SUFFIXES = {RIS: ".ris", BIBTEX: ".bib"}
EXPORT_FILTERS = {RIS: "RIS (*.ris)", BIBTEX: "BibTeX (*.bib)"}  # as a save dialog lists them


@dataclass(frozen=True)
class Segment:
    """A run of citation text; `italic` runs are italic on screen and plain when copied."""

    text: str
    italic: bool = False


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _authors(ref: Reference, limit: int, keep: int) -> str:
    """'A, B, et al.': all names up to `limit`, else the first `keep`; et al. when some are left out."""
    names = list(ref.authors)
    more = ref.et_al
    if len(names) > limit:
        names, more = names[:keep], True
    if not names:
        return ""
    return ", ".join(names) + (", et al." if more else ".")


def _title(ref: Reference) -> str:
    title = _one_line(ref.title)
    return title if title.endswith((".", "?", "!")) else title + "."


def ama_title(title: str) -> str:
    """AMA 11 lower-cases the first word after a colon ('...: An open-label' -> '...: an open-label').

    Only a capitalised word is changed; acronyms and words with more capitals (VERTOS, McNeil) stay."""
    return re.sub(r"(:\s+)([A-Z][a-z]*)\b", lambda m: m.group(1) + m.group(2).lower(), title)


def _location(ref: Reference, pages: str | None) -> str:
    """'2010;376(9746):1085-92': year;volume(issue):pages, leaving out what is missing."""
    text = str(ref.year)
    if ref.volume or ref.issue:
        text += ";" + (ref.volume or "") + (f"({ref.issue})" if ref.issue else "")
    if pages:
        text += ":" + pages
    return text


def nlm_pages(pages: str | None) -> str | None:
    """Page range with NLM's elision of repeated leading digits: 1085-1092 -> 1085-92, 1199-1201 -> 1199-201.

    Ranges that are not two plain numbers of equal length (e.g. 'e12-e19', '98-102') keep every digit.
    """
    if not pages:
        return pages
    match = re.fullmatch(r"\s*(\d+)\s*[-\u2013\u2014]\s*(\d+)\s*", pages)
    if not match:
        return pages.strip().replace("\u2013", "-")
    first, last = match.groups()
    if len(first) != len(last) or int(last) <= int(first):
        return f"{first}-{last}"
    differ = next(i for i, (a, b) in enumerate(zip(first, last, strict=True)) if a != b)
    return f"{first}-{last[differ:]}"


def _full_pages(pages: str | None) -> str | None:
    return re.sub(r"\s*[-\u2013\u2014]\s*", "-", pages.strip()) if pages else pages


def _journal_abbrev(ref: Reference) -> str:
    return _one_line(ref.journal_abbrev or ref.journal)


def vancouver_segments(ref: Reference) -> list[Segment]:
    """NLM (Citing Medicine) / Vancouver: up to 6 authors, abbreviated pages, DOI and PMID."""
    authors = _authors(ref, limit=6, keep=6)
    text = (authors + " " if authors else "") + _title(ref)
    text += f" {_journal_abbrev(ref)}. {_location(ref, nlm_pages(ref.pages))}."
    if ref.doi:
        text += f" doi:{ref.doi}."
    if ref.pmid:
        text += f" PMID: {ref.pmid}."
    return [Segment(text)]


def ama_segments(ref: Reference) -> list[Segment]:
    """AMA 11th: up to 6 authors else the first 3 and et al, italic journal, full pages, DOI last."""
    authors = _authors(ref, limit=6, keep=3)
    lead = (authors + " " if authors else "") + ama_title(_title(ref)) + " "
    tail = f". {_location(ref, _full_pages(ref.pages))}."
    if ref.doi:
        tail += f" doi:{ref.doi}"
    return [Segment(lead), Segment(_journal_abbrev(ref), italic=True), Segment(tail)]


_SEGMENTS = {VANCOUVER: vancouver_segments, AMA: ama_segments}


def segments(ref: Reference, style: str) -> list[Segment]:
    """The citation in `style` (one of STYLE_LABELS) as runs of text."""
    try:
        return _SEGMENTS[style](ref)
    except KeyError:
        raise ValueError(f"unknown citation style {style!r}; expected one of {sorted(_SEGMENTS)}") from None


def citation_text(ref: Reference, style: str) -> str:
    """The citation as plain text, as it is copied to the clipboard."""
    return "".join(s.text for s in segments(ref, style))


def citation_html(ref: Reference, style: str) -> str:
    """The citation as escaped HTML, italics as <i>: for display only, with no links."""
    return "".join(
        f"<i>{html.escape(s.text)}</i>" if s.italic else html.escape(s.text) for s in segments(ref, style)
    )


def vancouver(ref: Reference) -> str:
    return citation_text(ref, VANCOUVER)


def ama(ref: Reference) -> str:
    return citation_text(ref, AMA)


def numbered_list(refs: Iterable[Reference], style: str) -> str:
    """All references as a numbered plain-text list, one per line: '1. Klazen CAH, et al. ...'."""
    return "".join(f"{ref.number}. {citation_text(ref, style)}\n" for ref in refs)


PUBLISHED_SINCE_LABEL = (
    "For clinicians. Not part of the original text, which does not cite these studies; "
    "titles and designs only, with no summary of findings."
)


def published_since_heading(topic: Topic) -> str:
    """'Published since the last revision (2011)': what the later studies count from."""
    return f"Published since the last revision ({topic.credits.last_revised.year})"


def later_study_text(study: LaterStudy, style: str) -> str:
    """A later study as one plain-text line: its citation in `style`, then its design in brackets."""
    return f"{citation_text(study.reference, style)} [{study.design}]"


def published_since_list(topic: Topic, style: str) -> str:
    """The topic's later studies as a labelled, numbered plain-text list ('' when there are none)."""
    if not topic.published_since:
        return ""
    head = f"{published_since_heading(topic)}\n{PUBLISHED_SINCE_LABEL}\n"
    return head + "".join(
        f"{s.reference.number}. {later_study_text(s, style)}\n" for s in topic.published_since
    )


def later_study_notes(topic: Topic) -> dict[str, str]:
    """Export notes (RIS N1, BibTeX note) for each later study: what it is and its design."""
    since = published_since_heading(topic)
    return {
        s.reference.id: f"{since}; not cited by the original text. Design: {s.design}"
        for s in topic.published_since
    }


def citing_sentences(topic: Topic, reference_id: str) -> list[tuple[Section, Sentence]]:
    """The sentences of `topic` that cite the reference, in reading order."""
    return [(sec, sen) for sec in topic.sections for sen in sec.sentences() if reference_id in sen.cites]


def reference_details(topic: Topic, ref: Reference) -> list[str]:
    """Plain-text lines about a reference: its PMID and DOI, then each sentence of `topic` citing it."""
    ids = [f"{label}: {value}" for label, value in (("PMID", ref.pmid), ("DOI", ref.doi)) if value]
    lines = ["  \u00b7  ".join(ids) or "No PMID or DOI recorded."]
    for section, sentence in citing_sentences(topic, ref.id):
        lines.append(f"Cited in \u201c{section.title}\u201d: \u201c{sentence.text}\u201d")
    return lines


# --- Export --------------------------------------------------------------------------------------


def split_name(name: str) -> tuple[str, str]:
    """'van Rooij WJ' -> ('van Rooij', 'W. J.'); a name without trailing initials is all family name."""
    parts = name.split()
    if len(parts) >= 2 and re.fullmatch(r"[A-Z]{1,4}", parts[-1]):
        return " ".join(parts[:-1]), " ".join(f"{letter}." for letter in parts[-1])
    return _one_line(name), ""


def _inverted(name: str) -> str:
    family, given = split_name(name)
    return f"{family}, {given}" if given else family


def _page_bounds(pages: str | None) -> tuple[str | None, str | None]:
    first, _, last = (_full_pages(pages) or "").partition("-")
    return first or None, last or None


INCOMPLETE_AUTHORS = "Author list incomplete: only the authors above are recorded (et al.)."


def _ris_record(ref: Reference, note: str | None) -> str:
    start, end = _page_bounds(ref.pages)
    fields: list[tuple[str, str | None]] = [("TY", "JOUR")]
    fields += [("AU", _inverted(a)) for a in ref.authors]
    fields += [
        ("PY", str(ref.year)),
        ("TI", ref.title),
        ("T2", ref.journal),  # the full journal title (Zotero: publicationTitle)
        ("J2", ref.journal_abbrev),  # the abbreviation (Zotero: journalAbbreviation); JO is read as full
        ("VL", ref.volume),
        ("IS", ref.issue),
        ("SP", start),
        ("EP", end),
        ("DO", ref.doi),
        ("AN", ref.pmid),  # accession number (EndNote), archiveLocation (Zotero)
        ("N1", INCOMPLETE_AUTHORS if ref.et_al else None),
        ("N1", note),
    ]  # no UR: the reader is offline and a DOI resolves anywhere
    lines = [f"{tag}  - {_one_line(value)}" for tag, value in fields if value]
    return "\n".join([*lines, "ER  - "]) + "\n"


def to_ris(refs: Iterable[Reference], notes: Mapping[str, str] | None = None) -> str:
    """RIS journal-article records: one AU per author, T2 full journal, J2 abbreviation, DO, AN (PMID).

    RIS has no 'et al.': a list known to be incomplete says so in a note (N1); `notes` adds one per
    reference id."""
    notes = notes or {}
    return "\n".join(_ris_record(ref, notes.get(ref.id)) for ref in refs)


_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    """Escape the characters BibTeX/LaTeX treat specially, so a value always has balanced braces."""
    return "".join(_BIBTEX_SPECIALS.get(ch, ch) for ch in _one_line(text))


def _verbatim(text: str) -> str:
    """Identifiers such as DOIs are read verbatim (an escaped '_' would break them): escape only braces."""
    return _one_line(text).replace("{", r"\{").replace("}", r"\}")


def _key_base(ref: Reference) -> str:
    source = split_name(ref.authors[0])[0] if ref.authors else ref.title.split()[0]
    ascii_text = unicodedata.normalize("NFKD", source).encode("ascii", "ignore").decode()
    return (re.sub(r"[^a-z]", "", ascii_text.lower()) or "ref") + str(ref.year)


def bibtex_keys(refs: Sequence[Reference]) -> list[str]:
    """Stable keys 'firstauthorYEAR'; keys shared by several references get a, b, c... in list order."""
    bases = [_key_base(ref) for ref in refs]
    seen: dict[str, int] = {}
    keys = []
    for base in bases:
        if bases.count(base) == 1:
            keys.append(base)
            continue
        seen[base] = seen.get(base, 0) + 1
        keys.append(base + chr(ord("a") + seen[base] - 1))
    return keys


def _bibtex_entry(ref: Reference, key: str, note: str | None) -> str:
    authors = [bibtex_escape(_inverted(a)) for a in ref.authors] + (["others"] if ref.et_al else [])
    pages = _full_pages(ref.pages)
    fields: list[tuple[str, str | None]] = [
        ("author", " and ".join(authors)),
        ("title", "{" + bibtex_escape(ref.title) + "}"),  # inner braces: styles keep the title's case
        ("journal", bibtex_escape(ref.journal)),
        ("shortjournal", bibtex_escape(ref.journal_abbrev) if ref.journal_abbrev else None),
        ("year", str(ref.year)),
        ("volume", bibtex_escape(ref.volume) if ref.volume else None),
        ("number", bibtex_escape(ref.issue) if ref.issue else None),
        ("pages", bibtex_escape(pages).replace("-", "--") if pages else None),
        ("doi", _verbatim(ref.doi) if ref.doi else None),
        ("pmid", bibtex_escape(ref.pmid) if ref.pmid else None),
        ("note", bibtex_escape(note) if note else None),
    ]
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields if value)
    return f"@article{{{key},\n{body}}}\n"


def to_bibtex(refs: Iterable[Reference], notes: Mapping[str, str] | None = None) -> str:
    """BibTeX @article entries; 'and others' stands for et al., pages use '--'; `notes` by reference id."""
    refs, notes = list(refs), notes or {}
    keys = bibtex_keys(refs)
    return "\n".join(_bibtex_entry(ref, key, notes.get(ref.id)) for ref, key in zip(refs, keys, strict=True))


_EXPORTERS = {RIS: to_ris, BIBTEX: to_bibtex}


def export_text(refs: Iterable[Reference], fmt: str, notes: Mapping[str, str] | None = None) -> str:
    """The references in an export format (RIS or BIBTEX), with optional notes by reference id."""
    try:
        return _EXPORTERS[fmt](refs, notes)
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {sorted(_EXPORTERS)}") from None


def export_target(chosen: str, chosen_filter: str) -> tuple[Path, str]:
    """Path and format for a save dialog's answer: a typed .ris/.bib suffix wins, else the chosen filter
    decides and its suffix is added."""
    path = Path(chosen)
    for fmt, suffix in EXPORT_SUFFIXES.items():
        if path.suffix.lower() == suffix:
            return path, fmt
    fmt = next((f for f, label in EXPORT_FILTERS.items() if label == chosen_filter), RIS)
    return path.with_name(path.name + EXPORT_SUFFIXES[fmt]), fmt


def write_export(path: Path, refs: Iterable[Reference], fmt: str) -> None:
    """Write the references to `path` (UTF-8) atomically: a temporary file in the same folder, then
    os.replace. On failure (OSError) any existing file is untouched and no temporary file is left."""
    write_atomically(path, export_text(refs, fmt).encode("utf-8"))
