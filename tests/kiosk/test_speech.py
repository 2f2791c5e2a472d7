"""Read aloud in the kiosk (Qt's mock engine): large buttons on the kiosk bar, speech stopped by
the idle reset and by Home with the speed back to the configured one, and `read_aloud: false`
switching it all off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.content.model import Topic
from reader.kiosk.config import KioskConfig
from reader.speech.narrator import NarratorState, Speed
from reader.ui.actions import SPEECH_ACTIONS
from reader.ui.read_aloud import ENGINE_VARIABLE
from tests.kiosk.conftest import Kiosk, start_kiosk

pytest.importorskip("PySide6.QtTextToSpeech")

SHORT = KioskConfig(enabled=True, idle_seconds=30, warning_seconds=20, speech_speed="slower")


@pytest.fixture
def speaking_kiosk(
    qtbot: QtBot, bundled_topic: Topic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Kiosk]:
    monkeypatch.setenv(ENGINE_VARIABLE, "mock")
    running = start_kiosk(qtbot, [bundled_topic], tmp_path, SHORT, second_ms=10)
    running.session.idle.stop()
    yield running
    running.session.stop()


def _listen(qtbot: QtBot, kiosk: Kiosk) -> None:
    kiosk.session.show_pages()
    button = kiosk.session.speech.bar.widgetForAction(kiosk.window.action_table["listen"])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.window.read_aloud.narrator.state is NarratorState.SPEAKING)


def test_the_kiosk_bar_has_large_speech_buttons(speaking_kiosk: Kiosk) -> None:
    bar = speaking_kiosk.session.speech.bar
    assert bar is not None and bar.isVisible()
    actions = speaking_kiosk.window.action_table
    for name in ("listen", "pause_speech", "stop_speech"):
        button = bar.widgetForAction(actions[name])
        assert button is not None, name
        assert button.minimumWidth() >= 112 and button.minimumHeight() >= 72
    assert not actions["pause_speech"].isEnabled() and not actions["stop_speech"].isEnabled()  # silent
    speed = speaking_kiosk.session.speech.speed_button
    assert speed is not None and speed.text() == "Speed: Slower"  # the configured speed
    assert not speaking_kiosk.window.speech_toolbar.isVisible()  # the desktop toolbar is not shown


def test_the_idle_reset_stops_speech_and_restores_the_speed(qtbot: QtBot, speaking_kiosk: Kiosk) -> None:
    session, window = speaking_kiosk.session, speaking_kiosk.window
    window.action_table["speech_faster"].trigger()
    _listen(qtbot, speaking_kiosk)
    with qtbot.waitSignal(session.idle.resetRequested, timeout=5000):
        session.idle.start(QApplication.instance())
    assert window.read_aloud.narrator.state is NarratorState.IDLE
    assert window.read_aloud.narrator.script is None
    assert window.read_aloud.narrator.speed is Speed.SLOWER
    assert session.speech.speed_button.text() == "Speed: Slower"


def test_home_stops_speech(qtbot: QtBot, speaking_kiosk: Kiosk) -> None:
    _listen(qtbot, speaking_kiosk)
    home = speaking_kiosk.session.bar.widgetForAction(speaking_kiosk.session.home_action)
    qtbot.mouseClick(home, Qt.MouseButton.LeftButton)
    assert speaking_kiosk.window.read_aloud.narrator.state is NarratorState.IDLE


def test_read_aloud_off_switches_the_actions_off(
    qtbot: QtBot, bundled_topic: Topic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENGINE_VARIABLE, "mock")
    kiosk = start_kiosk(qtbot, [bundled_topic], tmp_path, KioskConfig(enabled=True, read_aloud=False))
    try:
        for name in SPEECH_ACTIONS:
            action = kiosk.window.action_table[name]
            assert not action.isEnabled() and not action.isVisible(), name
        assert kiosk.session.speech.bar is None
    finally:
        kiosk.session.stop()
