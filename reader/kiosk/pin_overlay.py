"""The administrator's PIN pad, drawn inside the kiosk window over a dimmed backdrop: no window
of its own (a window manager would give a separate window minimise, maximise and close
buttons), and with no PIN configured it says how to set one instead of asking for it.
Its texts, the current message included, are re-translated in place.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from reader.kiosk.cover import WindowCover
from reader.kiosk.fonts import scaled_font
from reader.kiosk.keyboard import DIGITS, OnScreenKeyboard
from reader.kiosk.keyboard_follow import OWN_KEYPAD
from reader.kiosk.pin import MAX_PIN_DIGITS, PinCheck, PinGuard
from reader.ui.plaintext import plain_label

CARD_WIDTH = 560


def _prompt() -> str:
    return QCoreApplication.translate("PinOverlay", "Enter the administrator PIN to leave kiosk mode.")


def _no_pin() -> str:
    return QCoreApplication.translate(
        "PinOverlay",
        "No administrator PIN is set, so kiosk mode cannot be left from here. "
        "To set one, an administrator runs this command on this computer and restarts the reader:\n"
        "{command}\n"
        "(from a source checkout: {checkout_command}). See docs/kiosk.md.",
    ).format(command="health-reader kiosk-pin", checkout_command="python main.py kiosk-pin")


# The message under the PIN field, kept by kind so a language change can say it again.
REFUSED, NO_PIN, LOCKED, AGAIN = "refused", "no-pin", "locked", "again"


class PinOverlay(WindowCover):
    """Covers its parent window and asks for the PIN; `accepted` when the guard accepts it,
    `rejected` on Cancel (or Escape), `finished` after either."""

    accepted = Signal()
    rejected = Signal()
    finished = Signal()

    def __init__(self, guard: PinGuard, parent: QWidget, *, refresh_ms: int = 1000) -> None:
        super().__init__(parent)
        self._guard = guard
        self.setObjectName("kioskPinOverlay")
        self.card = QFrame(self)
        self.prompt = plain_label("")
        self.field = QLineEdit()
        self.status = plain_label("")
        self._message: tuple[str, int] = ("", 0)  # the status message's kind and its seconds
        self.keypad = OnScreenKeyboard(self, rows=DIGITS, key_px=80)
        self.unlock_button = QPushButton()
        self.cancel_button = QPushButton()
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(refresh_ms)
        self._lock_timer.timeout.connect(self._update_lock)
        self._build()
        self._lay_out()
        self.retranslate()
        self._update_lock()

    def retranslate(self) -> None:
        has_pin = self._guard.has_pin
        self.setAccessibleName(QCoreApplication.translate("PinOverlay", "Administrator PIN"))
        self.prompt.setText(_prompt() if has_pin else _no_pin())
        self.field.setAccessibleName(QCoreApplication.translate("PinOverlay", "PIN"))
        self.field.setToolTip(QCoreApplication.translate("PinOverlay", "The administrator PIN (digits)"))
        self.status.setAccessibleName(QCoreApplication.translate("PinOverlay", "PIN message"))
        self.unlock_button.setText(QCoreApplication.translate("PinOverlay", "Unlock"))
        self.unlock_button.setToolTip(
            QCoreApplication.translate("PinOverlay", "Check the PIN and leave kiosk mode")
        )
        self.cancel_button.setText(
            QCoreApplication.translate("PinOverlay", "Cancel")
            if has_pin
            else QCoreApplication.translate("PinOverlay", "Back to the reader")
        )
        self.cancel_button.setToolTip(QCoreApplication.translate("PinOverlay", "Go back to the reader"))
        for button in (self.unlock_button, self.cancel_button):
            button.setAccessibleName(button.text())
        self._say(*self._message)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _say(self, kind: str, seconds: int = 0) -> None:
        """Show the status message of `kind` ("" for none) in the current language."""
        self._message = (kind, seconds)
        texts = {
            REFUSED: lambda: QCoreApplication.translate("PinOverlay", "That PIN is not right."),
            NO_PIN: _no_pin,
            LOCKED: lambda: QCoreApplication.translate(
                "PinOverlay", "Too many wrong PINs. Try again in %n seconds.", "", seconds
            ),
            AGAIN: lambda: QCoreApplication.translate("PinOverlay", "You can try again now."),
        }
        self.status.setText(texts[kind]() if kind in texts else "")

    def _build(self) -> None:
        big = scaled_font(1.3)
        for widget in (self.prompt, self.field, self.status, self.unlock_button, self.cancel_button):
            widget.setFont(big)
        self.prompt.setObjectName("kioskPinPrompt")
        self.prompt.setWordWrap(True)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(MAX_PIN_DIGITS)
        self.field.setMinimumHeight(64)
        self.field.setProperty(OWN_KEYPAD, True)  # the letter keyboard stays down
        self.field.returnPressed.connect(self.try_unlock)
        self.status.setObjectName("kioskPinStatus")
        self.status.setWordWrap(True)
        self.keypad.set_target(self.field)
        for button in (self.unlock_button, self.cancel_button):
            button.setMinimumSize(180, 72)
            button.setAutoDefault(False)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.cancel_button.clicked.connect(self.reject)
        pin_parts: tuple[QWidget, ...] = (self.field, self.keypad, self.unlock_button, self.status)
        for part in pin_parts:
            part.setVisible(self._guard.has_pin)
            part.setEnabled(self._guard.has_pin)

    def _lay_out(self) -> None:
        card = self.card
        card.setObjectName("kioskPinCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setAutoFillBackground(True)
        card.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        card.setMinimumWidth(CARD_WIDTH)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(16)
        for part in (self.prompt, self.field, self.status, self.keypad):
            layout.addWidget(part)
        layout.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)

    # --- showing and closing -------------------------------------------------------------------

    def open(self) -> None:
        """Cover the window and take the focus (the PIN field, or the only button)."""
        self.cover()
        (self.field if self._guard.has_pin and self.field.isEnabled() else self.cancel_button).setFocus()

    @Slot()
    def accept(self) -> None:
        self._close()
        self.accepted.emit()
        self.finished.emit()

    @Slot()
    def reject(self) -> None:
        self._close()
        self.rejected.emit()
        self.finished.emit()

    def _close(self) -> None:
        self.field.setText("")
        self._lock_timer.stop()
        self.hide()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt override
        """Tab goes round the pad's own controls, never to the reader behind it."""
        chain = [
            w for w in (self.field, self.unlock_button, self.cancel_button) if w.isEnabled() and w.isVisible()
        ]
        if not chain:
            return True
        current = self.focusWidget()
        index = chain.index(current) if current in chain else -1
        chain[(index + (1 if next else -1)) % len(chain)].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        event.accept()  # nothing typed here reaches the reader behind the pad

    def mousePressEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        """A touch on the backdrop stays here (the reader behind is out of reach)."""

    # --- the PIN --------------------------------------------------------------------------------

    @Slot()
    def try_unlock(self) -> None:
        outcome = self._guard.check(self.field.text())
        self.field.setText("")  # not clear(): that is an edit Ctrl+Z could undo
        if outcome is PinCheck.ACCEPTED:
            self._say("")
            self.accept()
            return
        if outcome is PinCheck.NO_PIN:
            self._say(NO_PIN)
        elif outcome is PinCheck.REFUSED:
            self._say(REFUSED)
        self._update_lock()

    @Slot()
    def _update_lock(self) -> None:
        """While locked out: say how long, and refuse input; afterwards allow it again."""
        if not self._guard.has_pin:
            return
        seconds = math.ceil(self._guard.seconds_locked())
        locked = seconds > 0
        self.unlock_button.setEnabled(not locked)
        self.field.setEnabled(not locked)
        self.keypad.setEnabled(not locked)
        if locked:
            self._say(LOCKED, seconds)
            if not self._lock_timer.isActive():
                self._lock_timer.start()
        elif self._lock_timer.isActive():
            self._lock_timer.stop()
            self._say(AGAIN)
            self.field.setFocus()
