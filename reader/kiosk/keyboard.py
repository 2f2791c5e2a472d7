"""A built-in on-screen keyboard with large keys, typing into a QLineEdit through its own editing
API (insert, backspace), so the field's signals fire as for real typing. No Qt Virtual Keyboard
(GPL-3/commercial) and nothing from the OS. Key labels that are words, accessible names and
tooltips are re-translated in place; the letters stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reader.i18n import QT_TRANSLATE_NOOP
from reader.kiosk.fonts import scaled_font

MIN_KEY_PX = 56
_CONTEXT = "OnScreenKeyboard"

# Special keys: (name, label, accessible name, tooltip), marked for translation in _CONTEXT
# ("⌫" is a symbol, shown as it is).
SPECIAL_KEYS = {
    "backspace": (
        "⌫",
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Backspace"),
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Delete the letter before the cursor"),
    ),
    "clear": (
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Clear"),
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Clear"),
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Delete everything typed"),
    ),
    "space": (
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Space"),
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Space"),
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Type a space"),
    ),
    "enter": (
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Search"),
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Search"),
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Search for what you typed"),
    ),
    "hide": (
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Hide keyboard"),
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Hide keyboard"),
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Put the keyboard away"),
    ),
    "done": (
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "OK"),
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "OK"),
        QT_TRANSLATE_NOOP("OnScreenKeyboard", "Use this PIN"),
    ),
}

# Rows of keys: a single character types itself; a name from SPECIAL_KEYS does that job.
LETTERS: tuple[tuple[str, ...], ...] = (
    tuple("1234567890"),
    tuple("qwertyuiop"),
    tuple("asdfghjkl'"),
    (*"zxcvbnm-", "backspace"),
    ("clear", "space", "enter", "hide"),
)
DIGITS: tuple[tuple[str, ...], ...] = (
    tuple("123"),
    tuple("456"),
    tuple("789"),
    ("backspace", "0", "clear"),
)

_WIDE = {"space": 5, "clear": 2, "enter": 2, "hide": 3, "backspace": 2, "done": 2}


class OnScreenKeyboard(QWidget):
    """Keys that type into `target` without taking the keyboard focus from it."""

    hideRequested = Signal()  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        rows: Sequence[Sequence[str]] = LETTERS,
        key_px: int = 72,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskKeyboard")
        self._target: QLineEdit | None = None
        self._key_px = max(key_px, MIN_KEY_PX)
        self.keys: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        for row in rows:
            line = QHBoxLayout()
            line.setSpacing(8)
            line.addStretch(1)
            for key in row:
                line.addWidget(self._make_key(key), _WIDE.get(key, 1))
            line.addStretch(1)
            layout.addLayout(line)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("OnScreenKeyboard", "On-screen keyboard"))
        for key, button in self.keys.items():
            if key in SPECIAL_KEYS:
                label, name, tip = SPECIAL_KEYS[key]
                button.setText(QCoreApplication.translate(_CONTEXT, label) if label != "⌫" else label)
                button.setAccessibleName(QCoreApplication.translate(_CONTEXT, name))
                button.setToolTip(QCoreApplication.translate(_CONTEXT, tip))
            else:
                button.setText(key)
                button.setAccessibleName(key)
                tip = QCoreApplication.translate("OnScreenKeyboard", "Type {key}")
                button.setToolTip(tip.format(key=key))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def target(self) -> QLineEdit | None:
        return self._target

    def set_target(self, target: QLineEdit | None) -> None:
        self._target = target

    def _make_key(self, key: str) -> QPushButton:
        button = QPushButton(self)  # texts: retranslate()
        button.setObjectName(f"key_{key}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus and its cursor
        button.setMinimumSize(self._key_px * _WIDE.get(key, 1), self._key_px)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.setFont(scaled_font(1.5))
        button.setAutoRepeat(key == "backspace")
        button.clicked.connect(self._action_for(key))
        self.keys[key] = button
        return button

    def _action_for(self, key: str) -> Callable[[], None]:
        actions: dict[str, Callable[[], None]] = {
            "backspace": self.backspace,
            "clear": self.clear,
            "space": lambda: self.type_text(" "),
            "enter": self.enter,
            "done": self.enter,
            "hide": self.hideRequested.emit,
        }
        return actions.get(key, lambda: self.type_text(key))

    @Slot(str)
    def type_text(self, text: str) -> None:
        if self._target is not None:
            self._target.insert(text)

    @Slot()
    def backspace(self) -> None:
        if self._target is not None:
            self._target.backspace()

    @Slot()
    def clear(self) -> None:
        """Delete everything, as a user would (so `textEdited` fires, unlike QLineEdit.clear)."""
        if self._target is not None:
            self._target.selectAll()
            self._target.del_()

    @Slot()
    def enter(self) -> None:
        """Press Return in the field: it emits returnPressed (and editingFinished) as usual."""
        if self._target is None:
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
            QApplication.sendEvent(self._target, event)
