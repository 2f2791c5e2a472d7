"""Property-based tests: whatever a topic file holds, loading it never raises anything
but a ContentError that names the file, and good files beside bad ones still load.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.content import ContentError, load_content, load_topic_file
from tests.conftest import BUNDLED_TOPIC

GOOD_TEXT = BUNDLED_TOPIC.read_text("utf-8")
GOOD: dict[str, Any] = yaml.safe_load(GOOD_TEXT)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Values that stress types, sizes and encodings.
nasty_text = st.one_of(
    st.text(max_size=50),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "<b>bold</b> & <i>x</i>",
            "\x00\x07\x1b[31m",
            "\u202eevil",
            "",
            " ",
            "x" * 30000,
            "klazen-2010",
            "vp-home",
        ]
    ),
)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), nasty_text)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into the document, to pick a place to mutate."""
    out = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            out += _paths(child, (*prefix, index))
    return out


ALL_PATHS = _paths(GOOD)[1:]


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    doc = copy.deepcopy(GOOD)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent = doc
        try:
            for key in path[:-1]:
                parent = parent[key]
            action = draw(st.sampled_from(["delete", "replace", "add", "duplicate"]))
            last = path[-1]
            if action == "delete":
                del parent[last]
            elif action == "replace":
                parent[last] = draw(values)
            elif action == "add" and isinstance(parent, dict):
                parent[draw(st.text(min_size=1, max_size=10))] = draw(values)
            elif action == "duplicate" and isinstance(parent, list):
                parent.append(copy.deepcopy(parent[last]))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    return doc


def _assert_loads_or_reports(path: Path) -> None:
    try:
        topic, errors = load_topic_file(path)
    except ContentError as exc:  # pragma: no cover - the loader returns errors, it should not raise
        raise AssertionError(f"load_topic_file raised instead of returning: {exc}") from exc
    if topic is None:
        assert errors, "a rejected file must say why"
    for error in errors:
        assert isinstance(error, ContentError)
        assert error.path == path and str(error).startswith(str(path))
        assert error.message


@FUZZ
@given(doc=mutated_documents())
def test_mutated_topics_never_crash_the_loader(tmp_path: Path, doc: Any) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    _assert_loads_or_reports(path)


@FUZZ
@given(raw=st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_the_loader(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "bytes.yaml"
    path.write_bytes(raw)
    _assert_loads_or_reports(path)


@FUZZ
@given(cut=st.integers(0, len(GOOD_TEXT)), junk=st.text(max_size=30))
def test_truncated_and_spliced_yaml_never_crashes(tmp_path: Path, cut: int, junk: str) -> None:
    path = tmp_path / "cut.yaml"
    path.write_text(GOOD_TEXT[:cut] + junk + GOOD_TEXT[cut:][: len(junk)], "utf-8")
    _assert_loads_or_reports(path)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(mutated_documents(), min_size=1, max_size=3))
def test_good_file_still_loads_beside_bad_ones(tmp_path: Path, docs: list[Any]) -> None:
    pack = tmp_path / "pack"
    (pack / "topics").mkdir(parents=True, exist_ok=True)
    for old in (pack / "topics").iterdir():
        old.unlink()
    (pack / "topics" / "good.yaml").write_text(GOOD_TEXT, "utf-8")
    for n, doc in enumerate(docs):
        doc = dict(doc) if isinstance(doc, dict) else doc
        if isinstance(doc, dict):
            doc["id"] = f"fuzzed-{n}"  # keep ids distinct so only real faults reject a file
        (pack / "topics" / f"bad{n}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    result = load_content(pack)
    assert "vertebroplasty-kyphoplasty" in [t.id for t in result.topics]
    assert result.files == len(docs) + 1


def test_fifty_megabyte_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(GOOD_TEXT.encode())
        handle.truncate(50 * 1024 * 1024)
    topic, [error] = load_topic_file(path)
    assert topic is None and "too large" in error.message and error.path == path


def test_html_in_text_is_kept_as_literal_text(tmp_path: Path) -> None:
    path = tmp_path / "html.yaml"
    path.write_text(GOOD_TEXT.replace("Nerve damage.", "<b>Nerve</b> damage <script>x()</script>."), "utf-8")
    topic, errors = load_topic_file(path)
    assert errors == [] and topic is not None
    texts = [s.text for section in topic.sections for s in section.sentences()]
    assert "<b>Nerve</b> damage <script>x()</script>." in texts
