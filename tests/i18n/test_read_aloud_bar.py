"""Issue 16: the read-aloud bar's own texts (its title, Speed and Voice, the speed names) are
marked and re-translate in place; its buttons follow their actions' texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.read_aloud import ENGINE_VARIABLE
from reader.ui.speech_controls import SpeechControls
from tests.e2e.harness import make_window
from tests.i18n_support import is_pseudo, pseudo_language

pytest.importorskip("PySide6.QtTextToSpeech")


def test_the_read_aloud_bar_re_translates_in_place(
    qtbot, bundled_topic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENGINE_VARIABLE, "mock")
    window = make_window(qtbot, [bundled_topic], tmp_path / "reader.ini")
    bar = window.findChild(SpeechControls)
    assert bar is not None
    speeds = [bar.speed.itemText(i) for i in range(bar.speed.count())]
    assert speeds == ["Slower", "Normal", "Faster"]
    with pseudo_language():
        texts = [bar.windowTitle(), bar.accessibleName(), bar.speed_label.text(), bar.voice_label.text()]
        texts += [bar.speed.toolTip(), bar.speed.accessibleName(), bar.voice.accessibleName()]
        texts += [bar.speed.itemText(i) for i in range(bar.speed.count())]
        for text in texts:
            assert is_pseudo(text), text
        listen = bar.listen_button.defaultAction()
        listen.setText("\u00abListen\u00bb")  # what the window's retranslation of its action does
        assert bar.listen_button.accessibleName() == "\u00abListen\u00bb"
    assert [bar.speed.itemText(i) for i in range(bar.speed.count())] == speeds
    assert bar.speed_label.text() == "Speed:" and bar.windowTitle() == "Read aloud"
