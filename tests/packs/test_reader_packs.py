"""The reader with installed packs: a pack's topic appears in the table of contents and in
search next to the bundled topics; its credits name the pack, its version and publisher (and
say "unverified content" when an administrator allowed an unsigned pack); a pack past its
review date is flagged; Help > About lists the packs; File > Install content pack shows the
verdict before anything is installed; each pack has its own index, rebuilt alone when it changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.app import ReaderSession
from reader.pack_session import PackLoader
from reader.packs.library import PackLibrary
from reader.packs.manifest import SIGNATURE_NAME
from reader.resources import BUNDLED_CONTENT_DIR
from reader.ui.about import pack_lines
from reader.ui.actions import SPECS_BY_NAME
from reader.ui.pack_install import install_pack_file
from reader.ui.settings import Settings
from reader.ui.theme import ThemeChoice, ThemeController
from tests.e2e.harness import PINNED_TODAY, WINDOW_SIZE
from tests.packs.helpers import build, make_folder, new_key, rewrite, snapshot, trust_of, write_user_trust


def open_session(qtbot, library: PackLibrary, tmp_path: Path, today: dt.date = PINNED_TODAY) -> ReaderSession:
    from reader.ui.main_window import WindowOptions

    loader = PackLoader(BUNDLED_CONTENT_DIR, library)
    result = loader(BUNDLED_CONTENT_DIR, None)
    theme = ThemeController(ThemeChoice.LIGHT)
    session = ReaderSession(
        result,
        Settings(tmp_path / "reader.ini"),
        theme,
        index_dir=tmp_path / "cache" / "index",
        options=WindowOptions(clock=lambda: today),
        packs=loader.loaded,
    )
    theme.setParent(session.window)
    qtbot.addWidget(session.window)
    session.window.resize(*WINDOW_SIZE)
    session.window.show()
    qtbot.waitExposed(session.window)
    return session


@pytest.fixture
def signed(tmp_path: Path, key) -> Path:
    return build(make_folder(tmp_path / "src"), key, 3, tmp_path)


def test_an_installed_pack_shows_in_the_contents_credits_and_search(qtbot, tmp_path, library, signed, key):
    library.install(signed, trust_of(key))
    session = open_session(qtbot, library, tmp_path)
    window = session.window
    try:
        model = window.toc.toc_model()
        titles = [model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())]
        assert "Quokka fever care" in titles and "Vertebroplasty and Kyphoplasty" in titles
        assert window.navigate("quokka-care")
        text = window.article.toPlainText()
        assert "Content pack: Clinic extra topics, version 3, published by Example Health Publisher" in text
        assert "unverified" not in text.lower()
        session.start_index()
        qtbot.waitUntil(lambda: window.index_label.text() == "Search ready", timeout=60_000)
        window.action_table["find"].trigger()
        qtbot.keyClicks(window.search_panel.field, "quokka")
        panel = window.search_panel
        qtbot.waitUntil(lambda: panel.results_model.rowCount() > 0, timeout=10_000)
        service = session.builder.service
        hits = service.search("quokka").hits
        assert hits and {h.topic_id for h in hits} == {"quokka-care"}
        assert any(h.topic_id == "vertebroplasty-kyphoplasty" for h in service.search("kyphoplasty").hits)
        assert (tmp_path / "cache" / "index-packs" / "clinic-extra").is_dir()  # the pack's own index
        about = "\n".join(pack_lines(window.packs))
        assert "Clinic extra topics, version 3, published by Example Health Publisher [clinic-extra]" in about
        assert "[health-reader-core], bundled with the reader" in about
    finally:
        session.shut_down()


def test_a_changed_pack_rebuilds_only_its_own_index(tmp_path, library, key):
    from reader.search.combined import open_packs

    folder = make_folder(tmp_path / "src")
    library.install(build(folder, key, 1, tmp_path), trust_of(key))

    def ensure() -> list[str]:
        loader = PackLoader(BUNDLED_CONTENT_DIR, library)
        loader(BUNDLED_CONTENT_DIR, None)
        from reader.pack_session import pack_topics
        from reader.search import synonyms_file_for

        service = open_packs(pack_topics(loader.loaded, synonyms_file_for), tmp_path / "index", lambda d: d)
        try:
            service.ensure_index()
            return [r.action for r in service.reports]
        finally:
            service.close()

    assert ensure() == ["built", "built"]
    assert ensure() == ["reused", "reused"]
    topic = folder / "topics" / "quokka-care.yaml"
    topic.write_text(
        topic.read_text("utf-8").replace("title: Quokka fever care", "title: Quokka fever revised")
    )
    library.install(build(folder, key, 2, tmp_path), trust_of(key))
    assert ensure() == ["reused", "updated"]  # the bundled pack's index is left alone


def test_an_unverified_pack_says_so_in_the_credits(qtbot, tmp_path, library, signed, key):
    unsigned = rewrite(signed, tmp_path / "unsigned.hrpack", lambda n, d: None if n == SIGNATURE_NAME else d)
    library.install(unsigned, trust_of(key), allow_unverified=True)
    session = open_session(qtbot, library, tmp_path)
    try:
        assert session.window.navigate("quokka-care")
        assert "Unverified content: this pack is not signed" in session.window.article.toPlainText()
        assert session.window.navigate("vertebroplasty-kyphoplasty")
        assert "nverified" not in session.window.article.toPlainText()
    finally:
        session.shut_down()


def test_a_pack_past_its_review_date_is_flagged(qtbot, tmp_path, library, key):
    folder = make_folder(tmp_path / "src")
    (folder / "pack.yaml").write_text((folder / "pack.yaml").read_text() + "review_by: 2026-01-31\n")
    library.install(build(folder, key, 1, tmp_path), trust_of(key))
    early = open_session(qtbot, library, tmp_path, today=dt.date(2026, 1, 31))
    try:
        assert early.window.navigate("quokka-care")
        assert "Overdue for review" not in early.window.article.toPlainText()
    finally:
        early.shut_down()
    late = open_session(qtbot, library, tmp_path, today=dt.date(2026, 2, 1))
    try:
        assert late.window.navigate("quokka-care")
        text = late.window.article.toPlainText()
        assert "Overdue for review" in text and "31 January 2026" in text
    finally:
        late.shut_down()


def test_install_from_the_window_shows_the_verdict_first(qtbot, tmp_path, library, signed, key):
    write_user_trust(key)
    library.root.mkdir(parents=True)
    session = open_session(qtbot, library, tmp_path)
    shown: list[tuple[str, str]] = []
    asked: list[str] = []
    try:
        stranger = build(make_folder(tmp_path / "x", topic_id="stranger-topic"), new_key(), 1, tmp_path)
        before = snapshot(library.root)
        assert not install_pack_file(
            session.window,
            session.window.packs,
            stranger,
            lambda _w, text: asked.append(text) or True,
            lambda _w, title, text: shown.append((title, text)),
        )
        assert not asked and snapshot(library.root) == before  # refused before any question
        assert "does not trust" in shown[-1][1] and "Nothing was installed" in shown[-1][1]

        assert not install_pack_file(
            session.window, session.window.packs, signed, lambda _w, text: asked.append(text) or False
        )
        assert "Version: 3" in asked[-1] and "VERIFIED" in asked[-1] and library.packs() == []  # cancelled

        assert install_pack_file(
            session.window,
            session.window.packs,
            signed,
            lambda _w, _t: True,
            lambda _w, t, x: shown.append((t, x)),
        )
        assert shown[-1][0] == "Content pack installed" and library.pack("clinic-extra") is not None

        asked.clear()
        before = snapshot(library.root)
        assert not install_pack_file(
            session.window,
            session.window.packs,
            signed,
            lambda _w, text: asked.append(text) or True,
            lambda _w, title, text: shown.append((title, text)),
        )
        assert not asked and "not newer" in shown[-1][1] and "Installed now: version 3" in shown[-1][1]
        assert snapshot(library.root) == before
    finally:
        session.shut_down()


def test_installing_is_not_a_kiosk_action():
    assert SPECS_BY_NAME["install_pack"].kiosk is False


def test_a_kiosk_ignores_a_library_its_account_could_change(tmp_path):
    """The kiosk account is shared by every patient: only a root-owned library is read (as root,
    nothing counts as root-owned-only either: root can write every folder)."""
    import argparse

    from reader.pack_session import pack_library

    folder = tmp_path / "packs"
    folder.mkdir()
    args = argparse.Namespace(library=folder, content=None)
    assert pack_library(args, kiosk=object()) is None
    assert pack_library(args) is not None and pack_library(args).root == folder  # a desktop reader


def test_a_pack_installed_from_the_window_shows_at_once(qtbot, tmp_path, library, signed, key):
    from reader.pack_session import packs_reloader

    write_user_trust(key)
    library.root.mkdir(parents=True)
    session = open_session(qtbot, library, tmp_path)
    session.reload_packs = packs_reloader(BUNDLED_CONTENT_DIR, library)
    window = session.window
    try:
        session.start_index()
        qtbot.waitUntil(lambda: window.index_label.text() == "Search ready", timeout=60_000)
        assert window.navigate("vertebroplasty-kyphoplasty")
        assert window.topic("quokka-care") is None
        assert install_pack_file(window, window.packs, signed, lambda _w, _t: True, lambda _w, _t, _x: None)
        with qtbot.waitSignal(session.builder.ready, timeout=60_000):
            window.packsChanged.emit()  # what File > Install does after a successful install
        assert window.current_topic().id == "vertebroplasty-kyphoplasty"  # the reader stays where it was
        model = window.toc.toc_model()
        titles = [model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())]
        assert "Quokka fever care" in titles
        qtbot.waitUntil(lambda: window.index_label.text() == "Search ready", timeout=60_000)
        assert {h.topic_id for h in session.builder.service.search("quokka").hits} == {"quokka-care"}
        assert window.navigate("quokka-care")
        assert "Content pack: Clinic extra topics, version 3" in window.article.toPlainText()
    finally:
        session.shut_down()
