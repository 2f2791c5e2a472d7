"""The window's Edit > Copy / Select All and Help menu commands: wired to the actions table here,
so the main window only says that it has them. The Help dialogs' modules load when first opened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QDialog, QTextEdit, QWidget

from reader.content.model import Topic
from reader.ui.actions import Actions
from reader.ui.edit_commands import EditCommands

if TYPE_CHECKING:
    from reader.packs.sources import LoadedPacks


class HelpCommands(QObject):
    """Copy, Select All, Keyboard shortcuts and About for one window."""

    def __init__(
        self, window: QWidget, actions: Actions, article: QTextEdit, current_topic: Callable[[], Topic | None]
    ) -> None:
        super().__init__(window)
        self._window, self._actions, self._current_topic = window, actions, current_topic
        self.content_pack: Path | None = None  # told by the session that loaded it
        self.packs: LoadedPacks | None = None  # the bundled and installed packs (reader.packs)
        self.edit = EditCommands(article)
        actions["copy"].triggered.connect(self.edit.copy)
        actions["select_all"].triggered.connect(self.edit.select_all)
        actions["shortcuts"].triggered.connect(self.show_shortcuts)
        actions["about"].triggered.connect(self.show_about)

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal, and the event loop keeps running
        return dialog

    @Slot()
    def show_shortcuts(self) -> QDialog:
        from reader.ui.shortcuts_dialog import ShortcutsDialog

        return self._open(ShortcutsDialog(self._actions, self._window))

    @Slot()
    def show_about(self) -> QDialog:
        from reader.ui.about import AboutDialog, AboutFacts, PackFacts

        topic = self._current_topic()
        publisher = topic.credits.publisher if topic is not None else None
        facts = AboutFacts.gather(PackFacts.of(self.content_pack, publisher), self.packs)
        return self._open(AboutDialog(facts, self._window))
