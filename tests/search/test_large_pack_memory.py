"""The search service works over a lazily built TopicStore without keeping every topic in memory."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from reader.content import Topic, load_content
from reader.content.store import TopicRecord
from reader.search import IndexManager, SearchService
from tests.conftest import BUNDLED_TOPIC


def _pack(root: Path, count: int) -> Path:
    topics = root / "pack" / "topics"
    topics.mkdir(parents=True)
    text = BUNDLED_TOPIC.read_text("utf-8")
    for i in range(count):
        page = text.replace("id: vertebroplasty-kyphoplasty", f"id: topic-{i}")
        page = page.replace("title: Vertebroplasty and Kyphoplasty", f"title: Topic {i:03d}")
        (topics / f"t{i}.yaml").write_text(page, "utf-8")
    return root / "pack"


def test_warm_service_keeps_only_recent_topics_built(tmp_path: Path) -> None:
    pack, cache, index = _pack(tmp_path, 400), tmp_path / "cache", tmp_path / "index"
    first = SearchService(load_content(pack, cache).topics, index)
    assert first.ensure_index().action == "built"
    first.close()
    del first  # the cold load held every topic; only the warm service is measured
    store = load_content(pack, cache).topics  # warm: every topic comes from the cache
    service = SearchService(store, index)
    try:
        assert service.ensure_index().action == "reused"
        gc.collect()
        alive = sum(isinstance(o, Topic) and o.id.startswith("topic-") for o in gc.get_objects())
        assert alive <= 260, alive  # about the store's bound of 256, not all 400
        result = service.search("balloon", limit=5)
        assert result.total > 0 and all(hit.section_id == "kyphoplasty" for hit in result.hits)
        assert service.suggest("Topic 39", limit=20)[:1] == ["Topic 390"]
    finally:
        service.close()


def test_updating_one_topic_builds_only_that_topic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack, cache, index = _pack(tmp_path, 400), tmp_path / "cache", tmp_path / "index"
    IndexManager(index).ensure(load_content(pack, cache).topics)[0].searcher.close()
    changed = pack / "topics" / "t7.yaml"
    changed.write_text(changed.read_text("utf-8").replace("Nerve damage.", "Nerve damage (rare)."), "utf-8")
    store = load_content(pack, cache).topics  # 399 topics from the cache, one parsed again
    built: list[str] = []
    real_build = TopicRecord.build

    def counting_build(record: TopicRecord) -> Topic:
        built.append(record.path)
        return real_build(record)

    monkeypatch.setattr(TopicRecord, "build", counting_build)
    opened, report = IndexManager(index).ensure(store)
    opened.searcher.close()
    assert report.action == "updated" and report.topics_indexed == 1
    assert built == []  # the changed topic was parsed by the loader; none came out of the cache
