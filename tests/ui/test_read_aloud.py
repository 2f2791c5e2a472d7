"""Read aloud in the window, with Qt's mock engine: the highlight follows the sentence being
spoken, the controls pause, resume and stop, a comparison row is one utterance, the menus and
shortcuts come from the action table, and with no engine Listen is disabled and says why."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reader.speech.narrator import NarratorState, Speed
from reader.ui.main_window import MainWindow
from reader.ui.read_aloud import ENGINE_VARIABLE
from reader.ui.render import section_anchor
from reader.ui.settings import Settings
from tests.e2e.harness import make_window
from tests.search.conftest import add_other_topic, load_topics

pytest.importorskip("PySide6.QtTextToSpeech")

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, bundled_topic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setenv(ENGINE_VARIABLE, "mock")
    window = make_window(qtbot, [bundled_topic], tmp_path / "reader.ini")
    engine = window.read_aloud.narrator.engine()
    assert engine is not None
    engine.setRate(1.0)  # the mock engine "says" a word in 50 ms at full rate
    return window


def selected_text(window: MainWindow) -> str:
    return window.article.textCursor().selectedText()


def test_the_highlight_follows_the_sentence_being_spoken(qtbot, window: MainWindow, bundled_topic) -> None:
    window.navigate(bundled_topic.id, section_anchor("overview"))
    highlighted: list[str] = []
    window.read_aloud.narrator.utteranceStarted.connect(lambda *_: highlighted.append(selected_text(window)))
    with qtbot.waitSignal(window.read_aloud.narrator.utteranceStarted, timeout=5000):
        window.action_table["listen_section"].trigger()
    qtbot.waitUntil(lambda: len(highlighted) == 3, timeout=15000)
    sentences = [s.text for s in bundled_topic.section("overview").sentences()]
    assert highlighted[1:] == sentences  # each sentence selected (and marked) as it is spoken
    spoken = window.article.anchor_position("ov-causes")
    assert window.article.is_position_visible(spoken)
    window.read_aloud.stop()


def test_listen_starts_at_the_section_being_read_and_keeps_it_in_view(qtbot, window, bundled_topic) -> None:
    window.navigate(bundled_topic.id, section_anchor("talk-to-doctor"))
    said: list[str] = []
    window.read_aloud.narrator.utteranceStarted.connect(lambda _i, _a, text: said.append(text))
    with qtbot.waitSignal(window.read_aloud.narrator.finished, timeout=15000):
        qtbot.keyClick(window.article, Qt.Key.Key_L, CTRL_SHIFT)
    section = bundled_topic.section("talk-to-doctor")
    assert said == [section.title, *(s.text for s in section.sentences())]


def test_pause_resume_and_stop_from_the_controls(qtbot, window: MainWindow, bundled_topic) -> None:
    controls = window.speech_toolbar
    assert not controls.pause_button.isEnabled() and not controls.stop_button.isEnabled()
    window.navigate(bundled_topic.id, section_anchor("vertebroplasty"))
    qtbot.mouseClick(controls.listen_button, Qt.MouseButton.LeftButton)
    narrator = window.read_aloud.narrator
    qtbot.waitUntil(lambda: narrator.state is NarratorState.SPEAKING)
    assert controls.pause_button.isEnabled() and controls.stop_button.isEnabled()
    qtbot.mouseClick(controls.pause_button, Qt.MouseButton.LeftButton)
    assert narrator.state is NarratorState.PAUSED
    assert controls.pause_button.text() == "Resume"
    qtbot.mouseClick(controls.pause_button, Qt.MouseButton.LeftButton)
    assert narrator.state is NarratorState.SPEAKING and controls.pause_button.text() == "Pause"
    qtbot.mouseClick(controls.stop_button, Qt.MouseButton.LeftButton)
    assert narrator.state is NarratorState.IDLE
    assert not controls.stop_button.isEnabled()


def test_a_comparison_row_is_spoken_as_one_utterance(qtbot, window: MainWindow, bundled_topic) -> None:
    window.navigate(bundled_topic.id)
    window.pages.setCurrentWidget(window.comparison)
    row = [a.id for a in bundled_topic.comparison.attributes].index("going-home")
    window.comparison.select_cell(row, 0)
    window.pages.setCurrentWidget(window.comparison)  # selecting a cell may show its source sentence
    said: list[str] = []
    window.read_aloud.narrator.utteranceStarted.connect(lambda _i, _a, text: said.append(text))
    with qtbot.waitSignal(window.read_aloud.narrator.finished, timeout=15000):
        window.action_table["listen"].trigger()
    assert len(said) == 1
    assert said[0].startswith("Going home. Vertebroplasty: ") and "Kyphoplasty: " in said[0]


def test_the_sentence_at_the_cursor(qtbot, window: MainWindow, bundled_topic) -> None:
    window.navigate(bundled_topic.id, "vp-home")
    cursor = window.article.textCursor()
    cursor.setPosition(window.article.anchor_position("vp-home") + 3)
    window.article.setTextCursor(cursor)
    assert window.read_aloud.sentence_at_cursor() == "vp-home"
    said: list[str] = []
    window.read_aloud.narrator.utteranceStarted.connect(lambda _i, _a, text: said.append(text))
    with qtbot.waitSignal(window.read_aloud.narrator.finished, timeout=10000):
        window.action_table["listen_sentence"].trigger()
    assert said == ["You likely will go home the same day."]
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    window.article.setTextCursor(cursor)
    assert window.read_aloud.sentence_at_cursor() == ""  # the title is not a sentence


def test_going_to_another_topic_stops_speech(
    qtbot, content_pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENGINE_VARIABLE, "mock")
    add_other_topic(content_pack)
    topics = load_topics(content_pack)
    window = make_window(qtbot, topics, tmp_path / "reader.ini")
    narrator = window.read_aloud.narrator
    first = window.current_topic().id
    window.action_table["listen"].trigger()
    assert narrator.state is NarratorState.SPEAKING and narrator.script.topic_id == first
    window.speech_toolbar.voice.clear()
    window.navigate(next(t.id for t in topics if t.id != first))
    assert narrator.state is NarratorState.IDLE  # at once, not after the sentence being said
    assert window.speech_toolbar.voice.count() >= 2  # refilled for the new topic's language


def test_speed_and_voice_are_remembered(qtbot, window: MainWindow, tmp_path: Path) -> None:
    controls = window.speech_toolbar
    window.action_table["speech_faster"].trigger()
    assert window.read_aloud.narrator.speed is Speed.FASTER
    assert controls.speed.currentText() == "Faster"
    controls.speed.setCurrentIndex(0)
    assert window.action_table["speech_slower"].isChecked()
    window.read_aloud.probe()
    assert controls.voice.isEnabled() and controls.voice.count() >= 2
    controls.voice.setCurrentIndex(1)
    controls.voice.activated.emit(1)
    window.close()
    settings = Settings(tmp_path / "reader.ini")
    assert settings.speech_speed == "slower"
    assert settings.speech_voice("en") == controls.voice.itemText(1)


def test_speech_actions_are_in_a_menu_with_shortcuts(window: MainWindow) -> None:
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    speak = menus["Spea&k"]
    assert window.action_table["listen"] in speak.actions()
    assert window.action_table["listen"].shortcut().toString() == "Ctrl+Shift+L"
    assert "Ctrl+Shift+L" in window.action_table["listen"].toolTip()


def test_with_no_engine_listen_is_disabled_and_says_why(
    qtbot, bundled_topic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENGINE_VARIABLE, "no-such-engine")
    window = make_window(qtbot, [bundled_topic], tmp_path / "reader.ini")
    listen = window.action_table["listen"]
    assert listen.isEnabled()  # nothing is known before the probe: start-up does not load speech
    reason = window.read_aloud.probe()
    assert reason
    button = window.speech_toolbar.listen_button
    assert not listen.isEnabled() and not button.isEnabled()
    assert button.toolTip().startswith("Reading aloud is not available")
    assert "Install" in button.toolTip() and "speech-dispatcher" in button.toolTip()
    assert not window.speech_toolbar.voice.isEnabled()
    assert window.statusBar().currentMessage() == f"Read aloud is off: {reason}"


def test_the_voice_box_keeps_its_width_whatever_the_voices(qtbot, window: MainWindow) -> None:
    """Hundreds of long voice names arrive after the paint; a later re-polish (the focus-ring style
    installed at the first focus move, a theme change) must not widen the box into the toolbar's
    overflow. Its list is wide enough for the longest name."""
    from PySide6.QtWidgets import QApplication

    voice = window.speech_toolbar.voice
    voice.clear()
    empty = voice.sizeHint().width()
    names = [f"English (Received Pronunciation)+a rather long voice name {n}" for n in range(300)]
    voice.addItems(names)
    QApplication.style().unpolish(voice)
    QApplication.style().polish(voice)
    assert voice.sizeHint().width() == empty
    window.speech_toolbar.fill_voices()  # as the engine fills it: its list as wide as its names
    view = voice.view()
    assert view.minimumWidth() >= max((view.sizeHintForColumn(0), 1))
