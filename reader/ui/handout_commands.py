"""The window's Print / Print preview / Export as PDF commands for the topic being read; each asks
what goes in first (reader.ui.handout_dialog).

Kept apart from the handout itself (reader.ui.handout: the document, its pages, the PDF) so that
a start of the window loads none of that: it is imported the first time something is printed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QMainWindow, QWidget

from reader.content.model import Topic
from reader.ui.render import RenderOptions

if TYPE_CHECKING:
    from reader.ui.export_folder import ExportFolder
    from reader.ui.handout_content import HandoutChoice
    from reader.ui.handout_pages import Handout

STATUS_TIMEOUT_MS = 6000
ChoiceAsker = Callable[[QWidget, Topic, str], "HandoutChoice | None"]


def ask_handout_choice(parent: QWidget, topic: Topic, action: str) -> HandoutChoice | None:
    """The dialog asking what goes in (reader.ui.handout_dialog, loaded now)."""
    from reader.ui.handout_dialog import ask_handout_choice as ask

    return ask(parent, topic, action)


class HandoutCommands(QObject):
    """The window's print, preview and PDF export of the topic being read; each asks what goes
    in first (`ask_choice`, replaceable in tests)."""

    def __init__(
        self,
        window: QMainWindow,
        current_topic: Callable[[], Topic | None],
        options: Callable[[], RenderOptions],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._current_topic = current_topic
        self._options = options
        self.file_dialogs_allowed = True
        self.export_folder: ExportFolder | None = None  # where the dialog starts; set by the window
        self.ask_choice: ChoiceAsker = ask_handout_choice

    def handout(self, choice: HandoutChoice | None = None) -> Handout:
        from reader.ui.handout import make_handout

        topic = self._current_topic()
        assert topic is not None
        return make_handout(topic, self._options(), choice)

    def export_pdf(self, path: Path, choice: HandoutChoice | None = None) -> int:
        """Write the current topic as a PDF handout to `path` (no dialog); its number of pages."""
        from reader.ui.handout import write_pdf

        if self._current_topic() is None:
            return 0
        return write_pdf(self.handout(choice), path)

    def _choose(self, action: str) -> HandoutChoice | None:
        topic = self._current_topic()
        return None if topic is None else self.ask_choice(self._window, topic, action)

    @Slot()
    def ask_export_pdf(self) -> None:
        """Ask what goes in and where to save it (laptops), then write it and say so."""
        from reader.ui.handout import ask_pdf_path
        from reader.ui.handout_dialog import SAVE_PDF

        topic = self._current_topic()
        if topic is None or not self.file_dialogs_allowed:
            return
        choice = self._choose(SAVE_PDF)
        if choice is None:
            return
        folders = self.export_folder
        path = ask_pdf_path(
            self._window, folders.suggest(f"{topic.id}.pdf") if folders else f"{topic.id}.pdf"
        )
        if path is None:
            return
        bar = self._window.statusBar()
        try:
            self.export_pdf(path, choice)
        except OSError as exc:
            text = QCoreApplication.translate("Handout", "Could not save {file}: {reason}")
            bar.showMessage(text.format(file=path.name, reason=exc.strerror or exc), STATUS_TIMEOUT_MS)
            return
        if folders is not None:
            folders.remember(path)
        bar.showMessage(
            QCoreApplication.translate("Handout", "Saved {file}").format(file=path), STATUS_TIMEOUT_MS
        )

    @Slot()
    def print_topic(self) -> None:
        from reader.ui.handout import print_with_dialog
        from reader.ui.handout_dialog import PRINT

        choice = self._choose(PRINT)
        if choice is not None:
            print_with_dialog(self._window, self.handout(choice))

    @Slot()
    def print_preview(self) -> None:
        from reader.ui.handout import preview
        from reader.ui.handout_dialog import PREVIEW

        choice = self._choose(PREVIEW)
        if choice is not None:
            preview(self._window, self.handout(choice))
