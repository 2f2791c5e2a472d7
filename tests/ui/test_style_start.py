"""The focus ring style after a start (reader.ui.style_start): installed at once when the article
does not have the focus, else at the first focus change away from it (closing the window is one)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader.ui.focus_style import FocusRingStyle
from reader.ui.main_window import MainWindow
from reader.ui.style_start import use_focus_ring_style_once_free
from tests.e2e.harness import make_window


@pytest.fixture
def plain_fusion(qapp) -> Iterator[None]:
    """Plain Fusion, as a start draws its first frame; the style before is put back after."""
    saved = qapp.style().name()
    qapp.setStyle("Fusion")
    yield
    qapp.setStyle(saved)


@pytest.fixture
def window(qtbot, bundled_topic, tmp_path: Path, plain_fusion) -> MainWindow:
    return make_window(qtbot, [bundled_topic], tmp_path / "reader.ini")


def _ringed() -> bool:
    return isinstance(QApplication.style(), FocusRingStyle)


def test_installed_at_once_when_the_article_has_not_the_focus(qtbot, window: MainWindow) -> None:
    window.toc.setFocus()
    qtbot.waitUntil(window.toc.hasFocus)
    assert not _ringed()
    use_focus_ring_style_once_free(window.article)
    assert _ringed()


def test_waits_while_the_article_has_the_focus_and_keeps_its_frame(qtbot, window: MainWindow) -> None:
    window.article.setFocus()
    qtbot.waitUntil(window.article.hasFocus)
    width = window.article.frameWidth()
    use_focus_ring_style_once_free(window.article)
    assert not _ringed()
    window.toc.setFocus()  # the first control that may show the style's ring
    qtbot.waitUntil(window.toc.hasFocus)
    assert _ringed()
    window.article.setFocus()
    qtbot.waitUntil(window.article.hasFocus)
    assert window.article.frameWidth() == width  # laid out as at start


def test_closing_the_window_is_the_focus_leaving(
    qtbot, window: MainWindow, bundled_topic, tmp_path: Path
) -> None:
    window.article.setFocus()
    qtbot.waitUntil(window.article.hasFocus)
    use_focus_ring_style_once_free(window.article)
    window.close()
    qtbot.waitUntil(_ringed)
    other = make_window(qtbot, [bundled_topic], tmp_path / "other.ini")
    other.toc.setFocus()  # later focus changes reach nothing of the first window (no error)
    qtbot.waitUntil(other.toc.hasFocus)
    assert _ringed()
