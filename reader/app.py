"""Wires the parts together and runs the Qt application: identity, logging, theme, content,
the main window, and the search index built in a worker after the first paint.

Nothing slow runs on the GUI thread before the topic is on screen: Whoosh and the search
package are imported by the worker, never here at start-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from reader import paths
from reader.content import LoadResult, load_content
from reader.content.model import Topic
from reader.i18n.startup import start_language
from reader.i18n.switcher import language_controller, system_language
from reader.pack_session import PackLoader, pack_library, pack_topics, packs_reloader
from reader.ui.main_window import MainWindow, WindowOptions
from reader.ui.settings import Settings
from reader.ui.status_bar import INDEX_PREPARING, INDEX_READY
from reader.ui.style_start import use_focus_ring_style, use_focus_ring_style_once_free
from reader.ui.theme import ThemeChoice, ThemeController, app_icon

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IndexJob:
    topics: Sequence[Topic]
    index_dir: Path
    synonyms_path: Path | None
    trusted_only: bool = False  # a kiosk: open index_dir only if nobody but root can write it
    packs: tuple[Any, ...] = ()  # several packs (reader.packs.sources.PackTopics): an index each


def _build_service(job: IndexJob) -> Any:
    """Runs in the worker: the first import of reader.search (and Whoosh) happens here."""
    from reader.search import SearchService
    from reader.search.combined import open_packs, use_index_dir
    from reader.search.trust import kiosk_index_dir

    if not job.trusted_only:
        use_index_dir(job.index_dir)
    if job.packs:
        service = open_packs(job.packs, job.index_dir, kiosk_index_dir if job.trusted_only else lambda d: d)
    else:
        index_dir = kiosk_index_dir(job.index_dir) if job.trusted_only else job.index_dir
        service = SearchService(job.topics, index_dir, job.synonyms_path)
    try:
        report = service.ensure_index()
    except BaseException:
        service.close()
        raise
    log.info("search index %s: %s document(s)", report.action, report.documents)
    return service


class IndexBuilder(QObject):
    """Builds or opens the search index on a worker thread and hands the service back by signal."""

    ready = Signal(object)  # the SearchService, ready to search
    failed = Signal(str)  # why (the error's own text, not translated): the window says it is unavailable

    def __init__(
        self, parent: QObject | None = None, build: Callable[[IndexJob], Any] = _build_service
    ) -> None:
        super().__init__(parent)
        self._build = build
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.service: Any = None

    def start(self, job: IndexJob) -> None:
        self._pool.start(lambda: self._run(job))

    def _run(self, job: IndexJob) -> None:
        try:
            service = self._build(job)
        except Exception as exc:  # reported to the user; the reader keeps working without search
            log.exception("the search index could not be prepared")
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.service = service
        self.ready.emit(service)

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)


class ReaderSession(QObject):
    """One running reader: the window plus the background index build, started after first paint."""

    def __init__(
        self,
        result: LoadResult,
        settings: Settings,
        theme: ThemeController,
        *,
        index_dir: Path,
        synonyms_path: Path | None = None,
        options: WindowOptions | None = None,
        build: Callable[[IndexJob], Any] = _build_service,
        pack: Path | None = None,  # where the topics came from, named when there are none
        trusted_index_only: bool = False,
        packs: Any = None,  # reader.packs.sources.LoadedPacks: the packs the topics come from
    ) -> None:
        super().__init__()
        self.window = MainWindow(result.topics, settings, theme, options, packs=packs)
        self.window.show_content_errors(result.errors)
        self.window.help.content_pack = pack  # named in Help > About
        self.builder = IndexBuilder(self, build)
        self.builder.ready.connect(self._on_index_ready)
        self.builder.failed.connect(self._on_index_failed)
        each = pack_topics(packs, _synonyms_path)
        self._job = IndexJob(
            result.topics, index_dir, synonyms_path, trusted_index_only, each
        )  # for the worker
        self._index_started = False
        self.reload_packs: Callable[[], tuple[LoadResult, Any]] | None = None  # see _on_packs_changed
        self.window.packsChanged.connect(self._on_packs_changed)
        if not result.topics:
            self.window.show_empty_pack(pack, result.errors)
        else:
            self.window.set_search_service(None)

    @Slot()
    def after_first_paint(self) -> None:
        """What waits for the topic to be on screen: Python's collector, the focus ring style
        (reader.ui.style_start), the search index (in a worker), then the window's comparison,
        references and search panel (reader.ui.deferred_views)."""
        resume_collection()
        use_focus_ring_style_once_free(self.window.article)
        self.start_index()
        self.window.finish_building()

    def start_index(self) -> None:
        """Prepare search in the background (once); the panel says "preparing" meanwhile."""
        if self._index_started or not self._job.topics:
            return
        self._index_started = True
        self.window.set_index_status(INDEX_PREPARING, busy=True)
        self.builder.start(self._job)

    @Slot()
    def _on_packs_changed(self) -> None:
        """A pack was installed from the window: load the packs again, then prepare search again."""
        if self.reload_packs is None:
            return
        result, packs = self.reload_packs()
        self.window.set_search_service(None)  # requests not yet started are dropped
        self.window.wait_for_searches()
        self.builder.wait()
        old, self.builder.service = self.builder.service, None
        if old is not None:
            old.close()
        self.window.replace_topics(result.topics)
        self.window.set_packs(packs)
        self.window.show_content_errors(result.errors)
        self._job = replace(self._job, topics=result.topics, packs=pack_topics(packs, _synonyms_path))
        self._index_started = False
        self.start_index()

    @Slot(object)
    def _on_index_ready(self, service: Any) -> None:
        self.window.set_search_service(service)
        self.window.set_index_status(INDEX_READY)

    @Slot(str)
    def _on_index_failed(self, reason: str) -> None:
        self.window.show_search_unavailable(reason)

    def shut_down(self, build_wait_ms: int = -1) -> bool:
        """Let a running build and running searches finish, then close the index.

        Returns False when the build was still running after `build_wait_ms` (the caller
        then ends the process at once; the unpublished build is cleaned up at next start).

        Nothing of ours may still run in a worker thread once this returns: the window (and its
        search pool) is only destroyed during interpreter shutdown, where a search that is still
        running would open the closed index again, in a half-finalised interpreter.
        """
        if not self.builder.wait(0):
            log.info("waiting for the search index build to finish")
            if not self.builder.wait(build_wait_ms):
                return False
        self.window.set_search_service(None)  # requests not yet started are dropped
        self.window.wait_for_searches()
        if self.builder.service is not None:
            self.builder.service.close()
        return True


RESUME_COLLECTION_MS = 5000  # at the latest, should the window never be painted (minimised)


def resume_collection() -> None:
    """Turn Python's collector back on after a start (the command line turned it off).

    A start makes long-lived objects only: modules, the pack's records, the window. Collecting
    over them found a few hundred unreachable objects and cost ~15 ms on the bundled topic and
    ~100 ms on a 10,000-topic pack (gc.callbacks). They go to the permanent generation, which
    later collections skip (gc.freeze), and collection resumes for what the session makes."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _application(*, focus_ring: bool = True) -> QApplication:
    """The application in the reader's style: Fusion (our palette, the same on every platform)
    with a clear focus ring. `focus_ring=False` starts with plain Fusion, which draws the first
    frame the same (the article, focused at start, draws its own ring): the ring style then
    follows the first paint (reader.ui.style_start), sparing the start its Python drawing calls."""
    paths.set_application_identity()
    existing = QApplication.instance()
    # Fusion named on the command line, not by setStyle(): that hands Python the style, whose
    # class then makes its ~300 enum members (10 ms) before the first paint.
    fusion = [*sys.argv[:1], "-style", "Fusion"]
    app = existing if isinstance(existing, QApplication) else QApplication(fusion)
    app.setApplicationDisplayName("Health Topic Reader")
    if focus_ring:
        use_focus_ring_style()
    elif existing is not None:
        app.setStyle("Fusion")
    app.setWindowIcon(app_icon())
    return app


PROGRESS_AFTER_S = 0.3  # a warm start never shows the progress window


def load_content_showing_progress(
    app: QApplication,
    pack: Path,
    cache_dir: Path | None = None,
    show_after: float = PROGRESS_AFTER_S,
    loader: Callable[..., LoadResult] | None = None,  # default load_content; e.g. pack_session.PackLoader
) -> LoadResult:
    """Load the pack in a thread; if that takes long (the first start on a large pack parses and
    validates every file), show a progress window meanwhile instead of a frozen nothing."""
    cache_dir = cache_dir if cache_dir is not None else paths.content_cache_dir()
    done = threading.Event()
    state: dict[str, Any] = {"done": 0, "total": 0}

    def on_progress(count: int, total: int) -> None:
        state["done"], state["total"] = count, total

    def work() -> None:
        try:
            state["result"] = (loader or load_content)(pack, cache_dir, on_progress)
        except BaseException as exc:  # re-raised on the GUI thread below
            state["error"] = exc
        finally:
            done.set()

    threading.Thread(target=work, name="content-loader", daemon=True).start()
    if not done.wait(show_after):
        _wait_with_progress(app, done, state)
    if "error" in state:
        raise state["error"]
    result: LoadResult = state["result"]
    return result


def _wait_with_progress(app: QApplication, done: threading.Event, state: dict[str, Any]) -> None:
    text = QCoreApplication.translate(
        "LoadingProgress", "Preparing the health topics (first start with this content)…"
    )
    dialog = QProgressDialog(text, "", 0, 0)
    dialog.setCancelButton(None)  # nothing to cancel: the reader needs its topics
    dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Health Topic Reader"))
    dialog.setAccessibleName(QCoreApplication.translate("LoadingProgress", "Loading topics"))
    dialog.setMinimumDuration(0)
    dialog.show()
    while not done.wait(0.05):
        if state["total"]:
            dialog.setMaximum(state["total"])
            dialog.setValue(state["done"])
        app.processEvents()
    dialog.close()
    dialog.deleteLater()


def _index_dir(args: argparse.Namespace, pack: Path, kiosk: Any = None) -> Path:
    """--index-dir, else a kiosk's system index (checked in the worker: reader.search.trust), else
    the pack folder's index in the cache (paths.index_dir_for)."""
    chosen = getattr(args, "index_dir", None)
    if chosen is None and kiosk is not None:
        chosen = kiosk.system_index_dir or None
    return Path(chosen) if chosen is not None else paths.index_dir_for(pack)


def _synonyms_path(pack: Path) -> Path | None:
    candidate = pack / "synonyms.yaml"
    return candidate if candidate.is_file() else None


def apply_start_language(args: argparse.Namespace, settings: Settings) -> str:
    """Switch to the language to start in (`--language`, else the saved choice, else the
    system's); returns its code. English, the source language, loads no catalogue."""
    code = start_language(getattr(args, "language", None), settings.language, system_language())
    language_controller().switch(code)
    return language_controller().current


def run_app(args: argparse.Namespace, argv: Sequence[str] | None = None) -> int:
    """Open the reader window on the content pack and run until it is closed."""
    from reader.cli import content_dir
    from reader.excepthook import ExceptionHook
    from reader.logging_setup import configure_logging

    kiosk = getattr(args, "kiosk_config", None)  # set by the CLI when kiosk mode is on
    log_dir = None if kiosk is not None else paths.log_dir()  # a kiosk keeps no log file
    configure_logging(verbose=bool(getattr(args, "verbose", False)), log_dir=log_dir)
    app = _application(focus_ring=False)  # the ring style follows the first paint
    settings = Settings(persistent=kiosk is None)  # a kiosk writes no settings
    apply_start_language(args, settings)  # before any window: everything is built in it
    theme_override = getattr(args, "theme", None)
    theme = ThemeController(ThemeChoice(theme_override) if theme_override else settings.theme)
    theme.apply()
    pack = content_dir(args)
    packs = PackLoader(pack, pack_library(args, kiosk))  # the bundled pack plus the installed ones
    result = load_content_showing_progress(app, pack, loader=packs)  # the loader logs each problem
    log.info("%d topic(s) from the content pack %s", len(result.topics), pack)
    session = ReaderSession(
        result,
        settings,
        theme,
        index_dir=_index_dir(args, pack, kiosk),
        synonyms_path=_synonyms_path(pack),
        options=WindowOptions(clock=dt.date.today),
        pack=pack,
        trusted_index_only=kiosk is not None,
        packs=packs.loaded,
    )
    session.reload_packs = packs_reloader(pack, packs.library)
    hook = ExceptionHook(
        lambda message: session.window.statusBar().showMessage(message),
        translate=lambda text: QCoreApplication.translate("ExceptionHook", text),
    ).install()
    if getattr(args, "exit_after_paint", False):
        session.window.article.firstPainted.connect(lambda: QTimer.singleShot(0, lambda: app.exit(0)))
    else:
        session.window.article.firstPainted.connect(lambda: QTimer.singleShot(0, session.after_first_paint))
    if kiosk is not None:
        from reader.kiosk.mode import apply_kiosk

        # Locked down, full screen, in the kiosk file's language (else --language, else the system's).
        apply_kiosk(session.window, app, kiosk, language=getattr(args, "language", None))
    else:
        session.window.show()
    QTimer.singleShot(RESUME_COLLECTION_MS, resume_collection)
    stop = _GracefulStop(app, session.window)
    try:
        status = app.exec()
    finally:
        finished = session.shut_down(TERMINATE_BUILD_WAIT_MS if stop.requested else -1)
        hook.uninstall()
        # The process ends next. Python's last collections would walk every module, class and Qt
        # wrapper (about 40 ms, longer than a bare window's whole exit) to free memory the OS frees
        # anyway; frozen objects are skipped. Qt still tears down (PySide's atexit hook), settings
        # and logs are already written (closeEvent, logging's atexit).
        gc.freeze()
    if not finished:  # asked to stop in the middle of a first index build: do not wait a minute
        log.warning("stopped during the search index build; it will be built at the next start")
        logging.shutdown()
        os._exit(0)
    return status


TERMINATE_BUILD_WAIT_MS = 3000


class _GracefulStop:
    """SIGTERM (logout, `systemctl stop`) closes the window as the user would, then quits with 0.

    Python runs signal handlers only when it gets control, so a light timer hands it control
    while Qt's event loop waits.
    """

    def __init__(self, app: QApplication, window: QWidget) -> None:
        self.requested = False
        self._app, self._window = app, window
        self._tick = QTimer(app)
        self._tick.timeout.connect(lambda: None)
        self._tick.start(250)
        signal.signal(signal.SIGTERM, self._on_signal)

    def _on_signal(self, signum: int, frame: object) -> None:
        QTimer.singleShot(0, self._stop)

    def _stop(self) -> None:
        log.info("asked to stop (SIGTERM): closing")
        self.requested = True
        self._window.close()  # saves the layout; a kiosk's lockdown refuses, and it ends all the same:
        self._app.exit(0)  # not quit(), which asks every window again and gives up when one refuses
