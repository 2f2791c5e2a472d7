"""Administrator exit: the gesture asks for the PIN; the right PIN unlocks, a wrong one is
refused, and repeated wrong PINs lock the dialog out (clock injected)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from reader.kiosk.admin import AdminExit, AdminGesture, PinDialog
from reader.kiosk.pin import PinGuard, hash_pin

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
def dialog(qtbot: QtBot, guard: PinGuard) -> PinDialog:
    widget = PinDialog(guard, refresh_ms=10)
    qtbot.addWidget(widget)
    widget.open()
    qtbot.waitExposed(widget)
    return widget


def _type_on_keypad(qtbot: QtBot, dialog: PinDialog, digits: str) -> None:
    for digit in digits:
        qtbot.mouseClick(dialog.keypad.keys[digit], Qt.MouseButton.LeftButton)


def _attempt(qtbot: QtBot, dialog: PinDialog, digits: str) -> None:
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


def test_the_right_pin_is_accepted(qtbot: QtBot, dialog: PinDialog) -> None:
    with qtbot.waitSignal(dialog.accepted):
        _attempt(qtbot, dialog, PIN)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_wrong_pin_is_refused_with_a_message(qtbot: QtBot, dialog: PinDialog, guard: PinGuard) -> None:
    with qtbot.assertNotEmitted(dialog.accepted):
        _attempt(qtbot, dialog, "111111")
    assert dialog.isVisible()
    assert dialog.status.text() == "That PIN is not right."
    assert dialog.field.text() == "", "the wrong PIN is not left on screen"
    assert guard.failures == 1


def test_wrong_pins_are_rate_limited(qtbot: QtBot, dialog: PinDialog, clock: FakeClock) -> None:
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


def test_without_a_pin_the_dialog_explains(qtbot: QtBot) -> None:
    dialog = PinDialog(PinGuard(""))
    qtbot.addWidget(dialog)
    dialog.open()
    _attempt(qtbot, dialog, PIN)
    assert "kiosk-pin" in dialog.status.text()
    assert dialog.isVisible()


def test_gesture_then_pin_unlocks(
    qtbot: QtBot, window: QWidget, gesture: AdminGesture, guard: PinGuard
) -> None:
    admin = AdminExit(window, guard, gesture)
    qtbot.keyClick(window, Qt.Key.Key_K, CHORD)
    dialog = admin.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.isModal()
    qtbot.keyClick(window, Qt.Key.Key_K, CHORD)
    assert admin.dialog is dialog, "one dialog at a time"
    with qtbot.waitSignal(admin.unlocked):
        _attempt(qtbot, dialog, PIN)
    assert admin.dialog is None


def test_the_pin_dialog_is_large_and_named(dialog: PinDialog) -> None:
    for button in (dialog.unlock_button, dialog.cancel_button, *dialog.keypad.keys.values()):
        assert button.height() >= 56 and button.width() >= 56
        assert button.accessibleName() and button.toolTip()
    assert dialog.field.echoMode() == dialog.field.EchoMode.Password
