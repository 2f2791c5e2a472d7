"""The window manager cannot hide the kiosk: iconified (openbox: Alt+Space > Iconify), shown the
desktop (Super+D) or taken out of full screen, it comes back full screen and raised; and the
idle reset brings it back too. (Checked under a real X server with openbox as well: see
docs/reliability.md.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.kiosk.conftest import Kiosk


def _restored(kiosk: Kiosk) -> bool:
    window = kiosk.window
    return window.isVisible() and window.isFullScreen() and not window.isMinimized()


def test_a_minimised_kiosk_comes_back_full_screen(qtbot: QtBot, kiosk: Kiosk) -> None:
    kiosk.window.showMinimized()
    assert kiosk.window.isMinimized(), "the test must really minimise it"
    qtbot.waitUntil(lambda: _restored(kiosk), timeout=1000)


def test_iconified_by_the_window_manager_it_comes_back(qtbot: QtBot, kiosk: Kiosk) -> None:
    """The platform window's state changes, as when the window manager iconifies it."""
    handle = kiosk.window.windowHandle()
    assert handle is not None
    with qtbot.waitSignal(handle.windowStateChanged, timeout=1000):
        handle.setWindowState(Qt.WindowState.WindowMinimized)
    qtbot.waitUntil(
        lambda: _restored(kiosk) and handle.windowState() == Qt.WindowState.WindowFullScreen, timeout=1000
    )


def test_a_kiosk_taken_out_of_full_screen_goes_back(qtbot: QtBot, kiosk: Kiosk) -> None:
    kiosk.window.showNormal()
    qtbot.waitUntil(lambda: _restored(kiosk), timeout=1000)


def test_the_idle_reset_brings_a_hidden_kiosk_back(qtbot: QtBot, kiosk: Kiosk) -> None:
    """Should a window manager hide it in a way the kiosk is not told about, the next reset
    restores it (the lockdown is lifted here only to hide the window for the test)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kiosk.session.lockdown.uninstall(app)
    kiosk.window.showMinimized()
    qtbot.wait(50)  # nothing would restore it now: the lockdown is off
    assert kiosk.window.isMinimized()
    kiosk.session.lockdown.install(app)

    kiosk.session.reset()

    qtbot.waitUntil(lambda: _restored(kiosk), timeout=1000)
