"""The page the article shows when the content pack has no topic to show: where the reader
looked, why nothing is there, and how to add a pack. A missing pack is never a blank window.
Rendered in the interface language (the window renders it again when the language changes)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from reader.content.errors import ContentError


def _why(pack: Path | None, errors: Sequence[ContentError]) -> str:
    bad_files = len({e.path for e in errors if e.severity == "error"})
    if pack is not None and not pack.exists():
        return QCoreApplication.translate("EmptyPack", "This folder does not exist.")
    if bad_files:
        return QCoreApplication.translate(
            "EmptyPack",
            "%n topic files could not be loaded: the Problems panel (the button in the status bar) "
            "names each problem with its file and line.",
            "",
            bad_files,
        )
    return QCoreApplication.translate("EmptyPack", "The folder holds no topic files.")


def render_empty_pack_html(pack: Path | None, errors: Sequence[ContentError]) -> str:
    """Escaped HTML: every piece of text that comes from outside (the path) is escaped."""
    steps = (
        QCoreApplication.translate(
            "EmptyPack",
            "A content pack is a folder with a <code>topics/</code> folder of YAML files, one per topic.",
        ),
        QCoreApplication.translate(
            "EmptyPack", "Open another pack with <code>health-reader --content DIR</code>."
        ),
        QCoreApplication.translate(
            "EmptyPack",
            "Check a pack before using it with <code>health-reader check --content DIR</code>: "
            "it lists every problem with its file, line and field.",
        ),
    )
    title = QCoreApplication.translate("EmptyPack", "No topics found")
    parts = [f"<h1>{html.escape(title)}</h1>"]
    if pack is not None:
        looked = QCoreApplication.translate("EmptyPack", "The reader looked in {folder}.")
        folder = f"<code>{html.escape(str(pack))}</code>"
        parts.append(f"<p>{html.escape(looked).format(folder=folder)}</p>")
    how = QCoreApplication.translate("EmptyPack", "How to add a content pack")
    parts.append(f"<p>{html.escape(_why(pack, errors))}</p><h2>{html.escape(how)}</h2>")
    parts.append("<ul>" + "".join(f"<li>{step}</li>" for step in steps) + "</ul>")
    return "".join(parts)
