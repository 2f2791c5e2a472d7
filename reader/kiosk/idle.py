"""Idle reset: watches user input app-wide; after a quiet spell it starts a countdown warning,
any input cancels it, and at zero it asks for a reset (`resetRequested`).

Times are in seconds as the user sees them; `second_ms` shortens a second for tests.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

# What counts as someone using the kiosk. Only spontaneous events count (from the platform, or
# QTest), so Qt's own synthetic events and our keyboard's key events cannot keep it awake.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Quiet for `idle_seconds - warning_seconds` -> `warningStarted(seconds)`, then one
    `countdownChanged(seconds)` per second; input -> `warningCancelled()`; zero -> `resetRequested()`.

    After a reset the watcher rests (no new warning on an empty screen) until someone touches it.
    """

    warningStarted = Signal(int)  # noqa: N815 - Qt signal naming
    countdownChanged = Signal(int)  # noqa: N815
    warningCancelled = Signal()  # noqa: N815
    resetRequested = Signal()  # noqa: N815

    def __init__(
        self, idle_seconds: int, warning_seconds: int, *, second_ms: int = 1000, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        if not 0 < warning_seconds < idle_seconds:
            raise ValueError(f"warning ({warning_seconds} s) must be shorter than idle ({idle_seconds} s)")
        self._warning_seconds = warning_seconds
        self._left = 0
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval((idle_seconds - warning_seconds) * second_ms)
        self._quiet.timeout.connect(self._start_warning)
        self._tick = QTimer(self)
        self._tick.setInterval(second_ms)
        self._tick.timeout.connect(self._count_down)
        self._app: QApplication | None = None

    @property
    def warning_active(self) -> bool:
        return self._tick.isActive()

    @property
    def seconds_left(self) -> int:
        """Seconds left on the countdown; 0 when no warning is showing."""
        return self._left if self.warning_active else 0

    @property
    def armed(self) -> bool:
        """Counting a quiet spell (False while warning, after a reset, or when stopped)."""
        return self._quiet.isActive()

    def quiet_ms_left(self) -> int:
        return self._quiet.remainingTime() if self._quiet.isActive() else 0

    def start(self, app: QApplication) -> None:
        """Watch the application's input and start counting a quiet spell."""
        if self._app is None:
            app.installEventFilter(self)
            self._app = app
        self.user_active()

    def stop(self) -> None:
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None
        self._quiet.stop()
        self._tick.stop()

    @Slot()
    def user_active(self) -> None:
        """Someone is here: cancel a warning and count the quiet spell afresh."""
        if self._tick.isActive():
            self._tick.stop()
            log.debug("idle warning cancelled")
            self.warningCancelled.emit()
        self._quiet.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in INPUT_EVENTS and event.spontaneous():
            self.user_active()
        return False

    @Slot()
    def _start_warning(self) -> None:
        self._left = self._warning_seconds
        self._tick.start()
        log.debug("idle warning: %d s", self._left)
        self.warningStarted.emit(self._left)

    @Slot()
    def _count_down(self) -> None:
        self._left -= 1
        if self._left > 0:
            self.countdownChanged.emit(self._left)
            return
        self._tick.stop()
        log.info("idle time reached: resetting the kiosk")
        self.resetRequested.emit()
