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
        from django_cleanup.signals import cleanup_post_delete

        from practice_site import caching, history, images

        from . import checks  # noqa: F401 - registers the system checks
        from .models import Picture, render_texts_again

        caching.connect_invalidation(sender=self)
        cleanup_post_delete.connect(images.delete_renditions_with_original)
        cleanup_post_delete.connect(render_texts_again, sender=Picture)
        post_migrate.connect(history.record_initial_versions, sender=self)
