"""The whole reader searching with the network unplugged: the index is built in the worker
after the window shows, a typed query finds results, and opening one marks every hit."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import reader
from reader.app import ReaderSession
from reader.content import LoadResult
from reader.ui.settings import Settings
from reader.ui.theme import ThemeChoice, ThemeController
from tests.e2e.harness import PINNED_TODAY, WINDOW_SIZE

pytestmark = pytest.mark.skipif(
    not (Path(reader.__file__).parent / "search" / "service.py").exists(),
    reason="reader/search/service.py is not in the tree yet",
)


@pytest.fixture
def no_network(monkeypatch) -> list[tuple]:
    """Every attempt to create a socket fails, and is recorded."""
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access is not allowed in the reader")

    monkeypatch.setattr(socket.socket, "__init__", refuse)  # the class stays subclassable
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.fixture
def session(qtbot, bundled_result: LoadResult, tmp_path: Path, no_network) -> ReaderSession:
    from reader.ui.main_window import WindowOptions

    theme = ThemeController(ThemeChoice.LIGHT)
    theme.apply()
    running = ReaderSession(
        bundled_result,
        Settings(tmp_path / "reader.ini"),
        theme,
        index_dir=tmp_path / "index",
        options=WindowOptions(clock=lambda: PINNED_TODAY),
    )
    theme.setParent(running.window)
    qtbot.addWidget(running.window)
    running.window.resize(*WINDOW_SIZE)
    running.window.show()
    qtbot.waitExposed(running.window)
    yield running
    running.shut_down()


def test_search_works_with_the_network_unplugged(qtbot, session: ReaderSession, no_network) -> None:
    window, panel = session.window, session.window.search_panel
    assert "Preparing" in panel.message_title.text()  # before the worker has started
    session.start_index()
    qtbot.waitUntil(lambda: not window.index_progress.isVisible(), timeout=60_000)
    assert window.index_label.text() == "Search ready"
    window.action_table["find"].trigger()
    assert panel.field.hasFocus()
    qtbot.keyClicks(panel.field, "balloon")
    qtbot.waitUntil(lambda: panel.results_model.rowCount() > 0, timeout=10_000)
    rect = panel.results_view.visualRect(panel.results_model.index(0, 0))
    qtbot.mouseClick(panel.results_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    article = window.article
    assert article.hit_count() == article.toPlainText().lower().count("balloon") > 0
    assert article.current_section() == "kyphoplasty"
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert article.textCursor().selectedText().lower() == "balloon"
    assert window.toc.current_location() == ("vertebroplasty-kyphoplasty", "kyphoplasty")
    assert not no_network  # nothing even tried to open a socket


def test_a_pmid_opens_the_sentence_that_cites_the_paper(qtbot, session: ReaderSession, bundled_topic) -> None:
    """A clinician's look-up goes to the reference and to the sentence citing it, selected."""
    window, panel = session.window, session.window.search_panel
    session.start_index()
    qtbot.waitUntil(lambda: window.index_label.text() == "Search ready", timeout=60_000)
    window.action_table["find"].trigger()
    qtbot.keyClicks(panel.field, "PMID 19657121")  # Buchbinder 2009, reference 2
    qtbot.waitUntil(lambda: panel.results_model.rowCount() >= 2, timeout=10_000)
    citing = next(
        row
        for row in range(panel.results_model.rowCount())
        if (hit := panel.results_model.hit(row)) is not None and hit.sentence
    )
    hit = panel.results_model.hit(citing)
    assert hit is not None
    with qtbot.waitSignal(panel.resultActivated) as opened:
        panel._activate_row(citing)
    assert opened.args[3] == hit.sentence
    assert window.article.textCursor().selectedText() == bundled_topic.sentence(hit.sentence).text
    reference_row = next(row for row in range(citing) if panel.results_model.hit(row).reference)
    with qtbot.waitSignal(panel.resultActivated) as opened:
        panel._activate_row(reference_row)
    assert opened.args[3] == "ref.buchbinder-2009"  # the reference entry itself
    entry = window.article.anchor_position("ref.buchbinder-2009")
    assert window.article.is_position_visible(entry)
    assert window.article.document().findBlock(entry).text().startswith("Buchbinder R")
    panel._activate_row(citing)
    sentence = bundled_topic.sentence(hit.sentence)
    assert "buchbinder-2009" in sentence.cites, sentence.cites
    assert window.pages.currentWidget() is window.article
    assert window.article.textCursor().selectedText() == sentence.text
