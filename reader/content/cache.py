"""A cache of loaded topics, so a warm start does not parse and validate every YAML file.

Per content pack, the cache folder holds `index.json` (one row per topic file, keyed by path,
modification time and size), a data file of topics as JSON (reader.content.cachecodec),
read with `pread` only for the topics that are used, and a headings file of each topic's
section titles, read when the search first completes a query (so no topic is built for that).
All are plain data: whoever can write the cache can change what it says, never run code
(the pickled format 1, `index.pickle`, is removed unread). A file whose time or size changed
is parsed again; anything wrong with the cache (missing, truncated, another version, wrong
shape) is logged and the pack is loaded from its files. A topic whose cached bytes are damaged
later, while the reader runs (a checksum per topic, a short read after truncation), raises
CacheFormatError: the store then reads that topic's file again (reader.content.store), and the
cache is rewritten at the next start.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import stat
import tempfile
import weakref
import zlib
from pathlib import Path
from typing import Any

from reader import __version__
from reader.atomicfile import write_atomically
from reader.content.cachecodec import CacheFormatError
from reader.content.errors import ContentError
from reader.content.schemafile import SCHEMA_VERSION
from reader.content.store import TopicRecord
from reader.locking import InterProcessLock

log = logging.getLogger(__name__)

# 3: later studies (published_since); 4: section titles in a headings file; 5: topics' language
# and translation_of, in the topic and in the index rows (issue 16)
CACHE_FORMAT = 5
INDEX_NAME = "index.json"
LOCK_NAME = ".write.lock"
WRITE_LOCK_TIMEOUT_S = 30.0  # a writer holds it for one pack's write: well under a second per 1,000 topics
OLD_INDEX_NAMES = ("index.pickle",)  # format 1 was pickled: never opened, removed on sight
MAX_INDEX_BYTES = 256 * 1024 * 1024  # far above a 100,000-topic pack's index


def _stamp() -> list[Any]:
    return [CACHE_FORMAT, SCHEMA_VERSION, __version__]


def pack_cache_dir(cache_root: Path, content_dir: Path) -> Path:
    """One folder per content pack, named after its resolved path."""
    key = hashlib.sha256(str(content_dir.resolve()).encode()).hexdigest()[:16]
    return cache_root / f"pack-{key}"


def _open_regular(path: Path) -> tuple[int, int]:
    """(descriptor, size) of a regular file, without following a link or blocking on a FIFO."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise CacheFormatError(f"{path.name} is not a regular file")
    return fd, info.st_size


def _read_table(path: Path) -> dict[str, Any]:
    """The index file's JSON mapping, read from a regular file of sane size."""
    fd, size = _open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        if size > MAX_INDEX_BYTES:
            raise CacheFormatError(f"{path.name} is {size:,} bytes")
        table = json.loads(handle.read(MAX_INDEX_BYTES + 1))
    if type(table) is not dict:
        raise CacheFormatError(f"{path.name} is not a mapping")
    return table


class DataFile:
    """The cache's data file, open for the life of the records that read from it.

    Read with `pread`, not memory-mapped: a file truncated while the reader runs gives a short
    read, reported as CacheFormatError, where a map would kill the process with SIGBUS.
    """

    def __init__(self, path: Path, expected_size: int, index_path: Path) -> None:
        self.path = path
        self._index_path = index_path
        self._reported = False
        fd, size = _open_regular(path)
        weakref.finalize(self, os.close, fd)
        self._fd = fd
        if size != expected_size:
            raise CacheFormatError(f"{path.name} is {size} bytes, expected {expected_size}")

    def read(self, offset: int, length: int, crc: int) -> bytes:
        try:
            raw = os.pread(self._fd, length, offset)
        except OSError as exc:
            raise self._damaged(f"unreadable: {exc.strerror or exc}") from None
        if len(raw) != length:
            raise self._damaged("shorter than its index says: truncated while in use?")
        if zlib.crc32(raw) != crc:
            raise self._damaged(f"bytes {offset}-{offset + length} changed")
        return raw

    def _damaged(self, what: str) -> CacheFormatError:
        """The error to raise; the first time, the index is removed so the next start rewrites it."""
        if not self._reported:
            self._reported = True
            try:
                self._index_path.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("could not remove the damaged content cache %s: %s", self._index_path, exc)
        return CacheFormatError(f"content cache {self.path} is damaged ({what})")


class HeadingsFile:
    """The section titles of every record (a JSON list of lists, in the order of the records),
    read on the first request: the search's title completions need them, a warm start does not."""

    def __init__(self, path: Path, count: int) -> None:
        self.path, self._count = path, count
        self._rows: list[tuple[str, ...]] | None = None
        self._problem: CacheFormatError | None = None  # read once: a damaged file is not read again

    def get(self, index: int) -> tuple[str, ...]:
        if self._rows is None and self._problem is None:
            try:
                self._rows = self._read()
            except CacheFormatError as exc:
                log.warning("%s; section titles are taken from the topics", exc)
                self._problem = exc
        if self._rows is None:
            raise self._problem or CacheFormatError(f"{self.path} unread")
        return self._rows[index]

    def _read(self) -> list[tuple[str, ...]]:
        try:
            fd, size = _open_regular(self.path)
            with os.fdopen(fd, "rb") as handle:
                if size > MAX_INDEX_BYTES:
                    raise CacheFormatError(f"{self.path.name} is {size:,} bytes")
                rows = json.loads(handle.read(MAX_INDEX_BYTES + 1))
        except (OSError, ValueError, RecursionError) as exc:
            raise CacheFormatError(f"content cache {self.path} is unreadable ({exc})") from None
        if type(rows) is not list or len(rows) != self._count:
            raise CacheFormatError(f"content cache {self.path} does not match its index")
        if not all(type(row) is list and all(type(t) is str for t in row) for row in rows):
            raise CacheFormatError(f"content cache {self.path} is malformed")
        return [tuple(row) for row in rows]


class PackCache:
    """Cached TopicRecords of one pack; `lookup` reuses them, `save` writes what changed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._records: dict[str, TopicRecord] = {}
        self._reused = 0
        self._remove_old_format()
        self._open()

    def _remove_old_format(self) -> None:
        for name in OLD_INDEX_NAMES:
            old = self.folder / name
            if os.path.lexists(old):
                log.info("content cache %s: removing an old pickled cache unread (%s)", self.folder, name)
                try:
                    old.unlink()
                except OSError as exc:
                    log.warning("could not remove the old content cache %s: %s", old, exc)

    def _open(self) -> None:
        try:
            opened = _open_cache(self.folder)
            if opened is None:
                return
            rows, data, headings = opened
            pairs = [_record(row, data) for row in rows]
            for number, (_, record) in enumerate(pairs):
                if record.topic_id is not None:
                    record.headings = functools.partial(headings.get, number)
            self._records = dict(pairs)
        except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
            # a damaged or foreign cache must never stop the app: load from the files
            log.warning("content cache %s is unreadable (%s); reloading the pack", self.folder, exc)
            self._records = {}

    def lookup(self, path: str, stat: os.stat_result) -> TopicRecord | None:
        record = self._records.get(path)
        if record is None or (record.mtime_ns, record.size) != (stat.st_mtime_ns, stat.st_size):
            return None
        self._reused += 1
        return record

    def save(self, records: list[TopicRecord]) -> None:
        """Write the records when anything differs from what was cached; never raises."""
        if self._reused == len(records) == len(self._records):
            return
        try:
            self._write(records)
        except Exception as exc:
            log.warning("could not write the content cache %s: %s", self.folder, exc)

    def _write(self, records: list[TopicRecord]) -> None:
        """Under the folder's lock: another process writing at the same time would otherwise remove
        this data file as stale while it is being written, and leave an index naming a lost file."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with InterProcessLock(self.folder / LOCK_NAME, timeout=WRITE_LOCK_TIMEOUT_S):
            self._write_locked(records)

    def _write_locked(self, records: list[TopicRecord]) -> None:
        rows: list[list[Any]] = []
        fd, data_tmp = tempfile.mkstemp(dir=self.folder, prefix="data-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as data:
                for record in records:
                    offset = length = crc = 0
                    if record.topic_id is not None:
                        payload = record.payload()
                        offset, length, crc = data.tell(), len(payload), zlib.crc32(payload)
                        data.write(payload)
                    rows.append(_row(record, offset, length, crc))
                data_size = data.tell()
                data.flush()
                os.fsync(data.fileno())
            data_name = Path(data_tmp).name
            headings_name = data_name.replace("data-", "headings-", 1)
            headings = [list(r.section_titles()) if r.topic_id is not None else [] for r in records]
            encoded = json.dumps(headings, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            write_atomically(self.folder / headings_name, encoded, mode=0o600)
            table = {
                "stamp": _stamp(),
                "data": data_name,
                "data_bytes": data_size,
                "headings": headings_name,
                "records": rows,
            }
            encoded = json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            write_atomically(self.folder / INDEX_NAME, encoded, mode=0o600)
        except BaseException:
            Path(data_tmp).unlink(missing_ok=True)
            raise
        for old in (
            *self.folder.glob("data-*"),
            *self.folder.glob("headings-*"),
        ):  # open copies stay readable
            if old.name not in (data_name, headings_name):
                old.unlink(missing_ok=True)


def _open_cache(folder: Path) -> tuple[list[Any], DataFile | None, HeadingsFile] | None:
    """The rows of a pack's cache, its data file and its headings file; None when there is no
    cache of this version. Raises OSError, ValueError (CacheFormatError), KeyError or TypeError."""
    index_path = folder / INDEX_NAME
    if not os.path.lexists(index_path):
        return None
    table = _read_table(index_path)
    if table.get("stamp") != _stamp():
        log.info("content cache %s is from another version; reloading the pack", folder)
        return None
    data_name, data_size, rows = table["data"], table["data_bytes"], table["records"]
    if type(data_name) is not str or Path(data_name).name != data_name or type(data_size) is not int:
        raise CacheFormatError("data file entry malformed")
    if type(rows) is not list:
        raise CacheFormatError("records malformed")
    data = DataFile(folder / data_name, data_size, index_path) if data_size else None
    headings_name = table["headings"]
    if type(headings_name) is not str or Path(headings_name).name != headings_name:
        raise CacheFormatError("headings file entry malformed")
    return rows, data, HeadingsFile(folder / headings_name, len(rows))


class CachedRecords:
    """A few records of a pack's cache, each checked only when asked for: for a search that
    shows ten topics of a 10,000-topic pack (reader.search.quick), where PackCache would check
    and build every record (~45 ms). Nothing here raises: a missing or damaged cache has no
    records; `damaged` says why a cache that is there cannot be read (the caller then loads the
    pack, which says so and writes the cache again)."""

    def __init__(self, folder: Path) -> None:
        self._rows: dict[str, tuple[int, list[Any]]] = {}
        self._data: DataFile | None = None
        self.damaged: str | None = None
        try:
            opened = _open_cache(folder)
        except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
            self.damaged = str(exc) or type(exc).__name__
            return
        if opened is not None:
            rows, self._data, self._headings = opened
            self._rows = {row[0]: (n, row) for n, row in enumerate(rows) if type(row) is list and row}

    def record(self, path: str, mtime_ns: int, size: int) -> TopicRecord | None:
        """The cached record of `path` if it was cached with this time and size, else None."""
        found = self._rows.get(path)
        if found is None:
            return None
        number, row = found
        try:
            _, record = _record(row, self._data)
        except (ValueError, TypeError) as exc:
            log.info("content cache record of %s unusable (%s)", path, exc)
            return None
        if (record.mtime_ns, record.size) != (mtime_ns, size):
            return None
        if record.topic_id is not None:
            record.headings = functools.partial(self._headings.get, number)
        return record


def _row(record: TopicRecord, offset: int, length: int, crc: int) -> list[Any]:
    errors = [[str(e.path), e.line, e.field, e.message, e.severity] for e in record.errors]
    fields = (record.path, record.mtime_ns, record.size, record.topic_id, record.title, record.sha256)
    return [
        *fields,
        list(record.related),
        errors,
        offset,
        length,
        crc,
        record.language,
        record.translation_of,
    ]


def _record(row: Any, data: DataFile | None) -> tuple[str, TopicRecord]:
    """A cached row as a TopicRecord whose blob reads its topic from `data`; checked field by field."""
    path, mtime, size, topic_id, title, sha256, related, errors, offset, length, crc, language, original = row
    ints = (mtime, size, offset, length, crc)
    if not (type(path) is str and type(title) is str and type(sha256) is str and type(related) is list):
        raise CacheFormatError(f"record for {path!r} malformed")
    if not (type(language) is str and type(original) is str):
        raise CacheFormatError(f"record for {path!r} malformed")
    if not all(type(n) is int and n >= 0 for n in ints) or not all(type(r) is str for r in related):
        raise CacheFormatError(f"record for {path!r} malformed")
    record = TopicRecord(path, mtime, size, None, title, sha256, tuple(related), _errors(errors))
    record.language, record.translation_of = language, original
    if topic_id is not None:
        if type(topic_id) is not str or data is None:
            raise CacheFormatError(f"record for {path!r} malformed")
        record.topic_id = topic_id
        record.blob = functools.partial(data.read, offset, length, crc)
    return path, record


def _errors(rows: Any) -> tuple[ContentError, ...]:
    if type(rows) is not list:
        raise CacheFormatError("errors malformed")
    found = []
    for path, line, field, message, severity in rows:
        if not (type(path) is str and type(field) is str and type(message) is str and type(severity) is str):
            raise CacheFormatError("error entry malformed")
        if line is not None and type(line) is not int:
            raise CacheFormatError("error entry malformed")
        found.append(ContentError(Path(path), line, field, message, severity))
    return tuple(found)
