from django import template
from django.conf import settings
from django.contrib import admin
from django.urls import reverse

from articles import reads
from articles.models import Article

register = template.Library()

# The admin home lists the most recently edited; the article list has them all.
HOME_ARTICLES = 10


@register.simple_tag(takes_context=True)
def recent_articles(context):
    """The articles she edited last, each with its edit link and, per language of the site,
    its version's status (None where that language is not written yet); None for a user who
    may not see articles."""
    request = context["request"]
    if not admin.site.get_model_admin(Article).has_view_permission(request):
        return None
    articles = Article.objects.order_by("-updated_at").prefetch_related("versions")
    return {
        "languages": [name for _code, name in settings.LANGUAGES],
        "changelist": reverse("admin:articles_article_changelist", current_app=admin.site.name),
        "articles": [summary(article) for article in articles[:HOME_ARTICLES]],
    }


@register.simple_tag(takes_context=True)
def article_reads(context):
    """How often her published articles were read lately, per language version (articles/reads.py);
    None for a user who may not see articles."""
    if not admin.site.get_model_admin(Article).has_view_permission(context["request"]):
        return None
    return reads.recent_reads()


def summary(article):
    versions = {version.language: version for version in article.versions.all()}
    return {
        "title": str(article),
        "url": reverse(
            "admin:articles_article_change", args=[article.pk], current_app=admin.site.name
        ),
        "statuses": [
            versions[code].get_status_display() if code in versions else None
            for code, _name in settings.LANGUAGES
        ],
    }
