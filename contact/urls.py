from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "contact"

urlpatterns = [
    path("contact/", views.EnquiryView.as_view(), name="enquiry"),
    path(pgettext_lazy("URL", "contact/thanks/"), views.ThanksView.as_view(), name="thanks"),
]
