from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Contact")

    def ready(self):
        from practice_site import health

        from . import checks  # noqa: F401 - registers the system checks
        from .health import check_enquiries

        health.register("enquiries", check_enquiries)
