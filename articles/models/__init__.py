"""The articles' models: the work (works), its language versions (versions), the journal
articles it cites (references), which the versions' rendering links, the themes that group
works (themes), and what state of its original a translation translates (translations)."""

from .references import DUPLICATE_DOI, DOIField, Reference, clean_doi, doi_validator
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
    "StaleTranslation",
    "TranslationState",
    "Theme",
    "ThemeQuerySet",
    "clean_doi",
    "doi_validator",
]
