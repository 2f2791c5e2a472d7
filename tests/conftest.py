"""Shared fixtures. Qt runs offscreen, and no test touches the user's real settings or cache."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Before anything imports Qt: headless platform, and unqualified enums are errors.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYSIDE6_OPTION_PYTHON_ENUM", "0x11")

import pytest

from reader.resources import BUNDLED_CONTENT_DIR

TESTS_DIR = Path(__file__).resolve().parent
DATA_DIR = TESTS_DIR / "data"
SEED_PATH = DATA_DIR / "seed_vertebroplasty_kyphoplasty.txt"
BUNDLED_TOPIC = BUNDLED_CONTENT_DIR / "topics" / "vertebroplasty-kyphoplasty.yaml"


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point XDG dirs (QStandardPaths, QSettings) at a temp home so tests never see real user data."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
    ):
        (home / sub).mkdir()
        monkeypatch.setenv(var, str(home / sub))
    # Read aloud uses Qt's mock engine: no test depends on (or waits for) the machine's speech
    # service; tests of a missing engine name one that does not exist.
    monkeypatch.setenv("HEALTH_READER_SPEECH_ENGINE", "mock")


@pytest.fixture
def content_pack(tmp_path: Path) -> Path:
    """A writable copy of the bundled content pack."""
    dest = tmp_path / "content"
    shutil.copytree(BUNDLED_CONTENT_DIR, dest)
    return dest


@pytest.fixture(scope="session")
def bundled_result():
    from reader.content import load_content

    result = load_content(BUNDLED_CONTENT_DIR)
    assert not result.errors, [str(e) for e in result.errors]
    return result


@pytest.fixture(scope="session")
def bundled_topic(bundled_result):
    return bundled_result.topic("vertebroplasty-kyphoplasty")


@pytest.fixture(autouse=True)
def _english_after_each_test(request: pytest.FixtureRequest):
    """A widget test starts in English, its catalogue installed as the app's start installs it
    ("1 result", not the source's "1 results"), whichever tests ran before it; a test that switches
    the interface language leaves English (and its locale) behind."""
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        request.getfixturevalue("qapp")
        from reader.i18n.switcher import language_controller

        language_controller().switch("en")
    yield
    import sys

    switcher = sys.modules.get("reader.i18n.switcher")
    if switcher is not None and switcher._controller is not None:
        switcher._controller.switch("en")


@pytest.fixture(autouse=True)
def _logger_levels_restored():
    """The CLI quiets the content loader's logger for the commands that print each problem
    themselves (reader.cli.main); a later test's caplog must still see its warnings."""
    import logging

    loggers = [
        logging.getLogger(),
        *(logging.getLogger(name) for name in list(logging.root.manager.loggerDict)),
    ]
    levels = {logger: logger.level for logger in loggers if isinstance(logger, logging.Logger)}
    yield
    for logger, level in levels.items():
        logger.setLevel(level)
    for name in list(logging.root.manager.loggerDict):
        logger = logging.getLogger(name)
        if logger not in levels and name.startswith("reader"):
            logger.setLevel(logging.NOTSET)
