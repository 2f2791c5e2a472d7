"""The bundled pack's description (pack.yaml) is read at every start: a warm start takes it from a
JSON cache keyed by the file's hash, and a changed or damaged cache never gives a wrong answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.packs.manifest import ManifestError, read_description, read_description_cached


def _pack(folder: Path, title: str = "Core topics") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "pack.yaml").write_text(
        f"id: core\ntitle: {title}\npublisher: Clinic press\nversion: 3\nreview_by: 2030-01-31\n",
        encoding="utf-8",
    )
    return folder


def test_cached_description_equals_the_parsed_one_and_follows_edits(tmp_path: Path) -> None:
    folder, cache = _pack(tmp_path / "pack"), tmp_path / "cache" / "descriptions.json"
    first = read_description_cached(folder, cache)
    assert first == read_description(folder)
    assert json.loads(cache.read_text())[str(folder / "pack.yaml")]["fields"]["version"] == 3
    assert read_description_cached(folder, cache) == first  # from the cache
    _pack(folder, title="Core topics, second edition")
    assert read_description_cached(folder, cache).title == "Core topics, second edition"


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    folder, cache = _pack(tmp_path / "pack"), tmp_path / "descriptions.json"
    read_description_cached(folder, cache)
    entries = json.loads(cache.read_text())
    entries[str(folder / "pack.yaml")]["fields"]["id"] = "../escape"
    cache.write_text(json.dumps(entries))
    assert read_description_cached(folder, cache).pack_id == "core"
    cache.write_text("{not json")
    assert read_description_cached(folder, cache).pack_id == "core"


def test_a_broken_description_is_refused_whatever_the_cache(tmp_path: Path) -> None:
    folder, cache = _pack(tmp_path / "pack"), tmp_path / "descriptions.json"
    read_description_cached(folder, cache)
    (folder / "pack.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"pack\.yaml: cannot be read"):
        read_description_cached(folder, cache)


def test_a_broken_description_is_reported_with_its_line_and_the_topics_still_show(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from reader.packs.sources import bundled_source

    folder = _pack(tmp_path / "pack")
    (folder / "pack.yaml").write_text("id: core\ntitle: [unclosed\n", encoding="utf-8")
    source = bundled_source(folder, tmp_path / "descriptions.json")
    assert source.folder == folder and source.label.bundled  # the pack is still shown
    assert "pack.yaml: cannot be read (line 3: YAML syntax error" in caplog.text
    caplog.clear()
    (folder / "pack.yaml").unlink()
    bundled_source(folder, tmp_path / "descriptions.json")
    assert caplog.text == ""  # a folder without a description is a plain pack, not a problem
