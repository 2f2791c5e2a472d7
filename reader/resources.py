"""Paths to the files the app ships: bundled content and `resources/` (schema, icons, styles).

Everything is found relative to the package, never the current directory.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES_DIR = PROJECT_ROOT / "resources"
BUNDLED_CONTENT_DIR = PROJECT_ROOT / "content"


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`, e.g. `resource_path("schema", "topic.schema.json")`."""
    return RESOURCES_DIR.joinpath(*parts)
