"""The printed handout: the topic as a QTextDocument for paper, written as PDF, printed or
previewed page by page with footers (reader.ui.handout_pages). The window's Print / Print preview /
Export as PDF commands are reader.ui.handout_commands, which loads this module on first use.

QtPrintSupport is loaded only when something is printed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from reader.content.model import Topic
from reader.ui.handout_content import HandoutChoice, footer_facts, handout_html, print_css
from reader.ui.handout_pages import Handout, paint_handout
from reader.ui.render import RenderOptions


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
