"""The real path, where speech-dispatcher and espeak-ng are installed: one sentence through
Qt's speechd engine into a WAV file (scripts/check-speech.sh; no sound card needed)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.repo import REPO_ROOT

pytestmark = pytest.mark.slow


def test_one_sentence_is_spoken_into_a_wav_file_without_error() -> None:
    if not (shutil.which("speech-dispatcher") and shutil.which("espeak-ng")):
        pytest.skip("speech-dispatcher and espeak-ng are not installed")
    done = subprocess.run(
        ["bash", str(REPO_ROOT / "scripts" / "check-speech.sh"), sys.executable],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "spoken with no error" in done.stdout
    assert "WAV written by espeak-ng" in done.stdout
    assert done.stdout.rstrip().endswith("speech check passed")
