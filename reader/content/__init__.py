"""The topic model, loading and validation of topic files. No Qt, no Whoosh."""

from reader.content.errors import ContentError
from reader.content.loader import LoadResult, load_content, load_topic_file
from reader.content.model import (
    Attribute,
    BulletList,
    Cell,
    Comparison,
    Credits,
    EditorialNote,
    LaterStudy,
    Paragraph,
    Procedure,
    Reference,
    Reviewer,
    Section,
    Sentence,
    SentenceRef,
    Topic,
)

__all__ = [
    "Attribute",
    "BulletList",
    "Cell",
    "Comparison",
    "ContentError",
    "Credits",
    "EditorialNote",
    "LaterStudy",
    "LoadResult",
    "Paragraph",
    "Procedure",
    "Reference",
    "Reviewer",
    "Section",
    "Sentence",
    "SentenceRef",
    "Topic",
    "load_content",
    "load_topic_file",
]
