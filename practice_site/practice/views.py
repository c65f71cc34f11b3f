from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from .models import LegalPage, PracticeDetails, Presentation


class PresentsPracticeMixin:
    """For the pages that present the practice (home, About, contact): its presentation, read
    once for the page and its link preview, and the practice described for search engines."""

    def get_context_data(self, **kwargs):
        presentation = Presentation.load()
        return super().get_context_data(
            presentation=presentation,
            structured_data=PracticeDetails.load().structured_data(self.request, presentation),
            **kwargs,
        )


class AboutView(PresentsPracticeMixin, TemplateView):
    template_name = "practice/about.html"


class LegalPageView(DetailView):
    template_name = "practice/legal_page.html"
    context_object_name = "page"
    kind = None

    def get_object(self, queryset=None):
        return get_object_or_404(LegalPage, kind=self.kind)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            body_html=self.object.body_html(PracticeDetails.load()), **kwargs
        )
