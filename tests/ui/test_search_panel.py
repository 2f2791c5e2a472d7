"""The search panel driven like a user: type, wait for results, pick one, follow "did you mean"."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPalette

import reader
from reader.search.service import Hit as FakeHit  # the real types: the fake cannot drift
from reader.search.service import SearchResult as FakeResult
from reader.ui.search_panel import PREPARING, SearchPanel
from reader.ui.search_results import (
    SearchResultsModel,
    build_result_document,
    contrast_ratio,
    mark_background,
    muted_text_colour,
)
from reader.ui.search_worker import SearchBackend

DEBOUNCE_MS = 40
SERVICE_MODULE = Path(reader.__file__).parent / "search" / "service.py"
TOPIC = "vertebroplasty-kyphoplasty"
TOPIC_TITLE = "Vertebroplasty and Kyphoplasty"


def hit(section_id: str, title: str, snippet: str, terms: tuple[str, ...]) -> FakeHit:
    return FakeHit(TOPIC, TOPIC_TITLE, section_id, title, 1.0, snippet, terms)


KYPHOPLASTY = hit(
    "kyphoplasty",
    "Kyphoplasty",
    "The doctor inflates the <mark>balloon</mark> and then deflates it.",
    ("balloon",),
)
COMPARISON = hit(
    "effectiveness",
    "How well do these surgeries work?",
    "Kyphoplasty uses a <mark>balloon</mark> to make space for the cement &amp; bone.",
    ("balloon",),
)
STALE = hit("overview", "Old answer", "An answer to an older query.", ("kypho",))

ANSWERS = {
    "balloon": FakeResult("balloon", None, 2, (KYPHOPLASTY, COMPARISON)),
    "kyphoplasty": FakeResult("kyphoplasty", None, 1, (KYPHOPLASTY,)),
    "kypho": FakeResult("kypho", None, 1, (STALE,)),
    "kyphoplsty": FakeResult("kyphoplsty", "kyphoplasty", 0, ()),
    "kyph": FakeResult("kyph", "kyphoplasty", 1, (KYPHOPLASTY,)),
}


@dataclass
class FakeService:
    """Same shape as reader.search.service.SearchService; a query can be held back on a gate."""

    answers: dict[str, FakeResult]
    completions: dict[str, list[str]] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)
    gates: dict[str, threading.Event] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def search(self, query: str, limit: int = 20) -> FakeResult:
        self.calls.append(query)
        self.started.add(query)
        gate = self.gates.get(query)
        if gate is not None:
            gate.wait(timeout=30)  # released by the test; the timeout only guards against a hang
        return self.answers.get(query, FakeResult(query, None, 0, ()))

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        return self.completions.get(prefix.casefold(), [])[:limit]

    def hold(self, query: str) -> threading.Event:
        self.gates[query] = threading.Event()
        return self.gates[query]

    def release_all(self) -> None:
        for gate in self.gates.values():
            gate.set()


@pytest.fixture
def fake() -> FakeService:
    return FakeService(dict(ANSWERS), completions={"kyph": ["kyphoplasty", "kyphosis"]})


def shown_panel(qtbot, service: SearchBackend) -> SearchPanel:
    widget = SearchPanel(debounce_ms=DEBOUNCE_MS)
    qtbot.addWidget(widget)
    widget.set_service(service)
    widget.resize(420, 560)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def panel(qtbot, fake: FakeService) -> Iterator[SearchPanel]:
    widget = shown_panel(qtbot, fake)
    yield widget
    fake.release_all()
    widget.runner.wait()


@pytest.fixture
def real_panel(qtbot, bundled_result, tmp_path: Path) -> Iterator[SearchPanel]:
    """The panel over the real search service and the bundled content, index in a temp dir."""
    if not SERVICE_MODULE.exists():  # written in parallel: these tests run once it is in the tree
        pytest.skip("reader/search/service.py has not landed yet")
    from reader.search.service import SearchService

    service = SearchService(bundled_result.topics, index_dir=tmp_path / "index")
    service.ensure_index()
    widget = shown_panel(qtbot, service)
    yield widget
    widget.runner.wait()
    service.close()


def titles(panel: SearchPanel) -> list[str]:
    model = panel.results_model
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def search(qtbot, panel: SearchPanel, text: str, rows: int) -> None:
    qtbot.keyClicks(panel.field, text)
    qtbot.waitUntil(lambda: panel.results_model.rowCount() == rows and panel.field.text() == text)


def test_typing_shows_results_after_a_pause_with_one_search(qtbot, panel, fake):
    qtbot.keyClicks(panel.field, "balloon")
    assert titles(panel) == []  # nothing searched while the user is still typing

    qtbot.waitUntil(lambda: panel.results_model.rowCount() == 2)
    assert "Kyphoplasty — Vertebroplasty and Kyphoplasty" in titles(panel)
    assert panel.status_label.text() == "2 results"
    assert panel.results_view.isVisible()
    assert fake.calls == ["balloon"]


def test_an_older_slow_answer_never_replaces_a_newer_one(qtbot, panel, fake):
    gate = fake.hold("kypho")
    qtbot.keyClicks(panel.field, "kypho")
    qtbot.waitUntil(lambda: "kypho" in fake.started)

    qtbot.keyClicks(panel.field, "plasty")  # typing goes on while "kypho" is still running
    qtbot.waitUntil(lambda: panel.status_label.text() == "1 result")
    assert titles(panel) == ["Kyphoplasty — Vertebroplasty and Kyphoplasty"]

    with qtbot.waitSignal(panel.runner.discarded) as dropped:
        gate.set()
    assert dropped.args == ["search", "kypho"]
    assert titles(panel) == ["Kyphoplasty — Vertebroplasty and Kyphoplasty"]
    assert panel.status_label.text() == "1 result"


def test_did_you_mean_runs_the_suggestion(qtbot, panel, fake):
    qtbot.keyClicks(panel.field, "kyphoplsty")
    qtbot.waitUntil(panel.suggestion_row.isVisible)
    assert panel.suggestion_label.text() == "Did you mean:"
    assert panel.suggestion_button.text() == "kyphoplasty"

    qtbot.mouseClick(panel.suggestion_button, Qt.MouseButton.LeftButton)
    assert panel.field.text() == "kyphoplasty"
    qtbot.waitUntil(lambda: titles(panel) == ["Kyphoplasty — Vertebroplasty and Kyphoplasty"])
    assert not panel.suggestion_row.isVisible()
    assert fake.calls == ["kyphoplsty", "kyphoplasty"]


def test_did_you_mean_is_reachable_by_keyboard_with_a_visible_focus_ring(qtbot, panel, fake):
    panel.activateWindow()
    panel.focus_search()
    qtbot.waitUntil(panel.field.hasFocus)
    qtbot.keyClicks(panel.field, "kyphoplsty")
    qtbot.waitUntil(panel.suggestion_row.isVisible)
    ring = panel.palette().color(QPalette.ColorRole.Highlight)
    assert count_colour(panel.suggestion_button.grab().toImage(), ring) == 0

    qtbot.keyClick(panel.field, Qt.Key.Key_Tab)
    assert panel.suggestion_button.hasFocus()
    assert count_colour(panel.suggestion_button.grab().toImage(), ring) > 20
    qtbot.keyClick(panel.suggestion_button, Qt.Key.Key_Return)
    assert panel.field.text() == "kyphoplasty"
    qtbot.waitUntil(lambda: titles(panel) == ["Kyphoplasty — Vertebroplasty and Kyphoplasty"])


def test_no_results_says_so_with_tips(qtbot, panel):
    qtbot.keyClicks(panel.field, "zzzzqqq")
    qtbot.waitUntil(lambda: panel.status_label.text() == "No results for “zzzzqqq”")
    assert panel.status_label.font().bold()
    tips = panel.message_body.text()
    for tip in ("checking the spelling", "fewer words", "a more general word"):
        assert tip in tips
    assert not panel.results_view.isVisible()
    assert not panel.suggestion_row.isVisible()


def test_the_query_is_shown_as_text_never_as_markup(qtbot, panel):
    qtbot.keyClicks(panel.field, "<b>x</b>")
    qtbot.waitUntil(lambda: panel.status_label.text() == "No results for “<b>x</b>”")
    assert panel.status_label.textFormat() == Qt.TextFormat.PlainText


def test_clicking_a_result_opens_that_section_with_its_terms(qtbot, panel):
    search(qtbot, panel, "balloon", rows=2)
    view = panel.results_view
    centre = view.visualRect(panel.results_model.index(1)).center()
    with qtbot.waitSignal(panel.resultActivated) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened.args == [TOPIC, "effectiveness", ["balloon"], ""]


def test_enter_in_the_field_opens_the_first_result(qtbot, panel):
    search(qtbot, panel, "balloon", rows=2)
    with qtbot.waitSignal(panel.resultActivated) as opened:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert opened.args == [TOPIC, "kyphoplasty", ["balloon"], ""]


def test_enter_before_the_pause_ends_opens_the_first_result_of_that_query(qtbot, panel, fake):
    qtbot.keyClicks(panel.field, "kyphoplasty")
    with qtbot.waitSignal(panel.resultActivated) as opened:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert opened.args == [TOPIC, "kyphoplasty", ["balloon"], ""]
    assert fake.calls == ["kyphoplasty"]  # Enter ran the pending search; the timer did not run it again


def test_arrow_down_moves_into_the_list_and_enter_opens(qtbot, panel):
    search(qtbot, panel, "balloon", rows=2)
    panel.activateWindow()
    panel.focus_search()
    qtbot.waitUntil(panel.field.hasFocus)

    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.results_view.hasFocus()
    assert panel.results_view.currentIndex().row() == 0
    qtbot.keyClick(panel.results_view, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.resultActivated) as opened:
        qtbot.keyClick(panel.results_view, Qt.Key.Key_Return)
    assert opened.args == [TOPIC, "effectiveness", ["balloon"], ""]

    qtbot.keyClick(panel.results_view, Qt.Key.Key_Up)
    qtbot.keyClick(panel.results_view, Qt.Key.Key_Up)  # up from the first result: back to typing
    assert panel.field.hasFocus()


def test_escape_in_the_field_clears_the_search(qtbot, panel):
    search(qtbot, panel, "balloon", rows=2)
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert panel.field.text() == ""
    assert titles(panel) == []
    assert not panel.status_label.isVisible()


def test_completions_come_from_the_service(qtbot, panel):
    panel.activateWindow()
    panel.focus_search()
    qtbot.waitUntil(panel.field.hasFocus)
    qtbot.keyClicks(panel.field, "kyph")
    popup = panel.field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert shown == ["kyphoplasty", "kyphosis"]

    first = popup.model().index(0, 0)
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(first).center())
    assert panel.field.text() == "kyphoplasty"
    qtbot.waitUntil(lambda: titles(panel) == ["Kyphoplasty — Vertebroplasty and Kyphoplasty"])


def test_clear_empties_field_results_completions_and_suggestion(qtbot, panel):
    panel.activateWindow()
    panel.focus_search()
    qtbot.waitUntil(panel.field.hasFocus)
    qtbot.keyClicks(panel.field, "kyph")
    popup = panel.field.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible() and panel.suggestion_row.isVisible())
    assert panel.results_model.rowCount() == 1

    panel.clear()
    assert panel.field.text() == ""
    assert titles(panel) == []
    assert not popup.isVisible()
    assert popup.model().rowCount() == 0
    assert not panel.suggestion_row.isVisible()
    assert not panel.status_label.isVisible()


def test_focus_search_selects_what_was_typed(qtbot, panel):
    qtbot.keyClicks(panel.field, "balloon")
    panel.activateWindow()
    panel.focus_search()
    qtbot.waitUntil(panel.field.hasFocus)
    assert panel.field.selectedText() == "balloon"


def test_without_a_service_the_panel_waits_then_runs_what_was_typed(qtbot, fake):
    panel = SearchPanel(debounce_ms=DEBOUNCE_MS)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.message_title.text() == PREPARING
    assert panel.field.isEnabled()  # typeable, only looks disabled
    looks = panel.field.palette()
    disabled = looks.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert looks.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text) == disabled

    qtbot.keyClicks(panel.field, "balloon")
    panel.set_service(fake)
    qtbot.waitUntil(lambda: panel.results_model.rowCount() == 2)
    assert fake.calls == ["balloon"]
    assert panel.field.palette().color(QPalette.ColorRole.Text) != disabled

    panel.set_service(None)  # the index is being rebuilt: old results are withdrawn
    assert panel.message_title.text() == PREPARING
    assert titles(panel) == []
    panel.runner.wait()


def test_results_model_passes_the_model_tester(qtmodeltester):
    model = SearchResultsModel()
    model.set_hits((KYPHOPLASTY, COMPARISON))
    qtmodeltester.check(model, force_py=True)
    model.set_hits((KYPHOPLASTY,))
    model.clear()
    assert model.rowCount() == 0


def test_snippets_show_markup_other_than_mark_as_literal_text():
    evil = hit("x", "<i>Title</i>", '<img src="x.png"> &lt;b&gt; <b>raw</b> <mark>balloon</mark>!', ())
    doc = build_result_document(evil, QFont(), QPalette(), selected=False)
    lines = doc.toPlainText().split("\n")
    assert lines[0] == "<i>Title</i>"
    assert lines[2] == '<img src="x.png"> <b> <b>raw</b> balloon!'
    block = doc.findBlockByNumber(2)
    emphasised = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        assert not fragment.charFormat().isImageFormat()
        if fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
            emphasised.append(fragment.text())
        it += 1
    assert emphasised == ["balloon"]


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#171717",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2d2e31",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.Mid: "#3c4043",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.mark.parametrize("palette", [QPalette, dark_palette], ids=["light", "dark"])
def test_result_colours_keep_text_readable(qtbot, palette):
    pal = palette()
    text, base = pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)
    assert contrast_ratio(text, mark_background(pal)) >= 4.5
    assert contrast_ratio(muted_text_colour(text, base), base) >= 4.5


@pytest.mark.parametrize("palette", [QPalette, dark_palette], ids=["light", "dark"])
def test_did_you_mean_is_drawn_in_the_themes_link_colour(qtbot, panel, palette):
    panel.setPalette(palette())
    link = palette().color(QPalette.ColorRole.Link)
    assert panel.suggestion_button.palette().color(QPalette.ColorRole.ButtonText) == link


def count_colour(image: QImage, colour: QColor) -> int:
    target = colour.rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == target)


@pytest.mark.parametrize("palette", [QPalette, dark_palette], ids=["light", "dark"])
def test_matches_are_painted_highlighted(qtbot, panel, palette):
    panel.setPalette(palette())
    search(qtbot, panel, "balloon", rows=2)
    image = panel.results_view.viewport().grab().toImage()
    mark = mark_background(panel.results_view.palette())
    assert count_colour(image, mark) > 200  # two highlighted words, each a filled box
    text = panel.results_view.palette().color(QPalette.ColorRole.Text)
    assert count_colour(image, text) > 50  # glyphs drawn, not empty boxes


def test_everything_grows_with_the_font_size(qtbot, panel):
    search(qtbot, panel, "kyphoplsty", rows=0)
    qtbot.waitUntil(panel.suggestion_row.isVisible)
    panel.clear()
    search(qtbot, panel, "balloon", rows=2)
    view = panel.results_view
    first = panel.results_model.index(0)
    normal = view.visualRect(first).height()
    big = QFont(panel.font())
    big.setPointSizeF(big.pointSizeF() * 2)
    panel.setFont(big)  # what zoom and the kiosk's large text do
    qtbot.waitUntil(lambda: view.visualRect(first).height() > 1.6 * normal)
    assert view.visualRect(first).height() >= 44  # a comfortable touch target at kiosk size
    for label in (panel.field, panel.status_label, panel.suggestion_button, panel.message_body):
        assert label.font().pointSizeF() == big.pointSizeF()
    assert panel.suggestion_button.font().underline()


def test_rows_wrap_to_a_narrow_panel(qtbot, panel):
    search(qtbot, panel, "balloon", rows=2)
    view = panel.results_view
    second = panel.results_model.index(1)
    wide = view.visualRect(second).height()
    panel.resize(220, 560)
    qtbot.waitUntil(lambda: view.visualRect(second).height() > wide)
    assert view.visualRect(second).right() <= view.viewport().width()


def test_every_control_has_a_name_and_a_tooltip(panel):
    for widget in (panel.field, panel.suggestion_button, panel.results_view):
        assert widget.accessibleName()
        assert widget.toolTip()
    assert panel.field.placeholderText() == "Search topics"
    assert panel.field.isClearButtonEnabled()


def test_a_click_outside_any_row_opens_nothing(qtbot, panel):
    search(qtbot, panel, "kyphoplasty", rows=1)
    view = panel.results_view
    below = QPoint(10, view.visualRect(panel.results_model.index(0)).bottom() + 20)
    with qtbot.assertNotEmitted(panel.resultActivated):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=below)


# --- against the real service on the bundled content ------------------------------------------


def test_real_search_for_balloon_finds_kyphoplasty_and_opens_it(qtbot, real_panel):
    qtbot.keyClicks(real_panel.field, "balloon")
    qtbot.waitUntil(lambda: real_panel.results_model.rowCount() > 0)
    assert "Kyphoplasty — Vertebroplasty and Kyphoplasty" in titles(real_panel)
    assert real_panel.status_label.text() == "1 result"
    with qtbot.waitSignal(real_panel.resultActivated) as opened:
        qtbot.keyClick(real_panel.field, Qt.Key.Key_Return)
    assert opened.args == [TOPIC, "kyphoplasty", ["balloon"], ""]


def test_real_misspelling_offers_and_runs_the_correction(qtbot, real_panel):
    qtbot.keyClicks(real_panel.field, "kyphoplsty")
    qtbot.waitUntil(real_panel.suggestion_row.isVisible)
    assert real_panel.suggestion_button.text() == "kyphoplasty"
    assert real_panel.status_label.text().startswith("No results for “kyphoplsty”; showing")

    qtbot.mouseClick(real_panel.suggestion_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not real_panel.suggestion_row.isVisible())
    assert real_panel.field.text() == "kyphoplasty"
    assert real_panel.status_label.text().endswith("results")
    assert "Kyphoplasty — Vertebroplasty and Kyphoplasty" in titles(real_panel)


def test_real_search_with_no_match_shows_the_tips(qtbot, real_panel):
    qtbot.keyClicks(real_panel.field, "zzzzqqq")
    qtbot.waitUntil(lambda: real_panel.status_label.text() == "No results for “zzzzqqq”")
    assert "checking the spelling" in real_panel.message_body.text()
    assert titles(real_panel) == []


def test_real_completions_offer_titles_and_words(qtbot, real_panel):
    real_panel.activateWindow()
    real_panel.focus_search()
    qtbot.waitUntil(real_panel.field.hasFocus)
    qtbot.keyClicks(real_panel.field, "vert")
    popup = real_panel.field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert "Vertebroplasty and Kyphoplasty" in shown
    assert "vertebral" in shown


def test_search_field_is_a_comfortable_target(qtbot) -> None:
    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.resize(340, 500)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.field.height() >= 32  # Qt's default line edit is about 22 px
    font = panel.font()
    font.setPointSize(font.pointSize() * 2)
    panel.setFont(font)
    qtbot.waitUntil(lambda: panel.field.height() >= panel.field.fontMetrics().height() * 1.8)
