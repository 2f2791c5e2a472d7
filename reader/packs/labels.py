"""How the window and the handout describe a topic's content pack: a line in the credits
("unverified content" when an administrator allowed an unsigned pack) and the overdue-for-review
notice from the pack's signed `review_by` date."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

UNVERIFIED = "unverified content"


@dataclass(frozen=True)
class PackLabel:
    """What the window says about a pack: in the credits, in Help > About."""

    pack_id: str
    title: str
    version: int
    publisher: str
    verified: bool = True  # False: "unverified content", allowed by an administrator
    review_by: dt.date | None = None
    bundled: bool = False
    signer: str = ""


def pack_line(pack: PackLabel) -> str:
    """E.g. "Clinic extra topics, version 3, published by Example Health"."""
    version = f", version {pack.version}" if pack.version else ""
    publisher = f", published by {pack.publisher}" if pack.publisher else ""
    return f"{pack.title}{version}{publisher}"


def pack_credits_html(pack: PackLabel | None) -> str:
    if pack is None:
        return ""
    e = html.escape
    rows = f'<p class="credits"><b>Content pack:</b> {e(pack_line(pack))}</p>'
    if not pack.verified:
        rows += (
            f'<p class="credits"><b>{e(UNVERIFIED.capitalize())}:</b> this pack is not signed by a '
            "publisher the reader trusts; an administrator allowed it.</p>"
        )
    return rows


def pack_review_notice(pack: PackLabel | None, today: dt.date) -> str | None:
    """The notice for a pack past its `review_by` date, else None."""
    if pack is None or pack.review_by is None or today <= pack.review_by:
        return None
    when = f"{pack.review_by.day} {pack.review_by:%B %Y}"
    return (
        f"The content pack \u201c{pack.title}\u201d was due for review by its publisher on {when}. "
        "Please check with your doctor or another up-to-date source."
    )
