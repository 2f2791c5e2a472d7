"""Search over several packs at once: one index per pack (the bundled pack and each installed
pack), searched side by side and the answers merged, so installing or updating a pack builds
or updates that pack's index only and leaves the others as they are.

Hits are merged by score. BM25 scores of two indexes are not strictly comparable (each has its
own word statistics), but both rank sections by the same formula over texts of one kind, which
orders the merged list well enough; a pack's own ranking is kept. Unused pack indexes are
evicted, least recently used first, beyond a few (`evict_unused`).
"""

from __future__ import annotations

import heapq
import logging
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.search.index import IndexReport
from reader.search.service import SearchResult, SearchService

if TYPE_CHECKING:
    from reader.packs.sources import PackTopics

log = logging.getLogger(__name__)

KEEP_UNUSED = 3  # indexes of packs no longer installed kept (a rollback or reinstall reuses them)


class CombinedSearch:
    """The `SearchService` interface over several services, one per pack."""

    def __init__(self, services: Sequence[SearchService]) -> None:
        if not services:
            raise ValueError("no pack to search")
        self.services = list(services)
        self.last_report: IndexReport | None = None
        self.reports: list[IndexReport] = []

    @property
    def ready(self) -> bool:
        return all(s.ready for s in self.services)

    def ensure_index(self) -> IndexReport:
        return self._summarise([s.ensure_index() for s in self.services])

    def rebuild_index(self) -> IndexReport:
        return self._summarise([s.rebuild_index() for s in self.services])

    def _summarise(self, reports: list[IndexReport]) -> IndexReport:
        """One report for the CLI and the log: "built" if any pack's index was built, and so on."""
        self.reports = reports
        action = next((a for a in ("built", "updated") if any(r.action == a for r in reports)), "reused")
        why = "; ".join(f"{Path(r.location).parent.name or r.location}: {r.action}" for r in reports)
        report = IndexReport(
            action,
            sum(r.documents for r in reports),
            sum(r.seconds for r in reports),
            sum(r.bytes for r in reports),
            sum(r.topics_indexed for r in reports),
            why,
            ", ".join(r.location for r in reports),
        )
        self.last_report = report
        return report

    def search(self, query: str, limit: int = 20) -> SearchResult:
        results = [s.search(query, limit) for s in self.services]
        as_typed = [r for r in results if r.hits and not r.corrected]
        if as_typed:
            chosen, suggestion, corrected = as_typed, None, False
        else:
            chosen = [r for r in results if r.hits]
            corrected = bool(chosen)
            suggestion = next((r.suggestion for r in (chosen or results) if r.suggestion), None)
        hits = heapq.nlargest(limit, (h for r in chosen for h in r.hits), key=lambda h: h.score)
        first = results[0]
        return replace(
            first,
            suggestion=suggestion,
            total=sum(r.total for r in chosen),
            hits=tuple(hits),
            corrected=corrected,
            exact_total=all(r.exact_total for r in chosen),
        )

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        seen: dict[str, None] = {}
        for service in self.services:
            for text in service.suggest(prefix, limit):
                seen.setdefault(text, None)
        return list(seen)[:limit]

    def wait_until_checked(self, timeout: float | None = None) -> bool:
        return all(s.wait_until_checked(timeout) for s in self.services)

    def close(self) -> None:
        for service in self.services:
            service.close()


def pack_index_root(index_dir: Path) -> Path:
    """Where the indexes of installed packs live, beside the bundled pack's: INDEX-packs/PACKID."""
    return index_dir.with_name(f"{index_dir.name}-packs")


def evict_unused(root: Path, in_use: set[str], keep: int = KEEP_UNUSED) -> list[str]:
    """Remove pack indexes not in use beyond the `keep` most recently used; returns what was removed."""
    if not root.is_dir():
        return []
    unused = [p for p in root.iterdir() if p.is_dir() and p.name not in in_use]
    unused.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    removed = []
    for folder in unused[keep:]:
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder.name)
        log.info("search index of the pack %s removed (not used lately)", folder.name)
    return removed


def use_index_dir(index_dir: Path) -> None:
    """Mark the index of a content folder (reader.paths.index_dir_for) as used now, and remove
    those of other folders not used lately. Other index folders are left alone."""
    from reader.paths import FOLDER_INDEXES

    if index_dir.parent.name != FOLDER_INDEXES:
        return
    _touch(index_dir)
    evict_unused(index_dir.parent, {index_dir.name})


def pack_index_dir(index_dir: Path | None, pack: PackTopics) -> Path | None:
    if index_dir is None or pack.bundled:
        return index_dir
    return pack_index_root(index_dir) / pack.pack_id


def open_packs(
    packs: Sequence[PackTopics], index_dir: Path | None, trusted: Callable[[Path | None], Path | None]
) -> SearchService | CombinedSearch:
    """A service per pack, each index in its own folder (`trusted` vets it: a kiosk's check).

    One pack: its service as it is. Several: a CombinedSearch over them."""
    services = []
    for pack in packs:
        folder = trusted(pack_index_dir(index_dir, pack))
        if folder is not None and not pack.bundled:
            _touch(folder)
        services.append(SearchService(pack.topics, folder, pack.synonyms_path))
    if index_dir is not None:
        evict_unused(pack_index_root(index_dir), {p.pack_id for p in packs if not p.bundled})
    return services[0] if len(services) == 1 else CombinedSearch(services)


def _touch(folder: Path) -> None:
    """Mark a pack index as used now (evict_unused keeps the most recently used)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        os.utime(folder)
    except OSError:
        pass
