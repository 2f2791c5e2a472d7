"""Small Qt helpers the window needs that Qt does not give: texts that follow the interface
language on widgets we do not subclass, heights that follow the font, a dialog with a Close button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget


class _LanguageWatch(QObject):
    """Calls a function whenever the watched widget gets QEvent.LanguageChange."""

    def __init__(self, widget: QWidget, apply: Callable[[], None]) -> None:
        super().__init__(widget)
        self._apply = apply
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._apply()
        return False


def retranslated(widget: QWidget, apply: Callable[[], None]) -> None:
    """Set a Qt widget's fixed texts with `apply` now and again at every language change (for
    widgets we do not subclass, so have no `changeEvent` of ours: a progress dialog, a button)."""
    apply()
    _LanguageWatch(widget, apply)


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

    def name_close() -> None:
        close.setAccessibleName(QCoreApplication.translate("Dialogs", "Close"))
        close.setToolTip(QCoreApplication.translate("Dialogs", "Close this window (Esc)"))

    retranslated(close, name_close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(content)
    layout.addWidget(buttons)
    dialog.resize(*size)
    content.setFocus(Qt.FocusReason.OtherFocusReason)
