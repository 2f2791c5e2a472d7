"""Index lifecycle: build once, reuse while the content is unchanged, update only changed topics.

A build or an update writes a new version directory beside the live one and then swaps the
`CURRENT` pointer atomically (see `manifest` for the layout), under an inter-process lock;
a crash or a second app instance therefore never leaves a half-written index. An index that
is missing, truncated, corrupt or stale is discarded and rebuilt with a log message. If the
directory cannot be written, the index is built in memory instead.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import time
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.content.store import TopicStore
from reader.locking import InterProcessLock
from reader.search import manifest as mf
from reader.search.documents import topic_documents, topic_hash, topic_words
from reader.search.schema import TOPIC_FIELD, build_schema
from reader.search.spelling import Vocabulary

if TYPE_CHECKING:
    from reader.content.model import Topic

log = logging.getLogger(__name__)

IN_MEMORY = ":memory:"
# An update re-indexes changed topics only while they are a small part of the pack, and while
# deleted documents (left behind by updates) stay a small part of the index.
UPDATE_MAX_TOPICS = 16
UPDATE_MAX_FRACTION = 0.25
MAX_DELETED_FRACTION = 0.3
WRITER_LIMIT_MB = 128
# A full build commits a segment per this many documents: a writer's buffer then stays in memory,
# where one writer for 10,000 topics spills every posting to disk and back (30% slower), and
# searching a few segments costs no more than one (measured with bench/search_bench.py).
BATCH_DOCUMENTS = 12_000
SMALL_SEGMENT = 2_000  # updates merge segments below this many documents into one
POSTINGS_COMPRESSION = 1  # zlib level: 1 builds a few per cent faster than Whoosh's 3 for ~2% more disk


@dataclass(frozen=True)
class IndexReport:
    """What `ensure` did."""

    action: str  # "built" | "updated" | "reused"
    documents: int
    seconds: float
    bytes: int  # size of the index on disk (0 in memory)
    topics_indexed: int = 0  # topics (re-)indexed by this call
    reason: str = ""  # why it was built or updated
    location: str = ""  # the version directory, or ":memory:"

    @property
    def in_memory(self) -> bool:
        return self.location == IN_MEMORY


@dataclass
class OpenIndex:
    """A Whoosh searcher over the index and the vocabulary of its content; for an index on disk,
    its version directory and manifest (for the background check of large files)."""

    searcher: Any
    vocabulary: Vocabulary
    path: Path | None = None
    manifest: mf.Manifest | None = None


@dataclass
class _Live:
    """The current version directory, opened and checked."""

    searcher: Any
    path: Path
    manifest: mf.Manifest
    vocabulary: Vocabulary

    def opened(self) -> OpenIndex:
        return OpenIndex(self.searcher, self.vocabulary, self.path, self.manifest)

    def close(self) -> None:
        self.searcher.close()


def topic_hashes(topics: Iterable[Topic]) -> dict[str, str]:
    if isinstance(topics, TopicStore):  # file hashes known without building 10,000 topics
        known = topics.fingerprints()
        if all(known.values()):
            return known
    return {topic.id: topic.source_sha256 or topic_hash(topic) for topic in topics}


def _add_topics(writer: Any, topics: Iterable[Topic], words: Counter[str]) -> int:
    """Add every document of `topics`; count each topic's words into `words`. Returns documents added."""
    count = 0
    for topic in topics:
        docs = topic_documents(topic)
        for doc in docs:
            writer.add_document(**doc.fields())
        words.update(topic_words(docs))
        count += len(docs)
    return count


def _write_all(index: Any, topics: Sequence[Topic], words: Counter[str]) -> int:
    """Index every topic into an empty index, committing a segment per BATCH_DOCUMENTS documents."""
    count = batch_start = 0
    writer = _writer(index)
    for topic in topics:
        count += _add_topics(writer, (topic,), words)
        if count - batch_start >= BATCH_DOCUMENTS:
            writer.commit(merge=False)
            writer, batch_start = _writer(index), count
    writer.commit(merge=False)
    return count


class IndexManager:
    """Owns one index directory. `ensure(topics)` returns the open index and a report.

    With no directory (None: a kiosk without a trusted index, see reader.search.trust) every
    index is built in memory and nothing is read from or written to disk.
    """

    def __init__(self, index_dir: Path | None, *, lock_timeout: float = 600.0) -> None:
        self.in_memory_only = index_dir is None
        self.index_dir = index_dir if index_dir is not None else Path(IN_MEMORY)
        self.lock_timeout = lock_timeout

    def ensure(self, topics: Sequence[Topic], *, rebuild: bool = False) -> tuple[OpenIndex, IndexReport]:
        """Reuse, update or build the index for `topics`; never fails for a bad or unwritable cache."""
        started = time.perf_counter()
        if self.in_memory_only:
            return self._build_in_memory(topics, started, "no trusted index folder")
        hashes = topic_hashes(topics)
        wanted = mf.fingerprint(hashes, mf.compatibility())
        if not rebuild:
            live, _ = self.open_current()
            if live is not None and live.manifest.fingerprint == wanted:
                return live.opened(), self._report("reused", live, started)
            if live is not None:
                live.close()
        try:
            self.index_dir.mkdir(parents=True, exist_ok=True)
            with InterProcessLock(self.index_dir / mf.LOCK_NAME, timeout=self.lock_timeout):
                return self._ensure_locked(topics, hashes, wanted, rebuild, started)
        except OSError as exc:
            log.warning(
                "cannot write the search index in %s (%s): using an in-memory index", self.index_dir, exc
            )
            return self._build_in_memory(topics, started)

    def open_current(self) -> tuple[_Live | None, str]:
        """The live index, checked against its manifest, or None and the reason it is unusable."""
        for _attempt in range(3):  # another process may swap versions while we read
            name = mf.read_pointer(self.index_dir)
            if name is None:
                return None, "no index yet"
            live, problem = _open_version(self.index_dir / name)
            if live is not None or mf.read_pointer(self.index_dir) == name:
                return live, problem
        return None, "index changed repeatedly while opening"

    def _ensure_locked(
        self, topics: Sequence[Topic], hashes: dict[str, str], wanted: str, rebuild: bool, started: float
    ) -> tuple[OpenIndex, IndexReport]:
        live, problem = (None, "rebuild requested") if rebuild else self.open_current()
        self._remove_leftovers()
        if live is not None:
            if live.manifest.fingerprint == wanted:  # built by another process while we waited
                return live.opened(), self._report("reused", live, started)
            changed = self._changed_topics(live, hashes)
            if changed is not None:
                return self._update(live, topics, hashes, wanted, changed, started)
            live.close()
            problem = "content changed"
        elif problem != "no index yet" and not rebuild:
            log.warning(
                "search index in %s is unusable (%s): discarding it and rebuilding", self.index_dir, problem
            )
        return self._build(topics, hashes, wanted, problem, started)

    def _changed_topics(self, live: _Live, hashes: Mapping[str, str]) -> set[str] | None:
        """Ids of topics added, removed or changed, or None when a full rebuild is better."""
        try:
            old = mf.read_topic_hashes(live.path)
        except mf.ManifestError as exc:
            log.warning("search index: %s; rebuilding", exc)
            return None
        changed = {t for t in old.keys() | hashes.keys() if old.get(t) != hashes.get(t)}
        if len(changed) > max(UPDATE_MAX_TOPICS, UPDATE_MAX_FRACTION * len(hashes)):
            return None
        reader = live.searcher.reader()
        total = reader.doc_count_all()
        if total and (total - reader.doc_count()) > MAX_DELETED_FRACTION * total:
            return None
        return changed

    def _build(
        self, topics: Sequence[Topic], hashes: dict[str, str], wanted: str, reason: str, started: float
    ) -> tuple[OpenIndex, IndexReport]:
        from whoosh.index import create_in

        tmp = self._new_temp_dir()
        try:
            index = create_in(str(tmp), build_schema())
            words: Counter[str] = Counter()
            count = _write_all(index, topics, words)
            index.close()
            live = self._publish(tmp, hashes, wanted, count, words)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        log.info("search index built: %d documents from %d topics (%s)", count, len(topics), reason)
        return live.opened(), self._report("built", live, started, len(topics), reason)

    def _update(
        self,
        live: _Live,
        topics: Sequence[Topic],
        hashes: dict[str, str],
        wanted: str,
        changed: set[str],
        started: float,
    ) -> tuple[OpenIndex, IndexReport]:
        from whoosh.filedb.filestore import FileStorage

        live.close()
        store = TopicStore.wrap(topics)  # look the changed topics up: do not build all 10,000
        changed_topics = [t for t in map(store.get, sorted(changed)) if t is not None]
        tmp = self._new_temp_dir()
        try:
            _clone_files(live.path, tmp)
            # Without maps: Whoosh would copy every segment's postings into memory to find the deletions.
            index = FileStorage(str(tmp), supports_mmap=False).open_index()
            writer = _writer(index)
            for topic_id in sorted(changed):
                writer.delete_by_term(TOPIC_FIELD, topic_id)
            # Words of changed topics are added; words they no longer use stay until the next full build.
            words = live.vocabulary.counts()
            _add_topics(writer, changed_topics, words)
            writer.commit(mergetype=_merge_small_segments)
            count = index.doc_count()
            index.close()
            cloned = {n: c for n, c in live.manifest.checksums.items() if n != mf.VOCABULARY_NAME}
            new = self._publish(tmp, hashes, wanted, count, words, cloned)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        indexed = len(changed_topics)
        log.info("search index updated: %d topic(s) changed, %d re-indexed", len(changed), indexed)
        return new.opened(), self._report(
            "updated", new, started, indexed, f"{len(changed)} topic(s) changed"
        )

    def _publish(
        self,
        tmp: Path,
        hashes: Mapping[str, str],
        wanted: str,
        count: int,
        words: Counter[str],
        known_checksums: Mapping[str, int] | None = None,
    ) -> _Live:
        """Save the vocabulary; record, flush and rename a finished build, then point CURRENT at it."""
        vocabulary = Vocabulary(words)
        vocabulary.save(tmp / mf.VOCABULARY_NAME)
        created = datetime.now(UTC).isoformat(timespec="seconds")
        files = mf.index_files(tmp)
        checksums = mf.file_checksums(tmp, files, known_checksums)
        manifest = mf.Manifest(mf.compatibility(), wanted, count, files, created, checksums=checksums)
        mf.sync_files(tmp)
        mf.write_records(tmp, manifest, hashes)
        final = self.index_dir / f"{mf.VERSION_PREFIX}{_stamp()}"
        os.rename(tmp, final)
        mf.write_pointer(self.index_dir, final.name)
        self._remove_leftovers()
        return _Live(_open_whoosh(final).searcher(), final, manifest, vocabulary)

    def _new_temp_dir(self) -> Path:
        tmp = self.index_dir / f"{mf.TEMP_PREFIX}{_stamp()}"
        tmp.mkdir()
        return tmp

    def _remove_leftovers(self) -> None:
        """Remove old versions and crashed builds (called under the lock, so no build is running)."""
        live = mf.read_pointer(self.index_dir)
        for path in self.index_dir.iterdir():
            stale = path.name.startswith(mf.TEMP_PREFIX) or (
                path.name.startswith(mf.VERSION_PREFIX) and path.name != live
            )
            if stale and path.is_dir():
                shutil.rmtree(path, ignore_errors=True)  # a file open elsewhere (Windows) waits for next time

    def _build_in_memory(
        self, topics: Sequence[Topic], started: float, reason: str = "cache not writable"
    ) -> tuple[OpenIndex, IndexReport]:
        from whoosh.filedb.filestore import RamStorage

        index = RamStorage().create_index(build_schema())
        words: Counter[str] = Counter()
        count = _write_all(index, topics, words)
        seconds = time.perf_counter() - started
        report = IndexReport("built", count, seconds, 0, len(topics), reason, IN_MEMORY)
        return OpenIndex(index.searcher(), Vocabulary(words)), report

    @classmethod
    def report_reused(cls, live: _Live, started: float) -> IndexReport:
        """The report for an index opened as it is (open_current), `started` at perf_counter()."""
        return cls._report("reused", live, started)

    @staticmethod
    def _report(action: str, live: _Live, started: float, indexed: int = 0, reason: str = "") -> IndexReport:
        seconds = time.perf_counter() - started
        return IndexReport(
            action, live.manifest.documents, seconds, live.manifest.bytes, indexed, reason, str(live.path)
        )


def _writer(index: Any) -> Any:
    from whoosh.codec.whoosh3 import W3Codec

    return index.writer(limitmb=WRITER_LIMIT_MB, codec=W3Codec(compression=POSTINGS_COMPRESSION))


def _merge_small_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy for updates: fold the small segments earlier updates left into the new
    one, and never rewrite the large ones (Whoosh's default leaves small ones piling up)."""
    from whoosh.reading import SegmentReader

    small = [segment for segment in segments if segment.doc_count_all() < SMALL_SEGMENT]
    if len(small) < 2:
        return segments
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in small]


def _stamp() -> str:
    return f"{time.time_ns():x}-{os.getpid()}"


def _open_whoosh(path: Path) -> Any:
    from reader.search.mapped import MappedStorage

    return MappedStorage(str(path)).open_index()


def _open_version(path: Path) -> tuple[_Live | None, str]:
    """Open one version directory if its manifest, files and Whoosh all agree."""
    try:
        manifest = mf.read_manifest(path)
    except mf.ManifestError as exc:
        return None, f"damaged: {exc}"
    if manifest.compat != mf.compatibility():
        return None, f"made by another version ({manifest.compat})"
    try:
        vocabulary = Vocabulary.read(path / mf.VOCABULARY_NAME)
    except OSError as exc:
        return None, f"damaged: vocabulary unreadable ({exc})"
    try:
        searcher = _open_whoosh(path).searcher()  # opens every segment file
    except Exception as exc:  # Whoosh raises many kinds on a damaged index
        problem, failure = f"damaged: {exc!r}", exc
    else:
        count = searcher.doc_count()
        if count == manifest.documents:
            return _Live(searcher, path, manifest, vocabulary), ""
        searcher.close()
        return None, f"damaged: {count} documents, expected {manifest.documents}"
    _forget_quietly(failure)
    return None, problem


def _forget_quietly(failure: BaseException) -> None:
    """Drop a Whoosh exception: Whoosh leaves the files of a damaged index open when it fails, and
    they close (with a ResourceWarning each) when its stack frames are freed, which is now."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        failure.__traceback__ = None
        del failure
        gc.collect()


def _clone_files(source: Path, dest: Path) -> None:
    """Copy an index's files cheaply: hard links where possible (Whoosh never rewrites a file)."""
    for name in mf.index_files(source):
        try:
            os.link(source / name, dest / name)
        except OSError:
            shutil.copy2(source / name, dest / name)
