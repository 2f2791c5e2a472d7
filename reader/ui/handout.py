"""The printed handout: the topic as a QTextDocument for paper, written as PDF, printed or
previewed page by page with footers (reader.ui.handout_pages), and the window's Print / Print
preview / Export as PDF commands, which first ask what goes in (reader.ui.handout_dialog).

QtPrintSupport is loaded only when something is printed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QWidget

from reader.content.model import Topic
from reader.ui.export_folder import ExportFolder
from reader.ui.handout_content import HandoutChoice, footer_facts, handout_html, print_css
from reader.ui.handout_dialog import PREVIEW, PRINT, SAVE_PDF, ask_handout_choice
from reader.ui.handout_pages import Handout, paint_handout
from reader.ui.render import RenderOptions

STATUS_TIMEOUT_MS = 6000
ChoiceAsker = Callable[[QWidget, Topic, str], HandoutChoice | None]


def handout_document(
    topic: Topic, options: RenderOptions, choice: HandoutChoice | None = None
) -> QTextDocument:
    """The chosen parts of the topic as a printable document: no back links, dark text."""
    choice = choice or HandoutChoice()
    document = QTextDocument()
    font = QFont(document.defaultFont())
    font.setPointSizeF(choice.point_size)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(print_css())
    document.setHtml(handout_html(topic, options, choice))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, topic.title)
    return document


def make_handout(topic: Topic, options: RenderOptions, choice: HandoutChoice | None = None) -> Handout:
    choice = choice or HandoutChoice()
    return Handout(handout_document(topic, options, choice), footer_facts(topic, options), choice.point_size)


def write_pdf(handout: Handout, path: Path) -> int:
    """Write `handout` as a PDF file (fonts embedded); its number of pages. OSError if it cannot
    be written. QtPrintSupport is loaded only here."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(handout.title)
    printer.setCreator(QCoreApplication.translate("Handout", "Health topic reader"))
    with open(path, "wb"):  # Qt fails silently on an unwritable path: let the OS say why first
        pass
    pages = paint_handout(handout, printer)
    if path.stat().st_size == 0:
        raise OSError(f"the PDF could not be written to {path}")
    return pages


def print_with_dialog(parent: QWidget, handout: Handout) -> bool:
    """Ask for a printer and print; False when the user cancels."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(handout.title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Handout", "Print handout"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_handout(handout, printer)
    return True


def preview(parent: QWidget, handout: Handout) -> None:
    """Show the handout as it will print, with Qt's print preview dialog."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Handout", "Print preview"))
    dialog.paintRequested.connect(lambda device: paint_handout(handout, device))
    dialog.exec()


def ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to save a PDF, offering `suggested` (reader.ui.export_folder); None if cancelled."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Handout", "Export as PDF"),
        suggested,
        QCoreApplication.translate("Handout", "PDF files (*.pdf)"),
    )
    if not name:
        return None
    return Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")


class HandoutCommands(QObject):
    """The window's print, preview and PDF export of the topic being read; each asks what goes
    in first (`ask_choice`, replaceable in tests)."""

    def __init__(
        self,
        window: QMainWindow,
        current_topic: Callable[[], Topic | None],
        options: Callable[[], RenderOptions],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._current_topic = current_topic
        self._options = options
        self.file_dialogs_allowed = True
        self.export_folder: ExportFolder | None = None  # where the dialog starts; set by the window
        self.ask_choice: ChoiceAsker = ask_handout_choice

    def handout(self, choice: HandoutChoice | None = None) -> Handout:
        topic = self._current_topic()
        assert topic is not None
        return make_handout(topic, self._options(), choice)

    def export_pdf(self, path: Path, choice: HandoutChoice | None = None) -> int:
        """Write the current topic as a PDF handout to `path` (no dialog); its number of pages."""
        if self._current_topic() is None:
            return 0
        return write_pdf(self.handout(choice), path)

    def _choose(self, action: str) -> HandoutChoice | None:
        topic = self._current_topic()
        return None if topic is None else self.ask_choice(self._window, topic, action)

    @Slot()
    def ask_export_pdf(self) -> None:
        """Ask what goes in and where to save it (laptops), then write it and say so."""
        topic = self._current_topic()
        if topic is None or not self.file_dialogs_allowed:
            return
        choice = self._choose(SAVE_PDF)
        if choice is None:
            return
        folders = self.export_folder
        path = ask_pdf_path(
            self._window, folders.suggest(f"{topic.id}.pdf") if folders else f"{topic.id}.pdf"
        )
        if path is None:
            return
        bar = self._window.statusBar()
        try:
            self.export_pdf(path, choice)
        except OSError as exc:
            text = QCoreApplication.translate("Handout", "Could not save {file}: {reason}")
            bar.showMessage(text.format(file=path.name, reason=exc.strerror or exc), STATUS_TIMEOUT_MS)
            return
        if folders is not None:
            folders.remember(path)
        bar.showMessage(
            QCoreApplication.translate("Handout", "Saved {file}").format(file=path), STATUS_TIMEOUT_MS
        )

    @Slot()
    def print_topic(self) -> None:
        choice = self._choose(PRINT)
        if choice is not None:
            print_with_dialog(self._window, self.handout(choice))

    @Slot()
    def print_preview(self) -> None:
        choice = self._choose(PREVIEW)
        if choice is not None:
            preview(self._window, self.handout(choice))
