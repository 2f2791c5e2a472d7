"""The printed handout: the topic as a QTextDocument for paper, written as PDF, printed or
previewed, and the window's Print / Print preview / Export as PDF commands.

QtPrintSupport is loaded only when something is printed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QWidget

from reader.content.model import Topic
from reader.ui.export_folder import ExportFolder
from reader.ui.render import RenderOptions, article_css, format_date, render_topic_html
from reader.ui.theme import LIGHT

STATUS_TIMEOUT_MS = 6000


def print_css() -> str:
    """Black on white whatever the screen theme: a handout is for paper."""
    return article_css(LIGHT).replace(LIGHT.link, "#000000")


def handout_document(topic: Topic, options: RenderOptions, point_size: float = 11.0) -> QTextDocument:
    """The topic as a printable document: no back links, dark text, the printing date at the end."""
    document = QTextDocument()
    font = QFont(document.defaultFont())
    font.setPointSizeF(point_size)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(print_css())
    printed = f'<p class="printed">Printed on {format_date(options.today)}.</p>'
    document.setHtml(render_topic_html(topic, replace(options, for_print=True)) + printed)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, topic.title)
    return document


def write_pdf(document: QTextDocument, path: Path, title: str) -> None:
    """Write `document` as a PDF file (fonts embedded); OSError if it cannot be written.

    QtPrintSupport is loaded only here."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    printer.setCreator("Health topic reader")
    with open(path, "wb"):  # Qt fails silently on an unwritable path: let the OS say why first
        pass
    document.print_(printer)
    if path.stat().st_size == 0:
        raise OSError(f"the PDF could not be written to {path}")


def print_with_dialog(parent: QWidget, document: QTextDocument) -> bool:
    """Ask for a printer and print; False when the user cancels."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print handout")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True


def preview(parent: QWidget, document: QTextDocument) -> None:
    """Show the handout as it will print, with Qt's print preview dialog."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print preview")
    dialog.paintRequested.connect(document.print_)
    dialog.exec()


def ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to save a PDF, offering `suggested` (reader.ui.export_folder); None if cancelled."""
    name, _filter = QFileDialog.getSaveFileName(parent, "Export as PDF", suggested, "PDF files (*.pdf)")
    if not name:
        return None
    return Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")


class HandoutCommands(QObject):
    """The window's print, preview and PDF export of the topic being read."""

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

    def document(self) -> QTextDocument:
        topic = self._current_topic()
        assert topic is not None
        return handout_document(topic, self._options())

    def export_pdf(self, path: Path) -> None:
        """Write the current topic as a PDF handout to `path` (no dialog)."""
        topic = self._current_topic()
        if topic is not None:
            write_pdf(self.document(), path, topic.title)

    @Slot()
    def ask_export_pdf(self) -> None:
        """Ask where to save the handout (laptops), then write it and say so in the status bar."""
        topic = self._current_topic()
        if topic is None or not self.file_dialogs_allowed:
            return
        folders = self.export_folder
        path = ask_pdf_path(
            self._window, folders.suggest(f"{topic.id}.pdf") if folders else f"{topic.id}.pdf"
        )
        if path is None:
            return
        bar = self._window.statusBar()
        try:
            self.export_pdf(path)
        except OSError as exc:
            bar.showMessage(f"Could not save {path.name}: {exc.strerror or exc}", STATUS_TIMEOUT_MS)
            return
        if folders is not None:
            folders.remember(path)
        bar.showMessage(f"Saved {path}", STATUS_TIMEOUT_MS)

    @Slot()
    def print_topic(self) -> None:
        if self._current_topic() is not None:
            print_with_dialog(self._window, self.document())

    @Slot()
    def print_preview(self) -> None:
        if self._current_topic() is not None:
            preview(self._window, self.document())
