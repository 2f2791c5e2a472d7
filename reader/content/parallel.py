"""The first load of a large pack on two cores: worker processes parse and check the files the
content cache does not have, and send back plain data (the topic as cache JSON, its title,
section titles and errors), which become TopicRecords here; topics are decoded only when used.

Measured (bench/parse_bench.py, 2,000 files): two processes each loading half took 7.95 s
against 12.99 s for one, 1.63x. Worker processes start fresh ("spawn": the app has threads),
which costs a few tenths of a second, so small loads stay in this process. Nothing is unpickled
from a file: the workers' answers come over the pool's pipe from our own processes. Any failure
of the pool falls back to loading here.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.content.errors import ContentError
from reader.content.store import TopicRecord

log = logging.getLogger(__name__)

MIN_FILES = 400  # fewer files to parse than this: one process is as quick
WORKERS = 2
CHUNK = 32

_Answer = tuple[str, int, int, str | None, str, str, list[str], list[str], list[list[Any]], bytes]


def worth_it(files: int) -> bool:
    """Whether `files` files to parse justify worker processes on this machine.

    Not in the self-contained bundle: PyInstaller's frozen interpreter needs its own start-up
    support for worker processes, which is not yet built and tested there.
    """
    return files >= MIN_FILES and (os.cpu_count() or 1) >= 2 and not getattr(sys, "frozen", False)


def parse_in_workers(names: list[str], done: Callable[[], None]) -> list[TopicRecord] | None:
    """A record per name, in order, parsed by worker processes; `done` is called per file.
    None if the workers could not do it (the caller then parses the files itself)."""
    import multiprocessing  # here, not at start: a warm start parses nothing
    from concurrent.futures import ProcessPoolExecutor

    try:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=WORKERS, mp_context=context) as pool:
            records = []
            for answer in pool.map(parse_one, names, chunksize=CHUNK):
                records.append(_record(answer))
                done()
            return records
    except Exception as exc:  # a pool that cannot start or dies: load here instead
        log.warning("parsing in worker processes failed (%s); parsing here", exc)
        return None


def parse_one(name: str) -> _Answer:
    """In a worker: one file read, parsed, checked and built, as plain data."""
    from reader.content.cachecodec import encode_topic
    from reader.content.loader import load_topic_file

    try:
        stat = os.stat(name)
    except OSError as exc:
        error = [name, None, "", f"cannot read file: {exc.strerror or exc}", "error"]
        return name, 0, 0, None, "", "", [], [], [error], b""
    topic, found = load_topic_file(Path(name))
    errors = [[str(e.path), e.line, e.field, e.message, e.severity] for e in found]
    if topic is None:
        return name, stat.st_mtime_ns, stat.st_size, None, "", "", [], [], errors, b""
    headings = [section.title for section in topic.sections]
    fields = (topic.id, topic.title, topic.source_sha256, list(topic.related), headings, errors)
    return name, stat.st_mtime_ns, stat.st_size, *fields, encode_topic(topic)


def _record(answer: _Answer) -> TopicRecord:
    name, mtime, size, topic_id, title, sha256, related, headings, errors, payload = answer
    problems = tuple(
        ContentError(Path(p), line, field, message, sev) for p, line, field, message, sev in errors
    )
    record = TopicRecord(name, mtime, size, topic_id, title, sha256, tuple(related), problems)
    if topic_id is not None:
        record.blob = _constant(payload)
        record.headings = _constant(tuple(headings))
    return record


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value
