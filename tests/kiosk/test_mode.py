"""The real main window in kiosk mode: full screen and locked, large simplified chrome, the home
page, the on-screen keyboard, printing without a dialog, and the administrator's way out."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QWidget
from pytestqt.qtbot import QtBot

from reader.content.model import Topic
from reader.kiosk.admin import ADMIN_EXIT_STATUS
from reader.kiosk.config import KioskConfig
from reader.kiosk.printing import NO_PRINTER
from tests.kiosk.conftest import PIN, FakeSearch, Kiosk, start_kiosk

CHORD = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
)


def _press(qtbot: QtBot, widget: QWidget, keys: str) -> None:
    combination = QKeySequence(keys)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def _click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def test_the_window_is_full_screen_frameless_and_simplified(kiosk: Kiosk) -> None:
    window = kiosk.window
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not window.menuBar().isVisible() and not window.toolbar.isVisible()
    assert not window.statusBar().isVisible()
    assert kiosk.session.bar.isVisible()
    for name in ("print", "print_preview", "export_pdf", "quit", "theme_dark"):
        action = window.action_table[name]
        assert not action.isVisible() and not action.isEnabled(), name
    assert window.action_table["find"].isEnabled()
    export = getattr(window.references, "export_button", None)
    assert export is None or not export.isVisibleTo(window.references), "no file dialogs"
    assert kiosk.session.stack.currentWidget() is kiosk.session.home


@pytest.mark.parametrize("keys", ["Alt+F4", "Esc", "Ctrl+Q", "Ctrl+W", "F11"])
def test_each_escape_key_leaves_the_kiosk_open(qtbot: QtBot, kiosk: Kiosk, keys: str) -> None:
    quits: list[bool] = []
    kiosk.window.action_table["quit"].triggered.connect(quits.append)
    _press(qtbot, kiosk.window.search_panel.field, keys)
    _press(qtbot, kiosk.window, keys)
    assert quits == []
    assert kiosk.window.isVisible() and kiosk.window.isFullScreen()
    assert kiosk.exits == []


def test_the_window_managers_close_is_refused(qtbot: QtBot, kiosk: Kiosk) -> None:
    event = QCloseEvent()
    QApplication.sendEvent(kiosk.window, event)
    assert not event.isAccepted()
    assert not kiosk.window.close()
    assert kiosk.window.isVisible()


def test_the_home_page_opens_each_section(qtbot: QtBot, kiosk: Kiosk, bundled_topic: Topic) -> None:
    session, window = kiosk.session, kiosk.window
    names = [button.accessibleName() for button in session.home.buttons]
    assert [s.title for s in bundled_topic.sections] == names[1 : 1 + len(bundled_topic.sections)]
    assert names[0] == "Read from the start" and names[-2:] == ["Compare the procedures", "References"]
    risks = next(b for b in session.home.buttons if b.accessibleName() == "Possible problems")
    _click(qtbot, risks)
    assert session.stack.currentWidget() is window.pages
    assert window.article.current_section() == "risks"
    _click(qtbot, session.bar.widgetForAction(session.home_action))
    assert session.stack.currentWidget() is session.home
    _click(qtbot, session.home.buttons[-2])
    assert window.pages.currentWidget() is window.comparison


def _small(widgets: list[QWidget]) -> list[str]:
    return [
        f"{type(w).__name__} {w.accessibleName()!r} {w.width()}x{w.height()}"
        for w in widgets
        if w.isVisible() and (w.width() < 44 or w.height() < 44)
    ]


def test_every_control_is_a_touch_target(qtbot: QtBot, kiosk: Kiosk) -> None:
    window, session = kiosk.window, kiosk.session
    assert _small(window.interactive_widgets()) == []
    session.show_pages()
    for page in range(window.pages.count()):
        window.pages.setCurrentIndex(page)
        qtbot.waitUntil(lambda: window.pages.currentWidget().isVisible())
        assert _small(window.interactive_widgets()) == [], window.pages.tabText(page)
        bar = window.pages.tabBar()
        assert bar.tabRect(page).height() >= 44
        for view in window.pages.currentWidget().findChildren(QAbstractItemView):
            model = view.model()
            if isinstance(view, QHeaderView):
                assert not view.isVisible() or view.height() >= 44
            elif view.isVisible() and model is not None and model.rowCount() > 0:
                assert view.visualRect(model.index(0, 0)).height() >= 44, type(view).__name__


def test_text_is_large(kiosk: Kiosk) -> None:
    assert QApplication.font().pointSizeF() >= 15
    assert kiosk.window.article.zoom == 150


def test_the_keyboard_appears_for_the_search_field_and_types(qtbot: QtBot, kiosk: Kiosk) -> None:
    session, field = kiosk.session, kiosk.window.search_panel.field
    assert not session.keyboard_dock.isVisible()
    _click(qtbot, field)
    qtbot.waitUntil(session.keyboard_dock.isVisible)
    for key in ("s", "p", "i", "n", "e"):
        _click(qtbot, session.keyboard.keys[key])
    assert field.text() == "spine"
    _click(qtbot, session.keyboard.keys["hide"])
    assert not session.keyboard_dock.isVisible()
    _click(qtbot, session.bar.widgetForAction(kiosk.window.action_table["find"]))
    qtbot.waitUntil(session.keyboard_dock.isVisible)


def test_the_keyboard_can_be_switched_off(qtbot: QtBot, bundled_topic: Topic, tmp_path: Path) -> None:
    running = start_kiosk(
        qtbot, [bundled_topic], tmp_path, KioskConfig(enabled=True, on_screen_keyboard=False)
    )
    try:
        _click(qtbot, running.window.search_panel.field)
        assert not running.session.keyboard_dock.isVisible()
    finally:
        running.session.stop()


def test_text_selection_and_copying_can_be_switched_off(
    qtbot: QtBot, bundled_topic: Topic, tmp_path: Path
) -> None:
    running = start_kiosk(
        qtbot, [bundled_topic], tmp_path, KioskConfig(enabled=True, allow_text_selection=False)
    )
    try:
        article = running.window.article
        flags = article.textInteractionFlags()
        assert not flags & Qt.TextInteractionFlag.TextSelectableByMouse
        assert not flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
        assert flags & Qt.TextInteractionFlag.LinksAccessibleByMouse, "links still work"
        with qtbot.waitSignal(running.session.lockdown.refused):
            _press(qtbot, article, "Ctrl+C")
    finally:
        running.session.stop()


def test_printing_goes_to_the_default_printer_without_a_dialog(
    qtbot: QtBot, bundled_topic: Topic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6 import QtPrintSupport

    def no_dialog(*args: object) -> None:
        raise AssertionError("a print dialog was opened")

    monkeypatch.setattr(QtPrintSupport, "QPrintDialog", no_dialog)
    running = start_kiosk(qtbot, [bundled_topic], tmp_path, KioskConfig(enabled=True, allow_printing=True))
    try:
        session = running.session
        assert not running.window.action_table["print"].isVisible(), "the window's dialog print stays off"
        session.show_pages()
        _click(qtbot, session.bar.widgetForAction(session.print_action))
        assert session.status.text() == NO_PRINTER  # the test machine has no printer
        assert QApplication.activeModalWidget() is None
    finally:
        running.session.stop()


def test_printing_is_off_by_default(kiosk: Kiosk) -> None:
    texts = [a.text() for a in kiosk.session.bar.actions()]
    assert "Print" not in texts


def test_the_right_pin_closes_the_kiosk_with_the_admin_status(qtbot: QtBot, kiosk: Kiosk) -> None:
    qtbot.keyClick(kiosk.window, Qt.Key.Key_K, CHORD)
    dialog = kiosk.session.admin.pad
    assert dialog is not None and dialog.isVisible()
    for digit in PIN:
        _click(qtbot, dialog.keypad.keys[digit])
    _click(qtbot, dialog.unlock_button)
    assert kiosk.exits == [ADMIN_EXIT_STATUS]
    assert not kiosk.window.isVisible()


def test_wrong_pins_are_rate_limited_on_the_kiosk(qtbot: QtBot, kiosk: Kiosk) -> None:
    qtbot.keyClick(kiosk.window, Qt.Key.Key_K, CHORD)
    dialog = kiosk.session.admin.pad
    assert dialog is not None
    for _ in range(3):
        dialog.field.setText("000000")
        _click(qtbot, dialog.unlock_button)
    assert not dialog.unlock_button.isEnabled()
    assert "Try again in 30 seconds" in dialog.status.text()
    assert kiosk.exits == [] and kiosk.window.isVisible()
    kiosk.clock.now += 30
    qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=3000)


def _tap_through_the_window(window: QWidget, widget: QWidget) -> None:
    """A tap as the platform delivers it (through the window), so Qt's popup rules apply."""
    handle = window.windowHandle()
    assert handle is not None
    pos = widget.mapTo(window, widget.rect().center())
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def test_suggestions_do_not_swallow_the_next_key(qtbot: QtBot, kiosk: Kiosk, service: FakeSearch) -> None:
    window, session = kiosk.window, kiosk.session
    field = window.search_panel.field
    window.set_search_service(service)
    _click(qtbot, field)
    for key in "ball":
        _click(qtbot, session.keyboard.keys[key])
    completer = field.completer()
    assert completer is not None
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    _tap_through_the_window(window, session.keyboard.keys["o"])
    assert field.text() == "ballo", "the first tap types"
    rect = popup.visualRect(popup.model().index(0, 0))
    _click(qtbot, popup.viewport()) if rect.isEmpty() else qtbot.mouseClick(
        popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert field.text() == "balloon", "a suggestion is chosen with one tap"
    _click(qtbot, session.bar.widgetForAction(session.home_action))
    assert not popup.isVisible()


def test_back_and_forward_start_disabled(kiosk: Kiosk) -> None:
    actions = kiosk.window.action_table
    assert not actions["back"].isEnabled() and not actions["forward"].isEnabled()
