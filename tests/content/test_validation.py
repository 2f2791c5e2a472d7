"""Every validation rule, each with a bad example: the error names file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.content import ContentError, load_content, load_topic_file
from tests.conftest import BUNDLED_TOPIC

GOOD = BUNDLED_TOPIC.read_text("utf-8")


def _line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing `needle`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def _errors(tmp_path: Path, text: str | bytes) -> list[ContentError]:
    path = tmp_path / "topic.yaml"
    if isinstance(text, str):
        path.write_text(text, "utf-8")
    else:
        path.write_bytes(text)
    topic, errors = load_topic_file(path)
    assert topic is None, "a bad file must not load"
    assert errors, "a bad file must report at least one error"
    for error in errors:
        assert error.path == path
        assert str(error).startswith(f"{path}:")
    return errors


def _replace(old: str, new: str, count: int = 1) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, count)


def test_bundled_topic_is_valid() -> None:
    topic, errors = load_topic_file(BUNDLED_TOPIC)
    assert errors == []
    assert topic is not None and topic.id == "vertebroplasty-kyphoplasty"


def test_missing_required_field(tmp_path: Path) -> None:
    text = _replace("    title: Kyphoplasty\n", "")
    [error] = _errors(tmp_path, text)
    assert error.field == "sections[2]"
    assert "required field 'title' is missing" in error.message
    assert error.line == _line_of(text, "- id: kyphoplasty")


def test_wrong_type(tmp_path: Path) -> None:
    text = _replace("    year: 2009\n", "    year: two thousand nine\n")
    [error] = _errors(tmp_path, text)
    assert error.field == "references[1].year"
    assert error.line == _line_of(text, "year: two thousand nine")
    assert "expected a whole number" in error.message


def test_unknown_field_is_reported(tmp_path: Path) -> None:
    text = _replace("language: en\n", "language: en\nlanguge: fr\n")
    [error] = _errors(tmp_path, text)
    assert "unknown field" in error.message and "languge" in error.message


def test_blank_text_is_refused(tmp_path: Path) -> None:
    text = _replace(
        "            text: The doctor guides the needle using fluoroscopy.", '            text: "  "'
    )
    errors = _errors(tmp_path, text)
    assert any(e.field == "sections[1].blocks[1].paragraph[0].text" for e in errors), errors


@pytest.mark.parametrize(
    ("old", "new", "field", "what"),
    [
        (
            "  - id: kyphoplasty\n    title",
            "  - id: vertebroplasty\n    title",
            "sections[2].id",
            "section id",
        ),
        ("- id: kp-home", "- id: vp-home", "sections[2].blocks[2].paragraph[0].id", "sentence id"),
        ("  - id: kallmes-2009", "  - id: buchbinder-2009", "references[2].id", "reference id"),
    ],
)
def test_duplicate_ids(tmp_path: Path, old: str, new: str, field: str, what: str) -> None:
    text = _replace(old, new)
    errors = _errors(tmp_path, text)
    dup = [e for e in errors if "duplicate" in e.message]
    assert dup and dup[0].field == field
    assert what in dup[0].message and "first used on line" in dup[0].message


def test_duplicate_topic_id_across_files_skips_the_second(tmp_path: Path) -> None:
    topics = tmp_path / "topics"
    topics.mkdir()
    (topics / "a.yaml").write_text(GOOD, "utf-8")
    (topics / "b.yaml").write_text(
        GOOD.replace("title: Vertebroplasty and Kyphoplasty", "title: Copy"), "utf-8"
    )
    result = load_content(tmp_path)
    assert [t.title for t in result.topics] == ["Vertebroplasty and Kyphoplasty"]
    [error] = result.errors
    assert error.path == topics / "b.yaml" and "already used by" in error.message


def test_dangling_citation(tmp_path: Path) -> None:
    text = _replace("cite: [klazen-2010]", "cite: [klazen-2011]")
    [error] = _errors(tmp_path, text)
    assert error.field == "sections[3].blocks[0].paragraph[1].cite[0]"
    assert "'klazen-2011'" in error.message and "not in references" in error.message
    assert error.line == _line_of(text, "klazen-2011")


def test_dangling_comparison_sentence(tmp_path: Path) -> None:
    text = _replace("sentence: vp-cement-hardens}", "sentence: vp-cement-hardened}")
    [error] = _errors(tmp_path, text)
    assert error.field == "comparison.procedures[0].values.cement-hardening.sources[0].sentence"
    assert "no sentence 'vp-cement-hardened' in section 'vertebroplasty'" in error.message
    assert error.line == _line_of(text, "vp-cement-hardened")


def test_comparison_sentence_in_wrong_section(tmp_path: Path) -> None:
    text = _replace(
        "sources: [{section: kyphoplasty, sentence: kp-duration}]",
        "sources: [{section: overview, sentence: kp-duration}]",
    )
    [error] = _errors(tmp_path, text)
    assert "no sentence 'kp-duration' in section 'overview'" in error.message


def test_dangling_comparison_section(tmp_path: Path) -> None:
    text = _replace(
        "sources: [{section: kyphoplasty, sentence: kp-home}]",
        "sources: [{section: kypho, sentence: kp-home}]",
    )
    [error] = _errors(tmp_path, text)
    assert error.field.endswith("going-home.sources[0].section")
    assert "no section 'kypho'" in error.message


def test_comparison_attribute_without_value(tmp_path: Path) -> None:
    text = _replace("        recovery: {not_stated: true}\n", "")
    [error] = _errors(tmp_path, text)
    assert error.field == "comparison.procedures[1].values"
    assert "no value for attribute 'recovery'" in error.message and "not_stated" in error.message


def test_yaml_syntax_error(tmp_path: Path) -> None:
    text = _replace("title: Vertebroplasty and Kyphoplasty\n", "title: [Vertebroplasty and Kyphoplasty\n")
    [error] = _errors(tmp_path, text)
    assert "YAML syntax error" in error.message
    assert error.line is not None and error.line >= _line_of(text, "title: [Vertebroplasty")


def test_non_utf8_bytes(tmp_path: Path) -> None:
    raw = _replace("Nerve damage.", "Nerve d\udcffamage.").encode("utf-8", "surrogateescape")
    [error] = _errors(tmp_path, raw)
    assert "not valid UTF-8" in error.message and "0xff" in error.message
    assert error.line == _line_of(GOOD, "Nerve damage.")


@pytest.mark.parametrize(
    "tag",
    ["!!python/object:os.system {}", "!!python/object/apply:os.system ['echo hacked']", "!custom thing"],
)
def test_yaml_tags_are_never_executed(tmp_path: Path, tag: str) -> None:
    text = _replace("summary: >-", f"danger: {tag}\nsummary: >-")
    [error] = _errors(tmp_path, text)
    assert "YAML tags are not allowed" in error.message
    assert error.line == _line_of(text, "danger:")


def test_empty_file(tmp_path: Path) -> None:
    [error] = _errors(tmp_path, "\n  \n")
    assert error.message == "file is empty"


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    [error] = _errors(tmp_path, "- just\n- a list\n")
    assert "must be a mapping" in error.message


def test_duplicate_yaml_keys(tmp_path: Path) -> None:
    text = _replace("language: en\n", "language: en\nlanguage: fr\n")
    [error] = _errors(tmp_path, text)
    assert error.field == "language" and "duplicate key" in error.message
    assert error.line == _line_of(text, "language: fr")


def test_aliases_are_refused(tmp_path: Path) -> None:
    text = "a: &x [1, 2]\nb: *x\n"
    [error] = _errors(tmp_path, text)
    assert "aliases" in error.message and error.field == "b"


def test_impossible_date(tmp_path: Path) -> None:
    [error] = _errors(tmp_path, _replace("last_revised: 2011-05-24", "last_revised: 2011-13-45"))
    assert "invalid value" in error.message


def test_quoted_impossible_date(tmp_path: Path) -> None:
    [error] = _errors(tmp_path, _replace("last_revised: 2011-05-24", 'last_revised: "2011-02-30"'))
    assert error.field == "credits.last_revised" and "not a real date" in error.message


def test_huge_file_is_refused_without_parsing(tmp_path: Path) -> None:
    [error] = _errors(tmp_path, GOOD + "#" * (3 * 1024 * 1024))
    assert "too large" in error.message and error.line is None


@pytest.mark.parametrize("depth", [40, 900, 5000])
def test_deep_nesting_is_reported(tmp_path: Path, depth: int) -> None:
    [error] = _errors(tmp_path, "a: " + "[" * depth + "]" * depth + "\n")
    assert "nest" in error.message
    assert error.line == 1


def test_many_errors_in_one_file_are_all_reported(tmp_path: Path) -> None:
    text = _replace("    year: 2009\n", "    year: soon\n", count=2)
    errors = _errors(tmp_path, text)
    assert [e.field for e in errors] == ["references[1].year", "references[2].year"]
