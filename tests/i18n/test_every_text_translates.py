"""At run time, every fixed text the window and the kiosk show goes through translation.

With the pseudo-language installed (every translated string comes out as «…»), each visible
label, button, action, menu, tab, tooltip, placeholder, accessible name and window title must
be pseudo-translated, empty, or content (topic titles and headings come from the publisher,
language names are written in their own language). Leaving the pseudo-language brings every
text back: nothing needs a restart."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

from reader.i18n import LANGUAGES
from reader.ui.main_window import MainWindow, WindowOptions
from reader.ui.settings import Settings
from reader.ui.theme import ThemeChoice, ThemeController
from tests.e2e.harness import PINNED_TODAY
from tests.i18n_support import is_pseudo, pseudo_language

NOT_WORDS = re.compile(r"^[\W\d_]*$")  # numbers, percentages, symbols: nothing to translate


def visible_texts(root: QWidget) -> dict[str, str]:
    """Every fixed text a user (or a screen reader) meets in `root`, keyed by where it is."""
    found: dict[str, str] = {}

    def add(where: str, text: str) -> None:
        if text and not NOT_WORDS.match(text):
            found[where] = text

    for number, widget in enumerate([root, *root.findChildren(QWidget)]):
        if not (widget is root or widget.isVisibleTo(root)):
            continue
        name = f"{type(widget).__name__}({widget.objectName() or number})"
        add(f"{name} tooltip", widget.toolTip())
        add(f"{name} accessible name", widget.accessibleName())
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(f"{name} text", widget.text())
        if isinstance(widget, QLineEdit):
            add(f"{name} placeholder", widget.placeholderText())
        if isinstance(widget, QDockWidget):
            add(f"{name} title", widget.windowTitle())
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(f"{name} tab {index}", widget.tabText(index))
    for menu in root.findChildren(QMenu):
        add(f"menu {menu.objectName()}", menu.title())
        for action in menu.actions():
            if not action.isSeparator():
                add(f"action {action.objectName() or action.text()} in menu", action.text())
                add(f"action {action.objectName() or action.text()} tooltip", action.toolTip())
    return found


def content_strings(topics) -> set[str]:
    strings = set(LANGUAGES.values())
    for topic in topics:
        strings.add(topic.title)
        for section in topic.sections:
            strings.add(section.title)
    return strings


def untranslated(texts: dict[str, str], content: set[str]) -> list[str]:
    return [
        f"{where}: {text!r}"
        for where, text in texts.items()
        if not is_pseudo(text) and text.replace("&", "") not in content and text not in content
    ]


def _shown_window(qtbot, topic, tmp_path: Path) -> MainWindow:
    """The window at a laptop's size with every view built (as after the first paint)."""
    theme = ThemeController(ThemeChoice.LIGHT)
    window = MainWindow(
        [topic], Settings(tmp_path / "r.ini"), theme, WindowOptions(clock=lambda: PINNED_TODAY)
    )
    theme.setParent(window)
    qtbot.addWidget(window)
    window.resize(1366, 714)
    window.show()
    qtbot.waitExposed(window)
    window.finish_building()
    QApplication.processEvents()
    return window


def test_every_window_text_translates_and_comes_back(qtbot, bundled_topic, tmp_path: Path) -> None:
    window = _shown_window(qtbot, bundled_topic, tmp_path)
    english = visible_texts(window)
    content = content_strings([bundled_topic])
    with pseudo_language():
        QApplication.processEvents()
        problems = untranslated(visible_texts(window), content)
        assert (
            window.windowTitle() == ""
            or is_pseudo(window.windowTitle())
            or bundled_topic.title in window.windowTitle()
        )
    assert not problems, f"{len(problems)} texts not translated:\n" + "\n".join(problems)
    back = visible_texts(window)
    assert not [t for t in back.values() if is_pseudo(t)], (
        "texts kept the pseudo-language after it was removed"
    )
    assert {k: back[k] for k in english if k in back} == {k: v for k, v in english.items() if k in back}


def test_every_kiosk_text_translates_and_comes_back(qtbot, bundled_topic, tmp_path: Path) -> None:
    from reader.kiosk.config import KioskConfig
    from reader.kiosk.pin import hash_pin
    from tests.kiosk.conftest import PIN, start_kiosk

    kiosk = start_kiosk(qtbot, [bundled_topic], tmp_path, KioskConfig(enabled=True, pin_hash=hash_pin(PIN)))
    try:
        english = visible_texts(kiosk.window)
        with pseudo_language():
            QApplication.processEvents()
            problems = untranslated(visible_texts(kiosk.window), content_strings([bundled_topic]))
        assert not problems, f"{len(problems)} texts not translated:\n" + "\n".join(problems)
        back = visible_texts(kiosk.window)
        assert not [t for t in back.values() if is_pseudo(t)]
        assert {k: back[k] for k in english if k in back} == {k: v for k, v in english.items() if k in back}
    finally:
        kiosk.session.stop()


def test_a_window_built_in_another_language_speaks_it_throughout(
    qtbot, bundled_topic, tmp_path: Path
) -> None:
    """Starting in Spanish builds the window after the switch: no part may set an English text
    of its own after the table's (read aloud's Pause did)."""
    with pseudo_language():
        window = _shown_window(qtbot, bundled_topic, tmp_path)
        problems = untranslated(visible_texts(window), content_strings([bundled_topic]))
        assert not problems, f"{len(problems)} texts not translated:\n" + "\n".join(problems)
        assert is_pseudo(window.action_table["pause_speech"].text())
