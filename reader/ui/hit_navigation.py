"""Moving through the search hits marked in the article: F3 / Shift+F3, "Hit 2 of 5" in the status
bar, and the marks cleared as soon as the query they belong to is changed (a new search, even one
with no results, never leaves the previous query's marks behind)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Slot
from PySide6.QtWidgets import QLabel, QLineEdit

from reader.ui.article import ArticleView


def hit_position_text(current: int, count: int) -> str:
    """ "Hit 2 of 5" (current is 0-based, -1 before the first move), "5 hits", or "", in the
    interface language."""
    if count <= 0:
        return ""
    if current < 0:
        return QCoreApplication.translate("HitNavigator", "%n hits", "", count)
    return QCoreApplication.translate("HitNavigator", "Hit {current} of {count}").format(
        current=current + 1, count=count
    )


class HitNavigator(QObject):
    """Owns the article's search marks for the window: marks a query's terms, steps through them,
    and forgets them when the search field's query changes."""

    def __init__(self, article: ArticleView, field: QLineEdit | None, label: QLabel) -> None:
        super().__init__(article)
        self._article, self._label = article, label
        self._field: QLineEdit | None = None
        self._query = ""  # the query whose terms are marked
        if field is not None:
            self.follow(field)
        label.installEventFilter(self)  # the label's LanguageChange: say it all again, translated
        self.retranslate()

    def retranslate(self) -> None:
        self._label.setAccessibleName(QCoreApplication.translate("HitNavigator", "Search hit"))
        self._label.setToolTip(
            QCoreApplication.translate(
                "HitNavigator",
                "Which search hit is selected in the article: F3 for the next, Shift+F3 for the previous",
            )
        )
        self._show()

    def follow(self, field: QLineEdit) -> None:
        """The search field whose query the marks belong to (the window builds its search panel
        after the first paint)."""
        self._field = field
        field.textChanged.connect(self._on_query_edited)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._label and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def mark(self, terms: list[str]) -> int:
        """Mark the terms of the query now in the search field; returns how many hits."""
        self._query = self._field.text().strip() if self._field is not None else ""
        count = self._article.highlight_terms(terms)
        self._show()
        return count

    def clear(self) -> None:
        self._query = ""
        self._article.clear_highlights()
        self._show()

    @Slot()
    def next(self) -> bool:
        moved = self._article.next_hit()
        self._show()
        return moved

    @Slot()
    def previous(self) -> bool:
        moved = self._article.previous_hit()
        self._show()
        return moved

    def text(self) -> str:
        return self._label.text()

    @Slot(str)
    def _on_query_edited(self, text: str) -> None:
        if self._article.hit_count() and text.strip() != self._query:
            self.clear()

    def _show(self) -> None:
        text = hit_position_text(self._article.current_hit(), self._article.hit_count())
        self._label.setText(text)
        self._label.setVisible(bool(text))
