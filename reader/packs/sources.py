"""The packs the reader shows: the bundled pack plus every installed pack, their topics loaded
into one store, and for each topic the pack it came from (for the credits and Help > About).

The bundled pack is trusted because it is part of the installed program (a read-only place that
only the installer writes); it states its id and version in `content/pack.yaml`. An installed
pack with the same id and a higher version replaces it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.content import ContentError, LoadResult, Topic, load_content
from reader.content.loader import Progress, reload_from_file
from reader.content.store import TopicStore
from reader.packs.labels import PackLabel
from reader.packs.library import BeforeSwitch, InstalledPack, PackLibrary
from reader.packs.manifest import DESCRIPTION_NAME, ManifestError, read_description, read_description_cached

if TYPE_CHECKING:
    from reader.packs.trust import Trust
    from reader.packs.verify import Verdict

log = logging.getLogger(__name__)

BUNDLED_ID = "health-reader-core"


@dataclass(frozen=True)
class PackSource:
    label: PackLabel
    folder: Path


@dataclass(frozen=True)
class PackTopics:
    """One pack to search: its topics, its synonyms file, and whether it is the bundled pack
    (whose index stays where it always was, so a kiosk's system index keeps working)."""

    pack_id: str
    topics: Sequence[Topic]
    synonyms_path: Path | None
    bundled: bool = False


@dataclass
class LoadedPacks:
    result: LoadResult
    sources: list[PackSource]
    topic_sources: dict[str, PackSource] = field(default_factory=dict)  # topic id -> its pack
    pack_topics: dict[str, TopicStore] = field(default_factory=dict)  # pack id -> its topics
    pack_stamps: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)  # pack id -> its files
    library: PackLibrary | None = None  # where packs are installed (None: none are used)
    trust_files: list[Path] = field(default_factory=list)  # for installing from the window

    def label(self, topic_id: str) -> PackLabel | None:
        source = self.topic_sources.get(topic_id)
        return source.label if source is not None else None


def bundled_source(folder: Path, description_cache: Path | None = None) -> PackSource:
    """The bundled pack (or the --content folder); described by its pack.yaml when it has one
    (read through `description_cache` when given, so a warm start needs no YAML parser)."""
    try:
        if description_cache is not None:
            d = read_description_cached(folder, description_cache)
        else:
            d = read_description(folder)
    except ManifestError as exc:
        if (folder / DESCRIPTION_NAME).exists():  # a folder without one is simply a plain pack
            log.warning("%s; the topics are shown without the pack's name and version", exc)
        return PackSource(PackLabel(BUNDLED_ID, folder.name, 0, "", bundled=True), folder)
    label = PackLabel(d.pack_id, d.title, d.version or 0, d.publisher, True, d.review_by, bundled=True)
    return PackSource(label, folder)


def installed_sources(library: PackLibrary) -> list[PackSource]:
    return [
        PackSource(
            PackLabel(
                p.pack_id,
                p.manifest.title,
                p.version,
                p.manifest.publisher,
                p.verified,
                p.manifest.review_by,
                signer=p.signer,
            ),
            p.folder,
        )
        for p in library.packs()
    ]


def reader_sources(
    bundled: Path, library: PackLibrary | None, description_cache: Path | None = None
) -> list[PackSource]:
    """The bundled pack, then the installed ones; an installed newer version of the bundled pack
    replaces it."""
    base = bundled_source(bundled, description_cache)
    installed = installed_sources(library) if library is not None else []
    newer = next((s for s in installed if s.label.pack_id == base.label.pack_id), None)
    if newer is not None and newer.label.version > base.label.version:
        return [newer, *(s for s in installed if s is not newer)]
    return [base, *(s for s in installed if s.label.pack_id != base.label.pack_id)]


def load_sources(
    sources: Sequence[PackSource], cache_dir: Path | None, progress: Progress | None = None
) -> LoadedPacks:
    """Load every pack; a topic id already used by an earlier pack is skipped with an error."""
    combined = LoadResult()
    loaded = LoadedPacks(combined, list(sources))
    records = []
    for source in sources:
        result = load_content(source.folder, cache_dir, progress)  # the cache keeps one folder per pack
        combined.errors.extend(result.errors)
        combined.files += result.files
        combined.stamps.update(result.stamps)
        loaded.pack_stamps[source.label.pack_id] = result.stamps
        kept = []
        for record in result.topics.records():
            topic_id = record.topic_id or ""
            if topic_id in loaded.topic_sources:
                other = loaded.topic_sources[topic_id].label.pack_id
                message = f"topic id '{topic_id}' is already used by the pack {other}"
                combined.errors.append(ContentError(Path(record.path), None, "id", message))
                continue
            loaded.topic_sources[topic_id] = source
            kept.append(record)
        loaded.pack_topics[source.label.pack_id] = TopicStore(kept, reload=reload_from_file)
        records.extend(kept)
    records.sort(key=lambda r: (r.title.casefold(), r.topic_id or ""))
    combined.topics = TopicStore(records, reload=reload_from_file)
    return loaded


def topic_clash(sources: Sequence[PackSource], pack_id: str, folder: Path) -> str | None:
    """Why a pack unpacked in `folder` cannot sit beside `sources`: a topic id another pack uses."""
    owners: dict[str, str] = {}
    for source in sources:
        if source.label.pack_id != pack_id:
            owners.update(dict.fromkeys(load_content(source.folder).topics.ids(), source.label.pack_id))
    for topic_id in load_content(folder).topics.ids():
        if topic_id in owners:
            return f"topic id '{topic_id}' is already used by the pack {owners[topic_id]}"
    return None


def install_beside(
    library: PackLibrary,
    pack_file: Path,
    trust: Trust,
    bundled_dir: Path,
    *,
    allow_unverified: bool = False,
    before_switch: BeforeSwitch | None = None,
) -> tuple[InstalledPack, Verdict]:
    """Install into `library` a pack that must be newer than the bundled pack of its id and share
    no topic id with the other packs (raises InstallError with one line)."""
    bundled = bundled_source(bundled_dir).label
    others = reader_sources(bundled_dir, library)
    return library.install(
        pack_file,
        trust,
        allow_unverified=allow_unverified,
        floors={bundled.pack_id: bundled.version},
        topic_check=lambda manifest, folder: topic_clash(others, manifest.pack_id, folder),
        before_switch=before_switch,
    )
