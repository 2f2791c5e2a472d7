"""Kiosk printing: straight to the default printer, never through a dialog (a print dialog can
browse files and "print to file")."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtGui import QTextDocument

from reader.content.model import Topic
from reader.ui.handout import handout_document
from reader.ui.render import RenderOptions

log = logging.getLogger(__name__)

NO_PRINTER = "Printing is not available here. Please ask at the desk."
PRINTING = "Printing… Please collect your handout from the printer."


def print_handout(topic: Topic, today: dt.date | None = None, *, show_published_since: bool = False) -> str:
    """Print `topic` as a handout on the default printer; return what to tell the user. The
    clinicians' "Published since" list is left out unless the kiosk file turns it on."""
    options = RenderOptions(today=today or dt.date.today(), show_published_since=show_published_since)
    document = handout_document(topic, options)
    return print_to_default_printer(document)


def print_to_default_printer(document: QTextDocument) -> str:
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        log.warning("kiosk print refused: no default printer")
        return NO_PRINTER
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    document.print_(printer)
    log.info("kiosk handout sent to %s", info.printerName())
    return PRINTING
