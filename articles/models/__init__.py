"""The articles' models: the work (works), its language versions (versions), the journal
articles it cites (references), which the versions' rendering links, the themes that group
works (themes), what state of its original a translation translates (translations), and
PostgreSQL's search index (search_documents)."""

from .references import DUPLICATE_DOI, DOIField, Reference, clean_doi, doi_validator
from .search_documents import SearchDocument
from .themes import Theme, ThemeQuerySet
from .translations import StaleTranslation, TranslationState
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
    "StaleTranslation",
    "Theme",
    "ThemeQuerySet",
    "TranslationState",
    "clean_doi",
    "doi_validator",
]
