"""Reading a topic file's bytes into plain data, safely, remembering each value's line.

Only PyYAML's safe loader is used: tags such as `!!python/object` are refused,
never executed. Anchors and aliases are refused too (a topic has no use for
them, and they let a small file expand into a huge one).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from reader.content.errors import ContentError

MAX_FILE_BYTES = 2 * 1024 * 1024  # the largest real topic is a few kB
MAX_DEPTH = 32  # a topic needs about 8 levels
# libyaml's parser is ten times faster than the pure-Python one and caps nesting itself.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PathKey = tuple[str | int, ...]

_STR_TAG = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class ParsedYaml:
    """A document's data and the 1-based line where each value (by path) starts."""

    data: Any
    lines: dict[PathKey, int]

    def line_of(self, path: PathKey) -> int:
        """Line of the value at `path`, or of its nearest ancestor that exists."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def format_path(path: PathKey) -> str:
    """`("sections", 2, "title")` -> `sections[2].title`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def too_large(path: Path, size: int) -> ContentError:
    return ContentError(
        path, None, "", f"file is too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})"
    )


def parse_yaml(path: Path, raw: bytes) -> ParsedYaml:
    """Decode and parse one topic file; raise ContentError naming the file and line."""
    if len(raw) > MAX_FILE_BYTES:
        raise too_large(path, len(raw))
    text = _decode(path, raw)
    if not text.strip():
        raise ContentError(path, 1, "", "file is empty")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ContentError(path, 1, "", "file holds no YAML document")
        lines: dict[PathKey, int] = {}
        _walk(path, node, (), lines, set())
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        started = exc.context_mark.line if exc.context and exc.context_mark else None
        if started is not None and exc.problem_mark is not None and started != exc.problem_mark.line:
            problem += f" ({exc.context}, which started on line {started + 1})"
        if "could not determine a constructor" in problem:
            problem = f"YAML tags are not allowed ({problem.split('tag', 1)[-1].strip()})"
        raise ContentError(path, line, "", f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:
        raise ContentError(path, None, "", f"YAML error: {exc}") from None
    except (ValueError, TypeError, OverflowError) as exc:
        # e.g. an impossible date such as 2011-13-45, which YAML resolves as a date
        raise ContentError(path, None, "", f"invalid value: {exc}") from None
    except RecursionError:
        raise ContentError(path, None, "", "YAML is nested too deeply") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise ContentError(path, 1, "", f"a topic file must be a mapping, not {_kind(data)}")
    return ParsedYaml(data=data, lines=lines)


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            path, line, "", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from None


def _walk(path: Path, node: yaml.Node, key: PathKey, lines: dict[PathKey, int], seen: set[int]) -> None:
    """Record each value's line; refuse aliases and duplicate mapping keys."""
    if id(node) in seen:
        raise ContentError(
            path, node.start_mark.line + 1, format_path(key), "anchors and aliases are not allowed"
        )
    seen.add(id(node))
    lines[key] = node.start_mark.line + 1
    if len(key) > MAX_DEPTH:
        raise ContentError(path, lines[key], format_path(key), f"nested more than {MAX_DEPTH} levels deep")
    for child_key, child in _children(path, node, key):
        _walk(path, child, key + (child_key,), lines, seen)


def _children(path: Path, node: yaml.Node, key: PathKey) -> Iterator[tuple[str | int, yaml.Node]]:
    if isinstance(node, yaml.SequenceNode):
        yield from enumerate(node.value)
    elif isinstance(node, yaml.MappingNode):
        names: set[str] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR_TAG:
                raise ContentError(
                    path, key_node.start_mark.line + 1, format_path(key), "mapping keys must be plain text"
                )
            name = str(key_node.value)
            if name in names:
                raise ContentError(
                    path,
                    key_node.start_mark.line + 1,
                    format_path(key + (name,)),
                    "duplicate key (an earlier value would be silently lost)",
                )
            names.add(name)
            yield name, value_node


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    return {list: "a list", str: "text", int: "a number", float: "a number", bool: "true/false"}.get(
        type(value), type(value).__name__
    )
