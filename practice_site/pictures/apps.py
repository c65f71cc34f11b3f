from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PicturesConfig(AppConfig):
    """The picture library, and what becomes of any model's uploaded images: cleaned, served in
    responsive sizes, deleted with their renditions."""

    name = "practice_site.pictures"
    label = "pictures"
    verbose_name = _("Picture library")

    def ready(self):
        from django_cleanup.signals import cleanup_post_delete

        from practice_site.richtext import rendering

        from .images import delete_renditions_with_original
        from .models import Picture, render_texts_again

        rendering.use_picture_library(Picture.objects.shown_by)
        cleanup_post_delete.connect(delete_renditions_with_original)
        cleanup_post_delete.connect(render_texts_again, sender=Picture)
