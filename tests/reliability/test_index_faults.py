"""Index faults the app meets in the field, each ending in a working search and a log message.

Random bytes over every kind of index file; a cache folder that is read-only, blocked by a file,
missing or deleted while the app runs; a full disk; a lock left by a killed process or held by
a hung one; a build killed half-way; two processes opening the same index at once. Deleted and
truncated index files are covered in tests/search/test_index.py. Child processes always run
with a time limit, and the in-process cases with a watchdog, so a hang fails instead of waiting.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import random
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from reader.content import LoadResult, Topic, load_content
from reader.search import IndexManager, IndexReport, SearchService
from reader.search import manifest as mf
from tests.reliability.procs import (
    CHILD_TIMEOUT,
    index_child_args,
    json_line,
    run_python,
    spawn_python,
    stop,
    wait_for_file,
)
from tests.search.conftest import OTHER_TOPIC_ID, add_other_topic, load_topics

SCRAMBLE_SEEDS = range(8)  # per kind of file and way of scrambling: 6 x 2 x 8 = 96 damaged indexes
WATCHDOG_SECONDS = 120


@pytest.fixture(autouse=True)
def _watchdog() -> Iterator[None]:
    """Kill the test run with every thread's traceback if an in-process case hangs."""
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="module")
def clean_index(tmp_path_factory: pytest.TempPathFactory, bundled_result: LoadResult) -> Path:
    """An index of the bundled pack, built once; each case damages a copy."""
    index_dir = tmp_path_factory.mktemp("clean-index")
    service = SearchService(bundled_result.topics, index_dir)
    service.ensure_index()
    service.close()
    return index_dir


def live_dir(index_dir: Path) -> Path:
    name = mf.read_pointer(index_dir)
    assert name is not None, f"no CURRENT in {index_dir}"
    return index_dir / name


def listing(folder: Path) -> dict[str, int]:
    """Every file under `folder` and its size: to show that nothing was written."""
    return {str(p.relative_to(folder)): p.stat().st_size for p in sorted(folder.rglob("*")) if p.is_file()}


# --- random bytes over each kind of index file ------------------------------------------------------

INDEX_FILES: dict[str, Callable[[Path], Path]] = {
    "toc": lambda version: next(version.glob("*.toc")),  # Whoosh's table of contents (pickled schema)
    "segment": lambda version: next(version.glob("*.seg")),  # terms, postings and stored fields
    "manifest": lambda version: version / mf.MANIFEST_NAME,
    "topic list": lambda version: version / mf.TOPICS_NAME,
    "vocabulary": lambda version: version / mf.VOCABULARY_NAME,
    "pointer": lambda version: version.parent / mf.POINTER_NAME,
}


def scramble(path: Path, rng: random.Random, how: str) -> None:
    """Random bytes over the whole file, or over a run of 1-64 bytes at a random place; same size."""
    data = bytearray(path.read_bytes())
    if how == "whole":
        data[:] = rng.randbytes(len(data))
    else:
        start = rng.randrange(len(data))
        end = min(len(data), start + rng.randint(1, 64))
        data[start:end] = rng.randbytes(end - start)
    path.write_bytes(bytes(data))


def open_scrambled(
    clean: Path, work: Path, kind: str, how: str, seed: int, topics: Sequence[Topic]
) -> tuple[SearchService, IndexReport]:
    """Damage a copy of the clean index and open it as the app does."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(clean, work)
    scramble(INDEX_FILES[kind](live_dir(work)), random.Random(seed), how)
    service = SearchService(topics, work)
    report = service.ensure_index()
    service.suggest("kyph")  # the search field asks for completions before the first search
    return service, report


def outcome(opened: IndexReport, last: IndexReport | None) -> str:
    """What became of a damaged index: `opened` is what ensure_index did, `last` the service's last report."""
    if opened.action == "built":
        return "rebuilt when opened"
    if last is not None and last is not opened:
        return "rebuilt at the first search"
    return "bytes not used by search: index kept"


@pytest.mark.parametrize("how", ["whole", "run"])
@pytest.mark.parametrize("kind", list(INDEX_FILES))
def test_scrambled_index_file_ends_in_a_working_search(
    kind: str,
    how: str,
    clean_index: Path,
    bundled_result: LoadResult,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="reader.search")
    outcomes = []
    for seed in SCRAMBLE_SEEDS:
        caplog.clear()
        service, report = open_scrambled(
            clean_index, tmp_path / "index", kind, how, seed, bundled_result.topics
        )
        typo = service.search("kyphoplsty")
        found = service.search("balloon")
        last = service.last_report
        service.close()
        what = outcome(report, last)
        outcomes.append(what)
        case = f"{kind}/{how}/seed {seed}: {what}"
        assert (typo.suggestion, typo.corrected) == ("kyphoplasty", True), case
        assert [h.section_id for h in typo.hits][:1] == ["kyphoplasty"], case
        assert (found.total, found.hits[0].section_id) == (1, "kyphoplasty"), case
        if what == "rebuilt when opened":
            assert "search index built" in caplog.text, case
            if kind != "pointer":  # an unreadable pointer looks like no index: built, logged at INFO
                assert "discarding it and rebuilding" in caplog.text, case
        elif what == "rebuilt at the first search":
            assert "failed" in caplog.text and "search index built" in caplog.text, case
    if how == "whole" and kind != "topic list":  # the topic list is read only for updates (below)
        assert "bytes not used by search: index kept" not in outcomes


@pytest.mark.parametrize("kind", ["topic list", "manifest"])
def test_scrambled_records_are_noticed_when_the_content_changes(
    kind: str, clean_index: Path, content_pack: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The topic list is read only to update an index for changed content: damage shows then."""
    work = tmp_path / "index"
    shutil.copytree(clean_index, work)
    scramble(INDEX_FILES[kind](live_dir(work)), random.Random(0), "whole")
    add_other_topic(content_pack)
    service = SearchService(load_topics(content_pack), work)
    with caplog.at_level(logging.WARNING, logger="reader.search"):
        report = service.ensure_index()
    assert (report.action, report.documents) == ("built", 9)
    assert "unreadable" in caplog.text
    assert service.search("frame").hits[0].topic_id == OTHER_TOPIC_ID
    assert service.search("balloon").hits[0].section_id == "kyphoplasty"
    service.close()


def corrupt_a_large_segment(
    topics: Sequence[Topic], index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Build an index whose segment counts as large, then change one word in its term dictionary
    without changing its size or structure (what a bad disk block or a bit flip does)."""
    monkeypatch.setattr(mf, "CHECKSUM_MAX_BYTES", 16 * 1024)  # the bundled pack's segment counts as large
    SearchService(topics, index_dir).ensure_index()
    segment = INDEX_FILES["segment"](live_dir(index_dir))
    data = segment.read_bytes()
    assert len(data) > mf.CHECKSUM_MAX_BYTES and data.count(b"balloon") == 1
    segment.write_bytes(data.replace(b"balloon", b"bal1oon"))


def test_a_changed_term_inside_a_large_segment_is_noticed(
    bundled_result: LoadResult,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Segments over 8 MB (packs of about 1,000 topics and more) are checked by size when opened
    and by checksum in a background thread afterwards: a mismatch is logged and rebuilt."""
    corrupt_a_large_segment(bundled_result.topics, tmp_path, monkeypatch)
    service = SearchService(bundled_result.topics, tmp_path)
    with caplog.at_level(logging.INFO, logger="reader.search"):
        assert service.ensure_index().action == "reused"  # the size is right: opened at once
        assert service.wait_until_checked(WATCHDOG_SECONDS)
    assert "does not match its checksum" in caplog.text and "search index built" in caplog.text
    assert service.last_report is not None and service.last_report.action == "built"
    found = service.search("balloon")
    service.close()
    assert found.total == 1


def test_damage_in_a_large_segment_is_not_adopted_by_an_update(
    content_pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """An update hard-links the old segments into the new version: it keeps their recorded
    checksums instead of computing new ones, so the damage is still found afterwards."""
    index_dir = tmp_path / "index"
    corrupt_a_large_segment(load_topics(content_pack), index_dir, monkeypatch)
    add_other_topic(content_pack)
    service = SearchService(load_topics(content_pack), index_dir)
    with caplog.at_level(logging.INFO, logger="reader.search"):
        assert service.ensure_index().action == "updated"
        assert service.wait_until_checked(WATCHDOG_SECONDS)
    assert "does not match its checksum" in caplog.text
    assert service.search("balloon").total == 1 and service.search("frame").total >= 1
    service.close()


def test_the_background_check_does_not_hold_up_searches(
    bundled_result: LoadResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the check is held in the middle, searches answer (from the index as it is)."""
    corrupt_a_large_segment(bundled_result.topics, tmp_path, monkeypatch)
    release, checking = threading.Event(), threading.Event()
    verify = mf.verify_large_files

    def held(*args: Any) -> str | None:
        checking.set()
        assert release.wait(WATCHDOG_SECONDS)
        return verify(*args)

    monkeypatch.setattr(mf, "verify_large_files", held)
    service = SearchService(bundled_result.topics, tmp_path)
    service.ensure_index()
    assert checking.wait(WATCHDOG_SECONDS)
    before = service.search("kyphoplasty")  # answered while the check waits
    assert before.total >= 1 and not service.wait_until_checked(0)
    release.set()
    assert service.wait_until_checked(WATCHDOG_SECONDS)
    assert service.search("balloon").total == 1
    service.close()


# --- the cache folder: read-only, blocked, missing, deleted ------------------------------------------

_READ_ONLY_MOUNT = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"'


def read_only_prefix(folder: Path) -> list[str] | None:
    """A command prefix that runs a program with `folder` on a read-only mount, or None.

    The tests run as root, for whom `chmod a-w` stops nothing (root bypasses permission bits).
    A read-only bind mount does stop root: the kernel refuses every write below it with EROFS,
    whoever asks. It is made in a private mount namespace (`unshare --mount`; as a normal user,
    `--map-root-user` as well), so it exists only for the child and vanishes with it.
    """
    if shutil.which("unshare") is None:
        return None
    for flags in (["--mount"], ["--map-root-user", "--mount"]):
        prefix = ["unshare", *flags, "--propagation", "private", "sh", "-c", _READ_ONLY_MOUNT, str(folder)]
        probe = subprocess.run([*prefix, "true"], capture_output=True, timeout=CHILD_TIMEOUT, check=False)
        if probe.returncode == 0:
            return prefix
    return None


def run_read_only(folder: Path, args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    prefix = read_only_prefix(folder)
    if prefix is not None:
        return run_python(args, home, prefix=prefix)
    if os.geteuid() == 0:
        pytest.skip("as root only a read-only mount stops writes, and no mount namespace can be made here")
    folders = [folder, *(p for p in folder.rglob("*") if p.is_dir())]
    for path in folders:
        path.chmod(0o555)  # enough for a normal user
    try:
        return run_python(args, home)
    finally:
        for path in folders:
            path.chmod(0o755)


def test_read_only_cache_uses_a_current_index_and_builds_a_stale_one_in_memory(
    content_pack: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    SearchService(load_topics(content_pack), cache / "index").ensure_index()
    load_content(content_pack, cache / "content")
    before = listing(cache)
    args = index_child_args(content_pack, cache, "--probe-write")

    done = run_read_only(cache, args, tmp_path)
    assert done.returncode == 0, done.stderr
    current = json_line(done.stdout)
    assert current["write_error"], "the cache folder was writable: the test proves nothing"
    assert (current["action"], current["in_memory"], current["total"]) == ("reused", False, 1)

    add_other_topic(content_pack)  # the index is stale now and cannot be replaced
    done = run_read_only(cache, [*args, "--query", "frame"], tmp_path)
    assert done.returncode == 0, done.stderr
    stale = json_line(done.stdout)
    assert (stale["action"], stale["in_memory"], stale["documents"]) == ("built", True, 9)
    assert stale["topic_ids"] == [OTHER_TOPIC_ID] and stale["suggestion"] == "kyphoplasty"
    assert "cannot write the search index" in done.stderr and "in-memory index" in done.stderr
    assert "could not write the content cache" in done.stderr
    assert "Traceback" not in done.stderr
    assert listing(cache) == before  # nothing was written, nothing half-written


def test_cache_folder_blocked_by_a_file_loads_and_searches_in_memory(
    content_pack: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A regular file where the cache folder should be: mkdir fails with ENOTDIR, for root too."""
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="reader"):
        result = load_content(content_pack, blocker / "content")
        service = SearchService(result.topics, blocker / "index")
        report = service.ensure_index()
    assert (report.in_memory, report.documents) == (True, 7)
    assert "could not write the content cache" in caplog.text
    assert "cannot write the search index" in caplog.text
    assert service.search("balloon").hits[0].section_id == "kyphoplasty"
    service.close()
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_missing_cache_folder_is_created_and_the_index_built(
    content_pack: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "never" / "created" / "cache"
    with caplog.at_level(logging.INFO, logger="reader.search"):
        result = load_content(content_pack, cache / "content")
        service = SearchService(result.topics, cache / "index")
        report = service.ensure_index()
    assert (report.action, report.in_memory) == ("built", False)
    assert "search index built: 7 documents from 1 topics (no index yet)" in caplog.text
    assert service.search("balloon").total == 1
    service.close()
    assert live_dir(cache / "index").is_dir()


def test_cache_folder_deleted_while_the_app_runs(
    bundled_result: LoadResult, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A cleaner (or a user) empties the cache under a running app: searching goes on from the
    open index, and the next start builds it again."""
    index_dir = tmp_path / "cache" / "index"
    running = SearchService(bundled_result.topics, index_dir)
    running.ensure_index()
    shutil.rmtree(tmp_path / "cache")
    assert running.search("kyphoplsty").hits[0].section_id == "kyphoplasty"
    assert running.suggest("kyph")
    with caplog.at_level(logging.INFO, logger="reader.search"):
        assert running.rebuild_index().action == "built"  # "Rebuild index" from the running app
    assert "search index built" in caplog.text
    assert running.search("balloon").total == 1
    running.close()
    assert SearchService(bundled_result.topics, index_dir).ensure_index().action == "reused"


def test_full_disk_keeps_the_old_index_and_searches_in_memory(content_pack: Path, tmp_path: Path) -> None:
    """RLIMIT_FSIZE makes every write past 4 kB fail with EFBIG, as a full disk would, for root too."""
    cache = tmp_path / "cache"
    SearchService(load_topics(content_pack), cache / "index").ensure_index()
    old_version = live_dir(cache / "index")
    old_files = listing(old_version)
    add_other_topic(content_pack)
    args = index_child_args(content_pack, cache, "--query", "frame")

    done = run_python([*args, "--file-size-limit", "4096", "--probe-write"], tmp_path)
    assert done.returncode == 0, done.stderr
    full = json_line(done.stdout)
    assert "File too large" in full["write_error"]
    assert (full["in_memory"], full["documents"], full["topic_ids"]) == (True, 9, [OTHER_TOPIC_ID])
    assert "cannot write the search index" in done.stderr and "File too large" in done.stderr
    assert live_dir(cache / "index") == old_version and listing(old_version) == old_files
    assert not list((cache / "index").glob(f"{mf.TEMP_PREFIX}*"))  # the half-written build is gone

    done = run_python(args, tmp_path)  # space again: the index is brought up to date on disk
    assert done.returncode == 0, done.stderr
    later = json_line(done.stdout)
    assert (later["in_memory"], later["documents"], later["topic_ids"]) == (False, 9, [OTHER_TOPIC_ID])


# --- locks and killed processes -----------------------------------------------------------------------


def test_lock_left_by_a_killed_process_does_not_block_the_build(
    bundled_result: LoadResult, content_pack: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache, locked = tmp_path / "cache", tmp_path / "locked"
    holder = spawn_python(
        index_child_args(content_pack, cache, "--hold-lock", "--ready", str(locked)), tmp_path
    )
    try:
        wait_for_file(locked, holder)
    finally:
        stop(holder)  # kill -9 while it holds the lock
    assert holder.returncode == -9
    assert (cache / "index" / mf.LOCK_NAME).exists()  # the lock file stays behind

    started = time.monotonic()
    with caplog.at_level(logging.INFO, logger="reader.search"):
        _, report = IndexManager(cache / "index", lock_timeout=20).ensure(bundled_result.topics)
    assert (report.action, report.in_memory) == ("built", False)
    assert time.monotonic() - started < 10  # the dead process's lock was free at once
    assert "search index built" in caplog.text
    service = SearchService(bundled_result.topics, cache / "index")
    assert service.ensure_index().action == "reused"
    assert service.search("balloon").total == 1
    service.close()


def test_build_killed_half_way_leaves_the_index_usable(
    bundled_result: LoadResult, content_pack: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache, stalled = tmp_path / "cache", tmp_path / "stalled"
    index_dir = cache / "index"
    builder = spawn_python(
        index_child_args(content_pack, cache, "--stall-build", "--ready", str(stalled)), tmp_path
    )
    try:
        wait_for_file(stalled, builder)
    finally:
        stop(builder)
    assert builder.returncode == -9
    assert list(index_dir.glob(f"{mf.TEMP_PREFIX}*")), "the child was not killed inside a build"
    assert mf.read_pointer(index_dir) is None

    service = SearchService(bundled_result.topics, index_dir)
    with caplog.at_level(logging.INFO, logger="reader.search"):
        report = service.ensure_index()
    assert (report.action, report.in_memory) == ("built", False)
    assert "search index built" in caplog.text
    assert service.search("balloon").hits[0].section_id == "kyphoplasty"
    service.close()
    assert not list(index_dir.glob(f"{mf.TEMP_PREFIX}*"))  # the killed build's files are removed


def test_lock_held_by_a_hung_process_falls_back_to_memory(
    bundled_result: LoadResult, content_pack: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache, locked = tmp_path / "cache", tmp_path / "locked"
    holder = spawn_python(
        index_child_args(content_pack, cache, "--hold-lock", "--ready", str(locked)), tmp_path
    )
    try:
        wait_for_file(locked, holder)
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="reader.search"):
            opened, report = IndexManager(cache / "index", lock_timeout=1).ensure(bundled_result.topics)
        waited = time.monotonic() - started
    finally:
        stop(holder)
    assert (report.in_memory, report.documents) == (True, 7)
    assert 1 <= waited < 10
    assert "held by another process" in caplog.text and "in-memory index" in caplog.text
    assert opened.searcher.doc_count() == 7
    opened.searcher.close()


# --- two processes at once ------------------------------------------------------------------------------


def run_two_at_once(pack: Path, cache: Path, home: Path, query: str) -> list[dict[str, Any]]:
    """Two children load the pack and open the index together (they start from a shared go file)."""
    go = home / f"go-{query}"
    ready = [home / f"ready-{query}-{n}" for n in range(2)]
    children = [
        spawn_python(
            index_child_args(pack, cache, "--query", query, "--ready", str(marker), "--go", str(go)), home
        )
        for marker in ready
    ]
    try:
        for marker, child in zip(ready, children, strict=True):
            wait_for_file(marker, child)
        go.touch()
        outputs = [child.communicate(timeout=CHILD_TIMEOUT) for child in children]
    finally:
        for child in children:
            stop(child)
    for child, (_, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert "Traceback" not in err
    return [json_line(out) for out, _ in outputs]


@pytest.mark.slow
def test_two_processes_open_the_same_cache_at_once(
    content_pack: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    first = run_two_at_once(content_pack, cache, tmp_path, "balloon")
    assert sorted(r["action"] for r in first) == ["built", "reused"]  # one built, the other waited
    assert first[0]["location"] == first[1]["location"]
    assert all((r["in_memory"], r["total"], r["suggestion"]) == (False, 1, "kyphoplasty") for r in first)

    add_other_topic(content_pack)
    second = run_two_at_once(content_pack, cache, tmp_path, "frame")
    assert sorted(r["action"] for r in second) == ["reused", "updated"]
    assert all((r["documents"], r["topic_ids"]) == (9, [OTHER_TOPIC_ID]) for r in second)

    live, problem = IndexManager(cache / "index").open_current()  # valid afterwards
    assert live is not None, problem
    assert live.manifest.documents == 9
    live.close()
    versions = [p for p in (cache / "index").iterdir() if p.is_dir()]
    assert versions == [live_dir(cache / "index")]
    with caplog.at_level(logging.INFO, logger="reader.content"):
        result = load_content(content_pack, cache / "content")  # the content cache they both wrote
    assert len(result.topics) == 2 and not result.errors
    assert "content cache" not in caplog.text
