from django.db.models import Prefetch

from practice_site.sitemaps import AlternatesSitemap

from .models import ArticleVersion


class ArticleSitemap(AlternatesSitemap):
    """Every published language version; its alternates are its published siblings only."""

    def items(self):
        published = ArticleVersion.objects.published()
        return published.select_related("article").prefetch_related(
            Prefetch("article__versions", queryset=published, to_attr="published_versions")
        )

    def lastmod(self, version):
        return version.last_modified

    def translations(self, version):
        return {v.language: v.get_absolute_url() for v in version.article.published_versions}
