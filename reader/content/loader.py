"""Loading every topic file of a content pack: a bad file is reported and skipped,
every good file still loads.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from reader.content.build import build_topic
from reader.content.errors import ContentError
from reader.content.model import Topic
from reader.content.schema import validate_structure
from reader.content.yamltext import MAX_FILE_BYTES, parse_yaml, too_large

log = logging.getLogger(__name__)

TOPIC_SUFFIXES = (".yaml", ".yml")
NON_TOPIC_FILES = {"synonyms", "pack"}  # data files that may sit beside topics in a flat pack


@dataclass
class LoadResult:
    topics: list[Topic] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)  # files skipped, and warnings
    files: int = 0  # topic files found

    @property
    def failed(self) -> bool:
        return any(e.severity == "error" for e in self.errors)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)


def topic_files(content_dir: Path) -> list[Path]:
    """The topic files of a pack: `DIR/topics/**/*.yaml`, or `DIR/**/*.yaml` when there is no topics/."""
    root = content_dir / "topics" if (content_dir / "topics").is_dir() else content_dir
    files = [
        p
        for p in root.rglob("*")
        if p.suffix in TOPIC_SUFFIXES and p.is_file() and not any(part.startswith(".") for part in p.parts)
    ]
    if root == content_dir:  # data files beside topics (e.g. synonyms.yaml) are not topics
        files = [p for p in files if p.parent != content_dir or p.stem not in NON_TOPIC_FILES]
    return sorted(files)


def load_topic_file(path: Path) -> tuple[Topic | None, list[ContentError]]:
    """Read, parse, validate and build one topic file. Never raises for bad content."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:  # refuse before reading a huge file into memory
            return None, [too_large(path, size)]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [ContentError(path, None, "", f"cannot read file: {exc.strerror or exc}")]
    try:
        parsed = parse_yaml(path, raw)
    except ContentError as exc:
        return None, [exc]
    errors = validate_structure(path, parsed)
    if errors:
        return None, errors
    return build_topic(path, parsed, hashlib.sha256(raw).hexdigest())


def load_content(content_dir: Path) -> LoadResult:
    """Load every topic of a pack; errors name file, line and field."""
    result = LoadResult()
    if not content_dir.is_dir():
        result.errors.append(ContentError(content_dir, None, "", "content directory not found"))
        return result
    files = topic_files(content_dir)
    result.files = len(files)
    seen: dict[str, Path] = {}
    for path in files:
        topic, errors = load_topic_file(path)
        result.errors.extend(errors)
        if topic is None:
            continue
        if topic.id in seen:
            result.errors.append(
                ContentError(path, None, "id", f"topic id '{topic.id}' is already used by {seen[topic.id]}")
            )
            continue
        seen[topic.id] = path
        result.topics.append(topic)
    _check_related(result)
    result.topics.sort(key=lambda t: (t.title.casefold(), t.id))
    for error in result.errors:
        log.warning("%s", error)
    return result


def _check_related(result: LoadResult) -> None:
    """A related link to a topic that is not in the pack is a warning; the link is simply not shown."""
    ids = {t.id for t in result.topics}
    for topic in result.topics:
        for target in topic.related:
            if target not in ids:
                result.errors.append(
                    ContentError(
                        Path(topic.source_path),
                        None,
                        "related",
                        f"no topic '{target}' in this pack",
                        "warning",
                    )
                )
