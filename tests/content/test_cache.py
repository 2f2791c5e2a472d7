"""The pack cache: a warm load reuses unchanged files, builds topics lazily and survives damage."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest

from reader.content import load_content
from reader.content import loader as loader_module
from reader.content.cache import INDEX_NAME, pack_cache_dir
from tests.conftest import BUNDLED_TOPIC

GOOD = BUNDLED_TOPIC.read_text("utf-8")


def _pack(root: Path, n: int = 5) -> Path:
    topics = root / "pack" / "topics"
    topics.mkdir(parents=True)
    for i in range(n):
        text = GOOD.replace("id: vertebroplasty-kyphoplasty", f"id: topic-{i}").replace(
            "title: Vertebroplasty and Kyphoplasty", f"title: Topic {i:02d}"
        )
        (topics / f"t{i}.yaml").write_text(text, "utf-8")
    (topics / "bad.yaml").write_text("id: [broken\n", "utf-8")
    return root / "pack"


@pytest.fixture
def parse_counter(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    real = loader_module.load_topic_file

    def counting(path: Path):  # type: ignore[no-untyped-def]
        calls.append(path)
        return real(path)

    monkeypatch.setattr(loader_module, "load_topic_file", counting)
    return calls


def test_warm_load_parses_nothing_and_gives_the_same_topics(
    tmp_path: Path, parse_counter: list[Path]
) -> None:
    pack, cache = _pack(tmp_path), tmp_path / "cache"
    cold = load_content(pack, cache)
    assert len(parse_counter) == 6
    parse_counter.clear()
    warm = load_content(pack, cache)
    assert parse_counter == []
    assert [t.id for t in warm.topics] == [t.id for t in cold.topics] == [f"topic-{i}" for i in range(5)]
    assert list(warm.topics) == list(cold.topics)  # equal field by field, sentences and all
    assert [str(e) for e in warm.errors] == [str(e) for e in cold.errors]
    assert len(warm.errors) == 1 and "bad.yaml:2: YAML syntax error" in str(warm.errors[0])


def test_changed_file_is_parsed_again(tmp_path: Path, parse_counter: list[Path]) -> None:
    pack, cache = _pack(tmp_path), tmp_path / "cache"
    load_content(pack, cache)
    parse_counter.clear()
    changed = pack / "topics" / "t3.yaml"
    changed.write_text(changed.read_text("utf-8").replace("title: Topic 03", "title: Renamed"), "utf-8")
    os.utime(changed, ns=(1, 1))  # a different time even on coarse file systems
    result = load_content(pack, cache)
    assert parse_counter == [changed]
    assert result.topic("topic-3").title == "Renamed"
    assert load_content(pack, cache).topic("topic-3").title == "Renamed"


def test_removed_and_added_files_are_noticed(tmp_path: Path) -> None:
    pack, cache = _pack(tmp_path), tmp_path / "cache"
    load_content(pack, cache)
    (pack / "topics" / "t0.yaml").unlink()
    shutil.copy(pack / "topics" / "t1.yaml", pack / "topics" / "t9.yaml")
    result = load_content(pack, cache)
    assert "topic-0" not in [t.id for t in result.topics]
    assert any("already used by" in str(e) for e in result.errors)


@pytest.mark.parametrize("damage", ["truncate", "garbage", "delete_data"])
def test_damaged_cache_is_ignored_and_rewritten(
    tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    pack, cache = _pack(tmp_path), tmp_path / "cache"
    expected = list(load_content(pack, cache).topics)
    folder = pack_cache_dir(cache, pack)
    index = folder / INDEX_NAME
    if damage == "truncate":
        index.write_bytes(index.read_bytes()[:40])
    elif damage == "garbage":
        index.write_bytes(b"\x80\x05not a pickle at all")
    else:
        for data in folder.glob("data-*.bin"):
            data.unlink()
    with caplog.at_level(logging.WARNING):
        result = load_content(pack, cache)
    assert list(result.topics) == expected
    assert list(load_content(pack, cache).topics) == expected  # and the rewritten cache works


def test_unwritable_cache_still_loads(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    pack = _pack(tmp_path)
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    result = load_content(pack, blocker)
    assert len(result.topics) == 5
    assert "could not write the content cache" in caplog.text


def test_topics_are_built_only_when_used(tmp_path: Path) -> None:
    pack, cache = _pack(tmp_path), tmp_path / "cache"
    load_content(pack, cache)
    warm = load_content(pack, cache)
    assert warm.topics.titles() == [f"Topic {i:02d}" for i in range(5)]
    assert all(r.topic is None for r in warm.topics._records)  # nothing built by listing
    assert warm.topics[2].sections[0].title == "Topic Overview"
    assert warm.topics[-1].id == "topic-4"
    assert [t.id for t in warm.topics[1:3]] == ["topic-1", "topic-2"]
    with pytest.raises(IndexError):
        warm.topics[5]
