"""The whole reader, run as its own program with the network unplugged: the offline proof of issue 4.

`python -m tests.reliability.offline_scenario REPORT OUTDIR` first makes every network socket and
name lookup fail (and records each attempt), then starts the reader through its real entry point
(`reader.cli.main`, which runs `reader.app.run_app`) and uses it as a person would: waits for
the search index, searches and opens a hit, clicks a cell of the comparison, exports the
references as RIS, saves the topic as a PDF, and quits. It writes REPORT (JSON) and exits 0
only if every step worked, nothing tried to reach a network, Qt's network library was never
loaded (except as a link dependency of QtTextToSpeech, read aloud), and no network module was
imported except the three Whoosh drags in (IMPORTED_BY).

Only what can reach a network is refused: AF_INET and AF_INET6 sockets, connections and name
lookups. Local sockets (AF_UNIX, e.g. `socket.socketpair`, which Qt and asyncio may use to
wake an event loop) still work. A socket made by C++ code (Qt) never passes through Python,
so after every step the open file descriptors are also checked against the kernel's tables of
TCP, UDP and raw sockets (Linux's /proc/self/net).
"""

from __future__ import annotations

import errno
import importlib.abc
import json
import os
import socket
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

NETWORK_FAMILIES = (socket.AF_INET, socket.AF_INET6)
NETWORK_MODULES = ("PySide6.QtNetwork", "urllib.request", "http.client", "requests", "ssl")
NETWORK_MODULE_PREFIXES = ("PySide6.QtWebEngine",)
# Whoosh imports urllib.request at import time (`from urllib.request import urlretrieve` in
# whoosh/compat.py, never called), which imports http.client, which imports ssl. Loaded, never used:
# any use would go through the refused sockets above. Anything else loading them fails the run.
IMPORTED_BY = {
    "urllib.request": "whoosh/compat.py",
    "http.client": "urllib/request.py",
    "ssl": "http/client.py",
}
PROC_NET_TABLES = ("tcp", "tcp6", "udp", "udp6", "raw", "raw6")
STEP_TIMEOUT_MS = 60_000
SEARCH_TEXT = "balloon"
FAILED = 1

attempts: list[str] = []


def _refuse(what: str) -> OSError:
    caller = "".join(traceback.format_stack()[-8:-2])  # the innermost frames, without ours
    attempts.append(f"{what}\n{caller}")
    return OSError(errno.ENETUNREACH, f"the reader must not use the network ({what})")


def unplug_network() -> None:
    """Refuse, and record, everything in `socket` that can reach another machine."""
    real_init = socket.socket.__init__

    def guarded_init(
        self: socket.socket, family: int = -1, type: int = -1, proto: int = -1, fileno: int | None = None
    ) -> None:  # the standard signature, `type` included: callers pass it by keyword
        if fileno is None and (socket.AF_INET if family == -1 else family) in NETWORK_FAMILIES:
            raise _refuse(f"socket(family={family}, type={type})")
        real_init(self, family, type, proto, fileno)
        if self.family in NETWORK_FAMILIES:  # an existing network socket adopted by its descriptor
            self.detach()
            raise _refuse(f"socket(fileno={fileno}) of family {self.family}")

    def refuse(name: str) -> Callable[..., Any]:
        def refused(*args: Any, **kwargs: Any) -> Any:
            raise _refuse(f"{name}{args!r}")

        return refused

    socket.socket.__init__ = guarded_init  # type: ignore[method-assign]
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        setattr(socket, name, refuse(name))


def open_network_sockets() -> list[str]:
    """This process's open descriptors that the kernel lists as TCP, UDP or raw sockets."""
    network: set[str] = set()
    for table in PROC_NET_TABLES:
        try:
            rows = Path(f"/proc/self/net/{table}").read_text(encoding="ascii").splitlines()[1:]
        except OSError:
            continue
        network.update(row.split()[9] for row in rows if len(row.split()) > 9)
    found = []
    for fd in os.listdir("/proc/self/fd") if os.path.isdir("/proc/self/fd") else []:
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:[") and target[8:-1] in network:
            found.append(f"fd {fd}: {target}")
    return found


def is_network_module(name: str) -> bool:
    return name.startswith(NETWORK_MODULE_PREFIXES) or any(
        name == banned or name.startswith(banned + ".") for banned in NETWORK_MODULES
    )


class ImportWatch(importlib.abc.MetaPathFinder):
    """Records which file and line first imported each network module (it finds nothing itself)."""

    def __init__(self) -> None:
        self.importers: dict[str, str] = {}

    def find_spec(self, name: str, path: Any, target: Any = None) -> None:
        if is_network_module(name) and name not in self.importers:
            outside = [f for f in traceback.extract_stack()[:-1] if "importlib" not in f.filename]
            self.importers[name] = f"{outside[-1].filename}:{outside[-1].lineno}" if outside else "?"
        return None


def loaded_network_modules(watch: ImportWatch) -> dict[str, str]:
    """Network modules in sys.modules, each with the place that imported it."""
    return {name: watch.importers.get(name, "?") for name in sorted(sys.modules) if is_network_module(name)}


def explained(module: str, importer: str) -> bool:
    """True for the network modules Whoosh pulls in (see IMPORTED_BY), imported from where expected."""
    return module in IMPORTED_BY and importer.rpartition(":")[0].endswith(IMPORTED_BY[module])


def qt_network_library_loaded() -> bool:
    """Whether Qt's C++ network library was mapped into the process, by anything (Linux only)."""
    try:
        return "libQt6Network" in Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


class Scenario:
    """The user's steps, run from the event loop once the window shows; each one checked."""

    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        self.steps: list[str] = []
        self.error = ""
        self.sockets: list[str] = []
        self.save_as = ("", "")  # what the user picks in the next save dialog: (file name, filter)

    def step(self, text: str) -> None:
        self.steps.append(text)
        self.sockets += open_network_sockets()

    def run(self, window: Any) -> None:
        from PySide6.QtWidgets import QApplication

        try:
            self._use(window)
        except BaseException:
            self.error = traceback.format_exc()
            QApplication.closeAllWindows()
            QApplication.exit(FAILED)

    def _use(self, window: Any) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QFileDialog

        from reader.content import citation

        def save_dialog(*args: Any, **kwargs: Any) -> tuple[str, str]:
            return self.save_as  # the user picks a file in the dialog

        QFileDialog.getSaveFileName = staticmethod(save_dialog)  # type: ignore[method-assign]
        self.step("window shown")
        wait_until(lambda: window.search_panel.runner.service is not None, "the search index")
        assert window.index_label.text() == "Search ready", window.index_label.text()
        self.step("search index ready")

        panel = window.search_panel
        window.action_table["find"].trigger()
        QTest.keyClicks(panel.field, SEARCH_TEXT)
        wait_until(lambda: panel.results_model.rowCount() > 0, "search results")
        self.step(f"searched {SEARCH_TEXT!r}: {panel.results_model.rowCount()} result(s)")
        click(panel.results_view, panel.results_view.visualRect(panel.results_model.index(0, 0)).center())
        article = window.article
        assert article.current_section() == "kyphoplasty", article.current_section()
        assert article.hit_count() > 0
        self.step(f"opened the first result: {article.hit_count()} word(s) marked")

        tabs = window.pages.tabBar()
        click(tabs, tabs.tabRect(window.pages.indexOf(window.comparison)).center())
        assert window.pages.currentWidget() is window.comparison
        table = window.comparison.table
        click(table, table.visualRect(window.comparison.model.index(0, 1)).center())
        quote = window.comparison.quote.toPlainText()
        assert "Kyphoplasty" in quote, quote
        assert window.pages.currentWidget() is window.comparison  # a click quotes, it does not leave
        click(window.comparison.show_button, window.comparison.show_button.rect().center())
        assert window.pages.currentWidget() is article  # "Show in article" shows the source sentence
        self.step("clicked a comparison cell, then Show in article: its source shown in the article")

        ris = self.outdir / "references.ris"
        self.save_as = (str(ris), citation.EXPORT_FILTERS[citation.RIS])
        click(tabs, tabs.tabRect(window.pages.indexOf(window.references)).center())
        references = window.references
        QTest.mouseClick(references.export_button, Qt.MouseButton.LeftButton)
        records = ris.read_text(encoding="utf-8").count("ER  -")
        assert records == references.model.rowCount() > 0, records
        self.step(f"exported {records} references as RIS")

        pdf = self.outdir / "handout.pdf"
        self.save_as = (str(pdf), "PDF files (*.pdf)")
        from reader.ui.handout_dialog import HandoutDialog

        accept = lambda dialog: click(dialog.ok_button, dialog.ok_button.rect().center())  # noqa: E731
        when_shown(accept, HandoutDialog)  # the user keeps every part and presses "Save PDF"
        window.action_table["export_pdf"].trigger()
        assert pdf.read_bytes().startswith(b"%PDF-"), "no PDF written"
        assert window.statusBar().currentMessage() == f"Saved {pdf}"
        self.step(f"saved the topic as PDF ({pdf.stat().st_size} bytes)")

        window.action_table["quit"].trigger()
        self.step("quit")


def click(widget: Any, pos: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractItemView

    target = widget.viewport() if isinstance(widget, QAbstractItemView) else widget
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=pos)


def wait_until(condition: Callable[[], bool], what: str, timeout_ms: int = STEP_TIMEOUT_MS) -> None:
    from PySide6.QtTest import QTest

    waited = 0
    while not condition():
        if waited >= timeout_ms:
            raise TimeoutError(f"no {what} after {timeout_ms / 1000:.0f} s")
        QTest.qWait(20)
        waited += 20


def when_shown(action: Callable[[Any], None], kind: type | None = None) -> None:
    """Call `action(widget)` from the event loop once a top-level widget of `kind` (default: the
    reader's window) is visible; a modal dialog runs its own loop, so this reaches it too."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.main_window import MainWindow

    wanted = kind or MainWindow

    def poll() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, wanted) and w.isVisible()]
        if shown:
            action(shown[0])
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def main(report_path: Path, outdir: Path) -> int:
    unplug_network()  # before anything of the reader (or Qt) is imported
    watch = ImportWatch()
    sys.meta_path.insert(0, watch)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.cli import main as reader_main

    app = QApplication(sys.argv[:1])  # the reader's run_app takes this one over
    scenario = Scenario(outdir)
    when_shown(scenario.run)
    watchdog = QTimer(singleShot=True, interval=3 * STEP_TIMEOUT_MS)
    watchdog.timeout.connect(lambda: QApplication.exit(FAILED))  # never hang: fail
    watchdog.start()
    status = reader_main(["--index-dir", str(outdir / "index")])
    watchdog.stop()
    del app
    report: dict[str, Any] = {
        "exit_status": status,
        "steps": scenario.steps,
        "error": scenario.error,
        "attempts": attempts,
        "network_sockets": scenario.sockets + open_network_sockets(),
        "network_modules": loaded_network_modules(watch),
        "qt_network_library": qt_network_library_loaded(),
        # Read aloud: libQt6TextToSpeech links libQt6Network (through Qt6Multimedia), so the
        # library is mapped once speech is loaded, while no network socket is opened (above).
        "speech_loaded": "PySide6.QtTextToSpeech" in sys.modules,
    }
    report_path.write_text(json.dumps(report, indent=1), encoding="utf-8")
    unexplained = {m: by for m, by in report["network_modules"].items() if not explained(m, by)}
    clean = not (scenario.error or attempts or report["network_sockets"] or unexplained)
    clean = clean and (not report["qt_network_library"] or report["speech_loaded"])
    return 0 if status == 0 and clean and scenario.steps[-1:] == ["quit"] else FAILED


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
