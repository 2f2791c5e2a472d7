"""The first load of a large pack runs in a thread behind a progress window; a quick one shows none."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from reader import app as app_module
from reader.content import load_content
from tests.conftest import BUNDLED_TOPIC


def _pack(root: Path, count: int) -> Path:
    topics = root / "pack" / "topics"
    topics.mkdir(parents=True)
    text = BUNDLED_TOPIC.read_text("utf-8")
    for i in range(count):
        page = text.replace("id: vertebroplasty-kyphoplasty", f"id: topic-{i}")
        (topics / f"t{i:03d}.yaml").write_text(page.replace("Vertebroplasty and Kyphoplasty", f"T {i:03d}"))
    (topics / "broken.yaml").write_text("id: [", "utf-8")
    return root / "pack"


def _watch_dialogs(seen: list[tuple[int, int]]) -> QTimer:
    """Record (value, maximum) of any progress window while the GUI thread waits."""
    timer = QTimer()

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen.append((widget.value(), widget.maximum()))

    timer.timeout.connect(look)
    timer.start(10)
    return timer


def test_slow_load_shows_progress_and_gives_the_same_result(qapp, tmp_path: Path) -> None:
    pack = _pack(tmp_path, 120)
    seen: list[tuple[int, int]] = []
    timer = _watch_dialogs(seen)
    result = app_module.load_content_showing_progress(qapp, pack, tmp_path / "cache", show_after=0.0)
    timer.stop()
    assert seen, "no progress window was shown"
    assert max(maximum for _, maximum in seen) == 121  # every file, the broken one included
    assert [t.id for t in result.topics] == [t.id for t in load_content(pack).topics]
    assert any("broken.yaml" in str(e) for e in result.errors)
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_quick_load_shows_nothing(qapp, tmp_path: Path) -> None:
    pack = _pack(tmp_path, 2)
    seen: list[tuple[int, int]] = []
    timer = _watch_dialogs(seen)
    result = app_module.load_content_showing_progress(qapp, pack, tmp_path / "cache", show_after=30.0)
    timer.stop()
    assert seen == [] and len(result.topics) == 2


def test_an_error_in_the_loader_reaches_the_caller(qapp, tmp_path: Path, monkeypatch) -> None:
    def broken(*args: object) -> None:
        raise MemoryError("out of memory while loading")

    monkeypatch.setattr(app_module, "load_content", broken)
    with pytest.raises(MemoryError, match="out of memory"):
        app_module.load_content_showing_progress(qapp, tmp_path, tmp_path / "cache", show_after=0.0)
