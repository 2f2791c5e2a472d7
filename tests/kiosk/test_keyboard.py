"""The on-screen keyboard types into a QLineEdit like a user: signals fire, focus stays put."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from reader.kiosk.keyboard import DIGITS, MIN_KEY_PX, OnScreenKeyboard


class Typing(NamedTuple):
    window: QWidget  # held here: qtbot keeps only a weak reference
    field: QLineEdit
    keyboard: OnScreenKeyboard


@pytest.fixture
def typist(qtbot: QtBot) -> Typing:
    window = QWidget()
    layout = QVBoxLayout(window)
    field = QLineEdit()
    keyboard = OnScreenKeyboard()
    keyboard.set_target(field)
    layout.addWidget(field)
    layout.addWidget(keyboard)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return Typing(window, field, keyboard)


def _tap(qtbot: QtBot, keyboard: OnScreenKeyboard, *keys: str) -> None:
    for key in keys:
        qtbot.mouseClick(keyboard.keys[key], Qt.MouseButton.LeftButton)


def test_keys_type_into_the_field_and_fire_its_signals(qtbot: QtBot, typist: Typing) -> None:
    _window, field, keyboard = typist
    edited: list[str] = []
    field.textEdited.connect(edited.append)
    _tap(qtbot, keyboard, "b", "a", "c", "k", "space", "p")
    assert field.text() == "back p"
    assert edited == ["b", "ba", "bac", "back", "back ", "back p"]
    _tap(qtbot, keyboard, "backspace", "backspace")
    assert field.text() == "back"
    assert field.hasFocus(), "the keys never take the focus"
    _tap(qtbot, keyboard, "clear")
    assert field.text() == ""
    assert edited[-1] == "", "clearing is an edit too"


def test_search_key_presses_return(qtbot: QtBot, typist: Typing) -> None:
    _window, field, keyboard = typist
    with qtbot.waitSignal(field.returnPressed):
        _tap(qtbot, keyboard, "enter")


def test_hide_key_asks_to_hide(qtbot: QtBot, typist: Typing) -> None:
    keyboard = typist.keyboard
    with qtbot.waitSignal(keyboard.hideRequested):
        _tap(qtbot, keyboard, "hide")


def test_typing_goes_where_the_cursor_is(qtbot: QtBot, typist: Typing) -> None:
    _window, field, keyboard = typist
    field.setText("spne")
    field.setCursorPosition(2)
    _tap(qtbot, keyboard, "i")
    assert field.text() == "spine"


def test_keys_are_large_named_and_explained(typist: Typing) -> None:
    keyboard = typist.keyboard
    assert len(keyboard.keys) == 10 + 10 + 10 + 9 + 4
    for key, button in keyboard.keys.items():
        assert button.width() >= MIN_KEY_PX and button.height() >= MIN_KEY_PX, key
        assert button.accessibleName() and button.toolTip(), key
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_without_a_target_keys_do_nothing(qtbot: QtBot) -> None:
    keyboard = OnScreenKeyboard(rows=DIGITS)
    qtbot.addWidget(keyboard)
    keyboard.show()
    _tap(qtbot, keyboard, "1", "backspace", "clear")
    assert keyboard.target is None
    assert set(keyboard.keys) == set("0123456789") | {"backspace", "clear"}
