"""Topics of a pack as a sequence that builds each Topic only when it is first used.

With a pack cache, a warm start of a 10,000-topic pack reads one small index and
opens one data file; a Topic is decoded from its cached JSON when a view or the index
asks for it, so start-up cost and memory do not grow with the full text of the pack.
A topic whose cached bytes turn out to be damaged is handed to `reload` (the loader reads
its file again) instead of failing the view that asked for it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from reader.content.cachecodec import CacheFormatError, decode_topic, encode_topic
from reader.content.errors import ContentError
from reader.content.model import Topic


@dataclass
class TopicRecord:
    """What loading one file yielded: enough to list, sort and check it without the full topic."""

    path: str
    mtime_ns: int
    size: int
    topic_id: str | None  # None when the file has errors
    title: str = ""
    sha256: str = ""
    related: tuple[str, ...] = ()
    errors: tuple[ContentError, ...] = ()
    language: str = ""  # the topic's language tag ("" when the file has errors)
    translation_of: str = ""  # the id of the topic it translates (see Topic.translation_of)
    topic: Topic | None = field(default=None, repr=False, compare=False)  # built in this run
    blob: Callable[[], bytes] | None = field(default=None, repr=False, compare=False)  # cached
    # the section titles, read from the cache's headings file when first asked for
    headings: Callable[[], tuple[str, ...]] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(
        cls, path: str, mtime_ns: int, size: int, topic: Topic | None, errors: list[ContentError]
    ) -> TopicRecord:
        if topic is None:
            return cls(path, mtime_ns, size, None, errors=tuple(errors))
        fields = (topic.id, topic.title, topic.source_sha256, topic.related)
        return cls(
            path,
            mtime_ns,
            size,
            *fields,
            errors=tuple(errors),
            language=topic.language,
            translation_of=topic.translation_of,
            topic=topic,
        )

    def build(self) -> Topic:
        if self.topic is not None:
            return self.topic
        if self.blob is None:
            raise LookupError(f"{self.path}: no topic was loaded from this file")
        topic = decode_topic(self.blob())
        if topic.id != self.topic_id:
            raise CacheFormatError(f"{self.path}: the cache holds topic {topic.id!r}, not {self.topic_id!r}")
        return topic

    def section_titles(self) -> tuple[str, ...]:
        """The titles of the topic's sections, without building the topic when the cache has them."""
        if self.topic is None and self.headings is not None:
            try:
                return self.headings()
            except CacheFormatError:
                pass  # a damaged headings file: the topic itself still knows
        if self.topic_id is None:
            return ()
        return tuple(section.title for section in self.build().sections)

    def payload(self) -> bytes:
        """The topic as cached JSON, for writing the cache."""
        if self.blob is not None:
            return self.blob()
        return encode_topic(self.build())


Reload = Callable[[TopicRecord, CacheFormatError], Topic]  # read a topic again when its cache is bad


class TopicStore(Sequence[Topic]):
    """Read-only sequence of topics, ordered as given; recently used topics stay built."""

    def __init__(self, records: Sequence[TopicRecord], keep: int = 256, reload: Reload | None = None) -> None:
        self._records = list(records)
        self._reload = reload
        self._index = {r.topic_id: i for i, r in enumerate(self._records) if r.topic_id is not None}
        self._built: OrderedDict[int, Topic] = OrderedDict()
        self._keep = keep

    def __len__(self) -> int:
        return len(self._records)

    @overload
    def __getitem__(self, index: int) -> Topic: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Topic]: ...
    def __getitem__(self, index: int | slice) -> Topic | Sequence[Topic]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        record = self._records[index]
        if record.topic is not None:  # built in this run: already in memory
            return record.topic
        topic = self._built.get(index)
        if topic is None:
            topic = self._built[index] = self._build(record)
            if len(self._built) > self._keep:
                self._built.popitem(last=False)
        else:
            self._built.move_to_end(index)
        return topic

    def _build(self, record: TopicRecord) -> Topic:
        try:
            return record.build()
        except CacheFormatError as exc:
            if self._reload is None:
                raise
            return self._reload(record, exc)

    def __iter__(self) -> Iterator[Topic]:
        for i in range(len(self)):
            yield self[i]

    @classmethod
    def wrap(cls, topics: Sequence[Topic]) -> TopicStore:
        """A store over topics already in memory (tests, generated packs); a store is returned as is."""
        if isinstance(topics, TopicStore):
            return topics
        return cls([TopicRecord.of(t.source_path, 0, 0, t, []) for t in topics])

    def id_at(self, index: int) -> str:
        return self._records[index].topic_id or ""

    def title_at(self, index: int) -> str:
        return self._records[index].title

    def ids(self) -> list[str]:
        """Topic ids in order, without building any topic."""
        return [r.topic_id or "" for r in self._records]

    def position(self, topic_id: str) -> int | None:
        return self._index.get(topic_id)

    def get(self, topic_id: str) -> Topic | None:
        i = self._index.get(topic_id)
        return None if i is None else self[i]

    def titles(self) -> list[str]:
        """Titles without building any topic."""
        return [r.title for r in self._records]

    def subset(self, keep: Callable[[TopicRecord], bool]) -> TopicStore:
        """A store of the records `keep` accepts, in order (topics built here are not shared)."""
        return TopicStore([r for r in self._records if keep(r)], self._keep, self._reload)

    def language_at(self, index: int) -> str:
        """The language tag of the topic at `index`, without building it."""
        return self._records[index].language

    def records(self) -> list[TopicRecord]:
        """The records in order (to combine the topics of several packs into one store)."""
        return list(self._records)

    def section_titles(self) -> list[tuple[str, ...]]:
        """Each topic's section titles, in order, built from the cache without building topics."""
        return [self._section_titles(i, record) for i, record in enumerate(self._records)]

    def _section_titles(self, index: int, record: TopicRecord) -> tuple[str, ...]:
        try:
            return record.section_titles()
        except CacheFormatError:  # the cached topic is damaged too: read through the store's reload
            return tuple(section.title for section in self[index].sections)

    def fingerprints(self) -> dict[str, str]:
        """topic id -> hash of its file, without building any topic."""
        return {r.topic_id: r.sha256 for r in self._records if r.topic_id is not None}
