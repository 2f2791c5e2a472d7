"""Small Qt helpers the window needs that Qt does not give: names for dock buttons, and knowing
whether a key press is moving through a view rather than choosing in it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QWidget


class KeyboardBrowsing(QObject):
    """Knows whether a navigation key is being handled in a view (moving, not choosing)."""

    KEYS = frozenset(
        {
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        }
        | {Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End}
    )

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.active = False
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QKeyEvent):
            self.active = event.type() == QEvent.Type.KeyPress and Qt.Key(event.key()) in self.KEYS
        return False


def name_dock_buttons(*docks: QDockWidget) -> None:
    """Qt's float and close buttons on dock title bars come without names or tooltips."""
    for dock in docks:
        title = dock.windowTitle().lower()
        for button in dock.findChildren(QAbstractButton):
            if "float" in button.objectName():
                text = f"Detach the {title} panel"
            elif "close" in button.objectName():
                text = f"Close the {title} panel"
            else:
                continue
            button.setAccessibleName(text)
            button.setToolTip(text)
