"""Issue 13's four examples in the window: the search panel over the real service and bundled topic."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.search.service import SearchService
from reader.ui.search_panel import SearchPanel


@pytest.fixture
def panel(qtbot, bundled_result, tmp_path: Path) -> Iterator[SearchPanel]:
    service = SearchService(bundled_result.topics, index_dir=tmp_path / "index")
    service.ensure_index()
    widget = SearchPanel(debounce_ms=40)
    qtbot.addWidget(widget)
    widget.set_service(service)
    widget.resize(420, 560)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.runner.wait()
    service.close()


def titles(panel: SearchPanel) -> list[str]:
    model = panel.results_model
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def type_and_wait(qtbot, panel: SearchPanel, text: str) -> None:
    qtbot.keyClicks(panel.field, text)
    qtbot.waitUntil(
        lambda: (
            panel.status_label.text().endswith(("result", "results"))
            or "No results" in panel.status_label.text()
        )
    )


def test_a_question_shows_the_procedures_and_no_did_you_mean(qtbot, panel):
    type_and_wait(qtbot, panel, "how long does it take")
    qtbot.wait(100)  # any late suggestion would show by now
    assert not panel.suggestion_row.isVisible()
    assert [t.split(" — ")[0] for t in titles(panel)] == ["Vertebroplasty", "Kyphoplasty"]


def test_a_misspelt_word_offers_back_pain(qtbot, panel):
    type_and_wait(qtbot, panel, "bak pain")
    qtbot.waitUntil(panel.suggestion_row.isVisible)
    assert panel.suggestion_button.text() == "back pain"
    assert titles(panel)[0].startswith("Topic Overview")


def test_side_effects_show_possible_problems(qtbot, panel):
    type_and_wait(qtbot, panel, "side effects")
    qtbot.waitUntil(lambda: panel.results_model.rowCount() == 1)
    assert titles(panel)[0].startswith("Possible problems")


def test_kyphoplasty_shows_its_section_and_the_overview_only(qtbot, panel):
    type_and_wait(qtbot, panel, "kyphoplasty")
    qtbot.waitUntil(lambda: panel.status_label.text() == "2 results")
    assert [t.split(" — ")[0] for t in titles(panel)] == ["Kyphoplasty", "Topic Overview"]
    with qtbot.waitSignal(panel.resultActivated) as opened:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert opened.args[1] == "kyphoplasty"
