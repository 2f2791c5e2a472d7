"""The administrator's way out of a kiosk: a deliberate gesture (a long press on the window's
top-left corner, or a key chord) opens a PIN dialog with a number pad; the right PIN unlocks.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.kiosk.fonts import scaled_font
from reader.kiosk.keyboard import DIGITS, OnScreenKeyboard
from reader.kiosk.pin import MAX_PIN_DIGITS, PinCheck, PinGuard
from reader.ui.plaintext import plain_label

log = logging.getLogger(__name__)

# The exit status after the administrator's PIN: the systemd unit and Windows Shell Launcher
# treat it as "stopped on purpose, do not restart" (resources/kiosk/, docs/kiosk.md).
ADMIN_EXIT_STATUS = 42

_PRESS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}
_MOVE = {QEvent.Type.MouseMove, QEvent.Type.TouchUpdate}
_RELEASE = {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel}


def _global_point(event: QEvent) -> QPoint | None:
    if isinstance(event, QMouseEvent):
        return event.globalPosition().toPoint()
    if isinstance(event, QTouchEvent) and event.points():
        return event.points()[0].globalPosition().toPoint()
    return None


class AdminGesture(QObject):
    """Emits `requested` after a press held `hold_ms` in the window's top-left `corner_px` square
    (a finger that moves out or lifts cancels it), or on the key chord."""

    requested = Signal()

    def __init__(
        self, window: QWidget, *, hold_ms: int = 3000, corner_px: int = 96, chord: str = "Ctrl+Alt+Shift+K"
    ) -> None:
        super().__init__(window)
        self._window = window
        self._corner = corner_px
        self._chord = QKeySequence(chord).toString(QKeySequence.SequenceFormat.PortableText)
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(hold_ms)
        self._hold.timeout.connect(self._on_held)

    @property
    def holding(self) -> bool:
        return self._hold.isActive()

    def start(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def stop(self, app: QApplication) -> None:
        app.removeEventFilter(self)
        self._hold.stop()

    def in_corner(self, global_point: QPoint) -> bool:
        local = self._window.mapFromGlobal(global_point)
        return QRect(0, 0, self._corner, self._corner).contains(local)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._on_key(event)
        if kind in _PRESS or (kind in _MOVE and self._hold.isActive()):
            point = _global_point(event)
            on_window = isinstance(watched, QWidget) and watched.window() is self._window
            if point is not None and on_window and self.in_corner(point):
                if kind in _PRESS:
                    self._hold.start()
            else:
                self._hold.stop()
        elif kind in _RELEASE:
            self._hold.stop()
        return False

    def _on_key(self, event: QKeyEvent) -> bool:
        chord = QKeySequence(event.keyCombination()).toString(QKeySequence.SequenceFormat.PortableText)
        if chord != self._chord or event.isAutoRepeat():
            return False
        self.requested.emit()
        return True

    @Slot()
    def _on_held(self) -> None:
        log.info("administrator gesture: long press on the corner")
        self.requested.emit()


class PinDialog(QDialog):
    """Asks for the administrator PIN; accepted only when the guard accepts the PIN."""

    def __init__(self, guard: PinGuard, parent: QWidget | None = None, *, refresh_ms: int = 1000) -> None:
        super().__init__(parent)
        self._guard = guard
        self.setObjectName("kioskPinDialog")
        self.setWindowTitle("Administrator")
        self.setAccessibleName("Administrator PIN")
        self.setModal(True)
        self.prompt = plain_label("Enter the administrator PIN to leave kiosk mode.")
        self.field = QLineEdit()
        self.status = plain_label("")
        self.keypad = OnScreenKeyboard(self, rows=DIGITS, key_px=80)
        self.unlock_button = QPushButton("Unlock")
        self.cancel_button = QPushButton("Cancel")
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(refresh_ms)
        self._lock_timer.timeout.connect(self._update_lock)
        self._build()
        self._update_lock()

    def _build(self) -> None:
        big = scaled_font(1.3)
        for widget in (self.prompt, self.field, self.status, self.unlock_button, self.cancel_button):
            widget.setFont(big)
        self.prompt.setWordWrap(True)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(MAX_PIN_DIGITS)
        self.field.setMinimumHeight(64)
        self.field.setAccessibleName("PIN")
        self.field.setToolTip("The administrator PIN (digits)")
        self.field.returnPressed.connect(self.try_unlock)
        self.status.setObjectName("kioskPinStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("PIN message")
        self.keypad.set_target(self.field)
        for button, tip in (
            (self.unlock_button, "Check the PIN and leave kiosk mode"),
            (self.cancel_button, "Go back to the reader"),
        ):
            button.setMinimumSize(180, 72)
            button.setToolTip(tip)
            button.setAccessibleName(button.text())
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.cancel_button.clicked.connect(self.reject)
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(16)
        for part in (self.prompt, self.field, self.status, self.keypad):
            layout.addWidget(part)
        layout.addLayout(buttons)
        self.setTabOrder(self.field, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.cancel_button)

    @Slot()
    def try_unlock(self) -> None:
        outcome = self._guard.check(self.field.text())
        self.field.setText("")  # not clear(): that is an edit Ctrl+Z could undo
        if outcome is PinCheck.ACCEPTED:
            self.status.setText("")
            self.accept()
            return
        if outcome is PinCheck.NO_PIN:
            self.status.setText(
                "No administrator PIN is set, so kiosk mode cannot be left from here. "
                "Set one with: python main.py kiosk-pin"
            )
        elif outcome is PinCheck.REFUSED:
            self.status.setText("That PIN is not right.")
        self._update_lock()

    @Slot()
    def _update_lock(self) -> None:
        """While locked out: say how long, and refuse input; afterwards allow it again."""
        seconds = math.ceil(self._guard.seconds_locked())
        locked = seconds > 0
        self.unlock_button.setEnabled(not locked)
        self.field.setEnabled(not locked)
        self.keypad.setEnabled(not locked)
        if locked:
            self.status.setText(f"Too many wrong PINs. Try again in {seconds} seconds.")
            if not self._lock_timer.isActive():
                self._lock_timer.start()
        elif self._lock_timer.isActive():
            self._lock_timer.stop()
            self.status.setText("You can try again now.")
            self.field.setFocus()


class AdminExit(QObject):
    """Gesture -> PIN dialog -> `unlocked`. Owns the gesture filter and the guard."""

    unlocked = Signal()

    def __init__(self, window: QWidget, guard: PinGuard, gesture: AdminGesture) -> None:
        super().__init__(window)
        self._window = window
        self.guard = guard
        self.gesture = gesture
        self.dialog: PinDialog | None = None
        gesture.requested.connect(self.ask_pin)

    @Slot()
    def ask_pin(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return
        dialog = PinDialog(self.guard, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.unlocked)
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()
        dialog.field.setFocus()

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None
