"""Issue 16 for what the reader reads: the article's, comparison's, references' and handout's
fixed texts, the About and handout dialogs and the read-aloud bar are marked for translation and
re-translate in place (and back to English) without a restart, keeping the reading position."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.content.model import Topic
from reader.ui.about import AboutDialog, AboutFacts, PackFacts
from reader.ui.article import ArticleView
from reader.ui.comparison import ComparisonView
from reader.ui.handout import handout_document
from reader.ui.handout_content import FooterFacts
from reader.ui.handout_dialog import PRINT, HandoutDialog
from reader.ui.handout_pages import footer_lines
from reader.ui.references import ReferencesView
from reader.ui.render import RenderOptions
from tests.e2e.harness import PINNED_TODAY, shown_article
from tests.i18n_support import is_pseudo, pseudo_language

OPTIONS = RenderOptions(today=PINNED_TODAY)

ARTICLE_LABELS = (
    "About the age of this information.",
    "References",
    "Credits",
    "Last revised:",
    "Published since the last revision (2011)",
    "later studies are listed",
    "Back to text",
)


@pytest.fixture
def article(qtbot, bundled_topic: Topic) -> ArticleView:
    return shown_article(qtbot, bundled_topic)


def test_the_article_renders_its_fixed_texts_again_in_place(
    article: ArticleView, bundled_topic: Topic
) -> None:
    section = bundled_topic.sections[2].id
    assert article.scroll_to_section(section)
    top = article.verticalScrollBar().value()
    assert top > 0
    english = article.toPlainText()
    assert all(label in english for label in ARTICLE_LABELS)
    with pseudo_language():
        html = article.toPlainText()
        for label in ("About the age of this information.", "References", "Credits", "Last revised:"):
            assert f"\u00ab{label}\u00bb" in html, label
        assert "\u00abPublished since the last revision (2011)\u00bb" in html
        assert "\u00abFor clinicians: 5 later studies are listed" in html  # %n filled in
        assert (
            "\u00abThis information was last revised on \u00ab24 May 2011\u00bb, more than 15 years ago."
            in html
        )
        assert "\u00abBack to text" in html
        assert is_pseudo(article.accessibleName()) and is_pseudo(article.toolTip())
        assert bundled_topic.title in article.toPlainText()  # content is never translated
        assert article.current_section() == section  # the reading position is kept
        assert abs(article.section_top(section) - article.verticalScrollBar().value()) <= 2
    assert not is_pseudo(article.toPlainText()) and not is_pseudo(article.accessibleName())
    assert "more than 15 years ago" in article.toPlainText()
    assert article.current_section() == section


def test_link_descriptions_follow_the_language(article: ArticleView, bundled_topic: Topic) -> None:
    from PySide6.QtCore import QUrl

    ref = bundled_topic.references[0]
    with pseudo_language():
        assert article.describe_link(QUrl(f"#ref.{ref.id}")) == f"\u00abGo to reference {ref.number}\u00bb"
    assert article.describe_link(QUrl(f"#ref.{ref.id}")) == f"Go to reference {ref.number}"


def test_the_comparison_re_translates_its_labels_cells_and_quote(qtbot, bundled_topic: Topic) -> None:
    view = ComparisonView()
    qtbot.addWidget(view)
    view.set_topic(bundled_topic)
    view.show()
    unstated = next(
        (r, c)
        for r in range(view.model.rowCount())
        for c in range(view.model.columnCount())
        if view.model.index(r, c).data() == "Not stated"
    )
    view.select_cell(*unstated)
    with pseudo_language():
        for text in (
            view.show_button.text(),
            view.show_button.toolTip(),
            view.empty_label.text(),
            view.table.accessibleName(),
            view.quote.accessibleName(),
            view.model.index(*unstated).data(),
        ):
            assert is_pseudo(text), text
        assert "\u00abNot stated. The article does not say this for" in view.quote.toPlainText()
        assert not is_pseudo(view.model.headerData(0, Qt.Orientation.Horizontal))  # a procedure: content
    assert view.show_button.text() == "Show in article"
    assert view.model.index(*unstated).data() == "Not stated"
    assert not is_pseudo(view.quote.toPlainText())


def test_the_references_re_translate_buttons_styles_details_and_status(qtbot, bundled_topic: Topic) -> None:
    view = ReferencesView()
    qtbot.addWidget(view)
    view.set_topic(bundled_topic)
    view.show()
    view.list.setCurrentIndex(view.model.index(0))
    view.copy_citation()
    assert view.status.text().startswith("Copied reference 1 to the clipboard")
    with pseudo_language():
        buttons = (view.copy_button, view.copy_all_button, view.export_button, view.cited_button)
        texts = (
            [b.text() for b in buttons]
            + [b.toolTip() for b in buttons]
            + [b.accessibleName() for b in buttons]
        )
        texts += [view.style_label.text(), view.style_combo.itemText(1), view.list.accessibleName()]
        texts += [
            view.status.text(),
            view.details.text(),
            view.model.index(0).data(Qt.ItemDataRole.ToolTipRole),
        ]
        for text in texts:
            assert is_pseudo(text), text
        assert view.style_label.text() == "«Citation &style:»"  # the accelerator stays inside
        assert (view.status.text()) == "«Copied reference 1 to the clipboard in «NLM / Vancouver» style.»"
    assert view.copy_button.text() == "Copy citation"
    assert view.style_combo.itemText(1) == "AMA (11th edition)"
    assert view.status.text() == "Copied reference 1 to the clipboard in NLM / Vancouver style."
    assert not is_pseudo(view.details.text())


def test_copy_all_and_export_messages_are_plurals(qtbot, bundled_topic: Topic, tmp_path: Path) -> None:
    view = ReferencesView()
    qtbot.addWidget(view)
    view.set_topic(bundled_topic)
    count = len(bundled_topic.references)
    view.copy_all()
    assert view.status.text() == f"Copied all {count} references to the clipboard in NLM / Vancouver style."
    with pseudo_language():
        assert view.status.text().startswith(f"«Copied all {count} references")  # %n, re-built in place
        assert view.export(tmp_path / "refs.ris", "ris")
        assert view.status.text().startswith(f"«Saved {count} references to ")


def test_the_handout_fixed_texts_are_marked(qapp, bundled_topic: Topic) -> None:
    facts = FooterFacts("Title", "Publisher", "24 May 2011", "25 November 2026")
    assert footer_lines(facts, 2, 3)[1:] == (
        "Page 2 of 3",
        "Publisher \u2014 last revised 24 May 2011 \u2014 printed on 25 November 2026",
    )
    with pseudo_language():
        text = handout_document(bundled_topic, OPTIONS).toPlainText()
        assert "\u00abHow the procedures compare\u00bb" in text
        assert "\u00abReferences\u00bb" in text and "\u00abCredits\u00bb" in text
        left, right, second = footer_lines(facts, 2, 3)
        assert left == "Title"  # the topic's title: content
        assert right == "\u00abPage 2 of 3\u00bb"
        assert (
            second
            == "\u00abPublisher \u2014 last revised 24 May 2011 \u2014 printed on 25 November 2026\u00bb"
        )
    assert "How the procedures compare" in handout_document(bundled_topic, OPTIONS).toPlainText()


def test_the_handout_dialog_re_translates_in_place(qtbot, bundled_topic: Topic) -> None:
    dialog = HandoutDialog(bundled_topic, PRINT)
    qtbot.addWidget(dialog)
    assert dialog.ok_button.text() == "Print"
    boxes = (dialog.comparison_box, dialog.references_box, dialog.large_box)
    with pseudo_language():
        texts = [
            dialog.windowTitle(),
            dialog.sections.title(),
            dialog.ok_button.text(),
            dialog.ok_button.toolTip(),
        ]
        texts += [b.text() for b in boxes] + [b.toolTip() for b in boxes]
        texts += [b.toolTip() for b in dialog.section_boxes.values()]
        for text in texts:
            assert is_pseudo(text), text
        assert dialog.ok_button.text() == "\u00abPrint\u00bb"
        for section in bundled_topic.sections:  # section titles are content
            assert dialog.section_boxes[section.id].text() == section.title
    assert dialog.windowTitle() == "What goes in the handout"
    assert dialog.large_box.text() == "Large print"


def test_the_about_dialog_re_translates_in_place(qtbot) -> None:
    newest = dt.date(2011, 5, 24)
    facts = AboutFacts.gather(PackFacts(Path("/packs/core"), 3, newest, "Healthwise"))
    dialog = AboutDialog(facts)
    qtbot.addWidget(dialog)
    english = dialog.text.toPlainText()
    assert "/packs/core (3 topic files, newest dated 24 May 2011)" in english
    with pseudo_language():
        assert is_pseudo(dialog.windowTitle()) and is_pseudo(dialog.text.accessibleName())
        text = dialog.text.toPlainText()
        assert "\u00ab/packs/core (3 topic files, newest dated \u00ab24 May 2011\u00bb)\u00bb" in text
        assert "\u00abParts of the reader and their licences:\u00bb" in text
        assert "PyYAML" in text and ": MIT" in text  # names and licences stay as they are
    assert dialog.text.toPlainText() == english
    assert dialog.windowTitle() == "About Health Topic Reader"


def test_one_topic_file_is_singular_in_english() -> None:
    facts = AboutFacts("1.0", "6", "6", "3", False, PackFacts(Path("/p"), 1, None))
    from reader.ui.about import about_lines

    assert "Content pack: /p (1 topic file)" in about_lines(facts)
