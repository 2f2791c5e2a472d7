"""Full-text search over the loaded topics: the index (schema, analysis, lifecycle) and the
query service. No Qt; Whoosh is imported only when an index is built, opened or searched.
"""

from reader.search.index import IndexManager, IndexReport
from reader.search.service import Hit, SearchResult, SearchService, synonyms_file_for

__all__ = ["Hit", "IndexManager", "IndexReport", "SearchResult", "SearchService", "synonyms_file_for"]
