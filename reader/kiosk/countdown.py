"""The idle warning a patient sees: a full-window overlay with large text and a countdown,
following an IdleWatcher. Any touch cancels it (the watcher sees the touch, not the overlay).
Its texts are re-translated in place; the countdown keeps its seconds.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Slot
from PySide6.QtWidgets import QFrame, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from reader.kiosk.cover import WindowCover
from reader.kiosk.fonts import scaled_font
from reader.kiosk.idle import IdleWatcher
from reader.ui.plaintext import plain_label

CARD_WIDTH = 880


def countdown_text(seconds: int) -> str:
    """The countdown sentence for `seconds`, in the current language and its plural forms."""
    return QCoreApplication.translate("CountdownOverlay", "The screen will reset in %n seconds.", "", seconds)


def _hint() -> str:
    return QCoreApplication.translate("CountdownOverlay", "Touch anywhere to continue.")


class CountdownOverlay(WindowCover):
    """Covers its parent window while the idle countdown runs."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskCountdown")
        self.seconds = 0
        self.title = plain_label("")
        self.message = plain_label("")
        self.hint = plain_label("")
        self.button = QPushButton()
        self._build()
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("CountdownOverlay", "Reset warning"))
        self.title.setText(QCoreApplication.translate("CountdownOverlay", "Are you still reading?"))
        self.hint.setText(_hint())
        self.button.setText(QCoreApplication.translate("CountdownOverlay", "Continue reading"))
        self.button.setAccessibleName(self.button.text())
        self.button.setToolTip(
            QCoreApplication.translate("CountdownOverlay", "Keep reading; the screen will not reset")
        )
        self.set_seconds(self.seconds)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
        self.seconds = seconds
        text = countdown_text(seconds)
        self.message.setText(text)
        self.setAccessibleDescription(f"{text} {_hint()}")  # two whole sentences, read one after the other
