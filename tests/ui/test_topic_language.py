"""The reader is honest about content language (issue 16): the "available in English only"
notice, the interface-language version of a two-language topic with an offer of the other, one
table-of-contents entry per topic, and the version following the interface language."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.content.loader import load_content
from reader.i18n.switcher import language_controller
from reader.ui.main_window import MainWindow, WindowOptions
from reader.ui.settings import Settings
from reader.ui.theme import ThemeChoice, ThemeController
from reader.ui.toc import TOPIC_ID_ROLE
from tests.i18n_support import is_pseudo, pseudo_language

LANGUAGE_PACK = Path(__file__).resolve().parent.parent / "data" / "language_pack"  # test data only


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    theme = ThemeController(ThemeChoice.LIGHT)
    shown = MainWindow(
        load_content(LANGUAGE_PACK).topics, Settings(tmp_path / "r.ini"), theme, WindowOptions()
    )
    theme.setParent(shown)
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _listed(window: MainWindow) -> list[str]:
    model = window.toc.toc_model()
    return sorted(model.index(row, 0).data(TOPIC_ID_ROLE) for row in range(model.rowCount()))


def _current(window: MainWindow) -> str:
    topic = window.current_topic()
    assert topic is not None
    return topic.id


def test_english_only_notice_appears_in_a_spanish_interface_only(window: MainWindow) -> None:
    bar = window.topic_language.bar
    window.navigate("test-only-english")
    assert not bar.notice_shown() and bar.isHidden()  # English interface, English topic: nothing to say
    assert language_controller().switch("es")
    assert _current(window) == "test-only-english"  # it has no Spanish version: it stays
    assert bar.notice_shown() and bar.isVisible()
    with pseudo_language():  # the notice is marked and re-translated in place (no .qm yet)
        assert is_pseudo(bar.notice.text()) and "English only" in bar.notice.text()
        assert is_pseudo(bar.accessibleName())
    assert not is_pseudo(bar.notice.text())
    assert language_controller().switch("en")
    assert not bar.notice_shown() and bar.isHidden()


def test_a_two_language_topic_shows_the_interface_language_version_and_offers_the_other(
    qtbot, window: MainWindow
) -> None:
    bar = window.topic_language.bar
    window.navigate("test-bone-topic")
    assert _listed(window) == ["test-bone-topic", "test-only-english"]  # one entry per topic
    [offer] = bar.buttons
    assert offer.text() == "Leer este tema en español"  # named in its own language
    assert not bar.notice_shown()
    assert language_controller().switch("es")
    assert _current(window) == "test-bone-topic-es"  # follows the interface language
    assert _listed(window) == ["test-bone-topic-es", "test-only-english"]
    [offer] = bar.buttons
    assert offer.text() == "Read this topic in English" and not bar.notice_shown()
    offer.click()
    assert _current(window) == "test-bone-topic"  # the reader may still choose the original
    assert not bar.notice_shown()  # a version in Spanish exists: the offer back says enough
    assert [b.text() for b in bar.buttons] == ["Leer este tema en español"]
    assert language_controller().switch("en")
    assert _current(window) == "test-bone-topic"
    assert _listed(window) == ["test-bone-topic", "test-only-english"]


def test_the_offer_tooltip_follows_the_interface_language(window: MainWindow) -> None:
    window.navigate("test-bone-topic")
    [offer] = window.topic_language.bar.buttons
    assert offer.toolTip() and not is_pseudo(offer.toolTip())
    with pseudo_language():
        assert is_pseudo(offer.toolTip()) and is_pseudo(offer.accessibleDescription())
        assert offer.text() == "Leer este tema en español"  # content of the offer, not interface text


@pytest.mark.parametrize(("language", "first"), [("en", "test-bone-topic"), ("es", "test-bone-topic-es")])
def test_home_opens_the_first_topic_in_the_interface_language(window: MainWindow, language, first) -> None:
    """The pack's first file is the Spanish version: Home must not open it in English."""
    assert language_controller().switch(language)
    window.navigate("test-only-english")
    window.go_home()
    listed_first = window.toc.toc_model().index(0, 0).data(TOPIC_ID_ROLE)
    assert _current(window) == listed_first == first
