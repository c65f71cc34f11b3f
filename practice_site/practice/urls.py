from django.urls import path
from django.utils.translation import pgettext_lazy

from practice_site.caching import reading_page

from . import views
from .models import LegalPage

app_name = "practice"

urlpatterns = [
    path(pgettext_lazy("URL", "about/"), reading_page(views.AboutView.as_view()), name="about"),
    path(
        pgettext_lazy("URL", "legal-notice/"),
        views.LegalPageView.as_view(kind=LegalPage.Kind.LEGAL_NOTICE),
        name="legal-notice",
    ),
    path(
        pgettext_lazy("URL", "privacy/"),
        views.LegalPageView.as_view(kind=LegalPage.Kind.PRIVACY),
        name="privacy",
    ),
]
