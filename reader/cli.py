"""Command line: `python main.py [options] [command]`. No command starts the GUI.

Each command is a function taking the parsed arguments and returning an exit code.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__
from reader.i18n import LANGUAGES
from reader.logging_setup import configure_logging
from reader.resources import BUNDLED_CONTENT_DIR
from reader.window_args import parse_window_start

if TYPE_CHECKING:
    from reader.content import LoadResult
    from reader.kiosk.config import KioskConfig

Command = Callable[[argparse.Namespace], int]


def _common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Options accepted both before and after the command name."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        default=default,
        help=f"content pack to use (default: the bundled {BUNDLED_CONTENT_DIR})",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="log more detail to stderr",
    )


def _window_options(parser: argparse.ArgumentParser) -> None:
    """Options of the reader window (no command)."""
    window = parser.add_argument_group("reader window (when no command is given)")
    window.add_argument(
        "--index-dir",
        type=Path,
        metavar="DIR",
        default=None,
        help="where the search index lives (default: the user's cache directory)",
    )
    window.add_argument(
        "--library",
        type=Path,
        metavar="DIR",
        default=None,
        help="content pack library whose packs are shown with the bundled one (docs/content-packs.md)",
    )
    window.add_argument(
        "--theme",
        choices=("system", "light", "dark"),
        default=None,
        help="colours for this run (default: the saved choice, else the system's)",
    )
    window.add_argument(
        "--language",
        choices=tuple(LANGUAGES),
        default=None,
        help="interface language for this run (default: the one chosen in View > Language, else the system)",
    )
    window.add_argument(
        "--exit-after-paint",
        action="store_true",
        help="exit with status 0 as soon as the topic is first painted (smoke test, start-up timing)",
    )


def _kiosk_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """The kiosk file option, shared by the window and `kiosk-pin` (see docs/kiosk.md)."""
    parser.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS if suppress else None,
        help="kiosk settings file (default: health-reader/kiosk.yaml in the config folders, e.g. /etc/xdg)",
    )


def _top_parser(kind: type[argparse.ArgumentParser] = argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The program's own options, without the commands (reader.window_args parses a start of the
    window with these alone)."""
    parser = kind(
        prog="health-reader",
        description="Offline health-topic reader. With no command, opens the reader window.",
    )
    parser.add_argument(
        "--version",
        action="store_true",
        help="print the version, the Qt and Python versions and where the content pack is, then exit",
    )
    _common_options(parser, suppress=False)
    _window_options(parser)
    _kiosk_options(parser, suppress=False)
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="run as a locked-down, full-screen kiosk for a public touch screen (docs/kiosk.md)",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _top_parser()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="validate the content pack; exit 1 if any file is bad")
    _common_options(check, suppress=True)
    check.set_defaults(run=run_check)

    kiosk_pin = commands.add_parser(
        "kiosk-pin", help="set the kiosk administrator PIN (stored as a salted hash in the kiosk file)"
    )
    _kiosk_options(kiosk_pin, suppress=True)
    kiosk_pin.add_argument(
        "--pin-stdin", action="store_true", help="read the PIN from one line of stdin instead of asking twice"
    )
    kiosk_pin.set_defaults(run=run_kiosk_pin)

    index = commands.add_parser("index", help="build or refresh the search index and say what was done")
    _common_options(index, suppress=True)
    _index_dir_option(index)
    index.add_argument(
        "--rebuild", action="store_true", help="build from scratch even if the index is current"
    )
    _library_option(index)
    index.set_defaults(run=run_index)

    search = commands.add_parser("search", help="search the content and print the results")
    _common_options(search, suppress=True)
    _index_dir_option(search)
    search.add_argument("query", metavar="QUERY", help='words to look for; "quoted phrase" for exact words')
    search.add_argument("--limit", type=_positive_int, default=10, metavar="N", help="at most N results (10)")
    search.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object instead of text (snippet: HTML with <mark>; snippet_text: plain)",
    )
    _library_option(search)
    search.set_defaults(run=run_search)

    cite = commands.add_parser(
        "cite", help="print a topic's references in a citation style (nlm, ama, ris, bibtex)"
    )
    _common_options(cite, suppress=True)
    from reader.cite_command import add_arguments

    add_arguments(cite)
    cite.set_defaults(run=run_cite)
    from reader.pack_commands import add_pack_commands

    add_pack_commands(commands)
    voices = commands.add_parser("voices", help="list the engines, voices and languages read aloud can use")
    voices.set_defaults(run=run_voices)
    return parser


def _index_dir_option(parser: argparse.ArgumentParser) -> None:
    """`--index-dir` after a command name (the window's option before it keeps its value otherwise)."""
    parser.add_argument(
        "--index-dir",
        type=Path,
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where the search index lives (default: the user's cache directory)",
    )


def _library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        type=Path,
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="also search the packs installed in this pack library (default: the usual library)",
    )


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def content_dir(args: argparse.Namespace) -> Path:
    return args.content if args.content is not None else BUNDLED_CONTENT_DIR


def run_check(args: argparse.Namespace) -> int:
    from reader.content import load_content
    from reader.content.errors import reading_order

    pack = content_dir(args)
    result = load_content(pack)
    if says_no_topics(pack, result):
        return 1
    for error in sorted(result.errors, key=reading_order):  # by file, then line
        print(error, file=sys.stderr if error.severity == "error" else sys.stdout)
    bad = len({e.path for e in result.errors if e.severity == "error"})
    print(f"{len(result.topics)} topic(s) loaded from {result.files} file(s); {bad} file(s) with errors")
    return 1 if result.failed else 0


def says_no_topics(pack: Path, result: LoadResult) -> bool:
    """A missing or empty pack gets one line on stderr (and the caller exits 1), not a list."""
    if result.files or result.topics:
        return False
    from reader.content.loader import no_topics_message

    print(f"health-reader: {no_topics_message(pack)}", file=sys.stderr)
    return True


def run_index(args: argparse.Namespace) -> int:
    from reader.search_commands import run_index as index

    return index(args)


def run_search(args: argparse.Namespace) -> int:
    from reader.search_commands import run_search as search

    return search(args)


def run_cite(args: argparse.Namespace) -> int:
    from reader.cite_command import run_cite as cite

    return cite(args, content_dir(args))


def run_voices(_args: argparse.Namespace) -> int:
    from reader.speech.listing import list_voices

    return list_voices()


def run_kiosk_pin(args: argparse.Namespace) -> int:
    from reader.kiosk.pin import run_kiosk_pin as set_pin

    return set_pin(args)


def kiosk_config(args: argparse.Namespace) -> KioskConfig | None:
    """The kiosk settings when kiosk mode is on (--kiosk or the kiosk file), else None.

    Problems in the file are printed one per line; the kiosk stays locked despite them."""
    from reader.kiosk.locate import find_config_file

    forced, named = bool(getattr(args, "kiosk", False)), getattr(args, "config", None)
    if not forced and named is None and find_config_file() is None:
        return None  # the usual start: no kiosk file, so no settings to declare and validate
    from reader.kiosk.config import load_config

    loaded = load_config(named, force_kiosk=forced)
    for error in loaded.errors:
        print(error, file=sys.stderr)
    return loaded.config if loaded.config.enabled else None


def run_gui(args: argparse.Namespace) -> int:
    import gc

    gc.disable()  # a start makes long-lived objects only: reader.app.resume_collection() after the paint
    try:
        from reader.pyside_start import skip_feature_scan

        skip_feature_scan()  # before reader.app imports: PySide would read every module's source
        from reader.app import run_app

        args.kiosk_config = kiosk_config(args)
        return run_app(args)
    finally:
        gc.enable()


def version_text(pack: Path) -> str:
    """What `--version` prints: enough to tell two installs apart in a support call."""
    import platform

    import PySide6
    from PySide6.QtCore import qVersion

    from reader.content.loader import topic_files

    if pack.is_dir():
        count = len(topic_files(pack))
        found = f"{pack} ({count} topic file{'s' if count != 1 else ''})"
    else:
        found = f"{pack} (not found)"
    frozen = " (self-contained bundle)" if getattr(sys, "frozen", False) else ""
    return "\n".join(
        (
            f"health-reader {__version__}{frozen}",
            f"Python {platform.python_version()} ({sys.executable})",
            f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
            f"content pack: {found}",
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_window_start(_top_parser, argv) or build_parser().parse_args(argv)
    if args.version:
        print(version_text(content_dir(args)))
        return 0
    configure_logging(verbose=args.verbose)  # the GUI adds its log file in reader.app
    if args.command in ("check", "index", "search"):  # they print each problem themselves
        logging.getLogger("reader.content.loader").setLevel(logging.ERROR)
    run: Command = getattr(args, "run", run_gui)
    return run(args)
