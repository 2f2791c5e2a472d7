"""A cache of loaded topics, so a warm start does not parse and validate every YAML file.

Per content pack, the cache folder holds `index.pickle` (one TopicRecord per file,
keyed by path, modification time and size) and a data file of pickled topics that
is memory-mapped and read only for the topics that are used. A file whose time or
size changed is parsed again; anything wrong with the cache (missing, truncated,
another version) is logged and the pack is simply loaded from its files.
"""

from __future__ import annotations

import hashlib
import logging
import mmap
import os
import pickle
import tempfile
from dataclasses import replace
from pathlib import Path

from reader import __version__
from reader.content.schema import SCHEMA_VERSION
from reader.content.store import TopicRecord

log = logging.getLogger(__name__)

CACHE_FORMAT = 1
INDEX_NAME = "index.pickle"


def _stamp() -> tuple[int, int, str]:
    return (CACHE_FORMAT, SCHEMA_VERSION, __version__)


def pack_cache_dir(cache_root: Path, content_dir: Path) -> Path:
    """One folder per content pack, named after its resolved path."""
    key = hashlib.sha256(str(content_dir.resolve()).encode()).hexdigest()[:16]
    return cache_root / f"pack-{key}"


class PackCache:
    """Cached TopicRecords of one pack; `lookup` reuses them, `save` writes what changed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._records: dict[str, TopicRecord] = {}
        self._reused = 0
        self._open()

    def _open(self) -> None:
        try:
            with (self.folder / INDEX_NAME).open("rb") as handle:
                stamp, data_name, records = pickle.load(handle)
            if stamp != _stamp():
                log.info("content cache %s is from another version; reloading the pack", self.folder)
                return
            with (self.folder / data_name).open("rb") as data_file:
                data = mmap.mmap(data_file.fileno(), 0, access=mmap.ACCESS_READ) if records else b""
        except FileNotFoundError:
            return
        except Exception as exc:  # a corrupt cache must never stop the app: load from the files
            log.warning("content cache %s is unreadable (%s); reloading the pack", self.folder, exc)
            return
        for path, (record, offset, length) in records.items():
            if record.topic_id is not None:
                record.blob = _slice(data, offset, length)  # a fresh object from the pickle: ours to fill
            self._records[path] = record

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
        self.folder.mkdir(parents=True, exist_ok=True)
        index: dict[str, tuple[TopicRecord, int, int]] = {}
        fd, data_tmp = tempfile.mkstemp(dir=self.folder, prefix="data-", suffix=".bin")
        with os.fdopen(fd, "wb") as data:
            for record in records:
                offset = length = 0
                if record.topic_id is not None:
                    payload = record.payload()
                    offset, length = data.tell(), len(payload)
                    data.write(payload)
                index[record.path] = (replace(record, topic=None, blob=None), offset, length)
            data.flush()
            os.fsync(data.fileno())
        data_name = Path(data_tmp).name
        fd, index_tmp = tempfile.mkstemp(dir=self.folder, prefix="index-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((_stamp(), data_name, index), handle, protocol=pickle.HIGHEST_PROTOCOL)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(index_tmp, self.folder / INDEX_NAME)
        for old in self.folder.glob("data-*.bin"):  # mapped copies stay readable until unmapped
            if old.name != data_name:
                old.unlink(missing_ok=True)


def _slice(data: mmap.mmap | bytes, offset: int, length: int):  # type: ignore[no-untyped-def]
    return lambda: data[offset : offset + length]
