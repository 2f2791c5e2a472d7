"""Help > About: the reader's version and each content pack in use (id, version, publisher,
whether it is verified), so a clinic can tell a support call which content it has."""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from reader import __version__
from reader.packs.labels import UNVERIFIED, pack_line

if TYPE_CHECKING:
    from reader.packs.sources import LoadedPacks


def about_text(packs: LoadedPacks | None) -> str:
    """Plain text (shown as plain text: pack titles come from files)."""
    lines = [
        f"Health Topic Reader {__version__}",
        f"Python {platform.python_version()}",
        "",
        "Content packs:",
    ]
    if packs is None or not packs.sources:
        lines.append("  the bundled topics")
    else:
        for source in packs.sources:
            label = source.label
            where = (
                "bundled with the reader" if label.bundled else f"installed ({label.signer or UNVERIFIED})"
            )
            lines.append(f"\u2022 {pack_line(label)} [{label.pack_id}], {where}")
        if packs.library is not None:
            lines += ["", f"Pack library: {packs.library.root}"]
    return "\n".join(lines)


def show_about(parent: QWidget, packs: LoadedPacks | None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle("About Health Topic Reader")
    box.setIcon(QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(about_text(packs))
    box.setAccessibleName("About Health Topic Reader")
    box.open()
    return box
