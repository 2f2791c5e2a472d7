"""Issue 14, item 19: `check` lists a file's problems in line order and says what a field's
form must be in words, never as a regular expression."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.content.pattern_words import PATTERN_WORDS, pattern_message
from reader.resources import resource_path
from tests.conftest import BUNDLED_TOPIC


def _patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            yield node["pattern"]
        for value in node.values():
            yield from _patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from _patterns(value)


def test_every_schema_pattern_has_words() -> None:
    schema = json.loads(resource_path("schema", "topic.schema.json").read_text("utf-8"))
    patterns = set(_patterns(schema))
    assert patterns, "the schema has patterns"
    assert sorted(patterns - PATTERN_WORDS.keys()) == []


def test_words_never_show_the_expression() -> None:
    for pattern, words in PATTERN_WORDS.items():
        message = pattern_message("'x'", pattern)
        assert pattern not in message and "^" not in message and "{" not in message, pattern
        assert words in message
    assert pattern_message("'x'", "^[a-z]$") == "'x' is not written the way this field expects"


def test_check_sorts_by_line_and_says_forms_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = BUNDLED_TOPIC.read_text("utf-8")
    bad = (
        text.replace('pmid: "20701962"', 'pmid: "020701962"')
        .replace("language: en\n", "language: English\n")
        .replace("last_revised: 2011-05-24", "last_revised: 24-05-2011")
    )
    topics = tmp_path / "topics"
    topics.mkdir()
    (topics / "bad.yaml").write_text(bad, "utf-8")
    assert main(["check", "--content", str(tmp_path)]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith(str(topics))]
    numbers = [int(re.match(r".+?\.yaml:(\d+):", line).group(1)) for line in lines]  # type: ignore[union-attr]
    assert len(lines) >= 2 and numbers == sorted(numbers), lines
    joined = "\n".join(lines)
    assert "must be a number of 1 to 9 digits, not starting with 0" in joined
    assert "[0-9]" not in joined and "expected form" not in joined
