"""The reference list: numbered citations, style switch, copy, export, kiosk hiding and the back link."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QStyleOptionViewItem, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from reader.content import Topic, citation
from reader.ui.references import HTML_ROLE, NUMBER_ROLE, ReferencesModel, ReferencesView
from tests.content.test_citation import EXPECTED, parse_bibtex, parse_ris

TOPIC_ID = "vertebroplasty-kyphoplasty"
IDS = ["klazen-2010", "buchbinder-2009", "kallmes-2009"]


@pytest.fixture(autouse=True)
def no_browser(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Nothing in these views may open a browser: any call to QDesktopServices.openUrl fails the test."""
    calls: list[QUrl] = []

    def refuse(url: QUrl) -> bool:
        calls.append(url)
        raise AssertionError(f"tried to open {url.toString()}")

    monkeypatch.setattr(QDesktopServices, "openUrl", refuse)
    yield
    assert calls == []


@pytest.fixture
def view(qtbot: QtBot, bundled_topic: Topic) -> ReferencesView:
    widget = ReferencesView()
    qtbot.addWidget(widget)
    widget.set_topic(bundled_topic)
    widget.resize(900, 600)
    with qtbot.waitExposed(widget):
        widget.show()
    QApplication.clipboard().clear()
    return widget


def _click_row(qtbot: QtBot, view: ReferencesView, row: int) -> None:
    rect = view.list.visualRect(view.model.index(row))
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _choose_ama(qtbot: QtBot, view: ReferencesView) -> None:
    view.style_combo.setFocus()
    qtbot.keyClick(view.style_combo, Qt.Key.Key_Down)
    assert view.style_combo.currentText() == "AMA (11th edition)"


def test_model_passes_the_model_tester(qtmodeltester, bundled_topic: Topic) -> None:
    model = ReferencesModel()
    qtmodeltester.check(model)
    model.set_topic(bundled_topic)
    qtmodeltester.check(model)


def test_three_references_numbered_1_to_3_in_vancouver(view: ReferencesView) -> None:
    model = view.model
    assert model.rowCount() == 3
    assert [model.index(r).data(NUMBER_ROLE) for r in range(3)] == [1, 2, 3]
    assert [model.index(r).data() for r in range(3)] == [EXPECTED["bundled"][i]["vancouver"] for i in IDS]
    assert model.index(0).data(Qt.ItemDataRole.AccessibleTextRole).startswith("Reference 1: Klazen CAH")
    assert view.style_combo.currentText() == "NLM / Vancouver"
    assert "<a" not in "".join(model.index(r).data(HTML_ROLE) for r in range(3))  # no links at all


def _row_heights(view: ReferencesView) -> list[int]:
    return [view.list.visualRect(view.model.index(r)).height() for r in range(view.model.rowCount())]


def _needed_heights(view: ReferencesView) -> list[int]:
    """What each citation needs at the current width and style, as the delegate measures it."""
    option = QStyleOptionViewItem()
    view.list.initViewItemOption(option)
    delegate = view.list.itemDelegate()
    return [delegate.sizeHint(option, view.model.index(r)).height() for r in range(view.model.rowCount())]


def test_switching_to_ama_changes_the_text_and_italicises_the_journal(
    view: ReferencesView, qtbot: QtBot
) -> None:
    view.resize(1000, 600)  # about where Kallmes needs two lines in Vancouver and one in AMA
    qtbot.waitUntil(lambda: _row_heights(view) == _needed_heights(view))
    _choose_ama(qtbot, view)
    assert [view.model.index(r).data() for r in range(3)] == [EXPECTED["bundled"][i]["ama"] for i in IDS]
    assert "<i>N Engl J Med</i>" in view.model.index(1).data(HTML_ROLE)
    qtbot.waitUntil(lambda: _row_heights(view) == _needed_heights(view))  # rows re-measured for the new text


def test_copy_button_puts_the_plain_citation_in_the_chosen_style_on_the_clipboard(
    view: ReferencesView, qtbot: QtBot
) -> None:
    assert not view.copy_button.isEnabled()  # nothing selected yet
    _click_row(qtbot, view, 1)
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == EXPECTED["bundled"]["buchbinder-2009"]["vancouver"]
    assert view.status.text() == "Copied reference 2 to the clipboard in NLM / Vancouver style."
    _choose_ama(qtbot, view)
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == EXPECTED["bundled"]["buchbinder-2009"]["ama"]  # no <i>


def test_ctrl_c_in_the_list_copies_even_when_the_window_has_a_copy_shortcut(
    qtbot: QtBot, bundled_topic: Topic
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window_copy = QAction("Copy", window)
    window_copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
    window.addAction(window_copy)
    view = ReferencesView(window)
    QVBoxLayout(window).addWidget(view)
    view.set_topic(bundled_topic)
    window.resize(900, 600)
    with qtbot.waitActive(window):  # the window-wide Copy shortcut is live
        window.show()
        window.activateWindow()
    _click_row(qtbot, view, 2)
    with qtbot.assertNotEmitted(window_copy.triggered):
        qtbot.keyClick(view.list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == EXPECTED["bundled"]["kallmes-2009"]["vancouver"]


def test_copy_all_puts_a_numbered_list_on_the_clipboard(view: ReferencesView, qtbot: QtBot) -> None:
    qtbot.mouseClick(view.copy_all_button, Qt.MouseButton.LeftButton)
    lines = QApplication.clipboard().text().splitlines()
    assert lines == [f"{n}. {EXPECTED['bundled'][i]['vancouver']}" for n, i in enumerate(IDS, 1)]
    assert "all 3 references" in view.status.text()


def test_export_writes_ris_and_bibtex_that_read_back(view: ReferencesView, tmp_path: Path) -> None:
    assert view.export(tmp_path / "refs.ris", citation.RIS)
    records = parse_ris((tmp_path / "refs.ris").read_text("utf-8"))
    assert [r["AN"] for r in records] == [["20701962"], ["19657121"], ["19657122"]]
    assert records[0]["TI"][0].startswith("Vertebroplasty versus conservative treatment")
    assert view.status.text() == f"Saved 3 references to {tmp_path / 'refs.ris'}."
    assert view.export(tmp_path / "refs.bib", citation.BIBTEX)
    entries = parse_bibtex((tmp_path / "refs.bib").read_text("utf-8"))
    assert list(entries) == ["klazen2010", "buchbinder2009", "kallmes2009"]
    assert entries["kallmes2009"]["pages"] == "569--579"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.bib", "refs.ris"]  # no temporary files left


def test_export_button_asks_where_and_the_filter_picks_the_format(
    view: ReferencesView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[Any, ...]] = []

    def save_dialog(*args: Any) -> tuple[str, str]:
        asked.append(args)
        return str(tmp_path / "my refs"), "BibTeX (*.bib)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and asked[0][3] == "RIS (*.ris);;BibTeX (*.bib)"
    assert list(parse_bibtex((tmp_path / "my refs.bib").read_text("utf-8"))) == [
        "klazen2010",
        "buchbinder2009",
        "kallmes2009",
    ]


@pytest.mark.parametrize(
    ("chosen", "chosen_filter", "expected"),
    [
        ("/x/refs", "RIS (*.ris)", ("/x/refs.ris", "ris")),
        ("/x/refs", "BibTeX (*.bib)", ("/x/refs.bib", "bibtex")),
        ("/x/refs.bib", "RIS (*.ris)", ("/x/refs.bib", "bibtex")),  # a typed suffix wins
        ("/x/refs.RIS", "BibTeX (*.bib)", ("/x/refs.RIS", "ris")),
    ],
)
def test_dialog_answer_to_path_and_format(chosen: str, chosen_filter: str, expected: tuple[str, str]) -> None:
    path, fmt = citation.export_target(chosen, chosen_filter)
    assert (str(path), fmt) == expected


def test_failed_export_says_so_and_keeps_the_old_file(
    view: ReferencesView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not view.export(tmp_path / "missing-folder" / "refs.ris", citation.RIS)
    assert view.status.text().startswith(f"\u26a0 Could not save {tmp_path / 'missing-folder' / 'refs.ris'}:")
    assert "No such file or directory" in view.status.text()

    target = tmp_path / "refs.ris"
    target.write_text("old content", "utf-8")

    def disk_full(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    assert not view.export(target, citation.RIS)
    assert "No space left on device" in view.status.text()
    assert target.read_text("utf-8") == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["refs.ris"]  # the temporary file is gone


def test_kiosk_hides_export(view: ReferencesView, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: pytest.fail("no file dialog in kiosk mode")
    )
    view.set_file_dialogs_allowed(False)
    assert not view.export_button.isVisible()
    assert view.copy_button.isVisible() and view.copy_all_button.isVisible()
    view.export_button.click()  # even if something triggers it, no dialog opens
    view.set_file_dialogs_allowed(True)
    assert view.export_button.isVisible()


def test_show_reference_selects_it_and_scrolls_it_into_view(view: ReferencesView, qtbot: QtBot) -> None:
    font = QFont(view.font())
    font.setPixelSize(30)  # kiosk-size text: the third reference starts out of sight
    view.setFont(font)
    third = view.model.index(2)
    qtbot.waitUntil(lambda: not view.list.viewport().rect().contains(view.list.visualRect(third)))
    view.show_reference("kallmes-2009")
    assert view.list.selectionModel().isSelected(third)
    assert view.list.viewport().rect().contains(view.list.visualRect(third))
    assert "PMID: 19657122" in view.details.text() and "DOI: 10.1056/NEJMoa0900563" in view.details.text()
    view.show_reference("no-such-reference")
    assert view.list.currentIndex().row() == 2


def test_back_link_names_the_first_citing_sentence(view: ReferencesView, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(view.citingSentenceRequested):
        view.show_reference("klazen-2010")  # the window calls this: it must not bounce back
    assert (
        "Cited in \u201cHow well do these surgeries work?\u201d: \u201cOne study showed"
        in view.details.text()
    )
    with qtbot.waitSignal(view.citingSentenceRequested, timeout=1000) as clicked:
        qtbot.mouseClick(view.cited_button, Qt.MouseButton.LeftButton)
    assert clicked.args == [TOPIC_ID, "ev-pain-relief"]
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.citingSentenceRequested, timeout=1000) as entered:
        qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert entered.args == [TOPIC_ID, "ev-no-difference"]


def test_clicking_identifiers_opens_nothing(view: ReferencesView, qtbot: QtBot) -> None:
    view.show_reference("klazen-2010")
    assert view.details.textFormat() == Qt.TextFormat.PlainText
    qtbot.mouseClick(view.details, Qt.MouseButton.LeftButton)
    qtbot.mouseDClick(
        view.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.list.visualRect(view.model.index(0)).center(),
    )
    # the no_browser fixture fails the test if anything tried to open a URL


def test_rows_wrap_and_grow_at_narrow_width(view: ReferencesView, qtbot: QtBot) -> None:
    view.resize(1280, 600)
    qtbot.waitUntil(lambda: view.list.visualRect(view.model.index(1)).height() > 0)
    wide = view.list.visualRect(view.model.index(1)).height()
    view.resize(700, 600)
    qtbot.waitUntil(lambda: view.list.visualRect(view.model.index(1)).height() > wide)
    qtbot.waitUntil(lambda: _row_heights(view) == _needed_heights(view))
    assert (
        view.list.visualRect(view.model.index(1)).right() <= view.list.viewport().width()
    )  # no sideways scroll


def test_kiosk_sized_font_gives_touch_sized_controls_and_rows(view: ReferencesView, qtbot: QtBot) -> None:
    font = QFont(view.font())
    font.setPixelSize(26)
    view.setFont(font)
    for control in (view.style_combo, view.copy_button, view.copy_all_button, view.cited_button):
        qtbot.waitUntil(lambda c=control: c.height() >= 44)
    qtbot.waitUntil(lambda: min(view.list.visualRect(view.model.index(r)).height() for r in range(3)) >= 44)


def test_every_focusable_widget_has_an_accessible_name_and_tooltip(view: ReferencesView) -> None:
    focusable = [
        w
        for w in view.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(view)
    ]
    assert {view.list, view.style_combo, view.copy_button, view.export_button, view.details} <= set(focusable)
    for widget in focusable:
        assert widget.accessibleName(), widget
        assert widget.toolTip(), widget


def test_topic_none_empties_the_list_and_disables_actions(view: ReferencesView) -> None:
    view.set_topic(None)
    assert view.model.rowCount() == 0
    assert not view.copy_all_button.isEnabled() and not view.export_button.isEnabled()
    assert not view.copy_button.isEnabled() and not view.cited_button.isEnabled()
