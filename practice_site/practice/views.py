from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, TemplateView

from .models import LegalPage, PracticeDetails, Presentation


def practice_structured_data(request):
    """The practice as schema.org JSON-LD data, with its home page and portrait as absolute
    addresses, for the pages that present it."""
    presentation = Presentation.load()
    portrait = presentation.portrait
    return PracticeDetails.load().structured_data(
        url=request.build_absolute_uri(reverse("articles:home")),
        image_url=request.build_absolute_uri(portrait.url) if portrait else "",
    )


class AboutView(TemplateView):
    template_name = "practice/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(presentation=Presentation.load(), **kwargs)


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
