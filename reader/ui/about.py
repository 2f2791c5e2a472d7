"""Help > About: what a support call needs to tell two installs apart (the reader's version, the
content pack and its date, the Qt, PySide6 and Python versions) and the licences of the parts the
reader ships with. The facts are plain data (`AboutFacts`), gathered once when the dialog opens;
the dialog shows them as plain, selectable text.

Every content pack in use (bundled and installed, with its version, publisher and whether it is
verified: reader.packs) is listed too, so a clinic can tell a support call which content it has.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QWidget

from reader import __version__
from reader.ui.dates import format_long_date
from reader.ui.pack_text import pack_line, unverified_label
from reader.ui.qthelpers import lay_out_closable

if TYPE_CHECKING:
    from reader.packs.sources import LoadedPacks


@dataclass(frozen=True)
class BundledPart:
    """A library the reader ships with (in the wheel's dependencies and the bundle)."""

    name: str
    licence: str  # SPDX expression
    distribution: str | None = None  # the name importlib.metadata knows it by, for its version


# Runtime dependencies and their own dependencies (tests/ui/test_about.py checks this list against
# the installed packages' metadata, so a new dependency cannot be forgotten here).
BUNDLED_PARTS: tuple[BundledPart, ...] = (
    BundledPart("Qt", "LGPL-3.0-only"),
    BundledPart("PySide6 (Qt for Python)", "LGPL-3.0-only", "PySide6_Essentials"),
    BundledPart("Shiboken6", "LGPL-3.0-only", "shiboken6"),
    BundledPart("Python", "PSF-2.0"),
    BundledPart("Whoosh-Reloaded (search index)", "BSD-2-Clause", "Whoosh-Reloaded"),
    BundledPart("cached-property", "BSD-3-Clause", "cached-property"),
    BundledPart("PyYAML", "MIT", "PyYAML"),
    BundledPart("jsonschema", "MIT", "jsonschema"),
    BundledPart("jsonschema-specifications", "MIT", "jsonschema-specifications"),
    BundledPart("referencing", "MIT", "referencing"),
    BundledPart("rpds-py", "MIT", "rpds-py"),
    BundledPart("attrs", "MIT", "attrs"),
    BundledPart("typing-extensions", "PSF-2.0", "typing_extensions"),
    BundledPart("pyspellchecker and its English word list", "MIT", "pyspellchecker"),
    BundledPart("fastjsonschema", "BSD-3-Clause", "fastjsonschema"),
    BundledPart("cryptography (pack signatures)", "Apache-2.0 OR BSD-3-Clause", "cryptography"),
    BundledPart("cffi", "MIT", "cffi"),
    BundledPart("pycparser", "BSD-3-Clause", "pycparser"),
    BundledPart("PySide6 Addons (read aloud: Qt TextToSpeech)", "LGPL-3.0-only", "PySide6_Addons"),
)


@dataclass(frozen=True)
class PackFacts:
    """The content pack in use: where it is, how many topic files, and the date of the newest."""

    path: Path | None
    topic_files: int = 0
    newest: dt.date | None = None
    publisher: str | None = None  # of the topic being read

    @classmethod
    def of(cls, pack: Path | None, publisher: str | None = None) -> PackFacts:
        """Look at the pack's topic files (names and dates only: cheap for 10,000 topics)."""
        from reader.content.loader import topic_files

        if pack is None or not pack.is_dir():
            return cls(pack, publisher=publisher)
        files = topic_files(pack)
        newest = 0.0
        for name in files:
            try:
                newest = max(newest, os.stat(name).st_mtime)
            except OSError:
                continue
        date = dt.date.fromtimestamp(newest) if newest else None
        return cls(pack, len(files), date, publisher)


@dataclass(frozen=True)
class AboutFacts:
    version: str
    qt: str
    pyside: str
    python: str
    frozen: bool
    pack: PackFacts
    parts: tuple[tuple[BundledPart, str], ...] = field(default=())  # with the installed version
    packs: LoadedPacks | None = None  # every content pack in use (pack_lines)

    @classmethod
    def gather(cls, pack: PackFacts, packs: LoadedPacks | None = None) -> AboutFacts:
        import PySide6

        parts = tuple((part, _installed_version(part)) for part in BUNDLED_PARTS)
        frozen = bool(getattr(sys, "frozen", False))
        return cls(
            __version__,
            qVersion(),
            PySide6.__version__,
            platform.python_version(),
            frozen,
            pack,
            parts,
            packs,
        )


def pack_lines(packs: LoadedPacks | None) -> list[str]:
    """One line per content pack in use: title, version, publisher, id, and where it comes from."""
    if packs is None or not packs.sources:
        return []
    lines = []
    for source in packs.sources:
        label = source.label
        if label.bundled:
            text = QCoreApplication.translate("AboutDialog", "\u2022 {pack} [{id}], bundled with the reader")
        else:
            text = QCoreApplication.translate("AboutDialog", "\u2022 {pack} [{id}], installed ({signer})")
        signer = label.signer or unverified_label()
        lines.append(text.format(pack=pack_line(label), id=label.pack_id, signer=signer))
    if packs.library is not None:
        text = QCoreApplication.translate("AboutDialog", "Pack library: {folder}")
        lines.append(text.format(folder=packs.library.root))
    return lines


def _installed_version(part: BundledPart) -> str:
    if part.name == "Qt":
        return qVersion()
    if part.name == "Python":
        return platform.python_version()
    if part.distribution is None:
        return ""
    from importlib import metadata

    try:
        return metadata.version(part.distribution)
    except metadata.PackageNotFoundError:  # a bundle may leave out the metadata
        return ""


def about_lines(facts: AboutFacts) -> list[str]:
    """The About text, one line each (plain text: it is never read as markup)."""
    if facts.frozen:
        title = QCoreApplication.translate("AboutDialog", "{app} {version} (self-contained bundle)")
    else:
        title = QCoreApplication.translate("AboutDialog", "{app} {version}")
    lines = [
        title.format(app=app_name(), version=facts.version),
        QCoreApplication.translate(
            "AboutDialog",
            "An offline reader of patient-education health topics. Nothing is sent over the network.",
        ),
        "",
        QCoreApplication.translate("AboutDialog", "Content pack: {pack}").format(
            pack=_pack_where(facts.pack)
        ),
    ]
    packs = pack_lines(facts.packs)
    if packs:
        lines += [QCoreApplication.translate("AboutDialog", "Content packs in use:"), *packs]
    if facts.pack.publisher:
        text = QCoreApplication.translate(
            "AboutDialog", "Topic content \u00a9 {publisher}; see each topic's credits."
        )
        lines.append(text.format(publisher=facts.pack.publisher))
    lines += [
        f"Qt {facts.qt}, PySide6 {facts.pyside}, Python {facts.python}",
        "",
        QCoreApplication.translate("AboutDialog", "Parts of the reader and their licences:"),
    ]
    for part, version in facts.parts:
        lines.append(f"  {part.name}{' ' + version if version else ''}: {part.licence}")
    lines += [
        "",
        *QCoreApplication.translate(
            "AboutDialog",
            "Qt and PySide6 are used under the GNU LGPL version 3, which lets you replace them with\n"
            "another build of the same version; their source code is published at download.qt.io.",
        ).split("\n"),
    ]
    return lines


def app_name() -> str:
    return QCoreApplication.translate("AboutDialog", "Health Topic Reader")


def _pack_where(pack: PackFacts) -> str:
    """The content folder, how many topic files it has and the date of the newest."""
    if pack.path is None:
        return QCoreApplication.translate("AboutDialog", "none")
    if pack.topic_files == 0:
        return QCoreApplication.translate("AboutDialog", "{folder} (no topic files)").format(folder=pack.path)
    count = pack.topic_files
    if pack.newest is None:
        text = QCoreApplication.translate("AboutDialog", "{folder} (%n topic files)", "", count)
        return text.format(folder=pack.path)
    text = QCoreApplication.translate(
        "AboutDialog", "{folder} (%n topic files, newest dated {date})", "", count
    )
    return text.format(folder=pack.path, date=format_long_date(pack.newest))


class AboutDialog(QDialog):
    """The About facts as selectable plain text, with a Close button."""

    def __init__(self, facts: AboutFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facts = facts
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        lay_out_closable(self, self.text, (640, 480))
        self.retranslate()

    def retranslate(self) -> None:
        title = QCoreApplication.translate("AboutDialog", "About {app}").format(app=app_name())
        self.setWindowTitle(title)
        self.text.setPlainText("\n".join(about_lines(self.facts)))
        self.text.setAccessibleName(title)
        self.text.setToolTip(
            QCoreApplication.translate(
                "AboutDialog", "Version, content pack, and the licences of the reader's parts"
            )
        )
        for box in self.findChildren(QDialogButtonBox):  # lay_out_closable's Close button
            close = box.button(QDialogButtonBox.StandardButton.Close)
            if close is not None:
                close.setAccessibleName(QCoreApplication.translate("Dialogs", "Close"))
                close.setToolTip(
                    QCoreApplication.translate("Dialogs", "Close {title} (Esc)").format(title=title)
                )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
