"""Runs search and suggestion requests off the GUI thread and delivers only the newest answer.

Every request gets a sequence number; an answer that arrives after a newer request was made
is dropped, so an older, slower query never overwrites a newer one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

SEARCH_LIMIT = 20
SUGGEST_LIMIT = 8


class HitLike(Protocol):
    """The shape of `reader.search.service.Hit` the views read."""

    @property
    def topic_id(self) -> str: ...
    @property
    def topic_title(self) -> str: ...
    @property
    def section_id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def snippet_html(self) -> str: ...
    @property
    def terms(self) -> tuple[str, ...]: ...
    @property
    def sentence(self) -> str: ...
    @property
    def reference(self) -> str: ...


class SearchResultLike(Protocol):
    """The shape of `reader.search.service.SearchResult` the views read."""

    @property
    def query(self) -> str: ...
    @property
    def suggestion(self) -> str | None: ...
    @property
    def total(self) -> int: ...
    @property
    def hits(self) -> Sequence[HitLike]: ...
    @property
    def corrected(self) -> bool: ...


class SearchBackend(Protocol):
    """What the panel needs from `reader.search.service.SearchService` (importing it pulls in Whoosh)."""

    def search(self, query: str, limit: int = ...) -> SearchResultLike: ...
    def suggest(self, prefix: str, limit: int = ...) -> list[str]: ...


class _Relay(QObject):
    """Carries a finished job's answer from the pool thread to the GUI thread (queued connection)."""

    done = Signal(str, int, str, object)  # kind, sequence, request text, answer (None on failure)


class _Job(QRunnable):
    """One call into the backend; skipped if it was superseded before a thread picked it up."""

    def __init__(self, kind: str, seq: int, text: str, call: Callable[[], object], runner: SearchRunner):
        super().__init__()
        self._kind, self._seq, self._text, self._call = kind, seq, text, call
        self._runner = runner
        self._relay = runner.relay

    def run(self) -> None:
        if not self._runner.is_current(self._kind, self._seq):
            return
        try:
            answer: object = self._call()
        except Exception:  # the service promises not to raise; a bug there must not kill the thread
            log.exception("%s failed for %r", self._kind, self._text)
            answer = None
        self._relay.done.emit(self._kind, self._seq, self._text, answer)


class SearchRunner(QObject):
    """Asks a search backend on a private thread pool; emits only answers to the latest request."""

    resultReady = Signal(str, object)  # noqa: N815 (query, SearchResult; None if the search failed)
    suggestionsReady = Signal(str, list)  # noqa: N815 (prefix, list[str] of whole completed queries)
    discarded = Signal(str, str)  # kind ("search" | "suggest"), request text: a stale answer was dropped

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        # The pool is created first so it is destroyed (waiting for running jobs) before the relay.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self.relay = _Relay(self)
        self.relay.done.connect(self._on_done)
        self._service: SearchBackend | None = None
        self._latest = {"search": 0, "suggest": 0}

    @property
    def service(self) -> SearchBackend | None:
        return self._service

    def set_service(self, service: SearchBackend | None) -> None:
        self._service = service
        self.cancel()

    def is_current(self, kind: str, seq: int) -> bool:
        """True while no newer request of this kind was made (read from pool threads too)."""
        return self._latest[kind] == seq

    def search(self, query: str) -> int:
        """Queue a search; returns its sequence number (0 when there is no service)."""
        service = self._service
        if service is None:
            return 0
        return self._submit("search", query, lambda: service.search(query, limit=SEARCH_LIMIT))

    def suggest(self, prefix: str) -> int:
        """Queue a completion request for `prefix`; returns its sequence number."""
        service = self._service
        if service is None:
            return 0
        return self._submit("suggest", prefix, lambda: service.suggest(prefix, limit=SUGGEST_LIMIT))

    def cancel(self) -> None:
        """Forget every request in flight: their answers will be dropped."""
        for kind in self._latest:
            self._latest[kind] += 1

    def wait(self, msecs: int = -1) -> bool:
        """Block until running jobs finish (used at shutdown and by tests)."""
        return self._pool.waitForDone(msecs)

    def _submit(self, kind: str, text: str, call: Callable[[], object]) -> int:
        self._latest[kind] += 1
        seq = self._latest[kind]
        self._pool.start(_Job(kind, seq, text, call, self))
        return seq

    @Slot(str, int, str, object)
    def _on_done(self, kind: str, seq: int, text: str, answer: Any) -> None:
        if not self.is_current(kind, seq):
            log.debug("dropped stale %s answer for %r", kind, text)
            self.discarded.emit(kind, text)
        elif kind == "search":
            self.resultReady.emit(text, answer)
        else:
            self.suggestionsReady.emit(text, list(answer or []))
