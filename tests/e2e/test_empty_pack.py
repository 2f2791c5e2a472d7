"""A pack with no topic (empty, missing, or every file broken) never means a hang or a blank
window: the window shows where it looked and how to add a pack, `--exit-after-paint` ends on
that page, and the commands exit 1 with one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.app import ReaderSession
from reader.content import load_content
from reader.ui.settings import Settings
from reader.ui.theme import ThemeChoice, ThemeController
from tests.repo import REPO_ROOT


def _packs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty"
    (empty / "topics").mkdir(parents=True)
    broken = tmp_path / "broken"
    (broken / "topics").mkdir(parents=True)
    (broken / "topics" / "bad.yaml").write_text("id: [unclosed\n", "utf-8")
    return {"empty": empty, "missing": tmp_path / "missing", "broken": broken}


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[var] = str(tmp_path / var.lower())
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,  # the bug was a hang: a timeout fails the test instead of blocking the suite
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["empty", "missing", "broken"])
@pytest.mark.parametrize("kiosk", [False, True], ids=["window", "kiosk"])
def test_exit_after_paint_ends_on_a_pack_without_topics(tmp_path: Path, kind: str, kiosk: bool) -> None:
    pack = _packs(tmp_path)[kind]
    done = _run(tmp_path, "--content", str(pack), "--exit-after-paint", *(["--kiosk"] if kiosk else []))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("kind", ["empty", "missing"])
@pytest.mark.parametrize("command", [["check"], ["search", "balloon"], ["search", "x", "--json"], ["index"]])
def test_commands_say_no_topics_in_one_line_and_exit_1(tmp_path: Path, kind: str, command: list[str]) -> None:
    pack = _packs(tmp_path)[kind]
    done = _run(tmp_path, *command, "--content", str(pack))
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines == [lines[0]], done.stderr
    assert f"no topics found in {pack}" in lines[0]
    if kind == "missing":
        assert "does not exist" in lines[0]


def test_check_of_a_broken_pack_names_the_file_and_exits_1(tmp_path: Path) -> None:
    pack = _packs(tmp_path)["broken"]
    done = _run(tmp_path, "check", "--content", str(pack))
    assert done.returncode == 1
    assert "bad.yaml:2: YAML syntax error" in done.stderr


@pytest.mark.parametrize("kind", ["empty", "missing", "broken"])
def test_the_window_shows_where_it_looked_and_how_to_add_a_pack(qtbot, tmp_path: Path, kind: str) -> None:
    pack = _packs(tmp_path)[kind]
    theme = ThemeController(ThemeChoice.LIGHT)
    theme.apply()
    result = load_content(pack)
    session = ReaderSession(
        result, Settings(tmp_path / "reader.ini"), theme, index_dir=tmp_path / "index", pack=pack
    )
    window = session.window
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.article.firstPainted, timeout=5000):
        window.show()
    text = window.article.toPlainText()
    assert text.startswith("No topics found\n")
    assert f"The reader looked in {pack}." in text
    assert "How to add a content pack" in text
    assert "health-reader check --content DIR" in text
    if kind == "broken":
        assert "1 topic file could not be loaded" in text
    panel = window.search_panel
    assert window.index_label.text() == "No topics to search"
    session.start_index()  # nothing to index: no worker, no "preparing" for ever
    assert not window.index_progress.isVisible()
    qtbot.keyClicks(panel.field, "balloon")
    panel._search_now()
    assert panel.message_title.text() == "No topics to search"
    session.shut_down()


def test_a_pack_path_with_markup_is_shown_as_text(qtbot, tmp_path: Path) -> None:
    pack = tmp_path / "<b>bold</b>"
    theme = ThemeController(ThemeChoice.LIGHT)
    session = ReaderSession(
        load_content(pack), Settings(tmp_path / "reader.ini"), theme, index_dir=tmp_path / "i", pack=pack
    )
    qtbot.addWidget(session.window)
    assert "<b>bold</b>" in session.window.article.toPlainText()
    session.shut_down()
