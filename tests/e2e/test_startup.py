"""Starting the real program: `python main.py --exit-after-paint` paints the topic and exits 0,
without importing the search engine on the way (it is built in a worker after the paint)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.repo import REPO_ROOT

pytestmark = pytest.mark.slow


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[var] = str(tmp_path / var.lower())
    return env


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO_ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_main_exits_zero_after_the_first_paint(tmp_path: Path) -> None:
    done = _run(tmp_path, "main.py", "--exit-after-paint")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def _modules_loaded_by_a_start(tmp_path: Path, prefixes: tuple[str, ...]) -> list[str]:
    """The modules a start of the window (to its first paint) loaded of `prefixes` and their submodules."""
    code = (
        "import sys; from reader.cli import main; rc = main(['--exit-after-paint']); "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {prefixes!r} "
        f"or m.startswith(tuple(p + '.' for p in {prefixes!r})) or m in {prefixes!r})); sys.exit(rc)"
    )
    done = _run(tmp_path, "-c", code)
    assert done.returncode == 0, done.stderr
    loaded: list[str] = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    return loaded


# Read aloud loads Qt's speech module (and QtMultimedia under it) only when speech is first used.
SPEECH = ("PySide6.QtTextToSpeech", "PySide6.QtMultimedia")


def test_start_up_does_not_import_the_search_engine_or_speech(tmp_path: Path) -> None:
    assert _modules_loaded_by_a_start(tmp_path, ("whoosh", "reader.search", *SPEECH)) == []


# Built or opened after the first paint (reader.ui.deferred_views), or when first used.
AFTER_THE_PAINT = (
    "reader.ui.comparison",
    "reader.ui.references",
    "reader.ui.search_panel",
    "reader.ui.handout",
    "reader.ui.about",
    "reader.ui.shortcuts_dialog",
    "reader.ui.pack_install",
    "reader.packs.archive",
    "reader.ui.focus_style",  # the application style with the focus ring: installed after the paint
    "reader.speech.engine",  # read aloud: the engine, the scripts and the lexicon at first use
    "reader.speech.script",
    "reader.speech.lexicon",
)


def test_start_up_builds_only_what_the_first_paint_shows(tmp_path: Path) -> None:
    assert _modules_loaded_by_a_start(tmp_path, AFTER_THE_PAINT) == []


# What only parsing a topic file needs: a warm start takes every topic from the content cache.
PARSING_ONLY = ("jsonschema", "fastjsonschema", "yaml", "reader.content.build", "reader.content.schema")


def test_a_warm_start_imports_no_parsing_validation_or_search(tmp_path: Path) -> None:
    cold = _modules_loaded_by_a_start(tmp_path, PARSING_ONLY)
    assert "yaml" in cold and "fastjsonschema" in cold  # the first start parses the bundled topic
    warm = _modules_loaded_by_a_start(tmp_path, (*PARSING_ONLY, "whoosh", "reader.search", *SPEECH))
    assert warm == []


def test_a_pack_with_a_broken_file_still_opens(tmp_path: Path, content_pack: Path) -> None:
    (content_pack / "topics" / "broken.yaml").write_text("id: [unclosed\n", "utf-8")
    done = _run(tmp_path, "main.py", "--content", str(content_pack), "--exit-after-paint")
    assert done.returncode == 0, done.stderr
    assert "broken.yaml" in done.stderr  # reported, and the good topic was shown


def test_a_start_collects_nothing_until_the_paint_then_resumes(tmp_path: Path) -> None:
    """The command line turns Python's collector off for the start; the session turns it back on
    after the first paint, with the start-up objects frozen (reader.app.resume_collection)."""
    seen = _seen_around_the_first_paint(
        tmp_path, "gc.isenabled()", "(gc.isenabled(), gc.get_freeze_count() > 0)"
    )
    assert seen == [False, (True, True)]


def _seen_around_the_first_paint(tmp_path: Path, before: str, after: str) -> list[object]:
    """What the expressions `before` and `after` were just before and after the session's
    after-the-paint step of a real start (main([]), closed right after)."""
    code = (
        "import gc, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import reader.app as app\n"
        "seen = []\n"
        "def after(self, original=app.ReaderSession.after_first_paint):\n"
        f"    seen.append({before})\n"
        "    original(self)\n"
        f"    seen.append({after})\n"
        "    QTimer.singleShot(0, self.window.close)\n"
        "app.ReaderSession.after_first_paint = after\n"
        "from reader.cli import main\n"
        "rc = main([])\n"
        "print(seen); sys.exit(rc)\n"
    )
    done = _run(tmp_path, "-c", code)
    assert done.returncode == 0, done.stderr
    seen: list[object] = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    return seen


def test_the_focus_ring_style_follows_the_first_paint(tmp_path: Path) -> None:
    """The first frame is drawn by Qt's own Fusion (named on the command line); the focus ring
    style (reader.ui.focus_style) replaces it, on the same Fusion base, once the focus is off the
    article (which draws its own ring), and the article keeps the frame it was laid out with."""
    style = "type(QApplication.style()).__name__"
    article = "self.window.article"
    first, then = _seen_around_the_first_paint(
        tmp_path,
        f"('reader.ui.focus_style' in sys.modules, {style}, QApplication.style().name().lower())",
        f"({style}, {article}.hasFocus(), {article}.frameWidth(), self.window.toc.setFocus(), "
        f"{style}, QApplication.style().baseStyle().name().lower(), {article}.frameWidth())",
    )
    assert first == (False, "QCommonStyle", "fusion")  # Qt's Fusion: no Python in its drawing
    style_after_paint, article_focused, width, _, style_after_focus, base, width_after = then
    assert style_after_paint == ("QCommonStyle" if article_focused else "FocusRingStyle")
    assert (style_after_focus, base) == ("FocusRingStyle", "fusion")
    assert width_after == width == 1  # the article's 1 px border, as laid out at start


def test_a_start_without_a_kiosk_file_declares_no_kiosk_settings(tmp_path: Path) -> None:
    """No kiosk file and no --kiosk: the kiosk settings module is not even imported; a kiosk
    file in the config folder still makes the start a kiosk (tests/kiosk cover its settings)."""
    before, _ = _seen_around_the_first_paint(tmp_path, "'reader.kiosk.config' in sys.modules", "0")
    assert before is False
    kiosk_file = tmp_path / "xdg_config_home" / "health-reader" / "kiosk.yaml"
    kiosk_file.parent.mkdir(parents=True, exist_ok=True)
    kiosk_file.write_text("enabled: true\n", "utf-8")
    code = (
        "import sys; from reader.cli import build_parser, kiosk_config; "
        "print(kiosk_config(build_parser().parse_args([])) is not None)"
    )
    done = _run(tmp_path, "-c", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "True"
