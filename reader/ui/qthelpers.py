"""Small Qt helpers the window needs that Qt does not give: names for dock buttons, heights that
follow the font, a dialog with a Close button."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QDockWidget, QVBoxLayout, QWidget


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


def grow_with_font(control: QWidget, line_height: int, factor: float = 1.9) -> None:
    """Give `control` a minimum height that follows the font (at least 24 px, WCAG AA), but never
    under a floor set from outside (the kiosk's 48 px touch targets), whatever the text size."""
    scaled_before = int(control.property("scaledMinimumHeight") or 0)
    floor = int(control.property("minimumHeightFloor") or 0)
    if control.minimumHeight() != scaled_before:  # raised by someone else since we last set it
        floor = max(floor, control.minimumHeight())
        control.setProperty("minimumHeightFloor", floor)
    height = max(24, round(line_height * factor), floor)
    control.setProperty("scaledMinimumHeight", height)
    control.setMinimumHeight(height)


def lay_out_closable(dialog: QDialog, content: QWidget, size: tuple[int, int]) -> None:
    """A dialog of one view above a named Close button (Esc closes too); the view has the focus."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    close.setAccessibleName(QCoreApplication.translate("Dialogs", "Close"))
    close.setToolTip(
        QCoreApplication.translate("Dialogs", "Close {title} (Esc)").format(title=dialog.windowTitle())
    )
    layout = QVBoxLayout(dialog)
    layout.addWidget(content)
    layout.addWidget(buttons)
    dialog.resize(*size)
    content.setFocus(Qt.FocusReason.OtherFocusReason)
