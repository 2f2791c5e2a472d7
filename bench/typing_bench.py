"""Search as you type: time from the last key to the results on screen, and searches per query.

The real search panel (adaptive pause, reader.ui.search_pace) over the real search service on
the bundled topic, offscreen. Each query is typed key by key with a fixed gap between keys
(fast, ordinary and slow typing); the clock stops when the panel shows the answer to the whole
query. The old fixed pause (200 ms) is run the same way for comparison.

Target (issue 17; reported, not asserted): results within 100 ms of the last key on the bundled
topic, without a search on every key of fast typing.

    .venv/bin/python bench/typing_bench.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.content import load_content
from reader.resources import BUNDLED_CONTENT_DIR
from reader.search import SearchService
from reader.ui.search_panel import SearchPanel

QUERIES = ["balloon", "vertebroplasty cement", "blood clot", "kyphoplasty", "pain relief", "infection"]
GAPS_MS = (30, 120, 250)  # fast typing (bursts), ordinary, slow


class Counting:
    def __init__(self, service: Any) -> None:
        self.service, self.calls = service, 0

    def search(self, query: str, limit: int = 20) -> Any:
        self.calls += 1
        return self.service.search(query, limit)

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        return list(self.service.suggest(prefix, limit))


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def type_query(
    panel: SearchPanel, counting: Counting, shown: dict[str, float], query: str, gap_ms: int
) -> tuple[float, int]:
    """(ms from the last key to the answer shown, searches made)."""
    panel.field.setText("")
    wait(300)
    counting.calls = 0
    shown.clear()
    last_key = 0.0
    for n, char in enumerate(query):
        QTest.keyClicks(panel.field, char)
        last_key = time.perf_counter()
        if n < len(query) - 1:
            wait(gap_ms)
    deadline = time.perf_counter() + 5
    while query not in shown and time.perf_counter() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    return (shown.get(query, float("nan")) - last_key) * 1000, counting.calls


def run(panel: SearchPanel, counting: Counting, label: str, repeat: int) -> None:
    shown: dict[str, float] = {}  # query -> when its answer was on screen (after the panel's own slot)
    panel.runner.resultReady.connect(lambda query, _result: shown.setdefault(query, time.perf_counter()))
    for gap in GAPS_MS:
        latencies, searches, keys = [], 0, 0
        for _ in range(repeat):
            for query in QUERIES:
                latency, calls = type_query(panel, counting, shown, query, gap)
                latencies.append(latency)
                searches += calls
                keys += len(query)
        print(
            f"{label:<22} keys {gap:3d} ms apart: last key to results "
            f"median {statistics.median(latencies):4.0f} ms, max {max(latencies):4.0f} ms; "
            f"{searches} searches for {keys} keys",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    qInstallMessageHandler(lambda *_: None)  # the offscreen platform's notes on the completion popup
    with tempfile.TemporaryDirectory(prefix="typing-bench-") as tmp:
        service = SearchService(load_content(BUNDLED_CONTENT_DIR).topics, Path(tmp) / "index")
        service.ensure_index()
        service.search("warm up")
        for label, debounce in (("adaptive pause", None), ("fixed 200 ms (before)", 200)):
            counting = Counting(service)
            panel = SearchPanel(debounce_ms=debounce)
            panel.set_service(counting)
            panel.show()
            run(panel, counting, label, args.repeat)
            panel.set_service(None)
            panel.runner.wait()
            panel.deleteLater()
        service.close()
    del app


if __name__ == "__main__":
    main()
