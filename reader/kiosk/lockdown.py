"""Kiosk lockdown: one application-wide event filter that refuses every way out of the app or into
the OS (close keys, the window manager's close, context menus, drag and drop, external links).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeyEvent, QKeySequence, QMouseEvent, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser, QWidget

log = logging.getLogger(__name__)

Key = QKeySequence.StandardKey

# Keys that close, quit or leave full screen, besides the platform's standard bindings.
BLOCKED_KEYS = ("Alt+F4", "Escape", "Ctrl+Q", "Ctrl+W", "Ctrl+F4", "F11", "Alt+Space", "Ctrl+Shift+Q")
BLOCKED_STANDARD_KEYS = (Key.Close, Key.Quit, Key.FullScreen, Key.Cancel, Key.Preferences)
# Schemes QDesktopServices could hand to another program; ours answer nothing instead.
EXTERNAL_SCHEMES = ("http", "https", "ftp", "file", "mailto", "tel", "sms", "news", "data", "javascript")
REMAP_AFTER_MS = 300  # an unmapped kiosk is shown anew after this (the issue asks for < 1 s)
_NO_DRAG = 2**30  # distance (px) and time (ms) no finger reaches: Qt widgets never start a drag

_KEY_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride}
_DRAG_EVENTS = {QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop}
_CLICK_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
}
_ACTIVATE_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space}


def key_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def blocked_key_texts(
    extra: Iterable[str] = (), extra_standard: Iterable[QKeySequence.StandardKey] = ()
) -> set[str]:
    """The single key chords the lockdown swallows, as portable text ("Alt+F4", "Esc")."""
    sequences = [QKeySequence(s) for s in (*BLOCKED_KEYS, *extra)]
    for standard in (*BLOCKED_STANDARD_KEYS, *extra_standard):
        sequences.extend(QKeySequence.keyBindings(standard))
    return {key_text(s) for s in sequences if s.count() == 1}


def is_internal_link(href: str, internal_schemes: Iterable[str] = ()) -> bool:
    """A link that stays inside the reader: relative, a fragment, or one of our own schemes."""
    url = QUrl(href)
    return url.isRelative() or url.scheme().lower() in set(internal_schemes)


class Lockdown(QObject):
    """Refuses, while installed and not unlocked: closing, quitting and full-screen keys;
    closing the guarded windows; context menus; drops; drags out; external links.

    `refused` carries a short description of each refused attempt (for the log and tests).
    """

    refused = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        internal_schemes: Iterable[str] = (),
        extra_standard_keys: Iterable[QKeySequence.StandardKey] = (),
    ) -> None:
        super().__init__(parent)
        self._blocked = blocked_key_texts(extra_standard=extra_standard_keys)
        self._internal = frozenset(s.lower() for s in internal_schemes)
        self._windows: list[QWidget] = []
        self._unlocked = False
        self._installed = False
        self._saved_drag = (0, 0)
        self._remapped: set[QWindow] = set()  # shown anew, not yet exposed again

    @property
    def unlocked(self) -> bool:
        return self._unlocked

    def unlock(self) -> None:
        """Let the guarded windows close (after the admin PIN)."""
        log.info("kiosk unlocked by the administrator")
        self._unlocked = True

    def allows_close(self) -> bool:
        """For a window's closeEvent: may it close now?"""
        return self._unlocked or not self._installed

    def install(self, app: QApplication) -> None:
        if self._installed:
            return
        app.installEventFilter(self)
        self._saved_drag = (QApplication.startDragDistance(), QApplication.startDragTime())
        QApplication.setStartDragDistance(_NO_DRAG)
        QApplication.setStartDragTime(_NO_DRAG)
        for scheme in EXTERNAL_SCHEMES:
            # PySide6 wants the slot name as str at run time; its stub says bytes.
            QDesktopServices.setUrlHandler(scheme, self, "refuse_url")  # type: ignore[arg-type]
        app.applicationStateChanged.connect(self._on_application_state)
        self._installed = True

    def uninstall(self, app: QApplication) -> None:
        if not self._installed:
            return
        app.removeEventFilter(self)
        QApplication.setStartDragDistance(self._saved_drag[0])
        QApplication.setStartDragTime(self._saved_drag[1])
        for scheme in EXTERNAL_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)
        app.applicationStateChanged.disconnect(self._on_application_state)
        self._installed = False

    def guard_window(self, window: QWidget) -> None:
        """Refuse the window's close events (keys, window manager, app.quit()) and keep it
        full screen, never minimised, while locked."""
        self._windows.append(window)
        window.destroyed.connect(self._forget_windows)

    @Slot()
    def _forget_windows(self) -> None:
        alive = []
        for window in self._windows:
            try:
                window.objectName()
            except RuntimeError:  # its C++ side is gone
                continue
            alive.append(window)
        self._windows = alive

    @Slot(QUrl)
    def refuse_url(self, url: QUrl) -> None:
        """Handler for every external scheme: a kiosk never hands a URL to another program."""
        self._refuse(f"open {url.toString()}")

    def _refuse(self, what: str) -> bool:
        log.debug("kiosk refused: %s", what)
        self.refused.emit(what)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self._unlocked:
            return False
        kind = event.type()
        if kind in _KEY_EVENTS and isinstance(event, QKeyEvent):
            return self._filter_key(watched, event)
        if kind == QEvent.Type.ContextMenu:
            return self._refuse("context menu")
        if kind in _DRAG_EVENTS:
            event.ignore()
            return self._refuse("drop")
        if kind == QEvent.Type.Close and watched in self._windows:
            event.ignore()
            return self._refuse("close")
        if kind == QEvent.Type.WindowStateChange and watched in self._windows:
            self._keep_full_screen(watched)
        if kind == QEvent.Type.Expose and isinstance(watched, QWindow):
            self._keep_shown(watched)
        if kind in _CLICK_EVENTS and isinstance(event, QMouseEvent):
            return self._filter_link_click(watched, event)
        return False

    def _filter_key(self, watched: QObject, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        chord = key_text(QKeySequence(QKeyCombination(modifiers, Qt.Key(event.key()))))
        if chord in self._blocked:
            if event.key() == Qt.Key.Key_Escape and _in_dialog(watched):
                return False  # Escape closes one of our dialogs, never the window
            event.accept()  # a ShortcutOverride accepted here keeps QActions from firing
            return self._refuse(f"key {chord}")
        if event.type() == QEvent.Type.KeyPress and event.key() in _ACTIVATE_KEYS:
            href = _focused_href(watched)
            if href and not is_internal_link(href, self._internal):
                return self._refuse(f"link {href}")
        return False

    def _filter_link_click(self, watched: QObject, event: QMouseEvent) -> bool:
        browser = watched.parent() if isinstance(watched, QWidget) else None
        if not isinstance(browser, QTextBrowser) or watched is not browser.viewport():
            return False
        href = browser.anchorAt(event.position().toPoint())
        if href and not is_internal_link(href, self._internal):
            return self._refuse(f"link {href}")
        return False

    @Slot(Qt.ApplicationState)
    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        """The focus went outside the app (a window manager's menu, its "show desktop", another
        program): the kiosk takes it back."""
        if state != Qt.ApplicationState.ApplicationActive and not self._unlocked:
            for window in self._windows:
                self._restore_soon(window)

    def _keep_shown(self, handle: QWindow) -> None:
        """A guarded window the window manager unmapped without a state change (openbox's
        Super+D "show desktop" leaves it Normal and full screen, just hidden, and activating it
        does not bring it back): shown anew, which maps it again. Once per hiding, and only when
        a state change (minimised) has not brought it back already."""
        if handle.isExposed():
            self._remapped.discard(handle)
            return
        window = next((w for w in self._windows if w.windowHandle() is handle), None)
        if window is None or handle in self._remapped:
            return

        def show_anew() -> None:
            if not self._locked(window) or handle.isExposed() or handle in self._remapped:
                return
            self._remapped.add(handle)
            window.hide()
            restore_full_screen(window)

        QTimer.singleShot(REMAP_AFTER_MS, show_anew)  # time for a minimised one to be restored

    def _locked(self, window: QWidget) -> bool:
        """Still locked, and `window` neither destroyed nor closed or hidden by the app itself
        (a minimised or unmapped window is still visible to Qt)."""
        return self._installed and not self._unlocked and shiboken6.isValid(window) and window.isVisible()

    def _keep_full_screen(self, watched: QObject) -> None:
        """Minimised (still "full screen" underneath, so that alone is not enough) or taken out
        of full screen by the window manager: back at once, on top."""
        if isinstance(watched, QWidget) and self._installed and not is_full_screen_on_top(watched):
            self._restore_soon(watched)

    def _restore_soon(self, window: QWidget) -> None:
        """Restore `window` once the event that hid it is handled, if still `_locked`."""

        def restore() -> None:
            if self._locked(window):
                restore_full_screen(window)

        QTimer.singleShot(0, restore)


def is_full_screen_on_top(window: QWidget) -> bool:
    return window.isVisible() and window.isFullScreen() and not window.isMinimized()


def restore_full_screen(window: QWidget) -> None:
    """Un-minimise `window`, make it full screen, raise it and give it the focus."""
    state = window.windowState()
    window.setWindowState((state & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowFullScreen)
    window.showFullScreen()
    window.raise_()
    window.activateWindow()


def _in_dialog(watched: QObject) -> bool:
    return isinstance(watched, QWidget) and isinstance(watched.window(), QDialog)


def _focused_href(watched: QObject) -> str:
    """The link a text browser has keyboard focus on (Tab selects a link), or ""."""
    if not isinstance(watched, QTextBrowser):
        return ""
    cursor = watched.textCursor()
    if not cursor.hasSelection():
        return ""
    cursor.setPosition(cursor.selectionStart() + 1)
    return cursor.charFormat().anchorHref()
