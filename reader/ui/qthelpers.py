"""Small Qt helpers the window needs that Qt does not give: names for dock buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QDockWidget


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
