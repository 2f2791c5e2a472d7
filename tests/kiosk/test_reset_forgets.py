"""Nothing of the last visit can be brought back after a kiosk reset: not by Ctrl+Z in the search
field, nor from the completer, the "did you mean" button, the status bar, the citation style or
any label, tooltip or accessible name. (test_reset.py checks what the screen shows; this file
checks what is kept behind it.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.content import citation
from reader.content.model import Topic
from reader.kiosk.config import KioskConfig
from reader.search.service import SearchResult
from tests.kiosk.conftest import FakeSearch, Kiosk, start_kiosk

TYPED = "zzyzx"  # in no topic: wherever it is found after the reset, it was left by the visit
SUGGESTED = "zyzzyva"


class SuggestingSearch(FakeSearch):
    """No hits for TYPED, but a "did you mean" and completions that carry it."""

    def search(self, query: str, limit: int = 20) -> SearchResult:
        if TYPED in query:
            return SearchResult(query, SUGGESTED, 0, ())
        return super().search(query, limit)

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        return [f"{prefix} {SUGGESTED}"] if TYPED.startswith(prefix[:2]) else super().suggest(prefix, limit)


@pytest.fixture
def kiosk_idle_off(qtbot: QtBot, bundled_topic: Topic, tmp_path: Path) -> Iterator[Kiosk]:
    """A kiosk whose idle reset is off until a test starts it; then a "second" lasts 10 ms."""
    config = KioskConfig(enabled=True, idle_seconds=30, warning_seconds=20)
    running = start_kiosk(qtbot, [bundled_topic], tmp_path, config, second_ms=10)
    running.session.idle.stop()
    yield running
    running.session.stop()


def _search_as_a_patient(qtbot: QtBot, kiosk: Kiosk) -> None:
    panel = kiosk.window.search_panel
    panel.set_service(SuggestingSearch())
    kiosk.window.focus_search()
    qtbot.keyClicks(panel.field, TYPED)
    qtbot.waitUntil(lambda: panel.suggestion_row.isVisible(), timeout=10_000)


def _model_strings(model: QAbstractItemModel | None) -> list[str]:
    if model is None:
        return []
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model hides columnCount()
        columns = 1
    found = []
    for row in range(min(model.rowCount(QModelIndex()), 200)):
        for column in range(columns):
            found += [str(model.index(row, column).data(role) or "") for role in roles]
    return found


def _strings_of(widget: QWidget) -> list[str]:
    """Everything a widget keeps that a user or a screen reader could get at."""
    found = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(), widget.windowTitle()]
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        found.append(widget.text())
    if isinstance(widget, QLineEdit):
        completer = widget.completer()
        if completer is not None:
            found.append(completer.completionPrefix())
            found += _model_strings(completer.completionModel())
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        found.append(widget.toPlainText())
    if isinstance(widget, QAbstractItemView):
        found += _model_strings(widget.model())
    return found


def _everything_kept(kiosk: Kiosk) -> str:
    widgets = [kiosk.window, *kiosk.window.findChildren(QWidget), *QApplication.topLevelWidgets()]
    found = [kiosk.window.statusBar().currentMessage()]
    for widget in widgets:
        found += _strings_of(widget)
    return "\n".join(found)


def test_ctrl_z_after_a_reset_brings_back_nothing(qtbot: QtBot, kiosk_idle_off: Kiosk) -> None:
    field = kiosk_idle_off.window.search_panel.field
    _search_as_a_patient(qtbot, kiosk_idle_off)
    assert field.text() == TYPED

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with qtbot.waitSignal(kiosk_idle_off.session.idle.resetRequested, timeout=5000):
        kiosk_idle_off.session.idle.start(app)  # the idle reset, as after a patient walks away

    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "", "undo brought back the last patient's search"
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(field, Qt.Key.Key_Z, shift_ctrl)
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "", "redo brought back the last patient's search"


def test_no_text_field_keeps_an_undo_history_after_a_reset(qtbot: QtBot, kiosk_idle_off: Kiosk) -> None:
    _search_as_a_patient(qtbot, kiosk_idle_off)
    window = kiosk_idle_off.window
    editor = QPlainTextEdit(window.search_panel)  # any text widget, even one added later, is wiped
    editor.setPlainText("")
    editor.insertPlainText("a note")
    assert editor.document().isUndoAvailable()

    kiosk_idle_off.session.reset()

    for line in window.findChildren(QLineEdit):
        assert not line.isUndoAvailable() and not line.isRedoAvailable(), line.objectName()
    for edit in [*window.findChildren(QTextEdit), *window.findChildren(QPlainTextEdit)]:
        document = edit.document()
        assert not document.isUndoAvailable() and not document.isRedoAvailable(), edit.objectName()


def test_the_typed_words_are_kept_nowhere_after_a_reset(qtbot: QtBot, kiosk_idle_off: Kiosk) -> None:
    window = kiosk_idle_off.window
    _search_as_a_patient(qtbot, kiosk_idle_off)
    window.statusBar().showMessage(f"searched for {TYPED}")
    kept = _everything_kept(kiosk_idle_off)
    assert TYPED in kept and SUGGESTED in kept, "the check must see what the visit left"

    kiosk_idle_off.session.reset()

    kept = _everything_kept(kiosk_idle_off)
    assert TYPED not in kept
    assert SUGGESTED not in kept


def test_the_citation_style_goes_back_to_the_default(kiosk_idle_off: Kiosk) -> None:
    references = kiosk_idle_off.window.references
    references.style_combo.setCurrentIndex(references.style_combo.findData(citation.AMA))
    assert references.model.citation_style() == citation.AMA

    kiosk_idle_off.session.reset()

    assert references.model.citation_style() == citation.VANCOUVER
    assert references.style_combo.currentData() == citation.VANCOUVER
