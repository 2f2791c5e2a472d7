"""The same topic in several languages: which topics of a pack are versions of one another, the
checks on them, and which version a reader in a given language sees.

A translation names its original with `translation_of: <original id>` (the publisher's own
translation; the reader never translates content). The original and every topic that names it
form one group; the group is known by the original's id. Everything here works on the records of
a `TopicStore`, so a 10,000-topic pack is grouped without building a topic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.content.errors import ContentError
from reader.content.store import TopicRecord, TopicStore


def base_language(tag: str) -> str:
    """The primary subtag of a language tag: "es-MX" -> "es", "en" -> "en"."""
    return tag.replace("_", "-").split("-", 1)[0].lower()


@dataclass(frozen=True)
class Version:
    topic_id: str
    language: str  # the topic's language tag as written


def check_translations(records: Iterable[TopicRecord]) -> list[ContentError]:
    """Errors for `translation_of` values that name no topic of the pack, a topic that is itself a
    translation, or a topic in the same language; each names the translation's file and field."""
    kept = [r for r in records if r.topic_id is not None]
    by_id = {r.topic_id: r for r in kept}
    errors: list[ContentError] = []
    seen: dict[tuple[str, str], str] = {}  # (original id, language) -> topic id
    for record in kept:
        original = record.translation_of
        if not original:
            continue
        target = by_id.get(original)
        problem = ""
        if target is None:
            problem = f"no topic '{original}' in this pack"
        elif target.translation_of:
            problem = (
                f"topic '{original}' is itself a translation of '{target.translation_of}': name the original"
            )
        elif base_language(target.language) == base_language(record.language):
            problem = f"topic '{original}' is in the same language ({target.language})"
        else:
            key = (original, base_language(record.language))
            other = seen.setdefault(key, record.topic_id or "")
            if other != record.topic_id:
                problem = f"topic '{other}' is already the {record.language} version of '{original}'"
        if problem:
            errors.append(ContentError(Path(record.path), None, "translation_of", problem))
    return errors


class Translations:
    """The versions of every topic of a store, by group.

    Only topics that take part in a translation (a translation and its original) are grouped:
    a pack without `translation_of` (the usual case) costs one pass over its records at start.
    """

    def __init__(self, store: TopicStore) -> None:
        self._store = store
        self._group: dict[str, str] = {}  # topic id -> the id of its group (the original's)
        self._versions: dict[str, list[Version]] = {}  # only groups of two versions or more
        records = store.records()
        translations = [r for r in records if r.topic_id and r.translation_of]
        if not translations:
            return
        by_id = {r.topic_id: r for r in records if r.topic_id}
        for record in translations:
            original = by_id.get(record.translation_of)
            if original is None or record.topic_id is None:
                continue  # names no topic of the pack (reported by check_translations): alone
            group = record.translation_of
            if group not in self._versions:
                self._group[group] = group
                self._versions[group] = [Version(group, original.language)]
            self._group[record.topic_id] = group
            self._versions[group].append(Version(record.topic_id, record.language))

    def versions(self, topic_id: str) -> list[Version]:
        """Every version of the topic (itself included), the original first."""
        group = self._group.get(topic_id)
        if group is None:
            index = self._store.position(topic_id)
            return [] if index is None else [Version(topic_id, self._store.language_at(index))]
        return sorted(self._versions[group], key=lambda v: v.topic_id != group)

    def others(self, topic_id: str) -> list[Version]:
        """The other-language versions of a topic."""
        return [v for v in self.versions(topic_id) if v.topic_id != topic_id]

    def in_language(self, topic_id: str, language: str) -> str | None:
        """The id of the topic's version in `language` (any region), or None when there is none."""
        wanted = base_language(language)
        return next(
            (v.topic_id for v in self.versions(topic_id) if base_language(v.language) == wanted), None
        )

    def preferred(self, topic_id: str, language: str) -> str:
        """The version to show a reader of `language`: theirs, else the original."""
        found = self.in_language(topic_id, language)
        return found if found is not None else self._group.get(topic_id, topic_id)

    def listed(self, language: str) -> TopicStore:
        """The store with one topic per group: the version in `language`, else the original; in
        the store's order. A pack without translations is returned as it is."""
        if not self._versions:
            return self._store
        hidden = {v.topic_id for group in self._versions for v in self._versions[group]}
        hidden -= {self.preferred(group, language) for group in self._versions}
        return self._store.subset(lambda record: record.topic_id not in hidden)
