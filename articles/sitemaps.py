from django.db.models import Prefetch
from django.utils import translation

from practice_site.sitemaps import TranslatedSitemap

from .models import Article, ArticleVersion


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
