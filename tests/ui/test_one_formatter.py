"""One formatter per style: the article's reference list and cite tooltips, the references panel,
copying, the handout, the export and `main.py cite` all give the same hand-written strings."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.cite_command import cited_text
from reader.content import Topic, citation
from reader.ui.handout import handout_document
from reader.ui.references import ReferencesView
from reader.ui.render import RenderOptions, render_topic_html
from tests.content.test_citation import EXPECTED

TODAY = dt.date(2026, 11, 25)
IDS = ["klazen-2010", "buchbinder-2009", "kallmes-2009"]
STYLES = [(citation.VANCOUVER, "vancouver"), (citation.AMA, "ama")]


def _expected(key: str) -> list[str]:
    return [EXPECTED["bundled"][i][key] for i in IDS]


def _plain(page_html: str) -> str:
    document = QTextDocument()
    document.setHtml(page_html)
    return document.toPlainText()


@pytest.mark.parametrize(("style", "key"), STYLES)
def test_every_output_of_a_style_is_the_same_string(
    qtbot: QtBot, bundled_topic: Topic, tmp_path: Path, style: str, key: str
) -> None:
    expected = _expected(key)
    options = RenderOptions(today=TODAY, citation_style=style)

    page = render_topic_html(bundled_topic, options)
    article = _plain(page)
    assert all(line in article for line in expected)  # the article's reference list
    for line in expected[1:]:  # the [2, 3] marks' tooltips carry the same text
        assert f'title="{html.escape(line, quote=True)}"' in page

    handout = handout_document(bundled_topic, options).toPlainText()
    assert all(line in handout for line in expected)

    view = ReferencesView()
    qtbot.addWidget(view)
    view.set_topic(bundled_topic)
    view.style_combo.setCurrentIndex(view.style_combo.findData(style))
    assert [view.model.index(r).data() for r in range(3)] == expected  # the panel
    view.list.setCurrentIndex(view.model.index(2))
    view.copy_citation()
    assert QApplication.clipboard().text() == expected[2]  # copy one
    view.copy_all()
    assert QApplication.clipboard().text().splitlines() == [f"{n}. {t}" for n, t in enumerate(expected, 1)]

    cli = cited_text(bundled_topic, style).splitlines()
    assert [f"{n}. {t}" for n, t in enumerate(expected, 1)] == cli[3:6]  # after the title and "References"


def test_the_panels_export_and_the_cite_command_write_the_same_records(
    qtbot: QtBot, bundled_topic: Topic, tmp_path: Path
) -> None:
    from reader.cite_command import export_all

    view = ReferencesView()
    qtbot.addWidget(view)
    view.set_topic(bundled_topic)
    expected_ris = "\n".join(EXPECTED[f"{i.split('-')[0]}_ris"] for i in IDS)
    assert view.export(tmp_path / "refs.ris", citation.RIS)
    assert (tmp_path / "refs.ris").read_text("utf-8") == expected_ris
    assert export_all([bundled_topic], citation.RIS).startswith(expected_ris)
    expected_bib = "\n".join(EXPECTED[f"{i.split('-')[0]}_bibtex"] for i in IDS)
    assert view.export(tmp_path / "refs.bib", citation.BIBTEX)
    assert (tmp_path / "refs.bib").read_text("utf-8") == expected_bib
    assert export_all([bundled_topic], citation.BIBTEX).startswith(expected_bib)
