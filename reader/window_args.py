"""Parsing a start of the window, the common case and the one timed, without building the parser
of every command (~5 ms): the program's own options parse it alone. Anything else (a command,
help, an unknown option, a bad value) returns None and is parsed by the whole parser, whose
messages and help name every command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import NoReturn


class _NotAWindowStartError(Exception):
    """The arguments are more than a start of the window, or wrong: the whole parser decides."""


class _WindowOnlyParser(argparse.ArgumentParser):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(add_help=False, **kwargs)  # type: ignore[arg-type]  # -h: the whole parser's help

    def error(self, message: str) -> NoReturn:
        raise _NotAWindowStartError(message)


def parse_window_start(
    top_parser: Callable[[type[argparse.ArgumentParser]], argparse.ArgumentParser],
    argv: Sequence[str] | None,
) -> argparse.Namespace | None:
    """The parsed arguments when they only start the window (`command` None, as the whole parser
    gives it), else None. `top_parser(kind)` builds the program's options on a parser of `kind`."""
    try:
        args, rest = top_parser(_WindowOnlyParser).parse_known_args(argv)
    except _NotAWindowStartError:
        return None
    if rest:
        return None
    args.command = None
    return args
