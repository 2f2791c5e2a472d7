"""Turning a parsed user query into a Whoosh query: stems, synonyms, spelling variants, prefixes.

Each word (or quoted phrase, or run of words that a synonym entry names) becomes a `Unit`:
the alternatives any of which satisfies it. Units are joined with AND, or with OR as the
fallback, over the `text` field (see `schema`). Boosts rank the words typed above synonyms
and completions; `title_factor` lets the service rank hits whose section title has the
words above the rest (an exact title first), without a costly title clause in the Whoosh query.

Question words and filler ("how long", "what happens during") are dropped from a query that
has other words: a question's content words decide what it finds, not its grammar.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass
from typing import Any, Literal

from reader.search.analysis import stems, surface_words
from reader.search.schema import TEXT_FIELD
from reader.search.snippets import MatchTerms
from reader.search.spelling import Vocabulary
from reader.search.synonyms import Expansion, Stems, SynonymTable
from reader.search.userquery import UserQuery

TITLE_BOOST = 1.0  # a hit whose section title has every word of the query scores (1 + this) times more
EXACT_TITLE_BOOST = 2.0  # ...and this many times more again when the title is the query, word for word
SYNONYM_BOOST = 0.6  # lay word <-> clinical term
PREFIX_BOOST = 0.5  # a completion of the word being typed
OTHER_CORRECTION_BOOST = 0.7  # a less likely correction of a misspelt word
PREFIX_EXPANSIONS = 5  # completions searched for the word being typed, most used first...
PREFIX_DOCUMENT_SHARE = 0.05  # ...while together they are in at most this share of the documents
MIN_PREFIX = 2

# Words of questions that say nothing about the subject; the index's stop words ("how", "does",
# "it", "will", "I", "be", "can") are already gone. Dropped when a query has other words.
FILLER_WORDS = frozenset(
    {
        *("much", "many", "long", "often", "soon", "why", "done", "during", "going", "get", "gets"),
        *("happen", "happens", "happening", "need", "want", "tell", "know", "like", "really", "please"),
    }
)


@dataclass(frozen=True)
class Alternative:
    stems: Stems
    boost: float = 1.0
    adjacent: bool = True  # several stems must stand together (a phrase)


@dataclass(frozen=True)
class Unit:
    """One element of the query: satisfied by any of its alternatives."""

    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True)
class Plan:
    """The units of a query in one language's field, and the same query planned in the other
    languages of the index (`others`): a document matches the plan of its own language."""

    units: tuple[Unit, ...]
    field: str = TEXT_FIELD
    language: str = "en"
    others: tuple[Plan, ...] = ()

    @property
    def searches(self) -> bool:
        """Whether any language's plan has words to look for."""
        return bool(self.units) or any(other.units for other in self.others)

    def for_language(self, language: str) -> Plan:
        """The plan of one language (this one when the index has no plan for it)."""
        return next((p for p in self.others if p.language == language), self)

    def match_terms(self) -> MatchTerms:
        """What to mark in a text: the stems of every language's plan."""
        terms = self._own_terms()
        for other in self.others:
            terms = terms | other._own_terms()
        return terms

    def _own_terms(self) -> MatchTerms:
        single: set[str] = set()
        phrases: set[Stems] = set()
        for unit in self.units:
            for alt in unit.alternatives:
                if len(alt.stems) > 1 and alt.adjacent:
                    phrases.add(alt.stems)
                else:
                    single.update(alt.stems)
        return MatchTerms(frozenset(single), frozenset(phrases))

    def unit_terms(self) -> tuple[MatchTerms, ...]:
        """What each unit matches, one `MatchTerms` per unit (to tell which references match)."""
        return tuple(Plan((unit,)).match_terms() for unit in self.units)

    def title_factor_in(self, language: str, title_stems: Set[str]) -> float:
        """`title_factor` of the plan of a hit's language."""
        return self.for_language(language).title_factor(title_stems)

    def title_factor(self, title_stems: Set[str]) -> float:
        """How much a section title raises a hit's score: by the share of the query found in it,
        and EXACT_TITLE_BOOST times more when the title holds nothing else."""
        if not self.units:
            return 1.0
        found, used = 0, set[str]()
        for unit in self.units:
            inside = [alt.stems for alt in unit.alternatives if set(alt.stems) <= title_stems]
            if inside:
                found += 1
                longest: Stems = max(inside, key=len)
                used.update(longest)
        factor = 1.0 + TITLE_BOOST * found / len(self.units)
        exact = found == len(self.units) and used == set(title_stems)
        return factor * EXACT_TITLE_BOOST if exact else factor

    def whoosh_query(self, mode: Literal["and", "or"]) -> Any:
        """Documents whose field has every unit (or any, for "or"), in any language planned."""
        from whoosh import query

        queries = [plan._own_query(mode) for plan in (self, *self.others) if plan.units]
        return queries[0] if len(queries) == 1 else query.Or(queries)

    def _own_query(self, mode: Literal["and", "or"]) -> Any:
        from whoosh import query

        units = [_unit_query(unit, self.field) for unit in self.units]
        return units[0] if len(units) == 1 else query.And(units) if mode == "and" else query.Or(units)


def _is_filler(text: str, phrase: bool) -> bool:
    words = surface_words(text)
    return not phrase and bool(words) and all(word in FILLER_WORDS for word in words)


def _match_query(alt: Alternative, name: str) -> Any:
    from whoosh import query

    if len(alt.stems) == 1:
        return query.Term(name, alt.stems[0], boost=alt.boost)
    if alt.adjacent:
        return query.Phrase(name, list(alt.stems), boost=alt.boost)
    return query.And([query.Term(name, s, boost=alt.boost) for s in alt.stems])


def _unit_query(unit: Unit, name: str) -> Any:
    from whoosh import query

    subs = [_match_query(alt, name) for alt in unit.alternatives]
    return subs[0] if len(subs) == 1 else query.Or(subs)


def _expanded(key: Stems, found: Expansion | None, boost: float, adjacent: bool) -> list[Alternative]:
    alts = [Alternative(key, boost, adjacent)]
    if found is not None:
        alts += [Alternative(v, boost) for v in found.variants]
        alts += [Alternative(s, boost * SYNONYM_BOOST) for s in found.synonyms]
    return alts


def _dedupe(alts: Sequence[Alternative]) -> tuple[Alternative, ...]:
    best: dict[tuple[Stems, bool], Alternative] = {}
    for alt in alts:
        key = (alt.stems, alt.adjacent)
        if key not in best or best[key].boost < alt.boost:
            best[key] = alt
    return tuple(best.values())


class QueryPlanner:
    """Builds the `Plan` of a query against one index's vocabulary and a synonym table, in one
    language: its analyser (`analyse`, English stems by default) and its field."""

    def __init__(
        self,
        synonyms: SynonymTable,
        vocabulary: Vocabulary,
        doc_frequency: Callable[[str], int] = lambda stem: 0,
        documents: int = 0,
        *,
        analyse: Callable[[str], Stems] = stems,
        field: str = TEXT_FIELD,
        language: str = "en",
    ) -> None:
        self.synonyms = synonyms
        self.vocabulary = vocabulary
        self.doc_frequency = doc_frequency  # documents of the index holding a stem
        self.documents = documents
        self.analyse = analyse
        self.field = field
        self.language = language

    def plan(self, query: UserQuery, corrections: Mapping[int, Sequence[str]] | None = None) -> Plan:
        corrections = corrections or {}
        texts = [corrections[i][0] if i in corrections else p.text for i, p in enumerate(query.parts)]
        part_stems = [self.analyse(t) for t in texts]
        units: list[tuple[Unit, bool]] = []  # (unit, whether it is filler)
        i = 0
        while i < len(query.parts):
            span = self._synonym_span(query, part_stems, i, corrections)
            if span is not None:
                end, key, found = span
                units.append((Unit(_dedupe(_expanded(key, found, 1.0, adjacent=False))), False))
                i = end
                continue
            unit = self._part_unit(query, part_stems, i, corrections)
            if unit.alternatives:
                units.append((unit, _is_filler(query.parts[i].text, query.parts[i].phrase)))
            i += 1
        content = tuple(unit for unit, filler in units if not filler)
        return Plan(content or tuple(unit for unit, _ in units), self.field, self.language)

    def _synonym_span(
        self, query: UserQuery, part_stems: Sequence[Stems], start: int, corrections: Mapping[int, object]
    ) -> tuple[int, Stems, Expansion] | None:
        """A run of two or more plain words that a synonym entry names, longest first."""
        longest = min(len(query.parts), start + self.synonyms.longest)
        for end in range(longest, start + 1, -1):
            if any(p.phrase for p in query.parts[start:end]):
                continue
            key = tuple(s for stems_ in part_stems[start:end] for s in stems_)
            found = self.synonyms.get(key)
            if found is not None and all(part_stems[start:end]):
                return end, key, found
        return None

    def _part_unit(
        self, query: UserQuery, part_stems: Sequence[Stems], i: int, corrections: Mapping[int, Sequence[str]]
    ) -> Unit:
        part = query.parts[i]
        if part.phrase:
            return Unit((Alternative(part_stems[i]),) if part_stems[i] else ())
        alts: list[Alternative] = []
        for rank, word in enumerate(corrections.get(i, [part.text])):
            key = part_stems[i] if rank == 0 else self.analyse(word)
            if key:
                boost = 1.0 if rank == 0 else OTHER_CORRECTION_BOOST
                alts += _expanded(key, self.synonyms.get(key), boost, adjacent=True)
        if part.prefix and i not in corrections:
            alts += self._completions(part.text)
        return Unit(_dedupe(alts))

    def _completions(self, text: str) -> list[Alternative]:
        """The most used completions of a word being typed, the first always, the next ones while
        their documents stay few: a union of common words costs the most time of any query."""
        words = surface_words(text)
        if len(words) != 1 or len(words[0]) < MIN_PREFIX:
            return []
        budget, used = PREFIX_DOCUMENT_SHARE * self.documents, 0
        found: list[Alternative] = []
        for key in map(self.analyse, self.vocabulary.completions(words[0], PREFIX_EXPANSIONS)):
            used += sum(self.doc_frequency(stem) for stem in key)
            if key and (not found or used <= budget):
                found.append(Alternative(key, PREFIX_BOOST))
        return found
