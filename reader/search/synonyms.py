"""Spelling variants and lay/clinical synonyms from a YAML data file, expanded at query time.

The file (`content/synonyms.yaml`) has two lists of groups:

    variants:            # forms of one word; a query for any finds all, with full weight
      - [tumour, tumor]
    synonyms:            # words or phrases that mean the same to a reader; weigh less
      - [blood clot, embolism]

    languages:           # optional: the same two lists for topics in another language
      es:
        synonyms:
          - [fractura, hueso roto]

Entries are analysed like the index (stemmed), so `tumours` matches the entry `tumour`; entries
under a language are analysed in that language (see `languages`). Groups that share an entry are
merged. A bad file is logged and ignored, never fatal.

A file read once is kept parsed, by its size and time (`parsed`, `remember_parsed`): the
command-line search's note (reader.search.quick) carries it, so a search that loads no pack
does not import the YAML parser either (~17 ms).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.filereading import read_text_limited
from reader.search.analysis import stems

log = logging.getLogger(__name__)

MAX_SYNONYMS_BYTES = 4 * 1024 * 1024  # the bundled file is a few kB

Stems = tuple[str, ...]
Stamp = tuple[int, int]  # a file's (mtime_ns, size)

_PARSED: dict[str, tuple[Stamp, Any]] = {}  # path -> the stamp and parsed YAML of a file read


def _stamp(path: Path) -> Stamp | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def parsed(path: Path) -> tuple[Stamp, Any] | None:
    """The stamp and parsed YAML of `path` as this process last read it, if it did."""
    return _PARSED.get(str(path))


def remember_parsed(path: Path, stamp: Stamp, data: Any) -> None:
    """Take `data` as the parsed file while the file keeps `stamp` (checked at each load)."""
    _PARSED[str(path)] = (stamp, data)


@dataclass(frozen=True)
class Expansion:
    """What a query's word or phrase (`key`, as stems) also stands for."""

    key: Stems
    variants: tuple[Stems, ...] = ()  # other spellings: same weight as the key
    synonyms: tuple[Stems, ...] = ()  # other words for it: weigh less


class _Groups:
    """Union-find over stem sequences: entries of groups that share an entry end in one class."""

    def __init__(self) -> None:
        self._parent: dict[Stems, Stems] = {}

    def find(self, item: Stems) -> Stems:
        self._parent.setdefault(item, item)
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def add_group(self, members: Sequence[Stems]) -> None:
        for member in members:
            self._parent.setdefault(member, member)
            self._parent[self.find(member)] = self.find(members[0])

    def classes(self) -> dict[Stems, frozenset[Stems]]:
        """Each member -> every member of its class (itself included)."""
        by_root: dict[Stems, set[Stems]] = {}
        for item in self._parent:
            by_root.setdefault(self.find(item), set()).add(item)
        return {item: frozenset(by_root[self.find(item)]) for item in self._parent}


def _analysed(entries: Iterable[object], analyse: Callable[[str], Stems] = stems) -> list[Stems]:
    out: list[Stems] = []
    for entry in entries:
        analysed = analyse(str(entry))
        if analysed and analysed not in out:
            out.append(analysed)
    return out


class SynonymTable:
    """Looks up expansions for a sequence of query stems (longest entry first)."""

    def __init__(
        self,
        variant_groups: Iterable[Iterable[object]] = (),
        synonym_groups: Iterable[Iterable[object]] = (),
        analyse: Callable[[str], Stems] = stems,
    ) -> None:
        variants = _Groups()
        for group in variant_groups:
            variants.add_group(_analysed(group, analyse))
        synonyms = _Groups()
        for group in synonym_groups:
            members = _analysed(group, analyse)
            for member in members:
                variants.find(member)  # every entry gets a (possibly single) variant class
            synonyms.add_group(members)
        variant_class = variants.classes()
        synonym_class = synonyms.classes()
        self._table: dict[Stems, Expansion] = {}
        for key, spellings in variant_class.items():
            meaning: set[Stems] = set()
            for spelling in spellings:
                for other in synonym_class.get(spelling, ()):
                    meaning |= variant_class.get(other, frozenset({other}))
            self._table[key] = Expansion(
                key, tuple(sorted(spellings - {key})), tuple(sorted(meaning - spellings))
            )
        self.longest = max((len(k) for k in self._table), default=0)

    def __len__(self) -> int:
        return len(self._table)

    def get(self, key: Stems) -> Expansion | None:
        return self._table.get(key)

    def match(self, query_stems: Sequence[str], start: int) -> Expansion | None:
        """The longest entry that `query_stems[start:]` begins with, if any."""
        for length in range(min(self.longest, len(query_stems) - start), 0, -1):
            found = self._table.get(tuple(query_stems[start : start + length]))
            if found is not None:
                return found
        return None

    @classmethod
    def load(cls, path: Path | None, language: str = "en") -> SynonymTable:
        """Read a synonyms file (the groups of `language`: the top-level lists for English, the
        `languages` section for another); a missing or malformed file gives an empty table and a
        warning."""
        if path is None:
            return cls()
        try:
            data = _parse(path)
            if not isinstance(data, dict):
                raise ValueError("expected a mapping with 'variants' and 'synonyms'")
            if language != "en":
                data = _language_section(data, language)
            variants = _groups_of(data, "variants")
            synonyms = _groups_of(data, "synonyms")
        except (OSError, ValueError) as exc:  # yaml.YAMLError is a ValueError here: see _parse
            log.warning("synonyms file %s ignored: %s", path, exc)
            return cls()
        from reader.search.languages import stems_for

        return cls(variants, synonyms, stems_for(language))


def _parse(path: Path) -> Any:
    """The file's YAML, from memory while its size and time are those it was read with."""
    stamp = _stamp(path)
    known = _PARSED.get(str(path))
    if known is not None and stamp is not None and known[0] == stamp:
        return known[1]
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's is 10x faster: start-up
    text = read_text_limited(path, MAX_SYNONYMS_BYTES)  # regular files only, never blocks
    try:
        data = yaml.load(text, Loader=loader) or {}
    except yaml.YAMLError as exc:
        raise ValueError(str(exc)) from None
    if stamp is not None:
        _PARSED[str(path)] = (stamp, data)
    return data


def _language_section(data: dict[object, object], language: str) -> dict[object, object]:
    """The `languages: {code: {variants, synonyms}}` section of one language ({} when absent)."""
    sections = data.get("languages") or {}
    if not isinstance(sections, dict):
        raise ValueError("'languages' must map language codes to 'variants' and 'synonyms'")
    section = sections.get(language) or {}
    if not isinstance(section, dict):
        raise ValueError(f"'languages: {language}' must be a mapping with 'variants' and 'synonyms'")
    return section


def _groups_of(data: dict[object, object], name: str) -> list[list[object]]:
    groups = data.get(name) or []
    if not isinstance(groups, list) or not all(isinstance(g, list) for g in groups):
        raise ValueError(f"'{name}' must be a list of lists of words")
    return [list(g) for g in groups]
