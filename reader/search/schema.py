"""The index schema: one document per topic section (and one for a topic's reference list).

One field, `text`, holds all of an English document's words (section title, then body), stemmed, with
positions for phrases (a gap between sentences: see `analysis`). The section
title is written into it TITLE_WEIGHT times, so its words weigh more in BM25 ranking. One
field rather than one per part with query-time boosts, because Whoosh's matchers are pure
Python: a union over several fields, or an extra ranking clause, multiplied query time on a
large pack (measured with bench/search_bench.py). A Spanish document's words go to `text_es`
instead, analysed in Spanish (see `languages`); a pack with no Spanish topic never queries it.

The unstemmed words that spelling and completion offer live beside the index (see
`spelling.Vocabulary`), not in it: a field of them doubled the build time.
"""

from __future__ import annotations

from typing import Any

from reader.search.analysis import stemming_analyzer

# Bump whenever the fields below change: old indexes are then rebuilt.
SCHEMA_VERSION = 3  # 3: a Spanish field (text_es) and the language of non-English documents

TEXT_FIELD = "text"
TITLE_WEIGHT = 2  # times the section title is written into `text`
TOPIC_FIELD = "topic"
SECTION_FIELD = "section"
TITLE_FIELD = "title"  # stored only, for results
TOPIC_TITLE_FIELD = "topic_title"  # stored only, for results
LANGUAGE_FIELD = "language"  # stored only, on documents not in English (see `languages`)


def build_schema() -> Any:
    """A fresh Whoosh schema (imports Whoosh)."""
    from whoosh.fields import ID, STORED, TEXT, Schema

    from reader.search.languages import LANGUAGE_FIELDS, SPANISH, spanish_analyzer

    analyzer = stemming_analyzer()
    return Schema(
        **{
            TOPIC_FIELD: ID(stored=True),
            SECTION_FIELD: ID(stored=True),
            TEXT_FIELD: TEXT(analyzer=analyzer, phrase=True),
            LANGUAGE_FIELDS[SPANISH]: TEXT(analyzer=spanish_analyzer(), phrase=True),
            LANGUAGE_FIELD: STORED(),
            TITLE_FIELD: STORED(),
            TOPIC_TITLE_FIELD: STORED(),
        }
    )
