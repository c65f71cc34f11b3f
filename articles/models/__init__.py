"""The articles' models: the work (works), its language versions (versions) and the journal
articles it cites (references), which the versions' rendering links; what state of its original
a translation translates (translations)."""

from .references import DUPLICATE_DOI, DOIField, Reference, clean_doi, doi_validator
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
    "clean_doi",
    "doi_validator",
]
