"""Themes that group articles, named in each language, each with a page per language that
lists the articles published in it."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from practice_site.richtext.rendering import french_spaces

from .versions import ArticleVersion


class ThemeQuerySet(models.QuerySet):
    def with_published_in(self, language):
        """The themes of at least one article published in `language`: the others have no
        page in it."""
        published = ArticleVersion.objects.published().in_language(language)
        return self.filter(pk__in=published.values("article__themes"))


class Theme(models.Model):
    """A theme, e.g. « Anxiété » / "Anxiety", chosen on the articles it groups."""

    shown_to_readers = True

    name_fr = models.CharField(_("name in French"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)
    slug_fr = models.SlugField(
        _("page address in French"),
        max_length=100,
        unique=True,
        help_text=_("The last part of the address, e.g. “anxiete”."),
    )
    slug_en = models.SlugField(
        _("page address in English"),
        max_length=100,
        unique=True,
        help_text=_("The last part of the address, e.g. “anxiety”."),
    )

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["name_fr"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Shown as typed on the pages, their titles and the feed: French typography, as titles.
        self.name_fr = french_spaces(self.name_fr)
        super().save(*args, **kwargs)

    def get_absolute_url(self, language=None):
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        with translation.override(language):
            return reverse("articles:theme", kwargs={"slug": self.field("slug", language)})

    def field(self, name, language):
        """The value of the bilingual field `name` in `language`: field("slug", "en")."""
        return getattr(self, f"{name}_{language}")

    @property
    def name(self):
        """The name in the active language."""
        return self.field("name", translation.get_language() or settings.LANGUAGE_CODE)

    @property
    def slug(self):
        """The page address in the active language."""
        return self.field("slug", translation.get_language() or settings.LANGUAGE_CODE)
