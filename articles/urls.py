from django.urls import path

from practice_site.caching import reading_page

from . import views
from .feeds import LatestArticlesFeed

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
