"""How the window, the article and the handout describe a content pack, in the interface
language: a line naming it, its lines in the credits ("unverified content" when an administrator
allowed an unsigned pack) and the overdue-for-review notice from its signed `review_by` date.
Pack titles and publishers come from the pack and are never translated."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication

from reader.packs.labels import PackLabel
from reader.ui.dates import format_long_date


def pack_line(pack: PackLabel) -> str:
    """E.g. "Clinic extra topics, version 3, published by Example Health"."""
    if pack.version and pack.publisher:
        text = QCoreApplication.translate(
            "ContentPack", "{title}, version {version}, published by {publisher}"
        )
    elif pack.version:
        text = QCoreApplication.translate("ContentPack", "{title}, version {version}")
    elif pack.publisher:
        text = QCoreApplication.translate("ContentPack", "{title}, published by {publisher}")
    else:
        text = "{title}"
    return text.format(title=pack.title, version=pack.version, publisher=pack.publisher)


def unverified_label() -> str:
    """What a pack an administrator allowed unsigned is called."""
    return QCoreApplication.translate("ContentPack", "unverified content")


def pack_credits_html(pack: PackLabel | None) -> str:
    if pack is None:
        return ""
    e = html.escape
    label = QCoreApplication.translate("ContentPack", "Content pack:")
    rows = f'<p class="credits"><b>{e(label)}</b> {e(pack_line(pack))}</p>'
    if not pack.verified:
        label = QCoreApplication.translate("ContentPack", "Unverified content:")
        text = QCoreApplication.translate(
            "ContentPack",
            "this pack is not signed by a publisher the reader trusts; an administrator allowed it.",
        )
        rows += f'<p class="credits"><b>{e(label)}</b> {e(text)}</p>'
    return rows


def pack_review_notice(pack: PackLabel | None, today: dt.date) -> str | None:
    """The notice for a pack past its `review_by` date, else None."""
    if pack is None or pack.review_by is None or today <= pack.review_by:
        return None
    text = QCoreApplication.translate(
        "ContentPack",
        "The content pack \u201c{title}\u201d was due for review by its publisher on {date}. "
        "Please check with your doctor or another up-to-date source.",
    )
    return text.format(title=pack.title, date=format_long_date(pack.review_by))
