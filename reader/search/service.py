"""The search service that the GUI and the CLI use: build or reuse the index, search, complete.

Every method is safe to call from a worker thread: searches are serialised with a lock,
and an index build runs beside searches on the previous index until it is swapped in.
Hits are ranked by BM25 on the section's text, then re-ranked so that sections whose title
has the query's words come first; a hit on a reference list brings the sections whose
sentences cite the matching references right after it (see `citations`). A "did you mean"
is offered only for words that are neither the content's nor English, and only when the
corrected query finds what the query as typed does not. `search` and `suggest` never raise
for any input; an index that fails while searching is rebuilt once and the search retried.
An index opened from disk has its large files checked against their checksums in a
background thread, while searches run; a mismatch is logged and the index rebuilt. Query
text is never logged above DEBUG (it is what a patient typed).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from reader.content.store import TopicStore
from reader.resources import BUNDLED_CONTENT_DIR
from reader.search import manifest as mf
from reader.search.analysis import stems, surface_words
from reader.search.citations import add_citing_hits
from reader.search.completion import Completer, stands_before
from reader.search.documents import REFERENCES_SECTION_ID, reference_text
from reader.search.english import is_english_word
from reader.search.index import IndexManager, IndexReport, OpenIndex
from reader.search.languages import other_planners, plan_in_languages, stems_for
from reader.search.querybuild import Plan, QueryPlanner
from reader.search.quick import HitTopics
from reader.search.results import NOTHING, Found, Hit, SearchResult
from reader.search.schema import TEXT_FIELD
from reader.search.snippets import MatchTerms, make_snippet, marked_spans
from reader.search.synonyms import SynonymTable
from reader.search.userquery import MAX_QUERY_CHARS, UserQuery, parse_query

if TYPE_CHECKING:
    from reader.content.model import Topic

log = logging.getLogger(__name__)
_T = TypeVar("_T")

SYNONYMS_FILE = "synonyms.yaml"
MAX_LIMIT = 1000
COUNT_LIMIT = 500  # matches counted one by one; beyond this the total is Whoosh's estimate
RERANK_DEPTH = 50  # best matches re-ranked by their section titles
MAX_CORRECTED_WORDS = 4  # misspelt words looked up per query (each lookup walks the vocabulary)
PHRASE_CHECKS = 5  # sections read to confirm a completed phrase is written so


def synonyms_file_for(content_dir: Path | None) -> Path:
    """The pack's own synonyms file if it has one, otherwise the bundled one."""
    if content_dir is not None and (content_dir / SYNONYMS_FILE).is_file():
        return content_dir / SYNONYMS_FILE
    return BUNDLED_CONTENT_DIR / SYNONYMS_FILE


class SearchService:
    """Search over a set of topics, with its index kept in `index_dir` (built when needed;
    None: always built in memory)."""

    def __init__(
        self, topics: Sequence[Topic], index_dir: Path | None, synonyms_path: Path | None = None
    ) -> None:
        # a large pack's topics are built only when needed
        self._topics: TopicStore | HitTopics = TopicStore.wrap(topics)
        self._opened: OpenIndex | None = None
        self._manager = IndexManager(index_dir)
        self._synonyms_path = synonyms_path if synonyms_path is not None else synonyms_file_for(None)
        self._synonyms: SynonymTable | None = None
        self._searcher: Any = None
        self._planner: QueryPlanner | None = None
        self._others: tuple[QueryPlanner, ...] = ()  # the index's other languages (see `languages`)
        self._completer: Completer | None = None
        self._title_cache: dict[str, frozenset[str]] = {}  # title -> stems, for ranking
        self._lock = threading.RLock()  # guards the searcher
        self._ensure_lock = threading.Lock()  # one build at a time
        self._recovered = False
        self._check: threading.Thread | None = None  # the background check of large index files
        self._check_stop = threading.Event()
        self.last_report: IndexReport | None = None

    @property
    def ready(self) -> bool:
        return self._searcher is not None

    def ensure_index(self) -> IndexReport:
        """Build, update or reuse the index as the content requires; idempotent."""
        return self._ensure(rebuild=False)

    def rebuild_index(self) -> IndexReport:
        """Build the index from scratch whatever its state."""
        return self._ensure(rebuild=True)

    def _ensure(self, *, rebuild: bool) -> IndexReport:
        with self._ensure_lock:
            if self._synonyms is None:
                self._synonyms = SynonymTable.load(self._synonyms_path)
            opened, report = self._manager.ensure(self._store(), rebuild=rebuild)
            self._install(opened, report)
            return report

    @classmethod
    def over_current_index(
        cls, topics: HitTopics, index_dir: Path, synonyms_path: Path | None, fingerprint: str
    ) -> SearchService | None:
        """A service over the live index in `index_dir` if its fingerprint is `fingerprint`, without
        the pack's topics: `topics` builds those of the hits (reader.search.quick). None otherwise."""
        service = cls([], index_dir, synonyms_path)
        service._topics = topics
        started = time.perf_counter()
        live, _problem = service._manager.open_current()
        if live is None:
            return None
        if live.manifest.fingerprint != fingerprint:
            live.close()
            return None
        with service._ensure_lock:
            service._synonyms = SynonymTable.load(service._synonyms_path)
            service._install(live.opened(), IndexManager.report_reused(live, started))
        return service

    def _store(self) -> TopicStore:
        """Every topic: a service made over the current index loads them when first needed."""
        if not isinstance(self._topics, TopicStore):
            self._topics = self._topics.whole()
        return self._topics

    @property
    def fingerprint(self) -> str | None:
        """The content fingerprint of the index open on disk (None: none yet, or in memory)."""
        return self._opened.manifest.fingerprint if self._opened and self._opened.manifest else None

    def _install(self, opened: OpenIndex, report: IndexReport) -> None:
        with self._lock:
            self._close_searcher()
            self._searcher = opened.searcher
            self._opened = opened
            reader = opened.searcher.reader()
            assert self._synonyms is not None
            self._planner = QueryPlanner(
                self._synonyms,
                opened.vocabulary,
                lambda stem: int(reader.doc_frequency(TEXT_FIELD, stem)),
                int(reader.doc_count()),
            )
            self._others = other_planners(reader, self._synonyms_path, opened.vocabulary)
        self.last_report = report
        log.info("search index %s: %d documents in %.2f s", report.action, report.documents, report.seconds)
        if report.action != "built":  # a build has just written (and checksummed) every file
            self._start_check(opened)

    def _start_check(self, opened: OpenIndex) -> None:
        """Check the large files of the index just opened, in a thread: searches go on meanwhile."""
        if opened.path is None or opened.manifest is None:
            return
        self._check_stop.set()  # a check of an earlier version is no longer needed
        self._check_stop = stop = threading.Event()
        self._check = threading.Thread(
            target=self._run_check, args=(opened.path, opened.manifest, stop), name="index-check", daemon=True
        )
        self._check.start()

    def _run_check(self, path: Path, manifest: mf.Manifest, stop: threading.Event) -> None:
        try:
            problem = mf.verify_large_files(path, manifest, stop)
            if problem is None or stop.is_set():
                return
            log.warning("search index in %s is damaged (%s): rebuilding it", path, problem)
            self.rebuild_index()
        except Exception:  # the open index keeps answering; a later failure is recovered by _recovering
            log.exception("checking the search index in %s failed", path)

    def wait_until_checked(self, timeout: float | None = None) -> bool:
        """Wait for the background check (and a rebuild it started); False if still running."""
        check = self._check
        if check is not None:
            check.join(timeout)
            return not check.is_alive()
        return True

    def search(self, query: str, limit: int = 20) -> SearchResult:
        """Results for what the user typed, best first; an empty result for input with no words."""
        query = query if isinstance(query, str) else ""
        limit = max(1, min(int(limit), MAX_LIMIT))
        return self._recovering(
            "a search", lambda: self._search(query, limit), SearchResult(query, None, 0, ())
        )

    def _recovering(self, what: str, run: Callable[[], _T], fallback: _T) -> _T:
        """`run()` on an open index; if it fails (perhaps a damaged index file), rebuild once and retry.

        What failed is logged without the user's text: it is the patient's (see logging_setup).
        """
        try:
            if not self.ready:
                self.ensure_index()
            return run()
        except Exception:
            log.exception("%s failed", what)
        if not self._recovered:
            self._recovered = True
            try:
                self.rebuild_index()
                return run()
            except Exception:
                log.exception("%s failed again after rebuilding the index", what)
        return fallback

    def _search(self, query: str, limit: int) -> SearchResult:
        with self._lock:
            if self._planner is None:
                return SearchResult(query, None, 0, ())
            parsed = parse_query(query)
            plan = plan_in_languages(self._planner, self._others, parsed)
            if not plan.searches:
                return SearchResult(query, None, 0, ())
            found = self._run(plan, "and", limit)
            if found.hits:  # every word typed found: nothing to correct
                return SearchResult(query, None, found.total, found.hits, False, found.exact)
            corrections = self._corrections(parsed)
            fixed = (
                plan_in_languages(self._planner, self._others, parsed, corrections) if corrections else None
            )
            suggestion = parsed.replaced({i: c[0] for i, c in corrections.items()}).strip() or None
            if fixed is not None:
                better = self._run(fixed, "and", limit)
                if better.hits:
                    return SearchResult(query, suggestion, better.total, better.hits, True, better.exact)
            loose = self._run(plan, "or", limit) if len(plan.units) > 1 else NOTHING
            loose_fixed = NOTHING
            if fixed is not None and len(fixed.units) > 1:
                loose_fixed = self._run(fixed, "or", limit)
            if loose_fixed.total <= loose.total:  # the correction finds no more: do not offer it
                return SearchResult(query, None, loose.total, loose.hits, False, loose.exact)
            if loose.hits:
                return SearchResult(query, suggestion, loose.total, loose.hits, False, loose.exact)
            return SearchResult(
                query, suggestion, loose_fixed.total, loose_fixed.hits, True, loose_fixed.exact
            )

    def _corrections(self, parsed: UserQuery) -> dict[int, list[str]]:
        """Part index -> real words close to it, for plain words the content does not have."""
        assert self._planner is not None
        vocabulary, synonyms = self._planner.vocabulary, self._planner.synonyms
        found: dict[int, list[str]] = {}
        for i, part in enumerate(parsed.parts):
            words = surface_words(part.text)
            if part.phrase or len(words) != 1 or not stems(part.text):
                continue
            if vocabulary.known(words[0]) or synonyms.get(stems(part.text)) is not None:
                continue
            if part.prefix and vocabulary.completions(words[0], 1):
                continue  # a word still being typed
            if is_english_word(words[0]):
                continue  # spelled right: the content just does not use it ("long", "cost")
            candidates = vocabulary.corrections(words[0])
            if candidates:
                found[i] = candidates
                if len(found) == MAX_CORRECTED_WORDS:
                    break
        return found

    def _run(self, plan: Plan, mode: Literal["and", "or"], limit: int) -> Found:
        """The total (exact or estimated) and the best `limit` hits: Whoosh's best RERANK_DEPTH
        matches, re-ranked so that hits whose section title has the query's words come first, with
        the sections citing matched references after each reference list."""
        fetch = max(limit, RERANK_DEPTH)
        results = self._searcher.search(plan.whoosh_query(mode), limit=fetch)
        ranked = sorted(
            (
                (
                    float(hit.score)
                    * plan.title_factor_in(_language(hit), self._title_stems(hit["title"], _language(hit))),
                    hit.rank,
                    hit.fields(),
                )
                for hit in results
            ),
            key=lambda scored: (-scored[0], scored[1]),
        )
        marks = plan.match_terms()
        hits = [self._hit(fields, score, marks) for score, _, fields in ranked[:limit]]
        added = add_citing_hits(hits, self._topics.get, plan, mode)
        if results.scored_length() < fetch:  # all collected: Whoosh skips only once `fetch` are found
            return Found(results.scored_length() + added, True, tuple(hits[:limit]))
        total, exact = self._count(plan.whoosh_query(mode))
        return Found(total + added, exact, tuple(hits[:limit]))

    def _title_stems(self, title: str, language: str) -> frozenset[str]:
        key = title if language == "en" else f"{language}\0{title}"
        found = self._title_cache.get(key)
        if found is None:
            if len(self._title_cache) > 100_000:
                self._title_cache.clear()
            found = self._title_cache[key] = frozenset(stems_for(language)(title))
        return found

    def _count(self, matching: Any) -> tuple[int, bool]:
        """Matches counted up to COUNT_LIMIT, then estimated (counting all can take longer than searching)."""
        count = 0
        for count, _docnum in enumerate(self._searcher.docs_for_query(matching), 1):
            if count == COUNT_LIMIT:
                estimate = int(matching.estimate_size(self._searcher.reader()))
                return max(count, estimate), False
        return count, True

    def _hit(self, fields: dict[str, Any], score: float, marks: MatchTerms) -> Hit:
        topic_id, section_id = str(fields.get("topic", "")), str(fields.get("section", ""))
        title, language = str(fields.get("title", "")), str(fields.get("language", "en"))
        snippet = make_snippet(self._section_text(topic_id, section_id), marks, language=language)
        in_title = (title[start:end] for start, end in marked_spans(title, marks, language))
        terms = tuple(dict.fromkeys((*snippet.terms, *in_title)))  # body words first, then the heading's
        topic_title = str(fields.get("topic_title", ""))
        return Hit(topic_id, topic_title, section_id, title, score, snippet.html, terms)

    def _section_text(self, topic_id: str, section_id: str) -> str:
        topic = self._topics.get(topic_id)
        if topic is None:
            return ""
        if section_id == REFERENCES_SECTION_ID:
            return " ".join(reference_text(ref) for ref in topic.references)
        section = topic.section(section_id)
        return section.text if section is not None else ""

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        """Completions for a partial query: matching titles first, then words of the content."""
        prefix = prefix[:MAX_QUERY_CHARS] if isinstance(prefix, str) else ""
        limit = max(0, min(int(limit), MAX_LIMIT))
        return self._recovering("a completion request", lambda: self._suggest(prefix, limit), [])

    def _suggest(self, prefix: str, limit: int) -> list[str]:
        with self._lock:
            return self._completions(prefix.lstrip(), limit)

    def _completions(self, text: str, limit: int) -> list[str]:
        if self._planner is None:
            return []
        return self._titles_completer().complete(text, limit, self._planner.vocabulary, self._phrase_exists)

    def _titles_completer(self) -> Completer:
        """Built on the first completion request (in the search worker), not when the index opens:
        it reads the title of every section of the pack, which would make every open as slow as
        the pack is large (10,000 topics: 14 ms to open, 119 ms with the titles)."""
        if self._completer is None:
            store = self._store()
            headings = store.section_titles()  # from the content cache: no topic is built
            self._completer = Completer([*store.titles(), *(t for titles in headings for t in titles)])
        return self._completer

    def _phrase_exists(self, before: str, after: str) -> bool:
        """Whether some sentence of the content has the word `before` right before `after` (stop
        words between them allowed): the index finds sections with the stems side by side, their
        text tells "compression fractures" from "compression fractured"."""
        from whoosh import query

        phrase = [*stems(before), *stems(after)]
        if len(phrase) < 2 or self._searcher is None:
            return True
        matching = self._searcher.docs_for_query(query.Phrase(TEXT_FIELD, phrase))
        for _, docnum in zip(range(PHRASE_CHECKS), matching, strict=False):
            fields = self._searcher.stored_fields(docnum)
            text = f"{fields.get('title', '')}\n{self._section_text(fields['topic'], fields['section'])}"
            if stands_before(text, before, after):
                return True
        return False

    def close(self) -> None:
        """Stop the background check, release the index; a later search opens it again."""
        self._check_stop.set()
        check = self._check
        if check is not None and check is not threading.current_thread():
            check.join()  # quick: it stops within a chunk, unless a rebuild is under way
        with self._lock:
            self._close_searcher()
            self._planner = None

    def _close_searcher(self) -> None:
        searcher, self._searcher = self._searcher, None
        if searcher is not None:
            try:
                searcher.close()
            except Exception:  # closing a damaged index must not stop us replacing it
                log.debug("error closing the search index", exc_info=True)


def _language(hit: Any) -> str:
    """The search language of a hit's document: stored only on documents not in English."""
    return str(hit.get("language", "en"))
