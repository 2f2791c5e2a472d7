"""The command-line search's short way: search an index that is known to be current without
loading the pack.

A `search` or `index` command that loaded the pack and made sure of its index leaves a note
beside the index (`quick.json`): the pack's folder, every topic file's size and modification
time, the index fingerprint that content gave, the load's errors and each topic's file. The
next `search` lists the pack's files and compares their sizes and times with the note. When
every one matches and the live index still has that fingerprint, it searches at once and
builds only the topics of its hits, from the content cache; the errors are printed from the
note as the full load would print them. Anything else (a changed, added or removed file,
another fingerprint, another version of the reader, a damaged note) takes the full way, which
writes a new note.

The note is plain JSON in the user's cache, as trusted as the index beside it: whoever can
write it can make the search answer from a stale index, never run code. It is read with a size
limit. Measured on 10,000 topics: listing and checking the files costs ~45 ms where loading
the pack from its content cache cost ~175 ms (bench/search_bench.py prints the whole command).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__
from reader.atomicfile import write_atomically
from reader.filereading import read_bytes_limited

if TYPE_CHECKING:
    from reader.content import LoadResult
    from reader.content.cache import CachedRecords
    from reader.content.model import Topic
    from reader.content.store import TopicStore
    from reader.search.service import SearchService

log = logging.getLogger(__name__)

NOTE_NAME = "quick.json"
NOTE_FORMAT = 1
MAX_NOTE_BYTES = 64 * 1024 * 1024  # ~100 bytes a topic: far above a 100,000-topic pack's note


@dataclass(frozen=True)
class Note:
    """What a full load of the pack found, and the index fingerprint it gave."""

    folder: str  # the pack's resolved folder
    fingerprint: str
    files: dict[str, tuple[int, int]]  # topic file path -> (mtime_ns, size)
    topics: dict[str, str]  # topic id -> its file's path
    errors: tuple[str, ...]  # the load's messages, as the full way prints them


def note_path(index_dir: Path) -> Path:
    return index_dir / NOTE_NAME


def write_note(index_dir: Path, folder: Path, result: LoadResult, fingerprint: str) -> None:
    """Record a full load beside its index; never raises (the note only saves time)."""
    records = result.topics.records()
    note = {
        "format": NOTE_FORMAT,
        "reader": __version__,
        "folder": str(folder.resolve()),
        "fingerprint": fingerprint,
        "files": {path: list(stamp) for path, stamp in result.stamps.items()},
        "topics": {r.topic_id: r.path for r in records if r.topic_id is not None},
        "errors": [str(error) for error in result.errors],
    }
    try:
        write_atomically(note_path(index_dir), json.dumps(note, ensure_ascii=False).encode("utf-8"))
    except OSError as exc:
        log.info("could not write the search note in %s: %s", index_dir, exc)


def forget_note(index_dir: Path) -> None:
    try:
        note_path(index_dir).unlink(missing_ok=True)
    except OSError as exc:
        log.info("could not remove the search note in %s: %s", index_dir, exc)


def read_note(index_dir: Path) -> Note | None:
    """The note beside the index, or None when there is none or it is not one this reader wrote."""
    try:
        raw = json.loads(read_bytes_limited(note_path(index_dir), MAX_NOTE_BYTES))
        if raw.get("format") != NOTE_FORMAT or raw.get("reader") != __version__:
            return None
        files = {str(p): (int(m), int(s)) for p, (m, s) in raw["files"].items()}
        topics = {str(t): str(p) for t, p in raw["topics"].items()}
        errors = tuple(str(e) for e in raw["errors"])
        folder, fingerprint = raw["folder"], raw["fingerprint"]
        if not (isinstance(folder, str) and isinstance(fingerprint, str)):
            return None
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        log.info("search note in %s unusable (%s): loading the pack", index_dir, exc)
        return None
    return Note(folder, fingerprint, files, topics, errors)


def files_unchanged(note: Note, folder: Path, topic_files: Callable[[Path], list[str]]) -> bool:
    """Whether the pack's topic files are the ones the note lists, with the same sizes and times."""
    if str(folder.resolve()) != note.folder:
        return False
    names = topic_files(folder)
    if len(names) != len(note.files):
        return False
    for name in names:
        stamp = note.files.get(name)
        try:
            info = os.stat(name)
        except OSError:
            return False
        if stamp is None or stamp != (info.st_mtime_ns, info.st_size):
            return False
    return True


class HitTopics:
    """The topics a search shows, built one by one from the content cache (a file the cache does
    not hold as the note lists it is read again); anything more (a rebuild of the index,
    completions) loads the whole pack through `load_all`."""

    def __init__(self, note: Note, cache_folder: Path, load_all: Callable[[], TopicStore]) -> None:
        self._note = note
        self._cache_folder = cache_folder
        self._cached: CachedRecords | None = None
        self._load_all = load_all
        self._store: TopicStore | None = None

    def get(self, topic_id: str) -> Topic | None:
        if self._store is not None:
            return self._store.get(topic_id)
        path = self._note.topics.get(topic_id)
        if path is None:
            return None
        from reader.content.cache import CachedRecords
        from reader.content.loader import reload_from_file
        from reader.content.store import TopicStore

        if self._cached is None:
            self._cached = CachedRecords(self._cache_folder)
        record = self._cached.record(path, *self._note.files[path])
        if record is None or record.topic_id != topic_id:
            return self.whole().get(topic_id)
        return TopicStore([record], reload=reload_from_file).get(topic_id)

    def whole(self) -> TopicStore:
        if self._store is None:
            self._store = self._load_all()
        return self._store


def quick_service(
    folder: Path, index_dir: Path, synonyms: Path, cache_root: Path, load_all: Callable[[], TopicStore]
) -> tuple[SearchService, tuple[str, ...]] | None:
    """A service over the live index and the load's messages, when the note vouches for both."""
    from reader.content.cache import pack_cache_dir
    from reader.content.loader import topic_files

    note = read_note(index_dir)
    if note is None or not files_unchanged(note, folder, topic_files):
        return None
    from reader.search.service import SearchService

    topics = HitTopics(note, pack_cache_dir(cache_root, folder), load_all)
    service = SearchService.over_current_index(topics, index_dir, synonyms, note.fingerprint)
    if service is None:
        return None
    return service, note.errors
