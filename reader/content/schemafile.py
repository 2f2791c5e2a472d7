"""The topic schema file and its version: both validators of a topic's structure (the quick one
in reader.content.validation, the detailed one in reader.content.schema) are made from this one
file, which content authors' editors use too."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Any

from reader.resources import resource_path

SCHEMA_VERSION = 1  # part of the content cache's stamp: a new version reloads every pack


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The parsed schema file (shared: callers must not change it)."""
    schema: dict[str, Any] = json.loads(resource_path("schema", "topic.schema.json").read_text("utf-8"))
    return schema


def as_json(value: Any) -> Any:
    """YAML dates become ISO strings, as the schema expects; everything else is already JSON-like."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value
