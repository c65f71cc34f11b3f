from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from .models import LegalPage, PracticeDetails


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
