"""A start of the window is parsed by the program's own options alone (reader.window_args), to
the same result as the whole parser; anything else is left to the whole parser."""

from __future__ import annotations

import pytest

from reader.cli import _top_parser, build_parser
from reader.window_args import parse_window_start

WINDOW_STARTS = [
    [],
    ["--exit-after-paint"],
    ["--content", "check", "--theme", "dark", "--language", "es"],  # an option's value named like a command
    ["--kiosk", "--config", "/etc/kiosk.yaml", "-v"],
    ["--index-dir", "/tmp/i", "--library", "/tmp/l", "--version"],
    ["--exit"],  # an abbreviation, as argparse allows
]


@pytest.mark.parametrize("argv", WINDOW_STARTS)
def test_a_window_start_parses_as_the_whole_parser_parses_it(argv: list[str]) -> None:
    quick = parse_window_start(_top_parser, argv)
    assert quick is not None
    assert vars(quick) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["--content", "pack", "search", "cement"],
        ["-h"],
        ["--help"],
        ["--bogus"],
        ["--theme", "purple"],  # a bad value: the whole parser's message, with every command in its usage
        ["--language"],
    ],
)
def test_anything_else_is_left_to_the_whole_parser(argv: list[str]) -> None:
    assert parse_window_start(_top_parser, argv) is None
