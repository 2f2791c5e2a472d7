"""Idle reset timing: the countdown appears after the quiet spell, one touch cancels it,
and at zero a reset is requested. A "second" lasts 5 ms here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from reader.kiosk.countdown import CountdownOverlay, countdown_text
from reader.kiosk.idle import IdleWatcher

SECOND_MS = 5


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    QVBoxLayout(widget).addWidget(QLineEdit())
    qtbot.addWidget(widget)
    widget.resize(1024, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def watcher(window: QWidget) -> Iterator[IdleWatcher]:
    idle = IdleWatcher(30, 20, second_ms=SECOND_MS, parent=window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    idle.start(app)
    yield idle
    idle.stop()


@pytest.fixture
def overlay(window: QWidget, watcher: IdleWatcher) -> CountdownOverlay:
    widget = CountdownOverlay(window)
    widget.follow(watcher)
    return widget


def test_the_countdown_appears_and_one_click_cancels_it(
    qtbot: QtBot, window: QWidget, watcher: IdleWatcher, overlay: CountdownOverlay
) -> None:
    assert not overlay.isVisible()
    with qtbot.waitSignal(watcher.warningStarted, timeout=2000) as started:
        pass
    assert started.args == [20]
    assert overlay.isVisible()
    assert overlay.geometry() == window.rect(), "it covers the whole window"
    assert overlay.message.text() == "The screen will reset in 20 seconds."
    assert overlay.title.font().pointSizeF() >= 2 * window.font().pointSizeF()
    window.resize(1200, 900)
    assert overlay.geometry() == window.rect(), "and keeps covering it"
    with qtbot.waitSignal(watcher.warningCancelled):
        qtbot.mouseClick(overlay, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert not overlay.isVisible()
    assert not watcher.warning_active and watcher.armed
    with (
        qtbot.assertNotEmitted(watcher.resetRequested),
        qtbot.waitSignal(watcher.warningStarted, timeout=2000) as again,
    ):
        pass
    assert again.args == [20], "the quiet spell and the countdown start afresh"


def test_a_touch_cancels_the_countdown(
    qtbot: QtBot, window: QWidget, watcher: IdleWatcher, overlay: CountdownOverlay
) -> None:
    qtbot.waitSignal(watcher.warningStarted, timeout=2000).wait()
    device = QTest.createTouchDevice()
    with qtbot.waitSignal(watcher.warningCancelled):
        QTest.touchEvent(window, device).press(0, QPoint(300, 300), window).commit()
    QTest.touchEvent(window, device).release(0, QPoint(300, 300), window).commit()
    assert not overlay.isVisible()


def test_at_zero_a_reset_is_requested_and_the_watcher_rests(
    qtbot: QtBot, window: QWidget, watcher: IdleWatcher, overlay: CountdownOverlay
) -> None:
    shown: list[int] = []
    watcher.countdownChanged.connect(shown.append)
    with qtbot.waitSignal(watcher.resetRequested, timeout=3000):
        pass
    assert shown == list(range(19, 0, -1))
    assert not overlay.isVisible()
    assert not watcher.armed and not watcher.warning_active, "no new warning on an empty screen"
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_A)
    assert watcher.armed, "the next person's touch starts counting again"


def test_input_postpones_the_warning(qtbot: QtBot, window: QWidget, watcher: IdleWatcher) -> None:
    full = 10 * SECOND_MS
    qtbot.waitUntil(lambda: watcher.quiet_ms_left() < full // 2)
    qtbot.mouseMove(window, QPoint(100, 100))
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    assert watcher.quiet_ms_left() > full // 2


def test_synthetic_events_do_not_keep_it_awake(qtbot: QtBot, window: QWidget, watcher: IdleWatcher) -> None:
    qtbot.waitUntil(lambda: watcher.quiet_ms_left() < 30)
    QApplication.sendEvent(
        window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    )
    assert watcher.quiet_ms_left() < 30


def test_the_warning_must_be_shorter_than_the_idle_time() -> None:
    with pytest.raises(ValueError, match="shorter"):
        IdleWatcher(20, 20)


@pytest.mark.parametrize(("seconds", "text"), [(20, "in 20 seconds."), (1, "in 1 second.")])
def test_countdown_text(qapp, seconds: int, text: str) -> None:
    from reader.i18n.switcher import language_controller

    assert language_controller().switch("en")  # English's catalogue holds its plural forms
    assert countdown_text(seconds).endswith(text)
