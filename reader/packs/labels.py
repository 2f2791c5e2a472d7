"""What the window knows about a topic's content pack (its label). The words that describe it,
in the interface language, are in reader.ui.pack_text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


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
