"""Edit > Copy / Select All and the Help menu (issue 14, item 15): copying from whichever view has
the focus, a shortcuts list generated from the actions table, and an About box with the versions,
the content pack and its date, and the licence of every bundled part."""

from __future__ import annotations

import datetime as dt
import platform
import re
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication, QKeySequence

from reader import __version__
from reader.resources import BUNDLED_CONTENT_DIR
from reader.ui.about import BUNDLED_PARTS, AboutDialog, AboutFacts, PackFacts, about_lines
from reader.ui.actions import ACTION_SPECS
from reader.ui.dates import format_long_date
from reader.ui.main_window import MainWindow
from reader.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows
from tests.e2e.harness import make_window


@pytest.fixture
def window(qtbot, bundled_topic, tmp_path: Path) -> MainWindow:
    return make_window(qtbot, [bundled_topic], tmp_path / "reader.ini")


def _menu_texts(window: MainWindow, title: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_edit_and_help_menus_offer_the_expected_entries(window: MainWindow) -> None:
    assert _menu_texts(window, "&Edit")[:2] == ["Copy", "Select all"]
    assert _menu_texts(window, "&Help") == ["Keyboard shortcuts", "About Health Topic Reader"]
    assert window.action_table["copy"].shortcut() == QKeySequence(QKeySequence.StandardKey.Copy)


def test_copy_takes_the_articles_selection(qtbot, window: MainWindow, bundled_topic) -> None:
    window.article.select_sentence("kp-balloon-inflate")
    window.article.setFocus()
    window.action_table["copy"].trigger()
    assert QGuiApplication.clipboard().text() == bundled_topic.sentence("kp-balloon-inflate").text


def test_copy_in_the_comparison_copies_the_cell(qtbot, window: MainWindow) -> None:
    window.pages.setCurrentWidget(window.comparison)
    window.comparison.select_cell(1, 0)
    window.comparison.table.setFocus()
    qtbot.waitUntil(window.comparison.table.hasFocus)
    window.action_table["copy"].trigger()
    assert QGuiApplication.clipboard().text() == "Vertebroplasty, Anesthesia: A local anesthetic."


def test_select_all_selects_the_article_from_a_list(qtbot, window: MainWindow) -> None:
    window.toc.setFocus()
    window.action_table["select_all"].trigger()
    cursor = window.article.textCursor()
    assert (
        cursor.selectionStart() == 0
        and cursor.selectionEnd() == window.article.document().characterCount() - 1
    )
    assert window.article.hasFocus()


def test_shortcuts_are_generated_from_the_actions_table(qtbot, window: MainWindow) -> None:
    rows = shortcut_rows(window.action_table)
    with_keys = [spec for spec in ACTION_SPECS if spec.shortcuts]
    assert [r[1] for r in rows] == [spec.text.replace("&", "").rstrip("…") for spec in with_keys]
    find = next(r for r in rows if r[1] == "Find")
    native = QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)
    assert native in find[2] and find[0] == "Edit"
    assert any(r[1] == "Find next" and "F3" in r[2] for r in rows)
    assert not any("F16" in r[2] or r[2].endswith(" or Copy") for r in rows)  # only keys people type
    dialog = window.help.show_shortcuts()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ShortcutsDialog) and dialog.model.rowCount() == len(rows)
    dialog.close()
    window.restrict_actions(lambda spec: spec.kiosk)  # refused actions are not listed
    assert all(r[1] != "Print" for r in shortcut_rows(window.action_table))


def test_about_names_versions_pack_and_licences(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.help.content_pack = BUNDLED_CONTENT_DIR
    dialog = window.help.show_about()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AboutDialog)
    text = dialog.text.toPlainText()
    assert f"Health Topic Reader {__version__}" in text
    assert f"Qt {qVersion()}" in text and f"Python {platform.python_version()}" in text
    files = sorted((BUNDLED_CONTENT_DIR / "topics").glob("*.yaml"))
    newest = dt.date.fromtimestamp(max(f.stat().st_mtime for f in files))
    assert f"{BUNDLED_CONTENT_DIR} ({len(files)} topic file" in text
    assert f"dated {format_long_date(newest)}" in text  # the long date of the language
    assert "Healthwise, Incorporated" in text  # the topic's publisher
    for part in BUNDLED_PARTS:
        assert re.search(rf"{re.escape(part.name)}.*: {re.escape(part.licence)}", text), part.name


def test_about_without_a_pack_says_so() -> None:
    lines = about_lines(AboutFacts.gather(PackFacts.of(None)))
    assert "Content pack: none" in lines


def _runtime_requirements(name: str, seen: set[str]) -> set[str]:
    """The distributions `name` needs at run time, recursively (extras and markers that do not
    apply here are left out)."""
    for requirement in metadata.requires(name) or []:
        if "extra ==" in requirement:
            continue
        dist = re.split(r"[\s;<>=!~\[]", requirement, maxsplit=1)[0]
        key = dist.lower().replace("_", "-")
        if key not in seen:
            seen.add(key)
            _runtime_requirements(dist, seen)
    return seen


def test_every_bundled_library_is_listed_with_its_licence() -> None:
    listed = {p.distribution.lower().replace("_", "-"): p for p in BUNDLED_PARTS if p.distribution}
    needed = _runtime_requirements("health-reader", set())
    assert needed <= set(listed), f"not in About: {sorted(needed - set(listed))}"
    for key in needed:
        declared = metadata.metadata(key)
        stated = " ".join(
            filter(
                None,
                [
                    declared.get("License-Expression"),
                    declared.get("License"),
                    *(declared.get_all("Classifier") or []),
                ],
            )
        )
        family = listed[key].licence.split("-")[0]  # LGPL, MIT, BSD, PSF
        assert family.lower() in stated.lower() or (family == "PSF" and "python" in stated.lower()), key
