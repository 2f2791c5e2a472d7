"""The content-problems panel: topic files that could not be loaded, one `file:line: field:
message` per row, and the status-bar button's summary of them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from reader.content.errors import ContentError


class ProblemsList(QListView):
    """Topic files that could not be loaded, one `file:line: field: message` per row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(QStringListModel(self))
        self.setObjectName("problems")
        self.setAccessibleName("Content problems")
        self.setToolTip("Topic files that could not be loaded, with the line and field at fault")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def set_errors(self, errors: Sequence[ContentError]) -> None:
        model = self.model()
        assert isinstance(model, QStringListModel)
        model.setStringList([str(error) for error in errors])

    def count(self) -> int:
        return self.model().rowCount()


def problems_summary(errors: Sequence[ContentError]) -> str:
    """What the status-bar button says: files not loaded, else warnings ("" when nothing is wrong)."""
    bad = len({e.path for e in errors if e.severity == "error"})
    if bad:
        return f"{bad} file{'s' if bad != 1 else ''} not loaded"
    if errors:
        return f"{len(errors)} content warning{'s' if len(errors) != 1 else ''}"
    return ""
