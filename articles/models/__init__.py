"""The articles' models: the work (works), its language versions (versions) and the journal
articles it cites (references), which the versions' rendering links; PostgreSQL's search index
(search_documents)."""

from .references import DUPLICATE_DOI, DOIField, Reference, clean_doi, doi_validator
from .search_documents import SearchDocument
from .versions import ArticleVersion, ArticleVersionQuerySet
from .works import Article

__all__ = [
    "DUPLICATE_DOI",
    "Article",
    "ArticleVersion",
    "ArticleVersionQuerySet",
    "DOIField",
    "Reference",
    "SearchDocument",
    "clean_doi",
    "doi_validator",
]
