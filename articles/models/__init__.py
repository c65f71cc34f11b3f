"""The articles' models: the work (works), its language versions (versions), the journal
articles it cites (references), which the versions' rendering links, and the themes that
group works (themes)."""

from .references import DUPLICATE_DOI, DOIField, Reference, clean_doi, doi_validator
from .themes import Theme, ThemeQuerySet
from .versions import ArticleVersion, ArticleVersionQuerySet
from .works import Article

__all__ = [
    "DUPLICATE_DOI",
    "Article",
    "ArticleVersion",
    "ArticleVersionQuerySet",
    "DOIField",
    "Reference",
    "Theme",
    "ThemeQuerySet",
    "clean_doi",
    "doi_validator",
]
