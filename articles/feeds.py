from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import ArticleVersion

LATEST = 20


class LatestArticlesFeed(Feed):
    """The articles published in the language of the address (/fr/… or /en/…), newest first.
    The feed's own language is the active one (Feed.language left unset)."""

    feed_type = Atom1Feed
    title = _("Psychology practice: articles")
    subtitle = _("Articles on psychotherapy and how to contact the practice.")
    link = reverse_lazy("articles:list")

    def items(self):
        language = translation.get_language()
        return (ArticleVersion.objects.published().in_language(language).select_related("article"))[
            :LATEST
        ]

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
