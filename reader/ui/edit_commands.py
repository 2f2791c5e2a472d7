"""Edit > Copy and Select All for whichever view has the focus: text fields and text views do it
themselves; a table, list or tree copies its current item's text; anywhere else the article is meant."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QTextEdit, QWidget


def item_text(view: QAbstractItemView) -> str:
    """The current item's text as a screen reader says it (a comparison cell names its row and column)."""
    index = view.currentIndex()
    if not index.isValid():
        return ""
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    return str(spoken if spoken else index.data(Qt.ItemDataRole.DisplayRole) or "")


class EditCommands:
    """Copy and Select All, aimed at the focused widget; `article` is the fallback."""

    def __init__(self, article: QTextEdit) -> None:
        self._article = article

    def _target(self) -> QWidget:
        focused = QApplication.focusWidget()
        return focused if focused is not None else self._article

    def copy(self) -> None:
        target = self._target()
        if isinstance(target, QLineEdit | QTextEdit):
            target.copy()
        elif isinstance(target, QLabel) and target.hasSelectedText():
            QGuiApplication.clipboard().setText(target.selectedText())
        elif isinstance(target, QAbstractItemView) and item_text(target):
            QGuiApplication.clipboard().setText(item_text(target))
        else:
            self._article.copy()

    def select_all(self) -> None:
        target = self._target()
        if isinstance(target, QLineEdit | QTextEdit):
            target.selectAll()
        else:  # nothing else holds text to select: the article's text is meant
            self._article.selectAll()
            self._article.setFocus(Qt.FocusReason.ShortcutFocusReason)
