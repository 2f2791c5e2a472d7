"""How long the search field waits after a key before it searches: an adaptive debounce.

A search starts once typing pauses for `delay_ms()`. The pause adapts to what a search costs:
over the bundled topic a search takes a few milliseconds (request to answer, some 5-15 ms with
the hand-over between threads), so the field waits about 70 ms and the results are on screen
within 100 ms of the last key, while keys that come faster than that (fast typing, a pasted
word) are searched once, at the end. Over a large pack, where a search takes tens of
milliseconds and each one occupies a worker, the pause grows with the measured cost, up to
MAX_MS, so fast typing does not queue a search per key. Answers to earlier queries are dropped
by the search runner (reader.ui.search_worker) whatever the pause.
"""

from __future__ import annotations

MIN_MS = 60  # a pause shorter than this between two keys is typing, not waiting for results
MAX_MS = 250
COST_FACTOR = 1.0  # pause = MIN_MS + this many times the typical search time
SMOOTHING = 0.3  # weight of the newest search time in the running average


class SearchPace:
    """Keeps a running average of search times (request to answer) and gives the pause to wait."""

    def __init__(self, min_ms: int = MIN_MS, max_ms: int = MAX_MS) -> None:
        self.min_ms, self.max_ms = min_ms, max_ms
        self._typical_ms: float | None = None

    @property
    def typical_search_ms(self) -> float | None:
        return self._typical_ms

    def record_search(self, seconds: float) -> None:
        """One search's time from request to answer."""
        ms = max(0.0, seconds * 1000.0)
        previous = self._typical_ms
        self._typical_ms = ms if previous is None else previous + SMOOTHING * (ms - previous)

    def delay_ms(self) -> int:
        """The pause after a key before searching."""
        cost = self._typical_ms or 0.0
        return int(min(self.max_ms, max(self.min_ms, self.min_ms + COST_FACTOR * cost)))
