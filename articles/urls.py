from django.urls import path
from django.views.decorators.gzip import gzip_page

from practice_site.caching import cached_page

from . import views
from .feeds import LatestArticlesFeed


def reading_page(view):
    """Cached, and compressed: these pages hold no secret (no form, no token), so compressing
    them exposes nothing to BREACH-style attacks."""
    return gzip_page(cached_page(view))


app_name = "articles"

urlpatterns = [
    path("", reading_page(views.HomeView.as_view()), name="home"),
    path("articles/", reading_page(views.ArticleListView.as_view()), name="list"),
    path("articles/feed/", LatestArticlesFeed(), name="feed"),
    path(
        "articles/<slug:slug>/",
        reading_page(views.ArticleDetailView.as_view()),
        name="detail",
    ),
    path(
        "articles/<slug:slug>/references.<str:format>",
        views.export_references,
        name="references-export",
    ),
    path(
        "articles/<slug:slug>/references/<int:pk>.<str:format>",
        views.export_references,
        name="reference-export",
    ),
]
