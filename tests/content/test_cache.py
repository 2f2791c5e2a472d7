"""The pack cache: a warm load reuses unchanged files, builds topics lazily and survives damage."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest

from reader.content import ContentError, Topic, load_content
from reader.content import cache as cache_module
from reader.content import loader as loader_module
from reader.content import store as store_module
from reader.content.cache import INDEX_NAME, pack_cache_dir
from reader.content.cachecodec import CacheFormatError, decode_topic, encode_topic
from reader.locking import InterProcessLock, LockTimeoutError
from tests.conftest import BUNDLED_TOPIC
from tests.reliability.planted import code_that_makes, plant_in_content_cache
from tests.reliability.procs import json_line, run_python

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


@pytest.mark.parametrize("damage", ["truncate", "garbage", "delete_data", "wrong shape", "data shrunk"])
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
    elif damage == "wrong shape":  # valid JSON, a number where a path belongs
        index.write_text(index.read_text("utf-8").replace('"records":[["', '"records":[[7,"'), "utf-8")
    elif damage == "data shrunk":
        (data,) = folder.glob("data-*")
        data.write_bytes(data.read_bytes()[:-1])
    else:
        for data in folder.glob("data-*"):
            data.unlink()
    with caplog.at_level(logging.WARNING):
        result = load_content(pack, cache)
    assert list(result.topics) == expected
    assert "content cache" in caplog.text and "unreadable" in caplog.text
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


# --- a cache someone else wrote, and a cache damaged while the reader runs ---------------------------


@pytest.mark.parametrize("where", ["old pickle index only", "every cache file"])
def test_a_planted_pickle_in_the_cache_never_runs(
    tmp_path: Path, where: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Whoever can write the cache (on a kiosk: the shared patient account) must not get code run:
    the cache is read as data, an old pickled cache is never opened, and the pack is reloaded."""
    pack, cache, marker = _pack(tmp_path), tmp_path / "cache", tmp_path / "code-ran"
    expected = list(load_content(pack, cache).topics)
    folder = pack_cache_dir(cache, pack)
    if where == "every cache file":
        plant_in_content_cache(cache, code_that_makes(marker))
    else:
        (folder / "index.pickle").write_bytes(code_that_makes(marker))
    with caplog.at_level(logging.INFO, logger="reader.content"):
        result = load_content(pack, cache)
        topics = list(result.topics)
    assert not marker.exists(), "the planted pickle ran"
    assert topics == expected
    assert "content cache" in caplog.text
    assert not (folder / "index.pickle").exists()  # the old format is removed, not kept
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="reader.content"):
        assert list(load_content(pack, cache).topics) == expected  # rewritten as plain data
    assert "content cache" not in caplog.text and not marker.exists()


def test_a_damaged_topic_in_the_cache_is_read_again_from_its_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Bytes changed in the cache's data file while the reader runs (same size): the topic is read
    again from its file, and the damage is logged."""
    pack, cache = _pack(tmp_path), tmp_path / "cache"
    expected = list(load_content(pack, cache).topics)
    warm = load_content(pack, cache)
    (data,) = pack_cache_dir(cache, pack).glob("data-*")
    raw = bytearray(data.read_bytes())
    middle = len(raw) // 2
    raw[middle : middle + 20] = b"#" * 20
    data.write_bytes(bytes(raw))
    with caplog.at_level(logging.WARNING, logger="reader.content"):
        assert list(warm.topics) == expected
    assert "damaged" in caplog.text and "reading" in caplog.text


TRUNCATE_WHILE_RUNNING = """
import json, os, sys
from pathlib import Path
from reader.content import ContentError, Topic, load_content
from reader.content.cache import pack_cache_dir
pack, cache = Path(sys.argv[1]), Path(sys.argv[2])
warm = load_content(pack, cache)
first = warm.topics[0].title  # one topic built before the damage
(data,) = pack_cache_dir(cache, pack).glob("data-*")
os.truncate(data, 100)  # as `: > data-*.bin` or a full disk would leave it
titles = [topic.title for topic in warm.topics]  # topics not built yet
print(json.dumps({"first": first, "titles": titles}))
"""


def test_cache_data_file_truncated_while_running_reloads_instead_of_crashing(tmp_path: Path) -> None:
    """Run in a child process: a SIGBUS from a memory-mapped file would kill it, not pytest."""
    pack, cache = _pack(tmp_path), tmp_path / "cache"
    expected = [t.title for t in load_content(pack, cache).topics]
    done = run_python(["-c", TRUNCATE_WHILE_RUNNING, str(pack), str(cache)], tmp_path)
    assert done.returncode == 0, f"exit {done.returncode} (-7 is SIGBUS)\n{done.stderr}"
    report = json_line(done.stdout)
    assert report == {"first": "Topic 00", "titles": expected}
    assert "damaged" in done.stderr and "t1.yaml" in done.stderr


def test_the_cache_format_gives_back_every_field_of_a_topic(bundled_topic: Topic) -> None:
    """The bundled topic has references, a comparison, lists, reviewers and editorial notes."""
    assert bundled_topic.comparison is not None and bundled_topic.references
    assert decode_topic(encode_topic(bundled_topic)) == bundled_topic
    broken = encode_topic(bundled_topic).replace(b'"vertebroplasty-kyphoplasty"', b"42", 1)
    with pytest.raises(CacheFormatError, match="expected text"):
        decode_topic(broken)


def test_damaged_cache_and_a_changed_file_give_a_clear_error(tmp_path: Path) -> None:
    """Both the cached copy and the file gone bad since start: an error naming the file, no crash."""
    pack, cache = _pack(tmp_path), tmp_path / "cache"
    load_content(pack, cache)
    warm = load_content(pack, cache)
    (data,) = pack_cache_dir(cache, pack).glob("data-*")
    os.truncate(data, 0)
    (pack / "topics" / "t2.yaml").write_text("id: [broken\n", "utf-8")
    with pytest.raises(ContentError, match=r"t2\.yaml.*topic 'topic-2': cache damaged and file changed"):
        warm.topics.get("topic-2")


def test_the_whole_write_holds_the_folders_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two processes writing at once: each removes the other's data file as stale, and the index
    left behind named a lost file (seen as a flaky 'content cache is unreadable' in
    test_two_processes_open_the_same_cache_at_once). The data file and the index are written
    under one lock, so another writer cannot get in between."""
    pack, cache_root = _pack(tmp_path), tmp_path / "cache"
    held: list[bool] = []
    real = cache_module.PackCache._write_locked

    def checking(self, records):  # type: ignore[no-untyped-def]
        try:
            with InterProcessLock(self.folder / cache_module.LOCK_NAME, timeout=0):
                held.append(False)  # another writer could have taken it
        except LockTimeoutError:
            held.append(True)
        real(self, records)

    monkeypatch.setattr(cache_module.PackCache, "_write_locked", checking)
    load_content(pack, cache_root)
    assert held == [True]
    data_files = list(pack_cache_dir(cache_root, pack).glob("data-*"))
    assert len(data_files) == 1


# --- section titles for the search's completions -----------------------------------------------------


def test_section_titles_come_from_the_cache_without_building_a_topic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack, cache = _pack(tmp_path), tmp_path / "cache"
    first = load_content(pack, cache)
    expected = [tuple(s.title for s in topic.sections) for topic in first.topics]
    warm = load_content(pack, cache)
    built: list[str] = []
    real_build = store_module.TopicRecord.build
    monkeypatch.setattr(
        store_module.TopicRecord, "build", lambda self: built.append(self.path) or real_build(self)
    )
    assert warm.topics.section_titles() == expected
    assert expected[0][0] == "Topic Overview" and built == []


def test_a_damaged_headings_file_gives_the_titles_from_the_topics(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pack, cache = _pack(tmp_path), tmp_path / "cache"
    expected = [tuple(s.title for s in topic.sections) for topic in load_content(pack, cache).topics]
    [headings] = pack_cache_dir(cache, pack).glob("headings-*")
    headings.write_text('[["only one"]]', "utf-8")  # too few rows: does not match its index
    warm = load_content(pack, cache)
    with caplog.at_level(logging.WARNING):
        assert warm.topics.section_titles() == expected
    assert sum("does not match its index" in r.getMessage() for r in caplog.records) == 1
