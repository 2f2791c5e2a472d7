"""The quick validator (fastjsonschema, reader.content.validation) and jsonschema give the same
verdict on every topic: the bundled one, a corpus of hostile variants of it (markup, control
characters, wrong types and missing fields at every place in the document) and documents
broken at random by Hypothesis. A file the quick one accepts is never checked again, so a
disagreement would let a bad file through."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.content.schema import topic_validator
from reader.content.schemafile import as_json
from reader.content.validation import quick_verdict
from tests.content.test_fuzz import ALL_PATHS, GOOD, mutated_documents, values

HOSTILE_TEXT = [
    '<img src="/tmp/hostile.png"> Hostile <a href="https://example.org/x">link</a> <b>bold</b> R&D [*]',
    "<script>alert(1)</script>",
    "\x00\x07\x1b[31m",
    "\u202eevil",
    "",
    " ",
    "\t\n",
    "x" * 30_000,
    "日本語 🙂",
]
WRONG_VALUES: list[Any] = [None, 0, -1, 2009.0, 1.5, True, [], {}, [None], {"x": 1}, dt.date(2020, 1, 2)]


def _agree(doc: Any) -> tuple[bool, bool]:
    data = as_json(doc)
    return quick_verdict(data), topic_validator().is_valid(data)


def _at(doc: Any, path: tuple[Any, ...]) -> tuple[Any, Any]:
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    return parent, path[-1]


def hostile_corpus() -> Iterator[tuple[str, Any]]:
    """The bundled topic, then one variant per place: deleted, given a wrong type, given hostile text."""
    yield "bundled", GOOD
    for n, path in enumerate(ALL_PATHS):
        deleted = copy.deepcopy(GOOD)
        parent, key = _at(deleted, path)
        del parent[key]
        yield f"delete {path}", deleted
        wrong = copy.deepcopy(GOOD)
        parent, key = _at(wrong, path)
        parent[key] = WRONG_VALUES[n % len(WRONG_VALUES)]
        yield f"wrong type at {path}", wrong
        original, last = _at(GOOD, path)
        if isinstance(original[last], str):
            texty = copy.deepcopy(GOOD)
            parent, key = _at(texty, path)
            parent[key] = HOSTILE_TEXT[n % len(HOSTILE_TEXT)]
            yield f"hostile text at {path}", texty
    extra = copy.deepcopy(GOOD)
    extra["unexpected"] = "field"
    yield "unknown top-level field", extra
    yield "a list, not a mapping", [GOOD]
    yield "empty", None
    yield "integer keys", {**GOOD, 1: "x"}


CORPUS = list(hostile_corpus())


def test_both_validators_agree_on_the_hostile_corpus() -> None:
    verdicts = {what: _agree(doc) for what, doc in CORPUS}
    disagreements = [f"{what}: quick {q}, jsonschema {d}" for what, (q, d) in verdicts.items() if q != d]
    assert disagreements == []
    valid = sum(detailed for _, detailed in verdicts.values())
    assert valid >= 10 and len(verdicts) - valid >= 300  # the corpus holds both verdicts


@settings(max_examples=300, deadline=None)
@given(doc=mutated_documents())
def test_both_validators_agree_on_broken_documents(doc: Any) -> None:
    quick, detailed = _agree(doc)
    assert quick == detailed


@settings(max_examples=200, deadline=None)
@given(doc=st.one_of(values, st.dictionaries(st.sampled_from(sorted(GOOD)), values, max_size=8)))
def test_both_validators_agree_on_arbitrary_data(doc: Any) -> None:
    quick, detailed = _agree(doc)
    assert quick == detailed


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=300))
def test_both_validators_agree_on_whatever_yaml_parses_to(text: str) -> None:
    try:
        doc = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError, RecursionError):
        return
    quick, detailed = _agree(doc)
    assert quick == detailed
