"""The kiosk configuration: every setting declared once (type, default, help, limits), loaded
from an administrator's YAML file and validated, with errors naming file, line and field.

Failing closed: a file that was named or found but cannot be read or parsed, or whose `enabled`
value is bad, still starts the kiosk locked; any other bad field falls back to its safe default.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtGui import QKeySequence

from reader.filereading import FileTooLargeError, read_bytes_limited
from reader.i18n import LANGUAGES
from reader.kiosk.locate import find_config_file

MAX_CONFIG_BYTES = 64 * 1024

Check = Callable[[Any], str | None]  # returns a problem, or None when the value is fine


def _setting(default: Any, help_text: str, *, check: Check | None = None) -> Any:
    """A dataclass field that carries its help text and an optional extra check."""
    return field(default=default, metadata={"help": help_text, "check": check})


def _within(low: float, high: float) -> Check:
    def check(value: Any) -> str | None:
        return None if low <= value <= high else f"must be between {low:g} and {high:g}, not {value:g}"

    return check


def _one_of(*choices: str) -> Check:
    def check(value: Any) -> str | None:
        return None if value in choices else f"must be one of {', '.join(choices)}, not {value!r}"

    return check


def _key_chord(value: Any) -> str | None:
    sequence = QKeySequence(value)
    if sequence.isEmpty() or sequence.count() != 1 or sequence.toString() == "":
        return f"is not one key chord such as Ctrl+Alt+Shift+K: {value!r}"
    return None


def _language(value: Any) -> str | None:
    if value == "" or value in LANGUAGES:
        return None
    return f"must be one of {', '.join(LANGUAGES)} (or empty: --language, else the system's), not {value!r}"


def _pin_hash(value: Any) -> str | None:
    from reader.kiosk.pin import PinHashError, parse_pin_hash

    if value == "":
        return None
    try:
        parse_pin_hash(value)
    except PinHashError as exc:
        return f"is not a PIN hash written by `kiosk-pin` ({exc})"
    return None


@dataclass(frozen=True)
class KioskConfig:
    """Kiosk settings. The defaults are what a kiosk gets when its file says nothing."""

    enabled: bool = _setting(False, "Start in kiosk mode (same as --kiosk).")
    idle_seconds: int = _setting(
        120, "Seconds without a touch or key before the screen resets.", check=_within(30, 3600)
    )
    warning_seconds: int = _setting(
        30,
        "How many of those seconds the countdown warning is shown (WCAG 2.2.1 asks for at least 20).",
        check=_within(20, 600),
    )
    language: str = _setting(
        "",
        "Interface language of each new visit, by code (en, es); the Language button switches it for "
        "one visit. Empty: --language if given, else the system's language.",
        check=_language,
    )
    zoom_percent: int = _setting(
        150, "Text size in percent of normal; 150 suits a 1080p touch screen.", check=_within(100, 300)
    )
    allow_printing: bool = _setting(
        False, "Offer Print; it goes straight to the default printer, with no dialog."
    )
    allow_text_selection: bool = _setting(
        True, "Let people select text in an article (copying is never kept)."
    )
    show_published_since: bool = _setting(
        False,
        "Show the clinicians' list of studies published since the topic was last revised "
        "(hidden by default: a patient kiosk shows the original text).",
    )
    on_screen_keyboard: bool = _setting(True, "Show the built-in keyboard when the search field is touched.")
    read_aloud: bool = _setting(
        True, "Offer Listen, Pause, Stop and Speed buttons that read topics aloud (see docs/kiosk.md)."
    )
    speech_speed: str = _setting(
        "normal",
        "Speed of reading aloud at the start of each visit: slower, normal or faster.",
        check=_one_of("slower", "normal", "faster"),
    )
    pin_hash: str = _setting(
        "", "Salted hash of the administrator PIN, written by `python main.py kiosk-pin`.", check=_pin_hash
    )
    admin_hold_seconds: float = _setting(
        3.0, "How long to hold the top-left corner to ask for the PIN.", check=_within(3, 30)
    )
    admin_corner_px: int = _setting(
        96, "Size of the top-left square that the long press must start in.", check=_within(48, 400)
    )
    admin_chord: str = _setting(
        "Ctrl+Alt+Shift+K", "Key chord that asks for the PIN (for a kiosk with a keyboard).", check=_key_chord
    )
    system_index_dir: str = _setting(
        "/var/lib/health-reader/index",
        "Search index built at install time by root; opened only if only root can write it and every "
        "folder above it, otherwise the index is built in memory at each start (empty: always).",
    )

    @property
    def warning_start_seconds(self) -> int:
        """Seconds of inactivity after which the countdown appears."""
        return self.idle_seconds - self.warning_seconds


@dataclass(frozen=True)
class KioskConfigError(Exception):
    """A problem in a kiosk configuration file, printed as `file:line: field: message`."""

    path: Path
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


@dataclass(frozen=True)
class LoadedConfig:
    """The configuration to use, the file it came from (if any) and what was wrong with it."""

    config: KioskConfig
    path: Path | None
    errors: tuple[KioskConfigError, ...] = ()


def setting_help() -> dict[str, tuple[str, Any, str]]:
    """Name -> (type name, default, help) of every setting, in declaration order."""
    hints = typing.get_type_hints(KioskConfig)
    return {
        f.name: (hints[f.name].__name__, f.default, f.metadata["help"])
        for f in dataclasses.fields(KioskConfig)
    }


def load_config(path: Path | None = None, *, force_kiosk: bool = False) -> LoadedConfig:
    """Load `path`, or the first file found in the standard locations, or the defaults.

    `force_kiosk` (the --kiosk option) turns kiosk mode on whatever the file says.
    """
    errors: list[KioskConfigError] = []
    values: dict[str, Any] = {}
    if path is None:
        path = find_config_file()
    if path is not None:
        try:
            values = _read_values(path, errors)
        except KioskConfigError as exc:
            errors.append(exc)
            values = {"enabled": True}  # the file exists and is broken: stay locked
    if force_kiosk:
        values["enabled"] = True
    return LoadedConfig(KioskConfig(**values), path, tuple(errors))


def _read_values(path: Path, errors: list[KioskConfigError]) -> dict[str, Any]:
    data, lines = _parse(path)
    values: dict[str, Any] = {}
    defaults = {f.name: f for f in dataclasses.fields(KioskConfig)}
    hints = typing.get_type_hints(KioskConfig)
    for name, value in data.items():
        line = lines.get(name)
        if name not in defaults:
            known = ", ".join(defaults)
            errors.append(KioskConfigError(path, line, name, f"unknown setting (known: {known})"))
            continue
        problem = _problem(hints[name], defaults[name].metadata["check"], value)
        if problem is not None:
            errors.append(KioskConfigError(path, line, name, f"{problem}; using {defaults[name].default!r}"))
            if name == "enabled":
                values["enabled"] = True  # unsure whether the kiosk is wanted: stay locked
            continue
        values[name] = float(value) if hints[name] is float else value
    _check_together(path, lines, values, errors)
    return values


def _problem(kind: type, check: Check | None, value: Any) -> str | None:
    """What is wrong with `value` for a setting of type `kind`, or None."""
    if kind is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, kind)
    if not ok:
        return f"must be {_TYPE_WORDS[kind]}, not {_describe(value)}"
    return check(value) if check is not None else None


_TYPE_WORDS = {bool: "true or false", int: "a whole number", float: "a number", str: "text"}


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    return {dict: "a mapping", list: "a list", str: "text", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    ) + (f" {value!r}" if isinstance(value, str | int | float) else "")


def _check_together(
    path: Path, lines: dict[str, int], values: dict[str, Any], errors: list[KioskConfigError]
) -> None:
    """The countdown must leave at least 10 s of quiet before it starts."""
    idle = values.get("idle_seconds", KioskConfig.idle_seconds)
    warning = values.get("warning_seconds", KioskConfig.warning_seconds)
    if warning > idle - 10:
        fallback = min(KioskConfig.warning_seconds, idle - 10)
        errors.append(
            KioskConfigError(
                path,
                lines.get("warning_seconds", lines.get("idle_seconds")),
                "warning_seconds",
                f"must be at least 10 less than idle_seconds ({idle}), not {warning}; using {fallback}",
            )
        )
        values["warning_seconds"] = fallback


def _parse(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """The file's top-level mapping and the 1-based line of each key.

    YAML is imported here, when a kiosk file exists: an ordinary start looks for one, finds
    none, and does not pay for the import."""
    import yaml

    try:
        raw = read_bytes_limited(path, MAX_CONFIG_BYTES)  # regular files only, never blocks
    except FileTooLargeError:
        raise KioskConfigError(path, None, "", f"is larger than {MAX_CONFIG_BYTES:,} bytes") from None
    except OSError as exc:
        raise KioskConfigError(path, None, "", f"cannot be read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise KioskConfigError(path, line, "", "is not valid UTF-8") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise KioskConfigError(
            path, mark.line + 1 if mark else None, "", f"YAML syntax error: {exc.problem or exc.context}"
        ) from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        raise KioskConfigError(path, None, "", f"YAML error: {exc}") from None
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode | None):
        raise KioskConfigError(path, 1, "", f"must be a mapping of settings, not {_describe(data)}")
    lines: dict[str, int] = {}
    for key_node, _value in node.value if node is not None else ():
        name = str(key_node.value)
        if name in lines:
            raise KioskConfigError(path, key_node.start_mark.line + 1, name, "is set twice")
        lines[name] = key_node.start_mark.line + 1
    return {str(k): v for k, v in data.items()}, lines
