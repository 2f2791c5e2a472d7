"""Kiosk mode applied to a finished main window, through the window's public hooks: lockdown,
simplified large chrome, home page, on-screen keyboard, idle reset and the administrator exit.

`apply_kiosk(window, app, config)` is the one entry point; the views know nothing of kiosks.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLineEdit,
    QStackedWidget,
    QTextEdit,
    QWidget,
)

from reader.i18n import QT_TRANSLATE_NOOP
from reader.i18n.switcher import language_controller
from reader.kiosk.admin import ADMIN_EXIT_STATUS, AdminExit, AdminGesture
from reader.kiosk.config import KioskConfig
from reader.kiosk.countdown import CountdownOverlay
from reader.kiosk.fonts import MIN_BASE_POINTS
from reader.kiosk.home import KioskBar, KioskHome, load_style_sheet, topics_of
from reader.kiosk.idle import IdleWatcher
from reader.kiosk.keyboard import OnScreenKeyboard
from reader.kiosk.keyboard_follow import KeyboardFollower
from reader.kiosk.language import LanguageChangeHook, MessageLabel, kiosk_language
from reader.kiosk.lockdown import Lockdown, is_full_screen_on_top, restore_full_screen
from reader.kiosk.pin import PinGuard
from reader.kiosk.printing import PRINTING_CONTEXT, print_handout
from reader.kiosk.reset import (
    clear_clipboard,
    clear_selections_and_scroll,
    close_dialogs_and_menus,
    forget_edit_history,
)
from reader.kiosk.speech import KioskSpeech, allowed_in_kiosk
from reader.kiosk.touch import enable_touch_scrolling, enlarge_touch_targets
from reader.kiosk.touch_chrome import (
    SEARCH_FONT_FACTOR,
    drop_mnemonics,
    enlarge_search_panel,
    remove_copy_controls,
)
from reader.ui.main_window import MainWindow
from reader.ui.render import section_anchor

log = logging.getLogger(__name__)

SEARCH_WIDTH = 600
_SELECTING = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard


class KioskSession(QObject):
    """Everything kiosk mode adds to one window. Times: `second_ms` shortens a second (tests);
    `clock` feeds the PIN rate limit; `on_exit(status)` ends the app after the admin's PIN;
    `language` (--language) is the visit's language when the kiosk file names none."""

    def __init__(
        self,
        window: MainWindow,
        app: QApplication,
        config: KioskConfig,
        *,
        second_ms: int = 1000,
        clock: Callable[[], float] = time.monotonic,
        on_exit: Callable[[int], None] | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__(window)
        self.default_language = kiosk_language(config, language)
        self.window = window
        self.app = app
        self.config = config
        self._on_exit = on_exit if on_exit is not None else app.exit
        extra = (
            ()
            if config.allow_text_selection
            else (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut)
        )
        self.lockdown = Lockdown(self, extra_standard_keys=extra)
        self.idle = IdleWatcher(config.idle_seconds, config.warning_seconds, second_ms=second_ms, parent=self)
        gesture = AdminGesture(
            window,
            hold_ms=round(config.admin_hold_seconds * second_ms),
            corner_px=config.admin_corner_px,
            chord=config.admin_chord,
        )
        self.admin = AdminExit(window, PinGuard(config.pin_hash, clock=clock), gesture)
        self._saved_font = QFont(app.font())
        self._suggestions: QWidget | None = None
        self._wipes_on_quit = False

    # --- switching on ---------------------------------------------------------------------------

    def start(self) -> None:
        language_controller().switch(self.default_language)  # the kiosk file's language wins
        self._set_font()  # first: the kiosk widgets size their text from it
        self.home = KioskHome(topics_of(self.window))
        self.home.follow_language(lambda: topics_of(self.window))
        self.stack = QStackedWidget()
        self.bar = KioskBar(self.window)
        self.speech = KioskSpeech(self.window, self.config)
        self.keyboard = OnScreenKeyboard(key_px=64)
        self.keyboard_dock = QDockWidget(self.window)
        self.overlay = CountdownOverlay(self.window)
        self.status = MessageLabel()
        self._lock_down()
        self._simplify_chrome()
        self._build_pages()
        self._build_bar()
        self._build_keyboard()
        self._style()
        self._watch_idle()
        self.admin.gesture.start(self.app)
        self.admin.unlocked.connect(self._leave)
        self.admin.padOpened.connect(self.keyboard_dock.hide)
        self.app.aboutToQuit.connect(self._wipe_on_quit)
        self._wipes_on_quit = True
        self.window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        LanguageChangeHook(self.window, self._retranslate)  # the window's last child: hears of it last
        self._retranslate()
        self.window.showFullScreen()
        self.reset()  # a fresh start; also undoes restrict() enabling Back/Forward with no history
        log.info("kiosk mode on")

    def stop(self) -> None:
        """Remove the app-wide filters (tests; the app normally just ends)."""
        self.idle.stop()
        self.follower.stop()
        if self._wipes_on_quit:
            self.app.aboutToQuit.disconnect(self._wipe_on_quit)
            self._wipes_on_quit = False
        self.admin.gesture.stop(self.app)
        self.lockdown.uninstall(self.app)
        self.app.setFont(self._saved_font)

    def _lock_down(self) -> None:
        self.lockdown.install(self.app)
        self.lockdown.guard_window(self.window)
        if not self.config.allow_text_selection:
            for widget in self.window.findChildren(QTextEdit):
                widget.setTextInteractionFlags(widget.textInteractionFlags() & ~_SELECTING)

    def _simplify_chrome(self) -> None:
        refused = self.window.restrict_actions(lambda spec: allowed_in_kiosk(self.config, spec))
        log.debug("kiosk: actions off: %s", ", ".join(refused))
        self.window.set_chrome_visible(False)
        self.window.set_file_dialogs_allowed(False)
        self.window.toc_dock.hide()  # the home page is the table of contents
        for dock in (self.window.toc_dock, self.window.search_dock):
            dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        # Results at kiosk text size need room: about a third of a 1080p screen.
        self.window.resizeDocks([self.window.search_dock], [SEARCH_WIDTH], Qt.Orientation.Horizontal)

    def _build_pages(self) -> None:
        self.window.takeCentralWidget()  # the pages, kept alive by the stack below
        self.stack.setObjectName("kioskStack")
        self.stack.addWidget(self.home)
        self.stack.addWidget(self.window.pages)
        self.window.setCentralWidget(self.stack)
        # The window starts its search index (and start-up timing) on the article's first paint;
        # a kiosk's first screen is the home page, so its first paint stands in for it.
        self.home.firstPainted.connect(self.window.article.firstPainted)
        self.home.sectionChosen.connect(self._open_section)
        self.home.pageChosen.connect(self._open_page)
        activated = getattr(self.window.search_panel, "resultActivated", None)
        if activated is not None:
            activated.connect(self.show_pages)
        for name in ("back", "forward", "home"):
            self.window.action_table[name].triggered.connect(self.show_pages)
        self.window.pages.currentChanged.connect(self._leave_field)

    def _build_bar(self) -> None:
        actions, bar = self.window.action_table, self.bar
        self.home_action = QAction(self)
        self.home_action.setObjectName("kioskHomeAction")
        self.home_action.setIcon(actions["home"].icon())
        self.home_action.triggered.connect(self.show_home)
        bar.add(
            self.home_action,
            QT_TRANSLATE_NOOP("KioskBar", "Home"),
            QT_TRANSLATE_NOOP("KioskBar", "Go back to the list of topics"),
        )
        bar.add(actions["back"], QT_TRANSLATE_NOOP("KioskBar", "Back"))
        bar.add(actions["forward"], QT_TRANSLATE_NOOP("KioskBar", "Forward"))
        bar.add(actions["find"], QT_TRANSLATE_NOOP("KioskBar", "Search"))
        bar.add(actions["zoom_out"], QT_TRANSLATE_NOOP("KioskBar", "Smaller text"))
        bar.add(actions["zoom_in"], QT_TRANSLATE_NOOP("KioskBar", "Larger text"))
        self.speech.add_bar()
        if self.config.allow_printing:
            self.print_action = QAction(self)
            self.print_action.setObjectName("kioskPrintAction")
            self.print_action.setIcon(actions["print"].icon())
            self.print_action.triggered.connect(self.print_topic)
            bar.add(
                self.print_action,
                QT_TRANSLATE_NOOP("KioskBar", "Print"),
                QT_TRANSLATE_NOOP("KioskBar", "Print this topic on the printer here"),
            )
        bar.add_spacer()
        self.status.setObjectName("kioskStatus")
        bar.addWidget(self.status)
        self.language_button = bar.add_language_button()
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _retranslate(self) -> None:
        """The kiosk's texts on the window's widgets, after the window has re-translated its own."""
        self.keyboard_dock.setWindowTitle(QCoreApplication.translate("KioskSession", "Keyboard"))
        self.status.setAccessibleName(QCoreApplication.translate("KioskSession", "Message"))
        drop_mnemonics(self.window)  # the window's new texts have their "&" marks again

    def _build_keyboard(self) -> None:
        dock = self.keyboard_dock
        dock.setObjectName("kioskKeyboardDock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        dock.setTitleBarWidget(QWidget(dock))
        dock.setWidget(self.keyboard)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        self.follower = KeyboardFollower(self.window, self.keyboard, dock)
        field = getattr(self.window.search_panel, "field", None)
        if isinstance(field, QLineEdit):
            self._untrap_suggestions(field)
        if isinstance(field, QLineEdit) and self.config.on_screen_keyboard:
            self.keyboard.set_target(field)
            field.returnPressed.connect(self._leave_field)  # the search is sent: read the answer
            self.follower.start(self.app)  # shown while a text field has the focus, else hidden
        self.keyboard.hideRequested.connect(self._leave_field)  # a tap on the field brings it back

    def _set_font(self) -> None:
        """All text of the app (dialogs and popups too) at the kiosk's size."""
        font = QFont(self._saved_font)
        font.setPointSizeF(max(font.pointSizeF(), MIN_BASE_POINTS) * self.config.zoom_percent / 100)
        self.app.setFont(font)

    def _untrap_suggestions(self, field: QLineEdit) -> None:
        """The search suggestions as a plain floating list, not a Qt popup: a popup swallows the
        first touch outside it, so the next key tapped on the on-screen keyboard would be lost."""
        completer = field.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None:
            popup.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
            self._suggestions = popup
        field.installEventFilter(self)

    def _style(self) -> None:
        # The sheet goes on the kiosk's own widgets only: one on the window would stop font
        # changes from reaching the window's views (see resources/styles/kiosk.qss).
        sheet = load_style_sheet()
        for widget in (self.bar, self.home, self.keyboard_dock, self.overlay, *self.speech.widgets()):
            widget.setStyleSheet(sheet)
        enlarge_search_panel(self.window.search_panel)
        self.window.reading_zoom.set_factor(self.window.search_panel, SEARCH_FONT_FACTOR)  # kept at any size
        remove_copy_controls(self.window.references)
        drop_mnemonics(self.window)  # no Alt key on a touch screen: the underlines are noise
        enlarge_touch_targets(self.window)
        enable_touch_scrolling(self.window)
        self.window.statusBar().hide()  # keyboard hints and index status: the search panel says it
        self.window.pages.tabBar().setFont(self.app.font())
        self.window.set_zoom(self.config.zoom_percent, persist=False)
        self.window.article.set_published_since_shown(self.config.show_published_since)

    def _watch_idle(self) -> None:
        self.overlay.follow(self.idle)
        self.idle.resetRequested.connect(self.reset)
        self.idle.start(self.app)

    # --- while running --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Show the keyboard again when the search field that has it put away is touched (the
        focus follower shows it on focus); hide the suggestions when the field loses the focus."""
        kind = event.type()
        if kind == QEvent.Type.FocusOut:
            self._hide_suggestions()
        touched = kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
        if touched and self.config.on_screen_keyboard:
            self.keyboard_dock.show()
        return False

    def _hide_suggestions(self) -> None:
        if self._suggestions is not None and shiboken6.isValid(self._suggestions):
            self._suggestions.hide()  # no longer a popup: it does not close itself

    @Slot()
    def _leave_field(self) -> None:
        """Take the focus out of a text field (so the keyboard goes) and give it to the page shown."""
        page = self.stack.currentWidget()
        if page is self.window.pages:
            page = self.window.pages.currentWidget()
        self.follower.put_away(page)

    @Slot()
    def show_home(self) -> None:
        self.speech.stop()
        self._hide_suggestions()
        self.stack.setCurrentWidget(self.home)
        self.home.verticalScrollBar().setValue(0)
        self._leave_field()

    @Slot()
    def show_pages(self) -> None:
        self._hide_suggestions()
        self.stack.setCurrentIndex(1)
        self._leave_field()

    @Slot(str, str)
    def _open_section(self, topic_id: str, section_id: str) -> None:
        self.window.navigate(topic_id, section_anchor(section_id) if section_id else "")
        self.show_pages()

    @Slot(str, str)
    def _open_page(self, topic_id: str, page: str) -> None:
        self.window.navigate(topic_id)
        self.window.pages.setCurrentWidget(
            self.window.comparison if page == "comparison" else self.window.references
        )
        self.show_pages()

    @Slot()
    def print_topic(self) -> None:
        topic = self.window.current_topic()
        if topic is not None:
            style = self.window.references.model.citation_style()
            shown = self.config.show_published_since
            self.status.set_message(PRINTING_CONTEXT, print_handout(topic, style, show_published_since=shown))

    @Slot()
    def reset(self) -> None:
        """Wipe what the last person left: back to the home page as if freshly started, in the
        kiosk's own language."""
        language_controller().switch(self.default_language)
        self.speech.reset()
        if self.admin.pad is not None:  # drawn in the window, not a dialog: closed by hand
            self.admin.pad.reject()
        close_dialogs_and_menus()
        self.window.reset_state()
        self.window.set_zoom(self.config.zoom_percent, persist=False)
        topic = self.window.current_topic()
        for view in (self.window.comparison, self.window.references):
            set_topic = getattr(view, "set_topic", None)
            if set_topic is not None:
                set_topic(topic)
        clear_selections_and_scroll(self.window)
        forget_edit_history(self.window)
        clear_clipboard()
        self.keyboard_dock.hide()
        self.status.clear_message()
        self.show_home()
        if not is_full_screen_on_top(self.window):  # hidden in a way the lockdown was not told of
            restore_full_screen(self.window)
        self.home.setFocus(Qt.FocusReason.OtherFocusReason)
        log.info("kiosk reset")

    @Slot()
    def _wipe_on_quit(self) -> None:
        """However the app ends (SIGTERM from logout, shutdown or `systemctl stop`), the visit ends
        with it: a clipboard manager would otherwise keep what the reader held on the clipboard."""
        log.info("kiosk stopping: wiping the last visit")
        self.reset()

    @Slot()
    def _leave(self) -> None:
        log.info("kiosk closed by the administrator")
        self.lockdown.unlock()
        self.idle.stop()
        clear_clipboard()
        quits = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)  # the app ends below, with the admin's status;
        self.window.close()  # a quit queued by the closing window would outlive this run
        self.app.setQuitOnLastWindowClosed(quits)
        self.stop()
        self._on_exit(ADMIN_EXIT_STATUS)


def apply_kiosk(
    window: MainWindow,
    app: QApplication,
    config: KioskConfig,
    *,
    second_ms: int = 1000,
    clock: Callable[[], float] = time.monotonic,
    on_exit: Callable[[int], None] | None = None,
    language: str | None = None,
) -> KioskSession:
    """Turn `window` into a kiosk and show it full screen, in the kiosk file's language (else
    `language`, from --language, else the system's); the session lives as long as the window."""
    session = KioskSession(
        window, app, config, second_ms=second_ms, clock=clock, on_exit=on_exit, language=language
    )
    session.start()
    return session
