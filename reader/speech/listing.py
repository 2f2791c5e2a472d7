"""`health-reader voices`: the speech engines, voices and languages this machine offers, for
the person setting it up. Exit status 1, with what to install, when there is no voice."""

from __future__ import annotations

import sys
from typing import TextIO

from reader.speech.engine import MOCK_ENGINE, SpeechUnavailableError, all_voices, engine_names, install_hint


def list_voices(out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from PySide6.QtCore import QCoreApplication

    _app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])  # engines need one
    try:
        names = engine_names()
        voices, problems = all_voices()
    except SpeechUnavailableError as exc:
        print(f"health-reader: read aloud is not available: {exc}", file=err)
        return 1
    real = [n for n in names if n != MOCK_ENGINE]
    print(f"Speech engines: {', '.join(real) if real else 'none'}", file=out)
    for problem in problems:
        print(f"  problem: {problem}", file=out)
    if not voices:
        print(f"health-reader: no voice was found, so read aloud is off. {install_hint()}.", file=err)
        return 1
    for engine in dict.fromkeys(v.engine for v in voices):
        mine = sorted((v for v in voices if v.engine == engine), key=lambda v: (v.language, v.name))
        print(f"{engine}: {len(mine)} voice(s)", file=out)
        for voice in mine:
            print(f"  {voice.language:<10} {voice.name}  ({voice.gender})", file=out)
    languages = sorted({v.language.split("-")[0] for v in voices})
    print(f"Languages: {', '.join(languages)}", file=out)
    return 0
