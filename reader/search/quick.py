"""The command-line search's short way: search indexes known to be current without loading
the packs.

A `search` or `index` command that loaded the packs (the bundled pack or a --content folder,
and the installed packs beside it) and made sure of their indexes leaves a note beside the
first pack's index (`quick.json`): per pack, its folder, every topic file's size and
modification time, the folder of its index and the fingerprint that content gave, its synonyms
file and each topic's file; and the load's messages. The next `search` lists each pack's files
and compares their sizes and times with the note. When the same packs are there, every file
matches and each live index still has its fingerprint, it searches at once and builds only the
topics of its hits, from the content cache; the messages are printed from the note as the full
load prints them. Anything else (a changed, added or removed file, a pack installed or removed,
another fingerprint, another version of the reader, a damaged note) takes the full way, which
writes a new note.

The note is plain JSON in the user's cache, as trusted as the index beside it: whoever can
write it can make the search answer from a stale index, never run code. It is read with a size
limit. Measured on 10,000 topics: listing and checking the files costs ~45 ms where loading
the pack from its content cache cost ~175 ms (bench/search_bench.py prints the whole command).
"""

from __future__ import annotations

import functools
import json
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader import __version__
from reader.atomicfile import write_atomically
from reader.filereading import read_bytes_limited
from reader.search.synonyms import parsed, remember_parsed

if TYPE_CHECKING:
    from reader.content.cache import CachedRecords
    from reader.content.model import Topic
    from reader.content.store import TopicStore
    from reader.search.combined import CombinedSearch
    from reader.search.service import SearchService

log = logging.getLogger(__name__)

NOTE_NAME = "quick.json"
NOTE_FORMAT = 2  # 2: a group of packs (1 held one pack)
MAX_NOTE_BYTES = 64 * 1024 * 1024  # ~100 bytes a topic: far above a 100,000-topic pack's note
MAX_BUILT = 64  # topics a search keeps built (it shows at most MAX_LIMIT hits, mostly from a few)


@dataclass(frozen=True)
class PackNote:
    """One pack as the full load found it."""

    pack_id: str
    folder: str  # the pack's resolved folder
    files: dict[str, tuple[int, int]]  # topic file path -> (mtime_ns, size)
    index: str = ""  # its index folder; "" when it had no topic to search
    fingerprint: str = ""  # of that index
    synonyms: str = ""  # the synonyms file its search used ("": the bundled one)
    topics: dict[str, str] = field(default_factory=dict)  # topic id -> its file's path
    # the synonyms file's (mtime_ns, size) and YAML as the full way read it (reader.search.synonyms)
    synonyms_read: tuple[tuple[int, int], Any] | None = None

    @classmethod
    def of(
        cls,
        pack_id: str,
        folder: Path,
        files: dict[str, tuple[int, int]],
        searched: tuple[Path, str, Path | None, TopicStore] | None = None,
    ) -> PackNote:
        """`searched`: its index folder, that index's fingerprint, its synonyms file (None: the
        bundled one), its topics."""
        where = str(folder.resolve())
        if searched is None:
            return cls(pack_id, where, dict(files))
        index, fingerprint, synonyms, store = searched
        topics = {r.topic_id: r.path for r in store.records() if r.topic_id is not None}
        read = parsed(synonyms) if synonyms is not None else None
        try:
            json.dumps(read)  # YAML may hold what JSON cannot (dates): then the next search parses it
        except (TypeError, ValueError):
            read = None
        return cls(pack_id, where, dict(files), str(index), fingerprint, str(synonyms or ""), topics, read)


@dataclass(frozen=True)
class Note:
    packs: tuple[PackNote, ...]
    errors: tuple[str, ...]  # the load's messages, as the full way prints them


def note_path(index_dir: Path) -> Path:
    return index_dir / NOTE_NAME


def write_note(index_dir: Path, note: Note) -> None:
    """Record a full load beside the first pack's index; never raises (the note only saves time)."""
    data = {"format": NOTE_FORMAT, "reader": __version__, **asdict(note)}
    try:
        write_atomically(note_path(index_dir), json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except OSError as exc:
        log.info("could not write the search note in %s: %s", index_dir, exc)


def forget_note(index_dir: Path) -> None:
    try:
        note_path(index_dir).unlink(missing_ok=True)
    except OSError as exc:
        log.info("could not remove the search note in %s: %s", index_dir, exc)


def _pack_note(raw: dict[str, Any]) -> PackNote:
    pack_id, folder, index, fingerprint, synonyms = texts = [
        raw[k] for k in ("pack_id", "folder", "index", "fingerprint", "synonyms")
    ]
    if not all(isinstance(t, str) for t in texts):
        raise TypeError("a pack's entry is malformed")
    files = {str(p): (int(m), int(s)) for p, (m, s) in raw["files"].items()}
    topics = {str(t): str(p) for t, p in raw["topics"].items()}
    if not all(path in files for path in topics.values()):  # only the pack's own files are read
        raise ValueError("a topic's file is not one of the pack's")
    read = raw.get("synonyms_read")
    if read is not None:
        (mtime, size), data = read
        read = ((int(mtime), int(size)), data)
    return PackNote(pack_id, folder, files, index, fingerprint, synonyms, topics, read)


def read_note(index_dir: Path) -> Note | None:
    """The note beside the index, or None when there is none or it is not one this reader wrote."""
    try:
        raw = json.loads(read_bytes_limited(note_path(index_dir), MAX_NOTE_BYTES))
        if raw.get("format") != NOTE_FORMAT or raw.get("reader") != __version__:
            return None
        packs = tuple(_pack_note(pack) for pack in raw["packs"])
        errors = tuple(str(e) for e in raw["errors"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        log.info("search note in %s unusable (%s): loading the packs", index_dir, exc)
        return None
    return Note(packs, errors)


def _same_file(path: str, stamp: tuple[int, int]) -> bool:
    try:
        info = os.stat(path)
    except OSError:
        return False
    return (info.st_mtime_ns, info.st_size) == stamp


def files_unchanged(note: PackNote, folder: Path) -> bool:
    """Whether the pack's topic files are the ones the note lists, with the same sizes and times."""
    from reader.content.loader import topic_files

    if str(folder.resolve()) != note.folder:
        return False
    names = topic_files(folder)
    if len(names) != len(note.files):
        return False
    return all(name in note.files and _same_file(name, note.files[name]) for name in names)


class HitTopics:
    """The topics a search shows, each built when first asked for: from the content cache, or
    from its file when the cache does not hold it as the note lists it. A damaged cache, or
    anything more (a rebuild of the index, completions), loads the whole pack through `load_all`,
    as the long way would."""

    def __init__(self, note: PackNote, cache_folder: Path, load_all: Callable[[], TopicStore]) -> None:
        self._note = note
        self._cache_folder = cache_folder
        self._cached: CachedRecords | None = None
        self._built: dict[str, Topic | None] = {}  # a search asks for a hit's topic once per section
        self._load_all = load_all
        self._store: TopicStore | None = None

    def get(self, topic_id: str) -> Topic | None:
        if self._store is not None:
            return self._store.get(topic_id)
        if topic_id not in self._built:
            if len(self._built) >= MAX_BUILT:
                self._built.clear()
            self._built[topic_id] = self._build(topic_id)
        return self._built[topic_id]

    def _build(self, topic_id: str) -> Topic | None:
        path = self._note.topics.get(topic_id)
        if path is None:
            return None
        from reader.content.cache import CachedRecords
        from reader.content.loader import load_topic_file, reload_from_file
        from reader.content.store import TopicStore

        if self._cached is None:
            self._cached = CachedRecords(self._cache_folder)
        if self._cached.damaged is not None:
            return self.whole().get(topic_id)  # the full load says what is wrong and rewrites it
        record = self._cached.record(path, *self._note.files[path])
        if record is not None and record.topic_id == topic_id:
            return TopicStore([record], reload=reload_from_file).get(topic_id)
        topic, _errors = load_topic_file(Path(path))
        if topic is None or topic.id != topic_id or not _same_file(path, self._note.files[path]):
            return self.whole().get(topic_id)  # the file changed since the search began
        return topic

    def whole(self) -> TopicStore:
        if self._store is None:
            self._store = self._load_all()
        return self._store


def quick_service(
    sources: Sequence[tuple[str, Path]],
    index_dir: Path,
    cache_root: Path,
    load_all: Callable[[str], TopicStore],
) -> tuple[SearchService | CombinedSearch, tuple[str, ...]] | None:
    """The search over the live indexes of `sources` ((pack id, folder) in the full way's order)
    and the load's messages, when the note beside `index_dir` vouches for all of them; else
    None. `load_all(pack_id)`: that pack's topics, loaded the full way (for a rebuild)."""
    from reader.content.cache import pack_cache_dir

    note = read_note(index_dir)
    if note is None or [p.pack_id for p in note.packs] != [pack_id for pack_id, _ in sources]:
        return None
    if not all(files_unchanged(p, folder) for p, (_, folder) in zip(note.packs, sources, strict=True)):
        return None
    from reader.search.combined import CombinedSearch
    from reader.search.service import SearchService

    services: list[SearchService] = []
    for pack, (pack_id, folder) in zip(note.packs, sources, strict=True):
        if not pack.index:
            continue  # no topic to search (the full way does not search it either)
        topics = HitTopics(pack, pack_cache_dir(cache_root, folder), functools.partial(load_all, pack_id))
        synonyms = Path(pack.synonyms) if pack.synonyms else None
        if synonyms is not None and pack.synonyms_read is not None:
            remember_parsed(synonyms, *pack.synonyms_read)  # used only while the file keeps that stamp
        service = SearchService.over_current_index(topics, Path(pack.index), synonyms, pack.fingerprint)
        if service is None:
            for opened in services:
                opened.close()
            return None
        services.append(service)
    if not services:
        return None
    return (services[0] if len(services) == 1 else CombinedSearch(services)), note.errors
