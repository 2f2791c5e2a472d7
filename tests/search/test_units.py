"""The small pieces: analysis, the query parser, synonyms, spelling, snippets, locking."""

from __future__ import annotations

import pickle
import threading
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.locking import InterProcessLock, LockTimeoutError
from reader.resources import BUNDLED_CONTENT_DIR
from reader.search.analysis import STOP_WORDS, stem_spans, stemming_analyzer, stems, surface_words
from reader.search.snippets import MatchTerms, make_snippet
from reader.search.spelling import Vocabulary, edit_distance
from reader.search.synonyms import SynonymTable
from reader.search.userquery import MAX_PARTS, MAX_QUERY_CHARS, parse_query


def test_stems_drop_stop_words_and_fold_accents() -> None:
    assert stems("The Tumours of the spine") == ("tumour", "spine")
    assert stems("Anästhesie") == stems("anasthesie")
    assert stems("x-ray") == ("x", "ray")
    assert stems("the of and") == ()
    assert surface_words("Tumours, X-ray!") == ["tumours", "x", "ray"]


@given(
    st.text(max_size=200) | st.sampled_from(["Tumours İstanbul naïve x-ray 10.1056/NEJMoa", "it's THE café"])
)
def test_fast_analysis_equals_the_index_pipeline(text: str) -> None:
    tokens = [(t.text, t.startchar, t.endchar) for t in stemming_analyzer()(text, chars=True)]
    assert list(stem_spans(text)) == tokens


def test_analyser_survives_pickling_as_the_index_schema_does() -> None:
    analyzer = pickle.loads(pickle.dumps(stemming_analyzer()))
    assert [t.text for t in analyzer("Balloons inflated")] == ["balloon", "inflat"]


def test_parser_words_phrases_and_prefix() -> None:
    parsed = parse_query('spine "blood clot" kyph')
    assert [(p.text, p.phrase, p.prefix) for p in parsed.parts] == [
        ("spine", False, False),
        ("blood clot", True, False),
        ("kyph", False, True),
    ]
    assert [p.prefix for p in parse_query("kyph ").parts] == [False]
    assert [p.prefix for p in parse_query("kyph* cement ").parts] == [True, False]
    assert [(p.text, p.phrase) for p in parse_query('"open phrase').parts] == [("open phrase", True)]
    assert parse_query("AND( title: *").parts[0].text == "AND"


def test_replaced_keeps_the_rest_of_the_query() -> None:
    parsed = parse_query('Kyphoplsty "blood clt" balon')
    assert parsed.replaced({0: "kyphoplasty", 2: "balloon"}) == 'kyphoplasty "blood clt" balloon'


@given(st.text(max_size=2000))
def test_parser_accepts_anything_and_bounds_the_work(text: str) -> None:
    parsed = parse_query(text)
    assert len(parsed.text) <= MAX_QUERY_CHARS
    assert len(parsed.parts) <= MAX_PARTS
    for part in parsed.parts:
        assert parsed.text[part.start : part.end] == part.text
    assert parsed.replaced({}) == parsed.text


def test_bundled_synonyms() -> None:
    table = SynonymTable.load(BUNDLED_CONTENT_DIR / "synonyms.yaml")
    assert table.get(stems("tumors")).variants == (("tumour",),)
    numb = table.get(stems("numb"))
    assert stems("anesthetic") in numb.synonyms and stems("anaesthetic") in numb.synonyms
    assert table.match(list(stems("blood clot risk")), 0).key == ("blood", "clot")
    assert table.match(list(stems("balloon")), 0) is None
    assert stems("possible problems") in table.get(stems("side effects")).synonyms  # issue 13


@pytest.mark.parametrize(
    "text", ["variants: 3", "- just\n- a list", "synonyms: [[a, b], c]", "{unclosed", "\xff\xfe"]
)
def test_bad_synonyms_file_is_ignored_with_a_warning(tmp_path: Path, text: str, caplog) -> None:
    path = tmp_path / "synonyms.yaml"
    path.write_text(text, encoding="latin-1")
    assert len(SynonymTable.load(path)) == 0
    assert "ignored" in caplog.text


def test_missing_synonyms_file(tmp_path: Path, caplog) -> None:
    assert len(SynonymTable.load(tmp_path / "none.yaml")) == 0
    assert "ignored" in caplog.text


def test_edit_distance() -> None:
    assert edit_distance("kyphoplsty", "kyphoplasty") == 1
    assert edit_distance("kyphopalsty", "kyphoplasty") == 1  # a swap is one edit
    assert edit_distance("title", "time") == 2
    assert edit_distance("", "abc") == 3


def test_vocabulary(tmp_path: Path) -> None:
    words = Vocabulary(Counter({"kyphoplasty": 1, "kyphosis": 3, "balloon": 2, "ballot": 5}))
    assert words.known("balloon") and not words.known("ballo")
    assert words.completions("kyph", 5) == ["kyphosis", "kyphoplasty"]  # most used first
    assert words.corrections("kyphoplsty") == ["kyphoplasty"]
    assert words.corrections("ballooon") == ["balloon"]  # the closest word...
    assert words.corrections("ballon") == ["ballot", "balloon"]  # ...and among equals, the most used
    assert words.corrections("xyz") == []
    words.save(tmp_path / "v.txt")
    loaded = Vocabulary.read(tmp_path / "v.txt")
    assert loaded.counts() == words.counts()
    assert loaded.completions("kyph", 5) == ["kyphosis", "kyphoplasty"]


@pytest.mark.parametrize(
    "saved",
    [
        b"kyphosis\t3\nballoon\t2\nkyphoplasty\t1\n",  # out of order: sorted on reading
        b"balloon\t2\nballoon\t4\nkyphosis\t3\nkyphoplasty\t1",  # a word twice, no last newline
    ],
)
def test_a_vocabulary_file_not_as_written_is_still_read_right(saved: bytes) -> None:
    words = Vocabulary(saved=saved)
    assert words.known("balloon") and words.known("kyphoplasty")
    assert words.completions("kyph", 5) == ["kyphosis", "kyphoplasty"]
    assert len(words) == 3


def test_a_damaged_vocabulary_file_fails_loudly() -> None:
    with pytest.raises(ValueError):
        Vocabulary(saved=b"balloon\tmany\n").known("balloon")


def test_snippet_marks_stems_and_phrases_and_escapes() -> None:
    text = "A <b>blood</b> test. A blood clot & clots."
    snippet = make_snippet(text, MatchTerms(frozenset({"test"}), frozenset({("blood", "clot")})))
    assert (
        snippet.html
        == "A &lt;b&gt;blood&lt;/b&gt; <mark>test</mark>. A <mark>blood</mark> <mark>clot</mark> &amp; clots."
    )
    assert snippet.terms == ("test", "blood", "clot")


def test_snippet_window_shows_the_matches_of_a_long_text() -> None:
    text = " ".join(["filler"] * 100) + " the balloon is inflated " + " ".join(["filler"] * 100)
    snippet = make_snippet(text, MatchTerms(frozenset({"balloon"})), size=80)
    assert snippet.html.startswith("…") and snippet.html.endswith("…")
    assert "<mark>balloon</mark>" in snippet.html
    assert len(snippet.html) < 120


def test_lock_excludes_a_second_holder(tmp_path: Path) -> None:
    path = tmp_path / "lock"
    with InterProcessLock(path), pytest.raises(LockTimeoutError):
        InterProcessLock(path, timeout=0.1).acquire()
    with InterProcessLock(path, timeout=0.1):  # released
        pass


def test_lock_waits_for_the_holder(tmp_path: Path) -> None:
    path = tmp_path / "lock"
    order: list[str] = []
    held = InterProcessLock(path)
    held.acquire()

    def wait() -> None:
        with InterProcessLock(path, timeout=10):
            order.append("second")

    thread = threading.Thread(target=wait)
    thread.start()
    order.append("first")
    held.release()
    thread.join(timeout=10)
    assert order == ["first", "second"]


def test_stop_words_are_plain_lowercase_words() -> None:
    assert all(w.isalpha() and w.islower() for w in STOP_WORDS)


def test_mapped_file_reads_like_a_file(tmp_path: Path) -> None:
    from reader.search.mapped import MappedStorage

    data = b"first line\nsecond\n" + bytes(range(256)) * 4
    (tmp_path / "f").write_bytes(data)
    (tmp_path / "empty").write_bytes(b"")
    storage = MappedStorage(str(tmp_path))
    f = storage.open_file("f")
    assert f.readline() == b"first line\n"
    assert f.read(3) == b"sec" and f.tell() == 14
    buffer = bytearray(4)
    assert f.file.readinto(buffer) == 4 and bytes(buffer) == b"ond\n"
    f.seek(-2, 2)
    assert f.read() == bytes([254, 255]) and f.read(5) == b""
    part = f.subset(11, 7)
    assert part.read() == b"second\n" and part.get(0, 3) == b"sec"
    assert part.readline() == b""
    assert list(f.get_array(18, "B", 4)) == [0, 1, 2, 3]
    f.close()
    assert storage.open_file("empty").read() == b""
