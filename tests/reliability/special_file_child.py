"""Reads one file the way the reader does, in a child process the test can time out and whose
memory is capped (a file that never ends must fail the test, not eat the machine):

`python -m tests.reliability.special_file_child KIND PATH` with KIND one of `synonyms`,
`kiosk-config`, `settings`, `kiosk-pin`. Prints a JSON report on its last line.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any


def read_synonyms(path: Path) -> dict[str, Any]:
    from reader.search.synonyms import SynonymTable

    return {"entries": len(SynonymTable.load(path))}


def read_kiosk_config(path: Path) -> dict[str, Any]:
    from reader.kiosk.config import load_config

    loaded = load_config(path)
    return {"enabled": loaded.config.enabled, "errors": [str(e) for e in loaded.errors]}


def read_settings(path: Path) -> dict[str, Any]:
    from reader.ui.settings import Settings

    settings = Settings(path)
    settings.zoom = 125
    settings.sync()
    return {"zoom": settings.zoom}


def set_kiosk_pin(path: Path) -> dict[str, Any]:
    from reader.kiosk.pin import hash_pin, write_pin_hash

    try:
        write_pin_hash(path, hash_pin("482913"))
    except (OSError, ValueError) as exc:
        return {"refused": str(exc)}
    return {"refused": None}


KINDS = {
    "synonyms": read_synonyms,
    "kiosk-config": read_kiosk_config,
    "settings": read_settings,
    "kiosk-pin": set_kiosk_pin,
}


def main(kind: str, path: Path) -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    report = KINDS[kind](path)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
