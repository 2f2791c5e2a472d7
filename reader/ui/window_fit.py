"""Sizes that fit the screen the reader runs on: the window's first size (and whether a saved one
still fits, e.g. after moving from a desktop monitor to a 1366x768 laptop), and dock widths that give
way in order as the window narrows (Search first, then Contents, each down to a floor that keeps its
titles readable) and come back when it widens again.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QMargins, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

DEFAULT_SIZE = QSize(1280, 800)
# The window manager's frame is known only once the window is shown: allow for a title bar and
# borders, so that the status bar at the bottom is on screen from the first start.
FRAME_ALLOWANCE = QMargins(8, 40, 8, 8)
MIN_ARTICLE_CHARS = 60  # the docks give way until the article has this many average characters


def available_geometry(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (without panels and task bars)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, *DEFAULT_SIZE.toTuple())


def fitted_geometry(
    available: QRect, wanted: QSize = DEFAULT_SIZE, frame: QMargins = FRAME_ALLOWANCE
) -> QRect:
    """A client rectangle of at most `wanted`, whose frame fits inside `available`, centred in it."""
    room = available.marginsRemoved(frame)
    size = wanted.boundedTo(room.size())
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(room.center())
    return rect


def fits(geometry: QRect, available: QRect, frame: QMargins = FRAME_ALLOWANCE) -> bool:
    """Whether a client rectangle, with its frame, lies inside the available area."""
    return available.contains(geometry.marginsAdded(frame))


def place_window(window: QWidget, saved: QByteArray | None) -> bool:
    """Restore a saved geometry if it still fits the screen; otherwise open at a size that fits.
    Returns whether the saved geometry was used."""
    available = available_geometry(window)
    if saved is not None and window.restoreGeometry(saved) and fits(window.geometry(), available):
        return True
    window.setGeometry(fitted_geometry(available))
    return False


class DockWidths(QObject):
    """Keeps side docks at the widths the user chose while there is room; when the window narrows,
    `first` (Search) gives way before `second` (Contents), each down to a floor from its font."""

    def __init__(
        self, window: QMainWindow, first: QDockWidget, second: QDockWidget, preferred: tuple[int, int]
    ) -> None:
        super().__init__(window)
        self._window, self._docks = window, (first, second)
        self._preferred = list(preferred)
        self._adopt_layout = False  # a restored layout's widths become the preferred ones when shown
        self._applied_width = -1
        self._squeezed = False
        self._apply_soon = QTimer(self, singleShot=True, interval=0)
        self._apply_soon.timeout.connect(self.apply)
        window.installEventFilter(self)
        for dock in self._docks:
            dock.installEventFilter(self)
        self.update_minimums()

    def keep_restored_widths(self) -> None:
        """A saved layout was restored: its widths, once laid out, are the preferred ones."""
        self._adopt_layout = True

    def prefer(self, docks: list[QDockWidget], widths: list[int]) -> None:
        """Widths asked for explicitly (the window's own `resizeDocks`, e.g. by the kiosk) are kept."""
        for dock, width in zip(docks, widths, strict=False):
            if dock in self._docks:
                self._preferred[self._docks.index(dock)] = width
        self._applied_width = -1  # apply them at the next resize or show

    def minimum_widths(self) -> tuple[int, int]:
        """Floors: Search keeps room for its field and a short snippet line, Contents for its titles."""
        first, second = self._docks  # never under what their contents need (Qt would not go lower)
        return (
            max(_chars_wide(first, 18), first.minimumSizeHint().width()),
            max(_chars_wide(second, 24), second.minimumSizeHint().width()),
        )

    def update_minimums(self) -> None:
        for dock, width in zip(self._docks, self.minimum_widths(), strict=True):
            dock.setMinimumWidth(width)

    def targets(self, window_width: int) -> tuple[int, int]:
        """The widths the docks get at `window_width`: the article keeps its floor, Search gives first."""
        min_first, min_second = self.minimum_widths()
        pref_first, pref_second = self._preferred
        room = window_width - _chars_wide(self._window, MIN_ARTICLE_CHARS) - 16  # 16: the two splitters
        second = max(min_second, min(pref_second, room - min_first))
        first = max(min_first, min(pref_first, room - second))
        return first, second

    def apply(self) -> None:
        if self._adopt_layout:
            self._adopt_layout = False
            self._adopt_current_widths()
        width = self._window.width()
        first, second = self.targets(width)
        visible = [(d, w) for d, w in zip(self._docks, (first, second), strict=True) if d.isVisible()]
        self._squeezed = (first, second) != tuple(self._preferred)
        self._applied_width = width
        if visible and not any(d.isFloating() for d, _ in visible):
            docks, widths = [d for d, _ in visible], [w for _, w in visible]
            # the base class's method: the window's own one would take these as the preferred widths
            QMainWindow.resizeDocks(self._window, docks, widths, Qt.Orientation.Horizontal)

    def _adopt_current_widths(self) -> None:
        """Take the widths of a restored layout as the preferred ones, unless Qt already had to
        squeeze them into a narrow window."""
        pairs = zip(self._docks, self._preferred, strict=True)
        current = [d.width() if d.isVisible() else p for d, p in pairs]
        article = self._window.width() - sum(current)
        if article >= _chars_wide(self._window, MIN_ARTICLE_CHARS) + 16:
            self._preferred = [max(w, d.minimumWidth()) for d, w in zip(self._docks, current, strict=True)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if watched is self._window and kind in (QEvent.Type.Resize, QEvent.Type.Show):
            if self._window.width() != self._applied_width:
                self._apply_soon.start()
        elif watched is self._window and kind == QEvent.Type.FontChange:
            self.update_minimums()
            self._apply_soon.start()
        elif kind == QEvent.Type.Resize and watched in self._docks:
            self._remember_user_width(watched)
        return False

    def _remember_user_width(self, dock: QObject) -> None:
        """A dock resized by a drag (a mouse button is down) while nothing is squeezed: that width is
        wanted back after the window narrows and widens again."""
        dragging = QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton
        if not dragging or self._squeezed or self._window.width() != self._applied_width:
            return
        assert isinstance(dock, QDockWidget)
        if dock.isVisible() and not dock.isFloating():
            self._preferred[self._docks.index(dock)] = dock.width()


def _chars_wide(widget: QWidget, chars: int) -> int:
    return widget.fontMetrics().averageCharWidth() * chars + 24  # 24: frame, indent and scroll bar
