"""A first load that parses in worker processes (reader.content.parallel) gives exactly what a
load in this process gives: the same topics, titles, section titles and errors; and the cache it
writes serves the next start."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.content import load_content
from reader.content import parallel as parallel_module
from tests.conftest import BUNDLED_TOPIC
from tests.content.test_cache import _pack as cache_pack

GOOD = BUNDLED_TOPIC.read_text("utf-8")


def _pack(root: Path, n: int) -> Path:
    """n good topics, a file that is not YAML and one that breaks the schema."""
    pack = cache_pack(root, n)
    (pack / "topics" / "invalid.yaml").write_text(
        GOOD.replace("    year: 2009\n", "    year: soon\n"), "utf-8"
    )
    return pack


def _summary(result) -> tuple[list[str], list[str], list[tuple[str, ...]], list[str]]:  # type: ignore[no-untyped-def]
    topics = result.topics
    return topics.ids(), topics.titles(), topics.section_titles(), sorted(str(e) for e in result.errors)


@pytest.mark.slow
def test_workers_give_what_one_process_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = _pack(tmp_path, 12)
    serial = load_content(pack)
    used: list[int] = []
    real = parallel_module.parse_in_workers

    def counting(names, done):  # type: ignore[no-untyped-def]
        used.append(len(names))
        return real(names, done)

    monkeypatch.setattr(parallel_module, "MIN_FILES", 2)
    monkeypatch.setattr(parallel_module, "parse_in_workers", counting)
    progress: list[tuple[int, int]] = []
    parallel = load_content(pack, tmp_path / "cache", lambda done, total: progress.append((done, total)))
    assert used == [14]  # every file went to the workers
    assert _summary(parallel) == _summary(serial)
    assert "year" in " ".join(_summary(parallel)[3]) and "bad.yaml" in " ".join(_summary(parallel)[3])
    assert list(parallel.topics) == list(serial.topics)  # decoded from the workers' JSON, field for field
    warm = load_content(pack, tmp_path / "cache")
    assert _summary(warm) == _summary(serial) and list(warm.topics) == list(serial.topics)


def test_a_pool_that_fails_falls_back_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = _pack(tmp_path, 3)
    monkeypatch.setattr(parallel_module, "MIN_FILES", 1)
    monkeypatch.setattr(parallel_module, "WORKERS", 0)  # ProcessPoolExecutor refuses: ValueError
    result = load_content(pack)
    assert result.topics.ids() == ["topic-0", "topic-1", "topic-2"]


def test_small_loads_stay_in_this_process() -> None:
    assert not parallel_module.worth_it(parallel_module.MIN_FILES - 1)
