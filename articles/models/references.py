"""The journal articles an article cites, and their DOIs."""

import re
from urllib.parse import unquote

from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from ..authors import apa_order, parse_authors, year_suffixes
from .works import Article

# A DOI is "10.", a registrant code, "/" and a suffix (https://www.doi.org/doi-handbook/).
doi_validator = RegexValidator(
    r"^10\.\d{4,9}/\S+$",
    _("Enter a DOI such as 10.1037/a0022186."),
    code="invalid_doi",
)
# How publishers and reference managers show a DOI before the DOI itself: a resolver address
# (https://doi.org/…, the older http://dx.doi.org/…) or a "doi:" / "DOI:" label.
DOI_PREFIX = re.compile(r"^(?:(?:https?://)?(?:dx\.|www\.)?doi\.org/|doi\s*:?)\s*", re.IGNORECASE)


def clean_doi(value):
    """The bare DOI ("10.1037/h0085885") of a DOI as pasted from a publisher's page or a
    reference list: without its resolver address or label, spaces, or the full stop that
    closes an APA reference. Anything else is left for the validator to refuse."""
    value = value.strip()
    doi = DOI_PREFIX.sub("", value)
    if doi != value and "://" in value:
        # A resolver address escapes the characters a URL may not hold: "%28" for "(".
        doi = unquote(doi)
    return "".join(doi.split()).rstrip(".")


class DOIField(models.CharField):
    """A DOI, stored bare whichever way it was pasted (see clean_doi)."""

    default_validators = [doi_validator]

    def deconstruct(self):
        # Where migrations find it, as they always have: the package re-exports it.
        name, _path, args, kwargs = super().deconstruct()
        return name, "articles.models.DOIField", args, kwargs

    def to_python(self, value):
        value = super().to_python(value)
        return clean_doi(value) if value else value


# Said of a reference whose DOI another reference of the same article has: the database's
# constraint and the article page's references, which check the rows not yet saved, say it alike.
DUPLICATE_DOI = _("Another reference of this article has this DOI: the work would be listed twice.")


class Reference(models.Model):
    """A journal article cited by an article, shared by all its language versions."""

    shown_to_readers = True

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="references", verbose_name=_("article")
    )
    authors = models.CharField(
        _("authors"),
        max_length=500,
        help_text=_("As they appear in the reference list: “Horvath, A. O., & Symonds, D.”"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=500)
    journal = models.CharField(_("journal"), max_length=200)
    volume = models.CharField(_("volume"), max_length=20, blank=True)
    issue = models.CharField(_("issue"), max_length=20, blank=True)
    pages = models.CharField(_("pages"), max_length=30, blank=True, help_text=_("e.g. 252–260"))
    doi = DOIField(
        _("DOI"),
        max_length=200,
        blank=True,
        help_text=_("As the publisher shows it, e.g. https://doi.org/10.1037/a0022186."),
    )
    url = models.URLField(_("URL"), blank=True, help_text=_("Only for a reference without a DOI."))

    class Meta:
        # Close to APA order (the authors as typed); the exact one reads the surnames, which
        # SQL cannot: Reference.reference_list.
        ordering = ["authors", "year", "title"]
        # A work is listed once; a DOI names one work, whatever its case (DOI Handbook, 2.4).
        constraints = [
            models.UniqueConstraint(
                "article",
                Lower("doi"),
                condition=~models.Q(doi=""),
                name="unique_doi_per_article",
                violation_error_code="duplicate_doi",
                violation_error_message=DUPLICATE_DOI,
            )
        ]
        verbose_name = _("reference")
        verbose_name_plural = _("references")

    def __str__(self):
        return f"{self.authors} ({self.year}). {self.title}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.article.references_changed()

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#{self.anchor}"

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        self.article.references_changed()
        return deleted

    @property
    def anchor(self):
        return f"ref-{self.pk}"

    @property
    def title_with_stop(self):
        """The title closed by a full stop, unless it already ends with punctuation (APA 7)."""
        return self.title if self.title.endswith((".", "?", "!")) else f"{self.title}."

    @property
    def link(self):
        """Where the reader finds the work: its DOI resolver address, or its URL."""
        return f"https://doi.org/{self.doi}" if self.doi else self.url

    @property
    def author_list(self):
        """The authors, read from `authors` (see articles.authors)."""
        return parse_authors(self.authors)

    @property
    def surnames(self):
        return [author.surname for author in self.author_list]

    # APA's "a", "b"… telling this work from others of the same authors and year, or "": set
    # by `label_years`, as it depends on the whole reference list, which one reference would
    # read with a query of its own.
    year_suffix = None

    @property
    def year_label(self):
        """The year as cited and listed: "2011", or "2011a" beside a "2011b"."""
        if self.year_suffix is None:
            # Loud, not "": a template would show a wrong label without a word.
            raise ValueError("Reference.label_years() sets the year suffixes first.")
        return f"{self.year}{self.year_suffix}"

    @staticmethod
    def label_years(references):
        """`references`, one article's, as a list with their year suffixes set in one go."""
        references = list(references)
        for reference, suffix in zip(references, year_suffixes(references), strict=True):
            reference.year_suffix = suffix
        return references

    @staticmethod
    def reference_list(references):
        """`references`, one article's, as its reference list is shown and exported: in APA
        order (see articles.authors.apa_order), whatever order they were typed in, with their
        year suffixes set."""
        return Reference.label_years(sorted(references, key=apa_order))

    def structured_data(self):
        """schema.org ScholarlyArticle of this reference."""
        data = {
            "@type": "ScholarlyArticle",
            "name": self.title,
            "author": self.authors,
            "datePublished": str(self.year),
            "isPartOf": {
                "@type": "PublicationIssue",
                "issueNumber": self.issue,
                "isPartOf": {
                    "@type": "PublicationVolume",
                    "volumeNumber": self.volume,
                    "isPartOf": {"@type": "Periodical", "name": self.journal},
                },
            },
            "pagination": self.pages,
        }
        if self.link:
            data["url"] = self.link
        if self.doi:
            data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": self.doi}
        return data
