"""`python main.py cite [--topic ID] [--style nlm|ama|ris|bibtex]`: the references in a chosen style."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import rispy

from reader.cli import main
from tests.content.test_citation import EXPECTED
from tests.repo import REPO_ROOT

TOPIC = "vertebroplasty-kyphoplasty"
IDS = ["klazen-2010", "buchbinder-2009", "kallmes-2009"]


@pytest.mark.parametrize(("style", "key"), [("nlm", "vancouver"), ("ama", "ama")])
def test_prints_the_numbered_references_then_the_later_studies_apart(
    capsys: pytest.CaptureFixture[str], style: str, key: str
) -> None:
    assert main(["cite", "--topic", TOPIC, "--style", style]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == ["Vertebroplasty and Kyphoplasty (vertebroplasty-kyphoplasty)", "", "References"]
    assert lines[3:6] == [f"{n}. {EXPECTED['bundled'][i][key]}" for n, i in enumerate(IDS, 1)]
    assert lines[6:9] == [
        "",
        "Published since the last revision (2011)",
        "For clinicians. Not part of the original text, which does not cite these studies; "
        "titles and designs only, with no summary of findings.",
    ]
    firanescu = EXPECTED["later"]["firanescu-2018"]
    assert f"3. {firanescu[key]} [{firanescu['design']}]" in lines


def test_nlm_is_the_default_style(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite"]) == 0
    assert f"1. {EXPECTED['bundled']['klazen-2010']['vancouver']}" in capsys.readouterr().out


def test_ris_carries_every_reference_and_later_study(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", "--style", "ris"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(EXPECTED["klazen_ris"])
    records = rispy.loads(out)
    assert len(records) == 8
    assert records[5]["notes"][-1].endswith(EXPECTED["later"]["firanescu-2018"]["design"])


def test_bibtex_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", "--topic", TOPIC, "--style", "bibtex"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(EXPECTED["klazen_bibtex"])
    assert EXPECTED["later"]["firanescu-2018"]["bibtex"] in out


def test_an_unknown_topic_is_one_clear_message_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", "--topic", "no-such-topic"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().endswith("(topics: vertebroplasty-kyphoplasty)")
    assert "no topic 'no-such-topic'" in captured.err


def test_an_unknown_style_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["cite", "--style", "harvard"])
    assert exited.value.code == 2
    assert "invalid choice: 'harvard'" in capsys.readouterr().err


def test_a_bad_file_in_the_pack_is_reported_and_the_good_topics_still_print(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(REPO_ROOT / "content", pack)
    (pack / "topics" / "broken.yaml").write_text("schema_version: 1\nid: broken\n", "utf-8")
    assert main(["cite", "--content", str(pack)]) == 0
    captured = capsys.readouterr()
    assert "broken.yaml" in captured.err
    assert f"1. {EXPECTED['bundled']['klazen-2010']['vancouver']}" in captured.out


def test_the_readme_shows_the_commands_real_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", "--topic", TOPIC, "--style", "ama"]) == 0
    out = capsys.readouterr().out
    readme = (REPO_ROOT / "README.md").read_text("utf-8")
    assert "python main.py cite --topic vertebroplasty-kyphoplasty --style ama" in readme
    assert out.strip() in readme
