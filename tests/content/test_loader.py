"""Loading a pack: bad files are reported and skipped, good files still load; the `check` command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.cli import main
from reader.content import load_content
from tests.conftest import BUNDLED_TOPIC

GOOD = BUNDLED_TOPIC.read_text("utf-8")


def _pack_with_broken_files(root: Path) -> Path:
    topics = root / "topics"
    topics.mkdir(parents=True)
    (topics / "good.yaml").write_text(GOOD, "utf-8")
    second = GOOD.replace("id: vertebroplasty-kyphoplasty", "id: second-topic").replace(
        "title: Vertebroplasty and Kyphoplasty", "title: A second topic"
    )
    (topics / "nested").mkdir()
    (topics / "nested" / "second.yml").write_text(second, "utf-8")
    (topics / "broken.yaml").write_text(GOOD.replace("    title: Kyphoplasty\n", ""), "utf-8")
    (topics / "binary.yaml").write_bytes(b"id: x\n\xff\xfe\n")
    (topics / ".hidden.yaml").write_text("not: [valid", "utf-8")  # editors' swap files are ignored
    (topics / "notes.txt").write_text("not a topic", "utf-8")
    return root


def test_bad_files_are_skipped_and_good_files_load(tmp_path: Path) -> None:
    result = load_content(_pack_with_broken_files(tmp_path))
    assert result.files == 4
    assert sorted(t.id for t in result.topics) == ["second-topic", "vertebroplasty-kyphoplasty"]
    assert {e.path.name for e in result.errors} == {"broken.yaml", "binary.yaml"}
    assert result.failed


def test_topics_are_sorted_by_title(tmp_path: Path) -> None:
    result = load_content(_pack_with_broken_files(tmp_path))
    assert [t.title for t in result.topics] == ["A second topic", "Vertebroplasty and Kyphoplasty"]


def test_flat_pack_without_topics_folder(tmp_path: Path) -> None:
    (tmp_path / "one.yaml").write_text(GOOD, "utf-8")
    (tmp_path / "synonyms.yaml").write_text("- [tumour, tumor]\n", "utf-8")  # a data file, not a topic
    result = load_content(tmp_path)
    assert [t.id for t in result.topics] == ["vertebroplasty-kyphoplasty"]
    assert result.errors == []


def test_missing_directory_is_an_error_not_a_crash(tmp_path: Path) -> None:
    result = load_content(tmp_path / "nope")
    assert len(result.topics) == 0 and result.failed
    assert "content directory not found" in str(result.errors[0])


def test_related_link_to_unknown_topic_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "one.yaml").write_text(GOOD.replace("related: []", "related: [osteoporosis]"), "utf-8")
    result = load_content(tmp_path)
    assert [t.id for t in result.topics] == ["vertebroplasty-kyphoplasty"]
    [warning] = result.errors
    assert warning.severity == "warning" and "no topic 'osteoporosis'" in str(warning)
    assert not result.failed


def test_topic_records_its_file_hash(bundled_topic) -> None:
    import hashlib

    assert bundled_topic.source_sha256 == hashlib.sha256(BUNDLED_TOPIC.read_bytes()).hexdigest()


def test_check_command_passes_on_bundled_content(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr()
    assert "1 topic(s) loaded from 1 file(s); 0 file(s) with errors" in out.out
    assert out.err == ""


def test_check_command_reports_file_line_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = _pack_with_broken_files(tmp_path)
    assert main(["check", "--content", str(pack)]) == 1
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert len(lines) == 2
    assert all(re.match(r"^.+\.yaml:\d+: ", line) for line in lines), lines
    broken = pack / "topics" / "broken.yaml"
    assert f"{broken}:" in out.err and ": sections[2]: required field 'title' is missing" in out.err
    assert "2 topic(s) loaded from 4 file(s); 2 file(s) with errors" in out.out


def test_content_option_before_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content", str(tmp_path / "missing"), "check"]) == 1
    assert f"no topics found in {tmp_path / 'missing'}" in capsys.readouterr().err


def test_check_runs_as_a_script(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import TESTS_DIR

    pack = _pack_with_broken_files(tmp_path)
    proc = subprocess.run(
        [sys.executable, str(TESTS_DIR.parent / "main.py"), "check", "--content", str(pack)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1
    assert "broken.yaml:" in proc.stderr and "2 topic(s) loaded" in proc.stdout


def test_pack_inside_a_hidden_folder_still_loads(tmp_path: Path) -> None:
    """Only hidden entries below the pack are skipped: ~/.local/share/... is a normal place for a pack."""
    pack = tmp_path / ".local" / "pack"
    (pack / "topics" / ".git").mkdir(parents=True)
    (pack / "topics" / "one.yaml").write_text(GOOD, "utf-8")
    (pack / "topics" / ".git" / "copy.yaml").write_text(GOOD, "utf-8")
    result = load_content(pack)
    assert [t.id for t in result.topics] == ["vertebroplasty-kyphoplasty"] and result.files == 1


@pytest.mark.parametrize("nested", [False, True], ids=["flat", "topics folder"])
def test_which_files_are_topic_files(tmp_path: Path, nested: bool) -> None:
    """YAML files at any depth, not hidden ones, and not the data files beside a flat pack's topics."""
    from reader.content.loader import topic_files

    base = tmp_path / "topics" if nested else tmp_path
    (base / "sub" / ".hidden").mkdir(parents=True)
    names = ["a.yaml", "b.yml", ".c.yaml", ".yaml", "a.b.yaml", "notes.txt", "pack.yml", "synonyms.yaml"]
    for name in [*names, "sub/s.yaml", "sub/synonyms.yaml", "sub/.hidden/h.yaml"]:
        (base / name).write_text("x", "utf-8")
    data_files = [] if not nested else ["pack.yml", "synonyms.yaml"]  # topics/ holds topics only
    expected = sorted(["a.b.yaml", "a.yaml", "b.yml", *data_files, "sub/s.yaml", "sub/synonyms.yaml"])
    assert topic_files(tmp_path) == [str(base / name) for name in expected]
