"""The `index` and `search` commands, run through reader.cli.main as from a shell."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_index_builds_then_reuses(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "index", "--index-dir", str(tmp_path))
    assert code == 0
    assert out.startswith("index built: 7 document(s), 1 topic(s) indexed in ")
    assert "kB in " + str(tmp_path) in out
    code, out, _ = run(capsys, "index", "--index-dir", str(tmp_path))
    assert (code, out.split(":")[0]) == (0, "index reused")
    code, out, _ = run(capsys, "index", "--index-dir", str(tmp_path), "--rebuild")
    assert (code, out.split(":")[0]) == (0, "index built")
    assert "(rebuild requested)" in out


def test_index_of_another_pack(capsys, content_pack: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "index", "--content", str(content_pack), "--index-dir", str(tmp_path))
    assert code == 0 and "7 document(s)" in out


def test_index_without_topics_fails_clearly(capsys, tmp_path: Path) -> None:
    code, out, err = run(
        capsys, "index", "--content", str(tmp_path / "missing"), "--index-dir", str(tmp_path)
    )
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"health-reader: no topics found in {tmp_path / 'missing'}: the folder does not exist"
    ]


def test_search_json(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "search", "balloon", "--index-dir", str(tmp_path), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"query", "suggestion", "total", "hits"}
    assert (data["query"], data["suggestion"], data["total"]) == ("balloon", None, 1)
    [hit] = data["hits"]
    assert set(hit) == {"topic", "section", "title", "score", "snippet", "snippet_text"}
    assert (hit["topic"], hit["section"], hit["title"]) == (
        "vertebroplasty-kyphoplasty",
        "kyphoplasty",
        "Kyphoplasty",
    )
    assert isinstance(hit["score"], float) and hit["score"] > 0
    assert "<mark>balloon</mark>" in hit["snippet"]
    assert "balloon" in hit["snippet_text"] and "<" not in hit["snippet_text"]  # issue 14 item 20
    assert hit["snippet_text"] == html.unescape(re.sub("</?mark>", "", hit["snippet"]))


def test_search_json_suggestion_and_limit(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "search", "kyphoplsty", "--index-dir", str(tmp_path), "--json", "--limit", "1")
    data = json.loads(out)
    assert code == 0
    assert data["suggestion"] == "kyphoplasty"
    assert len(data["hits"]) == 1 and data["total"] == 2  # its own section and the overview only
    assert data["hits"][0]["section"] == "kyphoplasty"


def test_search_json_empty(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "search", "AND(", "--index-dir", str(tmp_path), "--json")
    assert code == 0
    assert json.loads(out) == {"query": "AND(", "suggestion": None, "total": 0, "hits": []}


def test_search_text(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "search", "blood clot", "--index-dir", str(tmp_path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "1 result(s) for 'blood clot', best 1:"
    assert lines[1].startswith(
        " 1. Possible problems - Vertebroplasty and Kyphoplasty  [vertebroplasty-kyphoplasty#risks]"
    )
    assert "*blood* *clot*" in lines[2]  # marks shown as *...* when not on a terminal
    assert "<mark>" not in out


def test_search_text_with_suggestion(capsys, tmp_path: Path) -> None:
    _, out, _ = run(capsys, "search", "kyphoplsty", "--index-dir", str(tmp_path))
    assert out.splitlines()[0] == "Showing results for: kyphoplasty"


@pytest.mark.parametrize("bad", ["0", "-1", "x"])
def test_search_limit_must_be_positive(capsys, tmp_path: Path, bad: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "balloon", "--index-dir", str(tmp_path), "--limit", bad])
    assert exit_info.value.code == 2
    assert "--limit" in capsys.readouterr().err


def test_default_index_dir_is_the_user_cache(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    code, out, _ = run(capsys, "index")
    assert code == 0
    assert str(tmp_path / "cache") in out


def test_index_dir_before_the_command(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--index-dir", str(tmp_path), "index")
    assert code == 0 and str(tmp_path) in out
