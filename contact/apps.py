from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Contact")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from practice_site.caching import content_changed

        from . import checks  # noqa: F401 - registers the system checks
        from .models import LegalPage, PracticeDetails

        for model in (PracticeDetails, LegalPage):
            post_save.connect(content_changed, sender=model)
            post_delete.connect(content_changed, sender=model)
