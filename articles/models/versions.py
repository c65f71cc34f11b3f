"""One language version of an article: its text and its lifecycle."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from practice_site.richtext.care import has_help_box, with_guidance
from practice_site.richtext.fields import RichTextField
from practice_site.richtext.rendering import french_spaces

from ..rendering import render_body
from .references import Reference
from .translations import TRANSLATED_FIELDS, TranslationState
from .works import Article


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

    def in_theme(self, theme):
        return self.filter(article__themes=theme)

    def related_to(self, version, themes, count=3):
        """Up to `count` published versions in the language of `version`, of other articles
        sharing its article's `themes`: those sharing the most first, then the newest."""
        # Counted per article in a subquery: a GROUP BY over the versions would group their
        # whole rows, bodies included.
        shared = (
            Article.themes.through.objects.filter(
                article_id=models.OuterRef("article_id"), theme__in=themes
            )
            .order_by()
            .values("article_id")
            .annotate(count=models.Count("*"))
            .values("count")
        )
        return (
            self.published()
            .in_language(version.language)
            .exclude(article_id=version.article_id)
            .annotate(shared_themes=models.Subquery(shared))
            .filter(shared_themes__gt=0)
            .order_by("-shared_themes", "-published_at", "title")
            .select_related("article")[:count]
        )


class ArticleVersion(TranslationState, models.Model):
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
        help_text=with_guidance(
            _(
                "Use the toolbar for headings, lists and links; citations such as “(Bordin, "
                "1979)” are linked to the references below."
            )
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
        if update_fields is None or not set(update_fields).isdisjoint(TRANSLATED_FIELDS):
            self.keep_translations_in_step()

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

    @property
    def title_ends_a_sentence(self):
        """Whether the title ends with its own mark ("…première séance ?"): APA adds no full
        stop after it."""
        return self.title.rstrip()[-1:] in {"?", "!", "."}

    def help_box_languages(self):
        """[its language] if its text got the help box beside suicide, else []."""
        return [self.language] if has_help_box(self.body_html) else []

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
