"""The handout on paper: the document laid out on a printer's or PDF writer's pages, painted page
by page with a footer (title, source, revision date, page n of m, print date), and the credits
with the disclaimer kept together on one page. QTextDocument.print_ has no footer, so the pages
are painted here with QPainter.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPalette,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from reader.ui.dates import format_number
from reader.ui.handout_content import FooterFacts
from reader.ui.render import CREDITS_ANCHOR

FOOTER_SCALE = 0.8  # footer text against the body text
_INK = QColor("#000000")
_RULE = QColor("#777777")


@dataclass(frozen=True)
class Handout:
    """A handout ready for paper: its document, its footer facts and its body text size."""

    document: QTextDocument
    facts: FooterFacts
    point_size: float

    @property
    def title(self) -> str:
        return self.facts.title


def page_label(page: int, pages: int) -> str:
    text = QCoreApplication.translate("Handout", "Page {page} of {pages}")
    return text.format(page=format_number(page), pages=format_number(pages))


def footer_lines(facts: FooterFacts, page: int, pages: int) -> tuple[str, str, str]:
    """(left of line 1, right of line 1, line 2) of page `page` (1-based)."""
    line = QCoreApplication.translate(
        "Handout", "{source} \u2014 last revised {revised} \u2014 printed on {printed}"
    )
    return (
        facts.title,
        page_label(page, pages),
        line.format(source=facts.source, revised=facts.revised, printed=facts.printed),
    )


class HandoutPages:
    """`handout` laid out for `device`'s page size and margins (in the device's pixels), on a copy
    of its document: each layout starts afresh (a print preview lays out again for every page
    setup), and the page breaks added here never reach the handout itself."""

    def __init__(self, handout: Handout, device: QPagedPaintDevice) -> None:
        self.handout = handout
        self.device = device
        self.document = document = handout.document.clone()
        document.documentLayout().setPaintDevice(device)
        area = device.pageLayout().paintRectPixels(device.logicalDpiX())
        self.footer_font = QFont(document.defaultFont())
        self.footer_font.setPointSizeF(max(8.0, handout.point_size * FOOTER_SCALE))
        self._line = QFontMetricsF(self.footer_font, device).lineSpacing()
        gap = self._line  # between the body and the footer rule
        self.body = QSizeF(area.width(), area.height() - 2 * self._line - gap)
        document.setPageSize(self.body)
        keep_headings_with_text(document, self.body.height())
        keep_credits_together(document, self.body.height())

    @property
    def count(self) -> int:
        return self.document.pageCount()

    def page_of(self, y: float) -> int:
        """The 1-based page on which the document's `y` (device pixels) falls."""
        return int(y // self.body.height()) + 1

    def paint(self, painter: QPainter) -> None:
        """Paint every page on `painter` (open on the device), starting new pages as needed."""
        for index in range(self.count):
            if index:
                self.device.newPage()
            self._paint_body(painter, index)
            self._paint_footer(painter, index + 1)

    def _paint_body(self, painter: QPainter, index: int) -> None:
        height = self.body.height()
        painter.save()
        painter.translate(0, -index * height)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, index * height, self.body.width(), height)
        palette = QPalette(context.palette)
        palette.setColor(QPalette.ColorRole.Text, _INK)  # never the screen theme's light text
        context.palette = palette
        painter.setClipRect(context.clip)
        self.document.documentLayout().draw(painter, context)
        painter.restore()

    def _paint_footer(self, painter: QPainter, page: int) -> None:
        left, right, second = footer_lines(self.handout.facts, page, self.count)
        width, line = self.body.width(), self._line
        top = self.body.height() + line
        painter.save()
        painter.setPen(QPen(_RULE, max(1.0, line / 20)))
        painter.drawLine(QPointF(0, top - line / 3), QPointF(width, top - line / 3))
        painter.setPen(_INK)
        painter.setFont(self.footer_font)
        metrics = QFontMetricsF(self.footer_font, self.device)
        right_width = metrics.horizontalAdvance(right)
        elided = metrics.elidedText(left, Qt.TextElideMode.ElideMiddle, width - right_width - line)
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(0, top, width, line), int(align | Qt.AlignmentFlag.AlignLeft), elided)
        painter.drawText(QRectF(0, top, width, line), int(align | Qt.AlignmentFlag.AlignRight), right)
        second = metrics.elidedText(second, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRectF(0, top + line, width, line), int(align | Qt.AlignmentFlag.AlignLeft), second)
        painter.restore()


def _has_anchor(block: QTextBlock, name: str) -> bool:
    iterator = block.begin()
    while not iterator.atEnd():
        if name in iterator.fragment().charFormat().anchorNames():
            return True
        iterator += 1
    return False


def credits_block(document: QTextDocument) -> QTextBlock | None:
    """The first block of the credits: the rule above the "Credits" heading, else the heading."""
    block = document.firstBlock()
    while block.isValid():
        if _has_anchor(block, CREDITS_ANCHOR):
            rule = block.previous()
            ruled = rule.isValid() and rule.blockFormat().hasProperty(
                QTextFormat.Property.BlockTrailingHorizontalRulerWidth
            )
            return rule if ruled else block
        block = block.next()
    return None


def _break_before(block: QTextBlock) -> None:
    cursor = QTextCursor(block)
    page_break = cursor.blockFormat()
    page_break.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.setBlockFormat(page_break)


def _finish_layout(document: QTextDocument) -> None:
    """Lay the whole document out now: Qt lays out lazily, and the document's size read before
    that is the size of the part laid out so far (seen after a change of page size)."""
    document.pageCount()


def keep_headings_with_text(document: QTextDocument, page_height: float) -> int:
    """Move a heading that would end a page to the next page, with the text it heads; how many moved."""
    _finish_layout(document)
    layout = document.documentLayout()
    moved = 0
    block = document.firstBlock()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() > 0 and following.isValid():
            top = layout.blockBoundingRect(block).top()
            lines = following.layout()
            first_line = lines.lineAt(0).height() if lines.lineCount() else 0.0
            below = layout.blockBoundingRect(following).top() + first_line
            if int(top // page_height) != int((below - 1) // page_height) and top % page_height > 0:
                _break_before(block)  # the layout is redone at once; later blocks see the new one
                moved += 1
        block = following
    return moved


def keep_credits_together(document: QTextDocument, page_height: float) -> bool:
    """Start the credits (with the disclaimer) on a new page when they would be split and fit on
    one page; True when a page break was added."""
    block = credits_block(document)
    if block is None:
        return False
    _finish_layout(document)
    layout = document.documentLayout()
    top = layout.blockBoundingRect(block).top()
    bottom = layout.documentSize().height() - document.documentMargin()
    split = int(top // page_height) != int((bottom - 1) // page_height)
    if not split or bottom - top > page_height:
        return False
    _break_before(block)
    return True


def paint_handout(handout: Handout, device: QPagedPaintDevice) -> int:
    """Lay out and paint `handout` on `device` (a QPrinter or QPdfWriter); the number of pages."""
    pages = HandoutPages(handout, device)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or file could not be opened for painting")
    try:
        pages.paint(painter)
    finally:
        painter.end()
    return pages.count
