"""The article view: one topic rendered from the content model in a QTextBrowser that never
loads anything from outside, with in-page navigation, sentence selection, search-hit marks,
zoom, and tracking of the section being read.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QPaintEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.content.model import Topic
from reader.packs.labels import PackLabel
from reader.ui.render import (
    DEFAULT_EVIDENCE_MAX_AGE_YEARS,
    REFERENCE_PREFIX,
    SECTION_PREFIX,
    RenderOptions,
    article_css,
    render_topic_html,
    section_anchor,
)
from reader.ui.search_marks import SearchMarks
from reader.ui.settings import DEFAULT_ZOOM
from reader.ui.textlayout import document_anchors, set_side_margins, span_selection, y_of
from reader.ui.theme import LIGHT, ThemeColors, load_style_sheet

log = logging.getLogger(__name__)

Clock = Callable[[], dt.date]
READING_LINE = 0.2  # the section being read is the last one whose heading is above 20% of the view
MEASURE_CHARS = 80  # longest comfortable line; wider windows centre a column of this width
MIN_SIDE_MARGIN = 24


class ArticleView(QTextBrowser):
    """Shows one topic. Internal links are reported with `linkRequested`; nothing is fetched."""

    linkRequested = Signal(str)  # noqa: N815 - an anchor in the current topic the user clicked
    currentSectionChanged = Signal(str)  # noqa: N815 - id of the section being read ("" above the first)
    firstPainted = Signal()  # noqa: N815 - the first paint of a topic or of the page shown instead
    topicShown = Signal(str)  # noqa: N815 - id of the topic just rendered (read aloud stops for another)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Clock = dt.date.today,
        evidence_max_age_years: int = DEFAULT_EVIDENCE_MAX_AGE_YEARS,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._max_age = evidence_max_age_years
        self._published_since = True  # the clinicians' list of later studies (a kiosk may hide it)
        self._packs: dict[str, PackLabel] = {}
        self._topic: Topic | None = None
        self._colors: ThemeColors = LIGHT
        self._anchors: dict[str, int] = {}  # anchor name -> document position
        self._headings: list[tuple[float, str]] | None = None  # (y, section id), cached per layout
        self._current_section = ""
        self._pinned_section: str | None = None  # a section the user asked for, until they scroll
        self._programmatic_scroll = False
        self._marks = SearchMarks()
        self._target: tuple[int, int] | None = None  # the selected sentence or reference entry
        self._target_anchor = ""
        self._painted = False
        self._placeholder_html = ""  # a page shown instead of a topic (an empty content pack)
        self._zoom = DEFAULT_ZOOM
        self._base_point_size = max(11.0, round(self.font().pointSizeF() * 1.25, 1))
        self._configure()

    def _configure(self) -> None:
        self.setObjectName("article")
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)  # every click goes through anchorClicked: we decide
        self.setTabChangesFocus(True)  # Tab leaves the text (WCAG 2.4.7); links stay reachable by click
        self.setSearchPaths([])
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.retranslate()
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.document().documentLayout().documentSizeChanged.connect(self._forget_layout)
        self.set_zoom(DEFAULT_ZOOM)

    def retranslate(self) -> None:
        """The view's own fixed texts; a shown topic is rendered again in the new language."""
        self.setAccessibleName(QCoreApplication.translate("ArticleView", "Article"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "ArticleView", "The text of the topic. Use the arrow keys to read and select text."
            )
        )
        self.setToolTip(
            QCoreApplication.translate("ArticleView", "The topic's text: links go to references and back")
        )
        if self._topic is not None:
            self._render_keeping_section()

    def _render_keeping_section(self) -> None:
        """Render again with the section being read where it was: the texts above it (the notices)
        change length in another language, so a document position would not stay put."""
        section = self._current_section
        before = self.section_top(section) if section else None
        offset = self.verticalScrollBar().value() - before if before is not None else 0
        self._render(keep_position=True)
        after = self.section_top(section) if section else None
        if after is not None:
            self._scroll_to_y(after + offset)
            self._update_current_section()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt's names
        """Tab leaves the article: QTextBrowser would step through its links, even with
        `tabChangesFocus`, and draw nothing while doing so."""
        return QTextEdit.focusNextPrevChild(self, next)

        # --- never load anything ----------------------------------------------------------------------

    def loadResource(self, type: int, name: QUrl | str) -> Any:  # noqa: N802
        """Refuse every resource: the article is self-contained, and nothing reaches outside."""
        log.debug("refused resource %s", name.toString() if isinstance(name, QUrl) else name)
        return None

    # --- showing a topic --------------------------------------------------------------------------

    @property
    def topic(self) -> Topic | None:
        return self._topic

    def set_colors(self, colors: ThemeColors) -> None:
        """Render in a theme's colours, keeping the reading position, marks and selection."""
        self._colors = colors
        self.setStyleSheet(load_style_sheet())  # the focus ring's palette(...) colours resolve anew
        if self._topic is not None:
            self._render(keep_position=True)
        elif self._placeholder_html:
            self.show_placeholder(self._placeholder_html)

    def pack_of(self, topic_id: str) -> PackLabel | None:
        return self._packs.get(topic_id)

    def set_pack_labels(self, labels: Mapping[str, PackLabel]) -> None:
        """Which content pack each topic comes from (its credits name the pack)."""
        self._packs = dict(labels)
        if self._topic is not None:
            self._render(keep_position=True)

    def set_clock(self, clock: Clock, evidence_max_age_years: int | None = None) -> None:
        self._clock = clock
        if evidence_max_age_years is not None:
            self._max_age = evidence_max_age_years
        if self._topic is not None:
            self._render(keep_position=True)

    def set_published_since_shown(self, shown: bool) -> None:
        """Show or hide the clinicians' "Published since" list (kiosks hide it unless configured)."""
        self._published_since = shown
        if self._topic is not None:
            self._render(keep_position=True)

    def show_topic(self, topic: Topic) -> None:
        """Render `topic` and show its start; marks from a previous topic are dropped."""
        self._topic = topic
        self._placeholder_html = ""
        self._marks.clear()
        self._target, self._target_anchor = None, ""
        self._render(keep_position=False)
        self.topicShown.emit(topic.id)

    def show_placeholder(self, page_html: str) -> None:
        """Show a page that is not a topic (already escaped HTML); its first paint counts as the
        first paint, so `--exit-after-paint` ends on it too."""
        self._topic = None
        self._placeholder_html = page_html
        self._marks.clear()
        self._target, self._target_anchor = None, ""
        self.document().setDefaultStyleSheet(article_css(self._colors))
        self.setHtml(page_html)
        self._update_margins()
        self._anchors = {}
        self._forget_layout()

    def _render(self, *, keep_position: bool) -> None:
        assert self._topic is not None
        top = self._top_position() if keep_position else 0
        options = RenderOptions(
            today=self._clock(),
            evidence_max_age_years=self._max_age,
            show_published_since=self._published_since,
            pack=self.pack_of(self._topic.id),
        )
        self.document().setDefaultStyleSheet(article_css(self._colors))
        self._programmatic_scroll = True
        try:
            self.setHtml(render_topic_html(self._topic, options))
            self._update_margins()
        finally:
            self._programmatic_scroll = False
        self._anchors = document_anchors(self.document())
        self._forget_layout()
        if self._marks.terms:
            current = self._marks.index  # the hit being read stays current (a language change)
            self._marks.find(self.document())
            if current < len(self._marks.spans):
                self._marks.index = current
        if self._target_anchor:
            self._target = self._anchor_range(self._target_anchor)
        self._apply_selections()
        self._scroll_to_position(top)
        self._update_current_section()

    def anchor_position(self, anchor: str) -> int | None:
        return self._anchors.get(anchor)

    # --- going places ----------------------------------------------------------------------------

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() or url.host() or url.path() or not url.hasFragment():
            log.info("ignored a link that leaves the article: %s", url.toString())
            return
        self.linkRequested.emit(url.fragment(QUrl.ComponentFormattingOption.FullyDecoded))

    def describe_link(self, url: QUrl) -> str:
        """What a link under the pointer does, for the status bar ("" when not on a link)."""
        anchor = url.fragment() if url.isValid() else ""
        if not anchor or self._topic is None:
            return ""
        if anchor.startswith(REFERENCE_PREFIX):
            reference = self._topic.reference(anchor.removeprefix(REFERENCE_PREFIX))
            if reference is None:
                return ""
            text = QCoreApplication.translate("ArticleView", "Go to reference {number}")
            return text.format(number=reference.number)
        return QCoreApplication.translate("ArticleView", "Go back to the sentence that cites this reference")

    def go_to(self, anchor: str) -> bool:
        """Go to a section, reference entry or sentence of the current topic ("" = the top)."""
        if not anchor:
            self._pinned_section = None
            self._set_target(None, "")
            self._scroll_to_y(0)
            self._update_current_section()
            return True
        if anchor.startswith(SECTION_PREFIX):
            return self.scroll_to_section(anchor.removeprefix(SECTION_PREFIX))
        if anchor.startswith(REFERENCE_PREFIX):
            return self._show_block_of(anchor)
        if self._topic is not None and self._topic.sentence(anchor) is not None:
            return self.select_sentence(anchor)
        if anchor in self._anchors:
            return self._show_block_of(anchor)
        return False

    def scroll_to_section(self, section_id: str) -> bool:
        """Put the section's heading at the top of the view."""
        position = self._anchors.get(section_anchor(section_id))
        if position is None:
            return False
        self._set_target(None, "")
        self._scroll_to_position(position)
        self._pinned_section = section_id
        self._set_current_section(section_id)
        return True

    def select_sentence(self, key: str) -> bool:
        """Select the sentence (keyboard users and screen readers continue from it) and mark it."""
        span = self._anchor_range(key)
        if span is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self._set_target(span, key)
        self._reveal(span[0])
        return True

    def _show_block_of(self, anchor: str) -> bool:
        """Scroll to the paragraph or list item holding `anchor` and mark it."""
        span = self._anchor_range(anchor)
        if span is None:
            return False
        self._set_target(span, anchor)
        self._reveal(span[0])
        return True

    def _anchor_range(self, anchor: str) -> tuple[int, int] | None:
        """Document span of a sentence (its text) or of the block an anchor starts."""
        start = self._anchors.get(anchor)
        if start is None:
            return None
        sentence = self._topic.sentence(anchor) if self._topic is not None else None
        if sentence is not None:
            return start, start + len(sentence.text)
        block = self.document().findBlock(start)
        return block.position(), block.position() + max(0, block.length() - 1)

    def _set_target(self, span: tuple[int, int] | None, anchor: str) -> None:
        self._target, self._target_anchor = span, anchor
        self._apply_selections()

    # --- scrolling and the section being read ------------------------------------------------------

    def _y_of(self, position: int) -> float:
        return y_of(self.document(), position)

    def _scroll_to_y(self, y: float) -> None:
        self._programmatic_scroll = True
        try:
            self.verticalScrollBar().setValue(int(y))
        finally:
            self._programmatic_scroll = False

    def _scroll_to_position(self, position: int) -> None:
        self._scroll_to_y(self._y_of(position) if position > 0 else 0)

    def _reveal(self, position: int) -> None:
        """Scroll so `position` sits a third of the way down the view, where the eye looks;
        the section holding it becomes the one being read."""
        self._scroll_to_y(max(0.0, self._y_of(position) - self.viewport().height() / 3))
        self._pinned_section = self._section_at(position)
        self._update_current_section()

    def _section_at(self, position: int) -> str:
        current = ""
        for section in self._topic.sections if self._topic is not None else ():
            start = self._anchors.get(section_anchor(section.id))
            if start is not None and start <= position:
                current = section.id
        return current

    def _top_position(self) -> int:
        return self.cursorForPosition(QPoint(0, 0)).position()

    def section_top(self, section_id: str) -> int | None:
        """The scroll value that puts the section's heading at the top, or None."""
        position = self._anchors.get(section_anchor(section_id))
        return None if position is None else int(self._y_of(position))

    def is_position_visible(self, position: int) -> bool:
        y = self._y_of(position) - self.verticalScrollBar().value()
        return 0 <= y < self.viewport().height()

    @Slot()
    def _forget_layout(self) -> None:
        self._headings = None

    def _heading_positions(self) -> list[tuple[float, str]]:
        if self._headings is None:
            topic_sections = self._topic.sections if self._topic is not None else ()
            self._headings = [
                (self._y_of(self._anchors[section_anchor(s.id)]), s.id)
                for s in topic_sections
                if section_anchor(s.id) in self._anchors
            ]
        return self._headings

    @Slot(int)
    def _on_scrolled(self, _value: int) -> None:
        if not self._programmatic_scroll:
            self._pinned_section = None
        self._update_current_section()

    def _update_current_section(self) -> None:
        if self._pinned_section is not None:
            self._set_current_section(self._pinned_section)
            return
        value = self.verticalScrollBar().value()
        if value <= self.document().documentMargin():  # at the top: the topic's start
            self._set_current_section("")
            return
        line = value + self.viewport().height() * READING_LINE
        current = ""
        for y, section_id in self._heading_positions():
            if y > line:
                break
            current = section_id
        self._set_current_section(current)

    def _set_current_section(self, section_id: str) -> None:
        if section_id != self._current_section:
            self._current_section = section_id
            self.currentSectionChanged.emit(section_id)

    def current_section(self) -> str:
        return self._current_section

    # --- search hits (reader.ui.search_marks finds them; the view draws and scrolls) ----------------

    def highlight_terms(self, terms: list[str]) -> int:
        """Mark every occurrence of the terms (word starts, any case); returns how many."""
        count = self._marks.find(self.document(), terms)
        self._apply_selections()
        return count

    def clear_highlights(self) -> None:
        self._marks.clear()
        self._apply_selections()

    def hit_count(self) -> int:
        return len(self._marks.spans)

    def current_hit(self) -> int:
        """Index of the hit last moved to with next/previous, or -1."""
        return self._marks.index

    def next_hit(self) -> bool:
        return self._step_hit(+1)

    def previous_hit(self) -> bool:
        return self._step_hit(-1)

    def _step_hit(self, step: int) -> bool:
        span = self._marks.step(step, self._top_position())
        if span is None:
            return False
        start, end = span
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self._apply_selections()
        self._reveal(start)
        return True

    def _apply_selections(self) -> None:
        selections = [self._selection(span, self._colors.hit_background) for span in self._marks.spans]
        current = self._marks.current()
        if current is not None:
            selections.append(self._selection(current, self._colors.current_hit_background))
        if self._target is not None:
            selections.append(self._selection(self._target, self._colors.target_background))
        self.setExtraSelections(selections)

    def _selection(self, span: tuple[int, int], background: str) -> QTextEdit.ExtraSelection:
        return span_selection(self.document(), span, background, self._colors.text)

    # --- zoom ------------------------------------------------------------------------------------------

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        """Scale the article's text, keeping the first visible line in view."""
        top = self._top_position() if self._topic is not None else 0
        self._zoom = percent
        self.ensurePolished()
        self._apply_zoom_font()
        self._update_margins()
        self._forget_layout()
        if self._topic is not None:
            self._scroll_to_position(top)

    def _apply_zoom_font(self) -> None:
        wanted = self._base_point_size * self._zoom / 100
        if abs(self.font().pointSizeF() - wanted) > 0.01:
            font = self.font()
            font.setPointSizeF(wanted)
            self.setFont(font)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A new app style sheet re-polishes the widget and resets its font: zoom again. A new
        language renders the topic again (its notices, headings and dates), at the same place."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._apply_zoom_font()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def point_size(self) -> float:
        return self.font().pointSizeF()

    def _update_margins(self) -> None:
        """Centre a column of at most MEASURE_CHARS characters; narrow windows use the full width."""
        measure = self.fontMetrics().averageCharWidth() * MEASURE_CHARS
        set_side_margins(self.document(), max(MIN_SIDE_MARGIN, (self.viewport().width() - measure) / 2))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_margins()

    # --- first paint ------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted and (self._topic is not None or self._placeholder_html):
            self._painted = True
            self.firstPainted.emit()
