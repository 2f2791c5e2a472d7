"""Issue 14, item 21: the running reader read through the platform accessibility API (AT-SPI on
Linux), as Orca reads it: every focusable control has a name and a role, the article's text is
exposed, and the table of contents and the page tabs are there to reach.

Starts the real program under Xvfb on a private D-Bus session (tests/a11y/atspi_session.py).
Skipped where the Debian tools are missing, unless READER_REQUIRE_ATSPI=1 (scripts/bootstrap.sh
sets it for `test`, which installs them: in CI the check always runs).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from reader.content.model import Topic
from tests.a11y.atspi_session import (
    ARTICLE_WORDS,
    INTERACTIVE_ROLES,
    dump,
    focusable_showing,
    missing_tools,
    reader_under_atspi,
    summary,
    unnamed,
    walk,
)

LACKING = missing_tools()
if LACKING and os.environ.get("READER_REQUIRE_ATSPI") == "1":
    raise RuntimeError(f"the AT-SPI check cannot run: apt-get install {' '.join(LACKING)}")
pytestmark = pytest.mark.skipif(bool(LACKING), reason=f"needs {', '.join(LACKING)}")


@pytest.fixture(scope="module", params=[(), ("--kiosk",)], ids=["window", "kiosk"])
def tree(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    home = tmp_path_factory.mktemp("atspi")
    with reader_under_atspi(home, request.param) as env:
        yield {**dump(env), "kiosk": "--kiosk" in request.param}


def test_every_focusable_control_has_a_name_and_a_role(tree: dict[str, Any]) -> None:
    focusable = focusable_showing(tree["tree"])
    assert len(focusable) >= 10
    assert unnamed(focusable) == []


def test_every_visible_control_is_named(tree: dict[str, Any]) -> None:
    shown = [n for n in walk(tree["tree"]) if n["role"] in INTERACTIVE_ROLES and "showing" in n["states"]]
    nameless = [n["role"] for n in shown if not n["name"].strip() and n["role"] != "scroll bar"]
    assert nameless == []


def test_the_article_text_is_exposed(tree: dict[str, Any]) -> None:
    [article] = [n for n in walk(tree["tree"]) if ARTICLE_WORDS in (n["text"] or "")]
    assert article["name"] == "Article"
    assert article["text_length"] > 2000, "the whole article, not a summary"
    assert "focusable" in article["states"], "a screen reader user can move into it"


def test_contents_and_tabs_are_reachable(tree: dict[str, Any], bundled_topic: Topic) -> None:
    nodes = list(walk(tree["tree"]))
    tabs = [n for n in nodes if n["role"] == "page tab"]
    assert [t["name"] for t in tabs] == ["Article", "Compare procedures", "References"]
    assert all("focusable" in t["states"] for t in tabs)
    if tree["kiosk"]:
        # The kiosk's table of contents is its home page: a button for every section.
        buttons = {n["name"] for n in nodes if n["role"] == "push button" and "showing" in n["states"]}
        assert {s.title for s in bundled_topic.sections} <= buttons
        return
    [toc] = [n for n in nodes if n["role"] == "tree" and n["name"] == "Table of contents"]
    entries = {c["name"] for c in toc["children"] if "focusable" in c["states"]}
    assert bundled_topic.title in entries
    assert {s.title for s in bundled_topic.sections} <= entries


def test_the_summary_for_the_docs(tree: dict[str, Any]) -> None:
    text = summary(tree)
    assert "focusable without a name: none" in text
    assert "page tabs: ['Article', 'Compare procedures', 'References']" in text
