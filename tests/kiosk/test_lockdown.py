"""Lockdown: close keys, the close event, context menus, drag and drop and external links are refused."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QContextMenuEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QTextBrowser, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from reader.kiosk.lockdown import Lockdown, is_internal_link

ESCAPE_KEYS = ["Alt+F4", "Esc", "Ctrl+Q", "Ctrl+W", "F11"]
HTML = '<p><a href="https://example.org/x">outside</a> and <a href="#sec-2">inside</a></p>'


class Window(QMainWindow):
    """A stand-in for the reader window: every escape key is bound to an action that would leave."""

    def __init__(self) -> None:
        super().__init__()
        self.triggered: list[str] = []
        body = QWidget()
        layout = QVBoxLayout(body)
        self.field = QLineEdit("lumbar")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(HTML)
        self.clicked: list[str] = []
        self.browser.anchorClicked.connect(self._on_anchor)
        layout.addWidget(self.field)
        layout.addWidget(self.browser)
        self.setCentralWidget(body)
        for keys in ESCAPE_KEYS:
            action = QAction(keys, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(lambda _=False, k=keys: self._leave(k))
            self.addAction(action)

    def _leave(self, keys: str) -> None:
        self.triggered.append(keys)
        self.close()

    def _on_anchor(self, url: QUrl) -> None:
        # What a careless view would do; the lockdown must make sure it never gets here.
        self.clicked.append(url.toString())
        if url.scheme():
            QDesktopServices.openUrl(url)


@pytest.fixture
def window(qtbot: QtBot) -> Window:
    widget = Window()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


@pytest.fixture
def lockdown(window: Window) -> Iterator[Lockdown]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    guard = Lockdown()
    guard.install(app)
    guard.guard_window(window)
    yield guard
    guard.uninstall(app)


@pytest.fixture
def no_open_url(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(url: QUrl) -> bool:
        raise AssertionError(f"QDesktopServices.openUrl({url.toString()}) was called")

    monkeypatch.setattr(QDesktopServices, "openUrl", fail)


def _press(qtbot: QtBot, widget: QWidget, keys: str) -> None:
    combination = QKeySequence(keys)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def test_without_lockdown_the_keys_do_leave(qtbot: QtBot, window: Window) -> None:
    """The stand-in is honest: each key really closes it when nothing refuses it."""
    _press(qtbot, window.field, "Ctrl+Q")
    assert window.triggered == ["Ctrl+Q"]
    assert not window.isVisible()


@pytest.mark.parametrize("keys", ESCAPE_KEYS)
def test_each_escape_key_leaves_the_window_open(
    qtbot: QtBot, window: Window, lockdown: Lockdown, keys: str
) -> None:
    with qtbot.waitSignal(lockdown.refused) as refused:
        _press(qtbot, window.field, keys)
    assert refused.args == [f"key {keys}"]
    assert window.triggered == []
    assert window.isVisible()
    assert window.field.text() == "lumbar"


def test_ordinary_typing_still_works(qtbot: QtBot, window: Window, lockdown: Lockdown) -> None:
    window.field.clear()
    qtbot.keyClicks(window.field, "spine q")
    assert window.field.text() == "spine q"


def test_the_close_event_is_refused_until_unlocked(qtbot: QtBot, window: Window, lockdown: Lockdown) -> None:
    assert not window.close()
    event = QCloseEvent()
    QApplication.sendEvent(window, event)  # what the window manager's close button sends
    assert not event.isAccepted()
    assert window.isVisible()
    assert not lockdown.allows_close()
    lockdown.unlock()
    assert lockdown.allows_close()
    assert window.close()
    assert not window.isVisible()


def test_a_context_menu_event_shows_no_menu(qtbot: QtBot, window: Window, lockdown: Lockdown) -> None:
    requested: list[QPoint] = []
    for widget in (window.field, window.browser):
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widget.customContextMenuRequested.connect(requested.append)
    for target in (window.field, window.browser, window.browser.viewport()):
        with qtbot.waitSignal(lockdown.refused):
            QApplication.sendEvent(target, _menu_event())
    assert requested == []
    assert QApplication.activePopupWidget() is None
    lockdown.uninstall(QApplication.instance())  # type: ignore[arg-type]
    QApplication.sendEvent(window.field, _menu_event())
    assert len(requested) == 1, "the event does reach the widget without the lockdown"


def _menu_event() -> QContextMenuEvent:
    return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))


def _drop_text(target: QWidget, text: str) -> tuple[bool, bool]:
    mime = QMimeData()
    mime.setText(text)
    point = QPointF(target.rect().center())
    with warnings.catch_warnings():  # PySide6 6.12 deprecates the QPoint form that 6.11 alone has
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            point.toPoint(),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    QApplication.sendEvent(target, enter)
    drop = QDropEvent(
        point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_a_drop_is_refused(window: Window, lockdown: Lockdown) -> None:
    assert window.field.acceptDrops()
    assert _drop_text(window.field, "dropped") == (False, False)
    assert window.field.text() == "lumbar"
    lockdown.uninstall(QApplication.instance())  # type: ignore[arg-type]
    _drop_text(window.field, "dropped")
    assert "dropped" in window.field.text(), "the drop does land without the lockdown"


def test_no_drag_can_start_while_locked(window: Window, lockdown: Lockdown) -> None:
    assert QApplication.startDragDistance() > 10_000
    assert QApplication.startDragTime() > 10_000_000
    lockdown.uninstall(QApplication.instance())  # type: ignore[arg-type]
    assert QApplication.startDragDistance() < 100


def _anchor_point(browser: QTextBrowser, text: str) -> QPoint:
    cursor = browser.document().find(text)
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart() + 1)
    return browser.cursorRect(cursor).center()


@pytest.mark.usefixtures("no_open_url")
def test_an_external_link_click_does_nothing(qtbot: QtBot, window: Window, lockdown: Lockdown) -> None:
    viewport = window.browser.viewport()
    point = _anchor_point(window.browser, "outside")
    assert window.browser.anchorAt(point) == "https://example.org/x"
    with qtbot.waitSignal(lockdown.refused) as refused:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    assert refused.args == ["link https://example.org/x"]
    assert window.clicked == []
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_anchor_point(window.browser, "inside"))
    assert window.clicked == ["#sec-2"], "internal links still work"


@pytest.mark.usefixtures("no_open_url")
def test_an_external_link_cannot_be_opened_from_the_keyboard(
    qtbot: QtBot, window: Window, lockdown: Lockdown
) -> None:
    window.browser.setFocus()
    cursor = window.browser.document().find("outside")
    window.browser.setTextCursor(cursor)  # what Tab does: select the link
    assert not window.browser.textCursor().selection().isEmpty()
    qtbot.keyClick(window.browser, Qt.Key.Key_Return)
    assert window.clicked == []


def test_open_url_reaches_no_other_program(qtbot: QtBot, window: Window, lockdown: Lockdown) -> None:
    """Even code that calls QDesktopServices.openUrl (QLabel, setOpenExternalLinks) goes nowhere."""
    with qtbot.waitSignal(lockdown.refused) as refused:
        QDesktopServices.openUrl(QUrl("mailto:someone@example.org"))
    assert refused.args == ["open mailto:someone@example.org"]


@pytest.mark.parametrize(
    ("href", "internal"),
    [("#sec-2", True), ("topic:spine", True), ("https://x.org", False), ("file:///etc/passwd", False)],
)
def test_internal_links(href: str, internal: bool) -> None:
    assert is_internal_link(href, {"topic"}) is internal
