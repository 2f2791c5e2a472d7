"""Issue 14, items 7, 8 and 10: the on-screen keyboard follows the focus of text fields, the
search panel is at the kiosk's size with touch-high targets, and there are no mnemonic
underlines or copy buttons on the touch screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from reader.kiosk.touch_chrome import without_mnemonic
from reader.search.service import SearchResult
from tests.kiosk.conftest import FakeSearch, Kiosk


def _click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


class MisspeltSearch(FakeSearch):
    """Answers "baloon" with nothing and "Did you mean: balloon"."""

    def search(self, query: str, limit: int = 20) -> SearchResult:
        if query.strip() == "baloon":
            return SearchResult(query, "balloon", 0, ())
        return super().search(query, limit)


def _type(qtbot: QtBot, kiosk: Kiosk, text: str) -> None:
    for key in text:
        _click(qtbot, kiosk.session.keyboard.keys[key])


# --- item 7: the keyboard shows with a text field's focus and hides without it ----------------------


def test_the_keyboard_hides_when_a_result_is_opened(qtbot: QtBot, kiosk: Kiosk, service: FakeSearch) -> None:
    window, session = kiosk.window, kiosk.session
    panel = window.search_panel
    window.set_search_service(service)
    _click(qtbot, panel.field)
    qtbot.waitUntil(session.keyboard_dock.isVisible)
    _type(qtbot, kiosk, "balloon")
    qtbot.waitUntil(lambda: panel.results_model.rowCount() > 0, timeout=10_000)
    assert session.keyboard_dock.isVisible(), "still typing: the keyboard stays"
    rect = panel.results_view.visualRect(panel.results_model.index(0, 0))
    qtbot.mouseClick(panel.results_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not session.keyboard_dock.isVisible())
    assert session.stack.currentWidget() is window.pages


def test_the_keyboard_hides_on_home_and_on_a_tab_change(qtbot: QtBot, kiosk: Kiosk) -> None:
    window, session = kiosk.window, kiosk.session
    _click(qtbot, window.search_panel.field)
    qtbot.waitUntil(session.keyboard_dock.isVisible)
    _click(qtbot, session.bar.widgetForAction(session.home_action))  # a button that takes no focus
    qtbot.waitUntil(lambda: not session.keyboard_dock.isVisible())
    assert not window.search_panel.field.hasFocus(), "no field keeps a cursor the keyboard left"

    session.show_pages()
    _click(qtbot, window.search_panel.field)
    qtbot.waitUntil(session.keyboard_dock.isVisible)
    window.pages.setCurrentWidget(window.references)
    qtbot.waitUntil(lambda: not session.keyboard_dock.isVisible())


def test_the_keyboard_follows_the_focus_and_its_button_hides_it(qtbot: QtBot, kiosk: Kiosk) -> None:
    window, session = kiosk.window, kiosk.session
    field = window.search_panel.field
    window.search_panel.focus_search()  # focus given by the program (the Search button) counts too
    qtbot.waitUntil(session.keyboard_dock.isVisible)
    assert session.keyboard.target is field
    session.show_pages()
    window.article.setFocus()
    qtbot.waitUntil(lambda: not session.keyboard_dock.isVisible())
    _click(qtbot, field)
    qtbot.waitUntil(session.keyboard_dock.isVisible)
    hide = session.keyboard.keys["hide"]
    assert hide.isVisible() and hide.height() >= 44
    _click(qtbot, hide)
    assert not session.keyboard_dock.isVisible()
    assert not field.hasFocus()
    _click(qtbot, session.bar.widgetForAction(window.action_table["find"]))
    qtbot.waitUntil(session.keyboard_dock.isVisible)
    session.reset()
    assert not session.keyboard_dock.isVisible()


def test_the_pin_pad_puts_the_keyboard_away(qtbot: QtBot, kiosk: Kiosk) -> None:
    window, session = kiosk.window, kiosk.session
    _click(qtbot, window.search_panel.field)
    qtbot.waitUntil(session.keyboard_dock.isVisible)
    session.admin.ask_pin()
    pad = session.admin.pad
    assert pad is not None and pad.isVisible() and not pad.isWindow()
    assert pad.window() is window
    qtbot.waitUntil(lambda: not session.keyboard_dock.isVisible())
    assert pad.field.hasFocus(), "the PIN has its own number pad"


# --- item 8: the search panel at kiosk size -----------------------------------------------------


def test_the_search_panel_is_enlarged(qtbot: QtBot, kiosk: Kiosk) -> None:
    window = kiosk.window
    panel = window.search_panel
    window.set_search_service(MisspeltSearch())
    base = QApplication.font().pointSizeF()
    assert panel.results_view.font().pointSizeF() >= base * 1.2
    panel.field.setText("baloon")
    qtbot.waitUntil(panel.suggestion_button.isVisible, timeout=10_000)
    assert panel.suggestion_button.height() >= 44, "Did you mean is a touch target"
    panel.field.setText("balloon")
    qtbot.waitUntil(lambda: panel.results_model.rowCount() > 0, timeout=10_000)
    row = panel.results_view.visualRect(panel.results_model.index(0, 0))
    assert row.height() >= 44
    small = [
        f"{type(w).__name__} {w.accessibleName()!r} {w.height()}"
        for w in panel.findChildren(QWidget)
        if w.isVisible() and (isinstance(w, QAbstractButton) or w is panel.field) and w.height() < 44
    ]
    assert small == []


# --- item 10: no mnemonic underlines, no copy buttons -------------------------------------------


def test_without_mnemonic() -> None:
    assert without_mnemonic("&Article") == "Article"
    assert without_mnemonic("Citation &style:") == "Citation style:"
    assert without_mnemonic("Salt && pepper") == "Salt & pepper"


def test_no_mnemonics_and_no_copy_buttons_at_the_kiosk(kiosk: Kiosk) -> None:
    window = kiosk.window
    tabs = [window.pages.tabText(i) for i in range(window.pages.count())]
    assert tabs == ["Article", "Compare procedures", "References"]
    labelled = [w.text() for w in window.findChildren(QLabel) if w.buddy() is not None]
    labelled += [w.text() for w in window.findChildren(QAbstractButton)]
    assert [t for t in labelled if "&" in t.replace("&&", "")] == []
    refs = window.references
    assert refs.style_label.text() == "Citation style:"
    kiosk.session.show_pages()
    window.pages.setCurrentWidget(refs)
    assert refs.list.isVisible()
    assert not refs.copy_button.isVisible() and not refs.copy_all_button.isVisible()
    assert refs.style_combo.isVisible() and refs.style_combo.height() >= 44


def test_the_kiosk_handout_cites_as_the_references_page(bundled_topic) -> None:
    from reader.content import citation
    from reader.kiosk.printing import kiosk_handout

    text = kiosk_handout(bundled_topic, citation.AMA).document.toPlainText()
    assert all(citation.citation_text(r, citation.AMA) in text for r in bundled_topic.references)
