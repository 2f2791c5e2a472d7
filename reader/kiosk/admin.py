"""The administrator's way out of a kiosk: a deliberate gesture (a long press on the window's
top-left corner, or a key chord) opens the PIN pad (reader.kiosk.pin_overlay); the right PIN unlocks.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QApplication, QWidget

from reader.kiosk.pin import PinGuard
from reader.kiosk.pin_overlay import PinOverlay

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


class AdminExit(QObject):
    """Gesture -> PIN pad over the window -> `unlocked`. Owns the gesture filter and the guard."""

    unlocked = Signal()
    padOpened = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, window: QWidget, guard: PinGuard, gesture: AdminGesture) -> None:
        super().__init__(window)
        self._window = window
        self.guard = guard
        self.gesture = gesture
        self.pad: PinOverlay | None = None
        gesture.requested.connect(self.ask_pin)

    @Slot()
    def ask_pin(self) -> None:
        if self.pad is not None and self.pad.isVisible():
            return
        pad = PinOverlay(self.guard, self._window)
        pad.accepted.connect(self.unlocked)
        pad.finished.connect(self._forget_pad)
        self.pad = pad
        pad.open()
        self.padOpened.emit()

    @Slot()
    def _forget_pad(self) -> None:
        if self.pad is not None:
            self.pad.deleteLater()
        self.pad = None
