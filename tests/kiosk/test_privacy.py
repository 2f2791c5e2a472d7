"""The kiosk run like the real program (`main.py --config FILE`, in-process). Nothing about a
patient reaches the disk: reading, zooming, searching, a reset and the administrator's exit
leave the XDG config, data and state folders exactly as they were. And search gets ready
while the home page is showing."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from reader.cli import main
from reader.kiosk.admin import ADMIN_EXIT_STATUS
from reader.kiosk.mode import KioskSession
from reader.logging_setup import configure_logging
from reader.ui.main_window import MainWindow
from tests.kiosk.conftest import PIN

WATCHED = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")
EXIT_ON_ERROR = 99


def _listing() -> dict[str, list[str]]:
    folders = {var: Path(os.environ[var]) for var in WATCHED}
    return {var: sorted(str(p.relative_to(root)) for p in root.rglob("*")) for var, root in folders.items()}


def _tap(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def _when_shown(step: Callable[[MainWindow], None]) -> None:
    """Run `step` on the reader window once the running app shows it (polls from the event loop)."""

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(20, poll)
            return
        try:
            step(windows[0])
        except BaseException:
            QApplication.closeAllWindows()  # end the run: the test then fails instead of hanging
            QApplication.exit(EXIT_ON_ERROR)
            raise

    QTimer.singleShot(0, poll)


def _patient_then_admin(window: MainWindow) -> None:
    session = window.findChild(KioskSession)
    assert session is not None
    _tap(next(b for b in session.home.buttons if b.accessibleName() == "Kyphoplasty"))
    _tap(session.bar.widgetForAction(window.action_table["zoom_in"]))
    _tap(window.search_panel.field)
    for key in "spine":
        _tap(session.keyboard.keys[key])
    session.reset()
    _admin_exit(window, session)


def _admin_exit(window: MainWindow, session: KioskSession) -> None:
    QTest.keyClick(
        window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = session.admin.pad
    assert dialog is not None
    for digit in PIN:
        _tap(dialog.keypad.keys[digit])
    _tap(dialog.unlock_button)  # closes the window and ends the app with the admin status


def _reader_then_close(window: MainWindow) -> None:
    window.set_zoom(150)
    window.close()


@pytest.fixture
def app_run(qapp: QApplication, tmp_path: Path):
    """Run the real program in this process; its logging goes back to stderr afterwards."""

    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.setInterval(60_000)
    watchdog.timeout.connect(lambda: QApplication.exit(EXIT_ON_ERROR))

    def run(*argv: str) -> int:
        watchdog.start()  # a run that never ends fails the test instead of hanging the suite
        try:
            return main([*argv, "--index-dir", str(tmp_path / "index")])
        finally:
            watchdog.stop()

    yield run
    configure_logging(verbose=False)


def test_a_kiosk_session_writes_nothing_under_config_data_or_state(
    app_run, tmp_path: Path, pin_hash: str
) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text(f'enabled: true\npin_hash: "{pin_hash}"\n', "utf-8")
    before = _listing()
    _when_shown(_patient_then_admin)
    assert app_run("--config", str(config)) == ADMIN_EXIT_STATUS
    assert _listing() == before


def test_the_same_check_sees_what_a_normal_session_writes(app_run) -> None:
    before = _listing()
    _when_shown(_reader_then_close)
    assert app_run() == 0
    after = _listing()
    assert after != before, "a normal session keeps its settings (and a log): the check is not blind"
    assert any(name.endswith("reader.ini") for name in after["XDG_CONFIG_HOME"])


def test_search_gets_ready_on_the_home_page(app_run, tmp_path: Path, pin_hash: str) -> None:
    """The window builds its index after its first paint; a kiosk's first paint is the home page."""
    config = tmp_path / "kiosk.yaml"
    config.write_text(f'enabled: true\npin_hash: "{pin_hash}"\n', "utf-8")
    seen: list[str] = []

    def wait_for_search(window: MainWindow) -> None:
        session = window.findChild(KioskSession)
        assert session is not None
        if window.search_panel.runner.service is None:
            QTimer.singleShot(20, lambda: wait_for_search(window))
            return
        seen.append("home" if session.stack.currentWidget() is session.home else "elsewhere")
        _admin_exit(window, session)

    _when_shown(wait_for_search)
    assert app_run("--config", str(config)) == ADMIN_EXIT_STATUS
    assert seen == ["home"]
