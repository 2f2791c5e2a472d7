"""The main window in another language (issue 16): every fixed text of the window, its menus,
toolbar, tabs, docks, status bar, search panel, contents and shortcuts dialog is marked for
translation and set again in place when the language changes, and comes back to English after;
texts made from state (counts, "no results", "did you mean", the hit position) too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMenu

from reader.content.errors import ContentError
from reader.ui.empty_pack import render_empty_pack_html
from reader.ui.hit_navigation import hit_position_text
from reader.ui.main_window import MainWindow, marked_text
from reader.ui.problems import problems_summary
from reader.ui.search_panel import SearchPanel
from reader.ui.shortcuts_dialog import ShortcutsDialog
from tests.e2e.harness import make_window
from tests.i18n_support import is_pseudo, pseudo_language
from tests.ui.test_search_panel import ANSWERS, DEBOUNCE_MS, FakeService

TOPIC = "vertebroplasty-kyphoplasty"


@pytest.fixture
def window(qtbot, bundled_topic, tmp_path: Path) -> MainWindow:
    return make_window(qtbot, [bundled_topic], tmp_path / "reader.ini")


def _menu_texts(menu: QMenu, path: str, texts: dict[str, str]) -> None:
    for index, action in enumerate(menu.actions()):
        if action.isSeparator() or action.objectName().startswith("action_language_"):
            continue  # a language is named in its own language, in every language
        key = f"{path}/{index}"
        texts[key] = action.text()
        if action.toolTip() and action.menu() is None:
            texts[f"{key} tip"] = action.toolTip()
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            _menu_texts(submenu, key, texts)


def window_texts(window: MainWindow) -> dict[str, str]:
    """Every fixed text of the window a user sees or a screen reader says, by a stable key."""
    texts: dict[str, str] = {"title": window.windowTitle()}
    for index, action in enumerate(window.menuBar().actions()):
        texts[f"menu {index}"] = action.text()
        submenu = action.menu()
        assert isinstance(submenu, QMenu)
        _menu_texts(submenu, f"menu {index}", texts)
    toolbar = window.toolbar
    texts["toolbar"] = toolbar.windowTitle()
    texts["toolbar name"] = toolbar.accessibleName()
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if not action.isSeparator() and button is not None:
            texts[f"toolbar {action.objectName()}"] = button.accessibleName()
    pages = window.pages
    texts["pages name"] = pages.accessibleName()
    texts["pages tip"] = pages.tabBar().toolTip()
    for index in range(pages.count()):
        texts[f"tab {index}"] = pages.tabText(index)
        texts[f"tab {index} tip"] = pages.tabToolTip(index)
    for dock in (window.toc_dock, window.search_dock, window.problems_dock):
        texts[f"{dock.objectName()} title"] = dock.windowTitle()
        texts[f"{dock.objectName()} name"] = dock.accessibleName()
        texts[f"{dock.objectName()} toggle tip"] = dock.toggleViewAction().toolTip()
        for button in dock.findChildren(QAbstractButton):
            texts[f"{dock.objectName()} {button.objectName()}"] = button.toolTip()
    status = window.status
    texts["zoom"] = status.zoom_label.text()
    texts["zoom name"] = status.zoom_label.accessibleName()
    texts["index name"] = status.index_label.accessibleName()
    texts["problems tip"] = status.problems_button.toolTip()
    texts["hit tip"] = status.hit_label.toolTip()
    panel = window.search_panel
    texts["field placeholder"] = panel.field.placeholderText()
    texts["field name"] = panel.field.accessibleName()
    texts["field tip"] = panel.field.toolTip()
    texts["results name"] = panel.results_view.accessibleName()
    texts["results tip"] = panel.results_view.toolTip()
    texts["search status name"] = panel.status_label.accessibleName()
    texts["search message"] = panel.message_title.text()
    texts["search message body"] = panel.message_body.text()
    texts["did you mean"] = panel.suggestion_label.text()
    toc = window.toc
    texts["toc name"] = toc.accessibleName()
    texts["toc description"] = toc.accessibleDescription()
    texts["toc tip"] = toc.toolTip()
    texts["toc row tip"] = str(toc.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    texts["problems name"] = window.problems.accessibleName()
    return texts


def untranslated(texts: dict[str, str]) -> dict[str, str]:
    return {key: text for key, text in texts.items() if text and not is_pseudo(text)}


def test_every_fixed_text_of_the_window_is_translated_in_place_and_back(window: MainWindow) -> None:
    english = window_texts(window)
    assert english["menu 0"] == "&File" and english["tab 0"] == "&Article"  # the test reads real texts
    assert len(english) > 100
    with pseudo_language():
        assert untranslated(window_texts(window)) == {}
    assert window_texts(window) == english


def test_the_view_menu_offers_each_language_in_its_own_name(window: MainWindow) -> None:
    view = window.menuBar().actions()[3].menu()
    assert isinstance(view, QMenu) and view.title() == "&View"
    assert window.language_menu.menu.menuAction() in view.actions()
    names = [action.text() for action in window.language_menu.menu.actions()]
    assert names == ["English", "Español"]
    assert window.language_menu.actions["en"].isChecked()
    with pseudo_language():
        assert is_pseudo(window.language_menu.menu.title())
        assert [action.text() for action in window.language_menu.menu.actions()] == names


def test_the_shortcuts_dialog_is_translated_in_place_and_back(qtbot, window: MainWindow) -> None:
    dialog = ShortcutsDialog(window.action_table, window)
    qtbot.addWidget(dialog)

    def texts() -> list[str]:
        model = dialog.model
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
        cells = [  # the Keys column names keys, never translated
            str(model.index(r, c).data()) for r in range(model.rowCount()) for c in (0, 1, 3)
        ]
        return [dialog.windowTitle(), dialog.table.accessibleName(), *headers, *cells]

    english = texts()
    assert "Keyboard shortcuts" in english and "Copy" in english
    with pseudo_language():
        assert [t for t in texts() if not is_pseudo(t)] == []
        close = [b for b in dialog.findChildren(QAbstractButton) if b.accessibleName()]
        assert close and all(is_pseudo(b.accessibleName()) and is_pseudo(b.toolTip()) for b in close)
    assert texts() == english


def test_search_messages_made_from_state_are_translated_again(qtbot, window: MainWindow) -> None:
    fake = FakeService(dict(ANSWERS))
    panel: SearchPanel = window.search_panel
    panel._debounce.setInterval(DEBOUNCE_MS)
    window.set_search_service(fake)
    try:
        qtbot.keyClicks(panel.field, "balloon")
        qtbot.waitUntil(lambda: panel.status_label.text() == "2 results")
        with pseudo_language():
            assert panel.status_label.text() == "«2 results»"
        assert panel.status_label.text() == "2 results"

        panel.field.clear()
        qtbot.keyClicks(panel.field, "kyphoplsty")
        qtbot.waitUntil(panel.suggestion_row.isVisible)

        def shown() -> tuple[str, str, str]:
            return panel.status_label.text(), panel.message_body.text(), panel.suggestion_button.toolTip()

        english = shown()
        assert english[0] == "No results for “kyphoplsty”" and english[1].startswith("Try:")
        with pseudo_language():
            pseudo = shown()
            assert all(is_pseudo(text) for text in pseudo)
            assert "kyphoplsty" in pseudo[0] and "kyphoplasty" in pseudo[2]  # the words themselves stay
            assert is_pseudo(panel.suggestion_label.text())
        assert (
            panel.status_label.text(),
            panel.message_body.text(),
            panel.suggestion_button.toolTip(),
        ) == english
    finally:
        fake.release_all()
        panel.runner.wait()


def test_hit_count_and_status_message_are_translated_again(qtbot, window: MainWindow) -> None:
    window.search_panel.field.setText("balloon")
    window.show_search_result(TOPIC, "kyphoplasty", ["balloon"])
    count = window.article.hit_count()
    assert count > 1
    assert window.status.hit_label.text() == f"{count} hits"
    message = window.statusBar().currentMessage()
    assert message.startswith(f"{count} matches marked in this topic.")
    with pseudo_language():
        assert window.status.hit_label.text() == f"«{count} hits»"  # %n filled in by the translator
        assert is_pseudo(window.statusBar().currentMessage())
    assert window.status.hit_label.text() == f"{count} hits"
    assert window.statusBar().currentMessage() == message
    window.hits.next()
    with pseudo_language():
        assert window.status.hit_label.text() == f"«Hit 1 of {count}»"


def test_an_action_worded_by_another_part_is_worded_again_by_it(window: MainWindow) -> None:
    """Read aloud's Resume, a kiosk's tooltip: made again at a language change, not reset to the table's."""
    actions = window.action_table
    actions.override_text("pause_speech", lambda: QCoreApplication.translate("ReadAloud", "&Resume"))
    actions.override_tooltip("home", lambda: QCoreApplication.translate("Kiosk", "Back to the topics"))
    assert actions["pause_speech"].text() == "&Resume"
    assert actions["home"].toolTip().startswith("Back to the topics (")  # with its keys
    with pseudo_language():
        assert actions["pause_speech"].text() == "«&Resume»"
        assert actions["home"].statusTip() == "«Back to the topics»"
    assert actions["pause_speech"].text() == "&Resume"
    assert actions["stop_speech"].text() == "S&top"  # the others keep the table's words


class _Recorder:
    """Installed beside the pseudo-language: which (context, source, n) the window asked for."""

    def __init__(self) -> None:
        from tests.i18n_support import PseudoTranslator

        calls = self.calls = []

        class Recording(PseudoTranslator):
            def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[override]
                calls.append((context, source, n))
                return super().translate(context, source, disambiguation, n)

        self.translator = Recording()


def test_plurals_go_through_percent_n(qtbot, window: MainWindow) -> None:
    recorder = _Recorder()
    window.search_panel.field.setText("balloon")
    window.show_search_result(TOPIC, "kyphoplasty", ["balloon"])
    count = window.article.hit_count()
    app = QCoreApplication.instance()
    app.installTranslator(recorder.translator)
    try:
        QCoreApplication.processEvents()
        window.show_content_errors([ContentError(Path("a.yaml"), 3, "title", "missing")])
    finally:
        app.removeTranslator(recorder.translator)
        QCoreApplication.processEvents()
    assert ("HitNavigator", "%n hits", count) in recorder.calls
    assert ("ProblemsList", "%n files not loaded", 1) in recorder.calls
    assert not any(source[0].isdigit() for _, source, _ in recorder.calls)  # no count glued in


def test_texts_asked_for_at_run_time_are_the_ones_lupdate_extracts(qtbot, window, tmp_path) -> None:
    """A text passed through a helper that lupdate cannot see would never reach the translators."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET  # our own freshly written file

    import reader

    recorder = _Recorder()
    app = QCoreApplication.instance()
    app.installTranslator(recorder.translator)
    try:
        QCoreApplication.processEvents()
        dialog = ShortcutsDialog(window.action_table, window)
        qtbot.addWidget(dialog)
        window_texts(window)
        for count in (0, 1, 2):  # texts made from state, each form
            marked_text(count)
            hit_position_text(-1, count)
            problems_summary([ContentError(Path(f"{n}.yaml"), 1, "", "bad") for n in range(count)])
            problems_summary([ContentError(Path(f"{n}.yaml"), 1, "", "odd", "warning") for n in range(count)])
        render_empty_pack_html(tmp_path / "missing", [])
        render_empty_pack_html(tmp_path, [ContentError(tmp_path / "a.yaml", 1, "", "bad")])
        window.show_search_unavailable("disk full")
    finally:
        app.removeTranslator(recorder.translator)
        QCoreApplication.processEvents()
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    ts = tmp_path / "window.ts"
    subprocess.run(
        [str(lupdate), "-extensions", "py", str(Path(reader.__file__).parent), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    extracted = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    }
    ours = {(context, source) for context, source, _ in recorder.calls if context in WINDOW_CONTEXTS}
    assert len(ours) > 80
    assert ours - extracted == set()


WINDOW_CONTEXTS = {
    "Actions",
    "Dialogs",
    "DidYouMean",
    "EmptyPack",
    "HitNavigator",
    "LanguageMenu",
    "MainWindow",
    "ProblemsList",
    "SearchPanel",
    "ShortcutsDialog",
    "StatusWidgets",
    "TocModel",
    "TocView",
    "WindowParts",
}
