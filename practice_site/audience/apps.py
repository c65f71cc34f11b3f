from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AudienceConfig(AppConfig):
    """How often each reading page is read, per language and day: counters without any
    identifier of a reader (counting.py), shown in the admin home."""

    name = "practice_site.audience"
    label = "audience"
    verbose_name = _("Audience")
