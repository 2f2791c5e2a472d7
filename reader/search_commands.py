"""`python main.py index` and `python main.py search`: the search index of a content pack made
sure of, and a search printed as text or JSON. A search whose pack has not changed since the last
one does not load it (reader.search.quick)."""

from __future__ import annotations

import argparse
import functools
import html
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from reader.cli import content_dir, says_no_topics
from reader.search.combined import CombinedSearch

if TYPE_CHECKING:
    from reader.content.store import TopicStore
    from reader.packs.sources import LoadedPacks
    from reader.search import IndexReport, SearchResult, SearchService


def _index_dir(args: argparse.Namespace) -> Path:
    """--index-dir, else the index of the pack's folder (the bundled pack's, or its own)."""
    if getattr(args, "index_dir", None) is not None:
        return Path(args.index_dir)
    from reader.paths import index_dir_for

    return index_dir_for(content_dir(args))


def _quick_search_service(args: argparse.Namespace) -> SearchService | CombinedSearch | None:
    """The search over indexes known to be current, without loading the packs (reader.search.quick);
    None when it cannot be known so. Says the load's problems as the full way would."""
    from reader.pack_session import PackLoader, pack_library
    from reader.paths import content_cache_dir
    from reader.search.quick import quick_service

    pack = content_dir(args)
    packs = PackLoader(pack, pack_library(args))
    loaded: list[LoadedPacks] = []

    def topics_of(pack_id: str) -> TopicStore:
        if not loaded:  # one full load, whichever pack asks first
            packs(pack, content_cache_dir())
            assert packs.loaded is not None
            loaded.append(packs.loaded)
        if len(packs.sources) == 1:
            return loaded[0].result.topics
        return loaded[0].pack_topics.get(pack_id) or TopicStore([])

    sources = [(s.label.pack_id, s.folder) for s in packs.sources]
    found = quick_service(sources, _index_dir(args), content_cache_dir(), topics_of)
    if found is None:
        return None
    service, errors = found
    for error in errors:
        print(error, file=sys.stderr)
    return service


def _search_service(
    args: argparse.Namespace,
) -> tuple[SearchService | CombinedSearch, Callable[[], None]] | None:
    """The search over the packs' topics, and what to call once its indexes are current (it leaves
    the note that lets the next search skip loading the packs); None (after saying why) when
    nothing could be loaded."""
    from reader.pack_session import PackLoader, pack_library, pack_topics
    from reader.paths import content_cache_dir
    from reader.search import SearchService, synonyms_file_for
    from reader.search.combined import open_packs, pack_index_dir, use_index_dir

    pack = content_dir(args)
    packs = PackLoader(pack, pack_library(args))  # with the installed packs, unless --content alone
    result = packs(pack, content_cache_dir())  # unchanged files are not parsed again
    if says_no_topics(pack, result):
        return None
    for error in result.errors:
        print(error, file=sys.stderr)
    if not result.topics:
        print(f"no topics to search in {pack}", file=sys.stderr)
        return None
    index_dir = _index_dir(args)
    use_index_dir(index_dir)
    assert packs.loaded is not None
    loaded = packs.loaded
    each = pack_topics(loaded, synonyms_file_for)
    if not each:  # one pack
        synonyms = synonyms_file_for(pack)
        service = SearchService(result.topics, index_dir, synonyms)
        searched = {packs.sources[0].label.pack_id: _Searched(service, index_dir, synonyms, result.topics)}
        return service, functools.partial(_remember, index_dir, loaded, searched)
    combined = open_packs(each, index_dir, lambda folder: folder)
    services = combined.services if isinstance(combined, CombinedSearch) else [combined]
    searched = {
        p.pack_id: _Searched(s, pack_index_dir(index_dir, p), p.synonyms_path, loaded.pack_topics[p.pack_id])
        for p, s in zip(each, services, strict=True)
    }
    return combined, functools.partial(_remember, index_dir, loaded, searched)


class _Searched(NamedTuple):
    """One pack's search as the full way made it."""

    service: SearchService
    index_folder: Path | None  # None: in memory
    synonyms: Path | None
    topics: TopicStore


def _remember(index_dir: Path, loaded: LoadedPacks, searched: dict[str, _Searched]) -> None:
    """Leave the note of this full load (reader.search.quick) beside the first pack's index."""
    from reader.search.quick import Note, PackNote, forget_note, write_note

    packs = []
    for source in loaded.sources:
        files = loaded.pack_stamps.get(source.label.pack_id, {})
        found = searched.get(source.label.pack_id)
        if found is None:
            packs.append(PackNote.of(source.label.pack_id, source.folder, files))
            continue
        fingerprint = found.service.fingerprint
        if fingerprint is None or found.index_folder is None:
            forget_note(index_dir)  # an index in memory: the next search must build it again
            return
        made = (found.index_folder, fingerprint, found.synonyms, found.topics)
        packs.append(PackNote.of(source.label.pack_id, source.folder, files, made))
    write_note(index_dir, Note(tuple(packs), tuple(str(e) for e in loaded.result.errors)))


def describe_report(report: IndexReport) -> str:
    where = "in memory" if report.in_memory else f"{report.bytes / 1024:.1f} kB in {report.location}"
    what = f"index {report.action}: {report.documents} document(s)"
    if report.action != "reused":
        what += f", {report.topics_indexed} topic(s) indexed"
    why = f" ({report.reason})" if report.reason else ""
    return f"{what} in {report.seconds:.2f} s; {where}{why}"


def run_index(args: argparse.Namespace) -> int:
    made = _search_service(args)
    if made is None:
        return 1
    service, remember = made
    try:
        report = service.rebuild_index() if args.rebuild else service.ensure_index()
        remember()
    finally:
        service.close()
    print(describe_report(report))
    return 0


def run_search(args: argparse.Namespace) -> int:
    remember: Callable[[], None] | None = None
    service = _quick_search_service(args)
    if service is None:
        made = _search_service(args)
        if made is None:
            return 1
        service, remember = made
    try:
        result = service.search(args.query, limit=args.limit)  # makes sure of the index first
        if remember is not None and service.ready:
            remember()
    finally:
        service.close()
    if args.json:
        print(json.dumps(result_json(result), ensure_ascii=False, indent=2))
    else:
        print_result(result, bold=sys.stdout.isatty())
    return 0


def snippet_text(snippet_html: str, start: str = "", end: str = "") -> str:
    """A snippet as plain text, its marked words between `start` and `end`."""
    return html.unescape(snippet_html.replace("<mark>", start).replace("</mark>", end))


def result_json(result: SearchResult) -> dict[str, object]:
    hits = [
        {
            "topic": h.topic_id,
            "section": h.section_id,
            "title": h.title,
            "score": round(h.score, 4),
            "snippet": h.snippet_html,  # HTML: escaped text, matched words in <mark>...</mark>
            "snippet_text": snippet_text(h.snippet_html),  # the same as plain text
            **({"sentence": h.sentence} if h.sentence else {}),  # a sentence citing a matched reference
            **({"reference": h.reference} if h.reference else {}),  # the reference a look-up matched
        }
        for h in result.hits
    ]
    return {"query": result.query, "suggestion": result.suggestion, "total": result.total, "hits": hits}


def print_result(result: SearchResult, *, bold: bool) -> None:
    start, end = ("\033[1m", "\033[0m") if bold else ("*", "*")
    if result.suggestion is not None:
        lead = "Showing results for" if result.corrected else "Did you mean"
        print(f"{lead}: {result.suggestion}")
    print(
        f"{result.total} result(s) for {result.query!r}"
        + (f", best {len(result.hits)}:" if result.hits else "")
    )
    for n, hit in enumerate(result.hits, 1):
        where = f"[{hit.topic_id}#{hit.section_id}]"
        print(f"{n:2}. {hit.title} - {hit.topic_title}  {where}  score {hit.score:.2f}")
        print(f"    {snippet_text(hit.snippet_html, start, end)}")
