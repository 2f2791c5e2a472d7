"""A kiosk opens a search index only if nobody but root can write it (reader.search.trust).

Whoosh unpickles its table of contents, so an index the shared kiosk account can write would
run whatever a previous visitor with a shell planted there, at every start. The check itself
is tested on real folders (as another user: the tests run as root, who can write everything),
and the kiosk is run like the program with a poisoned index in `--index-dir`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.cli import main
from reader.content import LoadResult
from reader.kiosk.admin import ADMIN_EXIT_STATUS
from reader.kiosk.mode import KioskSession
from reader.logging_setup import configure_logging
from reader.search import SearchService, trust
from reader.search import manifest as mf
from reader.search.trust import untrusted_reason
from reader.ui.main_window import MainWindow
from tests.kiosk.test_privacy import _admin_exit, _when_shown
from tests.reliability.planted import code_that_makes, plant_in_toc

KIOSK_USER = 65534  # nobody


@pytest.fixture
def system_index(tmp_path: Path, bundled_result: LoadResult) -> Path:
    """An index of the bundled pack in a folder only root (the test runner) can write."""
    folder = tmp_path / "system" / "index"
    service = SearchService(bundled_result.topics, folder)
    service.ensure_index()
    service.close()
    for path in [tmp_path, tmp_path / "system", *folder.rglob("*"), folder]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert os.stat(folder).st_uid == 0, "the tests run as root: the folder must be root's"
    return folder


def test_a_root_owned_read_only_index_is_trusted(system_index: Path, tmp_path: Path) -> None:
    assert untrusted_reason(system_index, euid=KIOSK_USER) is None
    link = tmp_path / "system" / "link"  # a link is followed, and the folder it names checked
    link.symlink_to(system_index)
    assert untrusted_reason(link, euid=KIOSK_USER) is None


@pytest.mark.parametrize(
    "change, reason",
    [
        ("group-writable file inside", "writable by users other than root"),
        ("version folder owned by the kiosk user", f"owned by user {KIOSK_USER}"),
        ("world-writable folder above, not sticky", "writable by users other than root"),
        ("link inside", "is a symbolic link"),
        ("missing", "cannot be opened"),
        ("running as root", "runs as root"),
    ],
)
def test_anything_another_user_could_change_is_refused(system_index: Path, change: str, reason: str) -> None:
    euid = KIOSK_USER
    live = system_index / str(mf.read_pointer(system_index))
    if change == "group-writable file inside":
        next(live.glob("*.seg")).chmod(0o664)
    elif change == "version folder owned by the kiosk user":
        os.chown(live, KIOSK_USER, KIOSK_USER)
    elif change == "world-writable folder above, not sticky":
        system_index.parent.chmod(0o777)
    elif change == "link inside":
        (live / "extra").symlink_to("/etc/hostname")
    elif change == "missing":
        system_index = system_index / "nothing here"
    else:
        euid = 0
    problem = untrusted_reason(system_index, euid=euid)
    assert problem is not None and reason in problem, problem


@pytest.fixture
def kiosk_run(qapp: QApplication, tmp_path: Path, pin_hash: str):
    """Run the kiosk like the program until search is ready; return the service it got."""
    config = tmp_path / "kiosk.yaml"
    config.write_text(f'enabled: true\npin_hash: "{pin_hash}"\n', "utf-8")
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: QApplication.exit(99))
    found: list[SearchService] = []

    def wait_for_search(window: MainWindow) -> None:
        session = window.findChild(KioskSession)
        assert session is not None
        if window.search_panel.runner.service is None:
            QTimer.singleShot(20, lambda: wait_for_search(window))
            return
        found.append(window.search_panel.runner.service)
        _admin_exit(window, session)

    def run(index_dir: Path) -> SearchService:
        _when_shown(wait_for_search)
        watchdog.start(60_000)
        try:
            assert main(["--config", str(config), "--index-dir", str(index_dir)]) == ADMIN_EXIT_STATUS
        finally:
            watchdog.stop()
        assert found, "search never got ready"
        return found[0]

    yield run
    configure_logging(verbose=False)


def test_a_kiosk_never_opens_an_index_its_account_can_write(
    kiosk_run, system_index: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The planted table of contents (with a manifest to match) would create a folder if loaded."""
    marker = tmp_path / "code-ran"
    plant_in_toc(system_index / str(mf.read_pointer(system_index)), code_that_makes(marker))
    with caplog.at_level(logging.INFO, logger="reader"):
        service = kiosk_run(system_index)  # root's folder, but the reader runs as root here
    assert not marker.exists(), "the kiosk opened an index it can write, and the planted code ran"
    report = service.last_report
    assert report is not None and (report.in_memory, report.reason) == (True, "no trusted index folder")
    assert "kiosk: not opening the search index" in caplog.text
    assert "building the index in memory" in caplog.text
    assert service.search("balloon").total == 1
    service.close()


def test_a_kiosk_uses_a_system_index_only_root_can_write(
    kiosk_run, system_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(trust, "current_uid", lambda: KIOSK_USER)  # the kiosk account, not root
    service = kiosk_run(system_index)
    report = service.last_report
    assert report is not None and (report.action, report.in_memory) == ("reused", False)
    assert Path(report.location).parent == system_index
    assert service.search("balloon").total == 1
    service.close()
