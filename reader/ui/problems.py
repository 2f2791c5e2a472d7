"""The content-problems panel: topic files that could not be loaded, one `file:line: field:
message` per row, and the status-bar button's summary of them.

The rows are the loader's own messages, the same `health-reader check` prints; they stay English
like the rest of the command line (they are for whoever writes the pack). The panel's name, its
tooltip and the summary follow the interface language."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QStringListModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from reader.content.errors import ContentError


class ProblemsList(QListView):
    """Topic files that could not be loaded, one `file:line: field: message` per row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(QStringListModel(self))
        self.setObjectName("problems")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("ProblemsList", "Content problems"))
        self.setToolTip(
            QCoreApplication.translate(
                "ProblemsList", "Topic files that could not be loaded, with the line and field at fault"
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_errors(self, errors: Sequence[ContentError]) -> None:
        model = self.model()
        assert isinstance(model, QStringListModel)
        model.setStringList([str(error) for error in errors])

    def count(self) -> int:
        return self.model().rowCount()


def problems_summary(errors: Sequence[ContentError]) -> str:
    """What the status-bar button says: files not loaded, else warnings ("" when nothing is wrong).
    Plurals come from the catalogue, English's included."""
    bad = len({e.path for e in errors if e.severity == "error"})
    warnings = len(errors)  # a name, not len(): lupdate drops a message whose count is a call
    if bad:
        return QCoreApplication.translate("ProblemsList", "%n files not loaded", "", bad)
    if warnings:
        return QCoreApplication.translate("ProblemsList", "%n content warnings", "", warnings)
    return ""
