"""The reader run as its own program and closed at an awkward moment, for the start/quit tests.

`python -m tests.reliability.quit_scenario MODE REPORT [reader options]` starts the reader through
`reader.cli.main` and:

- `close-while-building`: closes the window as soon as the search index build has started;
- `close-while-searching`: closes it while a search and a completion request are running
  (each made to take SLOW_CALL seconds, as a large pack can);
- `stall-build MARKER`: makes the build hang, creates MARKER, and waits to be sent a signal;
- `kiosk-visit MARKER` (with `--kiosk`): once search is ready, leaves a search and copied text
  behind as a patient would, creates MARKER, and waits to be sent a signal.

REPORT (JSON) gets the exit status, the order of events (`main returned` last, unless
something ran after it) and what the clipboard and the search field hold after the run.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

from tests.reliability.offline_scenario import wait_until, when_shown

SLOW_CALL = 0.5
events: list[str] = []
_events_lock = threading.Lock()


def note(event: str) -> None:
    with _events_lock:
        events.append(event)


def slow_search_calls() -> None:
    from reader.search import service

    for name in ("search", "suggest"):
        real = getattr(service.SearchService, name)

        def slow(self: Any, *args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            note(f"{_name} started")
            time.sleep(SLOW_CALL)
            answer = _real(self, *args, **kwargs)
            note(f"{_name} finished (index open: {self.ready})")
            return answer

        setattr(service.SearchService, name, slow)


def stall_builds(marker: Path) -> None:
    from reader.search import index

    def stalled(*args: Any) -> int:
        marker.write_text("building", encoding="utf-8")
        time.sleep(3600)
        return 0

    index._write_all = stalled  # type: ignore[assignment]


def close_while_building(window: Any) -> None:
    wait_until(lambda: window.index_progress.isVisible(), "index build")
    note("closing while the index is built")
    window.close()


def close_while_searching(window: Any) -> None:
    wait_until(lambda: window.search_panel.runner.service is not None, "search index")
    runner = window.search_panel.runner
    runner.search("balloon")
    runner.suggest("kyph")
    wait_until(lambda: sum(e.endswith("started") for e in events) == 2, "both calls running")
    note("closing while searching")
    window.close()


def kiosk_visit(marker: Path) -> Any:
    def visit(window: Any) -> None:
        from PySide6.QtWidgets import QApplication

        wait_until(lambda: window.search_panel.runner.service is not None, "search index")
        window.search_panel.field.setText("spine")
        QApplication.clipboard().setText("what the last patient copied")
        note("visit left")
        marker.write_text("visited", encoding="utf-8")

    return visit


def _search_text() -> str | None:
    from PySide6.QtWidgets import QApplication

    from reader.ui.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return windows[0].search_panel.field.text() if windows else None


def main(mode: str, report: Path, argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from reader.cli import main as reader_main

    app = QApplication(sys.argv[:1])  # the reader's run_app takes this one over
    if mode == "close-while-building":
        when_shown(close_while_building)
    elif mode == "close-while-searching":
        slow_search_calls()
        when_shown(close_while_searching)
    elif mode == "stall-build":
        stall_builds(Path(argv.pop(0)))
    elif mode == "kiosk-visit":
        when_shown(kiosk_visit(Path(argv.pop(0))))
    status = reader_main(argv)
    note("main returned")
    time.sleep(2 * SLOW_CALL)  # anything still running in a worker shows up after "main returned"
    left = {"clipboard": app.clipboard().text(), "field": _search_text()}
    del app
    report.write_text(json.dumps({"status": status, "events": events, **left}), encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]), sys.argv[3:]))
