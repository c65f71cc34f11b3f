import re
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from practice_site.pictures.images import CleanImageField
from practice_site.richtext.fields import RichTextField
from practice_site.richtext.rendering import french_spaces

from .authors import apa_order, parse_authors, year_suffixes
from .citations import linked_citations
from .rendering import render_body

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

    def to_python(self, value):
        value = super().to_python(value)
        return clean_doi(value) if value else value


class Article(models.Model):
    """An article as a work: what its language versions share (author, references)."""

    shown_to_readers = True

    author = models.CharField(
        _("author"),
        max_length=200,
        blank=True,
        help_text=_("The name shown under the article; if empty, it is signed by the practice."),
    )
    illustration = CleanImageField(
        _("illustration"),
        upload_to="articles/",
        blank=True,
        width_field="illustration_width",
        height_field="illustration_height",
        # As wide as the widest size served, and as tall as a link preview (1200 × 630).
        min_width=1200,
        min_height=630,
        help_text=_(
            "A photograph or picture shown at the top of the article and when it is shared: "
            "JPEG, PNG or WebP, at least 1200 × 630 pixels. Its location and camera details "
            "are removed before it is stored. Describe it in each language version below."
        ),
    )
    illustration_width = models.PositiveIntegerField(null=True, editable=False)
    illustration_height = models.PositiveIntegerField(null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        version = self.original_version()
        return version.title if version else _("Article #%(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        version = self.original_version()
        return version.get_absolute_url() if version else ""

    def references_changed(self):
        """A reference was added, edited or deleted: render every version again, as its
        citations link to the references, and date the change, which Last-Modified, the
        sitemap's lastmod and the structured data's dateModified follow.

        Called by Reference.save() and delete(); a bulk update or delete of references
        (a queryset, the shell) skips it: run `manage.py render_articles` after one."""
        self.render_versions()
        self.save(update_fields=["updated_at"])

    def render_versions(self):
        """Render every version's body again; write back those whose rendering changed and
        return how many did."""
        changed = 0
        # Read afresh, not from a prefetched (maybe stale) list; only rendered fields written.
        for version in ArticleVersion.objects.filter(article=self):
            before = [getattr(version, name) for name in ArticleVersion.RENDERED_FIELDS]
            version.render()
            if [getattr(version, name) for name in ArticleVersion.RENDERED_FIELDS] != before:
                version.save(update_fields=ArticleVersion.RENDERED_FIELDS)
                changed += 1
        return changed

    def citations_of(self, references):
        """Where the versions cite `references`: {citation text: the versions citing it}, as
        the versions were last saved, e.g. {"Bordin, 1979": [French, English]}."""
        ids = {reference.pk for reference in references}
        order = [code for code, _name in settings.LANGUAGES]
        found = {}
        for version in sorted(self.versions.all(), key=lambda v: order.index(v.language)):
            if ids.isdisjoint(version.cited_references):
                continue
            for pk, texts in linked_citations(version.body_html).items():
                for text in texts if pk in ids else ():
                    found.setdefault(text, []).append(version)
        return found

    def original_version(self):
        """The version in the site's main language, or else the first one written."""
        versions = sorted(
            self.versions.all(), key=lambda v: (v.language != settings.LANGUAGE_CODE, v.pk)
        )
        return versions[0] if versions else None


class ArticleVersionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ArticleVersion.Status.PUBLISHED)

    def in_language(self, language):
        return self.filter(language=language)

    def siblings_of(self, language, slug):
        """Every version of the article that has the version (`language`, `slug`), in one query.

        The article page needs the version itself and its sibling versions (for the language
        switcher and hreflang links): fetching them together saves a query per page view.
        """
        return self.select_related("article").filter(
            article__versions__language=language, article__versions__slug=slug
        )


class ArticleVersion(models.Model):
    """One language version of an article, with its own text and its own lifecycle."""

    shown_to_readers = True

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="versions", verbose_name=_("article")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("page address"),
        max_length=200,
        help_text=_("The last part of the address, e.g. “therapeutic-alliance”."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown in article lists and to search engines."),
    )
    body = RichTextField(
        _("body"),
        help_text=_(
            "Use the toolbar for headings, lists and links; citations such as “(Bordin, 1979)” "
            "are linked to the references below."
        ),
    )
    body_html = models.TextField(_("body as HTML"), editable=False)
    reading_time = models.PositiveSmallIntegerField(_("reading time (minutes)"), editable=False)
    # Filled in with body_html: the references the body cites (their ids, in order) and the
    # citations that match none, which the admin reports.
    cited_references = models.JSONField(_("cited references"), default=list, editable=False)
    unmatched_citations = models.JSONField(
        _("citations without a reference"), default=list, editable=False
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    illustration_alt = models.CharField(
        _("illustration description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the illustration shows, for readers who cannot see it (alternative text), "
            "e.g. “Two armchairs facing each other by a window”. Required with an illustration."
        ),
    )
    illustration_caption = models.CharField(
        _("illustration caption"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the illustration, e.g. its credit. Optional."),
    )
    published_at = models.DateTimeField(
        _("published"),
        null=True,
        blank=True,
        help_text=_("Set automatically the first time this version is published."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "title"]
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        # A work is listed once; a DOI names one work, whatever its case (DOI Handbook, 2.4).
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"],
                name="one_version_per_language",
                violation_error_message=_("This article already has a version in this language."),
            ),
            models.UniqueConstraint(
                fields=["language", "slug"],
                name="unique_slug_per_language",
                violation_error_message=_(
                    "Another article in this language has this page address."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"

    RENDERED_FIELDS = ["body_html", "cited_references", "unmatched_citations", "reading_time"]

    def save(self, *args, **kwargs):
        if self.language == "fr":
            # Shown as typed wherever the body's rendering does not reach: <title>, the meta
            # description, feeds, structured data, "cite this".
            self.title, self.summary = french_spaces(self.title), french_spaces(self.summary)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.render()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *self.RENDERED_FIELDS}
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
        try:
            # In the admin, the article as its form is saving it: with its new illustration.
            article = self.article
        except Article.DoesNotExist:
            return
        if article.illustration and not self.illustration_alt.strip():
            raise ValidationError(
                {
                    "illustration_alt": ValidationError(
                        _("Describe the illustration for readers who cannot see it."),
                        code="illustration_alt_required",
                    )
                }
            )

    @classmethod
    def render_texts_showing(cls, folder):
        """Render again the versions whose stored HTML shows a file of `folder` (a library
        picture's renditions: pictures.Picture), and date the change of their articles."""
        for article in Article.objects.filter(versions__body_html__contains=folder).distinct():
            article.render_versions()
            article.save(update_fields=["updated_at"])

    def prepare_preview(self, references):
        """Make this version, as a form left it unsaved, look as it would once saved, with
        `references` as the article's: rendered and dated now where saving would date it.
        Nothing is written."""
        now = timezone.now()
        self.render(references)
        self.updated_at = self.article.updated_at = now
        if self.is_published and self.published_at is None:
            self.published_at = now

    def render(self, references=None):
        """Fill the rendered fields from the body and `references`, by default the article's
        stored ones."""
        if references is None:
            references = (
                Reference.objects.filter(article_id=self.article_id) if self.article_id else []
            )
        references = Reference.label_years(references)
        self.body_html, self.cited_references, self.unmatched_citations, self.reading_time = (
            render_body(self.body, self.language, references)
        )

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    def structured_data(self, url, references, author_name, author_title, image=None):
        """schema.org ScholarlyArticle of this version, with its references as citations and
        its `image` (url, width, height), if any."""
        data = {
            "@context": "https://schema.org",
            "@type": "ScholarlyArticle",
            "headline": self.title,
            "description": self.summary,
            "inLanguage": self.language,
            "url": url,
            "datePublished": self.published_at,
            "dateModified": self.last_modified,
            "citation": [reference.structured_data() for reference in references],
        }
        if author_name:
            data["author"] = {"@type": "Person", "name": author_name, "jobTitle": author_title}
        if image:
            data["image"] = {
                "@type": "ImageObject",
                "url": image["url"],
                "width": image["width"],
                "height": image["height"],
            }
        return data

    @property
    def last_modified(self):
        """When the reader's view of this version last changed (its text or the shared work)."""
        return max(self.updated_at, self.article.updated_at)


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
