"""A kiosk hides the clinicians' "Published since" list unless its configuration turns it on."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.content.model import Topic
from reader.kiosk.config import KioskConfig
from tests.kiosk.conftest import Kiosk, start_kiosk

HEADING = "Published since the last revision (2011)"


def _article_text(kiosk: Kiosk) -> str:
    return kiosk.window.article.document().toPlainText()


def _open(qtbot: QtBot, topic: Topic, tmp_path: Path, config: KioskConfig) -> Kiosk:
    kiosk = start_kiosk(qtbot, [topic], tmp_path, config)
    kiosk.window.navigate(topic.id)
    qtbot.waitUntil(lambda: "Talk to your doctor" in _article_text(kiosk))
    return kiosk


def test_a_kiosk_hides_the_list_by_default(
    qtbot: QtBot, bundled_topic: Topic, tmp_path: Path, pin_hash: str
) -> None:
    assert KioskConfig().show_published_since is False
    kiosk = _open(qtbot, bundled_topic, tmp_path, KioskConfig(enabled=True, pin_hash=pin_hash))
    try:
        assert HEADING not in _article_text(kiosk)
        assert "later stud" not in _article_text(kiosk)
    finally:
        kiosk.session.stop()


def test_a_kiosk_shows_the_list_when_its_file_turns_it_on(
    qtbot: QtBot, bundled_topic: Topic, tmp_path: Path, pin_hash: str
) -> None:
    config = KioskConfig(enabled=True, pin_hash=pin_hash, show_published_since=True)
    kiosk = _open(qtbot, bundled_topic, tmp_path, config)
    try:
        assert HEADING in _article_text(kiosk)
    finally:
        kiosk.session.stop()


def test_the_kiosk_file_setting_is_read_and_validated(tmp_path: Path) -> None:
    from reader.kiosk.config import load_config

    good = tmp_path / "kiosk.yaml"
    good.write_text("enabled: true\nshow_published_since: true\n", "utf-8")
    assert load_config(good).config.show_published_since is True
    bad = tmp_path / "bad.yaml"
    bad.write_text("enabled: true\nshow_published_since: maybe\n", "utf-8")
    loaded = load_config(bad)
    assert loaded.config.show_published_since is False  # a bad value falls back to the safe default
    assert [e.field for e in loaded.errors] == ["show_published_since"]
