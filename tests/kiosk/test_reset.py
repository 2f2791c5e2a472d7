"""Idle reset on the real kiosk window: after a patient has read, zoomed, searched with the
on-screen keyboard, opened a result, selected a cell, copied text and left a menu and a dialog
open, the shortened idle time brings back a fresh home page. A "second" lasts 10 ms here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from reader.content.model import Topic
from reader.kiosk.config import KioskConfig
from tests.kiosk.conftest import FakeSearch, Kiosk, start_kiosk

SHORT = KioskConfig(enabled=True, idle_seconds=30, warning_seconds=20)


@pytest.fixture
def quick(qtbot: QtBot, bundled_topic: Topic, tmp_path: Path) -> Iterator[Kiosk]:
    running = start_kiosk(qtbot, [bundled_topic], tmp_path, SHORT, second_ms=10)
    running.session.idle.stop()  # no reset while a test sets the scene
    yield running
    running.session.stop()


def _click(qtbot: QtBot, widget: QWidget, pos: QPoint | None = None) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def _leave_traces(qtbot: QtBot, kiosk: Kiosk) -> tuple[QMenu, QMessageBox]:
    """What one patient might do and leave behind."""
    window, session = kiosk.window, kiosk.session
    panel = window.search_panel
    _click(qtbot, next(b for b in session.home.buttons if b.accessibleName() == "Kyphoplasty"))
    _click(qtbot, session.bar.widgetForAction(window.action_table["zoom_in"]))
    _click(qtbot, panel.field)
    for key in "balloon":
        _click(qtbot, session.keyboard.keys[key])
    qtbot.waitUntil(lambda: panel.results_model.rowCount() > 0, timeout=10_000)
    rect = panel.results_view.visualRect(panel.results_model.index(0, 0))
    _click(qtbot, panel.results_view.viewport(), rect.center())
    window.article.verticalScrollBar().setValue(window.article.verticalScrollBar().maximum() // 2)
    window.pages.setCurrentWidget(window.comparison)
    window.comparison.select_cell(1, 1)
    QApplication.clipboard().setText("what the last patient copied")
    box = QMessageBox(QMessageBox.Icon.Information, "Note", "A dialog left open", parent=window)
    box.open()
    menu = QMenu(window)
    menu.addAction("Something")
    menu.popup(window.mapToGlobal(QPoint(200, 200)))  # after the dialog, which would close it
    return menu, box


def test_idle_reset_wipes_what_a_patient_left(qtbot: QtBot, quick: Kiosk, service: FakeSearch) -> None:
    window, session = quick.window, quick.session
    panel = window.search_panel
    window.set_search_service(service)
    menu, box = _leave_traces(qtbot, quick)
    assert panel.field.text() == "balloon" and panel.results_model.rowCount() > 0
    assert window.action_table["back"].isEnabled()
    assert window.article.zoom > 150 and window.article.hit_count() > 0
    assert window.article.verticalScrollBar().value() > 0
    assert window.comparison.table.selectionModel().hasSelection()
    assert menu.isVisible() and box.isVisible()  # the keyboard went with the focus (test_keyboard_follow)

    with qtbot.waitSignal(session.idle.resetRequested, timeout=5000):
        session.idle.start(_app())

    assert panel.field.text() == "" and panel.results_model.rowCount() == 0
    assert not window.action_table["back"].isEnabled(), "no history"
    assert not window.action_table["forward"].isEnabled()
    assert window.article.zoom == 150, "back to the kiosk's text size"
    assert window.article.hit_count() == 0
    assert window.article.verticalScrollBar().value() == 0
    assert not window.article.textCursor().hasSelection()
    assert not window.comparison.table.selectionModel().hasSelection()
    assert QApplication.clipboard().text() == ""
    assert not menu.isVisible() and not box.isVisible()
    assert QApplication.activePopupWidget() is None and QApplication.activeModalWidget() is None
    assert not session.keyboard_dock.isVisible()
    assert session.stack.currentWidget() is session.home
    assert window.pages.currentWidget() is window.article
    assert not session.overlay.isVisible()


def test_the_countdown_covers_the_kiosk_and_a_touch_cancels_it(qtbot: QtBot, quick: Kiosk) -> None:
    window, session = quick.window, quick.session
    with qtbot.waitSignal(session.idle.warningStarted, timeout=5000) as started:
        session.idle.start(_app())
    assert started.args == [20]
    assert session.overlay.isVisible() and session.overlay.geometry() == window.rect()
    button = session.home.buttons[1]
    under = session.overlay.mapFrom(button, button.rect().center())
    with qtbot.assertNotEmitted(session.idle.resetRequested), qtbot.waitSignal(session.idle.warningCancelled):
        _click(qtbot, session.overlay, under)
    assert not session.overlay.isVisible()
    assert session.stack.currentWidget() is session.home, "the touch only dismissed the warning"
    assert session.idle.armed


def test_a_reset_closes_open_suggestions(qtbot: QtBot, quick: Kiosk, service: FakeSearch) -> None:
    window, session = quick.window, quick.session
    field = window.search_panel.field
    window.set_search_service(service)
    _click(qtbot, field)
    for key in "ball":
        _click(qtbot, session.keyboard.keys[key])
    completer = field.completer()
    assert completer is not None
    qtbot.waitUntil(completer.popup().isVisible)
    with qtbot.waitSignal(session.idle.resetRequested, timeout=5000):
        session.idle.start(_app())
    assert not completer.popup().isVisible()
    assert field.text() == "" and completer.completionModel().rowCount() == 0


def test_a_reset_closes_the_pin_pad(qtbot: QtBot, quick: Kiosk) -> None:
    admin = quick.session.admin
    admin.ask_pin()
    pad = admin.pad
    assert pad is not None and pad.isVisible()
    pad.field.setText("12")
    quick.session.reset()
    assert admin.pad is None and not pad.isVisible(), "the next patient does not find the pad open"
    assert pad.field.text() == ""
