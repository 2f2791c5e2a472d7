"""The clinician's choice of what goes into a handout: which sections, the comparison table,
the references, and large print. Asked before printing, previewing or saving a PDF.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QVBoxLayout,
    QWidget,
)

from reader.content.model import Topic
from reader.i18n import QT_TRANSLATE_NOOP
from reader.ui.handout_content import HandoutChoice

# What the dialog's OK button says, by the command that opened it (translated when shown).
SAVE_PDF = QT_TRANSLATE_NOOP("HandoutDialog", "Save PDF")
PRINT = QT_TRANSLATE_NOOP("HandoutDialog", "Print")
PREVIEW = QT_TRANSLATE_NOOP("HandoutDialog", "Preview")


class HandoutDialog(QDialog):
    """Check boxes for every section and part; `choice()` reads them."""

    def __init__(self, topic: Topic, action: str, parent: QWidget | None = None) -> None:
        """`action` is the OK button's English text (SAVE_PDF, PRINT, PREVIEW), translated when shown."""
        super().__init__(parent)
        self._action = action
        self._topic = topic
        self.setMinimumWidth(420)
        self.section_boxes: dict[str, QCheckBox] = {}
        self.sections = QGroupBox(self)
        column = QVBoxLayout(self.sections)
        for section in topic.sections:
            box = self._box(True)
            box.setText(section.title)  # content: never translated
            box.setAccessibleName(section.title)
            self.section_boxes[section.id] = box
            column.addWidget(box)
        has_comparison = topic.comparison is not None and bool(topic.comparison.procedures)
        self.comparison_box = self._box(has_comparison)
        self.comparison_box.setEnabled(has_comparison)
        self.references_box = self._box(bool(topic.references))
        self.references_box.setEnabled(bool(topic.references))
        self.large_box = self._box(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        # Not the standard OK button: the box would reset its text to "OK" on a language change.
        self.ok_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sections)
        for box in (self.comparison_box, self.references_box, self.large_box):
            layout.addWidget(box)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Every fixed text of the dialog in the interface language (section titles are content)."""
        self.setWindowTitle(QCoreApplication.translate("HandoutDialog", "What goes in the handout"))
        self.setAccessibleName(QCoreApplication.translate("HandoutDialog", "Handout contents"))
        self.sections.setTitle(QCoreApplication.translate("HandoutDialog", "Sections"))
        tip = QCoreApplication.translate("HandoutDialog", "Include the section \u201c{section}\u201d")
        for section in self._topic.sections:
            self.section_boxes[section.id].setToolTip(tip.format(section=section.title))
        texts = (
            (
                self.comparison_box,
                QCoreApplication.translate("HandoutDialog", "Comparison table"),
                QCoreApplication.translate("HandoutDialog", "Include the table comparing the procedures"),
            ),
            (
                self.references_box,
                QCoreApplication.translate("HandoutDialog", "References"),
                QCoreApplication.translate("HandoutDialog", "Include the numbered reference list"),
            ),
            (
                self.large_box,
                QCoreApplication.translate("HandoutDialog", "Large print"),
                QCoreApplication.translate("HandoutDialog", "Print the text at 16 points instead of 11"),
            ),
        )
        for box, text, box_tip in texts:
            box.setText(text)
            box.setAccessibleName(text)
            box.setToolTip(box_tip)
        action = QCoreApplication.translate("HandoutDialog", self._action)
        self.ok_button.setText(action)
        self.ok_button.setAccessibleName(action)
        self.ok_button.setToolTip(
            QCoreApplication.translate("HandoutDialog", "{action} with the parts checked above").format(
                action=action
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _box(self, checked: bool) -> QCheckBox:
        box = QCheckBox(self)
        box.setChecked(checked)
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
