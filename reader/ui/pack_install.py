"""File > Install content pack...: pick a `.hrpack`, see the verdict (what the pack is, who signed
it) before anything is installed, then install it into the pack library.

Only trusted packs install from the window; an unsigned or unknown-key pack is refused here and
can be allowed only by an administrator on the command line. A kiosk never offers this action
(its actions table entry is not allowed in kiosk mode): an administrator installs into the
system library with `pack install` as root.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.resources import BUNDLED_CONTENT_DIR

if TYPE_CHECKING:
    from reader.packs.sources import LoadedPacks
    from reader.packs.verify import Verdict

Confirm = Callable[[QWidget, str], bool]
Inform = Callable[[QWidget, str, str], None]


def verdict_text(verdict: Verdict) -> str:
    m = verdict.manifest
    lines = [f"File: {verdict.path.name}"]
    if m is not None:
        lines += [
            f"Pack: {m.title} [{m.pack_id}]",
            f"Version: {m.version}",
            f"Publisher: {m.publisher}",
            f"Created: {m.created}",
            f"Files: {len(m.files)} ({m.total_size:,} bytes)",
        ]
    lines += ["", verdict.summary()]
    return "\n".join(lines)


def _box(parent: QWidget, title: str, text: str, icon: QMessageBox.Icon) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names and titles come from the pack file
    box.setAccessibleName(title)
    return box


def confirm_install(parent: QWidget, text: str) -> bool:
    box = _box(parent, "Install content pack", f"{text}\n\nInstall this pack?", QMessageBox.Icon.Question)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    install = box.addButton("&Install", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is install


def inform(parent: QWidget, title: str, text: str) -> None:
    _box(parent, title, text, QMessageBox.Icon.Information).exec()


def ask_install_pack(parent: QWidget, packs: LoadedPacks | None) -> bool:
    """True when a pack was installed."""
    if packs is None or packs.library is None:
        inform(parent, "Install content pack", "This reader shows one content folder only: no pack library.")
        return False
    start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    chosen, _ = QFileDialog.getOpenFileName(parent, "Install content pack", start, "Content packs (*.hrpack)")
    return bool(chosen) and install_pack_file(parent, packs, Path(chosen))


def install_pack_file(
    parent: QWidget, packs: LoadedPacks, path: Path, confirm: Confirm = confirm_install, tell: Inform = inform
) -> bool:
    """Verify, show the verdict, and install if the pack is trusted and the user agrees."""
    from reader.packs.library import InstallError
    from reader.packs.sources import install_beside
    from reader.packs.trust import load_trust
    from reader.packs.verify import verify_pack

    assert packs.library is not None
    trust = load_trust(packs.trust_files)
    verdict = verify_pack(path, trust)
    text = verdict_text(verdict)
    installed = packs.library.pack(verdict.manifest.pack_id) if verdict.manifest else None
    if installed is not None:
        text += f"\nInstalled now: version {installed.version}"
    if not verdict.trusted:
        tell(parent, "Content pack not installed", f"{text}\n\nNothing was installed.")
        return False
    if (
        installed is not None
        and verdict.manifest is not None
        and verdict.manifest.version <= installed.version
    ):
        tell(
            parent,
            "Content pack not installed",
            f"{text}\n\nThis version is not newer. Nothing was installed.",
        )
        return False
    if not confirm(parent, text):
        return False
    try:
        pack, _ = install_beside(packs.library, path, trust, BUNDLED_CONTENT_DIR)
    except (InstallError, OSError) as exc:
        tell(parent, "Content pack not installed", f"{exc}\n\nNothing was changed.")
        return False
    tell(
        parent,
        "Content pack installed",
        f"{pack.manifest.title}, version {pack.version}, is installed.\n"
        "Its topics are added to the contents; search is prepared again meanwhile.",
    )
    return True
