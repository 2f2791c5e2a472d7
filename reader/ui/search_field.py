"""The search panel's query field: tall enough to be a comfortable target, Down goes to the
results, Escape empties it (unless its completion popup is open)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit


class SearchField(QLineEdit):
    """The query field: Down goes to the results, Escape empties it (unless a popup is open)."""

    downPressed = Signal()  # noqa: N815
    escapePressed = Signal()  # noqa: N815

    def sizeHint(self) -> QSize:  # noqa: N802
        """At least 32 px and 1.9 lines high: Qt's default (about 22 px) is below a 24 px target."""
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), 32, round(self.fontMetrics().height() * 1.9)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        popup_open = popup is not None and popup.isVisible()
        if not popup_open and event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
        elif not popup_open and event.key() == Qt.Key.Key_Escape and self.text():
            self.escapePressed.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
