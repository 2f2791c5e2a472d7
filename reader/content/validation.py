"""Structural validation in two steps: a validator compiled from the schema file decides whether
a topic is valid (about ten times faster than jsonschema); only a file it rejects goes through
jsonschema (reader.content.schema), which names every problem with its line and field.

The compiled validator is generated in memory, once per process, from our own schema file;
nothing generated is ever written to or read from disk. Its verdict and jsonschema's agree on
every file (tests/content/test_validator_agreement.py); should they ever differ on a rejected
file, jsonschema's verdict is the one that counts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from reader.content.errors import ContentError
from reader.content.schemafile import as_json, load_schema
from reader.content.yamltext import ParsedYaml

# fastjsonschema knows drafts 4, 6 and 7; the schema file names 2020-12 for editors but uses
# only keywords that mean the same in draft 7 ($defs is reached by JSON pointer either way).
_COMPILED_AS = "http://json-schema.org/draft-07/schema#"


@lru_cache(maxsize=1)
def _compiled() -> Callable[[Any], Any]:
    import fastjsonschema

    schema = {**load_schema(), "$schema": _COMPILED_AS}
    # formats are not checked: jsonschema does not check them either unless asked to
    return fastjsonschema.compile(schema, use_formats=False)


def quick_verdict(data: Any) -> bool:
    """True when `data` (JSON-like, see schemafile.as_json) is a valid topic by the schema."""
    try:
        _compiled()(data)
    except Exception:  # a rejection, or data the generated code cannot handle: ask jsonschema
        return False
    return True


def structure_errors(path: Path, parsed: ParsedYaml) -> list[ContentError]:
    """The structural problems of one topic file; [] when it is valid."""
    if quick_verdict(as_json(parsed.data)):
        return []
    from reader.content.schema import validate_structure

    return validate_structure(path, parsed)
