"""Wiping what a patient left on screen, for any widget tree: open dialogs, menus and popups,
text and item selections, scroll positions, undo histories, tooltips and the clipboard.

The window's own state (search, history, zoom) is reset through its API by `mode`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

log = logging.getLogger(__name__)

_MAX_POPUPS = 20  # a popup that refuses to close must not hang the reset


def close_dialogs_and_menus() -> int:
    """Close every popup (menus, completer lists), menu and dialog; return how many."""
    closed = 0
    popup = QApplication.activePopupWidget()
    while popup is not None and closed < _MAX_POPUPS:
        popup.close()
        closed += 1
        popup = QApplication.activePopupWidget()
    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
            closed += 1
        elif isinstance(widget, QMenu):
            widget.close()
            closed += 1
    QToolTip.hideText()
    return closed


def clear_selections_and_scroll(root: QWidget) -> None:
    """No selected text or rows, every scrollable view back at its start."""
    for edit in root.findChildren(QTextEdit):
        cursor = edit.textCursor()
        cursor.clearSelection()
        edit.setTextCursor(cursor)
    for line in root.findChildren(QLineEdit):
        line.deselect()
    for view in root.findChildren(QAbstractItemView):
        view.clearSelection()
        selection = view.selectionModel()
        if selection is not None:
            selection.setCurrentIndex(QModelIndex(), selection.SelectionFlag.NoUpdate)
    for area in root.findChildren(QAbstractScrollArea):
        for bar in (area.verticalScrollBar(), area.horizontalScrollBar()):
            bar.setValue(bar.minimum())


def forget_edit_history(root: QWidget) -> None:
    """No undo or redo left in any text field: Ctrl+Z must not bring back what was typed.

    `setText` resets a QLineEdit's history (`clear()` is itself an undoable edit); a text
    document drops its stacks on request.
    """
    for line in root.findChildren(QLineEdit):
        line.setText(line.text())
    for edit in root.findChildren(QTextEdit):
        edit.document().clearUndoRedoStacks()
    for plain in root.findChildren(QPlainTextEdit):
        plain.document().clearUndoRedoStacks()


def clear_clipboard() -> None:
    """Empty the clipboard (and the X11 selection buffer), where the platform has one."""
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(clipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(clipboard.Mode.Selection)
