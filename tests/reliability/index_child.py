"""A separate process that does what the app's index worker does, for the index fault tests.

`python -m tests.reliability.index_child --pack DIR --cache DIR [options]` loads the pack (with
the content cache under DIR/content, as `reader.app.run_app` does), opens or builds the index in
DIR/index through `SearchService.ensure_index()`, searches, and prints one JSON line. Log
records go to stderr. Options make it misbehave the way a real process can: hold the index lock
and hang, stall in the middle of a build (to be killed), or run with a file size limit.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

READY_TIMEOUT = 60.0


def _touch(path: Path | None) -> None:
    if path is not None:
        path.write_text(str(os.getpid()), encoding="utf-8")


def _wait_for(path: Path | None) -> None:
    """A start line shared by several children: wait until the test creates `path`."""
    deadline = time.monotonic() + READY_TIMEOUT
    while path is not None and not path.exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"{path} never appeared")
        time.sleep(0.005)


def _hold_lock(index_dir: Path, marker: Path | None) -> None:
    """Take the index lock the way a build does, say so, and hang until killed."""
    from reader.locking import InterProcessLock
    from reader.search import manifest as mf

    index_dir.mkdir(parents=True, exist_ok=True)
    with InterProcessLock(index_dir / mf.LOCK_NAME, timeout=5):
        _touch(marker)
        time.sleep(3600)


def _stall_builds(marker: Path | None) -> None:
    """Make a build stop for good after writing half its files (the test kills the process there)."""
    from reader.search import index

    write_all = index._write_all

    def stalled(whoosh_index: Any, topics: Any, words: Any) -> int:
        count = write_all(whoosh_index, topics, words)
        _touch(marker)
        time.sleep(3600)
        return count

    index._write_all = stalled  # type: ignore[assignment]


def _probe_write(index_dir: Path) -> str:
    """Try to write where the index lives: the error text, or "" when writing worked."""
    probe = index_dir / f".probe-{os.getpid()}"
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"x" * 65536)
    except OSError as exc:
        return f"{type(exc).__name__}: {exc.strerror or exc}"
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    return ""


def run(args: argparse.Namespace) -> dict[str, Any]:
    from reader.content import load_content
    from reader.search import SearchService, synonyms_file_for

    index_dir = args.index_dir or args.cache / "index"
    outcome: dict[str, Any] = {"pid": os.getpid()}
    if args.probe_write:
        outcome["write_error"] = _probe_write(index_dir)
    result = load_content(args.pack, args.cache / "content")
    _touch(args.ready)
    _wait_for(args.go)
    service = SearchService(result.topics, index_dir, synonyms_file_for(args.pack))
    try:
        report = service.ensure_index()
        found = service.search(args.query)
        typo = service.search("kyphoplsty")
    finally:
        service.close()
    outcome.update(
        topics=len(result.topics),
        content_errors=[str(e) for e in result.errors],
        action=report.action,
        in_memory=report.in_memory,
        documents=report.documents,
        location=report.location,
        total=found.total,
        topic_ids=sorted({hit.topic_id for hit in found.hits}),
        first_section=found.hits[0].section_id if found.hits else None,
        suggestion=typo.suggestion,
    )
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pack", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True, help="cache root: content/ and index/ inside")
    parser.add_argument("--index-dir", type=Path, help="index directory (default: CACHE/index)")
    parser.add_argument("--query", default="balloon")
    parser.add_argument("--ready", type=Path, help="file to create once loaded (or locked, or stalled)")
    parser.add_argument("--go", type=Path, help="wait for this file before opening the index")
    parser.add_argument("--hold-lock", action="store_true")
    parser.add_argument("--stall-build", action="store_true")
    parser.add_argument("--file-size-limit", type=int, help="RLIMIT_FSIZE in bytes (a full disk)")
    parser.add_argument("--probe-write", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    if args.file_size_limit is not None:
        # Writing past the limit fails with EFBIG, for root too (SIGXFSZ is ignored by Python).
        resource.setrlimit(resource.RLIMIT_FSIZE, (args.file_size_limit, resource.RLIM_INFINITY))
    if args.hold_lock:
        _hold_lock(args.index_dir or args.cache / "index", args.ready)
        return 0
    if args.stall_build:
        _stall_builds(args.ready)
        args.ready = None
    print(json.dumps(run(args)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
