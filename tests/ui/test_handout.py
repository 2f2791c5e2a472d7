"""Issue 14, items 16-18: the handout cites in the chosen style, has no orphan last page (the
credits and disclaimer stay together, headings stay with their text, the print date is in the
footer), and holds what the clinician chose, with a footer of title, source, revision date and
page n of m on every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter
from pytestqt.qtbot import QtBot

from reader.content import citation
from reader.content.model import Topic
from reader.ui.handout import make_handout, write_pdf
from reader.ui.handout_content import HandoutChoice
from reader.ui.handout_dialog import HandoutDialog
from reader.ui.handout_pages import HandoutPages, credits_block, footer_lines
from reader.ui.main_window import MainWindow
from reader.ui.render import RenderOptions
from tests.e2e.harness import PINNED_TODAY, make_window, pdf_text

OPTIONS = RenderOptions(today=PINNED_TODAY)


def _pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def _writer(tmp_path: Path, size: QPageSize.PageSizeId) -> QPdfWriter:
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15))
    )
    return writer


# --- 16: the chosen citation style, from the reference list's formatter ---------------------------


def test_the_handout_cites_in_the_style_chosen_in_the_references_panel(
    qtbot: QtBot, bundled_topic: Topic, tmp_path: Path
) -> None:
    window: MainWindow = make_window(qtbot, [bundled_topic], tmp_path / "reader.ini")
    combo = window.references.style_combo
    combo.setCurrentIndex(combo.findData(citation.AMA))
    text = window.handout.handout(HandoutChoice()).document.toPlainText()
    differing = 0
    for ref in bundled_topic.references:
        ama, nlm = citation.citation_text(ref, citation.AMA), citation.citation_text(ref, citation.VANCOUVER)
        assert ama in text, ref.id
        if ama != nlm:
            differing += 1
            assert nlm not in text, f"{ref.id}: NLM text in an AMA handout"
    assert differing > 0, "the styles must differ somewhere for this test to mean anything"
    combo.setCurrentIndex(combo.findData(citation.VANCOUVER))
    text = window.handout.handout(HandoutChoice()).document.toPlainText()
    assert all(citation.citation_text(r, citation.VANCOUVER) in text for r in bundled_topic.references)


# --- 17: no orphan last page ----------------------------------------------------------------------


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize(
    "size", [QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter, QPageSize.PageSizeId.A5]
)
def test_credits_stay_together_and_headings_stay_with_their_text(
    qapp: object, bundled_topic: Topic, tmp_path: Path, size: QPageSize.PageSizeId, large: bool
) -> None:
    handout = make_handout(bundled_topic, OPTIONS, HandoutChoice(large_print=large))
    pages = HandoutPages(handout, _writer(tmp_path, size))
    document, layout = pages.document, pages.document.documentLayout()
    start = credits_block(document)
    assert start is not None
    end = layout.documentSize().height() - document.documentMargin() - 1
    assert pages.page_of(layout.blockBoundingRect(start).top()) == pages.page_of(end) == pages.count
    block = document.firstBlock()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0 and block.next().isValid():
            below = block.next()
            first = layout.blockBoundingRect(below).top() + below.layout().lineAt(0).height() - 1
            assert pages.page_of(layout.blockBoundingRect(block).top()) == pages.page_of(first), block.text()
        block = block.next()


def test_a_second_layout_starts_afresh(qapp: object, bundled_topic: Topic, tmp_path: Path) -> None:
    """A print preview lays the same document out again for every page setup: the breaks of a
    small page must not stay for a large one."""
    handout = make_handout(bundled_topic, OPTIONS)
    first = HandoutPages(handout, _writer(tmp_path, QPageSize.PageSizeId.A4)).count
    HandoutPages(handout, _writer(tmp_path, QPageSize.PageSizeId.A7))  # breaks elsewhere
    assert HandoutPages(handout, _writer(tmp_path, QPageSize.PageSizeId.A4)).count == first


def test_the_print_date_is_in_the_footer_not_the_text(qapp: object, bundled_topic: Topic) -> None:
    handout = make_handout(bundled_topic, OPTIONS)
    assert "Printed on" not in handout.document.toPlainText()
    assert "printed on 25 November 2026" in footer_lines(handout.facts, 3, 3)[2]


# --- 18: the clinician's choice, large print, and the footer ------------------------------------


def test_the_comparison_table_is_in_the_handout(qapp: object, bundled_topic: Topic) -> None:
    assert bundled_topic.comparison is not None
    text = make_handout(bundled_topic, OPTIONS).document.toPlainText()
    assert "How the procedures compare" in text
    for procedure in bundled_topic.comparison.procedures:
        assert procedure.name in text
        for attribute in bundled_topic.comparison.attributes:
            cell = procedure.cells[attribute.id]
            assert attribute.label in text
            assert (cell.value if cell.stated else "Not stated") in text


def test_only_the_chosen_parts_go_in(qapp: object, bundled_topic: Topic) -> None:
    first, *others = bundled_topic.sections
    choice = HandoutChoice(sections=(first.id,), comparison=False, references=False)
    document = make_handout(bundled_topic, OPTIONS, choice).document
    text = document.toPlainText()
    assert first.title in text
    assert [s.title for s in others if s.title in text.splitlines()] == []
    assert "How the procedures compare" not in text
    assert "References" not in text.splitlines()
    assert "Credits" in text, "the credits and disclaimer always go in"


def test_large_print_is_larger_and_longer(qapp: object, bundled_topic: Topic, tmp_path: Path) -> None:
    normal = HandoutPages(make_handout(bundled_topic, OPTIONS), _writer(tmp_path, QPageSize.PageSizeId.A4))
    large_handout = make_handout(bundled_topic, OPTIONS, HandoutChoice(large_print=True))
    large = HandoutPages(large_handout, _writer(tmp_path, QPageSize.PageSizeId.A4))
    assert large_handout.document.defaultFont().pointSizeF() >= 16
    assert large.document.defaultFont().pointSizeF() >= 16, "the copy laid out keeps the size"
    assert large.count > normal.count


def test_the_pdf_has_a_footer_on_every_page(qapp: object, bundled_topic: Topic, tmp_path: Path) -> None:
    path = tmp_path / "handout.pdf"
    pages = write_pdf(make_handout(bundled_topic, OPTIONS), path)
    assert pages >= 2 and _pdf_pages(path) == pages
    text = pdf_text(path)
    for page in range(1, pages + 1):
        assert f"Page {page} of {pages}" in text
    assert text.count(bundled_topic.title) >= pages + 1  # the heading and every footer
    assert text.count("Healthwise, Incorporated \u2014 last revised 24 May 2011") == pages
    assert text.count("printed on 25 November 2026") == pages


def test_the_dialog_gives_the_choice(qtbot: QtBot, bundled_topic: Topic) -> None:
    dialog = HandoutDialog(bundled_topic, "Print")
    qtbot.addWidget(dialog)
    assert dialog.choice() == HandoutChoice()  # everything, normal print, by default
    dropped = bundled_topic.sections[1].id
    dialog.section_boxes[dropped].setChecked(False)
    dialog.references_box.setChecked(False)
    dialog.large_box.setChecked(True)
    choice = dialog.choice()
    assert choice.sections is not None and dropped not in choice.sections
    assert len(choice.sections) == len(bundled_topic.sections) - 1
    assert (choice.comparison, choice.references, choice.large_print) == (True, False, True)
    for box in (*dialog.section_boxes.values(), dialog.comparison_box, dialog.references_box):
        assert box.accessibleName() and box.toolTip()


def test_the_window_asks_what_goes_in_before_saving(
    qtbot: QtBot, bundled_topic: Topic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = make_window(qtbot, [bundled_topic], tmp_path / "reader.ini")
    asked: list[str] = []

    def choose(parent: object, topic: Topic, action: str) -> HandoutChoice:
        asked.append(action)
        return HandoutChoice(comparison=False)

    window.handout.ask_choice = choose
    target = tmp_path / "chosen.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.action_table["export_pdf"].trigger()
    assert asked == ["Save PDF"]
    assert "How the procedures compare" not in pdf_text(target)
    window.handout.ask_choice = lambda parent, topic, action: None  # cancelled: nothing written
    target.unlink()
    window.action_table["export_pdf"].trigger()
    assert not target.exists()
