"""The whole window on a 10,000-topic pack served from the cache: no widget per topic and
only the topics on screen are built."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QWidget

from reader.content import Topic
from reader.content.cachecodec import encode_topic
from reader.content.store import TopicRecord, TopicStore
from tests.e2e.harness import make_window

COUNT = 10_000


def _cached_store(topic: Topic) -> TopicStore:
    """A store like a warm load makes: records with titles, topics only as cached JSON bytes."""
    records = []
    for n in range(COUNT):
        blob = encode_topic(replace(topic, id=f"topic-{n:05d}", title=f"Topic {n:05d}"))
        record = TopicRecord(f"t{n}.yaml", 0, 0, f"topic-{n:05d}", f"Topic {n:05d}", f"sha{n}")
        record.blob = lambda blob=blob: blob
        records.append(record)
    return TopicStore(records)


def test_window_opens_a_large_pack_lazily(qtbot, bundled_topic, tmp_path: Path) -> None:
    store = _cached_store(bundled_topic)
    window = make_window(qtbot, store, tmp_path / "reader.ini")
    model = window.toc.toc_model()
    assert model.topic_count() == COUNT
    assert model.rowCount() < COUNT  # rows are fetched in batches as the list scrolls
    assert window.current_topic().id == "topic-00000"
    gc.collect()
    built = sum(isinstance(o, Topic) for o in gc.get_objects())
    assert built < 50, built  # the topic shown and a handful more, not 10,000
    assert len(window.toc.findChildren(QWidget)) < 30  # no widget per row
    index = model.index_for("topic-09999", "risks")
    assert index.data() == "Possible problems"
    window.navigate("topic-09999", "risks")
    assert window.current_topic().title == "Topic 09999"
