"""The narrator with Qt's mock engine: utterances in order, pause/resume/stop, the voice of a
language remembered, and a clear reason (never silence) when no engine can be opened."""

from __future__ import annotations

import pytest

from reader.speech.narrator import Narrator, NarratorState, Speed
from reader.speech.script import Kind, Script, Utterance, section_script

pytest.importorskip("PySide6.QtTextToSpeech")


class Memory:
    def __init__(self) -> None:
        self.voices: dict[str, str] = {}

    def speech_voice(self, language: str) -> str:
        return self.voices.get(language, "")

    def set_speech_voice(self, language: str, name: str) -> None:
        self.voices[language] = name


def fast_mock(memory: Memory | None = None) -> Narrator:
    narrator = Narrator("mock", memory)
    engine = narrator.engine()
    assert engine is not None, narrator.unavailableReason()
    engine.setRate(1.0)  # the mock engine "says" a word in 50 ms at full rate
    return narrator


def short_script(*texts: str) -> Script:
    return Script("t", "en", tuple(Utterance(text, Kind.SENTENCE, f"s{n}") for n, text in enumerate(texts)))


def test_a_script_is_spoken_utterance_by_utterance_in_order(qtbot, bundled_topic) -> None:
    narrator = fast_mock()
    script = section_script(bundled_topic, "overview")
    said: list[tuple[int, str, str]] = []
    narrator.utteranceStarted.connect(lambda i, anchor, text: said.append((i, anchor, text)))
    with qtbot.waitSignal(narrator.finished, timeout=15000):
        assert narrator.speak(script)
    assert [text for _, _, text in said] == [u.text for u in script.utterances]
    assert [i for i, _, _ in said] == list(range(len(script)))
    assert said[0][1] == "overview" and said[1][1] == "ov-what"
    assert narrator.state is NarratorState.IDLE


def test_pause_resume_and_stop(qtbot) -> None:
    narrator = fast_mock()
    said: list[str] = []
    narrator.utteranceStarted.connect(lambda _i, _a, text: said.append(text))
    narrator.speak(short_script("one two three four five six seven eight", "second sentence here"))
    qtbot.waitUntil(lambda: narrator.engine().state() == narrator.engine().State.Speaking)
    narrator.pause()
    assert narrator.state is NarratorState.PAUSED
    qtbot.waitUntil(lambda: narrator.engine().state() == narrator.engine().State.Paused)
    qtbot.wait(600)  # longer than the rest of the first sentence: nothing moves on while paused
    assert said == ["one two three four five six seven eight"]
    narrator.resume()
    assert narrator.state is NarratorState.SPEAKING
    qtbot.waitUntil(lambda: len(said) == 2, timeout=5000)
    narrator.stop()
    assert narrator.state is NarratorState.IDLE and narrator.script is None
    qtbot.waitUntil(lambda: narrator.engine().state() == narrator.engine().State.Ready)
    qtbot.wait(300)
    assert len(said) == 2  # stopped for good


def test_a_new_script_replaces_the_one_being_spoken(qtbot) -> None:
    narrator = fast_mock()
    said: list[str] = []
    narrator.utteranceStarted.connect(lambda _i, _a, text: said.append(text))
    narrator.speak(short_script("a long first sentence of many words", "never said"))
    with qtbot.waitSignal(narrator.finished, timeout=5000):
        narrator.speak(short_script("the second script"))
    assert said == ["a long first sentence of many words", "the second script"]


def test_the_voice_of_a_language_is_chosen_and_remembered(qtbot) -> None:
    memory = Memory()
    narrator = fast_mock(memory)
    english = narrator.voices("en")
    assert len(english) >= 2  # the mock engine has several English voices
    assert narrator.set_voice("en", english[1])
    assert memory.voices == {"en": english[1]}
    again = fast_mock(memory)
    assert again.use_language("en") == english[1]
    assert not narrator.set_voice("en", "No Such Voice")


def test_speeds_step_and_stop_at_the_ends() -> None:
    assert Speed.NORMAL.step(-1) is Speed.SLOWER and Speed.SLOWER.step(-1) is Speed.SLOWER
    assert Speed.SLOWER.rate < Speed.NORMAL.rate == 0 < Speed.FASTER.rate


def test_no_engine_says_why_instead_of_staying_silent(qtbot) -> None:
    narrator = Narrator("no-such-engine")
    reason = narrator.unavailableReason()
    assert "no-such-engine" in reason and "Install" in reason
    with qtbot.waitSignal(narrator.failed) as failed:
        assert not narrator.speak(short_script("hello"))
    assert failed.args == [reason]
    assert narrator.voices("en") == []


class _FakeVoice:
    """Stands for a QVoice: a name and a locale, as Qt's engines report them."""

    def __init__(self, name: str, bcp47: str) -> None:
        from PySide6.QtCore import QLocale

        self._name, self._locale = name, QLocale(bcp47)

    def name(self) -> str:
        return self._name

    def locale(self) -> object:
        return self._locale

    def gender(self) -> int:
        return 0

    @staticmethod
    def genderName(_gender: int) -> str:  # noqa: N802 - QVoice's name
        return "Unknown"


def test_a_voice_qt_cannot_place_is_never_taken_for_english() -> None:
    from reader.speech.narrator import voices_for_language

    voices = [
        _FakeVoice("Bishnupriya Manipuri", "C"),  # Qt names the C locale "en-POSIX"
        _FakeVoice("English (America)", "en-US"),
        _FakeVoice("English (Great Britain)", "en-GB"),
        _FakeVoice("Spanish (Spain)", "es-ES"),
    ]
    assert [v.name() for v in voices_for_language(voices, "en")] == [
        "English (America)",
        "English (Great Britain)",
    ]
    assert [v.name() for v in voices_for_language(voices, "es_ES")] == ["Spanish (Spain)"]
