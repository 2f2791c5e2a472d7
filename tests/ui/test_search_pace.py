"""Search as you type with the adaptive pause (reader.ui.search_pace): fast typing is searched
once, at the end, not on every key; the answer shown is always the one to the last query; the
pause stays short over a cheap index and grows over a costly one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from reader.ui.search_pace import MAX_MS, MIN_MS, SearchPace
from reader.ui.search_panel import SearchPanel


class CountingService:
    """The real search service, with every query it is asked remembered."""

    def __init__(self, service: Any) -> None:
        self.service = service
        self.calls: list[str] = []

    def search(self, query: str, limit: int = 20) -> Any:
        self.calls.append(query)
        return self.service.search(query, limit)

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        return list(self.service.suggest(prefix, limit))


@pytest.fixture(scope="module")
def bundled_service(bundled_result: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from reader.search.service import SearchService

    service = SearchService(bundled_result.topics, index_dir=tmp_path_factory.mktemp("index"))
    service.ensure_index()
    yield service
    service.close()


@pytest.fixture
def counting(bundled_service: Any) -> CountingService:
    return CountingService(bundled_service)


@pytest.fixture
def panel(qtbot: Any, counting: CountingService) -> Iterator[SearchPanel]:
    widget = SearchPanel()  # the adaptive pause, as in the window
    qtbot.addWidget(widget)
    widget.set_service(counting)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.runner.wait()


def shown(panel: SearchPanel) -> list[str]:
    model = panel.results_model
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def expected(service: Any, query: str) -> list[str]:
    """The rows the panel shows for the answer to `query`, asked directly."""
    return [f"{hit.title} — {hit.topic_title}" for hit in service.search(query, 20).hits]


def test_fast_typing_is_searched_once_with_the_last_query(qtbot: Any, panel: SearchPanel, counting) -> None:
    with qtbot.waitSignal(panel.runner.resultReady) as answered:
        qtbot.keyClicks(panel.field, "vertebroplasty cement")  # one key after another, no pause
    assert answered.args[0] == "vertebroplasty cement"
    assert counting.calls == ["vertebroplasty cement"]
    assert shown(panel) == expected(counting.service, "vertebroplasty cement") != []


def test_typing_on_after_results_searches_again_and_shows_the_new_answer(qtbot: Any, panel, counting) -> None:
    with qtbot.waitSignal(panel.runner.resultReady):
        qtbot.keyClicks(panel.field, "balloon")
    first = panel.results_model.rowCount()
    with qtbot.waitSignal(panel.runner.resultReady) as answered:
        qtbot.keyClicks(panel.field, " cement")
    assert answered.args[0] == "balloon cement"
    assert counting.calls == ["balloon", "balloon cement"]
    assert first > 0 and shown(panel) == expected(counting.service, "balloon cement")


def test_keys_a_little_apart_are_not_each_searched(qtbot: Any, panel: SearchPanel, counting) -> None:
    text = "kyphoplasty"
    qtbot.keyClicks(panel.field, text, delay=10)  # about 10 ms between keys
    want = expected(counting.service, text)
    qtbot.waitUntil(lambda: counting.calls[-1:] == [text] and shown(panel) == want)
    qtbot.wait(MAX_MS)  # an answer to an earlier prefix, had one been asked, would be dropped by now
    assert len(counting.calls) < len(text)
    assert shown(panel) == want != []


def test_the_pause_is_short_over_a_cheap_index() -> None:
    pace = SearchPace()
    assert pace.delay_ms() == MIN_MS
    for _ in range(10):
        pace.record_search(0.003)  # the bundled topic: a few milliseconds per search
    assert MIN_MS <= pace.delay_ms() < 100


def test_the_pause_grows_with_costly_searches_up_to_a_bound() -> None:
    pace = SearchPace()
    pace.record_search(0.003)
    cheap = pace.delay_ms()
    for _ in range(5):
        pace.record_search(0.060)
    assert pace.delay_ms() > cheap
    for _ in range(20):
        pace.record_search(2.0)
    assert pace.delay_ms() == MAX_MS
    for _ in range(40):
        pace.record_search(0.002)  # the index became cheap again (a smaller pack)
    assert pace.delay_ms() < 100


def test_a_fixed_pause_stays_fixed() -> None:
    pace = SearchPace(40, 40)
    pace.record_search(1.0)
    assert pace.delay_ms() == 40
