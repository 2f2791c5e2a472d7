"""Kiosk printing: straight to the default printer, never through a dialog (a print dialog can
browse files and "print to file"). Its messages are marked in the "KioskPrinting" context; the
label showing one translates it (and again on a language change)."""

from __future__ import annotations

import datetime as dt
import logging

from reader.content.model import Topic
from reader.i18n import QT_TRANSLATE_NOOP
from reader.ui.handout import make_handout
from reader.ui.handout_pages import Handout, paint_handout
from reader.ui.render import RenderOptions

log = logging.getLogger(__name__)

PRINTING_CONTEXT = "KioskPrinting"
NO_PRINTER = QT_TRANSLATE_NOOP("KioskPrinting", "Printing is not available here. Please ask at the desk.")
PRINTING = QT_TRANSLATE_NOOP("KioskPrinting", "Printing… Please collect your handout from the printer.")


def kiosk_handout(
    topic: Topic, citation_style: str, today: dt.date | None = None, *, show_published_since: bool = False
) -> Handout:
    """The whole topic, citing in the style the references page shows. The clinicians'
    "Published since" list is left out unless the kiosk file turns it on."""
    options = RenderOptions(
        today=today or dt.date.today(),
        citation_style=citation_style,
        show_published_since=show_published_since,
    )
    return make_handout(topic, options)


def print_handout(
    topic: Topic, citation_style: str, today: dt.date | None = None, *, show_published_since: bool = False
) -> str:
    """Print `topic` as a handout on the default printer; return what to tell the user (the
    English source, marked in PRINTING_CONTEXT)."""
    handout = kiosk_handout(topic, citation_style, today, show_published_since=show_published_since)
    return print_to_default_printer(handout)


def print_to_default_printer(handout: Handout) -> str:
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        log.warning("kiosk print refused: no default printer")
        return NO_PRINTER
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(handout.title)
    paint_handout(handout, printer)
    log.info("kiosk handout sent to %s", info.printerName())
    return PRINTING
