from django.urls import path, register_converter
from django.utils.translation import pgettext_lazy

from practice_site.caching import reading_page

from . import views
from .feeds import LatestArticlesFeed, ThemeFeed


class ExportFormatConverter:
    """The file formats of views.EXPORTS: any other extension is not a page at all (404)."""

    regex = "|".join(views.EXPORTS)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ExportFormatConverter, "export_format")

app_name = "articles"

urlpatterns = [
    path("", reading_page(views.HomeView.as_view()), name="home"),
    path("articles/", reading_page(views.ArticleListView.as_view()), name="list"),
    path("articles/feed/", LatestArticlesFeed(), name="feed"),
    # Before an article's address, which would not match it anyway (two segments).
    path("articles/themes/<slug:slug>/", reading_page(views.ThemeView.as_view()), name="theme"),
    path("articles/themes/<slug:slug>/feed/", ThemeFeed(), name="theme-feed"),
    path(
        "articles/<slug:slug>/",
        reading_page(views.ArticleDetailView.as_view()),
        name="detail",
    ),
    # Never cached: a search is the reader's own (views.SearchView).
    path(pgettext_lazy("URL", "search/"), views.SearchView.as_view(), name="search"),
    path(
        "articles/<slug:slug>/references.<export_format:format>",
        views.export_references,
        name="references-export",
    ),
    path(
        "articles/<slug:slug>/references/<int:pk>.<export_format:format>",
        views.export_references,
        name="reference-export",
    ),
]
