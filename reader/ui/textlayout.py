"""Where things are in a laid-out QTextDocument: anchor positions, the y of a position, and
highlight spans as extra selections. Plain functions over a document, shared by the reading views.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit


def document_anchors(document: QTextDocument) -> dict[str, int]:
    """Anchor names and their positions (Qt puts a name on the first character it marks)."""
    anchors: dict[str, int] = {}
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            for name in fragment.charFormat().anchorNames():
                anchors.setdefault(name, fragment.position())
            it += 1
        block = block.next()
    return anchors


def y_of(document: QTextDocument, position: int) -> float:
    """The document y of the line holding `position`."""
    block = document.findBlock(position)
    rect = document.documentLayout().blockBoundingRect(block)
    layout = block.layout()
    line = layout.lineForTextPosition(position - block.position()) if layout is not None else None
    return rect.top() + (line.y() if line is not None and line.isValid() else 0.0)


def span_selection(
    document: QTextDocument, span: tuple[int, int], background: str, foreground: str
) -> QTextEdit.ExtraSelection:
    """An extra selection painting `span` in the given colours (search hits, the target sentence)."""
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(document)
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    char_format = QTextCharFormat()
    char_format.setBackground(QColor(background))
    char_format.setForeground(QColor(foreground))
    selection.cursor = cursor
    selection.format = char_format
    return selection


def set_side_margins(document: QTextDocument, side: float) -> None:
    """Left and right margins of the document's root frame (unchanged below a pixel: no relayout)."""
    frame = document.rootFrame()
    frame_format = frame.frameFormat()
    if abs(frame_format.leftMargin() - side) >= 1:
        frame_format.setLeftMargin(side)
        frame_format.setRightMargin(side)
        frame.setFrameFormat(frame_format)
