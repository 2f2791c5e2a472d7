"""A generated content pack for benchmarks: N topic files of made-up words, realistic in size and shape.

Words are invented from syllables, so the text looks like real text without being real
medical text. Word frequencies follow one Zipf law over all words, as in real text: common
English function words take its top ranks (about 45% of running text) and the invented
content words continue from there, so the most common content word appears in roughly one
section in ten (rather than in nearly every section, as it would if content words had a
Zipf law of their own starting at rank 1). Each topic has 4-8 sections (about 450 words in all), keywords, a
summary and 0-4 references. The same data is written as YAML topic files and returned as
model objects (with the hash the loader would record), so a benchmark need not spend minutes
parsing 10,000 files to get them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from reader.content.model import Credits, Paragraph, Reference, Section, Sentence, Topic

ONSETS = [
    "b",
    "br",
    "c",
    "ch",
    "d",
    "f",
    "g",
    "gr",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "pr",
    "r",
    "s",
    "st",
    "t",
    "tr",
    "v",
]
VOWELS = ["a", "e", "i", "o", "u", "ae", "io", "ou"]
CODAS = ["", "", "n", "r", "s", "l", "x", "m", "th"]
SUFFIXES = [
    "itis",
    "osis",
    "plasty",
    "ectomy",
    "ology",
    "emia",
    "algia",
    "scopy",
    "ine",
    "ate",
    "ment",
    "ing",
]
FUNCTION_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "is",
    "that",
    "for",
    "it",
    "as",
    "with",
    "be",
    "on",
    "by",
    "this",
    "are",
    "or",
    "your",
    "you",
    "can",
    "may",
    "not",
    "have",
    "from",
    "at",
    "will",
    "if",
    "more",
    "some",
    "when",
    "they",
    "which",
    "their",
    "about",
    "after",
    "than",
    "other",
    "most",
    "into",
    "also",
    "many",
    "these",
    "only",
    "how",
    "do",
    "what",
    "should",
    "take",
    "often",
    "any",
    "such",
    "much",
    "people",
    "doctor",
    "treatment",
    "pain",
    "time",
    "day",
    "days",
    "week",
    "help",
    "feel",
]
SECTION_TITLES = ["What happens", "Risks", "How well it works", "Recovery", "Before", "After", "Causes"]


@dataclass
class Pack:
    directory: Path
    topics: list[Topic]
    vocabulary: list[str]  # content words, most frequent first
    sentences: list[str]  # a sample of generated sentences, for phrase queries


def make_vocabulary(rng: random.Random, size: int) -> list[str]:
    words: dict[str, None] = {}
    while len(words) < size:
        syllables = rng.choice([2, 2, 3, 3, 3, 4])
        word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(syllables))
        if rng.random() < 0.15:
            word += rng.choice(SUFFIXES)
        words.setdefault(word, None)
    return list(words)


class TextMaker:
    """Sentences of content words mixed with function words (see the module docstring)."""

    def __init__(self, rng: random.Random, vocabulary: list[str]) -> None:
        self.rng = rng
        self.vocabulary = vocabulary
        first = len(FUNCTION_WORDS) + 1  # content words rank after the function words
        self.cum_weights = list(itertools.accumulate(1 / (first + rank) for rank in range(len(vocabulary))))

    def words(self, n: int) -> list[str]:
        return self.rng.choices(self.vocabulary, cum_weights=self.cum_weights, k=n)

    def sentence(self) -> str:
        n = self.rng.randint(8, 20)
        content = iter(self.words(n))
        words = [
            next(content) if self.rng.random() < 0.55 else self.rng.choice(FUNCTION_WORDS) for _ in range(n)
        ]
        return " ".join(words).capitalize() + "."

    def title(self, n: int) -> str:
        return " ".join(w.capitalize() for w in self.words(n))


def _topic_data(make: TextMaker, number: int) -> dict[str, Any]:
    rng = make.rng
    sections = []
    titles = ["Topic Overview", *rng.sample(SECTION_TITLES, rng.randint(3, 7))]
    for i, title in enumerate(titles):
        if i and rng.random() < 0.5:
            title = f"{title}: {make.title(1)}"
        blocks = [
            {"paragraph": [make.sentence() for _ in range(rng.randint(2, 4))]}
            for _ in range(rng.randint(1, 2))
        ]
        sections.append({"id": f"s{i}", "title": title, "blocks": blocks})
    references = [
        {
            "id": f"ref-{r}",
            "authors": [f"{make.title(1)} {rng.choice('ABCDEFGHKLMRS')}"],
            "et_al": True,
            "year": rng.randint(1990, 2024),
            "title": make.sentence(),
            "journal": f"Journal of {make.title(1)}",
            "pmid": str(rng.randint(10_000_000, 39_999_999)),
        }
        for r in range(rng.choice([0, 0, 1, 2, 3, 4]))
    ]
    return {
        "schema_version": 1,
        "id": f"topic-{number:05d}",
        "title": make.title(rng.randint(1, 3)),
        "language": "en",
        "summary": make.sentence(),
        "keywords": list(dict.fromkeys(make.words(rng.randint(3, 8)))),
        "sections": sections,
        "references": references,
        "credits": {"author": "Synthetic Staff", "last_revised": "2024-01-01"},
    }


def _sentences(raw: list[Any]) -> tuple[Sentence, ...]:
    return tuple(Sentence(key=f"s{i}", text=text) for i, text in enumerate(raw))


def _topic(data: dict[str, Any], path: Path, sha256: str) -> Topic:
    sections = tuple(
        Section(
            s["id"],
            s["title"],
            tuple(Paragraph(_sentences(b["paragraph"])) for b in s["blocks"]),
        )
        for s in data["sections"]
    )
    references = tuple(
        Reference(
            r["id"], n, tuple(r["authors"]), r["et_al"], r["year"], r["title"], r["journal"], pmid=r["pmid"]
        )
        for n, r in enumerate(data["references"], 1)
    )
    return Topic(
        id=data["id"],
        title=data["title"],
        language="en",
        sections=sections,
        credits=Credits(author="Synthetic Staff", last_revised=dt.date(2024, 1, 1)),
        summary=data["summary"],
        keywords=tuple(data["keywords"]),
        references=references,
        source_path=str(path),
        source_sha256=sha256,
    )


def write_topic(directory: Path, data: dict[str, Any]) -> Topic:
    """Write one topic file and return the topic as the loader would build it."""
    path = directory / f"{data['id']}.yaml"
    raw = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100).encode("utf-8")
    path.write_bytes(raw)
    return _topic(data, path, hashlib.sha256(raw).hexdigest())


def generate_pack(directory: Path, count: int, seed: int = 7, vocabulary_size: int = 30_000) -> Pack:
    """Write `count` topic files under `directory/topics/` and return them as a `Pack`."""
    rng = random.Random(seed)
    vocabulary = make_vocabulary(rng, vocabulary_size)
    make = TextMaker(rng, vocabulary)
    topics_dir = directory / "topics"
    topics_dir.mkdir(parents=True, exist_ok=True)
    topics, sentences = [], []
    for number in range(count):
        data = _topic_data(make, number)
        topics.append(write_topic(topics_dir, data))
        if number % 20 == 0:
            sentences.extend(data["sections"][1]["blocks"][0]["paragraph"])
    return Pack(directory, topics, vocabulary, sentences)


def changed_topic(pack: Pack, index: int) -> Topic:
    """Rewrite one topic file with an extra sentence, as an author's edit would, and return it."""
    topic = pack.topics[index]
    data = yaml.safe_load(Path(topic.source_path).read_text(encoding="utf-8"))
    data["sections"][0]["blocks"][0]["paragraph"].append("An added sentence about zyxqualimb recovery.")
    return write_topic(Path(topic.source_path).parent, data)
