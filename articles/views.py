from dataclasses import replace

from django.conf import settings
from django.contrib import admin
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import translate_url
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView

from practice_site.languages import language_links
from practice_site.pictures.images import social_image
from practice_site.practice.models import PracticeDetails
from practice_site.practice.views import PresentsPracticeMixin

from . import search
from .authors import apa_name
from .exports import to_bibtex, to_ris
from .forms import SearchForm
from .models import ArticleVersion, Reference, Theme

LATEST_ON_HOME = 3
ARTICLES_PER_PAGE = 10


class PublishedInLanguageMixin:
    """Lists the published versions written in the language of the request."""

    def get_queryset(self):
        # With the article: its illustration shows in the list.
        return (
            ArticleVersion.objects.published()
            .in_language(translation.get_language())
            .select_related("article")
        )


class HomeView(PresentsPracticeMixin, PublishedInLanguageMixin, ListView):
    template_name = "articles/home.html"
    context_object_name = "latest_versions"

    def get_queryset(self):
        return super().get_queryset()[:LATEST_ON_HOME]


class PaginatedMixin:
    """Ten articles a page (?page=2); a page that does not exist is a 404 (Django's ListView)."""

    paginate_by = ARTICLES_PER_PAGE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        path = self.request.path
        context["page_links"] = [
            (number, None if number == page.paginator.ELLIPSIS else page_url(path, number))
            for number in page.paginator.get_elided_page_range(
                page.number, on_each_side=1, on_ends=1
            )
        ]
        if page.has_previous():
            context["previous_page_url"] = page_url(path, page.previous_page_number())
        if page.has_next():
            context["next_page_url"] = page_url(path, page.next_page_number())
        context["language_links"] = paginated_language_links(
            self.request, self.urls_by_language(), page
        )
        return context

    def urls_by_language(self):
        """The first page of this list in each language it exists in."""
        raise NotImplementedError


def page_url(path, number):
    """The first page at the list's own address, which has no ?page=1 twin."""
    return path if number == 1 else f"{path}?page={number}"


def paginated_language_links(request, urls_by_language, page):
    """The language links of a page of a list: on a page after the first, the page is its
    own canonical address and has no translation (page 2 in English lists other articles),
    but the switcher still leads to the list in the other languages."""
    links = language_links(request, urls_by_language)
    if page.number == 1:
        return links
    return [
        replace(link, url=page_url(link.url, page.number))
        if link.is_current
        else replace(link, is_translation=False)
        for link in links
    ]


class ArticleListView(PaginatedMixin, PublishedInLanguageMixin, ListView):
    template_name = "articles/article_list.html"
    context_object_name = "versions"

    def urls_by_language(self):
        return {code: translate_url(self.request.path, code) for code, _name in settings.LANGUAGES}


class ThemeView(PaginatedMixin, PublishedInLanguageMixin, ListView):
    """A theme's published articles in the page's language; a theme with none in it has no
    page in it."""

    template_name = "articles/theme.html"
    context_object_name = "versions"

    def get(self, request, *args, **kwargs):
        language = translation.get_language()
        self.theme = get_object_or_404(
            Theme.objects.with_published_in(language), **{f"slug_{language}": kwargs["slug"]}
        )
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().in_theme(self.theme)

    def urls_by_language(self):
        published = ArticleVersion.objects.published().in_theme(self.theme)
        languages = set(published.values_list("language", flat=True).distinct())
        return {code: self.theme.get_absolute_url(code) for code in languages}

    def get_context_data(self, **kwargs):
        return super().get_context_data(theme=self.theme, **kwargs)


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "version"

    def get_object(self, queryset=None):
        language = translation.get_language()
        slug = self.kwargs["slug"]
        versions = list(ArticleVersion.objects.siblings_of(language, slug))
        version = next((v for v in versions if v.language == language and v.slug == slug), None)
        # Drafts are visible, as a preview before publishing, to those the admin lets in (with
        # the second factor when ADMIN_TWO_FACTOR is on), not to a password alone.
        if version is None or not (version.is_published or admin.site.has_permission(self.request)):
            raise Http404
        self.published_versions = [v for v in versions if v.is_published]
        self.stale_translation = version.stale_translation(versions)
        return version

    def get_context_data(self, **kwargs):
        urls = {v.language: v.get_absolute_url() for v in self.published_versions}
        if not self.object.is_published:
            urls[self.object.language] = self.object.get_absolute_url()
        references = Reference.reference_list(self.get_references())
        themes = self.get_themes()
        practice = PracticeDetails.load()
        site_name = practice.site_name
        canonical_url = self.request.build_absolute_uri(self.object.get_absolute_url())
        og_image = self.social_image()
        return super().get_context_data(
            references=references,
            themes=themes,
            related_versions=self.related_versions(themes),
            cite_author=apa_name(self.object.article.author)
            if self.object.article.author
            else site_name,
            site_name=site_name,
            canonical_url=canonical_url,
            structured_data=self.object.structured_data(
                url=canonical_url,
                references=references,
                author_name=self.object.article.author or practice.psychologist_name,
                author_title=practice.title,
                image=og_image,
            ),
            language_links=language_links(self.request, urls),
            stale_translation=self.stale_translation,
            og_type="article",
            og_title=self.object.title,
            og_description=self.object.summary,
            og_image=og_image,
            **kwargs,
        )

    def get_references(self):
        return self.object.article.references.all()

    def get_themes(self):
        return list(self.object.article.themes.all())

    def related_versions(self, themes):
        if not themes:
            return []
        return ArticleVersion.objects.related_to(self.object, themes)

    def social_image(self):
        """The link preview of the article's illustration (url, width, height, alt), or None:
        the page then has the site's default one."""
        illustration = self.object.article.illustration
        if not illustration:
            return None
        return social_image(self.request, illustration, self.object.illustration_alt)


# What a reader searches for is theirs: no browser, proxy or page cache keeps the page
# (no-store, private), and nothing logs its query.
@method_decorator(never_cache, name="dispatch")
class SearchView(TemplateView):
    template_name = "articles/search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET if "q" in self.request.GET else None)
        results = (
            search.search(translation.get_language(), form.cleaned_data["q"])
            if (form.is_valid())
            else None
        )
        return super().get_context_data(form=form, results=results, **kwargs)


EXPORTS = {
    "bib": (to_bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (to_ris, "application/x-research-info-systems; charset=utf-8"),
}


def export_references(request, slug, format, pk=None):
    """The article's references (or one of them, `pk`) as a BibTeX or RIS file; `format` is
    one of EXPORTS, which the URL pattern guarantees."""
    versions = (
        ArticleVersion.objects.all()
        if admin.site.has_permission(request)
        else ArticleVersion.objects.published()
    )
    version = get_object_or_404(
        versions.select_related("article"), language=translation.get_language(), slug=slug
    )
    # Labelled as a whole even for one reference: its key carries the suffix the text cites.
    references = Reference.reference_list(version.article.references.all())
    only = None
    if pk is not None:
        only = next((reference for reference in references if reference.pk == pk), None)
        if only is None:
            raise Http404
    render, content_type = EXPORTS[format]
    filename = f"{slug}-{pk}.{format}" if pk else f"{slug}.{format}"
    response = HttpResponse(render(references, only=only), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
