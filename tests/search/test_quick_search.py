"""The `search` command's short way (reader.search.quick): after one search has loaded the pack
and made sure of its index, the next one searches without loading the pack, and gives the same
answer; any change to the pack's files, the note or the index sends it the long way again. And
one index per content folder, so two packs searched in turn keep both indexes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from reader import paths
from reader.cli import main
from reader.search import quick

TOPIC = Path("topics") / "vertebroplasty-kyphoplasty.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def search(capsys: pytest.CaptureFixture[str], pack: Path, query: str = "balloon") -> tuple[str, str]:
    code, out, err = run(capsys, "search", query, "--content", str(pack), "--json")
    assert code == 0, err
    return out, err


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders the CLI loaded a whole pack from, in order."""
    from reader import pack_session

    seen: list[Path] = []
    original = pack_session.PackLoader.__call__

    def counting(self, pack, cache_dir, progress=None):  # type: ignore[no-untyped-def]
        seen.append(pack)
        return original(self, pack, cache_dir, progress)

    monkeypatch.setattr(pack_session.PackLoader, "__call__", counting)
    return seen


def test_a_second_search_does_not_load_the_pack_and_answers_the_same(capsys, content_pack, loads) -> None:
    first = search(capsys, content_pack)
    assert len(loads) == 1
    assert quick.note_path(paths.index_dir_for(content_pack)).is_file()
    second = search(capsys, content_pack)
    assert len(loads) == 1, "the second search loaded the pack"
    assert second == first
    assert json.loads(second[0])["hits"][0]["section"] == "kyphoplasty"


def test_the_short_way_prints_the_packs_problems_as_the_long_way_does(capsys, content_pack, loads) -> None:
    (content_pack / "topics" / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    first = search(capsys, content_pack)
    assert "broken.yaml" in first[1]
    second = search(capsys, content_pack)
    assert len(loads) == 1
    assert second == first


def _touch_later(path: Path) -> None:
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def test_a_changed_file_is_loaded_and_its_new_text_found(capsys, content_pack, loads) -> None:
    search(capsys, content_pack)
    topic = content_pack / TOPIC
    text = topic.read_text(encoding="utf-8")
    assert "balloon" in text and "zeppelin" not in text
    topic.write_text(text.replace("balloon", "zeppelin"), encoding="utf-8")
    _touch_later(topic)  # a different time even where the clock is coarse
    out, _ = search(capsys, content_pack, "zeppelin")
    assert len(loads) == 2
    assert json.loads(out)["total"] >= 1
    out, _ = search(capsys, content_pack, "zeppelin")  # and the new note is used again
    assert len(loads) == 2 and json.loads(out)["total"] >= 1


def test_a_file_touched_with_the_same_text_takes_the_long_way(capsys, content_pack, loads) -> None:
    search(capsys, content_pack)
    _touch_later(content_pack / TOPIC)
    search(capsys, content_pack)
    assert len(loads) == 2


def test_an_added_or_removed_file_takes_the_long_way(capsys, content_pack, loads) -> None:
    search(capsys, content_pack)
    extra = content_pack / "topics" / "copy.yaml"
    extra.write_text("not: a topic\n", encoding="utf-8")
    _, err = search(capsys, content_pack)
    assert len(loads) == 2 and "copy.yaml" in err
    extra.unlink()
    _, err = search(capsys, content_pack)
    assert len(loads) == 3 and "copy.yaml" not in err


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"format": 1, "reader": "0"}',
        b"\xff\xfe",
        b'{"format": 1, "files": 3}',
    ],
)
def test_a_damaged_note_takes_the_long_way_and_is_replaced(capsys, content_pack, loads, damage) -> None:
    first = search(capsys, content_pack)
    note = quick.note_path(paths.index_dir_for(content_pack))
    note.write_bytes(damage)
    assert search(capsys, content_pack) == first
    assert len(loads) == 2
    assert quick.read_note(note.parent) is not None  # written again by the long way


def test_a_note_naming_another_index_is_not_believed(capsys, content_pack, loads) -> None:
    first = search(capsys, content_pack)
    note_file = quick.note_path(paths.index_dir_for(content_pack))
    note = json.loads(note_file.read_text(encoding="utf-8"))
    note["packs"][0]["fingerprint"] = "0" * 64  # as if another process had rebuilt it for other content
    note_file.write_text(json.dumps(note), encoding="utf-8")
    assert search(capsys, content_pack) == first
    assert len(loads) == 2


def test_a_note_for_another_folder_is_not_believed(capsys, content_pack, tmp_path, loads) -> None:
    search(capsys, content_pack)
    other = tmp_path / "other"
    shutil.copytree(content_pack, other, copy_function=shutil.copy2)  # same names, sizes and times
    index_dir = tmp_path / "shared-index"
    run(capsys, "search", "balloon", "--content", str(content_pack), "--index-dir", str(index_dir))
    run(capsys, "search", "balloon", "--content", str(other), "--index-dir", str(index_dir))
    assert loads[-1] == other  # the note beside that index was written for content_pack


def test_without_the_content_cache_the_hits_are_read_from_their_files(capsys, content_pack, loads) -> None:
    first = search(capsys, content_pack)
    shutil.rmtree(paths.content_cache_dir())
    assert search(capsys, content_pack) == first
    assert len(loads) == 1  # only the hit's file was read, not the pack


def test_a_damaged_content_cache_is_reported_and_written_again(capsys, content_pack, loads) -> None:
    first = search(capsys, content_pack)
    (index,) = paths.content_cache_dir().rglob("index.json")
    index.write_bytes(b"{damaged")
    out, err = search(capsys, content_pack)
    assert out == first[0]
    assert len(loads) == 2 and "content cache" in err and "unreadable" in err
    json.loads(index.read_bytes())  # written again, as data
    assert search(capsys, content_pack) == first and len(loads) == 2


def test_a_damaged_index_is_rebuilt_and_the_search_still_answers(capsys, content_pack) -> None:
    first = search(capsys, content_pack)
    index_dir = paths.index_dir_for(content_pack)
    live = index_dir / (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    segment = max((p for p in live.iterdir() if p.suffix == ".seg"), key=lambda p: p.stat().st_size)
    segment.write_bytes(b"\0" * segment.stat().st_size)  # same size: only its checksum tells
    out, err = search(capsys, content_pack)
    assert out == first[0]
    assert "does not match its checksum" in err and "rebuilding" in err


def test_index_leaves_a_note_too(capsys, content_pack, loads) -> None:
    code, out, _ = run(capsys, "index", "--content", str(content_pack))
    assert code == 0 and "index built" in out
    search(capsys, content_pack)
    assert len(loads) == 1


def test_two_packs_searched_in_turn_keep_their_own_indexes(capsys, content_pack, tmp_path) -> None:
    other = tmp_path / "other"
    shutil.copytree(content_pack, other)
    actions = []
    for pack in (content_pack, other, content_pack, other):
        code, out, _ = run(capsys, "index", "--content", str(pack))
        assert code == 0
        actions.append(out.split(":")[0])
    assert actions == ["index built", "index built", "index reused", "index reused"]
    assert paths.index_dir_for(content_pack) != paths.index_dir_for(other)


def test_the_bundled_pack_keeps_the_usual_index_folder() -> None:
    from reader.resources import BUNDLED_CONTENT_DIR

    assert paths.index_dir_for(BUNDLED_CONTENT_DIR) == paths.default_index_dir()


def test_indexes_of_folders_not_used_lately_are_removed(capsys, content_pack, tmp_path) -> None:
    from reader.search.combined import KEEP_UNUSED

    packs = []
    for n in range(KEEP_UNUSED + 2):
        pack = tmp_path / f"pack{n}"
        shutil.copytree(content_pack, pack)
        packs.append(pack)
        assert run(capsys, "index", "--content", str(pack))[0] == 0
        folder = paths.index_dir_for(pack)
        os.utime(folder, (1_000_000 + n, 1_000_000 + n))  # used in this order
    kept = {p.name for p in paths.index_dir_for(packs[0]).parent.iterdir()}
    # the last one in use, and the KEEP_UNUSED most recent of the others; the oldest is gone
    assert paths.index_dir_for(packs[0]).name not in kept
    assert {paths.index_dir_for(p).name for p in packs[1:]} <= kept


# --- the bundled pack with installed packs beside it --------------------------------------------


@pytest.fixture
def with_pack(tmp_path: Path) -> tuple[Path, object, object]:
    """A library with one signed pack installed; (library folder, library, key)."""
    from reader.packs.library import PackLibrary
    from tests.packs.helpers import build, make_folder, new_key, trust_of

    key = new_key()
    library = PackLibrary(tmp_path / "packs")
    library.install(build(make_folder(tmp_path / "src"), key, 1, tmp_path), trust_of(key))
    return library.root, library, key


def test_installed_packs_take_the_short_way_together(capsys, with_pack, loads) -> None:
    root, _, _ = with_pack
    answers = []
    for _ in range(2):
        for query in ("quokka", "balloon"):
            code, out, err = run(capsys, "search", query, "--library", str(root), "--json")
            assert code == 0, err
            answers.append(out)
    assert len(loads) == 1, "a second search loaded the packs"
    assert answers[:2] == answers[2:]
    assert {h["topic"] for h in json.loads(answers[0])["hits"]} == {"quokka-care"}  # its title
    assert {h["topic"] for h in json.loads(answers[1])["hits"]} == {
        "vertebroplasty-kyphoplasty",
        "quokka-care",
    }


def test_a_pack_installed_or_removed_takes_the_long_way(capsys, with_pack, tmp_path, loads) -> None:
    from tests.packs.helpers import build, make_folder, trust_of

    root, library, key = with_pack

    def topics_found() -> set[str]:
        code, out, err = run(capsys, "search", "balloon", "--library", str(root), "--json")
        assert code == 0, err
        return {h["topic"] for h in json.loads(out)["hits"]}

    assert "wombat-care" not in topics_found()
    folder = make_folder(
        tmp_path / "src2", pack_id="wombat-pack", topic_id="wombat-care", title="Wombat care"
    )
    library.install(build(folder, key, 1, tmp_path), trust_of(key))
    assert "wombat-care" in topics_found()
    assert len(loads) == 2
    library.remove("wombat-pack")
    assert "wombat-care" not in topics_found()
    assert len(loads) == 3


def test_a_changed_synonyms_file_is_read_again(capsys, content_pack, loads) -> None:
    search(capsys, content_pack)
    assert json.loads(search(capsys, content_pack, "zorblax")[0])["total"] == 0
    synonyms = content_pack / "synonyms.yaml"
    text = synonyms.read_text(encoding="utf-8")
    synonyms.write_text(
        text.replace("synonyms:\n", "synonyms:\n  - [zorblax, balloon]\n", 1), encoding="utf-8"
    )
    _touch_later(synonyms)
    out, _ = search(capsys, content_pack, "zorblax")
    assert len(loads) == 1  # the topic files did not change: still the short way
    assert {h["section"] for h in json.loads(out)["hits"]} >= {"kyphoplasty"}


def test_the_short_way_imports_no_yaml_parser(content_pack, tmp_path) -> None:
    """The synonyms file's YAML travels in the note: a search that loads no pack parses no YAML."""
    import subprocess
    import sys

    script = (
        "import sys; from reader.cli import main; "
        f"code = main(['search', 'balloon', '--content', {str(content_pack)!r}]); "
        "print('yaml' in sys.modules, file=sys.stderr); sys.exit(code)"
    )
    env = dict(os.environ)
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[-1].stderr
    assert [r.stderr.strip().splitlines()[-1] for r in runs] == ["True", "False"]


def test_a_note_sending_a_topic_to_another_file_is_not_believed(
    capsys, content_pack, tmp_path, loads
) -> None:
    first = search(capsys, content_pack)
    note_file = quick.note_path(paths.index_dir_for(content_pack))
    note = json.loads(note_file.read_text(encoding="utf-8"))
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("id: [not, the, topic]\n", encoding="utf-8")
    (topic_id,) = note["packs"][0]["topics"]
    note["packs"][0]["topics"][topic_id] = str(outside)  # only files of the pack may be read
    note_file.write_text(json.dumps(note), encoding="utf-8")
    assert search(capsys, content_pack) == first
    assert len(loads) == 2


def test_a_loop_of_links_as_the_pack_is_refused_clearly(capsys, tmp_path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    code, out, err = run(capsys, "search", "balloon", "--content", str(loop))
    assert code == 1 and out == ""
    assert err.startswith(f"health-reader: no topics found in {loop}")
