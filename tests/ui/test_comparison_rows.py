"""The comparison hides nothing the text supports (issue 15): "Possible problems" and "Studies cited"
rows, each cell with its sources, and every cell keeping the source's modality ("may", "can be used
to", "likely")."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from reader.content import Topic
from reader.ui.comparison import SOURCES_ROLE, ComparisonModel

VERTEBROPLASTY, KYPHOPLASTY = 0, 1


def _model(topic: Topic) -> ComparisonModel:
    model = ComparisonModel()
    model.set_topic(topic)
    return model


def _row(topic: Topic, attribute_id: str) -> int:
    assert topic.comparison is not None
    return [a.id for a in topic.comparison.attributes].index(attribute_id)


def _cell_text(model: ComparisonModel, row: int, column: int) -> str:
    return str(model.index(row, column).data())


def test_possible_problems_row_shows_the_same_sourced_value_for_both_and_says_why(
    bundled_topic: Topic,
) -> None:
    model, row = _model(bundled_topic), _row(bundled_topic, "problems")
    assert model.headerData(row, Qt.Orientation.Vertical) == "Possible problems"
    vp, kp = _cell_text(model, row, VERTEBROPLASTY), _cell_text(model, row, KYPHOPLASTY)
    assert vp == kp
    assert vp.startswith("The text lists these for both surgeries together")
    for problem in ("allergic reactions", "nerve damage", "infection", "pulmonary embolism"):
        assert problem in vp
    for column in (VERTEBROPLASTY, KYPHOPLASTY):
        keys = [s.sentence for s in model.index(row, column).data(SOURCES_ROLE)]
        assert keys == [
            "risk-intro",
            "risk-allergy",
            "risk-nerve",
            "risk-infection",
            "risk-clot",
            "risk-multiple",
        ]
        quoted = model.index(row, column).data(Qt.ItemDataRole.AccessibleDescriptionRole)
        assert "\u201cPossible problems from the surgeries include:\u201d" in quoted


def test_studies_row_gives_the_trials_reference_numbers_and_none_for_kyphoplasty(
    bundled_topic: Topic,
) -> None:
    model, row = _model(bundled_topic), _row(bundled_topic, "studies")
    assert model.headerData(row, Qt.Orientation.Vertical) == "Studies cited"
    vp = _cell_text(model, row, VERTEBROPLASTY)
    numbers = {r.id: r.number for r in bundled_topic.references}
    cited = sorted({numbers[c] for s in bundled_topic.sections for x in s.sentences() for c in x.cites})
    assert cited == [1, 2, 3]
    assert sorted(int(n) for n in re.findall(r"\b(\d)\b", vp.split(":")[0])) == cited
    kp = _cell_text(model, row, KYPHOPLASTY)
    assert kp.startswith("None: the text cites no study of kyphoplasty")
    assert not re.search(r"\d", kp)
    vp_sources = [s.sentence for s in model.index(row, VERTEBROPLASTY).data(SOURCES_ROLE)]
    assert {"ev-pain-relief", "ev-no-difference"} <= set(vp_sources)  # the two sentences that cite
    for column in (VERTEBROPLASTY, KYPHOPLASTY):
        assert model.index(row, column).data(SOURCES_ROLE), "each cell says where it comes from"


def test_cells_keep_the_sources_modality(bundled_topic: Topic) -> None:
    model = _model(bundled_topic)
    purpose = _cell_text(model, _row(bundled_topic, "purpose"), KYPHOPLASTY)
    assert "can be used to return the vertebrae to a more normal shape" in purpose
    assert "can return" not in purpose
    home = _row(bundled_topic, "going-home")
    assert _cell_text(model, home, KYPHOPLASTY) == (
        "You may go home that day, or you may spend the night in the hospital."
    )
    assert "likely" in _cell_text(model, home, VERTEBROPLASTY)


def test_every_stated_cell_has_sources_that_resolve(bundled_topic: Topic) -> None:
    model = _model(bundled_topic)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if model.cell_at(index)[2].stated:  # type: ignore[index]
                resolved = model.source_sentences(index)
                assert resolved and all(sentence is not None for _, sentence in resolved)
