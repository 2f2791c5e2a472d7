"""Index lifecycle: built once, reused, updated for a changed topic, recovered when damaged."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from reader.locking import InterProcessLock
from reader.search import IndexManager, SearchService
from reader.search import manifest as mf
from tests.search.conftest import OTHER_TOPIC_ID, add_other_topic, edit_sentence, load_topics


def live_dir(index_dir: Path) -> Path:
    name = mf.read_pointer(index_dir)
    assert name is not None
    return index_dir / name


def segment_files(version: Path) -> dict[str, int]:
    """Whoosh segment files of a version and their inodes."""
    return {p.name: p.stat().st_ino for p in version.iterdir() if p.suffix == ".seg"}


def test_built_once_then_reused(bundled_result, tmp_path: Path) -> None:
    first = SearchService(bundled_result.topics, tmp_path)
    report = first.ensure_index()
    assert (report.action, report.documents, report.topics_indexed) == ("built", 7, 1)
    assert report.bytes > 0 and not report.in_memory
    version = live_dir(tmp_path)
    first.close()

    second = SearchService(bundled_result.topics, tmp_path)  # the next start of the app
    report = second.ensure_index()
    assert (report.action, report.documents) == ("reused", 7)
    assert live_dir(tmp_path) == version
    assert second.ensure_index().action == "reused"  # idempotent
    assert second.search("balloon").total == 1


def test_rebuilt_after_content_change(content_pack: Path, tmp_path: Path) -> None:
    SearchService(load_topics(content_pack), tmp_path).ensure_index()
    topic_file = content_pack / "topics" / "vertebroplasty-kyphoplasty.yaml"
    edit_sentence(topic_file, "The doctor inflates the balloon", "The doctor inflates the zeppelin")

    service = SearchService(load_topics(content_pack), tmp_path)
    report = service.ensure_index()
    assert report.action in {"built", "updated"}
    assert service.search("zeppelin").hits[0].section_id == "kyphoplasty"


def test_only_the_changed_topic_is_reindexed(content_pack: Path, tmp_path: Path) -> None:
    add_other_topic(content_pack)
    report = SearchService(load_topics(content_pack), tmp_path).ensure_index()
    assert (report.action, report.topics_indexed) == ("built", 2)
    before = segment_files(live_dir(tmp_path))

    edit_sentence(
        content_pack / "topics" / f"{OTHER_TOPIC_ID}.yaml", "walk with a frame", "walk with crutches"
    )
    service = SearchService(load_topics(content_pack), tmp_path)
    report = service.ensure_index()
    assert (report.action, report.topics_indexed, report.documents) == ("updated", 1, 9)
    # The unchanged topic's segment is the very same file (a hard link), not re-written.
    after = segment_files(live_dir(tmp_path))
    assert set(before.items()) & set(after.items())
    assert service.search("crutches").hits[0].topic_id == OTHER_TOPIC_ID
    assert service.search("frame").total == 0
    assert service.search("balloon").hits[0].section_id == "kyphoplasty"


def test_repeated_updates_do_not_pile_up_segments(content_pack: Path, tmp_path: Path) -> None:
    other = add_other_topic(content_pack)
    SearchService(load_topics(content_pack), tmp_path).ensure_index()
    for n in range(5):
        edit_sentence(other, "Most people walk" if n == 0 else f"walk{n - 1}", f"walk{n}")
        service = SearchService(load_topics(content_pack), tmp_path)
        assert service.ensure_index().action == "updated"
        assert service.search(f"walk{n}").hits[0].topic_id == OTHER_TOPIC_ID
    assert len(segment_files(live_dir(tmp_path))) <= 3
    assert service.search("balloon").hits[0].section_id == "kyphoplasty"


def test_removed_topic_leaves_the_index(content_pack: Path, tmp_path: Path) -> None:
    other = add_other_topic(content_pack)
    SearchService(load_topics(content_pack), tmp_path).ensure_index()
    other.unlink()
    service = SearchService(load_topics(content_pack), tmp_path)
    assert service.ensure_index().documents == 7
    assert service.search("hip").total == 0


def test_rebuild_on_request(bundled_result, tmp_path: Path) -> None:
    SearchService(bundled_result.topics, tmp_path).ensure_index()
    old = live_dir(tmp_path)
    report = SearchService(bundled_result.topics, tmp_path).rebuild_index()
    assert report.action == "built"
    assert live_dir(tmp_path) != old
    assert not old.exists()  # the old version is cleaned up
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [mf.LOCK_NAME, mf.POINTER_NAME, live_dir(tmp_path).name]
    )


def damage_delete(version: Path) -> None:
    next(version.glob("*.seg")).unlink()


def damage_truncate(version: Path) -> None:
    seg = next(version.glob("*.seg"))
    seg.write_bytes(seg.read_bytes()[:100])


def damage_toc(version: Path) -> None:
    toc = next(version.glob("*.toc"))
    toc.write_bytes(b"\0" * toc.stat().st_size)  # same size, garbage content


def damage_segment(version: Path) -> None:
    seg = next(version.glob("*.seg"))
    data = seg.read_bytes()
    seg.write_bytes(data[:-200] + b"\x07" * 200)  # same size, its directory garbled


def damage_manifest(version: Path) -> None:
    (version / mf.MANIFEST_NAME).write_text("{not json", encoding="utf-8")


def damage_manifest_shape(version: Path) -> None:
    path = version / mf.MANIFEST_NAME
    path.write_text(
        path.read_text(encoding="utf-8").replace('"files": {', '"files": [{', 1), encoding="utf-8"
    )


def damage_vocabulary_bytes(version: Path) -> None:
    path = version / mf.VOCABULARY_NAME
    path.write_bytes(bytes(b ^ 0x55 for b in path.read_bytes()))  # same size, not text any more


def damage_pointer(version: Path) -> None:
    (version.parent / mf.POINTER_NAME).write_text("../../etc", encoding="utf-8")


def damage_vocabulary(version: Path) -> None:
    (version / mf.VOCABULARY_NAME).write_text("", encoding="utf-8")


@pytest.mark.parametrize(
    "damage",
    [
        damage_delete,
        damage_truncate,
        damage_toc,
        damage_segment,
        damage_manifest,
        damage_manifest_shape,
        damage_pointer,
        damage_vocabulary,
        damage_vocabulary_bytes,
    ],
    ids=lambda f: f.__name__,
)
def test_damaged_index_is_discarded_and_rebuilt(
    damage, bundled_result, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    SearchService(bundled_result.topics, tmp_path).ensure_index()
    damage(live_dir(tmp_path))

    service = SearchService(bundled_result.topics, tmp_path)
    with caplog.at_level(logging.WARNING, logger="reader.search"):
        report = service.ensure_index()
    assert report.action == "built"
    if damage is not damage_pointer:  # a lost pointer looks like no index at all
        assert "discarding it and rebuilding" in caplog.text
    assert service.search("balloon").hits[0].section_id == "kyphoplasty"
    assert service.search("kyphoplsty").suggestion == "kyphoplasty"  # the vocabulary is back too


def test_damage_found_while_searching_rebuilds_once(bundled_result, tmp_path: Path, caplog) -> None:
    service = SearchService(bundled_result.topics, tmp_path)
    service.ensure_index()
    broken = service._searcher

    def explode(*args, **kwargs):
        raise ValueError("bad block")

    broken.search = explode
    with caplog.at_level(logging.ERROR, logger="reader.search"):
        result = service.search("balloon")
    assert result.hits[0].section_id == "kyphoplasty"
    assert "a search failed" in caplog.text
    assert "balloon" not in caplog.text  # what the patient typed is not logged


def test_index_of_another_version_is_rebuilt(bundled_result, tmp_path: Path, monkeypatch) -> None:
    SearchService(bundled_result.topics, tmp_path).ensure_index()
    monkeypatch.setattr(mf, "compatibility", lambda: "schema=999;analyser=1;whoosh=2.7.5")
    report = SearchService(bundled_result.topics, tmp_path).ensure_index()
    assert report.action == "built"
    assert "another version" in report.reason


def test_crashed_build_leftovers_are_removed(bundled_result, tmp_path: Path) -> None:
    SearchService(bundled_result.topics, tmp_path).ensure_index()
    (tmp_path / f"{mf.TEMP_PREFIX}123-456").mkdir()
    (tmp_path / f"{mf.VERSION_PREFIX}0-1").mkdir()
    SearchService(bundled_result.topics, tmp_path).rebuild_index()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == [live_dir(tmp_path).name]


def test_unwritable_cache_falls_back_to_memory(bundled_result, tmp_path: Path, caplog) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    service = SearchService(bundled_result.topics, blocker / "index")
    with caplog.at_level(logging.WARNING, logger="reader.search"):
        report = service.ensure_index()
    assert report.in_memory and report.action == "built" and report.documents == 7
    assert "in-memory index" in caplog.text
    assert service.search("balloon").hits[0].section_id == "kyphoplasty"
    assert service.search("kyphoplsty").suggestion == "kyphoplasty"


def test_read_only_cache_with_a_current_index_is_used(
    bundled_result, content_pack, tmp_path, monkeypatch
) -> None:
    SearchService(bundled_result.topics, tmp_path).ensure_index()

    def refuse(self):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(InterProcessLock, "acquire", refuse)
    assert SearchService(bundled_result.topics, tmp_path).ensure_index().action == "reused"  # no lock needed
    add_other_topic(content_pack)  # stale now, and cannot be rebuilt there
    report = SearchService(load_topics(content_pack), tmp_path).ensure_index()
    assert report.in_memory and report.documents == 9


def test_manager_reports_why_an_index_is_unusable(tmp_path: Path) -> None:
    live, reason = IndexManager(tmp_path).open_current()
    assert live is None and reason == "no index yet"
