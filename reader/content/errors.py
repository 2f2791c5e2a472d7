"""The one error type of content loading: what is wrong, and where (file, line, field)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ContentError(Exception):
    """A problem in a topic file, printed as `file:line: field: message`.

    `line` is 1-based, or None when the problem concerns the whole file
    (unreadable, empty). `field` is a path such as `sections[2].title`, or ""
    for the document as a whole.
    """

    path: Path
    line: int | None
    field: str
    message: str
    severity: str = "error"  # "error" skips the file; "warning" only reports

    def __reduce__(self) -> tuple[type[ContentError], tuple[Path, int | None, str, str, str]]:
        # dataclass exceptions do not fill `args`, so copy and pickle work by fields
        return (ContentError, (self.path, self.line, self.field, self.message, self.severity))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        field = f" {self.field}:" if self.field else ""
        prefix = "" if self.severity == "error" else f" {self.severity}:"
        return f"{where}:{prefix}{field} {self.message}"


def reading_order(error: ContentError) -> tuple[str, int, str]:
    """Sort key: by file, then line (problems of a whole file first), then field."""
    return (str(error.path), error.line or 0, error.field)
