"""Language at the kiosk: every fixed text of the home page, the bars, the countdown, the
keyboard and the PIN pad is marked for translation and re-translated in place (shown with the
pseudo-language, which needs no catalogue); the language button switches the interface; a visit
starts and resets in the kiosk's own language; the kiosk file's `language` is checked."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from reader.content.model import Topic
from reader.i18n import LANGUAGES
from reader.i18n.switcher import LanguageController, language_controller, system_language
from reader.kiosk import language as kiosk_language_module
from reader.kiosk.config import KioskConfig, load_config
from reader.kiosk.language import LanguageButton, kiosk_language
from reader.kiosk.mode import KioskSession
from reader.kiosk.pin import PinGuard, hash_pin
from reader.kiosk.pin_overlay import PinOverlay
from reader.kiosk.printing import NO_PRINTER, PRINTING_CONTEXT
from tests.i18n_support import is_pseudo, pseudo_language
from tests.kiosk.conftest import Kiosk, start_kiosk

Texts = Callable[[], dict[str, str]]


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())


def _fixed_texts(session: KioskSession) -> dict[str, str]:
    """Every fixed text the kiosk itself shows or names (not the topic's own titles)."""
    home, bar, overlay = session.home, session.bar, session.overlay
    texts = {
        "home name": home.accessibleName(),
        "home title": home.title.text(),
        "home hint": home.hint.text(),
        "bar name": bar.accessibleName(),
        "countdown title": overlay.title.text(),
        "countdown message": overlay.message.text(),
        "countdown button": overlay.button.text(),
        "countdown tooltip": overlay.button.toolTip(),
        "keyboard name": session.keyboard.accessibleName(),
        "keyboard dock": session.keyboard_dock.windowTitle(),
        "status name": session.status.accessibleName(),
        "status": session.status.text(),
    }
    for key in ("clear", "space", "enter", "hide"):
        button = session.keyboard.keys[key]
        texts |= {f"key {key}": button.text(), f"key {key} tip": button.toolTip()}
    texts["key q tip"] = session.keyboard.keys["q"].toolTip()
    for button in home.buttons:
        kind = button.objectName().split("_")[2]
        if kind != "section":  # a section's title is content: never translated
            texts[f"{button.objectName()} text"] = button.label.text()
        texts[f"{button.objectName()} tip"] = button.toolTip()
    actions = session.window.action_table
    for name in ("back", "forward", "find", "zoom_out", "zoom_in"):
        tool = bar.widgetForAction(actions[name])
        assert isinstance(tool, QAbstractButton)
        texts[f"bar {name}"] = tool.text()
    for action in (session.home_action, session.print_action):
        tool = bar.widgetForAction(action)
        assert isinstance(tool, QAbstractButton)
        texts |= {f"bar {action.objectName()}": tool.text(), f"bar {action.objectName()} tip": tool.toolTip()}
    speech_bar = session.speech.bar
    assert speech_bar is not None and session.speech.speed_button is not None
    texts["speech bar"] = speech_bar.accessibleName()
    listen = speech_bar.widgetForAction(actions["listen"])
    assert isinstance(listen, QAbstractButton)
    texts["speech listen"] = listen.text()
    texts["speed"] = session.speech.speed_button.text()
    for place, language in (("home", home.language_button), ("bar", session.language_button)):
        texts |= {
            f"{place} language name": language.accessibleName(),
            f"{place} language tip": language.toolTip(),
        }
    return texts


@pytest.fixture
def printing_kiosk(qtbot: QtBot, bundled_topic: Topic, tmp_path: Path, pin_hash: str) -> Iterator[Kiosk]:
    config = KioskConfig(enabled=True, pin_hash=pin_hash, allow_printing=True)
    running = start_kiosk(qtbot, [bundled_topic], tmp_path, config)
    running.session.idle.stop()
    yield running
    running.session.stop()


def test_kiosk_texts_are_marked_and_retranslated_in_place(printing_kiosk: Kiosk) -> None:
    session = printing_kiosk.session
    session.overlay.show_countdown(17)
    session.status.set_message(PRINTING_CONTEXT, NO_PRINTER)
    english = _fixed_texts(session)
    assert all(english.values()), [name for name, text in english.items() if not text]
    assert not any(map(is_pseudo, english.values()))
    with pseudo_language():
        translated = _fixed_texts(session)
        unmarked = [f"{name}: {text!r}" for name, text in translated.items() if not is_pseudo(text)]
        assert unmarked == []
        assert "17" in session.overlay.message.text(), "the countdown keeps its seconds"
        section = next(b for b in session.home.buttons if "_section_" in b.objectName())
        assert not is_pseudo(section.label.text()), "content titles are never translated"
        assert session.home.language_button.text() == LANGUAGES["es"], "a language's own name stays"
    assert _fixed_texts(session) == english


def test_the_pin_pad_retranslates_its_texts_and_its_message(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    pad = PinOverlay(PinGuard(hash_pin("482913")), parent)
    pad.field.setText("111111")
    pad.try_unlock()
    widgets = (pad.prompt, pad.status, pad.unlock_button, pad.cancel_button)
    english = [w.text() for w in widgets] + [pad.accessibleName(), pad.field.toolTip()]
    assert english[1] == "That PIN is not right."
    with pseudo_language():
        texts = [w.text() for w in widgets] + [pad.accessibleName(), pad.field.toolTip()]
        assert all(map(is_pseudo, texts)), texts
    assert [w.text() for w in widgets] + [pad.accessibleName(), pad.field.toolTip()] == english


def test_the_pad_without_a_pin_is_marked_too(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    pad = PinOverlay(PinGuard(""), parent)
    with pseudo_language():
        assert is_pseudo(pad.prompt.text()) and "health-reader kiosk-pin" in pad.prompt.text()
        assert is_pseudo(pad.cancel_button.text())


def test_the_language_buttons_switch_and_name_the_other_language(qtbot: QtBot, kiosk: Kiosk) -> None:
    session = kiosk.session
    controller = language_controller()
    assert controller.current == "en"
    home_button, bar_button = session.home.language_button, session.language_button
    assert home_button.text() == bar_button.text() == "Español"
    assert min(home_button.height(), bar_button.height()) >= 64, "finger-sized"
    with qtbot.waitSignal(controller.changed):
        _click(qtbot, home_button)
    assert controller.current == "es"
    assert home_button.text() == bar_button.text() == "English"
    with qtbot.waitSignal(controller.changed):
        _click(qtbot, bar_button)
    assert controller.current == "en"
    assert home_button.text() == "Español"


def test_the_idle_reset_returns_to_the_kiosks_language(
    qtbot: QtBot, bundled_topic: Topic, tmp_path: Path
) -> None:
    config = KioskConfig(enabled=True, idle_seconds=30, warning_seconds=20, language="es")
    running = start_kiosk(qtbot, [bundled_topic], tmp_path, config, second_ms=10)
    try:
        session, controller = running.session, language_controller()
        assert session.default_language == "es"
        assert controller.current == "es", "the kiosk file's language is applied at start"
        with qtbot.waitSignal(controller.changed):
            _click(qtbot, session.language_button)
        assert controller.current == "en"
        with qtbot.waitSignal(session.idle.resetRequested, timeout=5000):
            pass  # nobody touches the screen: the idle time runs out
        assert controller.current == "es"
        assert session.language_button.text() == "English"
    finally:
        running.session.stop()


def test_the_start_language_is_the_files_else_the_option_else_the_systems() -> None:
    assert kiosk_language(KioskConfig(language="en"), "es") == "en"
    assert kiosk_language(KioskConfig(), "es_MX") == "es"
    assert kiosk_language(KioskConfig(), "fr") == system_language()
    assert kiosk_language(KioskConfig(), None) == system_language()


def test_the_file_names_a_language(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.yaml"
    path.write_text("enabled: true\nlanguage: es\n", "utf-8")
    loaded = load_config(path)
    assert loaded.errors == () and loaded.config.language == "es"


def test_an_unknown_language_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.yaml"
    path.write_text("enabled: true\nidle_seconds: 120\nlanguage: klingon\n", "utf-8")
    loaded = load_config(path)
    assert loaded.config.language == "" and loaded.config.enabled
    (error,) = loaded.errors
    assert (error.path, error.line, error.field) == (path, 3, "language")
    assert str(error).startswith(f"{path}:3: language: must be one of en, es")
    assert "'klingon'" in str(error)
    path.write_text("language: 7\n", "utf-8")
    (error,) = load_config(path).errors
    assert error.field == "language" and "must be text" in error.message


class ThreeLanguages(LanguageController):
    """A controller with a third language, to show the button offers a choice."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    @property
    def available(self) -> tuple[str, ...]:
        return ("en", "es", "fr")

    def switch(self, code: str) -> bool:
        self.asked.append(code)
        return True


def test_with_more_languages_the_button_offers_a_choice(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(kiosk_language_module.LANGUAGES, "fr", "Français")
    controller = ThreeLanguages()
    button = LanguageButton(controller=controller)
    qtbot.addWidget(button)
    assert button.text() == "Español / Français"
    choices = [action.text() for action in button.choices.actions()]
    assert choices == ["Español", "Français"]
    button.choices.actions()[1].trigger()
    assert controller.asked == ["fr"]
    with pseudo_language():
        assert is_pseudo(button.accessibleName()) and is_pseudo(button.toolTip())


def test_the_home_lists_the_version_in_the_interface_language(qtbot, tmp_path: Path) -> None:
    """A topic in two languages: the kiosk home follows the contents' choice when the patient
    switches language (test-only pack, tests/data/language_pack)."""
    from reader.content.loader import load_content
    from tests.kiosk.conftest import PIN

    pack = Path(__file__).resolve().parent.parent / "data" / "language_pack"
    config = KioskConfig(enabled=True, pin_hash=hash_pin(PIN), language="en")
    kiosk = start_kiosk(qtbot, list(load_content(pack).topics), tmp_path, config)
    try:

        def listed() -> set[str]:
            return {name.split("_")[1] for name in (b.objectName() for b in kiosk.session.home.buttons)}

        assert listed() == {"test-bone-topic", "test-only-english"}
        assert language_controller().switch("es")
        assert listed() == {"test-bone-topic-es", "test-only-english"}
        assert language_controller().switch("en")
        assert listed() == {"test-bone-topic", "test-only-english"}
    finally:
        kiosk.session.stop()


def test_the_same_topics_keep_their_buttons_across_a_language_change(kiosk: Kiosk) -> None:
    """An English-only pack lists the same topics in every language: nothing is rebuilt, the
    buttons re-translate in place (a kiosk with many topics must not rebuild its home per tap)."""
    before = list(kiosk.session.home.buttons)
    assert language_controller().switch("es")
    assert kiosk.session.home.buttons == before
    assert all(not shiboken_deleted(button) for button in before)


def shiboken_deleted(widget: QWidget) -> bool:
    import shiboken6

    return not shiboken6.isValid(widget)
