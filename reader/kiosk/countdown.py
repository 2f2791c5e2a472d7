"""The idle warning a patient sees: a full-window overlay with large text and a countdown,
following an IdleWatcher. Any touch cancels it (the watcher sees the touch, not the overlay).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFrame, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from reader.kiosk.cover import WindowCover
from reader.kiosk.fonts import scaled_font
from reader.kiosk.idle import IdleWatcher
from reader.ui.plaintext import plain_label

TITLE = "Are you still reading?"
HINT = "Touch anywhere to continue."
CARD_WIDTH = 880


def countdown_text(seconds: int) -> str:
    unit = "second" if seconds == 1 else "seconds"
    return f"The screen will reset in {seconds} {unit}."


class CountdownOverlay(WindowCover):
    """Covers its parent window while the idle countdown runs."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskCountdown")
        self.setAccessibleName("Reset warning")
        self.title = plain_label(TITLE)
        self.message = plain_label(countdown_text(0))
        self.hint = plain_label(HINT)
        self.button = QPushButton("Continue reading")
        self._build()

    def _build(self) -> None:
        card = QFrame(self)
        card.setObjectName("kioskCountdownCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setAutoFillBackground(True)
        card.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        card.setMinimumWidth(CARD_WIDTH)  # wrapped labels would otherwise make a narrow column
        layout = QVBoxLayout(card)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(24)
        for label, factor, bold in (
            (self.title, 2.6, True),
            (self.message, 2.0, False),
            (self.hint, 1.6, False),
        ):
            label.setFont(scaled_font(factor, bold=bold))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.title.setObjectName("kioskCountdownTitle")
        self.message.setObjectName("kioskCountdownMessage")
        self.button.setObjectName("kioskCountdownButton")
        self.button.setFont(scaled_font(1.6, bold=True))
        self.button.setMinimumSize(360, 88)
        self.button.setToolTip("Keep reading; the screen will not reset")
        self.button.setAccessibleName("Continue reading")
        self.button.clicked.connect(self.hide)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        outer = QVBoxLayout(self)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)

    def follow(self, watcher: IdleWatcher) -> None:
        watcher.warningStarted.connect(self.show_countdown)
        watcher.countdownChanged.connect(self.set_seconds)
        watcher.warningCancelled.connect(self.hide)
        watcher.resetRequested.connect(self.hide)

    @Slot(int)
    def show_countdown(self, seconds: int) -> None:
        self.set_seconds(seconds)
        self.cover()

    @Slot(int)
    def set_seconds(self, seconds: int) -> None:
        text = countdown_text(seconds)
        self.message.setText(text)
        self.setAccessibleDescription(f"{text} {HINT}")
