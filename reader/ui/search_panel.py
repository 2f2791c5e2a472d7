"""The search panel: a search-as-you-type field, completions, "did you mean" and the results list.

Queries run off the GUI thread through `SearchRunner`, after a pause in typing that adapts to
what a search costs (`search_pace`); the panel shows only the newest answer. What it says is in
`search_texts`, kept as functions so a language change says it again, translated.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QFont, QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.ui.plaintext import plain_label
from reader.ui.render import reference_anchor
from reader.ui.search_field import SearchField
from reader.ui.search_pace import SearchPace
from reader.ui.search_results import DidYouMean, SearchResultsModel, SearchResultsView
from reader.ui.search_texts import (
    EMPTY,
    FAILED,
    FAILED_BODY,
    NO_RESULTS_TIPS,
    PLACEHOLDER,
    PREPARING,
    PREPARING_BODY,
    Text,
    fixed,
    no_results_text,
    say,
    status_text,
)
from reader.ui.search_worker import SearchBackend, SearchResultLike, SearchRunner

log = logging.getLogger(__name__)

MIN_SUGGEST_CHARS = 2
NOTHING: Text = str  # no title, no status line


class SearchPanel(QWidget):
    """Search field, status line, "did you mean" and results; opening a hit emits `resultActivated`."""

    # topic_id, section_id, terms (list[str]): the window shows the section and highlights the terms
    # topic id, section id, matched words, and where in the topic to go: a citing sentence's key or
    # a matched reference's anchor ("" = the section's start)
    resultActivated = Signal(str, str, list, str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None, *, debounce_ms: int | None = None) -> None:
        """`debounce_ms` fixes the pause after a key; None adapts it to the search's cost (search_pace)."""
        super().__init__(parent)
        self._runner = SearchRunner(self)
        self._pace = SearchPace() if debounce_ms is None else SearchPace(debounce_ms, debounce_ms)
        self._sent_at = 0.0  # when the last search was handed to the runner (time.monotonic)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self._pace.delay_ms())
        self._sent_query = ""  # last query handed to the runner
        self._shown_query = ""  # query whose answer is on screen
        self._open_first = False  # Enter was pressed before the answer for the current text arrived
        self._no_service = (fixed(PREPARING), fixed(PREPARING_BODY))  # said while it has no service
        self._message: tuple[Text, Text] = (NOTHING, NOTHING)  # the title and body on screen
        self._status: tuple[Text, bool] = (NOTHING, False)  # the status line, emphasised or not
        self.results_model = SearchResultsModel(self)
        self._completions = QStringListModel(self)
        self._build()
        self._connect()
        self.set_service(None)
        self.retranslate()

    # --- public API -------------------------------------------------------------------------------

    @property
    def runner(self) -> SearchRunner:
        """The background runner (tests wait on it; its pool finishes running queries on close)."""
        return self._runner

    def set_service(self, service: SearchBackend | None) -> None:
        """Use `service` for searching; None means the index is being prepared (typing still works)."""
        self._no_service = (fixed(PREPARING), fixed(PREPARING_BODY))
        self._use_service(service)

    def set_unavailable(self, title: Text, body: Text) -> None:
        """No search will come (no topics, or the index failed): say so instead of "preparing".
        `title` and `body` make the texts in the interface language (again at a language change)."""
        self._no_service = (title, body)
        self._use_service(None)

    def _use_service(self, service: SearchBackend | None) -> None:
        self._runner.set_service(service)
        self._apply_palettes()
        self.field.setAccessibleDescription(self._no_service[0]() if service is None else "")
        if service is None:  # answers from an index being replaced are not offered
            self._shown_query = self._sent_query = ""
            self.results_model.clear()
            self._show_suggestion(None)
            self._show_message(*self._no_service)
        elif self.field.text().strip():
            self._search_now()
        else:
            self._show_empty()

    def focus_search(self) -> None:
        """Put the keyboard in the field with its text selected, ready to type over."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def clear(self) -> None:
        """Forget everything typed and shown: field, results, completions, suggestion."""
        self._debounce.stop()
        self._runner.cancel()
        self._open_first = False
        self._hide_popup()
        self._completions.setStringList([])
        self._completer.setCompletionPrefix("")
        self.field.setText("")  # unlike clear(), this empties the undo history too
        self._sent_query = self._shown_query = ""
        self.results_model.clear()
        self._show_suggestion(None)
        if self._runner.service is None:
            self._show_message(*self._no_service)
        else:
            self._show_empty()

    # --- construction ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.field = SearchField(self)
        self.field.setClearButtonEnabled(True)
        self._completer = QCompleter(self._completions, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.field.setCompleter(self._completer)

        self.suggestion_row = DidYouMean(self)
        self.suggestion_label, self.suggestion_button = self.suggestion_row.label, self.suggestion_row.button

        self.status_label = plain_label("", self)
        self.status_label.setWordWrap(True)
        self._build_pages()

        layout = QVBoxLayout(self)
        # Reading order: what was found, then the better spelling, then the results or the tips.
        layout.addWidget(self.field)
        layout.addWidget(self.status_label)
        layout.addWidget(self.suggestion_row)
        layout.addWidget(self._pages, 1)
        self.setTabOrder(self.field, self.suggestion_button)
        self.setTabOrder(self.suggestion_button, self.results_view)

    def _build_pages(self) -> None:
        self.results_view = SearchResultsView(self)
        self.results_view.setModel(self.results_model)
        self.message_title = plain_label("", self)
        title_font = QFont()
        title_font.setBold(True)
        self.message_title.setFont(title_font)
        self.message_body = plain_label("", self)
        for label in (self.message_title, self.message_body):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        message = QWidget(self)
        column = QVBoxLayout(message)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.message_title)
        column.addWidget(self.message_body)
        column.addStretch(1)
        self._message_page = message
        self._pages = QStackedWidget(self)
        self._pages.addWidget(self.results_view)
        self._pages.addWidget(message)

    def _connect(self) -> None:
        self.field.textChanged.connect(self._on_text_changed)
        self.field.textEdited.connect(self._on_text_edited)
        self.field.returnPressed.connect(self._on_return)
        self.field.downPressed.connect(self._enter_results)
        self.field.escapePressed.connect(self.clear)
        self._completer.activated.connect(self._on_completion_chosen)
        self._debounce.timeout.connect(self._search_now)
        self._runner.resultReady.connect(self._on_result)
        self._runner.suggestionsReady.connect(self._on_suggestions)
        self.suggestion_row.chosen.connect(self._run_suggestion)
        self.results_view.clicked.connect(self._on_clicked)
        self.results_view.rowActivated.connect(self._activate_row)
        self.results_view.leaveRequested.connect(self.focus_search)

    def _apply_palettes(self) -> None:
        """While preparing, the field looks disabled (but stays typeable)."""
        base, field = self.palette(), QPalette()
        if self._runner.service is None:
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                for role in (QPalette.ColorRole.Text, QPalette.ColorRole.Base):
                    field.setColor(group, role, base.color(QPalette.ColorGroup.Disabled, role))
        self.field.setPalette(field)

    def retranslate(self) -> None:
        """Every fixed text, and the messages on screen made again, in the interface language."""
        self.field.setPlaceholderText(say(PLACEHOLDER))
        self.field.setAccessibleName(QCoreApplication.translate("SearchPanel", "Search topics"))
        self.field.setToolTip(
            QCoreApplication.translate(
                "SearchPanel",
                "Search every topic (Ctrl+F). Results appear as you type; Enter opens the first.",
            )
        )
        clear_action = self.field.findChild(QAction, "_q_qlineeditclearaction")
        if clear_action is not None:
            clear_action.setToolTip(QCoreApplication.translate("SearchPanel", "Clear the search"))
            clear_action.setText(QCoreApplication.translate("SearchPanel", "Clear the search"))
        popup = self._completer.popup()
        if popup is not None:
            popup.setAccessibleName(QCoreApplication.translate("SearchPanel", "Search suggestions"))
        self.status_label.setAccessibleName(QCoreApplication.translate("SearchPanel", "Search status"))
        self.results_view.setAccessibleName(QCoreApplication.translate("SearchPanel", "Search results"))
        self.results_view.setToolTip(
            QCoreApplication.translate("SearchPanel", "Enter, click or tap opens a result")
        )
        if self._runner.service is None:
            self.field.setAccessibleDescription(self._no_service[0]())
        title, body = self._message
        self.message_title.setText(title())
        self.message_body.setText(body())
        if self.status_label.isVisibleTo(self):
            self.status_label.setText(self._status[0]())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palettes()

    # --- typing and searching ----------------------------------------------------------------------

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        self._open_first = False
        if text.strip():
            self._debounce.start(self._pace.delay_ms())
            return
        self._debounce.stop()
        self._runner.cancel()
        self._sent_query = self._shown_query = ""
        self.results_model.clear()
        self._show_suggestion(None)
        if self._runner.service is not None:
            self._show_empty()

    @Slot(str)
    def _on_text_edited(self, text: str) -> None:
        if len(text.strip()) >= MIN_SUGGEST_CHARS:
            self._runner.suggest(text)  # the service completes whole queries (titles, last word)
        else:
            self._completions.setStringList([])

    @Slot()
    def _search_now(self) -> None:
        self._debounce.stop()
        query = self.field.text().strip()
        if not query:
            return
        if self._runner.service is None:  # kept in the field; searched when the service arrives
            self._show_message(*self._no_service)
            return
        self._sent_query = query
        self._sent_at = time.monotonic()
        self._runner.search(query)

    @Slot()
    def _on_return(self) -> None:
        query = self.field.text().strip()
        if not query:
            return
        if self._debounce.isActive() or query != self._shown_query:
            self._open_first = True  # open it when the answer for this text arrives
            if self._debounce.isActive() or query != self._sent_query:
                self._search_now()
        elif self.results_model.rowCount():
            self._activate_row(0)

    @Slot(str)
    def _on_completion_chosen(self, text: str) -> None:
        if text.strip() != self._sent_query:
            self._search_now()

    @Slot(str, list)
    def _on_suggestions(self, prefix: str, completions: list[str]) -> None:
        text = self.field.text()
        if text != prefix:  # the user typed on, or the field was cleared
            return
        lines = [c for c in dict.fromkeys(completions) if c.casefold() != text.casefold()]
        self._completions.setStringList(lines)
        popup = self._completer.popup()
        if lines and popup is not None and self.field.hasFocus():
            popup.setFont(self.field.font())  # a top-level window: it would not follow the panel's size
            self._completer.setCompletionPrefix(text)
            self._completer.complete()
        else:
            self._hide_popup()

    def _hide_popup(self) -> None:
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    @Slot(str)
    def _run_suggestion(self, suggestion: str) -> None:
        self.field.setText(suggestion)
        self._search_now()

    # --- showing answers ---------------------------------------------------------------------------

    @Slot(str, object)
    def _on_result(self, query: str, result: SearchResultLike | None) -> None:
        if query == self._sent_query:
            self._pace.record_search(time.monotonic() - self._sent_at)
        self._shown_query = query
        if result is None:
            self.results_model.clear()
            self._show_suggestion(None)
            self._show_message(fixed(FAILED), fixed(FAILED_BODY))
            return
        self.results_model.set_hits(result.hits)
        suggestion = result.suggestion
        self._show_suggestion(
            suggestion if suggestion and suggestion.casefold() != query.casefold() else None
        )
        if result.hits:
            self._show_results(result)
        else:
            self._show_message(NOTHING, fixed(NO_RESULTS_TIPS))
            self._set_status(lambda: no_results_text(query), emphasised=True)
        if self._open_first:
            self._open_first = False
            if result.hits:
                self._activate_row(0)

    def _show_results(self, result: SearchResultLike) -> None:
        self._set_status(lambda: status_text(result), emphasised=False)
        self._pages.setCurrentWidget(self.results_view)
        self.results_view.scrollToTop()

    def _set_status(self, text: Text, emphasised: bool) -> None:
        self._status = (text, emphasised)
        font = QFont()  # only the weight is set: size and family keep following the panel (zoom)
        font.setBold(emphasised)
        self.status_label.setFont(font)
        self.status_label.setText(text())
        self.status_label.show()

    def _show_message(self, title: Text, body: Text) -> None:
        self._message = (title, body)
        self._status = (NOTHING, False)
        self.status_label.clear()
        self.status_label.hide()
        self.message_title.setText(title())
        self.message_title.setVisible(bool(self.message_title.text()))
        self.message_body.setText(body())
        self.message_body.setVisible(bool(self.message_body.text()))
        self._pages.setCurrentWidget(self._message_page)

    def _show_empty(self) -> None:
        self._show_message(NOTHING, fixed(EMPTY))

    def _show_suggestion(self, suggestion: str | None) -> None:
        self.suggestion_row.set_suggestion(suggestion)

    # --- opening results ---------------------------------------------------------------------------

    @Slot()
    def _enter_results(self) -> None:
        if not self.results_model.rowCount() or not self.results_view.isVisible():
            return
        if self.results_view.currentIndex().row() < 0:
            self.results_view.setCurrentIndex(self.results_model.index(0))
        self.results_view.setFocus(Qt.FocusReason.TabFocusReason)

    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        self._activate_row(index.row())

    @Slot(int)
    def _activate_row(self, row: int) -> None:
        hit = self.results_model.hit(row)
        if hit is not None:
            anchor = hit.sentence or (reference_anchor(hit.reference) if hit.reference else "")
            self.resultActivated.emit(hit.topic_id, hit.section_id, list(hit.terms), anchor)
