"""The page the article shows when the content pack has no topic to show: where the reader
looked, why nothing is there, and how to add a pack. A missing pack is never a blank window."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from reader.content.errors import ContentError


def render_empty_pack_html(pack: Path | None, errors: Sequence[ContentError]) -> str:
    """Escaped HTML: every piece of text that comes from outside (the path) is escaped."""
    bad_files = len({e.path for e in errors if e.severity == "error"})
    if pack is not None and not pack.exists():
        why = "This folder does not exist."
    elif bad_files:
        why = (
            f"{bad_files} topic file{'s' if bad_files != 1 else ''} could not be loaded: "
            "the Problems panel (the button in the status bar) names each problem with its file and line."
        )
    else:
        why = "The folder holds no topic files."
    steps = (
        "A content pack is a folder with a <code>topics/</code> folder of YAML files, one per topic.",
        "Open another pack with <code>health-reader --content DIR</code>.",
        "Check a pack before using it with <code>health-reader check --content DIR</code>: "
        "it lists every problem with its file, line and field.",
    )
    parts = ["<h1>No topics found</h1>"]
    if pack is not None:
        parts.append(f"<p>The reader looked in <code>{html.escape(str(pack))}</code>.</p>")
    parts.append(f"<p>{html.escape(why)}</p><h2>How to add a content pack</h2>")
    parts.append("<ul>" + "".join(f"<li>{step}</li>" for step in steps) + "</ul>")
    return "".join(parts)
