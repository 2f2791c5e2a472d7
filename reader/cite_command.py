"""`python main.py cite`: a topic's references (and the clinicians' list of later studies) in one
citation style or export format, on standard output, for a clinician's script or a handout.

The text comes from reader.content.citation, the formatter the article, the references panel,
copying, the handout and the export use, so every output of a style is the same string.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.content import Reference, Topic

# the names the command accepts; the formatter's style for each is looked up when the command runs,
# so building the command line parser (every command of the CLI) does not import the formatter
STYLE_NAMES = ("ama", "bibtex", "nlm", "ris")


def style_for(name: str) -> str:
    from reader.content.citation import AMA, BIBTEX, RIS, VANCOUVER

    return {"nlm": VANCOUVER, "ama": AMA, "ris": RIS, "bibtex": BIBTEX}[name]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--topic", metavar="ID", help="only this topic (default: every topic in the pack)")
    parser.add_argument(
        "--style",
        choices=STYLE_NAMES,
        default="nlm",
        help="nlm (NLM/Vancouver, the default), ama (AMA 11th edition); ris or bibtex for reference managers",
    )


def run_cite(args: argparse.Namespace, pack: Path) -> int:
    """Print the references of the chosen topics; 1 when the topic is unknown or nothing loaded."""
    from reader.content import load_content
    from reader.content.citation import BIBTEX, RIS

    result = load_content(pack)
    for error in result.errors:
        print(error, file=sys.stderr)
    topics = list(result.topics)
    if args.topic is not None:
        topics = [t for t in topics if t.id == args.topic]
        if not topics:
            known = ", ".join(t.id for t in result.topics) or "none"
            print(f"cite: no topic '{args.topic}' in {pack} (topics: {known})", file=sys.stderr)
            return 1
    if not topics:
        print(f"cite: no topics loaded from {pack}", file=sys.stderr)
        return 1
    style = style_for(args.style)
    if style in (RIS, BIBTEX):
        sys.stdout.write(export_all(topics, style))
    else:
        sys.stdout.write("\n".join(cited_text(topic, style) for topic in topics))
    return 0


def cited_text(topic: Topic, style: str) -> str:
    """One topic's references, then its later studies apart and labelled, as numbered plain text."""
    from reader.content.citation import numbered_list, published_since_list

    parts = [f"{topic.title} ({topic.id})\n"]
    if topic.references:
        parts.append("\nReferences\n" + numbered_list(topic.references, style))
    if topic.published_since:
        parts.append("\n" + published_since_list(topic, style))
    return "".join(parts)


def export_all(topics: list[Topic], fmt: str) -> str:
    """Every reference and later study of `topics` as RIS or BibTeX; later studies carry a note
    saying they are not part of the original text, and their design."""
    from reader.content.citation import export_text, later_study_notes

    refs: list[Reference] = []
    notes: dict[str, str] = {}
    for topic in topics:
        refs.extend(topic.references)
        refs.extend(s.reference for s in topic.published_since)
        notes.update(later_study_notes(topic))
    return export_text(refs, fmt, notes)
