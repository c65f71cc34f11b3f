from django.contrib import admin
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
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
from .exports import to_bibtex, to_ris
from .forms import SearchForm
from .models import ArticleVersion, Reference

LATEST_ON_HOME = 3


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


class ArticleListView(PublishedInLanguageMixin, ListView):
    template_name = "articles/article_list.html"
    context_object_name = "versions"


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
        return version

    def get_context_data(self, **kwargs):
        urls = {v.language: v.get_absolute_url() for v in self.published_versions}
        if not self.object.is_published:
            urls[self.object.language] = self.object.get_absolute_url()
        references = Reference.reference_list(self.get_references())
        practice = PracticeDetails.load()
        site_name = practice.site_name
        canonical_url = self.request.build_absolute_uri(self.object.get_absolute_url())
        og_image = self.social_image()
        return super().get_context_data(
            references=references,
            cite_author=self.object.article.author or site_name,
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
            og_type="article",
            og_title=self.object.title,
            og_description=self.object.summary,
            og_image=og_image,
            **kwargs,
        )

    def get_references(self):
        return self.object.article.references.all()

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
