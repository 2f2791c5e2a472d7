"""Topic language and translations (issue 16): a bad `language` is named with its file, line and
field; `translation_of` is checked against the pack; one topic per group is listed."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.content.loader import load_content
from reader.content.translations import Translations

LANGUAGE_PACK = Path(__file__).resolve().parent.parent / "data" / "language_pack"  # test data only


def _pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(LANGUAGE_PACK, pack)
    return pack


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_bad_language_is_reported_with_file_line_and_field(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    topic = pack / "topics" / "test-only-english.yaml"
    _edit(topic, "language: en", "language: English")
    loaded = load_content(pack)
    [error] = [e for e in loaded.errors if e.path == topic]
    assert error.field == "language" and error.line == 5
    assert "language tag such as en" in error.message and "'English'" in error.message
    assert loaded.topic("test-only-english") is None  # skipped; the others still load
    assert loaded.topic("test-bone-topic") is not None


def test_a_translation_of_a_missing_topic_is_an_error_naming_the_field(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    topic = pack / "topics" / "test-bone-topic-es.yaml"
    _edit(topic, "translation_of: test-bone-topic", "translation_of: no-such-topic")
    [error] = load_content(pack).errors
    assert (error.path, error.field) == (topic, "translation_of")
    assert "no topic 'no-such-topic'" in error.message


def test_a_translation_in_the_language_of_its_original_is_an_error(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    _edit(pack / "topics" / "test-bone-topic-es.yaml", "language: es", "language: en-GB")
    [error] = load_content(pack).errors
    assert error.field == "translation_of" and "same language" in error.message


def test_a_topic_cannot_translate_itself(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    _edit(
        pack / "topics" / "test-only-english.yaml",
        "language: en",
        "language: en\ntranslation_of: test-only-english",
    )
    [error] = load_content(pack).errors
    assert error.field == "translation_of" and "itself" in error.message


def test_versions_are_grouped_and_one_per_topic_is_listed() -> None:
    store = load_content(LANGUAGE_PACK).topics
    translations = Translations(store)
    assert [v.topic_id for v in translations.versions("test-bone-topic-es")] == [
        "test-bone-topic",
        "test-bone-topic-es",
    ]
    assert translations.in_language("test-bone-topic", "es") == "test-bone-topic-es"
    assert translations.in_language("test-only-english", "es") is None
    assert sorted(translations.listed("es").ids()) == ["test-bone-topic-es", "test-only-english"]
    assert sorted(translations.listed("en").ids()) == ["test-bone-topic", "test-only-english"]
    assert translations.listed("fr").ids() == translations.listed("en").ids()  # the originals


def test_language_and_translation_survive_the_content_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_content(LANGUAGE_PACK, cache)
    warm = load_content(LANGUAGE_PACK, cache).topics
    index = warm.position("test-bone-topic-es")
    assert index is not None and warm.records()[index].topic is None  # from the cache, not parsed
    assert warm.language_at(index) == "es"
    assert Translations(warm).in_language("test-bone-topic", "es") == "test-bone-topic-es"
    topic = warm.get("test-bone-topic-es")
    assert topic is not None and (topic.language, topic.translation_of) == ("es", "test-bone-topic")
