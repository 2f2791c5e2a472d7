"""Detailed structural validation with jsonschema, for a file the quick validator rejected
(reader.content.validation): every problem becomes a ContentError with the line of the field.

Imported only when a file is invalid: a warm start and a valid pack never load jsonschema.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError, best_match

from reader.content.errors import ContentError
from reader.content.pattern_words import pattern_message
from reader.content.schemafile import as_json, load_schema
from reader.content.yamltext import ParsedYaml, format_path

MAX_ERRORS_PER_FILE = 20


@lru_cache(maxsize=1)
def topic_validator() -> jsonschema.protocols.Validator:
    schema = load_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_structure(path: Path, parsed: ParsedYaml) -> list[ContentError]:
    """All structural problems of one file, most specific first, at most MAX_ERRORS_PER_FILE."""
    data = as_json(parsed.data)
    errors = sorted(topic_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    out: list[ContentError] = []
    for error in errors[:MAX_ERRORS_PER_FILE]:
        error = _most_specific(error)
        key = tuple(error.absolute_path)
        out.append(ContentError(path, parsed.line_of(key), format_path(key), _message(error)))
    return out


def _most_specific(error: ValidationError) -> ValidationError:
    """For oneOf/anyOf failures, report the branch the author evidently meant.

    A branch that fails at the instance itself on its type, required fields or
    allowed keys is the wrong shape; among the others, the deepest error wins.
    """
    while error.validator in ("oneOf", "anyOf") and error.context:
        branches: dict[int, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(int(sub.schema_path[0]), []).append(sub)
        plausible = [
            errs for errs in branches.values() if not any(not e.path and e.validator in _SHAPE for e in errs)
        ]
        pool = max(plausible, key=lambda errs: max(len(e.path) for e in errs)) if plausible else error.context
        error = best_match(pool)
    return error


_SHAPE = ("type", "required", "additionalProperties")


def _message(error: ValidationError) -> str:
    validator = error.validator
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"required field '{missing}' is missing"
    if validator == "additionalProperties":
        return f"unknown field ({error.message.split('(')[-1].rstrip(')')})"
    if validator == "type":
        return f"expected {_type_name(error.validator_value)}, got {_describe(error.instance)}"
    if validator == "pattern":  # said in words, never as the regular expression
        return pattern_message(_short(error.instance), str(error.validator_value))
    if validator == "minItems":
        return f"needs at least {error.validator_value} item(s)"
    if validator == "minLength":
        return "must not be empty"
    if validator == "maxLength":
        return f"is too long (more than {error.validator_value} characters)"
    if validator == "const":
        return f"must be {error.validator_value!r}, got {_short(error.instance)}"
    if validator == "enum":
        choices = ", ".join(str(v) for v in error.validator_value)  # type: ignore[union-attr]
        return f"must be one of {choices}, got {_short(error.instance)}"
    if validator == "uniqueItems":
        return "has duplicate items"
    return error.message


def _type_name(expected: Any) -> str:
    names: dict[str, str] = {
        "string": "text",
        "object": "a mapping",
        "array": "a list",
        "integer": "a whole number",
        "boolean": "true or false",
        "number": "a number",
    }
    if isinstance(expected, list):
        return " or ".join(names.get(t, str(t)) for t in expected)
    return names.get(expected, str(expected))


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (empty value)"
    kind = {
        dict: "a mapping",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
    }.get(type(value), type(value).__name__)
    return f"{kind} {_short(value)}" if isinstance(value, str | int | float) else kind


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
