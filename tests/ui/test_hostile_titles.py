"""Titles, names and sentences that look like HTML are shown as the text they are, in every view:
no image is loaded, no link drawn, no heading or bold applied, no '&' eaten as a shortcut mark.

Qt shows a QLabel's text and any tooltip as rich text when it *looks like* HTML (AutoText), and
takes '&' in a button's text as a mnemonic. The walk below renders every label, button and
tooltip of the window and of the kiosk the way Qt would, and asserts the hostile pieces survive.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from reader.content import citation
from reader.content.loader import load_topic_file
from reader.content.model import Topic
from reader.kiosk.config import KioskConfig
from reader.search.service import Hit, SearchResult
from reader.ui.handout import handout_document
from reader.ui.main_window import MainWindow, WindowOptions
from reader.ui.render import RenderOptions
from reader.ui.search_results import build_result_document
from reader.ui.settings import Settings
from reader.ui.theme import ThemeChoice, ThemeController
from tests.conftest import BUNDLED_TOPIC
from tests.e2e.harness import PINNED_TODAY
from tests.kiosk.conftest import start_kiosk

MARK = "Hostile"  # in every hostile text: where it is shown, the markup must be shown too
IMG = '<img src="/tmp/hostile.png">'
LINK = '<a href="https://example.org/x">link</a>'
HEADING = '<h1 style="font-size:90px;color:red">big</h1>'
BOLD = "<b>bold</b>"
AMP = "R&D [*]"  # '&' is a button mnemonic, "[*]" the window title's modified mark
PIECES = (IMG, LINK, HEADING, BOLD, AMP)


def hostile(what: str) -> str:
    return f"{IMG} {MARK} {what} {LINK} {HEADING} {BOLD} {AMP}"


@pytest.fixture(scope="module")
def hostile_topic(tmp_path_factory: pytest.TempPathFactory) -> Topic:
    """The bundled topic with markup in its title, section titles, a sentence, the comparison's
    labels and names, and a reference title."""
    data: dict[str, Any] = yaml.safe_load(BUNDLED_TOPIC.read_text("utf-8"))
    data = copy.deepcopy(data)
    data["title"] = hostile("topic")
    for n, section in enumerate(data["sections"]):
        section["title"] = hostile(f"section {n}")
    data["sections"][0]["blocks"][0]["paragraph"][0]["text"] = hostile("sentence")
    for attribute in data["comparison"]["attributes"]:
        attribute["label"] = hostile("attribute")
    for procedure in data["comparison"]["procedures"]:
        procedure["name"] = hostile("procedure")
    data["references"][0]["title"] = hostile("reference")
    path = tmp_path_factory.mktemp("hostile") / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    topic, errors = load_topic_file(path)
    assert topic is not None, [str(e) for e in errors]
    return topic


class HostileSearch:
    """Hits, a suggestion and completions that carry markup."""

    def search(self, query: str, limit: int = 20) -> SearchResult:
        hit = Hit(
            "x", hostile("topic"), "overview", hostile("section"), 1.0, "a <mark>word</mark>", ("word",)
        )
        return SearchResult(query, hostile("suggestion"), 1, (hit,))

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        return [f"{prefix} {hostile('completion')}"]


def shown_as(text: str, rich: bool) -> str:
    """What Qt draws for `text`: its plain text after HTML interpretation when it takes it as rich."""
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _tooltip_shown(tip: str) -> str:
    return shown_as(tip, QtGui.Qt.mightBeRichText(tip))


def _label_shown(label: QLabel) -> str:
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    return shown_as(text, rich)


def _button_shown(button: QAbstractButton) -> str:
    """A button draws '&&' as '&' and hides a single '&' (it marks the shortcut letter)."""
    return button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def _model_tooltips(model: QAbstractItemModel | None, parent: QModelIndex | None = None) -> Iterator[str]:
    if model is None:
        return
    parent = parent or QModelIndex()
    try:
        columns = max(1, model.columnCount(parent))
    except TypeError:  # a list model hides columnCount() and hasChildren()
        columns = 1
    for row in range(min(model.rowCount(parent), 100)):
        for column in range(columns):
            index = model.index(row, column, parent)
            yield str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
            if column == 0 and columns == 1 and model.rowCount(index) > 0:  # a tree (the TOC)
                yield from _model_tooltips(model, index)


def _everything_shown(root: QWidget) -> list[tuple[str, str]]:
    """(where, what Qt shows) for every label, button and tooltip under `root`."""
    shown = [("window title", root.windowTitle().replace("[*][*]", "[*]"))]
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()}"
        shown.append((f"tooltip of {where}", _tooltip_shown(widget.toolTip())))
        if isinstance(widget, QLabel):
            shown.append((f"text of {where}", _label_shown(widget)))
        if isinstance(widget, QAbstractButton):
            shown.append((f"text of {where}", _button_shown(widget)))
        if isinstance(widget, QAbstractItemView):
            shown += [(f"row tooltip of {where}", _tooltip_shown(t)) for t in _model_tooltips(widget.model())]
    return shown


def assert_literal(shown: list[tuple[str, str]]) -> int:
    """Every shown text with MARK in it shows every hostile piece as typed; returns how many."""
    checked = 0
    for where, text in shown:
        if MARK not in text:
            continue
        checked += 1
        missing = [piece for piece in PIECES if piece not in text]
        assert not missing, f"{where} interprets {missing}: {text!r}"
    return checked


def _window(qtbot: QtBot, topic: Topic, tmp_path: Path) -> MainWindow:
    theme = ThemeController(ThemeChoice.LIGHT)
    window = MainWindow(
        [topic], Settings(tmp_path / "r.ini"), theme, WindowOptions(clock=lambda: PINNED_TODAY)
    )
    theme.setParent(window)
    qtbot.addWidget(window)
    return window


def _search(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.search_panel
    panel.set_service(HostileSearch())
    window.focus_search()
    qtbot.keyClicks(panel.field, "wo")
    qtbot.waitUntil(lambda: panel.results_model.rowCount() == 1 and panel.suggestion_row.isVisible())
    qtbot.waitUntil(lambda: panel.field.completer().completionModel().rowCount() > 0)


def test_the_window_shows_hostile_titles_as_text(qtbot: QtBot, hostile_topic: Topic, tmp_path: Path) -> None:
    window = _window(qtbot, hostile_topic, tmp_path)
    window.show()
    _search(qtbot, window)
    window.comparison.select_cell(0, 0)
    window.references.list.setCurrentIndex(window.references.model.index(0))
    shown = _everything_shown(window)
    completer = window.search_panel.field.completer()
    shown += [("completion", str(completer.completionModel().index(0, 0).data()))]
    assert assert_literal(shown) >= 10  # title, TOC rows, comparison cells, results, suggestion...


def test_the_kiosk_shows_hostile_titles_as_text(qtbot: QtBot, hostile_topic: Topic, tmp_path: Path) -> None:
    kiosk = start_kiosk(qtbot, [hostile_topic], tmp_path, KioskConfig(enabled=True))
    try:
        _search(qtbot, kiosk.window)
        shown = _everything_shown(kiosk.window)
        for widget in QApplication.topLevelWidgets():  # the suggestion list floats on its own
            if widget is not kiosk.window and widget.isVisible():
                shown += _everything_shown(widget)
        checked = assert_literal(shown)
        home_texts = [text for where, text in shown if "ChoiceButton" in where or "QLabel" in where]
        assert sum(MARK in text for text in home_texts) >= len(hostile_topic.sections) + 1
        assert checked >= 20
    finally:
        kiosk.session.stop()


def test_rendered_pages_show_hostile_titles_as_text(
    qtbot: QtBot, hostile_topic: Topic, tmp_path: Path
) -> None:
    """The article, the comparison's quote, the handout (and so the PDF), a reference and a
    search result are documents built from escaped text: their plain text keeps the markup."""
    window = _window(qtbot, hostile_topic, tmp_path)
    window.comparison.select_cell(0, 0)
    handout = handout_document(hostile_topic, RenderOptions(today=PINNED_TODAY))
    reference = QTextDocument()
    reference.setHtml(citation.citation_html(hostile_topic.references[0], citation.VANCOUVER))
    result = build_result_document(
        HostileSearch().search("x").hits[0], window.font(), window.palette(), False
    )
    documents = {
        "article": window.article.toPlainText(),
        "comparison quote": window.comparison.quote.toPlainText(),
        "handout": handout.toPlainText(),
        "handout title": handout.metaInformation(QTextDocument.MetaInformation.DocumentTitle),
        "reference": reference.toPlainText(),
        "search result": result.toPlainText(),
    }
    assert assert_literal(list(documents.items())) == len(documents)


def test_every_label_is_made_by_the_plain_text_helper() -> None:
    """The rule lives in one place: no module makes a QLabel (AutoText) of its own."""
    package = Path(__file__).resolve().parents[2] / "reader"
    helper = package / "ui" / "plaintext.py"
    offenders = [
        f"{path.relative_to(package)}:{n}"
        for path in package.rglob("*.py")
        if path != helper
        for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if "QLabel(" in line
    ]
    assert not offenders, "use reader.ui.plaintext.plain_label: " + ", ".join(offenders)
