from django.db.models import Max, Prefetch
from django.db.models.functions import Greatest
from django.utils import translation

from practice_site.sitemaps import TranslatedSitemap

from .models import Article, ArticleVersion, Theme


class ArticleSitemap(TranslatedSitemap):
    """Every article in each language it is published in; its alternates are its published
    versions only."""

    def items(self):
        published = ArticleVersion.objects.published()
        return Article.objects.filter(pk__in=published.values("article")).prefetch_related(
            Prefetch("versions", queryset=published, to_attr="published_versions")
        )

    def get_languages_for_item(self, article):
        return [version.language for version in article.published_versions]

    def location(self, article):
        language = translation.get_language()
        version = next(v for v in article.published_versions if v.language == language)
        return version.get_absolute_url()

    def lastmod(self, article):
        """The sitemap's own Last-Modified: the latest change of any version."""
        return max(version.last_modified for version in article.published_versions)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        # Each address's lastmod is its own version's: Django asks lastmod() per article only.
        for url in urls:
            article, language = url["item"]
            url["lastmod"] = next(
                v.last_modified for v in article.published_versions if v.language == language
            )
        return urls


class ThemeSitemap(TranslatedSitemap):
    """Every theme in each language it has published articles in; its alternates are its
    pages in the other languages that have some."""

    def items(self):
        # Per theme and language, when its page last changed: the latest change of its articles.
        changes = (
            ArticleVersion.objects.published()
            .filter(article__themes__isnull=False)
            .values_list("article__themes", "language")
            .annotate(last_modified=Max(Greatest("updated_at", "article__updated_at")))
        )
        by_theme = {}
        for theme_pk, language, last_modified in changes:
            by_theme.setdefault(theme_pk, {})[language] = last_modified
        themes = list(Theme.objects.filter(pk__in=by_theme))
        for theme in themes:
            theme.last_modified = by_theme[theme.pk]
        return themes

    def get_languages_for_item(self, theme):
        return list(theme.last_modified)

    def location(self, theme):
        return theme.get_absolute_url(translation.get_language())

    def lastmod(self, theme):
        return max(theme.last_modified.values())

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            theme, language = url["item"]
            url["lastmod"] = theme.last_modified[language]
        return urls
