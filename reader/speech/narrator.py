"""The narrator: speaks a script one utterance at a time through a Qt TextToSpeech engine,
with pauses around headings, pause/resume/stop, three speeds and a voice per language.

It reports what it is saying by signal (the index and anchor of each utterance), so a view can
highlight it. The engine is opened on first use; when none can be, `unavailableReason()` says
why and what to install, and `speak()` refuses with `failed` instead of staying silent.
"""

from __future__ import annotations

import logging
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

    from reader.speech.script import Script, Utterance

log = logging.getLogger(__name__)


class Speed(Enum):
    SLOWER = "slower"
    NORMAL = "normal"
    FASTER = "faster"

    @property
    def rate(self) -> float:
        """Qt's rate: -1 (slowest) to 1 (fastest); the ends are hard to follow."""
        return {"slower": -0.35, "normal": 0.0, "faster": 0.35}[self.value]

    def step(self, steps: int) -> Speed:
        order = list(Speed)
        return order[max(0, min(len(order) - 1, order.index(self) + steps))]


class NarratorState(Enum):
    IDLE = "idle"
    SPEAKING = "speaking"
    PAUSED = "paused"


class VoiceMemory(Protocol):
    """Where the chosen voice of each language is kept (the settings file; memory in a kiosk)."""

    def speech_voice(self, language: str) -> str: ...

    def set_speech_voice(self, language: str, name: str) -> None: ...


class Narrator(QObject):
    """Speaks scripts. `engine_name` "" picks the first real engine that has a voice."""

    utteranceStarted = Signal(int, str, str)  # noqa: N815 - index, anchor, text
    stateChanged = Signal(str)  # noqa: N815 - a NarratorState value
    finished = Signal()  # the script was spoken to its end (not after stop())
    failed = Signal(str)  # the engine could not be opened or reported an error: the reason

    def __init__(
        self, engine_name: str = "", memory: VoiceMemory | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._engine_name = engine_name
        self._memory = memory
        self._engine: QTextToSpeech | None = None
        self._voice_lists: dict[tuple[int, str], list[Any]] = {}  # (engine, language) -> its voices
        self._reason = ""  # why there is no engine, once tried
        self._script: Script | None = None
        self._index = -1
        self._waiting = False  # said an utterance, waiting for the engine to be ready again
        self._state = NarratorState.IDLE
        self._speed = Speed.NORMAL
        self._gap = QTimer(self)  # the pause around a heading
        self._gap.setSingleShot(True)
        self._gap.timeout.connect(self._say_current)

    # --- the engine ------------------------------------------------------------------------------

    def engine(self) -> QTextToSpeech | None:
        """The engine, opened on the first call; None (and `unavailableReason()`) when there is none."""
        if self._engine is None and not self._reason:
            from reader.speech.engine import SpeechUnavailableError, open_engine  # not at start-up

            try:
                self._engine = open_engine(self._engine_name, self)
            except SpeechUnavailableError as exc:
                self._reason = str(exc)
                log.warning("read aloud unavailable: %s", exc)
                return None
            self._engine.stateChanged.connect(self._on_engine_state)
            self._engine.setRate(self._speed.rate)
        return self._engine

    def unavailableReason(self) -> str:  # noqa: N802 - Qt-style accessor beside the signals
        """ "" when speech works; otherwise why not and what to install (opens the engine)."""
        self.engine()
        return self._reason

    def is_open(self) -> bool:
        """Whether an engine was opened (nothing is imported or opened by asking)."""
        return self._engine is not None

    def known_problem(self) -> str:
        """Why there is no engine, if opening one was already tried and failed (opens nothing)."""
        return self._reason

    def engine_name(self) -> str:
        engine = self._engine
        return str(engine.engine()) if engine is not None else ""

    # --- speaking --------------------------------------------------------------------------------

    @property
    def state(self) -> NarratorState:
        return self._state

    @property
    def script(self) -> Script | None:
        return self._script

    def current(self) -> Utterance | None:
        if self._script is None or not 0 <= self._index < len(self._script.utterances):
            return None
        return self._script.utterances[self._index]

    def speak(self, script: Script) -> bool:
        """Stop whatever is being said and speak `script` from its start; False if it cannot."""
        self.stop()
        engine = self.engine()
        if engine is None:
            self.failed.emit(self._reason)
            return False
        if not script.utterances:
            return False
        self._choose_voice(engine, script.language)
        self._script, self._index = script, -1
        self._set_state(NarratorState.SPEAKING)
        self._next()
        return True

    def _next(self) -> None:
        assert self._script is not None
        previous = self.current()
        self._index += 1
        utterance = self.current()
        if utterance is None:
            self._script, self._index = None, -1
            self._set_state(NarratorState.IDLE)
            self.finished.emit()
            return
        gap = (previous.pause_after_ms if previous is not None else 0) + utterance.pause_before_ms
        if gap > 0:
            self._gap.start(gap)
        else:
            self._say_current()

    @Slot()
    def _say_current(self) -> None:
        utterance = self.current()
        if utterance is None or self._engine is None or self._state is not NarratorState.SPEAKING:
            return
        self.utteranceStarted.emit(self._index, utterance.anchor, utterance.text)
        self._waiting = True
        self._engine.say(utterance.text)

    @Slot(object)
    def _on_engine_state(self, state: Any) -> None:
        engine = self._engine
        if engine is None:
            return
        if state == state.Error:
            reason = engine.errorString() or "the speech engine reported an error"
            log.warning("read aloud stopped: %s", reason)
            self.stop()
            self.failed.emit(reason)
        elif state == state.Ready and self._waiting and self._state is NarratorState.SPEAKING:
            self._waiting = False
            self._next()

    def pause(self) -> None:
        if self._state is not NarratorState.SPEAKING:
            return
        if self._gap.isActive():
            self._gap.stop()  # resume() says the next utterance at once
        elif self._engine is not None:
            self._engine.pause(self._engine.BoundaryHint.Immediate)
        self._set_state(NarratorState.PAUSED)

    def resume(self) -> None:
        if self._state is not NarratorState.PAUSED:
            return
        self._set_state(NarratorState.SPEAKING)
        if self._waiting and self._engine is not None:
            self._engine.resume()
        else:
            self._say_current()

    def toggle_pause(self) -> None:
        if self._state is NarratorState.SPEAKING:
            self.pause()
        elif self._state is NarratorState.PAUSED:
            self.resume()

    def stop(self) -> None:
        """Stop at once and forget the script (the kiosk's reset, Home, a new topic)."""
        self._gap.stop()
        was_busy = self._state is not NarratorState.IDLE
        self._script, self._index, self._waiting = None, -1, False
        if self._engine is not None and was_busy:
            self._engine.stop(self._engine.BoundaryHint.Immediate)
        self._set_state(NarratorState.IDLE)

    def _set_state(self, state: NarratorState) -> None:
        if state is not self._state:
            self._state = state
            self.stateChanged.emit(state.value)

    # --- speed and voice ---------------------------------------------------------------------------

    @property
    def speed(self) -> Speed:
        return self._speed

    def set_speed(self, speed: Speed) -> None:
        """Takes effect from the next utterance."""
        self._speed = speed
        if self._engine is not None:
            self._engine.setRate(speed.rate)

    def voices(self, language: str) -> list[str]:
        """Names of the engine's voices for a language ("en" matches "en-GB"); empty without an engine."""
        engine = self.engine()
        if engine is None:
            return []
        return [v.name() for v in self._voices_of(engine, language)]

    def use_language(self, language: str) -> str:
        """Switch to the remembered (or first) voice of `language`; returns its name ("" if none)."""
        engine = self.engine()
        if engine is None:
            return ""
        self._choose_voice(engine, language)
        return self.voice_name()

    def voice_name(self) -> str:
        return str(self._engine.voice().name()) if self._engine is not None else ""

    def set_voice(self, language: str, name: str) -> bool:
        """Use (and remember for `language`) the voice called `name`."""
        engine = self.engine()
        voice = (
            next((v for v in self._voices_of(engine, language) if v.name() == name), None) if engine else None
        )
        if engine is None or voice is None:
            return False
        engine.setVoice(voice)
        if self._memory is not None:
            self._memory.set_speech_voice(language, name)
        return True

    def _voices_of(self, engine: QTextToSpeech, language: str) -> list[Any]:
        """The engine's voices of a language, listed once per engine and language (the list is
        long, and asked for at every Listen and every topic change)."""
        key = (id(engine), language)
        if key not in self._voice_lists:
            from reader.speech.engine import every_voice

            self._voice_lists[key] = voices_for_language(every_voice(engine), language)
        return self._voice_lists[key]

    def _choose_voice(self, engine: QTextToSpeech, language: str) -> None:
        """The remembered voice of the language, else the engine's own voice when it speaks the
        language, else the language's first voice; the engine's default when it has none."""
        voices = self._voices_of(engine, language)
        remembered = self._memory.speech_voice(language) if self._memory is not None else ""
        names = [remembered, engine.voice().name()]
        first = voices[0] if voices else None
        chosen = next((v for name in names for v in voices if v.name() == name), first)
        if chosen is not None and chosen.name() != engine.voice().name():
            engine.setVoice(chosen)


def voices_for_language(voices: list[Any], language: str) -> list[Any]:
    """The voices that speak `language` ("en" matches "en-GB"). Qt gives a voice whose language it
    does not know the C locale, which it names "en-POSIX" (espeak-ng's Bishnupriya Manipuri, for
    one): such a voice is never taken for English. Compares Qt's language codes, not BCP 47
    strings: speech-dispatcher with espeak-ng lists over 13,000 voices."""
    from PySide6.QtCore import QLocale

    wanted = QLocale(language.replace("-", "_").split("_")[0]).language()
    if wanted == QLocale.Language.C:
        return []
    return [voice for voice in voices if voice.locale().language() == wanted]
