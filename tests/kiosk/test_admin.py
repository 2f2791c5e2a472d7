"""Administrator exit: the gesture asks for the PIN; the right PIN unlocks, a wrong one is
refused, and repeated wrong PINs lock the dialog out (clock injected)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.kiosk.admin import AdminExit, AdminGesture
from reader.kiosk.pin import PinGuard, hash_pin
from reader.kiosk.pin_overlay import PinOverlay

PIN = "482913"
CHORD = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin(PIN)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def guard(stored: str, clock: FakeClock) -> PinGuard:
    return PinGuard(stored, clock=clock)


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(1024, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def gesture(window: QWidget) -> Iterator[AdminGesture]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    watcher = AdminGesture(window, hold_ms=60, corner_px=96)
    watcher.start(app)
    yield watcher
    watcher.stop(app)


@pytest.fixture
def dialog(qtbot: QtBot, guard: PinGuard, window: QWidget) -> PinOverlay:
    widget = PinOverlay(guard, window, refresh_ms=10)
    widget.open()
    qtbot.waitUntil(widget.isVisible)
    return widget


def _type_on_keypad(qtbot: QtBot, dialog: PinOverlay, digits: str) -> None:
    for digit in digits:
        qtbot.mouseClick(dialog.keypad.keys[digit], Qt.MouseButton.LeftButton)


def _attempt(qtbot: QtBot, dialog: PinOverlay, digits: str) -> None:
    _type_on_keypad(qtbot, dialog, digits)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)


def test_a_long_press_on_the_corner_asks_for_the_pin(
    qtbot: QtBot, window: QWidget, gesture: AdminGesture
) -> None:
    with qtbot.waitSignal(gesture.requested, timeout=2000):
        qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))


def test_a_short_press_or_a_press_elsewhere_does_not(
    qtbot: QtBot, window: QWidget, gesture: AdminGesture
) -> None:
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert gesture.holding
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert not gesture.holding, "lifting the finger cancels"
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(300, 20))
    assert not gesture.holding, "only the corner counts"
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(300, 20))
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.mouseMove(window, QPoint(400, 400))
    assert not gesture.holding, "sliding out of the corner cancels"
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(400, 400))


def test_the_key_chord_asks_for_the_pin(qtbot: QtBot, window: QWidget, gesture: AdminGesture) -> None:
    with qtbot.waitSignal(gesture.requested):
        qtbot.keyClick(window, Qt.Key.Key_K, CHORD)
    with qtbot.assertNotEmitted(gesture.requested):
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)


def test_the_right_pin_is_accepted(qtbot: QtBot, dialog: PinOverlay) -> None:
    with qtbot.waitSignal(dialog.accepted):
        _attempt(qtbot, dialog, PIN)
    assert not dialog.isVisible()


def test_a_wrong_pin_is_refused_with_a_message(qtbot: QtBot, dialog: PinOverlay, guard: PinGuard) -> None:
    with qtbot.assertNotEmitted(dialog.accepted):
        _attempt(qtbot, dialog, "111111")
    assert dialog.isVisible()
    assert dialog.status.text() == "That PIN is not right."
    assert dialog.field.text() == "", "the wrong PIN is not left on screen"
    assert guard.failures == 1


def test_wrong_pins_are_rate_limited(qtbot: QtBot, dialog: PinOverlay, clock: FakeClock) -> None:
    for _ in range(3):
        _attempt(qtbot, dialog, "111111")
    assert dialog.status.text() == "Too many wrong PINs. Try again in 30 seconds."
    assert not dialog.unlock_button.isEnabled() and not dialog.field.isEnabled()
    clock.now += 12
    qtbot.waitUntil(lambda: "18 seconds" in dialog.status.text())
    with qtbot.assertNotEmitted(dialog.accepted):
        dialog.field.setText(PIN)
        dialog.try_unlock()  # even the right PIN is not checked while locked
    clock.now += 18
    qtbot.waitUntil(dialog.unlock_button.isEnabled)
    assert dialog.status.text() == "You can try again now."
    with qtbot.waitSignal(dialog.accepted):
        _attempt(qtbot, dialog, PIN)


def test_without_a_pin_the_pad_says_how_to_set_one(qtbot: QtBot, window: QWidget) -> None:
    pad = PinOverlay(PinGuard(""), window)
    pad.open()
    assert "No administrator PIN is set" in pad.prompt.text()
    assert "health-reader kiosk-pin" in pad.prompt.text()
    assert not pad.field.isVisible() and not pad.keypad.isVisible() and not pad.unlock_button.isVisible()
    assert pad.cancel_button.isVisible() and pad.cancel_button.hasFocus()
    with qtbot.waitSignal(pad.rejected):
        qtbot.mouseClick(pad.cancel_button, Qt.MouseButton.LeftButton)
    assert not pad.isVisible()


def test_the_pad_is_inside_the_window_and_covers_it(
    qtbot: QtBot, window: QWidget, dialog: PinOverlay
) -> None:
    assert not dialog.isWindow(), "no window of its own: no title bar, no minimise or close"
    assert dialog.window() is window
    assert dialog.geometry() == window.rect()
    window.resize(900, 700)
    qtbot.waitUntil(lambda: dialog.geometry() == window.rect())
    offset = dialog.card.geometry().center() - dialog.rect().center()
    assert abs(offset.x()) <= 2 and abs(offset.y()) <= 2, "the card sits in the middle"


def test_tab_stays_in_the_pad(qtbot: QtBot, window: QWidget, dialog: PinOverlay) -> None:
    from PySide6.QtWidgets import QPushButton

    behind = QPushButton("Behind", window)
    behind.show()
    dialog.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    dialog.open()
    assert dialog.field.hasFocus()
    seen = set()
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
        seen.add(QApplication.focusWidget())
    assert behind not in seen
    assert seen <= {dialog.field, dialog.unlock_button, dialog.cancel_button}


def test_gesture_then_pin_unlocks(
    qtbot: QtBot, window: QWidget, gesture: AdminGesture, guard: PinGuard
) -> None:
    admin = AdminExit(window, guard, gesture)
    qtbot.keyClick(window, Qt.Key.Key_K, CHORD)
    dialog = admin.pad
    assert dialog is not None and dialog.isVisible()
    assert not dialog.isWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, CHORD)
    assert admin.pad is dialog, "one pad at a time"
    with qtbot.waitSignal(admin.unlocked):
        _attempt(qtbot, dialog, PIN)
    assert admin.pad is None


def test_the_pin_dialog_is_large_and_named(dialog: PinOverlay) -> None:
    for button in (dialog.unlock_button, dialog.cancel_button, *dialog.keypad.keys.values()):
        assert button.height() >= 56 and button.width() >= 56
        assert button.accessibleName() and button.toolTip()
    assert dialog.field.echoMode() == dialog.field.EchoMode.Password
