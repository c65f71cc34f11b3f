from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import ArticleVersion, Theme

LATEST = 20


class LatestArticlesFeed(Feed):
    """The articles published in the language of the address (/fr/… or /en/…), newest first.
    The feed's own language is the active one (Feed.language left unset)."""

    feed_type = Atom1Feed
    title = _("Psychology practice: articles")
    subtitle = _("Articles on psychotherapy and how to contact the practice.")
    link = reverse_lazy("articles:list")

    def items(self):
        return self.published_versions()[:LATEST]

    def published_versions(self):
        language = translation.get_language()
        return ArticleVersion.objects.published().in_language(language).select_related("article")

    def item_title(self, version):
        return version.title

    def item_description(self, version):
        return version.summary

    def item_pubdate(self, version):
        return version.published_at

    def item_updateddate(self, version):
        return version.updated_at

    def item_author_name(self, version):
        return version.article.author or None


class ThemeFeed(LatestArticlesFeed):
    """A theme's articles published in the language of the address, newest first; a theme
    without any in that language has no feed in it (404), as it has no page."""

    def get_object(self, request, slug):
        language = translation.get_language()
        return get_object_or_404(
            Theme.objects.with_published_in(language), **{f"slug_{language}": slug}
        )

    def title(self, theme):
        return _("Psychology practice: articles on %(theme)s") % {"theme": theme.name}

    def link(self, theme):
        return theme.get_absolute_url()

    def items(self, theme):
        return self.published_versions().in_theme(theme)[:LATEST]
