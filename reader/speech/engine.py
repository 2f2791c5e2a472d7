"""Qt TextToSpeech engines and voices, imported only when speech is first used.

`PySide6.QtTextToSpeech` (PySide6-Addons) is never imported at start-up: `load_module()` does it
on the first call and remembers a failure. `open_engine()` returns a ready engine or says, in
words a person setting up the machine can act on, why there is none.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

MOCK_ENGINE = "mock"  # Qt's test engine: it speaks nothing; only asked for by name (tests)
# Engines tried in order when none is named; the first that opens with a voice is used.
PREFERRED_ENGINES = ("speechd", "flite", "sapi", "winrt", "darwin", "macos", "android")

FALLBACK_LANGUAGE = "en"  # the engine's starting language when the system has none ("C")

_module: ModuleType | None = None
_import_error = ""


def install_hint() -> str:
    """What to install for a voice on this platform."""
    if sys.platform.startswith("linux"):
        return (
            "Install speech-dispatcher with a voice, e.g. on Debian/Ubuntu: "
            "sudo apt install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng"
        )
    if sys.platform == "win32":
        return "Add a voice in Windows Settings > Time & language > Speech"
    if sys.platform == "darwin":
        return "Add a voice in System Settings > Accessibility > Spoken content"
    return "Install a text-to-speech voice for this system"


class SpeechUnavailableError(Exception):
    """No engine or no voice: the message says why and what to install."""


def load_module() -> ModuleType:
    """`PySide6.QtTextToSpeech`, imported on the first call."""
    global _module, _import_error
    if _module is not None:
        return _module
    if _import_error:
        raise SpeechUnavailableError(_import_error)
    try:
        from PySide6 import QtTextToSpeech
    except ImportError as exc:
        _import_error = f"Qt TextToSpeech is not installed ({exc}); it comes with PySide6-Addons."
        raise SpeechUnavailableError(_import_error) from None
    _module = QtTextToSpeech
    return _module


def engine_names() -> list[str]:
    """The engines Qt found, real ones first in preference order; the mock engine last."""
    found = [str(name) for name in load_module().QTextToSpeech.availableEngines()]
    order = {name: n for n, name in enumerate(PREFERRED_ENGINES)}
    return sorted(found, key=lambda name: (name == MOCK_ENGINE, order.get(name, len(order)), name))


def open_engine(name: str = "", parent: QObject | None = None) -> QTextToSpeech:
    """A ready engine with at least one voice: `name`, or the first real engine that works.

    Raises SpeechUnavailableError saying what failed and what to install."""
    module = load_module()
    candidates = [name] if name else [n for n in engine_names() if n != MOCK_ENGINE]
    if not candidates:
        raise SpeechUnavailableError(f"No speech engine was found. {install_hint()}.")
    problems = []
    for candidate in candidates:
        engine = _construct(module, candidate, parent)
        problem = _problem_of(engine)
        if problem is None:
            log.info("speech engine %s with %d voice(s)", candidate, len(every_voice(engine)))
            return engine
        problems.append(f"{candidate}: {problem}")
        _discard(engine)
    raise SpeechUnavailableError(f"No voice could be used ({'; '.join(problems)}). {install_hint()}.")


def _construct(module: ModuleType, name: str, parent: QObject | None) -> QTextToSpeech:
    """The engine. Under the "C" locale (a bare kiosk session, `LANG=C.UTF-8`) speechd finds no
    voice for the default locale and fails, so the engine starts in English instead."""
    from PySide6.QtCore import QLocale

    if QLocale().language() != QLocale.Language.C:
        return module.QTextToSpeech(name, parent)
    previous = QLocale()
    QLocale.setDefault(QLocale(FALLBACK_LANGUAGE))
    try:
        return module.QTextToSpeech(name, parent)
    finally:
        QLocale.setDefault(previous)


def _discard(engine: QTextToSpeech) -> None:
    """Delete an engine now: a speechd engine cancels every message of the client when it goes,
    so a late deleteLater() would cut off the first sentence of the engine that is used."""
    import shiboken6

    shiboken6.delete(engine)


def _problem_of(engine: QTextToSpeech) -> str | None:
    state = engine.state()
    if state == state.Error:
        return engine.errorString() or "the engine reported an error"
    if not every_voice(engine):
        return "no voices installed"
    return None


def every_voice(engine: QTextToSpeech) -> list[Any]:
    """The engine's voices in every language (`availableVoices()` gives only the current one's)."""
    return list(engine.allVoices(None))  # type: ignore[arg-type]  # None: every language


@dataclass(frozen=True)
class VoiceInfo:
    """One voice, as plain values."""

    engine: str
    name: str
    language: str  # BCP 47, e.g. "en-GB"
    gender: str


def voice_info(engine_name: str, voice: Any) -> VoiceInfo:
    locale = voice.locale()
    return VoiceInfo(engine_name, voice.name(), locale.bcp47Name(), str(voice.genderName(voice.gender())))


def all_voices() -> tuple[list[VoiceInfo], list[str]]:
    """Every voice of every real engine, and the problems of the engines that gave none."""
    voices: list[VoiceInfo] = []
    problems: list[str] = []
    for name in (n for n in engine_names() if n != MOCK_ENGINE):
        try:
            engine = open_engine(name)
        except SpeechUnavailableError as exc:
            problems.append(str(exc))
            continue
        voices.extend(voice_info(name, v) for v in every_voice(engine))
        _discard(engine)
    return voices, problems
