from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PracticeConfig(AppConfig):
    """What is site-wide: the practice's identity (its details, its legal pages) and the page
    cache that every reader-facing model invalidates."""

    name = "practice_site.practice"
    label = "practice"
    verbose_name = _("The practice")

    def ready(self):
        from practice_site import caching, history

        from . import checks  # noqa: F401 - registers the system checks

        caching.connect_invalidation(sender=self)
        post_migrate.connect(history.record_initial_versions, sender=self)
