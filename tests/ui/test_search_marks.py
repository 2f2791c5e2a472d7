"""Search marks found in a document: word starts, any case, phrases across spaces, merged spans."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from reader.ui.search_marks import SearchMarks, merge_overlapping


def _document(text: str) -> QTextDocument:
    document = QTextDocument()
    document.setPlainText(text)
    return document


def test_marks_word_starts_in_any_case_and_phrases(qapp: object) -> None:
    document = _document("Fracture pain. A fractured bone; refracture. Bone  cement and bone cement.")
    marks = SearchMarks()
    assert marks.find(document, ["fractur"]) == 2  # "refracture" is not a word start
    assert [document.toPlainText()[a:b] for a, b in marks.spans] == ["Fracture", "fractured"]
    assert marks.find(document, ["bone cement", "  "]) == 2
    assert marks.terms == ["bone cement"]


def test_step_starts_from_the_screen_and_wraps(qapp: object) -> None:
    document = _document("pain one, pain two, pain three")
    marks = SearchMarks()
    marks.find(document, ["pain"])
    first, second, third = marks.spans
    assert marks.step(+1, top_position=second[0]) == second  # the first hit on screen
    assert marks.step(+1, top_position=0) == third
    assert marks.step(+1, top_position=0) == first  # wraps
    assert marks.current() == first
    marks.clear()
    assert marks.step(+1, top_position=0) is None and marks.current() is None


def test_overlapping_spans_are_merged_once() -> None:
    assert merge_overlapping([(0, 5), (3, 8), (8, 10), (12, 14)]) == [(0, 8), (8, 10), (12, 14)]
