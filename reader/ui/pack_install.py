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

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.resources import BUNDLED_CONTENT_DIR
from reader.ui.dates import format_number

if TYPE_CHECKING:
    from reader.packs.sources import LoadedPacks
    from reader.packs.verify import Verdict

Confirm = Callable[[QWidget, str], bool]
Inform = Callable[[QWidget, str, str], None]


def verdict_text(verdict: Verdict) -> str:
    m = verdict.manifest
    lines = [QCoreApplication.translate("PackInstall", "File: {name}").format(name=verdict.path.name)]
    if m is not None:
        files = QCoreApplication.translate("PackInstall", "Files: {count} ({size} bytes)")
        lines += [
            QCoreApplication.translate("PackInstall", "Pack: {title} [{id}]").format(
                title=m.title, id=m.pack_id
            ),
            QCoreApplication.translate("PackInstall", "Version: {version}").format(version=m.version),
            QCoreApplication.translate("PackInstall", "Publisher: {publisher}").format(publisher=m.publisher),
            QCoreApplication.translate("PackInstall", "Created: {date}").format(date=m.created),
            files.format(count=format_number(len(m.files)), size=format_number(m.total_size)),
        ]
    lines += ["", verdict_summary(verdict)]
    return "\n".join(lines)


def verdict_summary(verdict: Verdict) -> str:
    """Verdict.summary() in the interface language (a refusal's reason stays as the check gave it)."""
    from reader.packs.verify import SIGNED, UNKNOWN_KEY

    if verdict.problems:
        return QCoreApplication.translate("PackInstall", "REFUSED: {reason}").format(
            reason=verdict.problems[0]
        )
    if verdict.signature == SIGNED and verdict.signer is not None:
        text = QCoreApplication.translate("PackInstall", "VERIFIED: signed by {signer} (key {key})")
        return text.format(signer=verdict.signer.name, key=verdict.key_id)
    if verdict.signature == UNKNOWN_KEY:
        text = QCoreApplication.translate(
            "PackInstall", "NOT TRUSTED: signed by key {key}, which this reader does not trust"
        )
        return text.format(key=verdict.key_id)
    return QCoreApplication.translate("PackInstall", "NOT TRUSTED: the pack is not signed")


def _box(parent: QWidget, title: str, text: str, icon: QMessageBox.Icon) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names and titles come from the pack file
    box.setAccessibleName(title)
    return box


def confirm_install(parent: QWidget, text: str) -> bool:
    question = QCoreApplication.translate("PackInstall", "{verdict}\n\nInstall this pack?").format(
        verdict=text
    )
    box = _box(parent, _install_title(), question, QMessageBox.Icon.Question)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    install = box.addButton(
        QCoreApplication.translate("PackInstall", "&Install"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is install


def inform(parent: QWidget, title: str, text: str) -> None:
    _box(parent, title, text, QMessageBox.Icon.Information).exec()


def ask_install_pack(parent: QWidget, packs: LoadedPacks | None) -> bool:
    """True when a pack was installed."""
    if packs is None or packs.library is None:
        text = QCoreApplication.translate(
            "PackInstall", "This reader shows one content folder only: no pack library."
        )
        inform(parent, _install_title(), text)
        return False
    start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    filters = QCoreApplication.translate("PackInstall", "Content packs (*.hrpack)")
    chosen, _ = QFileDialog.getOpenFileName(parent, _install_title(), start, filters)
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
        now = QCoreApplication.translate("PackInstall", "{verdict}\nInstalled now: version {version}")
        text = now.format(verdict=text, version=installed.version)
    not_installed = QCoreApplication.translate("PackInstall", "Content pack not installed")
    if not verdict.trusted:
        tell(
            parent,
            not_installed,
            QCoreApplication.translate("PackInstall", "{verdict}\n\nNothing was installed.").format(
                verdict=text
            ),
        )
        return False
    if (
        installed is not None
        and verdict.manifest is not None
        and verdict.manifest.version <= installed.version
    ):
        older = QCoreApplication.translate(
            "PackInstall", "{verdict}\n\nThis version is not newer. Nothing was installed."
        )
        tell(parent, not_installed, older.format(verdict=text))
        return False
    if not confirm(parent, text):
        return False
    try:
        pack, _ = install_beside(packs.library, path, trust, BUNDLED_CONTENT_DIR)
    except (InstallError, OSError) as exc:
        tell(
            parent,
            not_installed,
            QCoreApplication.translate("PackInstall", "{reason}\n\nNothing was changed.").format(reason=exc),
        )
        return False
    done = QCoreApplication.translate(
        "PackInstall",
        "{title}, version {version}, is installed.\n"
        "Its topics are added to the contents; search is prepared again meanwhile.",
    )
    tell(
        parent,
        QCoreApplication.translate("PackInstall", "Content pack installed"),
        done.format(title=pack.manifest.title, version=pack.version),
    )
    return True


def _install_title() -> str:
    return QCoreApplication.translate("PackInstall", "Install content pack")
