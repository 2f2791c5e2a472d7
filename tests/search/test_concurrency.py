"""Two processes building the same index at once, and threads searching while it is rebuilt."""

from __future__ import annotations

import multiprocessing
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from reader.resources import BUNDLED_CONTENT_DIR
from reader.search import IndexManager, SearchService
from reader.search import manifest as mf


def build_in_child(index_dir: str, barrier: Any, results: Any) -> None:
    """Runs in a fresh (spawned) process: wait for the other one, then build the index slowly."""
    from reader.content import load_content
    from reader.search import index as index_module

    publish = index_module.IndexManager._publish

    def slow_publish(self, *args, **kwargs):  # widen the window in which the other process waits
        time.sleep(0.5)
        return publish(self, *args, **kwargs)

    index_module.IndexManager._publish = slow_publish  # type: ignore[method-assign]
    topics = load_content(BUNDLED_CONTENT_DIR).topics
    service = SearchService(topics, Path(index_dir))
    barrier.wait(timeout=60)
    report = service.ensure_index()
    results.put((report.action, report.location, service.search("balloon").total))
    service.close()


@pytest.mark.slow
def test_two_processes_building_at_once_leave_one_valid_index(bundled_result, tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    children = [ctx.Process(target=build_in_child, args=(str(tmp_path), barrier, results)) for _ in range(2)]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=120) for _ in children]
    for child in children:
        child.join(timeout=60)
        assert child.exitcode == 0

    assert sorted(action for action, _, _ in outcomes) == [
        "built",
        "reused",
    ]  # the second waited, then reused
    assert outcomes[0][1] == outcomes[1][1]  # both ended on the same version
    assert all(total == 1 for _, _, total in outcomes)
    live, problem = IndexManager(tmp_path).open_current()
    assert live is not None, problem
    assert live.manifest.documents == 7
    live.close()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith((mf.TEMP_PREFIX, mf.VERSION_PREFIX))]
    assert leftovers == [Path(outcomes[0][1]).name]
    assert SearchService(bundled_result.topics, tmp_path).ensure_index().action == "reused"


def test_threads_search_while_the_index_is_rebuilt(bundled_result, tmp_path: Path) -> None:
    service = SearchService(bundled_result.topics, tmp_path)
    service.ensure_index()
    errors: list[BaseException] = []
    totals: list[int] = []
    stop = threading.Event()

    def searcher() -> None:
        try:
            while not stop.is_set():
                totals.append(service.search("balloon").total)
                service.suggest("kyph")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=searcher) for _ in range(3)]
    for thread in threads:
        thread.start()
    for _ in range(3):
        service.rebuild_index()
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert totals and set(totals) == {1}  # every search, before, during and after, found the one section


def test_an_open_index_survives_another_process_replacing_it(bundled_result, tmp_path: Path) -> None:
    first = SearchService(bundled_result.topics, tmp_path)  # this app instance keeps its index open...
    first.ensure_index()
    old = tmp_path / str(mf.read_pointer(tmp_path))
    SearchService(bundled_result.topics, tmp_path).rebuild_index()  # ...while another one replaces it
    assert not old.exists()
    result = first.search("kyphoplsty")  # the first search to need the vocabulary, after the swap
    assert (result.suggestion, result.hits[0].section_id) == ("kyphoplasty", "kyphoplasty")
    first.close()
