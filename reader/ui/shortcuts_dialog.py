"""Help > Keyboard shortcuts: a table generated from the one actions table (reader.ui.actions), so
it always lists the keys that really work on this platform, for the actions on offer (a kiosk
refuses some)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QTableView,
    QWidget,
)

from reader.i18n import QT_TRANSLATE_NOOP
from reader.ui.actions import MENUS, Actions, plain_text, spec_tooltip, translated
from reader.ui.qthelpers import lay_out_closable

COLUMNS = (
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Menu"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Action"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Keys"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "What it does"),
)


def _menu_of() -> dict[str, str]:
    found: dict[str, str] = {}
    for title, entries in MENUS.items():
        for entry in entries:
            names = entry[1] if isinstance(entry, tuple) else [entry] if entry else []
            for name in names:
                found[name] = plain_text(translated(title))
    return found


def _typeable(text: str) -> bool:
    """Keys a person types: not the dedicated keys of some keyboards ("Copy", "Back") or F13 and up,
    which Qt's platform bindings add to the standard shortcuts."""
    if re.fullmatch(r"F(1[3-9]|[2-3]\d)", text):
        return False
    return "+" in text or re.fullmatch(r"F\d{1,2}", text) is not None


def keys_text(keys: list[str]) -> str:
    """ "Ctrl+Q" or "Ctrl+Q or Ctrl+W", in the interface language."""
    text = keys[0]
    for key in keys[1:]:
        text = QCoreApplication.translate("ShortcutsDialog", "{keys} or {key}").format(keys=text, key=key)
    return text


def shortcut_rows(actions: Actions) -> list[tuple[str, str, str, str]]:
    """(menu, action, keys, what it does) for every action on offer that has keys, in table order,
    in the interface language."""
    menus = _menu_of()
    rows = []
    for spec, action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if _typeable(k)] or keys[:1]
        if keys and action.isVisible():  # hidden: refused (kiosk); disabled ones (Back) still work later
            rows.append(
                (
                    menus.get(spec.name, ""),
                    plain_text(translated(spec.text)),
                    keys_text(keys),
                    spec_tooltip(spec),
                )
            )
    return rows


class ShortcutsDialog(QDialog):
    """The shortcuts as a read-only table a screen reader can walk cell by cell."""

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.retranslate()
        lay_out_closable(self, self.table, (720, 420))

    def retranslate(self) -> None:
        """Title, headers and every row in the interface language (the rows are made again)."""
        self.setWindowTitle(QCoreApplication.translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.table.setAccessibleName(QCoreApplication.translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.table.setToolTip(
            QCoreApplication.translate("ShortcutsDialog", "Every keyboard shortcut of the reader")
        )
        self.model.setHorizontalHeaderLabels(
            [QCoreApplication.translate("ShortcutsDialog", column) for column in COLUMNS]
        )
        self.model.removeRows(0, self.model.rowCount())
        for row in shortcut_rows(self._actions):
            items = [QStandardItem(text) for text in row]
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
