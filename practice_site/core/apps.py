from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The parts the project and every app share; their models too (the rate limit's
    counters)."""

    name = "practice_site.core"
    label = "core"
    verbose_name = _("Shared tools")
