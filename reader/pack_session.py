"""Which content packs a reader window shows: the bundled pack (or --content) plus the installed
packs of the library, chosen by the kiosk rules; and the search job over them, one index per pack.

A kiosk reads only the system library, and only while nobody but root can change it (the same
rule as its search index, reader.search.trust): the kiosk account is shared by every patient.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader import paths
from reader.content import LoadResult
from reader.content.loader import Progress
from reader.packs.library import PackLibrary
from reader.packs.sources import LoadedPacks, PackTopics, load_sources, reader_sources

log = logging.getLogger(__name__)

DESCRIPTION_CACHE = "descriptions.json"  # reader.packs.manifest.read_description_cached


def pack_library(args: argparse.Namespace, kiosk: Any = None) -> PackLibrary | None:
    """The library whose packs the window shows, or None (only --content, or a kiosk without a
    trusted system library)."""
    explicit = getattr(args, "library", None)
    if getattr(args, "content", None) is not None and explicit is None:
        return None  # a pack being written or tested: show it alone
    if kiosk is None:
        return PackLibrary(paths.pack_library(explicit))
    from reader.search.trust import untrusted_reason

    root = Path(explicit) if explicit is not None else paths.SYSTEM_PACK_LIBRARY
    if not root.exists():
        return None
    problem = untrusted_reason(root)
    if problem is not None:
        log.warning("kiosk: not using the content packs in %s (%s)", root, problem)
        return None
    return PackLibrary(root)


class PackLoader:
    """Loads the packs (in the loading thread) and keeps what was loaded for the session."""

    def __init__(self, bundled: Path, library: PackLibrary | None) -> None:
        self.sources = reader_sources(bundled, library, paths.cache_dir() / DESCRIPTION_CACHE)
        self.library = library
        self.loaded: LoadedPacks | None = None

    def __call__(self, _pack: Path, cache_dir: Path | None, progress: Progress | None = None) -> LoadResult:
        loaded = load_sources(self.sources, cache_dir, progress)
        loaded.library = self.library
        if self.library is not None:
            loaded.trust_files = paths.pack_trust_files(self.library.root)
        self.loaded = loaded
        names = ", ".join(f"{s.label.pack_id} {s.label.version}" for s in self.sources)
        log.info("content packs: %s", names)
        return loaded.result


def pack_topics(loaded: LoadedPacks | None, synonyms_for: Any) -> tuple[PackTopics, ...]:
    """What to search, pack by pack (empty: one pack, searched as before)."""
    if loaded is None or len(loaded.sources) < 2:
        return ()
    return tuple(
        PackTopics(
            s.label.pack_id,
            loaded.pack_topics.get(s.label.pack_id, []),
            synonyms_for(s.folder),
            bundled=s.label.bundled,
        )
        for s in loaded.sources
        if loaded.pack_topics.get(s.label.pack_id)
    )


def packs_reloader(
    bundled: Path, library: PackLibrary | None
) -> Callable[[], tuple[LoadResult, LoadedPacks]]:
    """Loads the packs again (after an install from the window), with the content cache."""

    def reload() -> tuple[LoadResult, LoadedPacks]:
        loader = PackLoader(bundled, library)
        result = loader(bundled, paths.content_cache_dir())
        assert loader.loaded is not None
        return result, loader.loaded

    return reload
