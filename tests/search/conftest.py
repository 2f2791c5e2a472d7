"""Fixtures for the search tests: a service over the bundled topic, packs with a second topic."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.content import Topic, load_content
from reader.search import SearchService

OTHER_TOPIC_ID = "hip-replacement-test"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, bundled_result) -> Iterator[SearchService]:
    """A service over the bundled topic with its index built in a temp dir (shared by a module)."""
    svc = SearchService(bundled_result.topics, tmp_path_factory.mktemp("index"))
    svc.ensure_index()
    yield svc
    svc.close()


def add_other_topic(pack: Path) -> Path:
    """Write a second, small topic into a content pack (a copy of the bundled one, trimmed)."""
    path = pack / "topics" / f"{OTHER_TOPIC_ID}.yaml"
    path.write_text(
        f"""schema_version: 1
id: {OTHER_TOPIC_ID}
title: Hip Replacement
language: en
sections:
  - id: overview
    title: Topic Overview
    blocks:
      - paragraph:
          - Hip replacement surgery swaps a worn joint for an artificial one.
  - id: recovery
    title: Recovery
    blocks:
      - paragraph:
          - Most people walk with a frame the day after the operation.
credits:
  author: Test Staff
  last_revised: 2020-01-01
""",
        encoding="utf-8",
    )
    return path


def edit_sentence(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def load_topics(pack: Path) -> list[Topic]:
    result = load_content(pack)
    assert not [e for e in result.errors if e.severity == "error"], [str(e) for e in result.errors]
    return result.topics


def marked_words(snippet_html: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", snippet_html)
