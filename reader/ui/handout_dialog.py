"""The clinician's choice of what goes into a handout: which sections, the comparison table,
the references, and large print. Asked before printing, previewing or saving a PDF.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QVBoxLayout,
    QWidget,
)

from reader.content.model import Topic
from reader.ui.handout_content import HandoutChoice


class HandoutDialog(QDialog):
    """Check boxes for every section and part; `choice()` reads them."""

    def __init__(self, topic: Topic, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("What goes in the handout")
        self.setMinimumWidth(420)
        self.setAccessibleName("Handout contents")
        self.section_boxes: dict[str, QCheckBox] = {}
        sections = QGroupBox("Sections", self)
        column = QVBoxLayout(sections)
        for section in topic.sections:
            box = self._box(section.title, f"Include the section {section.title!r}", True)
            self.section_boxes[section.id] = box
            column.addWidget(box)
        has_comparison = topic.comparison is not None and bool(topic.comparison.procedures)
        self.comparison_box = self._box(
            "Comparison table", "Include the table comparing the procedures", has_comparison
        )
        self.comparison_box.setEnabled(has_comparison)
        self.references_box = self._box(
            "References", "Include the numbered reference list", bool(topic.references)
        )
        self.references_box.setEnabled(bool(topic.references))
        self.large_box = self._box("Large print", "Print the text at 16 points instead of 11", False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(action)
        ok.setAccessibleName(action)
        ok.setToolTip(f"{action} with the parts checked above")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(sections)
        for box in (self.comparison_box, self.references_box, self.large_box):
            layout.addWidget(box)
        layout.addWidget(buttons)

    def _box(self, text: str, tip: str, checked: bool) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setChecked(checked)
        box.setToolTip(tip)
        box.setAccessibleName(text)
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return box

    def choice(self) -> HandoutChoice:
        chosen = tuple(sid for sid, box in self.section_boxes.items() if box.isChecked())
        every = len(chosen) == len(self.section_boxes)
        return HandoutChoice(
            sections=None if every else chosen,
            comparison=self.comparison_box.isChecked(),
            references=self.references_box.isChecked(),
            large_print=self.large_box.isChecked(),
        )


def ask_handout_choice(parent: QWidget, topic: Topic, action: str) -> HandoutChoice | None:
    """Ask what goes in; None when the clinician cancels."""
    dialog = HandoutDialog(topic, action, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()
